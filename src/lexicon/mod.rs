//! Lexicons: the data files under `data/`, compiled into the binary and built
//! once into read-only tables that every thread shares.
//!
//! Each file says in its header where its list comes from. Words are stored
//! by their folded key (see [`crate::tokenizer::fold`]), so a lexicon lists
//! a name once however its hamza or final letters are spelled.

pub mod keys;
pub mod lists;
pub mod phrases;

use crate::tokenizer::fold::{fold_into, fold_phrase};
pub use keys::{KeyFacts, KeyTable};
pub use phrases::{Node, PhraseSet, Vocab, WordId, NO_WORD};
pub use crate::record::EntityType;
use chrono::NaiveDate;
use thiserror::Error;

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

/// A word starts a place head (`محافظة`, `مطار`).
pub const STARTS_PLACE_HEAD: u8 = 1;
/// A word starts a title other than a modifier.
pub const STARTS_TITLE: u8 = 2;
/// A word starts an institution head (`وزارة`, `حزب`).
pub const STARTS_ORG_HEAD: u8 = 4;
/// A word starts a gazetteer entry.
pub const STARTS_GAZETTEER: u8 = 8;
/// A word starts a given name.
pub const STARTS_GIVEN: u8 = 16;
/// A word starts anything the gazetteer and institutions pass matches.
pub const STARTS_PHRASE: u8 = STARTS_PLACE_HEAD | STARTS_ORG_HEAD | STARTS_GAZETTEER;
/// A word starts anything the people pass looks for.
pub const STARTS_PERSON: u8 = STARTS_TITLE | STARTS_GIVEN;

