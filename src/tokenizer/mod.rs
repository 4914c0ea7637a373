//! Stage 1: lossless tokenization.
//!
//! Every character of the input belongs to exactly one token, so tokens join
//! back to the input. Each token carries its byte and code-point offsets,
//! computed once here, and words carry a folded matching key (see [`fold`])
//! stored in one per-text buffer, so the hot path allocates nothing per token.
//!
//! Arabic-script runs are split by our own rules (a digit run glued to
//! letters, as in `1436هـ`, is two tokens; tatweel and harakat stay inside
//! words). Runs in other scripts follow Unicode word boundaries (UAX #29,
//! from `unicode-segmentation`), so `U.S.` and `don't` stay whole.
//!
//! The parts, in the order a text meets them:
//! - `units`: what the scanner knows about each char (class, script,
//!   folded form) and the tables that answer it in one read;
//! - `scan`: the scanner, one pass that cuts tokens and folds their keys;
//! - `script`: letters by script, and the language they give a text;
//! - `sentences`: sentences and paragraphs from the boundaries scanned;
//! - [`quotes`]: quotation marks paired into spans;
//! - [`fold`]: the matching key of a char or word;
//! - [`clitics`]: the proclitics a word may carry, the one clitic model.

pub mod clitics;
pub mod fold;
pub mod quotes;
mod scan;
mod script;
mod sentences;
mod units;

use std::ops::Range;

pub use quotes::QuoteSpan;
pub use script::{language_of, LetterCounts};
pub use units::has_chars;

/// The Arabic comma `،`: it separates clauses and list items as `,` does.
pub const ARABIC_COMMA: char = '\u{060C}';
/// The Arabic semicolon `؛`.
pub const ARABIC_SEMICOLON: char = '\u{061B}';
/// The Arabic decimal separator `٫` (`3٫5`).
pub const ARABIC_DECIMAL: char = '\u{066B}';
use scan::Scanner;
use script::ScriptTally;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (any script), possibly with marks and tatweel.
    Word,
    /// A run of digits, Western or Arabic-Indic; key holds ASCII digits.
    Number,
    /// Spaces and tabs (no line break).
    Space,
    /// One line break (`\n`, `\r\n` or a lone `\r`).
    Newline,
    /// A quotation mark of any style.
    Quote,
    /// Any other single character.
    Punct,
}

/// One token: a slice of the input with its offsets. A token ends where
/// the next one begins, so only starts are stored (16 bytes a token: a 50
/// MB text has some ten million of them); [`Tokens::bytes`],
/// [`Tokens::char_end`] and [`Tokens::key`] give the ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    /// Byte offset in the input.
    pub start: u32,
    /// Code-point offset in the input (what output spans use).
    pub char_start: u32,
    /// Start of this token's matching key in [`Tokens::keys`]; the key is
    /// empty for spaces and punctuation.
    pub key_start: u32,
}

impl Token {
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }
    pub fn is_wordlike(&self) -> bool {
        matches!(self.kind, TokenKind::Word | TokenKind::Number)
    }
}

/// A sentence: a range of token indices. Sentences end at `.` `!` `?` `؟`
/// and at line breaks (a line is a paragraph in plain-text news).
///
/// Held as `u32`s (12 bytes, not 24): text of line breaks alone has a
/// sentence per byte, and token indices fit in `u32` like token offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    start: u32,
    end: u32,
    paragraph: u32,
}

impl Sentence {
    pub(crate) fn new(tokens: Range<usize>, paragraph: usize) -> Self {
        Sentence { start: tokens.start as u32, end: tokens.end as u32, paragraph: paragraph as u32 }
    }

