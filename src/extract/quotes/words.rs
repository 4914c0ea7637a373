//! The word lists of the quotes rules.

/// The word lists of these rules (`data/words/quotes.tsv`).
#[derive(Debug)]
pub struct Words {}

impl Words {
    pub fn load() -> Result<Self, crate::lexicon::LexiconError> {
        let (name, text) = crate::list_file!("words/quotes.tsv");
        let file = crate::lexicon::lists::ListFile::parse(name, text)?;
        file.finish()?;
        Ok(Words {})
    }
}
