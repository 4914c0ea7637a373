//! khabar: an Arabic news article in, one structured record out.
//!
//! The library's API is small: an [`Analyzer`] (the lexicons, built once and
//! shared by every thread), a [`Workspace`] per thread (buffers reused from
//! one text to the next), [`Options`], and the [`record`] it returns, which
//! [`emit`] writes as JSON. The pipeline behind it (tokenizer → lexicon
//! annotation → extractors → record) is described in `docs/ARCHITECTURE.md`.
//!
//! ```
//! let analyzer = khabar::Analyzer::new().unwrap();
//! let mut ws = khabar::Workspace::default();
//! let opts = khabar::Options::with_reference(chrono::NaiveDate::from_ymd_opt(2017, 6, 19));
//! let record = analyzer.analyze(&mut ws, "قال الوزير اليوم إن المحادثات ستستأنف.", &opts);
//! assert_eq!(record.dates[0].value.as_deref(), Some("2017-06-19"));
//! assert_eq!(record.quotes.len(), 1);
//! ```

#![deny(missing_docs)]

pub mod emit;
pub mod record;
// The stages behind the API; the benchmarks reach a few of their items
// through `internals`, which is hidden and needs no documentation.
#[allow(missing_docs)]
mod extract;
#[allow(missing_docs)]
mod lexicon;
#[allow(missing_docs)]
mod tokenizer;

pub use lexicon::LexiconError;

/// What the benchmarks reach below the public API: each stage alone. Not a
/// stable API; not for users.
#[doc(hidden)]
pub mod internals {
    pub use crate::extract::dates::{extract as dates, Memo as DatesMemo};
    pub use crate::lexicon::annotate::annotate;
    pub use crate::extract::entities::{extract as entities, EntitySet};
    pub use crate::extract::layout::Layout;
    pub use crate::extract::quotes::extract as quotes;
    pub use crate::extract::source::extract as source;
    pub use crate::extract::words::Words;
    pub use crate::extract::{Doc, TokenLex};
    pub use crate::lexicon::morph::{Analysis, Clitics, Morph, MorphCache, PosSet, VerbTags};
    pub use crate::lexicon::Lexicons;
    pub use crate::tokenizer::Tokens;
}

use chrono::NaiveDate;
use record::Record;
use extract::{Doc, TokenLex};
use lexicon::Lexicons;
use std::sync::Arc;
use tokenizer::Tokens;

/// Per-run options that change what is extracted.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Publication date that relative dates (`اليوم`, `أمس`) resolve against.
    pub reference_date: Option<NaiveDate>,
    /// Where `reference_date` was taken from, as the record tells it.
    pub reference_from: record::ReferenceFrom,
    /// `--reference-date auto`: a full date in the article's dateline or
    /// first lines is the reference date; `reference_date` is taken only
    /// when the article gives none.
    pub dateline_first: bool,
}

impl Options {
    /// Options with one reference date given for every text (`from`:
    /// `option`).
    pub fn with_reference(reference_date: Option<NaiveDate>) -> Options {
        Options { reference_date, ..Options::default() }
    }
}

/// The analyzer: lexicons built once, shared read-only by every thread.
#[derive(Clone)]
pub struct Analyzer {
    lex: Arc<Lexicons>,
    words: Arc<extract::words::Words>,
}

/// Per-text buffers, reused from one text to the next (one per thread).
#[derive(Default)]
pub struct Workspace {
    tokens: Tokens,
    ids: Vec<TokenLex>,
    dates: extract::dates::Memo,
    morph: lexicon::morph::MorphCache,
}

impl Analyzer {
    /// Builds the lexicons from the data files compiled into the binary.
    pub fn new() -> Result<Self, LexiconError> {
        Ok(Analyzer { lex: Arc::new(Lexicons::load()?), words: Arc::new(extract::words::Words::load()?) })
    }

    #[doc(hidden)]
    pub fn lexicons(&self) -> &Lexicons {
        &self.lex
    }

    #[doc(hidden)]
    pub fn words(&self) -> &extract::words::Words {
        &self.words
    }

