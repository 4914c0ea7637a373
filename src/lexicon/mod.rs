//! Lexicons: the data files under `data/`, compiled into the binary and built
//! once into read-only tables that every thread shares.
//!
//! Each file says in its header where its list comes from. Words are stored
//! by their folded key (see [`crate::tokenizer::fold`]), so a lexicon lists
//! a name once however its hamza or final letters are spelled.
//!
//! The parts: `tsv` reads the files' lines and shared columns; `load` builds
//! each lexicon from its file and joins the per-word [`KeyTable`]; `starts`
//! works out what each word can start (entity passes, date expressions);
//! [`annotate`] looks every word of a text up once, for the extractors;
//! [`keys`] and [`phrases`] are the tables, [`lists`] the extractors' named
//! word lists.

#[macro_use]
mod tsv;

pub mod annotate;
pub mod keys;
pub mod lists;
mod load;
pub mod morph;
pub mod phrases;
mod starts;

use crate::tokenizer::fold::fold_phrase;
pub use keys::{KeyFacts, KeyTable};
pub use phrases::{Node, PhraseSet, Vocab, WordId, NO_WORD};
pub use crate::record::EntityType;
use thiserror::Error;
pub use starts::{STARTS_GAZETTEER, STARTS_GIVEN, STARTS_ORG_HEAD, STARTS_PERSON, STARTS_PHRASE, STARTS_PLACE_HEAD, STARTS_TITLE};
use tsv::{err, records};

/// A data file that cannot be read as its format says.
#[derive(Debug, Error)]
#[error("data/{file}:{line}: {problem}")]
pub struct LexiconError {
    pub file: &'static str,
    pub line: usize,
    pub problem: String,
}

/// Grammatical gender, as carried by verbs, titles and given names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Gender {
    Masculine,
    Feminine,
    Unknown,
}

/// Grammatical number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GramNumber {
    Singular,
    Dual,
    Plural,
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Present,
    /// Adverbial participle: `قائلا`, `مضيفا`, `مشيرا`.
    Participle,
    Passive,
    Noun,
}

/// Prepositions a speech verb may put before its complementizer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Preps(u8);

impl Preps {
    pub const NONE: Preps = Preps(0);
    pub const ILA: u8 = 1; // إلى
    pub const ALA: u8 = 2; // على
    pub const BI: u8 = 4; // ب
    pub const LI: u8 = 8; // ل
    pub const AN: u8 = 16; // عن
    pub const MIN: u8 = 32; // من
    pub const FI: u8 = 64; // في

    pub fn contains(self, flag: u8) -> bool {
        self.0 & flag != 0
    }
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
}

/// A form of a verb of saying.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VerbInfo {
    /// Index into [`Lexicons::verb_lemmas`].
    pub lemma: u16,
    pub tense: Tense,
    pub gender: Gender,
    pub number: GramNumber,
    pub preps: Preps,
    /// Also an ordinary noun or particle (`بين`, `ذكر`): only a speech verb
    /// when a complementizer, colon or quote follows.
    pub ambiguous: bool,
}

/// Closed-class words that end names and titles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FunctionClass {
    Prep,
    Conj,
    Particle,
    Pronoun,
    Demonstrative,
    Relative,
    Aux,
    Negation,
    Time,
    Adverb,
    Quantifier,
}

/// Everything the single-word lexicons say about one word.
#[derive(Debug, Clone, Copy, Default)]
pub struct WordInfo {
    pub verb: Option<VerbInfo>,
    /// `إن`, `أن`, `بأن`, `أنه` …
    pub complementizer: bool,
    pub function: Option<FunctionClass>,
    /// Nationality adjective: index into [`Lexicons::nationality_countries`].
    pub nationality: Option<u16>,
    /// ISO weekday (Monday = 1).
    pub weekday: Option<u8>,
}

/// Class of a title word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TitleClass {
    /// Starts a title: `وزير`, `الرئيس`, `المتحدث`.
    Head,
    /// Continues a title: `العام`, `الخارجية`, `السابق`.
    Modifier,
    /// Part of how a person is addressed: `سمو`, `السيد`.
    Honorific,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TitleInfo {
    pub class: TitleClass,
    pub gender: Gender,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Calendar {
    Gregorian,
    Hijri,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthInfo {
    pub month: u8,
    pub calendar: Calendar,
    /// Also an ordinary word or name (`صفر`, `رجب`, `آب`).
    pub ambiguous: bool,
}

/// A noun that heads an institution's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OrgHead {
    /// A word before a company's own name, not part of it (`شركة`).
    pub descriptor: bool,
    /// Written with the article (`الهيئة`): a naming complement must follow.
    pub definite: bool,
}

/// A noun before a place's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceHead {
    /// An administrative unit, left out of the name (`محافظة تعز` → `تعز`).
    Division,
    /// A named site, part of the name (`مطار سياتل`).
    Site,
}

/// One entry of the gazetteer (countries, places, organizations, outlets).
#[derive(Debug, Clone)]
pub struct GazetteerEntry {
    /// The everyday Arabic name.
    pub canonical: String,
    /// Its folded key, computed once.
    pub key: String,
    /// The Latin name, when the data has one.
    pub latin: Option<String>,
    pub entity_type: EntityType,
    /// The file's finer kind: country, capital, city, party, agency …
    pub kind: String,
}

