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

pub mod clitics;
pub mod fold;
pub mod quotes;

use std::mem::MaybeUninit;
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

pub use quotes::QuoteSpan;

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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub tokens: Range<usize>,
    /// Index of the paragraph (line) the sentence belongs to.
    pub paragraph: usize,
}

/// Per-text token buffers, reused across texts (vaporetto-style) so that a
/// batch does not reallocate them for every article.
#[derive(Debug, Default)]
pub struct Tokens {
    pub tokens: Vec<Token>,
    /// All matching keys of the text, back to back.
    pub keys: String,
    pub sentences: Vec<Sentence>,
    /// Paragraphs as token ranges (one per line, empty lines included).
    pub paragraphs: Vec<Range<usize>>,
    /// Paired quotation marks.
    pub quotes: Vec<QuoteSpan>,
    /// Indices of the tokens where a sentence or a quote may end (line
    /// breaks, punctuation, quotation marks), recorded as they are scanned
    /// so that sentences and quotes are found without visiting every token.
    boundaries: Vec<u32>,
    /// Code points in the whole text.
    pub total_chars: u32,
    /// Bytes in the whole text.
    pub total_bytes: u32,
    /// Letters of the whole text by script, counted while scanning it
    /// (the same counts as [`count_letters`]); [`language_of`] reads them.
    pub letters: LetterCounts,
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
        self.sentences.partition_point(|s| s.tokens.end <= i).min(self.sentences.len().saturating_sub(1))
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

    fn build_sentences(&mut self, text: &str) {
        let n = self.tokens.len();
        let mut para = 0usize;
        let mut para_start = 0usize;
        let mut sent_start = 0usize;
        // words and spaces neither end a sentence nor a paragraph
        let boundaries = std::mem::take(&mut self.boundaries);
        for &i in &boundaries {
            let i = i as usize;
            let t = self.tokens[i];
            let ends_sentence = match t.kind {
                TokenKind::Newline => true,
                TokenKind::Punct => {
                    let c = text[t.start as usize..].chars().next().unwrap_or(' ');
                    matches!(c, '.' | '!' | '?' | '؟' | '…') && !self.period_inside_word(i, c, text)
                }
                _ => false,
            };
            if ends_sentence {
                self.sentences.push(Sentence { tokens: sent_start..i + 1, paragraph: para });
                sent_start = i + 1;
            }
            if t.kind == TokenKind::Newline {
                self.paragraphs.push(para_start..i + 1);
                para_start = i + 1;
                para += 1;
            }
        }
        self.boundaries = boundaries;
        if sent_start < n {
            self.sentences.push(Sentence { tokens: sent_start..n, paragraph: para });
        }
        if para_start < n || self.paragraphs.is_empty() {
            self.paragraphs.push(para_start..n);
        }
    }

    /// A period between two non-space tokens (`3.5`, `د.ب.أ`, `U.S`) does not
    /// end a sentence; neither does one that follows a single letter (`د.`).
    fn period_inside_word(&self, i: usize, c: char, text: &str) -> bool {
        if c != '.' {
            return false;
        }
        let prev_wordlike = i > 0 && self.tokens[i - 1].is_wordlike();
        let next_wordlike = self.tokens.get(i + 1).is_some_and(|t| t.is_wordlike());
        if prev_wordlike && next_wordlike {
            return true;
        }
        if prev_wordlike {
            let prev = &self.tokens[i - 1];
            let single_letter = text[self.bytes(i - 1)].chars().count() == 1 && prev.kind == TokenKind::Word;
            // `..` runs: only the last period of an ellipsis ends a sentence.
            let is_period = |t: &Token| t.kind == TokenKind::Punct && text[t.start as usize..].starts_with('.');
            let next_is_period = self.tokens.get(i + 1).is_some_and(is_period);
            return single_letter || next_is_period;
        }
        self.tokens.get(i + 1).is_some_and(|t| t.kind == TokenKind::Punct && text[t.start as usize..].starts_with('.'))
    }
}

/// Character classes the scanner distinguishes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
enum Class {
    ArabicLetter,
    /// Marks and tatweel: they extend the word they follow.
    Mark,
    Digit,
    OtherLetter,
    Space,
    Newline,
    Quote,
    Punct,
}

