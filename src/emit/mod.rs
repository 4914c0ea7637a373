//! Stage 3: the record and how it is written.
//!
//! The field names and meanings follow `OUTPUT_CONTRACT.md` (the scorer and
//! users' scripts read them); everything else a record carries is additive.
//! Spans are `[start, end)` in code points of the input as read, and every
//! `text` is exactly that slice of the input — [`Record::check_spans`]
//! verifies it.

pub mod compact;

use crate::lexicon::EntityType;
use serde::Serialize;
use std::io::{self, Write};

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

/// How records are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One JSON object for one input; a JSON array for several.
    Json,
    /// One JSON object per line, one line per input.
    Jsonl,
    /// Indented JSON for reading: an object, or an array for several inputs.
    Pretty,
}

/// The one place records are written: extractors never print. Records
/// arrive in input order; the sink frames them for the chosen format.
pub struct Sink<W: Write> {
    out: W,
    /// What is not written out yet (see [`compact::Out`]).
    buf: Vec<u8>,
    format: Format,
    /// Several inputs: frame as an array (json, pretty) or lines (jsonl).
    many: bool,
    written: usize,
}

impl<W: Write> Sink<W> {
    pub fn new(out: W, format: Format, many: bool) -> Self {
        Sink { out, buf: Vec::new(), format, many, written: 0 }
    }

    pub fn write(&mut self, record: &Record) -> io::Result<()> {
        let array = self.many && self.format != Format::Jsonl;
        let mut out = compact::Out::new(&mut self.buf, &mut self.out);
        if array {
            out.extend_from_slice(if self.written == 0 { b"[\n" } else { b",\n" });
        }
        match self.format {
            Format::Pretty => serde_json::to_writer_pretty(&mut out, record)?,
            // what serde_json::to_writer writes, faster (see `compact`)
            Format::Json | Format::Jsonl => compact::write_record(&mut out, record),
        }
        if !array {
            out.push(b'\n');
        }
        out.pause()?;
        self.written += 1;
        Ok(())
    }

    /// Closes the framing and flushes.
    pub fn finish(mut self) -> io::Result<W> {
        let mut out = compact::Out::new(&mut self.buf, &mut self.out);
        if self.many && self.format != Format::Jsonl {
            out.extend_from_slice(if self.written == 0 { b"[]\n" } else { b"\n]\n" });
        }
        out.finish()?;
        self.out.flush()?;
        Ok(self.out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(text: &str) -> Record {
        Record {
            file: None,
            source: Some(Source { name: text.to_string(), canonical: None, span: [0, text.chars().count()] }),
            ..Record::default()
        }
    }

    #[test]
    fn several_records_as_json_form_an_array() {
        let mut sink = Sink::new(Vec::new(), Format::Json, true);
        sink.write(&record("أ")).unwrap();
        sink.write(&record("ب")).unwrap();
        let out = String::from_utf8(sink.finish().unwrap()).unwrap();
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v.as_array().map(|a| a.len()), Some(2));
    }

    #[test]
    fn jsonl_writes_one_line_per_record() {
        let mut sink = Sink::new(Vec::new(), Format::Jsonl, true);
        sink.write(&record("أ")).unwrap();
        sink.write(&record("ب")).unwrap();
        let out = String::from_utf8(sink.finish().unwrap()).unwrap();
        assert_eq!(out.lines().count(), 2);
        for line in out.lines() {
            serde_json::from_str::<serde_json::Value>(line).unwrap();
        }
    }

    #[test]
    fn span_check_catches_a_wrong_slice() {
        let r = record("سوريا");
        assert!(r.check_spans("سوريا").is_ok());
        assert!(r.check_spans("روسيا!").is_err());
    }
}
