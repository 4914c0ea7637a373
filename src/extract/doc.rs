//! The view of one tokenized text that extractors read: tokens, their
//! lexicon ids (looked up once per text) and navigation helpers.

use crate::lexicon::{keys, KeyTable, Lexicons, PhraseSet, WordId, WordInfo, NO_WORD};
use crate::tokenizer::clitics::{self, Split};
use crate::tokenizer::fold::fold_char;
use crate::tokenizer::{Token, TokenKind, Tokens};

/// Lexicon ids of one token: as a whole word, and as its best stem. Eight
/// bytes a token: the whole-word id shares its word with the date-trigger
/// flag, the stem id with the number of proclitic code points and the
/// conjunction flag (vocabulary ids stay below 2^24).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TokenLex {
    /// Whole-word id (low 24 bits; all ones for none) and whether the word
    /// can begin a date (bit 24).
    whole: u32,
    /// Stem id (low 24 bits; all ones for none), proclitic code points
    /// (bits 24–30) and whether they include a conjunction (bit 31).
    packed: u32,
}

const STEM_MASK: u32 = (1 << 24) - 1;
const DATE_TRIGGER: u32 = 1 << 24;

impl TokenLex {
    const NONE: TokenLex = TokenLex { whole: STEM_MASK, packed: STEM_MASK };

    fn new(full: WordId, date_trigger: bool, stem: WordId, prefix_chars: u8, conj: bool) -> Self {
        let id_bits = |id: WordId| if id == NO_WORD { STEM_MASK } else { id & STEM_MASK };
        TokenLex {
            whole: id_bits(full) | if date_trigger { DATE_TRIGGER } else { 0 },
            packed: id_bits(stem) | (u32::from(prefix_chars.min(127)) << 24) | (u32::from(conj) << 31),
        }
    }

    /// The whole word's id, or `NO_WORD`.
    #[inline]
    pub fn full(&self) -> WordId {
        let w = self.whole & STEM_MASK;
        if w == STEM_MASK {
            NO_WORD
        } else {
            w
        }
    }

    /// Whether a date expression can begin with this word, read whole or
    /// without its proclitics (see [`Lexicons::is_date_trigger`]); false
    /// for non-words.
    #[inline]
    pub fn date_trigger(&self) -> bool {
        self.whole & DATE_TRIGGER != 0
    }

    /// The stem's id, or `NO_WORD`.
    #[inline]
    pub fn stem(&self) -> WordId {
        let s = self.packed & STEM_MASK;
        if s == STEM_MASK {
            NO_WORD
        } else {
            s
        }
    }

    /// Code points of the proclitics before the stem (0 without a stem).
    #[inline]
    pub fn prefix_chars(&self) -> u8 {
        ((self.packed >> 24) & 0x7F) as u8
    }

    /// The proclitics include a conjunction و/ف (`وقال`, `فيما`).
    #[inline]
    pub fn conj(&self) -> bool {
        self.packed >> 31 == 1
    }
}

/// The article that a stem after لل gets back (`للامم` → `الامم`).
const ARTICLE: &[u8] = "ال".as_bytes();

/// Looks up every word of `toks` once, filling `out` (one entry per token).
///
/// A word is looked up whole, then as each stem its proclitics allow
/// (shortest proclitics first; the first stem in the vocabulary wins). The
/// stems are suffixes of the key, so the hashes of all of them come from
/// one pass over it (see [`crate::lexicon::keys`]).
pub fn annotate(text: &str, toks: &Tokens, lex: &Lexicons, out: &mut Vec<TokenLex>) {
    out.clear();
    out.reserve(toks.tokens.len());
    let table = &lex.keys;
    // Tokens go in blocks: first the hashes of a block's keys and the read
    // of their home slots, whose cache misses then overlap instead of
    // stalling one word after the other; then the lookups.
    const BLOCK: usize = 32;
    let mut hashes = [[0u64; 4]; BLOCK];
    let mut homes = [keys::HomeSlot::default(); BLOCK];
    for block in (0..toks.tokens.len()).step_by(BLOCK) {
        let block_tokens = &toks.tokens[block..toks.tokens.len().min(block + BLOCK)];
        for (j, t) in block_tokens.iter().enumerate() {
            if t.is_wordlike() {
                hashes[j] = keys::suffix_hashes(toks.key(block + j).as_bytes());
                homes[j] = table.home(hashes[j][0]);
            }
        }
        for (j, t) in block_tokens.iter().enumerate() {
            let entry = if t.is_wordlike() { annotate_word(text, toks, table, block + j, &hashes[j], homes[j]) } else { TokenLex::NONE };
            out.push(entry);
        }
    }
}

