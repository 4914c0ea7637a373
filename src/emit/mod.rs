//! Stage 4: how records are written. The record itself is
//! [`crate::record`]; this module only frames and prints it.

mod compact;

use crate::record::Record;
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
    /// A sink writing to `out` in `format`; `many`: several records may
    /// come, so json and pretty frame them as an array.
    pub fn new(out: W, format: Format, many: bool) -> Self {
        Sink { out, buf: Vec::new(), format, many, written: 0 }
    }

    /// Writes the next record.
    pub fn write(&mut self, record: &Record) -> io::Result<()> {
        self.write_framed(|out, format| {
            match format {
                Format::Pretty => serde_json::to_writer_pretty(out, record)?,
                // what serde_json::to_writer writes, faster (see `compact`)
                Format::Json | Format::Jsonl => compact::write_record(out, record),
            }
            Ok(())
        })
    }

    /// Writes any other JSON value in a record's place (such as the error
    /// that stands for an input with no record), framed like a record.
    pub fn write_value<T: serde::Serialize>(&mut self, value: &T) -> io::Result<()> {
        self.write_framed(|out, format| {
            match format {
                Format::Pretty => serde_json::to_writer_pretty(out, value)?,
                Format::Json | Format::Jsonl => serde_json::to_writer(out, value)?,
            }
            Ok(())
        })
    }

    fn write_framed(&mut self, body: impl FnOnce(&mut compact::Out, Format) -> io::Result<()>) -> io::Result<()> {
        let array = self.many && self.format != Format::Jsonl;
        let mut out = compact::Out::new(&mut self.buf, &mut self.out);
        if array {
            out.extend_from_slice(if self.written == 0 { b"[\n" } else { b",\n" });
        }
        body(&mut out, self.format)?;
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
