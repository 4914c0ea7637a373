//! Named word lists from data files, for the rules of the extractors.
//!
//! A list file holds sections (`# section: NAME`), one word or phrase a
//! line in natural spelling (`إمكانية`, `مسؤول`), with optional columns
//! after a tab. Words are folded at load (see [`crate::tokenizer::fold`]),
//! so a list matches however a word's hamza, final letters or diacritics
//! are written, and a contributor types words as they are spelled.
//!
//! An extractor takes its sections by name once, when the analyzer is
//! built; a section it asks for that the file lacks, or one the file has
//! that no extractor takes, is a load error, so a typo in either place is
//! caught by the first test run instead of silently matching nothing.
//!
//! A section is read as a [`WordList`] (is this word listed?) or a
//! [`WordMap`] (which value does this word carry?): the one small-list type
//! of every extractor, made to cost what a `match` on literals costs.

use super::{err, records, LexiconError};
use crate::tokenizer::fold::fold_phrase;
use rustc_hash::FxHashMap;

/// One data line of a list: its folded first column and the other columns
/// as written.
#[derive(Debug, Clone)]
pub struct ListRow {
    /// Line number in the file, for error messages.
    pub line: usize,
    /// The first column, folded.
    pub key: String,
    /// The first column as written, for rules that compare written words.
    pub text: String,
    /// The columns after the first, trimmed.
    pub fields: Vec<String>,
}

/// A list file read into its sections, taken one by one by the extractor
/// that owns the file.
pub struct ListFile {
    file: &'static str,
    sections: FxHashMap<String, Vec<ListRow>>,
}

impl ListFile {
    /// Reads `text`, the contents of `data/{file}`.
    pub fn parse(file: &'static str, text: &str) -> Result<Self, LexiconError> {
        let mut sections: FxHashMap<String, Vec<ListRow>> = FxHashMap::default();
        for (line, section, fields) in records(text) {
            if section.is_empty() {
                return Err(err(file, line, "a word before the first `# section:` line"));
            }
            let Some((first, rest)) = fields.split_first() else { continue };
            let key = fold_phrase(first);
            if key.is_empty() {
                return Err(err(file, line, "an empty word"));
            }
            let fields = rest.iter().map(|f| f.to_string()).collect();
            let text = first.to_string();
            sections.entry(section.to_string()).or_default().push(ListRow { line, key, text, fields });
        }
        Ok(ListFile { file, sections })
    }

    /// The rows of section `name`.
    pub fn rows(&mut self, name: &str) -> Result<Vec<ListRow>, LexiconError> {
        self.sections.remove(name).ok_or_else(|| err(self.file, 0, format!("no section {name:?}")))
    }

    /// Ends the reading: every section must have been taken.
    pub fn finish(self) -> Result<(), LexiconError> {
        match self.sections.into_iter().min_by_key(|(_, rows)| rows.first().map_or(0, |r| r.line)) {
            None => Ok(()),
            Some((name, rows)) => Err(err(self.file, rows.first().map_or(0, |r| r.line), format!("section {name:?} is read by no rule"))),
        }
    }
}

/// A short list of folded words, looked up about as cheaply as a `match`
/// on string literals (what the rules' lists replace): the rules ask their
/// lists at many tokens of a text, where hashing each key, or a byte
/// compare per listed word, costs several times more. A key whose byte
/// length no word has is turned away by one bit test; otherwise it is
/// packed into one integer and compared with the words of its length.
/// Each word keeps its position in the list.
#[derive(Debug, Default, Clone)]
pub struct WordList {
    /// Bit `n` set when a word has `n` bytes (the last bit: 63 or more).
    lengths: u64,
    /// Bit `b % 64` set when a word's last byte is `b`: with the lengths,
    /// two bit tests turn most keys away (the last byte of an Arabic letter
    /// tells letters apart; its first byte seldom does).
    last_bytes: u64,
    /// `by_len[n]`: the packed words of `n` bytes, with their positions.
    by_len: Vec<Vec<(u128, u32)>>,
    /// Words longer than [`PACKED_MAX`] bytes, with their positions.
    long: Vec<(Box<str>, u32)>,
    /// Every word, in list order.
    words: Vec<Box<str>>,
}

