//! The scanner: one pass over the text that cuts it into tokens, folds
//! their keys and counts letters by script.

use super::fold;
use super::script::ScriptTally;
use super::units::{is_digit, is_quote_mark, push_folded, unit_table, Class, UnitTable};
use super::{Token, TokenKind, Tokens};
use unicode_segmentation::UnicodeSegmentation;

pub(super) struct Scanner<'a, 'b> {
    pub(super) text: &'a str,
    pub(super) out: &'b mut Tokens,
    pub(super) char_pos: u32,
    /// Every char's script is counted where the scanner reads its unit, so
    /// the language needs no pass of its own.
    pub(super) letters: ScriptTally,
}

impl Scanner<'_, '_> {
    fn push(&mut self, kind: TokenKind, start: usize, end: usize, chars: u32) {
        let key_start = self.out.keys.len() as u32;
        if matches!(kind, TokenKind::Word | TokenKind::Number) {
            fold::fold_into(&self.text[start..end], &mut self.out.keys);
        }
        self.push_keyed(kind, start, chars, key_start);
    }

    /// Pushes a token whose key (if any) is already in `keys` from `key_start`.
    #[inline]
    fn push_keyed(&mut self, kind: TokenKind, start: usize, chars: u32, key_start: u32) {
        if matches!(kind, TokenKind::Newline | TokenKind::Punct | TokenKind::Quote) {
            self.out.boundaries.push(self.out.tokens.len() as u32);
        }
        let token = self.next_token(kind, start, chars, key_start);
        self.out.tokens.push(token);
    }

    /// The next token, of `chars` chars from byte `start`, not pushed yet
    /// (the caller pushes it, and records it if it is a boundary).
    #[inline(always)]
    fn next_token(&mut self, kind: TokenKind, start: usize, chars: u32, key_start: u32) -> Token {
        let token = Token { kind, start: start as u32, char_start: self.char_pos, key_start };
        self.char_pos += chars;
        token
    }

    /// Pushes a token without a key.
    #[inline]
    fn push_unkeyed(&mut self, kind: TokenKind, start: usize, chars: u32) {
        let key_start = self.out.keys.len() as u32;
        self.push_keyed(kind, start, chars, key_start);
    }

    /// Scans the whole text. Without `FAST_PATHS` (only in tests, which
    /// check that both agree) every char goes through the general path:
    /// with them, a word that starts with a letter of [`ArabicLetterKeys`]
    /// and the single space after it are taken by loops of their own, and
    /// so is every word's runs of such letters.
    pub(super) fn run<const FAST_PATHS: bool>(&mut self) {
        let text = self.text;
        let bytes = text.as_bytes();
        let len = text.len();
        let table = unit_table();
        let mut letters = ScriptTally::default();
        let mut pos = 0;
        while pos < len {
            let start = pos;
            if FAST_PATHS && table.arabic_letters.letter_at(bytes, pos) {
                pos = self.scan_words(table, start, &mut letters);
                continue;
            }
            let (unit, unit_len) = table.unit_at(text, pos);
            // word and number runs read their first char again
            match unit.class() {
                Class::ArabicLetter | Class::Mark if FAST_PATHS => {
                    let (word, end, _) = self.scan_word(table, start, &mut letters);
                    self.out.tokens.push(word);
                    pos = end;
                    continue;
                }
                Class::ArabicLetter | Class::Mark => {
                    pos = self.scan_keyed_run(table, TokenKind::Word, start, &mut letters);
                    continue;
                }
                Class::Digit => {
                    pos = self.scan_keyed_run(table, TokenKind::Number, start, &mut letters);
                    continue;
                }
                _ => {}
            }
            pos += unit_len;
            letters.add(unit);
            pos = match unit.class() {
                Class::ArabicLetter | Class::Mark | Class::Digit => unreachable!("scanned above"),
                Class::Newline => self.push_newline(start, pos),
                Class::Space => self.scan_spaces(table, start, pos, &mut letters),
                Class::Quote => self.push_single(TokenKind::Quote, start, pos),
                Class::Punct => self.push_single(TokenKind::Punct, start, pos),
                Class::OtherLetter => self.scan_foreign_run(table, start, pos, &mut letters),
            };
        }
        self.letters = letters;
    }

    /// Pushes a token of the one char from `start` to `end`; returns `end`.
    #[inline]
    fn push_single(&mut self, kind: TokenKind, start: usize, end: usize) -> usize {
        self.push_unkeyed(kind, start, 1);
        end
    }