pub fn is_arabic_letter(c: char) -> bool {
    matches!(c,
        '\u{0621}'..='\u{063F}' | '\u{0641}'..='\u{064A}' | '\u{066E}'..='\u{066F}' | '\u{0671}'..='\u{06D3}'
        | '\u{06D5}' | '\u{06EE}'..='\u{06EF}' | '\u{06FA}'..='\u{06FF}' | '\u{0750}'..='\u{077F}'
        | '\u{08A0}'..='\u{08C9}' | '\u{FB50}'..='\u{FDFB}' | '\u{FE70}'..='\u{FEFC}')
}

fn is_mark(c: char) -> bool {
    matches!(c,
        '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{0640}'
        | '\u{08CA}'..='\u{08FF}' | '\u{200C}' | '\u{200D}')
}

/// Whether `s` has at least `n` (≥ 1) code points, without counting them
/// all.
pub fn has_chars(s: &str, n: usize) -> bool {
    s.chars().nth(n - 1).is_some()
}

pub fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('٠'..='٩').contains(&c) || ('۰'..='۹').contains(&c)
}

/// Quotation marks of every style seen in Arabic news.
pub fn is_quote_mark(c: char) -> bool {
    matches!(c, '«' | '»' | '“' | '”' | '„' | '‟' | '"' | '‹' | '›' | '＂')
}

fn classify(c: char) -> Class {
    // the letters of most text first: Arabic (tatweel is a mark) and ASCII
    if ('\u{0621}'..='\u{064A}').contains(&c) && c != '\u{0640}' {
        return Class::ArabicLetter;
    }
    if c.is_ascii_alphabetic() {
        return Class::OtherLetter;
    }
    if c == ' ' {
        return Class::Space;
    }
    if c == '\n' || c == '\r' {
        Class::Newline
    } else if is_arabic_letter(c) {
        Class::ArabicLetter
    } else if is_mark(c) {
        Class::Mark
    } else if is_digit(c) {
        Class::Digit
    } else if c.is_whitespace() || c == '\u{FEFF}' || c == '\u{200B}' || c == '\u{200E}' || c == '\u{200F}' {
        Class::Space
    } else if is_quote_mark(c) {
        Class::Quote
    } else if c.is_alphanumeric() || c.is_alphabetic() {
        Class::OtherLetter
    } else if c.is_ascii_punctuation() || !c.is_alphanumeric() {
        Class::Punct
    } else {
        Class::OtherLetter
    }
}

impl Class {
    const ALL: [Class; 8] = [
        Class::ArabicLetter,
        Class::Mark,
        Class::Digit,
        Class::OtherLetter,
        Class::Space,
        Class::Newline,
        Class::Quote,
        Class::Punct,
    ];
}

/// What the scanner needs to know about one char, packed in a `u32`: its
/// class (bits 0–2), whether it is its own matching key (bit 3), its
/// [`Script`] (bits 4–5) and its folded code point (bits 8–31; all ones
/// when folding drops it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Unit(u32);

const UNIT_KEEPS_ITSELF: u32 = 1 << 3;
/// The two script bits of a unit: the first is set for Arabic and other
/// scripts, the second for Latin and other scripts.
const UNIT_ARABIC_OR_OTHER: u32 = (Script::Arabic as u32) << 4;
const UNIT_LATIN_OR_OTHER: u32 = (Script::Latin as u32) << 4;
const _: () = assert!(Script::Other as u32 == Script::Arabic as u32 | Script::Latin as u32);
const UNIT_DROPPED: u32 = 0xFF_FFFF;

impl Unit {
    fn of(c: char) -> Unit {
        let class = classify(c);
        let folded = fold::fold_char(c);
        let same = if folded == Some(c) { UNIT_KEEPS_ITSELF } else { 0 };
        let script = script_of(c);
        let folded = folded.map_or(UNIT_DROPPED, |f| f as u32);
        Unit(class as u32 | same | (script as u32) << 4 | folded << 8)
    }

    #[inline]
    fn script(self) -> usize {
        ((self.0 >> 4) & 3) as usize
    }

    #[inline]
    fn class(self) -> Class {
        Class::ALL[(self.0 & 7) as usize]
    }

    #[inline]
    fn keeps_itself(self) -> bool {
        self.0 & UNIT_KEEPS_ITSELF != 0
    }

    /// The folded char; `None` when folding drops it.
    #[inline]
    fn folded(self) -> Option<char> {
        char::from_u32(self.0 >> 8)
    }
}

