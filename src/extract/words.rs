//! The word lists that the extractors' rules read, one data file per
//! extractor under `data/words/`, built once with the analyzer and shared
//! read-only (like the lexicons).

use crate::lexicon::LexiconError;

/// Every extractor's word lists.
#[derive(Debug)]
pub struct Words {
    pub dates: super::dates::Words,
    pub quotes: super::quotes::Words,
    pub names: super::names::Words,
    pub source: super::source::Words,
}

impl Words {
    /// Reads the lists compiled into the binary.
    pub fn load() -> Result<Self, LexiconError> {
        Ok(Words { dates: super::dates::Words::load()?, quotes: super::quotes::Words::load()?, names: super::names::Words::load()?, source: super::source::Words::load()? })
    }
}
