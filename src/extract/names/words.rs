//! The word lists of the name and entity rules, read from
//! `data/words/names.tsv` (natural spelling, folded at load).

use crate::lexicon::lists::{ListFile, ListRow};
use crate::lexicon::LexiconError;

/// A short list of words, searched in order (for lists of a few words a
/// comparison each costs less than hashing the key), behind masks of their
/// lengths in bytes and of their last bytes: most words asked about are
/// turned away by the two bit tests alone (the rules ask about most words
/// of a text).
#[derive(Debug, Default)]
pub struct Few {
    words: Box<[Box<str>]>,
    /// Bit `n` set when a word has `n` bytes (the last bit for 63 or more).
    lengths: u64,
    /// Bit `b % 64` set when a word's last byte is `b`.
    last_bytes: u64,
}

impl Few {
    /// Whether `word` is in the list.
    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        self.lengths & length_bit(word) != 0 && self.last_bytes & last_byte_bit(word) != 0 && self.words.iter().any(|w| **w == *word)
    }

    fn new(words: impl Iterator<Item = String>) -> Self {
        let words: Box<[Box<str>]> = words.map(String::into_boxed_str).collect();
        let lengths = words.iter().fold(0, |mask, w| mask | length_bit(w));
        let last_bytes = words.iter().fold(0, |mask, w| mask | last_byte_bit(w));
        Few { words, lengths, last_bytes }
    }

    fn folded(rows: Vec<ListRow>) -> Self {
        Few::new(rows.into_iter().map(|r| r.key))
    }

    /// The words as written, for comparing with written text.
    fn written(rows: Vec<ListRow>) -> Self {
        Few::new(rows.into_iter().map(|r| r.text))
    }
}

/// The bit of a word's last byte in [`Few::last_bytes`] (none for an
/// empty word, which no list holds).
#[inline(always)]
fn last_byte_bit(word: &str) -> u64 {
    word.as_bytes().last().map_or(0, |&b| 1 << (b & 63))
}

/// The bit of a word's length in [`Few::lengths`].
#[inline(always)]
fn length_bit(word: &str) -> u64 {
    1 << word.len().min(63)
}

/// The word lists of the names rules (`data/words/names.tsv`).
#[derive(Debug)]
pub struct Words {
    /// `بن`, `عبد`, `أبو`: words inside a name that join its parts.
    pub connectors: Few,
    /// `باسم`: "in the name of", also a given name.
    in_the_name_of: Few,
    /// `آل` as written: opens a family's name.
    family_opener: Few,
    /// `علي`, `آنا`, `آن` as written: names that fold to function words.
    pub names_like_function_words: Few,
    /// `علي` as written.
    ali: Few,
    /// `صادر`: a document issued ...
    pub issued: Few,
    /// ... `عن` (by) a body.
    pub issued_by: Few,
    /// `إلى`, `لدى`, `في` inside a title before a place.
    pub title_prepositions: Few,
    /// `في`, `من`, `داخل` placing an unnamed source.
    pub placing_prepositions: Few,
    /// `غير` before an adjective.
    pub negation: Few,
    /// `مسؤول` and its inflections.
    pub official: Few,
    /// `شمال`, `غرب`: what a direction starts with.
    pub directions: Few,
}

impl Words {
    pub fn load() -> Result<Self, LexiconError> {
        let (name, text) = crate::list_file!("words/names.tsv");
        let mut file = ListFile::parse(name, text)?;
        let words = Words {
            connectors: Few::folded(file.rows("connectors")?),
            in_the_name_of: Few::folded(file.rows("in_the_name_of")?),
            family_opener: Few::written(file.rows("family_opener")?),
            names_like_function_words: Few::written(file.rows("names_like_function_words")?),
            ali: Few::written(file.rows("ali")?),
            issued: Few::folded(file.rows("issued")?),
            issued_by: Few::folded(file.rows("issued_by")?),
            title_prepositions: Few::folded(file.rows("title_prepositions")?),
            placing_prepositions: Few::folded(file.rows("placing_prepositions")?),
            negation: Few::folded(file.rows("negation")?),
            official: Few::folded(file.rows("official")?),
            directions: Few::folded(file.rows("directions")?),
        };
        file.finish()?;
        Ok(words)
    }

    /// Whether the folded `key` is `باسم` ("in the name of", or the name).
    #[inline]
    pub fn is_in_the_name_of(&self, key: &str) -> bool {
        self.in_the_name_of.contains(key)
    }

    /// Whether the written word opens a family's name (`آل`).
    #[inline]
    pub fn is_family_opener(&self, surface: &str) -> bool {
        self.family_opener.contains(surface)
    }

    /// Whether the written word is the name `علي`.
    #[inline]
    pub fn is_ali(&self, surface: &str) -> bool {
        self.ali.contains(surface)
    }

    /// Whether a direction starts the folded `key` (`غربي`, `شمال`).
    #[inline]
    pub fn starts_with_direction(&self, key: &str) -> bool {
        self.directions.words.iter().any(|d| key.starts_with(&**d))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(few: &Few) -> Vec<&str> {
        let mut v: Vec<&str> = few.words.iter().map(|w| &**w).collect();
        v.sort_unstable();
        v
    }

    fn same(few: &Few, old: &[&str]) {
        let mut old = old.to_vec();
        old.sort_unstable();
        assert_eq!(sorted(few), old);
    }

    /// The natural spellings of the data file fold to exactly the folded
    /// literals the rules had.
    #[test]
    fn lists_fold_to_the_literals_the_rules_had() {
        let w = Words::load().unwrap();
        same(&w.connectors, &["بن", "ابن", "بنت", "ابو", "ابي", "ال", "عبد", "دي", "دو", "فان", "فون", "ولد", "لا", "بو"]);
        same(&w.in_the_name_of, &["باسم"]);
        same(&w.family_opener, &["آل"]);
        same(&w.names_like_function_words, &["علي", "آنا", "آن"]);
        same(&w.ali, &["علي"]);
        same(&w.issued, &["صادر", "صادره"]);
        same(&w.issued_by, &["عن"]);
        same(&w.title_prepositions, &["الي", "لدي", "في"]);
        same(&w.placing_prepositions, &["في", "من", "داخل"]);
        same(&w.negation, &["غير"]);
        same(&w.official, &["مسوول", "مسووله", "مسوولون", "مسوولين"]);
        same(&w.directions, &["شمال", "جنوب", "شرق", "غرب", "وسط"]);
    }
}