/// Which script a letter is in, for telling an Arabic text from others.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
enum Script {
    /// Not counted: not a letter, or a non-letter of the Arabic block.
    None,
    Arabic,
    Latin,
    Other,
}

fn script_of(c: char) -> Script {
    match c {
        '\u{0620}'..='\u{064A}' | '\u{066E}'..='\u{06D3}' | '\u{06FA}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08C9}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFC}' => Script::Arabic,
        'A'..='Z' | 'a'..='z' | '\u{00C0}'..='\u{024F}' => Script::Latin,
        c if c.is_ascii() || ('\u{0600}'..='\u{06FF}').contains(&c) => Script::None,
        c if c.is_alphabetic() => Script::Other,
        _ => Script::None,
    }
}

/// Letters of a text by script.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LetterCounts {
    pub arabic: usize,
    pub latin: usize,
    pub other: usize,
}

/// The language of `text` as records report it: `ar` when more than half
/// of its letters are Arabic, else `und-Latn` when more than half are
/// Latin, else `und`.
pub fn language(text: &str) -> &'static str {
    language_of(count_letters(text, true))
}

/// The language [`language`] gives for a text with these letter counts
/// (for example [`Tokens::letters`]).
pub fn language_of(counts: LetterCounts) -> &'static str {
    let LetterCounts { arabic, latin, other } = counts;
    let letters = arabic + latin + other;
    if arabic * 2 > letters {
        "ar"
    } else if latin * 2 > letters {
        "und-Latn"
    } else {
        "und"
    }
}

/// Counts the letters of `text` by script. ASCII and the Arabic block
/// (U+0600–U+06FF, two bytes in UTF-8), nearly all of a news text, are
/// answered inline; other chars by the scanner's table or [`script_of`].
/// With `stop_when_arabic`, counting stops once Arabic letters outnumber the
/// others even if every byte left were a non-Arabic letter (the counts are
/// then partial, but Arabic stays the majority).
pub fn count_letters(text: &str, stop_when_arabic: bool) -> LetterCounts {
    let table = unit_table();
    let bytes = text.as_bytes();
    let mut counts = LetterCounts::default();
    let mut pos = 0;
    while pos < bytes.len() {
        let block_end = bytes.len().min(pos + 256);
        while pos < block_end {
            let b0 = bytes[pos];
            if b0 < 0x80 {
                counts.latin += usize::from(b0.is_ascii_alphabetic());
                pos += 1;
                continue;
            }
            if (0xD8..=0xDB).contains(&b0) {
                // valid UTF-8: a continuation byte follows the lead byte
                let offset = usize::from(b0 & 3) << 6 | usize::from(bytes[pos + 1] & 0x3F);
                counts.arabic += ((ARABIC_BLOCK_LETTERS[offset / 64] >> (offset % 64)) & 1) as usize;
                pos += 2;
                continue;
            }
            let (unit, unit_len) = table.unit_at(text, pos);
            pos += unit_len;
            match unit.script() {
                SCRIPT_ARABIC => counts.arabic += 1,
                SCRIPT_LATIN => counts.latin += 1,
                SCRIPT_OTHER => counts.other += 1,
                _ => {}
            }
        }
        if stop_when_arabic && counts.arabic > counts.latin + counts.other + (bytes.len() - pos.min(bytes.len())) {
            break;
        }
    }
    counts
}

/// Letters by script as the scanner sums them: the script bits of each
/// unit added in place, three adds a char and no branch (see
/// [`UNIT_ARABIC_OR_OTHER`]), and the Arabic letters of the Arabic block
/// in words, which the word loop counts ([`ArabicLetterKeys`]);
/// [`ScriptTally::counts`] gives the letters.
#[derive(Debug, Clone, Copy, Default)]
struct ScriptTally {
    arabic_or_other: u64,
    latin_or_other: u64,
    other: u64,
    arabic_block_letters: u64,
}

impl ScriptTally {
    #[inline]
    fn add(&mut self, unit: Unit) {
        self.arabic_or_other += u64::from(unit.0 & UNIT_ARABIC_OR_OTHER);
        self.latin_or_other += u64::from(unit.0 & UNIT_LATIN_OR_OTHER);
        // both bits set: shift the second onto the first
        self.other += u64::from(unit.0 & (unit.0 >> 1) & UNIT_ARABIC_OR_OTHER);
    }