/// Words up to this many bytes are packed into a `u128`; longer ones (nine
/// Arabic letters and more) are compared as bytes.
const PACKED_MAX: usize = 16;

impl WordList {
    /// The list of `words`, in their order (a word listed twice keeps its
    /// first position).
    pub fn new<S: AsRef<str>>(words: impl IntoIterator<Item = S>) -> Self {
        let mut list = WordList::default();
        for w in words {
            let w = w.as_ref();
            if list.position(w).is_some() {
                continue;
            }
            let i = list.words.len() as u32;
            list.words.push(w.into());
            list.lengths |= length_bit(w);
            list.last_bytes |= last_byte_bit(w);
            if w.len() > PACKED_MAX {
                list.long.push((w.into(), i));
                continue;
            }
            if list.by_len.len() <= w.len() {
                list.by_len.resize_with(w.len() + 1, Vec::new);
            }
            list.by_len[w.len()].push((pack(w.as_bytes()), i));
        }
        list
    }

    /// The list of a section's folded words.
    pub fn of_rows(rows: &[ListRow]) -> Self {
        WordList::new(rows.iter().map(|r| r.key.as_str()))
    }

    /// Whether `key` is in the list.
    #[inline(always)]
    pub fn contains(&self, key: &str) -> bool {
        self.may_hold(key) && self.find(key).is_some()
    }

    /// The position of `key` in the list, if it is there.
    #[inline(always)]
    pub fn position(&self, key: &str) -> Option<u32> {
        if self.may_hold(key) {
            self.find(key)
        } else {
            None
        }
    }

    /// The two bit tests, answered inline: most keys end here.
    #[inline(always)]
    fn may_hold(&self, key: &str) -> bool {
        self.lengths & length_bit(key) != 0 && self.last_bytes & last_byte_bit(key) != 0
    }

    /// [`WordList::position`] for a key that passed the bit tests.
    #[inline(never)]
    fn find(&self, key: &str) -> Option<u32> {
        let key = key.as_bytes();
        if key.len() > PACKED_MAX {
            return self.long.iter().find(|(w, _)| w.as_bytes() == key).map(|&(_, i)| i);
        }
        let packed = pack(key);
        self.by_len.get(key.len())?.iter().find(|&&(w, _)| w == packed).map(|&(_, i)| i)
    }

    /// Whether a word of the list begins `key`.
    pub fn begins(&self, key: &str) -> bool {
        self.words.iter().any(|w| key.starts_with(&**w))
    }

    /// The words, in list order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.words.iter().map(|w| &**w)
    }

    /// How many words the list holds.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether the list holds no word.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// A [`WordList`] whose words each carry a value.
#[derive(Debug, Clone)]
pub struct WordMap<T> {
    list: WordList,
    values: Vec<T>,
}

impl<T> Default for WordMap<T> {
    fn default() -> Self {
        WordMap { list: WordList::default(), values: Vec::new() }
    }
}

impl<T: Copy> WordMap<T> {
    /// The map of `(word, value)` pairs, in their order (a word listed
    /// twice keeps its first value).
    pub fn new<S: AsRef<str>>(pairs: impl IntoIterator<Item = (S, T)>) -> Self {
        let (words, values): (Vec<S>, Vec<T>) = pairs.into_iter().unzip();
        let list = WordList::new(words.iter().map(AsRef::as_ref));
        // a word listed twice kept its first position: its value is there
        let mut first = vec![None; list.len()];
        for (w, v) in words.iter().zip(values) {
            if let Some(i) = list.position(w.as_ref()) {
                first[i as usize].get_or_insert(v);
            }
        }
        WordMap { values: first.into_iter().flatten().collect(), list }
    }

    /// The value of `key`.
    #[inline]
    pub fn get(&self, key: &str) -> Option<T> {
        self.list.position(key).map(|i| self.values[i as usize])
    }

    /// The words, in list order.
    #[cfg(test)]
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.list.iter()
    }
}

/// The bit of a word's byte length in [`WordList::lengths`].
#[inline(always)]
fn length_bit(key: &str) -> u64 {
    1 << key.len().min(63)
}

