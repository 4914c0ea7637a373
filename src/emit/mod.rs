//! Stage 4: how records are written. The record itself is
//! [`crate::record`]; this module only frames and prints it: as JSON, or as
//! the views for people, an HTML report ([`html`]) and a terminal summary
//! ([`text`]).

mod compact;
mod html;
mod marks;
mod reasons;
mod text;

use crate::record::Record;
use chrono::NaiveDate;
use std::io::{self, Write};

/// How records are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One JSON object for one input; a JSON array for several.
    Json,
    /// One JSON object per line, one line per input.
    Jsonl,
    /// Indented JSON for reading: an object, or an array for several inputs.
    Pretty,
    /// One self-contained HTML page: each article with its quotes, dates
    /// and entities marked, and a panel beside it; several articles are
    /// one page with an entry per article, written as they come.
    Html,
    /// A short summary for people, per article: source, speakers and their
    /// quotes, dates, entities.
    Text,
}

impl Format {
    /// Whether the format reads the article itself (the HTML report marks
    /// the record in it; the text view finds each quote's cue and speaker
    /// there), so that records are best written with [`Sink::write_article`].
    pub fn uses_article(self) -> bool {
        matches!(self, Format::Html | Format::Text)
    }
}

/// The article a record was made from, for the views that show more than
/// the record: the HTML report marks the record's spans in `text`.
#[derive(Debug, Clone, Copy)]
pub struct Article<'a> {
    /// The input as read (decoded): the text the record's spans count in.
    pub text: &'a str,
    /// The reference date the record's relative dates were resolved against.
    pub reference_date: Option<NaiveDate>,
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
    /// The text view uses ANSI colours (see [`Sink::color`]).
    color: bool,
}

impl<W: Write> Sink<W> {
    /// A sink writing to `out` in `format`; `many`: several records may
    /// come, so json and pretty frame them as an array.
    pub fn new(out: W, format: Format, many: bool) -> Self {
        Sink { out, buf: Vec::new(), format, many, written: 0, color: false }
    }

    /// Colours the text view with ANSI escapes (off by default; the caller
    /// decides, from whether the output is a terminal and `NO_COLOR`).
    /// Other formats are never coloured.
    pub fn color(mut self, on: bool) -> Self {
        self.color = on;
        self
    }

    /// Writes the next record. The HTML report then shows the record
    /// without its article; [`Sink::write_article`] shows both.
    pub fn write(&mut self, record: &Record) -> io::Result<()> {
        self.write_record(record, None)
    }

    /// Writes the next record, with the article it was made from (only the
    /// HTML report and the text view use it; JSON is the same as
    /// [`Sink::write`]).
    pub fn write_article(&mut self, record: &Record, article: &Article) -> io::Result<()> {
        self.write_record(record, Some(article))
    }

    fn write_record(&mut self, record: &Record, article: Option<&Article>) -> io::Result<()> {
        let (n, color, many) = (self.written + 1, self.color, self.many);
        self.write_framed(|out, format| {
            match format {
                Format::Pretty => serde_json::to_writer_pretty(out, record)?,
                // what serde_json::to_writer writes, faster (see `compact`)
                Format::Json | Format::Jsonl => compact::write_record(out, record),
                Format::Html => html::article(out, record, article, n, many),
                Format::Text => text::article(out, record, article, n, color),
            }
            Ok(())
        })
    }

    /// Writes any other JSON value in a record's place (such as the error
    /// that stands for an input with no record), framed like a record.
    pub fn write_value<T: serde::Serialize>(&mut self, value: &T) -> io::Result<()> {
        let (n, color, many) = (self.written + 1, self.color, self.many);
        self.write_framed(|out, format| {
            match format {
                Format::Pretty => serde_json::to_writer_pretty(out, value)?,
                Format::Json | Format::Jsonl => serde_json::to_writer(out, value)?,
                Format::Html => html::other(out, &serde_json::to_value(value)?, n, many),
                Format::Text => text::other(out, &serde_json::to_value(value)?, n, color),
            }
            Ok(())
        })
    }

    fn write_framed(&mut self, body: impl FnOnce(&mut compact::Out, Format) -> io::Result<()>) -> io::Result<()> {
        let array = self.many && matches!(self.format, Format::Json | Format::Pretty);
        let mut out = compact::Out::new(&mut self.buf, &mut self.out);
        if array {
            out.extend_from_slice(if self.written == 0 { b"[\n" } else { b",\n" });
        }
        body(&mut out, self.format)?;
        if !array && self.format != Format::Html {
            out.push(b'\n');
        }
        out.pause()?;
        self.written += 1;
        Ok(())
    }

    /// Closes the framing and flushes.
    pub fn finish(mut self) -> io::Result<W> {
        let mut out = compact::Out::new(&mut self.buf, &mut self.out);
        match self.format {
            Format::Json | Format::Pretty if self.many => out.extend_from_slice(if self.written == 0 { b"[]\n" } else { b"\n]\n" }),
            Format::Html => html::page_end(&mut out, self.written, self.many),
            _ => {}
        }
        out.finish()?;
        self.out.flush()?;
        Ok(self.out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::Source;

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
