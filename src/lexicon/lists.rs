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

use super::{err, records, LexiconError};
use crate::tokenizer::fold::fold_phrase;
use rustc_hash::{FxHashMap, FxHashSet};

/// A set of folded words or phrases (words joined by one space).
#[derive(Debug, Default, Clone)]
pub struct KeySet(FxHashSet<Box<str>>);

impl KeySet {
    /// Whether the folded `key` is in the set.
    #[inline]
    pub fn contains(&self, key: &str) -> bool {
        self.0.contains(key)
    }

    /// The folded entries, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|k| &**k)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

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

    /// The words of section `name`, as a set.
    pub fn set(&mut self, name: &str) -> Result<KeySet, LexiconError> {
        Ok(KeySet(self.rows(name)?.into_iter().map(|r| r.key.into_boxed_str()).collect()))
    }

    /// Ends the reading: every section must have been taken.
    pub fn finish(self) -> Result<(), LexiconError> {
        match self.sections.into_iter().min_by_key(|(_, rows)| rows.first().map_or(0, |r| r.line)) {
            None => Ok(()),
            Some((name, rows)) => Err(err(self.file, rows.first().map_or(0, |r| r.line), format!("section {name:?} is read by no rule"))),
        }
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
        let cues = f.set("cues").unwrap();
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
        assert!(f.set("nope").is_err());
        f.set("cues").unwrap();
        let e = f.finish().unwrap_err().to_string();
        assert!(e.contains("other"), "{e}");
    }

    #[test]
    fn a_word_outside_a_section_is_an_error() {
        assert!(ListFile::parse("t.tsv", "أن\n").is_err());
    }
}
