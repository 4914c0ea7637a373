//! The word lists of the name and entity rules, read from
//! `data/words/names.tsv` (natural spelling, folded at load).

use crate::lexicon::lists::{ListFile, ListRow, WordList};
use crate::lexicon::LexiconError;

/// The word lists of the names rules (`data/words/names.tsv`).
#[derive(Debug)]
pub struct Words {
    /// `بن`, `عبد`, `أبو`: words inside a name that join its parts.
    pub connectors: WordList,
    /// `الملك`, `الأمير`: titles under which a body is named after a person.
    pub namesake_titles: WordList,
    /// `باسم`: "in the name of", also a given name.
    in_the_name_of: WordList,
    /// `آل` as written: opens a family's name.
    family_opener: WordList,
    /// `علي`, `آنا`, `آن` as written: names that fold to function words.
    pub names_like_function_words: WordList,
    /// `علي` as written.
    ali: WordList,
    /// `صادر`: a document issued ...
    pub issued: WordList,
    /// ... `عن` (by) a body.
    pub issued_by: WordList,
    /// `إلى`, `لدى`, `في` inside a title before a place.
    pub title_prepositions: WordList,
    /// `في`, `من`, `داخل` placing an unnamed source.
    pub placing_prepositions: WordList,
    /// `غير` before an adjective.
    pub negation: WordList,
    /// `مسؤول` and its inflections.
    pub official: WordList,
    /// `شمال`, `غرب`: what a direction starts with.
    pub directions: WordList,
}

impl Words {
    pub fn load() -> Result<Self, LexiconError> {
        let (name, text) = crate::list_file!("words/names.tsv");
        let mut file = ListFile::parse(name, text)?;
        let words = Words {
            connectors: folded(file.rows("connectors")?),
            namesake_titles: folded(file.rows("namesake_titles")?),
            in_the_name_of: folded(file.rows("in_the_name_of")?),
            family_opener: written(file.rows("family_opener")?),
            names_like_function_words: written(file.rows("names_like_function_words")?),
            ali: written(file.rows("ali")?),
            issued: folded(file.rows("issued")?),
            issued_by: folded(file.rows("issued_by")?),
            title_prepositions: folded(file.rows("title_prepositions")?),
            placing_prepositions: folded(file.rows("placing_prepositions")?),
            negation: folded(file.rows("negation")?),
            official: folded(file.rows("official")?),
            directions: folded(file.rows("directions")?),
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
        self.directions.begins(key)
    }
}

/// A section's words, folded.
fn folded(rows: Vec<ListRow>) -> WordList {
    WordList::of_rows(&rows)
}

/// A section's words as written, for rules that compare the written word
/// (where folding would merge two words: `علي` and `على`).
fn written(rows: Vec<ListRow>) -> WordList {
    WordList::new(rows.iter().map(|r| r.text.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(few: &WordList) -> Vec<&str> {
        let mut v: Vec<&str> = few.iter().collect();
        v.sort_unstable();
        v
    }

    fn same(few: &WordList, old: &[&str]) {
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