    /// The sentence's token indices.
    #[inline]
    pub fn tokens(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// Index of the paragraph (line) the sentence belongs to.
    #[inline]
    pub fn paragraph(&self) -> usize {
        self.paragraph as usize
    }
}

/// Per-text token buffers, reused across texts (vaporetto-style) so that a
/// batch does not reallocate them for every article.
///
/// Read them through the accessors ([`Tokens::tokens`], [`Tokens::sentences`]
/// …): only [`Tokens::tokenize`] writes them. The fields that extractors
/// still read directly are public until they read the accessors.
#[derive(Debug, Default)]
pub struct Tokens {
    pub tokens: Vec<Token>,
    /// All matching keys of the text, back to back.
    pub keys: String,
    pub sentences: Vec<Sentence>,
    /// Paragraphs as token ranges (one per line, empty lines included), in
    /// `u32`s like [`Sentence`]: [`Tokens::paragraph`] gives one.
    paragraphs: Vec<Range<u32>>,
    /// Paired quotation marks.
    pub quotes: Vec<QuoteSpan>,
    /// Indices of the tokens where a sentence or a quote may end (line
    /// breaks, punctuation, quotation marks), recorded as they are scanned
    /// so that sentences and quotes are found without visiting every token.
    boundaries: Vec<u32>,
    /// Code points in the whole text.
    total_chars: u32,
    /// Bytes in the whole text.
    total_bytes: u32,
    /// Letters of the whole text by script, counted while scanning it
    /// ([`language_of`] reads them).
    letters: LetterCounts,
}

impl Tokens {
    pub fn new() -> Self {
        Self::default()
    }

    fn clear(&mut self) {
        self.tokens.clear();
        self.keys.clear();
        self.sentences.clear();
        self.paragraphs.clear();
        self.quotes.clear();
        self.boundaries.clear();
        self.total_chars = 0;
        self.total_bytes = 0;
        self.letters = LetterCounts::default();
    }

    /// The tokens of the text, in order.
    #[inline]
    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    /// All matching keys of the text, back to back ([`Tokens::key`] gives
    /// one token's).
    #[inline]
    pub fn keys(&self) -> &str {
        &self.keys
    }

    /// The sentences, in order.
    #[inline]
    pub fn sentences(&self) -> &[Sentence] {
        &self.sentences
    }

    /// How many paragraphs (lines) the text has, empty lines included.
    #[inline]
    pub fn paragraph_count(&self) -> usize {
        self.paragraphs.len()
    }

    /// The token range of paragraph (line) `l`.
    #[inline]
    pub fn paragraph(&self, l: usize) -> Range<usize> {
        let r = &self.paragraphs[l];
        r.start as usize..r.end as usize
    }

    /// The paired quotation marks.
    #[inline]
    pub fn quotes(&self) -> &[QuoteSpan] {
        &self.quotes
    }

    /// Letters of the whole text by script ([`language_of`] reads them).
    #[inline]
    pub fn letters(&self) -> LetterCounts {
        self.letters
    }

    /// Byte offset where token `i` ends.
    #[inline]
    pub fn end(&self, i: usize) -> u32 {
        self.tokens.get(i + 1).map_or(self.total_bytes, |t| t.start)
    }

    /// Byte range of token `i` in the input.
    #[inline]
    pub fn bytes(&self, i: usize) -> Range<usize> {
        self.tokens[i].start as usize..self.end(i) as usize
    }

    /// Code-point offset where token `i` ends.
    #[inline]
    pub fn char_end(&self, i: usize) -> u32 {
        self.tokens.get(i + 1).map_or(self.total_chars, |t| t.char_start)
    }

    /// Index of the sentence token `i` is in.
    pub fn sentence_of(&self, i: usize) -> usize {
        self.sentences.partition_point(|s| (s.end as usize) <= i).min(self.sentences.len().saturating_sub(1))
    }

    /// The matching key of token `i` (empty for non-words and past the end,
    /// so that look-ahead at the end of a text reads nothing).
    #[inline]
    pub fn key(&self, i: usize) -> &str {
        self.key_range(i).map_or("", |r| &self.keys[r])
    }

    /// [`Tokens::key`] as bytes, without the char-boundary checks of
    /// slicing a `str` (for scans over every token).
    #[inline]
    pub fn key_bytes(&self, i: usize) -> &[u8] {
        self.key_range(i).map_or(&[], |r| &self.keys.as_bytes()[r])
    }