/// The lexicon ids of word-like token `i`, whose key has the suffix
/// hashes `hashes` and the home slot `home`.
#[inline]
fn annotate_word(text: &str, toks: &Tokens, table: &KeyTable, i: usize, hashes: &[u64; 4], home: keys::HomeSlot) -> TokenLex {
    let key = toks.key(i);
    let kb = key.as_bytes();
    // the hash of the key's suffix from byte `at`
    let suffix_hash = |at: usize| match hashes.get(at / 2) {
        Some(&h) if at % 2 == 0 => h,
        _ => keys::key_hash(&kb[at..]),
    };
    let whole = table.find_from(hashes[0], home, |k| k == kb);
    let is_word = toks.tokens[i].kind == TokenKind::Word;
    let date_trigger = is_word && (whole.date_trigger || stem_is_date_trigger(table, kb, suffix_hash));
    if is_word && starts_with_proclitic_letter(key) {
        for split in clitics::splits(key) {
            let at = split.prefix_len as usize;
            let rest = &kb[at..];
            let stem = if split.restore_article {
                let hash = keys::prefixed_hash(ARTICLE, suffix_hash(at));
                table.find(hash, |k| k.len() == ARTICLE.len() + rest.len() && k.starts_with(ARTICLE) && &k[ARTICLE.len()..] == rest)
            } else {
                table.find(suffix_hash(at), |k| k == rest)
            };
            if stem.word != NO_WORD {
                let prefix = prefix_surface_chars(&text[toks.bytes(i)], split);
                let conj = key.starts_with('و') || key.starts_with('ف');
                return TokenLex::new(whole.word, date_trigger, stem.word, prefix, conj);
            }
        }
    }
    TokenLex::new(whole.word, date_trigger, NO_WORD, 0, false)
}

/// [`Lexicons::is_date_trigger`] for the readings of `key` without its
/// proclitics (the whole key is checked by the caller).
fn stem_is_date_trigger(table: &KeyTable, key: &[u8], suffix_hash: impl Fn(usize) -> u64) -> bool {
    // the letter at byte `at` is one of `letters` (all two bytes in UTF-8)
    let starts_with = |at: usize, letters: &[&str]| {
        key.get(at..at + 2).is_some_and(|head| letters.iter().any(|l| l.as_bytes() == head))
    };
    let mut at = 0;
    if starts_with(0, &["و", "ف"]) {
        at = 'و'.len_utf8();
        if table.find(suffix_hash(at), |k| k == &key[at..]).date_trigger {
            return true;
        }
    }
    if starts_with(at, &["ب", "ل", "ك"]) {
        at += 'ب'.len_utf8();
        return table.find(suffix_hash(at), |k| k == &key[at..]).date_trigger;
    }
    false
}

/// Whether `key` starts with a letter some proclitic sequence starts with
/// (see `clitics::splits`; the article is never split off, so ا is not one).
fn starts_with_proclitic_letter(key: &str) -> bool {
    matches!(key.chars().next(), Some('و' | 'ف' | 'ب' | 'ك' | 'ل'))
}

/// Surface code points taken by the proclitics of `split`, marks included.
fn prefix_surface_chars(surface: &str, split: Split) -> u8 {
    let key_chars = split.prefix_len as usize / 'و'.len_utf8();
    let mut seen = 0usize;
    let mut chars = 0usize;
    for c in surface.chars() {
        if seen == key_chars && fold_char(c).is_some() {
            break;
        }
        chars += 1;
        if fold_char(c).is_some() {
            seen += 1;
        }
    }
    chars.min(u8::MAX as usize) as u8
}