    /// Pushes the line break at `start`, whose first char ends at `pos` (a
    /// `\r\n` pair is one token); returns its end.
    #[inline]
    fn push_newline(&mut self, start: usize, mut pos: usize) -> usize {
        let bytes = self.text.as_bytes();
        let mut chars = 1;
        if bytes[start] == b'\r' && bytes.get(pos) == Some(&b'\n') {
            pos += 1;
            chars += 1;
        }
        self.push_unkeyed(TokenKind::Newline, start, chars);
        pos
    }

    /// Pushes the run of spaces at `start`, whose first char ends at `pos`;
    /// returns its end.
    #[inline]
    fn scan_spaces(&mut self, table: &UnitTable, start: usize, mut pos: usize, letters: &mut ScriptTally) -> usize {
        let text = self.text;
        let mut chars = 1;
        while pos < text.len() {
            let (u, u_len) = table.unit_at(text, pos);
            if u.class() != Class::Space {
                break;
            }
            letters.add(u);
            pos += u_len;
            chars += 1;
        }
        self.push_unkeyed(TokenKind::Space, start, chars);
        pos
    }

    /// A run of non-Arabic letters at `start`, whose first char ends at
    /// `pos`, with the digits and inner punctuation UAX #29 keeps inside
    /// words: pushed as its Unicode word boundaries cut it; returns its end.
    fn scan_foreign_run(&mut self, table: &UnitTable, start: usize, mut pos: usize, letters: &mut ScriptTally) -> usize {
        let text = self.text;
        while pos < text.len() {
            let (u, u_len) = table.unit_at(text, pos);
            let k = u.class();
            let inner = matches!(&text[pos..pos + u_len], "." | "'" | "’" | "-" | "_");
            if matches!(k, Class::OtherLetter | Class::Digit) || (inner && k != Class::Quote) {
                letters.add(u);
                pos += u_len;
            } else {
                break;
            }
        }
        self.push_foreign_run(start, pos);
        pos
    }

    /// Scans a word (Arabic letters and marks) or number (digits) run from
    /// `start`, folding it into `keys` as it goes so that it is decoded
    /// once; pushes the token and returns the end of the run. Chars that
    /// fold to themselves (most of them) are copied in chunks rather than
    /// one at a time. The reference for [`Scanner::scan_word`].
    fn scan_keyed_run(&mut self, table: &UnitTable, kind: TokenKind, start: usize, letters: &mut ScriptTally) -> usize {
        let text = self.text;
        let keys = &mut self.out.keys;
        let key_start = keys.len() as u32;
        let in_run = |k: Class| match kind {
            TokenKind::Number => k == Class::Digit,
            _ => matches!(k, Class::ArabicLetter | Class::Mark),
        };
        // start of the chars not yet copied, all of which fold to themselves
        let mut copy_from = start;
        let mut pos = start;
        let mut chars = 0;
        while pos < text.len() {
            let (u, u_len) = table.unit_at(text, pos);
            if !in_run(u.class()) {
                break;
            }
            letters.add(u);
            if !u.keeps_itself() {
                push_folded(keys, &text[copy_from..pos], u);
                copy_from = pos + u_len;
            }
            pos += u_len;
            chars += 1;
        }
        keys.push_str(&text[copy_from..pos]);
        self.push_keyed(kind, start, chars, key_start);
        pos
    }

    /// Scans words that start with a letter of [`ArabicLetterKeys`], the
    /// first at `start`, and the single spaces between them, until
    /// something else comes; returns where it stops.
    #[inline(always)]
    fn scan_words(&mut self, table: &UnitTable, start: usize, letters: &mut ScriptTally) -> usize {
        let mut pos = start;
        loop {
            let (word, end, space_then_letter) = self.scan_word(table, pos, letters);
            pos = end;
            // such a letter is never a space, so the space before one is
            // a run of its own; the word and the space are pushed at once
            // (neither is a boundary)
            if space_then_letter {
                let space = self.next_token(TokenKind::Space, pos, 1, self.out.keys.len() as u32);
                self.out.tokens.extend_from_slice(&[word, space]);
                pos += 1;
            } else {
                self.out.tokens.push(word);
                return pos;
            }
        }
    }