/// A news agency or outlet.
#[derive(Debug, Clone)]
pub struct Agency {
    /// Latin canonical name (`Reuters`, `SPA`).
    pub canonical: String,
    /// The usual Arabic name.
    pub arabic: String,
    /// agency | newspaper | tv | website | radio
    pub kind: String,
}

/// Every lexicon, built once.
#[derive(Debug, Default)]
pub struct Lexicons {
    pub vocab: Vocab,
    /// Word classes and clitics of any Arabic word (data/morph).
    pub morph: morph::Morph,
    /// Single-word facts, by word id.
    words: Vec<WordInfo>,
    pub verb_lemmas: Vec<String>,
    pub nationality_countries: Vec<String>,
    pub titles: PhraseSet<TitleInfo>,
    pub given_names: PhraseSet<Gender>,
    /// Given names that are also ordinary words (`سليم`, `أمل`): a name only
    /// where a title has announced one.
    pub ambiguous_given_names: PhraseSet<Gender>,
    pub months: PhraseSet<MonthInfo>,
    pub ordinals: PhraseSet<u8>,
    /// `بحسب`, `وفقا ل`, `نقلا عن` …
    pub attributions: PhraseSet<()>,
    /// Institution heads (`وزارة`, `الهيئة`).
    pub org_heads: PhraseSet<OrgHead>,
    /// Adjectives that end an institution's name (`الرسمية`, `الجديدة`).
    pub descriptive_adjectives: PhraseSet<()>,
    /// Nouns before a place's name (`محافظة`, `مطار`).
    pub place_heads: PhraseSet<PlaceHead>,
    /// Fixed-date holidays: (month, day).
    pub holidays: PhraseSet<(u8, u8)>,
    /// Time units (`يوم`, `يومين`, `أسابيع`): (unit d/w/m/y, count in the word).
    pub time_units: PhraseSet<(char, u8)>,
    /// `البيان`, `التقرير`: documents that speak for their issuer.
    pub document_nouns: PhraseSet<()>,
    pub gazetteer: PhraseSet<u32>,
    pub gazetteer_entries: Vec<GazetteerEntry>,
    pub agencies: PhraseSet<u16>,
    pub agency_list: Vec<Agency>,
    /// Frequent words that are not names, by folded key (see `common_rank`).
    common_words: rustc_hash::FxHashMap<Box<str>, u16>,
    /// Folded words that can begin a date expression (see `is_date_trigger`).
    date_triggers: rustc_hash::FxHashSet<Box<str>>,
    /// The three above in one table: what the per-word lookups of a text use.
    pub keys: KeyTable,
    /// The entity passes each word can start, by word id: the `STARTS_`
    /// bits (see `entity_starts`).
    entity_starts: Vec<u8>,
}

impl Lexicons {
    /// Facts about the word with this id.
    #[inline]
    pub fn word(&self, id: WordId) -> Option<&WordInfo> {
        if id == NO_WORD {
            None
        } else {
            self.words.get(id as usize)
        }
    }

    /// Frequency rank of a folded word among common words that are not names.
    pub fn common_rank(&self, key: &str) -> Option<u16> {
        self.keys.get(key).common_rank
    }

    /// Folded key of a phrase, as lexicons store it (for callers building keys).
    pub fn key_of(text: &str) -> String {
        fold_phrase(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::OnceLock;

    pub(crate) fn lex() -> &'static Lexicons {
        static L: OnceLock<Lexicons> = OnceLock::new();
        L.get_or_init(|| Lexicons::load().expect("bundled data files load"))
    }

    fn id(w: &str) -> WordId {
        lex().vocab.get(&Lexicons::key_of(w))
    }


    #[test]
    fn bundled_data_files_load() {
        let l = lex();
        assert!(l.agency_list.len() >= 40, "agencies: {}", l.agency_list.len());
        assert!(l.gazetteer_entries.len() > 500);
        assert!(l.verb_lemmas.len() >= 17);
    }

    #[test]
    fn speech_verbs_carry_agreement() {
        let l = lex();
        let qalat = l.word(id("قالت")).and_then(|w| w.verb).expect("قالت is a speech verb");
        assert_eq!(qalat.gender, Gender::Feminine);
        let qal = l.word(id("قال")).and_then(|w| w.verb).expect("قال");
        assert_eq!(qal.gender, Gender::Masculine);
        assert!(l.word(id("أشار")).and_then(|w| w.verb).unwrap().preps.contains(Preps::ILA));
        assert!(l.word(id("أن")).unwrap().complementizer);
    }

    #[test]
    fn month_spellings_fold_together() {
        let l = lex();
        let m = l.months.longest([id("أيار")]).map(|(_, m)| m.month);
        assert_eq!(m, Some(5));
        let m = l.months.longest([id("ايار")]).map(|(_, m)| m.month);
        assert_eq!(m, Some(5));
        let ids = [id("كانون"), id("الثاني")];
        assert_eq!(l.months.longest(ids).map(|(n, m)| (n, m.month)), Some((2, 1)));
    }

    #[test]
    fn gazetteer_knows_countries_and_bodies() {
        let l = lex();
        let (_, &e) = l.gazetteer.longest([id("سوريا")]).expect("سوريا");
        assert_eq!(l.gazetteer_entries[e as usize].entity_type, EntityType::Location);
        let ids = [id("مجلس"), id("الأمن"), id("الدولي")];
        let (n, &e) = l.gazetteer.longest(ids).expect("مجلس الأمن الدولي");
        assert_eq!(n, 3);
        assert_eq!(l.gazetteer_entries[e as usize].entity_type, EntityType::Organization);
    }
}
