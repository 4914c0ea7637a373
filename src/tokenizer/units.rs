//! What the scanner knows about each char: its class, script and folded
//! form packed in a [`Unit`], and the tables that answer them for the
//! chars of news text with one array read.

use super::fold;
use super::script::{script_of, Script, SCRIPT_ARABIC};
use std::mem::MaybeUninit;

/// Character classes the scanner distinguishes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub(super) enum Class {
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

pub(super) fn classify(c: char) -> Class {
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
pub(super) struct Unit(pub(super) u32);

/// The class bits: [`Class`] as a number.
const UNIT_CLASS_MASK: u32 = 7;
const UNIT_KEEPS_ITSELF: u32 = 1 << 3;
const UNIT_SCRIPT_SHIFT: u32 = 4;
const UNIT_SCRIPT_MASK: u32 = 3;
const UNIT_FOLDED_SHIFT: u32 = 8;
/// The two script bits of a unit: the first is set for Arabic and other
/// scripts, the second for Latin and other scripts.
pub(super) const UNIT_ARABIC_OR_OTHER: u32 = (Script::Arabic as u32) << UNIT_SCRIPT_SHIFT;
pub(super) const UNIT_LATIN_OR_OTHER: u32 = (Script::Latin as u32) << UNIT_SCRIPT_SHIFT;
const _: () = assert!(Script::Other as u32 == Script::Arabic as u32 | Script::Latin as u32);
const UNIT_DROPPED: u32 = 0xFF_FFFF;

impl Unit {
    pub(super) fn of(c: char) -> Unit {
        let class = classify(c);
        let folded = fold::fold_char(c);
        let same = if folded == Some(c) { UNIT_KEEPS_ITSELF } else { 0 };
        let script = script_of(c);
        let folded = folded.map_or(UNIT_DROPPED, |f| f as u32);
        Unit(class as u32 | same | (script as u32) << UNIT_SCRIPT_SHIFT | folded << UNIT_FOLDED_SHIFT)
    }

    #[inline]
    pub(super) fn script(self) -> usize {
        ((self.0 >> UNIT_SCRIPT_SHIFT) & UNIT_SCRIPT_MASK) as usize
    }

    #[inline]
    pub(super) fn class(self) -> Class {
        Class::ALL[(self.0 & UNIT_CLASS_MASK) as usize]
    }

    #[inline]
    pub(super) fn keeps_itself(self) -> bool {
        self.0 & UNIT_KEEPS_ITSELF != 0
    }

    /// The folded char; `None` when folding drops it.
    #[inline]
    pub(super) fn folded(self) -> Option<char> {
        char::from_u32(self.0 >> UNIT_FOLDED_SHIFT)
    }
}

/// The [`Unit`] of every code point below U+0800: the one- and two-byte
/// UTF-8 range, which holds ASCII and the Arabic block, so that the scanner
/// answers nearly every char of a news text with one array read instead of
/// a chain of range tests and Unicode tables. Built once from [`classify`]
/// and [`fold::fold_char`], so both paths agree by construction.
pub(super) struct UnitTable {
    units: [Unit; TABLE_SIZE],
    pub(super) arabic_letters: ArabicLetterKeys,
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
pub(super) struct ArabicLetterKeys(Box<[u16; ARABIC_LETTER_PAIRS]>);

const ARABIC_LETTER_PAIRS: usize = 1 << 16;

pub(super) fn unit_table() -> &'static UnitTable {
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
    pub(super) fn letter_at(&self, bytes: &[u8], pos: usize) -> bool {
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
    pub(super) fn fold_run(&self, bytes: &[u8], pos: usize, keys: &mut String) -> usize {
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
pub(super) fn push_folded(key: &mut String, pending: &str, unit: Unit) {
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
    pub(super) fn unit_at(&self, text: &str, pos: usize) -> (Unit, usize) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use super::super::script::Script;

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
}