    /// [`Scanner::scan_keyed_run`] for a word, but returning the word's
    /// token, for the caller to push, with its end and whether a single
    /// space and a letter of [`ArabicLetterKeys`] follow: its runs of such
    /// letters (nearly all of an Arabic word) are folded by
    /// [`ArabicLetterKeys::fold_run`], other chars one at a time.
    #[inline(always)]
    fn scan_word(&mut self, table: &UnitTable, start: usize, letters: &mut ScriptTally) -> (Token, usize, bool) {
        let text = self.text;
        let bytes = text.as_bytes();
        let keys = &mut self.out.keys;
        let key_start = keys.len() as u32;
        let mut pos = start;
        let mut chars = 0;
        loop {
            let end = table.arabic_letters.fold_run(bytes, pos, keys);
            let run_letters = ((end - pos) / 2) as u32;
            letters.arabic_block_letters += u64::from(run_letters);
            chars += run_letters;
            pos = end;
            // ASCII is never part of a word; the byte that ends it is
            // read once for both questions
            let space_then_letter = match bytes.get(pos) {
                None => false,
                Some(&b) if b < 0x80 => b == b' ' && table.arabic_letters.letter_at(bytes, pos + 1),
                Some(_) => {
                    let (u, u_len) = table.unit_at(text, pos);
                    if matches!(u.class(), Class::ArabicLetter | Class::Mark) {
                        letters.add(u);
                        if let Some(folded) = u.folded() {
                            keys.push(folded);
                        }
                        pos += u_len;
                        chars += 1;
                        continue;
                    }
                    // neither a space: a char of two or more bytes
                    false
                }
            };
            return (self.next_token(TokenKind::Word, start, chars, key_start), pos, space_then_letter);
        }
    }

    fn push_foreign_run(&mut self, start: usize, end: usize) {
        let run = &self.text[start..end];
        for (off, piece) in run.split_word_bound_indices() {
            let chars = piece.chars().count() as u32;
            let first = piece.chars().next().unwrap_or(' ');
            let kind = if piece.chars().all(is_digit) {
                TokenKind::Number
            } else if first.is_alphanumeric() {
                TokenKind::Word
            } else if is_quote_mark(first) {
                TokenKind::Quote
            } else {
                TokenKind::Punct
            };
            if kind == TokenKind::Punct && chars > 1 {
                // keep punctuation one character per token
                for (o, ch) in piece.char_indices() {
                    let s = start + off + o;
                    self.push(TokenKind::Punct, s, s + ch.len_utf8(), 1);
                }
            } else {
                self.push(kind, start + off, start + off + piece.len(), chars);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::toks;
    use super::super::*;

    /// Tokenizes `text` with and without the scanner's fast paths and checks
    /// that both give the same tokens, keys, counts, sentences and quotes.
    fn assert_fast_paths_agree(text: &str) {
        let (mut fast, mut general) = (Tokens::new(), Tokens::new());
        fast.tokenize_with::<true>(text);
        general.tokenize_with::<false>(text);
        assert_eq!(fast.tokens, general.tokens, "{text:?}");
        assert_eq!(fast.keys, general.keys, "{text:?}");
        assert_eq!(fast.letters, general.letters, "{text:?}");
        assert_eq!((fast.total_chars, fast.total_bytes), (general.total_chars, general.total_bytes), "{text:?}");
        assert_eq!(fast.sentences, general.sentences, "{text:?}");
        assert_eq!(fast.paragraphs, general.paragraphs, "{text:?}");
        assert_eq!(fast.quotes, general.quotes, "{text:?}");
    }

    #[test]
    fn boundaries_are_the_breaks_punctuation_and_quotes() {
        let mut text: String = ('\u{0000}'..='\u{07FF}').collect();
        text.push_str("\u{2019}\u{201C}\u{2026}中😀 U.S. don't «قال» \"نعم\".\r\n...؟ (CNN)-- ١٠/٢");
        let t = toks(&text);
        let expected: Vec<u32> = (0..t.tokens.len() as u32)
            .filter(|&i| matches!(t.tokens[i as usize].kind, TokenKind::Newline | TokenKind::Punct | TokenKind::Quote))
            .collect();
        assert_eq!(t.boundaries, expected);
    }

    #[test]
    fn fast_paths_agree_with_the_general_path() {
        let beyond = ['\u{0800}', '\u{08A0}', '\u{08D4}', '\u{200B}', '\u{200C}', '\u{200F}', '\u{2019}', '\u{FB50}', '\u{FE8D}', '\u{FEFF}', '中', '😀'];
        let mut all = String::new();
        for c in ('\u{0000}'..='\u{07FF}').chain(beyond) {
            // the char inside, before and after Arabic words, after the
            // single space that follows one, and next to itself
            let text = format!("سلام{c}عليكم {c}ب ب{c} {c}{c} أإ{c}ة {c}ـ\r\nوقال{c} ١{c}٢ a{c}b «{c}» {c}");
            assert_fast_paths_agree(&text);
            all.push_str(&text);
        }
        assert_fast_paths_agree(&all);
        assert_fast_paths_agree("قال لافروف”ما يحدث، ١٠ تموز/يوليو.\r\nوأضاف (CNN)-- U.S. don't 1436هـ\rend");
        assert_fast_paths_agree("سوريا  سوريا\u{00A0}سوريا \u{0750}ب ب");
        // a long word, with dropped chars
        let long_word = "سُوريأ".repeat(20_000);
        assert_fast_paths_agree(&format!("{long_word} {long_word}ـة"));
    }
}