/// The bit of a word's last byte in [`WordList::last_bytes`] (none for an
/// empty word, which no list holds).
#[inline(always)]
fn last_byte_bit(key: &str) -> u64 {
    key.as_bytes().last().map_or(0, |&b| 1 << (b & 63))
}

/// `key` (at most [`PACKED_MAX`] bytes) as one number, for comparing with
/// words of the same length: two overlapping reads of its first and last
/// bytes, which together cover it.
#[inline]
fn pack(key: &[u8]) -> u128 {
    let n = key.len();
    debug_assert!(n <= PACKED_MAX);
    let word = |at: usize| u64::from_le_bytes([key[at], key[at + 1], key[at + 2], key[at + 3], key[at + 4], key[at + 5], key[at + 6], key[at + 7]]);
    let half = |at: usize| u32::from_le_bytes([key[at], key[at + 1], key[at + 2], key[at + 3]]);
    match n {
        8.. => word(0) as u128 | (word(n - 8) as u128) << 64,
        4.. => half(0) as u128 | (half(n - 4) as u128) << 32,
        _ => key.iter().fold(0, |acc, &b| acc << 8 | b as u128),
    }
}

/// A list file compiled into the binary: `(file name under data/, text)`.
#[macro_export]
#[doc(hidden)]
macro_rules! list_file {
    ($name:literal) => {
        ($name, include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/", $name)))
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "# a header\n# section: cues\nإمكانية\nمسؤول\tm\n\n# section: other\nأن\n";

    #[test]
    fn words_are_folded_at_load() {
        let mut f = ListFile::parse("t.tsv", TEXT).unwrap();
        let cues = WordList::of_rows(&f.rows("cues").unwrap());
        assert!(cues.contains(&fold_phrase("امكانيه")));
        assert!(cues.contains("مسوول"), "the folded spelling of مسؤول");
        assert!(!cues.contains("أن"));
    }

    #[test]
    fn columns_after_the_word_are_kept() {
        let mut f = ListFile::parse("t.tsv", TEXT).unwrap();
        let rows = f.rows("cues").unwrap();
        assert_eq!(rows[1].fields, vec!["m".to_string()]);
        assert_eq!(rows[1].line, 4);
    }

    #[test]
    fn a_missing_or_unread_section_is_an_error() {
        let mut f = ListFile::parse("t.tsv", TEXT).unwrap();
        assert!(f.rows("nope").is_err());
        f.rows("cues").unwrap();
        let e = f.finish().unwrap_err().to_string();
        assert!(e.contains("other"), "{e}");
    }

    #[test]
    fn word_lists_find_words_of_every_length_and_no_other() {
        let words = ["a", "ab", "abc", "abcd", "abcde", "abcdefgh", "abcdefghijk", "abcdefghijklmnop", "abcdefghijklmnopq", "abcdefghijklmnopqrstu"];
        let list = WordList::new(words);
        for (i, w) in words.iter().enumerate() {
            assert_eq!(list.position(w), Some(i as u32), "{w}");
        }
        for w in ["", "b", "ba", "abd", "abce", "abcdf", "abcdefgi", "bbcdefghijk", "abcdefghijklmnoq", "abcdefghijklmnopr", "abcdefghijklmnopqrstv"] {
            assert_eq!(list.position(w), None, "{w}");
        }
        let arabic = WordList::new(["علي", "الي", "عن", "الاحصاءات"]);
        assert!(arabic.contains("علي") && arabic.contains("عن") && arabic.contains("الاحصاءات"));
        assert!(!arabic.contains("علا") && !arabic.contains("من") && !arabic.contains("الاحصاءان"));
        assert!(arabic.begins("عنده") && !arabic.begins("من"));
        let map = WordMap::new([("من", 1), ("الى", 2), ("من", 3)]);
        assert_eq!((map.get("من"), map.get("الى"), map.get("في")), (Some(1), Some(2), None));
    }

    #[test]
    fn a_word_outside_a_section_is_an_error() {
        assert!(ListFile::parse("t.tsv", "أن\n").is_err());
    }
}