    fn counts(self) -> LetterCounts {
        let other = (self.other / u64::from(UNIT_ARABIC_OR_OTHER)) as usize;
        LetterCounts {
            arabic: (self.arabic_or_other / u64::from(UNIT_ARABIC_OR_OTHER) + self.arabic_block_letters) as usize - other,
            latin: (self.latin_or_other / u64::from(UNIT_LATIN_OR_OTHER)) as usize - other,
            other,
        }
    }
}

const SCRIPT_ARABIC: usize = Script::Arabic as usize;
const SCRIPT_LATIN: usize = Script::Latin as usize;
const SCRIPT_OTHER: usize = Script::Other as usize;

/// Bit `c - U+0600` is set for the chars of the Arabic block that
/// [`script_of`] counts as Arabic letters (the rest of the block counts as
/// no letter); checked against it by a test.
const ARABIC_BLOCK_LETTERS: [u64; 4] = {
    let mut bits = [0u64; 4];
    let ranges = [(0x20, 0x4A), (0x6E, 0xD3), (0xFA, 0xFF)];
    let mut r = 0;
    while r < ranges.len() {
        let mut c = ranges[r].0;
        while c <= ranges[r].1 {
            bits[c / 64] |= 1 << (c % 64);
            c += 1;
        }
        r += 1;
    }
    bits
};

/// The [`Unit`] of every code point below U+0800: the one- and two-byte
/// UTF-8 range, which holds ASCII and the Arabic block, so that the scanner
/// answers nearly every char of a news text with one array read instead of
/// a chain of range tests and Unicode tables. Built once from [`classify`]
/// and [`fold::fold_char`], so both paths agree by construction.
struct UnitTable {
    units: [Unit; TABLE_SIZE],
    arabic_letters: ArabicLetterKeys,
    /// The units of General Punctuation (U+2000–U+206F): the typographic
    /// quotes and dashes, the ellipsis, joiners and direction marks of news
    /// texts, three bytes each.
    general_punctuation: [Unit; GENERAL_PUNCTUATION_LEN],
}

const TABLE_SIZE: usize = 0x800;
const GENERAL_PUNCTUATION_START: char = '\u{2000}';
const GENERAL_PUNCTUATION_LEN: usize = 0x70;

/// The Arabic letters of the Arabic block (U+0600–U+06FF, two bytes in
/// UTF-8) that fold to a letter of the block: nearly every char of an
/// Arabic news word. Indexed by any two bytes read as one `u16` in memory
/// order (so the word loop, [`ArabicLetterKeys::fold_run`], needs no
/// decoding and no range test), an entry is zero unless the two bytes are
/// such a letter, and then holds the UTF-8 bytes of its key in memory
/// order. So the loop writes keys two bytes at a time, with no copy call
/// and no branch on how a char folds, and its letters are its chars. The
/// other word chars (marks, tatweel, the few letters of the block that are
/// not counted as Arabic letters) take the general path. Of the 128 KiB, a
/// news text reads a few cache lines: the block's letters and the pairs
/// that end a word (a space and the lead byte of the next word).
struct ArabicLetterKeys(Box<[u16; ARABIC_LETTER_PAIRS]>);

const ARABIC_LETTER_PAIRS: usize = 1 << 16;

fn unit_table() -> &'static UnitTable {
    static TABLE: std::sync::OnceLock<UnitTable> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut units = [Unit(0); TABLE_SIZE];
        for (cp, unit) in units.iter_mut().enumerate() {
            // surrogates start at U+D800, so every code point here is a char
            if let Some(c) = char::from_u32(cp as u32) {
                *unit = Unit::of(c);
            }
        }
        let mut keys = ArabicLetterKeys::empty();
        for c in '\u{0600}'..='\u{06FF}' {
            let mut utf8 = [0u8; 2];
            c.encode_utf8(&mut utf8);
            keys.0[usize::from(u16::from_ne_bytes(utf8))] = ArabicLetterKeys::entry(units[c as usize]);
        }
        let general_punctuation = std::array::from_fn(|offset| {
            let cp = GENERAL_PUNCTUATION_START as u32 + offset as u32;
            Unit::of(char::from_u32(cp).unwrap_or_else(|| unreachable!("no surrogate in U+2000–U+206F")))
        });
        UnitTable { units, arabic_letters: keys, general_punctuation }
    })
}