    /// Analyzes one text. `file` is not set here: the caller knows it.
    pub fn analyze(&self, ws: &mut Workspace, text: &str, opts: &Options) -> Record {
        // The lexicons are Arabic: text in another script would only give
        // noise, so it gets an empty record. The tokenizer counts letters
        // by script as it scans, so the decision costs no pass of its own.
        ws.tokens.tokenize(text);
        let language = tokenizer::language_of(ws.tokens.letters());
        if language != "ar" {
            return Record { language: language.to_string(), ..Record::default() };
        }
        lexicon::annotate::annotate(text, &ws.tokens, &self.lex, &mut ws.ids);
        let doc = Doc::new(text, &ws.tokens, &self.lex, &self.words, &ws.ids, &ws.morph);
        let layout = extract::layout::Layout::of(&doc);
        let headline = layout.headline.clone();
        let mut record = Record {
            language: language.to_string(),
            source: extract::source::extract(&doc, &layout),
            headline: headline.as_ref().map(|r| doc.slice(r.start, r.end - 1, 0).to_string()),
            ..Record::default()
        };
        let dateline = extract::layout::dateline(&doc, &layout.lines, headline.is_some());
        record.dateline = dateline.map(|d| extract::layout::to_record(&doc, d));
        let from_dateline = opts.dateline_first.then(|| extract::dates::dateline_date(&doc, &layout, dateline, &ws.dates)).flatten();
        let reference = match iso_reference(from_dateline) {
            Some(d) => Some((d, record::ReferenceFrom::Dateline)),
            None => iso_reference(opts.reference_date).map(|d| (d, opts.reference_from)),
        };
        record.reference_date = reference.map(|(d, from)| record::ReferenceDate { value: d.format("%Y-%m-%d").to_string(), from });
        extract::dates::extract(&doc, reference.map(|(d, _)| d), &ws.dates, &mut record.dates);
        let mut entities = extract::entities::extract(&doc);
        let known = entities.known_names();
        let mut people = Vec::new();
        record.speaker = extract::quotes::extract(&doc, &layout, &known, &mut record.quotes, &mut record.speakers, &mut people);
        for (name, span) in &people {
            entities.add_speaker(name, *span);
        }
        record.entities = entities.into_entities();
        record
    }
}

/// Reads a reference date as the command line, the JSON Lines `date` field
/// and the Python package take it: `YYYY-MM-DD`, or an ISO 8601 date-time
/// (`2017-06-19T10:30:00Z`) whose date is taken; a year outside 0001–9999 is
/// no date a news article has. `None` when `s` is none of these.
///
/// ```
/// let d = khabar::parse_reference_date("2017-06-19T10:30:00Z");
/// assert_eq!(d, chrono::NaiveDate::from_ymd_opt(2017, 6, 19));
/// assert_eq!(khabar::parse_reference_date("19/06/2017"), None);
/// ```
pub fn parse_reference_date(s: &str) -> Option<NaiveDate> {
    use chrono::Datelike;
    let day = match s.as_bytes().get(10) {
        None => s,
        Some(b'T' | b' ') => s.get(..10)?,
        Some(_) => return None,
    };
    NaiveDate::parse_from_str(day, "%Y-%m-%d").ok().filter(|d| (1..=9999).contains(&d.year()))
}