/// A lexicon phrase found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhraseMatch<'a, T> {
    /// First and last token of the phrase (inclusive).
    pub first: usize,
    pub last: usize,
    /// Code points of proclitics on the first token that are not part of it.
    pub prefix_chars: u8,
    pub value: &'a T,
    /// Number of words matched.
    pub words: usize,
}

/// One text as the extractors see it.
pub struct Doc<'a> {
    pub text: &'a str,
    pub toks: &'a Tokens,
    pub tokens: &'a [Token],
    pub lex: &'a Lexicons,
    pub ids: &'a [TokenLex],
}

impl<'a> Doc<'a> {
    pub fn new(text: &'a str, toks: &'a Tokens, lex: &'a Lexicons, ids: &'a [TokenLex]) -> Self {
        Doc { text, toks, tokens: &toks.tokens, lex, ids }
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// Text of token `i` (empty past the end of the text).
    #[inline]
    pub fn surface(&self, i: usize) -> &'a str {
        if i < self.tokens.len() {
            &self.text[self.toks.bytes(i)]
        } else {
            ""
        }
    }

    #[inline]
    pub fn key(&self, i: usize) -> &'a str {
        self.toks.key(i)
    }

    /// Kind of token `i`; past the end of the text this is a line break, so
    /// look-ahead (`i + 2`) at the end of a text sees a boundary, not a panic.
    #[inline]
    pub fn kind(&self, i: usize) -> TokenKind {
        self.tokens.get(i).map_or(TokenKind::Newline, |t| t.kind)
    }

    /// The first character of a punctuation or quote token.
    pub fn punct(&self, i: usize) -> Option<char> {
        match self.tokens.get(i)?.kind {
            TokenKind::Punct | TokenKind::Quote => self.surface(i).chars().next(),
            _ => None,
        }
    }

    /// Next token after `i` that is not a space (line breaks included).
    pub fn next_non_space(&self, i: usize) -> Option<usize> {
        (i + 1..self.tokens.len()).find(|&j| self.tokens[j].kind != TokenKind::Space)
    }

    /// Previous token before `i` that is not a space.
    pub fn prev_non_space(&self, i: usize) -> Option<usize> {
        (0..i).rev().find(|&j| self.tokens[j].kind != TokenKind::Space)
    }

    /// Next word-like token directly after `i`, separated by spaces only.
    pub fn next_word(&self, i: usize) -> Option<usize> {
        self.next_non_space(i).filter(|&j| self.tokens[j].is_wordlike())
    }

    /// Previous word-like token directly before `i`, separated by spaces only.
    pub fn prev_word(&self, i: usize) -> Option<usize> {
        self.prev_non_space(i).filter(|&j| self.tokens[j].is_wordlike())
    }

    /// Word facts for token `i`: the whole word if a lexicon has it, else its
    /// stem; with the number of proclitic code points before the stem.
    pub fn word(&self, i: usize) -> Option<(&'a WordInfo, u8)> {
        let ids = self.ids.get(i)?;
        if let Some(w) = self.lex.word(ids.full()) {
            return Some((w, 0));
        }
        self.lex.word(ids.stem()).map(|w| (w, ids.prefix_chars()))
    }

    /// Word facts for token `i` read as a whole word only.
    pub fn word_full(&self, i: usize) -> Option<&'a WordInfo> {
        self.lex.word(self.ids.get(i)?.full())
    }

    /// The longest entry of `set` starting at token `i`: its first word read
    /// whole or as a stem (whichever gives the longer match, whole on ties),
    /// the next words whole and separated by spaces only.
    #[inline(always)]
    pub fn phrase_at<T>(&self, set: &'a PhraseSet<T>, i: usize) -> Option<PhraseMatch<'a, T>> {
        let ids = self.ids.get(i)?;
        // most words start no entry: answered inline with two bit tests,
        // without a call
        if !set.can_start(ids.full()) && !set.can_start(ids.stem()) {
            return None;
        }
        self.phrase_from(set, i, ids)
    }

    /// [`Doc::phrase_at`] for a word that starts some entry of `set`.
    #[inline(never)]
    fn phrase_from<T>(&self, set: &'a PhraseSet<T>, i: usize, ids: &TokenLex) -> Option<PhraseMatch<'a, T>> {
        let (full, stem) = (ids.full(), ids.stem());
        let whole = self.walk(set, i, full).map(|m| (m, 0u8));
        let stem = if stem != NO_WORD { self.walk(set, i, stem).map(|m| (m, ids.prefix_chars())) } else { None };
        let best = match (whole, stem) {
            (Some(a), Some(b)) => Some(if b.0 .1 > a.0 .1 { b } else { a }),
            (a, b) => a.or(b),
        };
        best.map(|((last, words, value), prefix_chars)| PhraseMatch { first: i, last, prefix_chars, value, words })
    }

    /// Walks `set` from token `i` read as `first_id`; returns (last token,
    /// words, value) of the longest entry.
    fn walk<T>(&self, set: &'a PhraseSet<T>, i: usize, first_id: WordId) -> Option<(usize, usize, &'a T)> {
        let mut node = set.step(PhraseSet::<T>::ROOT, first_id)?;
        let mut best = set.value(node).map(|v| (i, 1, v));
        let mut cur = i;
        let mut words = 1;
        while words < set.max_len() {
            let Some(next) = self.next_word(cur) else { break };
            let Some(n) = set.step(node, self.ids[next].full()) else { break };
            node = n;
            cur = next;
            words += 1;
            if let Some(v) = set.value(node) {
                best = Some((cur, words, v));
            }
        }
        best
    }

    /// Code-point span of tokens `first..=last`, minus `prefix_chars` at the
    /// start (an attached clitic that is not part of the name).
    pub fn span(&self, first: usize, last: usize, prefix_chars: u8) -> [usize; 2] {
        [self.tokens[first].char_start as usize + prefix_chars as usize, self.toks.char_end(last) as usize]
    }

    /// Byte range of tokens `first..=last`, minus `prefix_chars` code points.
    pub fn byte_range(&self, first: usize, last: usize, prefix_chars: u8) -> std::ops::Range<usize> {
        let start = self.tokens[first].start as usize;
        let skip: usize = self.text[start..].chars().take(prefix_chars as usize).map(char::len_utf8).sum();
        start + skip..self.toks.end(last) as usize
    }

    /// Text of tokens `first..=last` without `prefix_chars` leading clitic.
    pub fn slice(&self, first: usize, last: usize, prefix_chars: u8) -> &'a str {
        &self.text[self.byte_range(first, last, prefix_chars)]
    }

    /// Sentence index of token `i`.
    pub fn sentence_of(&self, i: usize) -> usize {
        self.toks.sentence_of(i)
    }

    /// Whether token `i` is a clause boundary: a comma, semicolon, colon,
    /// sentence end, bracket or line break.
    pub fn is_boundary(&self, i: usize) -> bool {
        match self.tokens[i].kind {
            TokenKind::Newline | TokenKind::Quote => true,
            TokenKind::Punct => true,
            _ => false,
        }
    }

    /// Whether token `i` is a number (digits in any script).
    pub fn is_number(&self, i: usize) -> bool {
        self.tokens[i].kind == TokenKind::Number
    }

    /// Numeric value of a number token (digits in any script).
    pub fn number(&self, i: usize) -> Option<u32> {
        if self.tokens.get(i)?.kind != TokenKind::Number {
            return None;
        }
        let key = self.key(i);
        if key.len() > 9 {
            return None;
        }
        key.parse().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix_surface_chars_skip_marks_on_the_clitic() {
        let s = Split { prefix_len: 2, restore_article: false };
        assert_eq!(prefix_surface_chars("وَسوريا", s), 2);
        assert_eq!(prefix_surface_chars("وسوريا", s), 1);
        let s = Split { prefix_len: 4, restore_article: true };
        assert_eq!(prefix_surface_chars("للأمم", s), 2);
    }
}