    #[inline]
    fn key_range(&self, i: usize) -> Option<Range<usize>> {
        let t = self.tokens.get(i)?;
        let end = self.tokens.get(i + 1).map_or(self.keys.len(), |n| n.key_start as usize);
        Some(t.key_start as usize..end)
    }

    /// Tokenizes `text` into these buffers, replacing what they held.
    pub fn tokenize(&mut self, text: &str) {
        self.tokenize_with::<true>(text);
    }

    /// [`Tokens::tokenize`], with the scanner's fast paths or (in tests)
    /// without them; see [`Scanner::run`].
    fn tokenize_with<const FAST_PATHS: bool>(&mut self, text: &str) {
        self.clear();
        // Room for a little more than the usual density of Arabic news
        // (one token per five bytes; 0.2005 in a 50 MB news text), so that
        // a large text does not outgrow it by a few tokens and get copied
        // into a buffer twice the size, old and new both resident at once.
        // The room never used is never touched, so it costs no memory.
        self.tokens.reserve(text.len() / 4);
        self.keys.reserve(text.len());
        let mut scanner = Scanner { text, out: self, char_pos: 0, letters: ScriptTally::default() };
        scanner.run::<FAST_PATHS>();
        let (chars, letters) = (scanner.char_pos, scanner.letters.counts());
        self.total_chars = chars;
        self.letters = letters;
        self.total_bytes = text.len() as u32;
        self.build_sentences(text);
        quotes::pair_quotes(text, &self.tokens, &self.boundaries, &self.paragraphs, &mut self.quotes);
    }
}

#[cfg(test)]
mod tests {
    use super::*;


    pub(super) fn toks(text: &str) -> Tokens {
        let mut t = Tokens::new();
        t.tokenize(text);
        t
    }

    fn surfaces<'a>(text: &'a str, t: &Tokens) -> Vec<&'a str> {
        (0..t.tokens.len()).map(|i| &text[t.bytes(i)]).collect()
    }

    #[test]
    fn tokens_join_back_to_the_input() {
        let text = "قال لافروف”ما يحدث، ١٠ تموز/يوليو.\r\nوأضاف (CNN)-- U.S. don't 1436هـ\rend";
        let t = toks(text);
        assert_eq!(surfaces(text, &t).concat(), text);
        let mut chars = 0;
        for (i, k) in t.tokens.iter().enumerate() {
            assert_eq!(k.char_start, chars);
            chars = t.char_end(i);
            assert_eq!(text[t.bytes(i)].chars().count() as u32, t.char_end(i) - k.char_start);
        }
        assert_eq!(chars as usize, text.chars().count());
    }

    #[test]
    fn digits_glued_to_letters_are_separate_tokens() {
        let text = "1436هـ";
        let t = toks(text);
        assert_eq!(surfaces(text, &t), vec!["1436", "هـ"]);
        assert_eq!(t.tokens[0].kind, TokenKind::Number);
    }

    #[test]
    fn arabic_indic_digits_get_ascii_keys() {
        let t = toks("في ١٠ أيار");
        let n = t.tokens.iter().position(|k| k.kind == TokenKind::Number).unwrap();
        assert_eq!(t.key(n), "10");
    }

    #[test]
    fn words_keep_marks_and_tatweel() {
        let text = "لـ سُوريا";
        let t = toks(text);
        assert_eq!(surfaces(text, &t), vec!["لـ", " ", "سُوريا"]);
        assert_eq!(t.key(2), "سوريا");
    }

    #[test]
    fn latin_runs_follow_unicode_word_bounds() {
        let text = "(CNN)-- U.S. don't";
        let t = toks(text);
        let s = surfaces(text, &t);
        assert!(s.contains(&"CNN"));
        assert!(s.contains(&"don't"), "{s:?}");
        assert_eq!(s.concat(), text);
    }

    #[test]
    fn every_line_ending_style_is_one_newline_token() {
        let text = "a\r\nb\rc\nd";
        let t = toks(text);
        let nl: Vec<_> = t.tokens.iter().filter(|k| k.kind == TokenKind::Newline).collect();
        assert_eq!(nl.len(), 3);
        assert_eq!(t.paragraph_count(), 4);
    }
}