/// A date in a file's name, for `--reference-date auto`: `2015-07-24.txt`,
/// `20150724-riyadh.txt`, `news_2015_07_24.txt`; the first run of digits
/// that reads as a year (1900–2099), a month and a day, written with `-`,
/// `_` or `.` between them or as eight digits. Only the file's name is read,
/// not its folders.
///
/// ```
/// let d = khabar::date_in_file_name("archive/20150724-riyadh.txt");
/// assert_eq!(d, chrono::NaiveDate::from_ymd_opt(2015, 7, 24));
/// assert_eq!(khabar::date_in_file_name("article-0042.txt"), None);
/// ```
pub fn date_in_file_name(path: &str) -> Option<NaiveDate> {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path).as_bytes();
    let digits_at = |i: usize, n: usize| -> Option<u32> {
        let d = name.get(i..i + n)?;
        d.iter().all(u8::is_ascii_digit).then(|| d.iter().fold(0, |v, b| v * 10 + u32::from(b - b'0')))
    };
    let sep = |i: usize| name.get(i).is_some_and(|b| matches!(b, b'-' | b'_' | b'.'));
    let mut i = 0;
    while i < name.len() {
        let starts_run = name[i].is_ascii_digit() && (i == 0 || !name[i - 1].is_ascii_digit());
        if starts_run {
            // `2015-07-24`, `2015_07_24` or `20150724`, and no digit after
            let date = if sep(i + 4) && sep(i + 7) {
                digits_at(i, 4).zip(digits_at(i + 5, 2)).zip(digits_at(i + 8, 2)).map(|((y, m), d)| (y, m, d, i + 10))
            } else {
                digits_at(i, 4).zip(digits_at(i + 4, 2)).zip(digits_at(i + 6, 2)).map(|((y, m), d)| (y, m, d, i + 8))
            };
            if let Some((y, m, d, end)) = date {
                let alone = !name.get(end).is_some_and(u8::is_ascii_digit);
                if alone && (1900..=2099).contains(&y) {
                    if let Some(date) = NaiveDate::from_ymd_opt(y as i32, m, d) {
                        return Some(date);
                    }
                }
            }
        }
        i += 1;
    }
    None
}

/// ISO 8601 writes years 0001 to 9999 with four digits; a reference date
/// outside them is no publication date, and date arithmetic near them
/// could leave the calendar: it counts as none.
fn iso_reference(reference: Option<NaiveDate>) -> Option<NaiveDate> {
    use chrono::Datelike;
    reference.filter(|d| (1..=9999).contains(&d.year()))
}

/// Shared by the unit tests of every module: one analyzer for the process.
#[cfg(test)]
pub(crate) mod testutil {
    use super::*;
    use std::sync::OnceLock;

    pub fn analyzer() -> &'static Analyzer {
        static A: OnceLock<Analyzer> = OnceLock::new();
        A.get_or_init(|| Analyzer::new().expect("bundled data loads"))
    }

    /// Analyzes `text` with the given reference date (`YYYY-MM-DD`), and
    /// checks that every span slices to its text.
    pub fn analyze(text: &str, reference: Option<&str>) -> Record {
        let opts = Options::with_reference(reference.map(|r| NaiveDate::parse_from_str(r, "%Y-%m-%d").unwrap()));
        let record = analyzer().analyze(&mut Workspace::default(), text, &opts);
        record.check_spans(text).unwrap();
        record
    }

    /// The values of the dates found in `text`.
    pub fn date_values(text: &str, reference: &str) -> Vec<Option<String>> {
        analyze(text, Some(reference)).dates.into_iter().map(|d| d.value).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::testutil::analyzer;
    use super::*;

    #[test]
    fn dates_outside_iso_years_are_null_and_never_panic() {
        let ws = &mut Workspace::default();
        let text = "وصل الرئيس أمس إلى العاصمة، وسيعود غدا، وجرى اللقاء يوم الخميس الماضي.";
        for reference in [NaiveDate::MIN, NaiveDate::MAX, NaiveDate::from_ymd_opt(1, 1, 1).unwrap(), NaiveDate::from_ymd_opt(9999, 12, 31).unwrap()] {
            let record = analyzer().analyze(ws, text, &Options::with_reference(Some(reference)));
            for d in &record.dates {
                if let Some(v) = &d.value {
                    assert!(v.len() >= 4 && v[..4].bytes().all(|b| b.is_ascii_digit()) && &v[..4] != "0000", "{reference}: {v}");
                }
            }
        }
        let first = analyzer().analyze(ws, "وصل الرئيس أمس إلى العاصمة.", &Options::with_reference(NaiveDate::from_ymd_opt(1, 1, 1)));
        assert_eq!(first.dates.len(), 1);
        assert_eq!(first.dates[0].value, None, "the day before 0001-01-01");
    }
}
