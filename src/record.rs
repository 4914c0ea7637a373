//! The record: what khabar extracts from one article, as plain data.
//!
//! A leaf of the pipeline: extractors fill it and [`crate::emit`] writes it.
//! The field names and meanings follow `OUTPUT_CONTRACT.md` (the scorer and
//! users' scripts read them); everything else a record carries is additive.
//! Spans are `[start, end)` in code points of the input as read, and every
//! `text` is exactly that slice of the input ([`Record::check_spans`]
//! verifies it).

use serde::Serialize;

/// What a named entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityType {
    /// A person, named or described.
    Person,
    /// A body: a ministry, party, company, agency, court …
    Organization,
    /// A country, town, region or site.
    Location,
}

/// `[start, end)` in code points of the input.
pub type Span = [usize; 2];

/// Everything khabar extracts from one article.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Record {
    /// The input's path, `null` for standard input.
    pub file: Option<String>,
    /// The `id` of a JSON Lines input item, carried over unchanged; absent
    /// for plain text inputs and items without one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<serde_json::Value>,
    /// `ar` when most of the letters are Arabic; otherwise `und-Latn`
    /// (mostly Latin letters) or `und`, and nothing is extracted.
    pub language: String,
    /// How the bytes were decoded, when they were not plain UTF-8: `UTF-8`
    /// (a byte-order mark was stripped), `UTF-16LE`, `UTF-16BE`, or a
    /// detected legacy encoding (`windows-1256`, `ISO-8859-6`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
    /// The first line when it is a headline (short, no final stop, then a
    /// blank line or the dateline).
    pub headline: Option<String>,
    /// Place and agency of the dateline that opens the story.
    pub dateline: Option<Dateline>,
    pub source: Option<Source>,
    /// The article's main speaker: most quoted, ties broken by first mention.
    pub speaker: Option<String>,
    pub speakers: Vec<Speaker>,
    pub quotes: Vec<Quote>,
    pub dates: Vec<DateMention>,
    pub entities: Vec<Entity>,
}

/// The agency or outlet credited for the article.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Source {
    /// As written in the article.
    pub name: String,
    /// Standard Latin name (`Reuters`, `SPA`), when known.
    pub canonical: Option<String>,
    pub span: Span,
}

/// `الرياض - واس`: where the story was filed and by whom.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Dateline {
    pub place: Option<String>,
    pub agency: Option<String>,
    /// From the first to the last of place and agency.
    pub span: Span,
}

/// A person or body quoted in the article.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Speaker {
    /// Fullest form of the name the article gives.
    pub name: String,
    /// Title or role, as written (`وزير الخارجية الروسي`).
    pub title: Option<String>,
    /// Number of quotes attributed to this speaker.
    pub quotes: usize,
}

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    Direct,
    Indirect,
}

/// One quotation.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Quote {
    /// The quoted words only: no marks, no cue, no complementizer.
    pub text: String,
    pub kind: QuoteKind,
    /// Resolved full name of who said it.
    pub speaker: Option<String>,
    /// The speech verb or attribution phrase that introduces it.
    pub cue: Option<String>,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum DateKind {
    Absolute,
    Relative,
    Range,
}

/// One mention of a calendar date.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DateMention {
    pub text: String,
    /// ISO 8601 (`YYYY-MM-DD`, `YYYY-MM`, `YYYY` or `START/END`); `null` when
    /// the date is relative and no reference date was given.
    pub value: Option<String>,
    pub kind: DateKind,
    pub span: Span,
    /// The calendar the text is written in (values are always Gregorian).
    pub calendar: DateCalendar,
    pub granularity: Granularity,
    /// What a relative date counts from: `reference_date` (the
    /// publication date given with `--reference-date`) or `previous_date`
    /// (`25 منه`, "the 25th of it"); `null` for absolute dates.
    pub relative_to: Option<&'static str>,
}

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum DateCalendar {
    Gregorian,
    Hijri,
}

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    Day,
    Month,
    Year,
}

/// A named entity with all its mentions.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Entity {
    /// Fullest clean form as it appears (no clitic, no title).
    pub text: String,
    /// Stable normalized name.
    pub canonical: String,
    #[serde(rename = "type")]
    pub entity_type: EntityType,
    /// Latin name from the gazetteer, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub latin: Option<String>,
    pub mentions: Vec<Span>,
}

impl Record {
    /// Checks that every span is within `input` and slices to its `text`.
    /// Returns the first offending field, for tests and debugging.
    pub fn check_spans(&self, input: &str) -> Result<(), String> {
        let chars: Vec<char> = input.chars().collect();
        let slice = |s: &Span| -> Option<String> {
            (s[0] <= s[1] && s[1] <= chars.len()).then(|| chars[s[0]..s[1]].iter().collect())
        };
        let check = |what: &str, span: &Span, text: &str| -> Result<(), String> {
            match slice(span) {
                Some(t) if t == text => Ok(()),
                Some(t) => Err(format!("{what}: span {span:?} slices to {t:?}, text is {text:?}")),
                None => Err(format!("{what}: span {span:?} out of bounds ({} chars)", chars.len())),
            }
        };
        if let Some(s) = &self.source {
            check("source", &s.span, &s.name)?;
        }
        for q in &self.quotes {
            check("quote", &q.span, &q.text)?;
        }
        for d in &self.dates {
            check("date", &d.span, &d.text)?;
        }
        for e in &self.entities {
            for m in &e.mentions {
                if slice(m).is_none() {
                    return Err(format!("entity {:?}: mention {m:?} out of bounds", e.text));
                }
            }
        }
        Ok(())
    }
}