macro_rules! data_file {
    ($name:literal) => {
        ($name, include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/", $name)))
    };
}

/// Data lines of a file: (line number, tab-separated fields), skipping
/// comments and blank lines; `# section: NAME` lines switch the section.
fn records(text: &str) -> impl Iterator<Item = (usize, &str, Vec<&str>)> {
    let mut section = "";
    text.lines().enumerate().filter_map(move |(n, line)| {
        let line = line.trim_end_matches('\r');
        if let Some(rest) = line.strip_prefix("# section:") {
            section = rest.trim();
            return None;
        }
        if line.trim().is_empty() || line.starts_with('#') {
            return None;
        }
        Some((n + 1, section, line.split('\t').map(str::trim).collect()))
    })
}

fn err(file: &'static str, line: usize, problem: impl Into<String>) -> LexiconError {
    LexiconError { file, line, problem: problem.into() }
}

fn field<'a>(file: &'static str, line: usize, fields: &[&'a str], i: usize) -> Result<&'a str, LexiconError> {
    fields.get(i).copied().filter(|f| !f.is_empty()).ok_or_else(|| err(file, line, format!("missing column {}", i + 1)))
}

fn parse_gender(s: &str) -> Gender {
    match s.trim_end_matches('?') {
        "m" | "ms" | "md" | "mp" => Gender::Masculine,
        "f" | "fs" | "fd" | "fp" => Gender::Feminine,
        _ => Gender::Unknown,
    }
}

fn parse_number(s: &str) -> GramNumber {
    match s {
        "ms" | "fs" => GramNumber::Singular,
        "md" | "fd" => GramNumber::Dual,
        "mp" | "fp" => GramNumber::Plural,
        _ => GramNumber::Unknown,
    }
}

impl Lexicons {
    /// Builds every lexicon from the data files compiled into the binary.
    pub fn load() -> Result<Self, LexiconError> {
        let mut lex = Lexicons::default();
        lex.load_speech_verbs(data_file!("speech_verbs.tsv"))?;
        lex.load_function_words(data_file!("function_words.tsv"))?;
        lex.load_nationalities(data_file!("nationalities.tsv"))?;
        lex.load_weekdays(data_file!("weekdays.tsv"))?;
        lex.load_titles(data_file!("titles.tsv"))?;
        lex.load_given_names(data_file!("given_names.tsv"))?;
        lex.load_months(data_file!("months.tsv"))?;
        lex.load_ordinals(data_file!("ordinals.tsv"))?;
        lex.load_org_heads(data_file!("org_heads.tsv"))?;
        lex.load_place_heads(data_file!("place_heads.tsv"))?;
        lex.load_document_nouns(data_file!("document_nouns.tsv"))?;
        lex.load_time_units(data_file!("time_units.tsv"))?;
        lex.load_holidays(data_file!("holidays.tsv"))?;
        lex.load_common_words(data_file!("common_words.tsv"))?;
        // Countries first: a name in two files (الكويت) keeps its first reading.
        lex.load_gazetteer(data_file!("gazetteer/countries.tsv"), EntityType::Location)?;
        lex.load_gazetteer(data_file!("gazetteer/organizations.tsv"), EntityType::Organization)?;
        lex.load_gazetteer(data_file!("gazetteer/places.tsv"), EntityType::Location)?;
        lex.load_agencies(data_file!("agencies.tsv"))?;
        lex.words.resize(lex.vocab.len(), WordInfo::default());
        lex.build_date_triggers(data_file!("date_cues.tsv"))?;
        lex.build_key_table()?;
        lex.build_entity_starts();
        Ok(lex)
    }

    /// [`Lexicons::entity_starts`] for every word: the entity extractor's
    /// scan then reads one byte a word instead of testing five sets.
    fn build_entity_starts(&mut self) {
        self.entity_starts = (0..self.vocab.len() as WordId)
            .map(|id| {
                let bit = |starts: bool, bit: u8| if starts { bit } else { 0 };
                bit(self.place_heads.can_start(id), STARTS_PLACE_HEAD)
                    | bit(self.org_heads.can_start(id), STARTS_ORG_HEAD)
                    | bit(self.gazetteer.can_start(id), STARTS_GAZETTEER)
                    | bit(self.given_names.can_start(id), STARTS_GIVEN)
            })
            .collect();
        // a title start counts only for titles that are no modifier
        // (`العام`, `الخارجية` start nothing the people pass looks for)
        for id in self.titles.first_words(|t| t.class != TitleClass::Modifier) {
            self.entity_starts[id as usize] |= STARTS_TITLE;
        }
    }

    /// Which entity passes word `id` can start (the `STARTS_` bits); none
    /// for `NO_WORD`.
    #[inline]
    pub fn entity_starts(&self, id: WordId) -> u8 {
        // (`NO_WORD` is past the end of the table)
        self.entity_starts.get(id as usize).copied().unwrap_or(0)
    }

    /// Joins the vocabulary, the common words and the date triggers into
    /// [`Lexicons::keys`].
    fn build_key_table(&mut self) -> Result<(), LexiconError> {
        // token annotations keep a word id in 24 bits
        if self.vocab.len() >= (1 << 24) - 1 {
            return Err(err("*", 0, "more than 2^24 - 2 distinct words"));
        }
        let mut facts: rustc_hash::FxHashMap<&str, KeyFacts> = rustc_hash::FxHashMap::default();
        for (key, &id) in self.vocab.iter() {
            facts.entry(key).or_insert(KeyFacts::NONE).word = id;
        }
        for (key, &rank) in &self.common_words {
            facts.entry(key).or_insert(KeyFacts::NONE).common_rank = Some(rank);
        }
        for key in &self.date_triggers {
            facts.entry(key).or_insert(KeyFacts::NONE).date_trigger = true;
        }
        // the most frequent words first, so that the entries and key bytes
        // that most lookups read share a few cache lines
        let mut items: Vec<(&str, KeyFacts)> = facts.into_iter().collect();
        items.sort_unstable_by_key(|&(key, f)| (f.common_rank.unwrap_or(u16::MAX), key));
        self.keys = KeyTable::build(items);
        Ok(())
    }

    /// The words a date can begin with: the cue words of `data/date_cues.tsv`
    /// and the first words of month, weekday, ordinal, holiday and time-unit
    /// names. The date extractor tries its patterns only at these words and
    /// at numbers, which keeps it cheap on the words that cannot start one.
    fn build_date_triggers(&mut self, (file, text): (&'static str, &str)) -> Result<(), LexiconError> {
        let mut words: Vec<String> = Vec::new();
        for (line, _, f) in records(text) {
            words.push(fold_phrase(field(file, line, &f, 0)?));
        }
        for (file, text) in [
            data_file!("months.tsv"),
            data_file!("ordinals.tsv"),
            data_file!("holidays.tsv"),
            data_file!("weekdays.tsv"),
            data_file!("time_units.tsv"),
        ] {
            for (line, _, f) in records(text) {
                let key = fold_phrase(field(file, line, &f, 0)?);
                if let Some(first) = key.split(' ').next() {
                    words.push(first.to_string());
                }
            }
        }
        for w in words {
            // after ل the article is written لل: `للعام`, `للشهر`
            if let Some(rest) = w.strip_prefix("ال") {
                self.date_triggers.insert(format!("لل{rest}").into_boxed_str());
            }
            self.date_triggers.insert(w.into_boxed_str());
        }
        Ok(())
    }

    /// Whether a folded word can begin a date expression, read whole or
    /// without its proclitics (`وأمس`, `بالأمس`, `للعام`, `وفي`).
    pub fn is_date_trigger(&self, key: &str) -> bool {
        if self.keys.get(key).date_trigger {
            return true;
        }
        let rest = key.strip_prefix(['و', 'ف']).unwrap_or(key);
        if rest.len() != key.len() && self.keys.get(rest).date_trigger {
            return true;
        }
        let rest2 = rest.strip_prefix(['ب', 'ل', 'ك']).unwrap_or(rest);
        rest2.len() != rest.len() && self.keys.get(rest2).date_trigger
    }

    /// Facts about the word with this id.
    #[inline]
    pub fn word(&self, id: WordId) -> Option<&WordInfo> {
        if id == NO_WORD {
            None
        } else {
            self.words.get(id as usize)
        }
    }

    fn word_mut(&mut self, form: &str) -> &mut WordInfo {
        let mut key = String::with_capacity(form.len());
        fold_into(form, &mut key);
        let id = self.vocab.intern(&key) as usize;
        if self.words.len() <= id {
            self.words.resize(id + 1, WordInfo::default());
        }
        &mut self.words[id]
    }

    fn load_speech_verbs(&mut self, (file, text): (&'static str, &str)) -> Result<(), LexiconError> {
        for (line, _section, f) in records(text) {
            let form = field(file, line, &f, 0)?;
            let lemma = field(file, line, &f, 1)?;
            let features: Vec<&str> = field(file, line, &f, 2)?.split(',').map(str::trim).collect();
            let preps = f.get(3).copied().unwrap_or("-");
            let kind = features[0];
            match kind {
                "complementizer" => self.word_mut(form).complementizer = true,
                "attribution" => {
                    let (vocab, set) = (&mut self.vocab, &mut self.attributions);
                    set.insert_phrase(vocab, form, ());
                }
                _ => {
                    let tense = match kind {
                        "past" => Tense::Past,
                        "present" => Tense::Present,
                        "participle" => Tense::Participle,
                        "passive" => Tense::Passive,
                        "noun" => Tense::Noun,
                        other => return Err(err(file, line, format!("unknown tense {other:?}"))),
                    };
                    let agr = features.get(1).copied().unwrap_or("-");
                    let ambiguous = features.contains(&"ambiguous");
                    let mut p = 0u8;
                    for prep in preps.split('|').map(str::trim) {
                        let mut k = String::new();
                        fold_into(prep, &mut k);
                        p |= match k.as_str() {
                            "الي" => Preps::ILA,
                            "علي" => Preps::ALA,
                            "ب" => Preps::BI,
                            "ل" => Preps::LI,
                            "عن" => Preps::AN,
                            "من" => Preps::MIN,
                            "في" => Preps::FI,
                            _ => 0,
                        };
                    }
                    let lemma_id = match self.verb_lemmas.iter().position(|l| l == lemma) {
                        Some(i) => i,
                        None => {
                            self.verb_lemmas.push(lemma.to_string());
                            self.verb_lemmas.len() - 1
                        }
                    } as u16;
                    let info = VerbInfo {
                        lemma: lemma_id,
                        tense,
                        gender: parse_gender(agr),
                        number: parse_number(agr),
                        preps: Preps(p),
                        ambiguous,
                    };
                    // Multi-word forms (`نقل عن`) keep their first word as the verb.
                    let first = form.split_whitespace().next().unwrap_or(form);
                    let w = self.word_mut(first);
                    if w.verb.is_none() {
                        w.verb = Some(info);
                    }
                }
            }
        }
        Ok(())
    }

    fn load_function_words(&mut self, (file, text): (&'static str, &str)) -> Result<(), LexiconError> {
        for (line, _, f) in records(text) {
            let form = field(file, line, &f, 0)?;
            let class = match field(file, line, &f, 1)? {
                "prep" => FunctionClass::Prep,
                "conj" => FunctionClass::Conj,
                "particle" => FunctionClass::Particle,
                "pronoun" => FunctionClass::Pronoun,
                "demonstrative" => FunctionClass::Demonstrative,
                "relative" => FunctionClass::Relative,
                "aux" => FunctionClass::Aux,
                "negation" => FunctionClass::Negation,
                "time" => FunctionClass::Time,
                "adverb" => FunctionClass::Adverb,
                "quantifier" => FunctionClass::Quantifier,
                other => return Err(err(file, line, format!("unknown class {other:?}"))),
            };
            if form.contains(' ') {
                continue; // multi-word entries are documentation only for now
            }
            let w = self.word_mut(form);
            w.function.get_or_insert(class);
        }
        Ok(())
    }

    fn load_nationalities(&mut self, (file, text): (&'static str, &str)) -> Result<(), LexiconError> {
        for (line, _, f) in records(text) {
            let form = field(file, line, &f, 0)?;
            let country = field(file, line, &f, 1)?;
            let idx = match self.nationality_countries.iter().position(|c| c == country) {
                Some(i) => i,
                None => {
                    self.nationality_countries.push(country.to_string());
                    self.nationality_countries.len() - 1
                }
            } as u16;
            if !form.contains(' ') {
                self.word_mut(form).nationality.get_or_insert(idx);
            }
        }
        Ok(())
    }

    fn load_weekdays(&mut self, (file, text): (&'static str, &str)) -> Result<(), LexiconError> {
        for (line, _, f) in records(text) {
            let form = field(file, line, &f, 0)?;
            let day: u8 = field(file, line, &f, 1)?.parse().map_err(|_| err(file, line, "weekday is not a number"))?;
            if !(1..=7).contains(&day) {
                return Err(err(file, line, "weekday out of 1..=7"));
            }
            self.word_mut(form).weekday = Some(day);
        }
        Ok(())
    }

    fn load_titles(&mut self, (file, text): (&'static str, &str)) -> Result<(), LexiconError> {
        for (line, _, f) in records(text) {
            let form = field(file, line, &f, 0)?;
            let gender = parse_gender(f.get(1).copied().unwrap_or("-"));
            let class = match f.get(2).copied().unwrap_or("head") {
                "head" => TitleClass::Head,
                "modifier" => TitleClass::Modifier,
                "honorific" => TitleClass::Honorific,
                other => return Err(err(file, line, format!("unknown title class {other:?}"))),
            };
            let (vocab, set) = (&mut self.vocab, &mut self.titles);
            set.insert_phrase(vocab, form, TitleInfo { class, gender });
        }
        Ok(())
    }

    fn load_given_names(&mut self, (file, text): (&'static str, &str)) -> Result<(), LexiconError> {
        for (line, section, f) in records(text) {
            let form = field(file, line, &f, 0)?;
            let gender = parse_gender(f.get(1).copied().unwrap_or("-"));
            // ordinary words too: not evidence of a name by themselves
            let set = if section == "ambiguous" { &mut self.ambiguous_given_names } else { &mut self.given_names };
            set.insert_phrase(&mut self.vocab, form, gender);
        }
        Ok(())
    }

    fn load_months(&mut self, (file, text): (&'static str, &str)) -> Result<(), LexiconError> {
        for (line, _, f) in records(text) {
            let form = field(file, line, &f, 0)?;
            let month: u8 = field(file, line, &f, 1)?.parse().map_err(|_| err(file, line, "month is not a number"))?;
            if !(1..=12).contains(&month) {
                return Err(err(file, line, "month out of 1..=12"));
            }
            let calendar = match field(file, line, &f, 2)? {
                "gregorian" => Calendar::Gregorian,
                "hijri" => Calendar::Hijri,
                other => return Err(err(file, line, format!("unknown calendar {other:?}"))),
            };
            let ambiguous = field(file, line, &f, 3)?.ends_with('?');
            let (vocab, set) = (&mut self.vocab, &mut self.months);
            set.insert_phrase(vocab, form, MonthInfo { month, calendar, ambiguous });
        }
        Ok(())
    }

    fn load_ordinals(&mut self, (file, text): (&'static str, &str)) -> Result<(), LexiconError> {
        for (line, _, f) in records(text) {
            let form = field(file, line, &f, 0)?;
            let v: u8 = field(file, line, &f, 1)?.parse().map_err(|_| err(file, line, "value is not a number"))?;
            let (vocab, set) = (&mut self.vocab, &mut self.ordinals);
            set.insert_phrase(vocab, form, v);
        }
        Ok(())
    }

    fn load_org_heads(&mut self, (file, text): (&'static str, &str)) -> Result<(), LexiconError> {
        for (line, section, f) in records(text) {
            let form = field(file, line, &f, 0)?;
            if section == "descriptive" {
                let (vocab, set) = (&mut self.vocab, &mut self.descriptive_adjectives);
                set.insert_phrase(vocab, form, ());
                continue;
            }
            let descriptor = f.get(1).copied() == Some("descriptor");
            let definite = form.starts_with("ال");
            let (vocab, set) = (&mut self.vocab, &mut self.org_heads);
            set.insert_phrase(vocab, form, OrgHead { descriptor, definite });
            if !definite && !form.contains(' ') {
                set.insert_phrase(vocab, &format!("ال{form}"), OrgHead { descriptor, definite: true });
            }
        }
        Ok(())
    }

    fn load_place_heads(&mut self, (file, text): (&'static str, &str)) -> Result<(), LexiconError> {
        for (line, _, f) in records(text) {
            let form = field(file, line, &f, 0)?;
            let head = match field(file, line, &f, 1)? {
                "division" => PlaceHead::Division,
                "site" => PlaceHead::Site,
                other => return Err(err(file, line, format!("unknown place head class {other:?}"))),
            };
            let (vocab, set) = (&mut self.vocab, &mut self.place_heads);
            set.insert_phrase(vocab, form, head);
        }
        Ok(())
    }

    /// Common words are kept apart from the vocabulary: being frequent is
    /// no lexicon entry, and interning them would hide the stems of clitic
    /// words (`وقال` is frequent, and is و + the verb `قال`).
    fn load_common_words(&mut self, (file, text): (&'static str, &str)) -> Result<(), LexiconError> {
        for (line, _, f) in records(text) {
            let form = field(file, line, &f, 0)?;
            let rank: u16 = field(file, line, &f, 1)?.parse().map_err(|_| err(file, line, "rank is not a number"))?;
            self.common_words.entry(fold_phrase(form).into_boxed_str()).or_insert(rank);
        }
        Ok(())
    }

    /// Frequency rank of a folded word among common words that are not names.
    pub fn common_rank(&self, key: &str) -> Option<u16> {
        self.keys.get(key).common_rank
    }

    fn load_holidays(&mut self, (file, text): (&'static str, &str)) -> Result<(), LexiconError> {
        for (line, _, f) in records(text) {
            let form = field(file, line, &f, 0)?;
            let month: u8 = field(file, line, &f, 1)?.parse().map_err(|_| err(file, line, "month is not a number"))?;
            let day: u8 = field(file, line, &f, 2)?.parse().map_err(|_| err(file, line, "day is not a number"))?;
            if NaiveDate::from_ymd_opt(2000, month as u32, day as u32).is_none() {
                return Err(err(file, line, "no such day"));
            }
            let (vocab, set) = (&mut self.vocab, &mut self.holidays);
            set.insert_phrase(vocab, form, (month, day));
        }
        Ok(())
    }

    fn load_time_units(&mut self, (file, text): (&'static str, &str)) -> Result<(), LexiconError> {
        for (line, _, f) in records(text) {
            let form = field(file, line, &f, 0)?;
            let unit = field(file, line, &f, 1)?.chars().next().filter(|c| "dwmy".contains(*c)).ok_or_else(|| err(file, line, "unit must be d, w, m or y"))?;
            let count: u8 = field(file, line, &f, 2)?.parse().map_err(|_| err(file, line, "count is not a number"))?;
            let (vocab, set) = (&mut self.vocab, &mut self.time_units);
            set.insert_phrase(vocab, form, (unit, count));
        }
        Ok(())
    }

    fn load_document_nouns(&mut self, (file, text): (&'static str, &str)) -> Result<(), LexiconError> {
        for (line, _, f) in records(text) {
            let form = field(file, line, &f, 0)?;
            let (vocab, set) = (&mut self.vocab, &mut self.document_nouns);
            set.insert_phrase(vocab, form, ());
        }
        Ok(())
    }

    fn load_gazetteer(&mut self, (file, text): (&'static str, &str), ty: EntityType) -> Result<(), LexiconError> {
        for (line, _, f) in records(text) {
            let canonical = field(file, line, &f, 0)?;
            let latin = f.get(1).copied().filter(|l| !l.is_empty() && *l != "-");
            let kind = f.get(2).copied().unwrap_or("");
            let names = f.get(3).copied().unwrap_or(canonical);
            let id = self.gazetteer_entries.len() as u32;
            self.gazetteer_entries.push(GazetteerEntry {
                key: fold_phrase(canonical),
                canonical: canonical.to_string(),
                latin: latin.map(str::to_string),
                entity_type: ty,
                kind: kind.to_string(),
            });
            let (vocab, set) = (&mut self.vocab, &mut self.gazetteer);
            set.insert_phrase(vocab, canonical, id);
            for name in names.split('|').map(str::trim).filter(|n| !n.is_empty()) {
                set.insert_phrase(vocab, name, id);
            }
        }
        Ok(())
    }

    fn load_agencies(&mut self, (file, text): (&'static str, &str)) -> Result<(), LexiconError> {
        for (line, _, f) in records(text) {
            let canonical = field(file, line, &f, 0)?;
            let kind = field(file, line, &f, 1)?;
            let names = field(file, line, &f, 2)?;
            let arabic = names.split('|').next().unwrap_or(canonical).trim();
            let id = self.agency_list.len() as u16;
            self.agency_list.push(Agency { canonical: canonical.to_string(), arabic: arabic.to_string(), kind: kind.to_string() });
            // An outlet is also an organization entity.
            let gid = self.gazetteer_entries.len() as u32;
            self.gazetteer_entries.push(GazetteerEntry {
                key: fold_phrase(arabic),
                canonical: arabic.to_string(),
                latin: Some(canonical.to_string()),
                entity_type: EntityType::Organization,
                kind: kind.to_string(),
            });
            for name in names.split('|').map(str::trim).filter(|n| !n.is_empty()) {
                // abbreviations written with dots (أ.ف.ب) match as letters
                let spaced: String = name.replace('.', " ");
                let (vocab, set) = (&mut self.vocab, &mut self.agencies);
                set.insert_phrase(vocab, &spaced, id);
                // In running text a one-word newspaper or site name is too
                // often an ordinary word (`اليوم`, `البلاد`, `تواصل`): only
                // agencies and longer or Latin names count as entities.
                let one_arabic_word = !spaced.trim().contains(' ') && !spaced.is_ascii();
                if kind == "agency" || !one_arabic_word {
                    let (vocab, set) = (&mut self.vocab, &mut self.gazetteer);
                    set.insert_phrase(vocab, &spaced, gid);
                }
            }
        }
        Ok(())
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
    fn entity_starts_agree_with_the_sets() {
        let l = lex();
        let person_titles: std::collections::HashSet<WordId> = l.titles.first_words(|t| t.class != TitleClass::Modifier).into_iter().collect();
        // (and modifiers do start titles: the flag is narrower than the set)
        assert!((0..l.vocab.len() as WordId).any(|id| l.titles.can_start(id) && !person_titles.contains(&id)));
        for id in (0..l.vocab.len() as WordId).chain([NO_WORD]) {
            assert_eq!(l.entity_starts(id) & STARTS_PLACE_HEAD != 0, l.place_heads.can_start(id), "{id}");
            assert_eq!(l.entity_starts(id) & STARTS_ORG_HEAD != 0, l.org_heads.can_start(id), "{id}");
            assert_eq!(l.entity_starts(id) & STARTS_GAZETTEER != 0, l.gazetteer.can_start(id), "{id}");
            assert_eq!(l.entity_starts(id) & STARTS_TITLE != 0, person_titles.contains(&id), "{id}");
            assert_eq!(l.entity_starts(id) & STARTS_GIVEN != 0, l.given_names.can_start(id), "{id}");
        }
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