impl ArabicLetterKeys {
    fn empty() -> Self {
        let zeros = vec![0u16; ARABIC_LETTER_PAIRS].into_boxed_slice();
        ArabicLetterKeys(zeros.try_into().unwrap_or_else(|_| unreachable!("the length is ARABIC_LETTER_PAIRS")))
    }

    /// The entry of a char of the Arabic block whose unit is `unit`.
    fn entry(unit: Unit) -> u16 {
        let word_char = matches!(unit.class(), Class::ArabicLetter | Class::Mark);
        match unit.folded() {
            Some(f) if word_char && unit.script() == SCRIPT_ARABIC => {
                // the folds of the block's letters are in the block too
                let mut key = [0u8; 2];
                assert_eq!(f.len_utf8(), 2);
                f.encode_utf8(&mut key);
                u16::from_ne_bytes(key)
            }
            _ => 0,
        }
    }

    /// The entry of the two bytes `pair` (the first at a char boundary).
    #[inline(always)]
    fn entry_at(&self, pair: [u8; 2]) -> u16 {
        self.0[usize::from(u16::from_ne_bytes(pair))]
    }

    /// Whether a letter of the table starts at byte `pos` of `bytes`.
    #[inline(always)]
    fn letter_at(&self, bytes: &[u8], pos: usize) -> bool {
        bytes.get(pos..pos + 2).and_then(|pair| pair.try_into().ok()).is_some_and(|pair| self.entry_at(pair) != 0)
    }

    /// Appends to `keys` the key of the run of letters of the table that
    /// starts at byte `pos` of `bytes` (a char boundary), and returns the
    /// end of the run. Every char of the run is two bytes and an Arabic
    /// letter, so it is half as many chars and letters as bytes. The run
    /// also stops where the spare capacity of `keys` ends, which it never
    /// does when `keys` was reserved for the whole text (a key is never
    /// longer than its word); the caller's general path then takes the
    /// next char.
    #[inline(always)]
    fn fold_run(&self, bytes: &[u8], pos: usize, keys: &mut String) -> usize {
        // SAFETY: what is appended below is whole UTF-8 sequences, the
        // two-byte keys of the entries (encoded from chars), so `keys`
        // stays valid UTF-8.
        let key_bytes = unsafe { keys.as_mut_vec() };
        let key_len = key_bytes.len();
        let spare = key_bytes.spare_capacity_mut();
        // keys are written in step with the chars, two bytes for two, so
        // the loop needs no bounds checks
        // the table read once, not again after every key written
        let entries: &[u16; ARABIC_LETTER_PAIRS] = &self.0;
        // both sides cut to one length first, so that the loop's length is
        // one minimum, not one of two chunk counts
        let rest = &bytes[pos..];
        let run_room = rest.len().min(spare.len());
        let mut taken = 0;
        for (pair, key_slot) in rest[..run_room].chunks_exact(2).zip(spare[..run_room].chunks_exact_mut(2)) {
            // one two-byte load (`chunks_exact` gives two bytes)
            let pair: [u8; 2] = pair.try_into().unwrap_or_default();
            let key = entries[usize::from(u16::from_ne_bytes(pair))];
            if key == 0 {
                break;
            }
            key_slot.copy_from_slice(&key.to_ne_bytes().map(MaybeUninit::new));
            taken += 2;
        }
        // SAFETY: the first `taken` bytes of the spare capacity were
        // initialized above, each pair the UTF-8 of one char.
        unsafe { key_bytes.set_len(key_len + taken) };
        pos + taken
    }
}

/// Appends to a key `pending`, chars that fold to themselves and are not
/// copied yet, then the folded form of the char whose unit is `unit`
/// (nothing when folding drops it).
#[inline]
fn push_folded(key: &mut String, pending: &str, unit: Unit) {
    key.push_str(pending);
    if let Some(f) = unit.folded() {
        key.push(f);
    }
}

impl UnitTable {
    /// The unit of a char of three or four bytes (rare in Arabic text);
    /// those of General Punctuation, the most frequent of them, are looked
    /// up too.
    #[cold]
    #[inline(never)]
    fn unit_beyond_table(&self, text: &str, pos: usize) -> (Unit, usize) {
        let c = text[pos..].chars().next().unwrap_or('\u{FFFD}');
        let punctuation = (c as usize).wrapping_sub(GENERAL_PUNCTUATION_START as usize);
        let unit = self.general_punctuation.get(punctuation).copied().unwrap_or_else(|| Unit::of(c));
        (unit, c.len_utf8())
    }

    /// The char that starts at byte `pos` of `text` (a char boundary before
    /// the end): its unit and its length in bytes. One- and two-byte
    /// sequences are decoded inline and looked up; longer ones computed.
    #[inline(always)]
    fn unit_at(&self, text: &str, pos: usize) -> (Unit, usize) {
        let bytes = text.as_bytes();
        let b0 = bytes[pos];
        if b0 < 0x80 {
            return (self.units[usize::from(b0)], 1);
        }
        if b0 < 0xE0 {
            // valid UTF-8: a two-byte lead is followed by one continuation byte
            let cp = (usize::from(b0 & 0x1F) << 6) | usize::from(bytes[pos + 1] & 0x3F);
            return (self.units[cp], 2);
        }
        self.unit_beyond_table(text, pos)
    }
}

struct Scanner<'a, 'b> {
    text: &'a str,
    out: &'b mut Tokens,
    char_pos: u32,
    /// Every char's script is counted where the scanner reads its unit, so
    /// the language needs no pass of its own.
    letters: ScriptTally,
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
    fn run<const FAST_PATHS: bool>(&mut self) {
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
            match unit.class() {
                Class::ArabicLetter | Class::Mark | Class::Digit => unreachable!("scanned above"),
                Class::Newline => {
                    let mut chars = 1;
                    if bytes[start] == b'\r' && bytes.get(pos) == Some(&b'\n') {
                        pos += 1;
                        chars += 1;
                    }
                    self.push_unkeyed(TokenKind::Newline, start, chars);
                }
                Class::Space => {
                    let mut chars = 1;
                    while pos < len {
                        let (u, u_len) = table.unit_at(text, pos);
                        if u.class() != Class::Space {
                            break;
                        }
                        letters.add(u);
                        pos += u_len;
                        chars += 1;
                    }
                    self.push_unkeyed(TokenKind::Space, start, chars);
                }
                Class::Quote => self.push_unkeyed(TokenKind::Quote, start, 1),
                Class::Punct => self.push_unkeyed(TokenKind::Punct, start, 1),
                Class::OtherLetter => {
                    // A run of non-Arabic letters (with the digits and inner
                    // punctuation UAX #29 keeps inside words) is segmented by
                    // Unicode word boundaries.
                    while pos < len {
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
                }
            }
        }
        self.letters = letters;
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
    use super::*;

    fn toks(text: &str) -> Tokens {
        let mut t = Tokens::new();
        t.tokenize(text);
        t
    }

    fn surfaces<'a>(text: &'a str, t: &Tokens) -> Vec<&'a str> {
        (0..t.tokens.len()).map(|i| &text[t.bytes(i)]).collect()
    }

    #[test]
    fn units_unpack_to_what_classify_and_fold_say() {
        let table = unit_table();
        let beyond = ['\u{0800}', '\u{08A0}', '\u{1FFF}', '\u{2070}', '\u{FB50}', '\u{FE8D}', '\u{FEFF}', '中', '😀'];
        for c in ('\u{0000}'..='\u{07FF}').chain('\u{2000}'..='\u{206F}').chain(beyond) {
            let mut buf = [0u8; 4];
            let (unit, len) = table.unit_at(c.encode_utf8(&mut buf), 0);
            assert_eq!(len, c.len_utf8());
            assert_eq!(unit.class(), classify(c), "{c:?}");
            assert_eq!(unit.folded(), fold::fold_char(c), "{c:?}");
            assert_eq!(unit.keeps_itself(), fold::fold_char(c) == Some(c), "{c:?}");
            assert_eq!(unit.script(), script_of(c) as usize, "{c:?}");
        }
    }

    #[test]
    fn arabic_letter_runs_agree_with_units() {
        let table = unit_table();
        // the loop takes exactly the Arabic letters of the Arabic block
        // that fold to a char, and their keys are what their units say
        let taken = |text: &str, i: usize, c: char| {
            let (unit, len) = table.unit_at(text, i);
            len == 2
                && matches!(unit.class(), Class::ArabicLetter | Class::Mark)
                && ('\u{0600}'..='\u{06FF}').contains(&c)
                && script_of(c) == Script::Arabic
                && unit.folded().is_some()
        };
        let beyond = ['\u{0800}', '\u{08A0}', '\u{200B}', '\u{200C}', '\u{FB50}', '\u{FE8D}', '\u{FEFF}', '中', '😀'];
        for c in ('\u{0000}'..='\u{07FF}').chain(beyond) {
            for text in [format!("{c}"), format!("{c}ب"), format!("ب{c}"), format!("{c}{c}{c}"), format!("بأ{c} "), format!("ـُة{c}ى"), format!(" {c}")] {
                let run: Vec<(usize, char)> = text.char_indices().take_while(|&(i, ch)| taken(&text, i, ch)).collect();
                let end = run.last().map_or(0, |&(i, ch)| i + ch.len_utf8());
                let key: String = run.iter().filter_map(|&(_, ch)| fold::fold_char(ch)).collect();
                let mut keys = String::from("قبل");
                // without spare room for its key the run takes nothing
                keys.shrink_to_fit();
                if keys.capacity() == keys.len() {
                    assert_eq!(table.arabic_letters.fold_run(text.as_bytes(), 0, &mut keys), 0);
                    assert_eq!(keys, "قبل");
                }
                keys.reserve(text.len());
                assert_eq!(table.arabic_letters.fold_run(text.as_bytes(), 0, &mut keys), end, "{c:?} in {text:?}");
                assert_eq!(keys, format!("قبل{key}"), "{c:?} in {text:?}");
                assert_eq!(table.arabic_letters.letter_at(text.as_bytes(), 0), end > 0, "{c:?} in {text:?}");
            }
        }
    }

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

    #[test]
    fn letter_counts_agree_with_script_of() {
        let mut text: String = ('\u{0000}'..='\u{07FF}').collect();
        text.push_str("\u{08A0}\u{FB50}\u{FE8D}中文😀Ωé");
        let mut expected = LetterCounts::default();
        for c in text.chars() {
            match script_of(c) {
                Script::Arabic => expected.arabic += 1,
                Script::Latin => expected.latin += 1,
                Script::Other => expected.other += 1,
                Script::None => {}
            }
        }
        assert_eq!(count_letters(&text, false), expected);
        // stopping early never changes the language
        for sample in ["سوريا", "سوريا abc", "ab سو", "سوريا ولبنان والأردن، abcdefghijklmnop", "中文 سو ab"] {
            let full = count_letters(sample, false);
            let majority = |c: LetterCounts| c.arabic * 2 > c.arabic + c.latin + c.other;
            assert_eq!(majority(count_letters(sample, true)), majority(full), "{sample}");
        }
    }

    #[test]
    fn the_tokenizer_counts_letters_as_count_letters_does() {
        let mut text: String = ('\u{0000}'..='\u{07FF}').collect();
        text.extend('\u{08A0}'..='\u{08FF}');
        text.push_str("\u{08A0}\u{08D4}\u{FB50}\u{FDFC}\u{FE8D}\u{0640}\u{0670}中文😀Ωé U.S. don't \r\n\r سُوريا ١٤٣٦هـ");
        let samples = [text.as_str(), "", "abc", "قال لافروف”ما يحدث، ١٠ تموز/يوليو.\r\nوأضاف (CNN)-- U.S. don't 1436هـ\rend"];
        for sample in samples {
            assert_eq!(toks(sample).letters, count_letters(sample, false), "{sample}");
        }
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
    fn sentences_end_at_stops_and_line_breaks_but_not_inside_numbers() {
        let text = "ارتفع بنسبة 3.5 بالمئة. وقال الوزير؟ نعم\nسطر ثان";
        let t = toks(text);
        assert_eq!(t.sentences.len(), 4);
        assert_eq!(t.paragraphs.len(), 2);
        assert_eq!(t.sentences[3].paragraph, 1);
    }

    #[test]
    fn abbreviation_periods_do_not_end_sentences() {
        let text = "صنعاء - د.ب.أ: قال المصدر";
        let t = toks(text);
        assert_eq!(t.sentences.len(), 1);
    }

    #[test]
    fn every_line_ending_style_is_one_newline_token() {
        let text = "a\r\nb\rc\nd";
        let t = toks(text);
        let nl: Vec<_> = t.tokens.iter().filter(|k| k.kind == TokenKind::Newline).collect();
        assert_eq!(nl.len(), 3);
        assert_eq!(t.paragraphs.len(), 4);
    }
}
