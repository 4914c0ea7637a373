//! The jobs of a run, in input order: one per text input, or one per line
//! of each JSON Lines input, read lazily with a bounded line length.

use super::decode::read_error;
use super::input::{Input, InputError, Inputs};
use serde_json::Value;
use std::fs::File;
use std::io::{self, BufRead, BufReader};

/// How the inputs are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    /// Each input is one article.
    Text,
    /// Each input holds one `{"id": …, "text": …, "date": …}` object per line.
    Jsonl,
}

/// One unit of work, produced in input order on the main thread.
pub enum Job {
    /// An article: read and decoded by the worker.
    Text(Input),
    /// One line of a JSON Lines input (1-based `line`).
    Line { input: Input, line: u64, bytes: Vec<u8> },
    /// An input that failed before it could be read.
    Failed { input: Input, line: Option<u64>, error: InputError },
}

/// The jobs of a run: one per text input, or one per line of each JSON
/// Lines input, read lazily.
pub struct Jobs {
    pub inputs: Inputs,
    format: InputFormat,
    /// `--max-bytes`: the longest JSON Lines line taken (0: no limit).
    max_bytes: u64,
    /// The JSON Lines input being read, with the number of its last line.
    current: Option<(Input, Box<dyn BufRead + Send>, u64)>,
}

impl Jobs {
    pub fn new(inputs: Inputs, format: InputFormat, max_bytes: u64) -> Jobs {
        Jobs { inputs, format, max_bytes, current: None }
    }
}

impl Iterator for Jobs {
    type Item = Job;

    fn next(&mut self) -> Option<Job> {
        loop {
            if let Some((input, reader, line)) = &mut self.current {
                let mut bytes = Vec::new();
                match read_line(reader.as_mut(), &mut bytes, self.max_bytes) {
                    Ok(LineRead::End) => self.current = None,
                    Ok(LineRead::TooLong) => {
                        *line += 1;
                        return Some(Job::Failed { input: input.clone(), line: Some(*line), error: InputError::TooLarge(self.max_bytes) });
                    }
                    Ok(LineRead::Endless) => {
                        let job = Job::Failed { input: input.clone(), line: Some(*line + 1), error: InputError::EndlessLine(self.max_bytes) };
                        self.current = None;
                        return Some(job);
                    }
                    Ok(LineRead::Line) => {
                        *line += 1;
                        if *line == 1 && bytes.starts_with(b"\xEF\xBB\xBF") {
                            bytes.drain(..3);
                        }
                        // blank lines (a trailing one, say) are not items
                        if bytes.iter().all(u8::is_ascii_whitespace) {
                            continue;
                        }
                        return Some(Job::Line { input: input.clone(), line: *line, bytes });
                    }
                    Err(e) => {
                        let job = Job::Failed { input: input.clone(), line: Some(*line + 1), error: InputError::Io(e) };
                        self.current = None;
                        return Some(job);
                    }
                }
                continue;
            }
            let (input, early) = self.inputs.next()?;
            if let Some(error) = early {
                return Some(Job::Failed { input, line: None, error });
            }
            if self.format == InputFormat::Text {
                return Some(Job::Text(input));
            }
            let reader: Box<dyn BufRead + Send> = match &input {
                Input::Stdin => Box::new(BufReader::new(io::stdin())),
                Input::File(p) => match File::open(p) {
                    Ok(f) => Box::new(BufReader::new(f)),
                    Err(e) => {
                        let error = read_error(p, e);
                        return Some(Job::Failed { input, line: None, error });
                    }
                },
            };
            self.current = Some((input, reader, 0));
        }
    }
}

/// What [`read_line`] found.
enum LineRead {
    Line,
    /// A line longer than the limit: skipped to its end.
    TooLong,
    /// A line longer than the limit that did not end within as many bytes
    /// again (an endless stream: `/dev/zero`): the input is abandoned.
    Endless,
    End,
}

/// Reads one line into `out`, line end included, keeping at most
/// `max_bytes` (0: no limit) in memory: the rest of a longer line is read
/// and dropped.
fn read_line(reader: &mut dyn BufRead, out: &mut Vec<u8>, max_bytes: u64) -> io::Result<LineRead> {
    let limit = if max_bytes == 0 { usize::MAX } else { usize::try_from(max_bytes).unwrap_or(usize::MAX) };
    let mut too_long = false;
    let mut any = false;
    let mut skipped = 0usize;
    loop {
        let buf = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            break;
        }
        any = true;
        let (chunk, done) = match memchr::memchr(b'\n', buf) {
            Some(at) => (&buf[..=at], true),
            None => (buf, false),
        };
        if !too_long && out.len().saturating_add(chunk.len()) > limit {
            too_long = true;
            out.clear();
        }
        if !too_long {
            out.extend_from_slice(chunk);
        }
        let n = chunk.len();
        reader.consume(n);
        if done {
            break;
        }
        if too_long {
            skipped = skipped.saturating_add(n);
            if skipped > limit {
                return Ok(LineRead::Endless);
            }
        }
    }
    Ok(if !any {
        LineRead::End
    } else if too_long {
        LineRead::TooLong
    } else {
        LineRead::Line
    })
}

/// One parsed JSON Lines item.
#[derive(Debug, PartialEq)]
pub struct Item {
    pub id: Option<Value>,
    pub text: String,
    /// The item's own reference date, when it has one.
    pub date: Option<chrono::NaiveDate>,
}

/// Parses one JSON Lines item. On failure the `id`, if one could be read,
/// comes back with the error so that the error line can carry it.
pub fn parse_item(bytes: &[u8]) -> Result<Item, (Option<Value>, InputError)> {
    let value: Value = serde_json::from_slice(bytes).map_err(|e| (None, InputError::NotJson(e.to_string())))?;
    let Value::Object(mut obj) = value else {
        return Err((None, InputError::NotJson("expected an object".to_string())));
    };
    let id = obj.remove("id").filter(|v| !v.is_null());
    let text = match obj.remove("text") {
        Some(Value::String(s)) => s,
        _ => return Err((id, InputError::NoText)),
    };
    let date = match obj.remove("date") {
        None | Some(Value::Null) => None,
        // scraped data often has an empty date: no date
        Some(Value::String(s)) if s.trim().is_empty() => None,
        Some(Value::String(s)) => match khabar::parse_reference_date(&s) {
            Some(d) => Some(d),
            None => return Err((id, InputError::BadDate(format!("{s:?}")))),
        },
        Some(other) => return Err((id, InputError::BadDate(other.to_string()))),
    };
    Ok(Item { id, text, date })
}


#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_carry_id_text_and_date() {
        let item = parse_item(r#"{"id": 7, "text": "نص", "date": "2017-06-19T08:00:00Z", "extra": true}"#.as_bytes()).unwrap();
        assert_eq!(item.id, Some(Value::from(7)));
        assert_eq!(item.text, "نص");
        assert_eq!(item.date, chrono::NaiveDate::from_ymd_opt(2017, 6, 19));
        assert_eq!(parse_item(br#"{"text": ""}"#).unwrap().id, None);
        assert!(matches!(parse_item(br#"{"id": "a"}"#), Err((Some(Value::String(_)), InputError::NoText))));
        assert!(matches!(parse_item(br#"{"text": 3}"#), Err((None, InputError::NoText))));
        assert!(matches!(parse_item(br#"{"text": "x", "date": "19/06/2017"}"#), Err((None, InputError::BadDate(_)))));
        assert!(matches!(parse_item(b"[1]"), Err((None, InputError::NotJson(_)))));
        assert!(matches!(parse_item(b"{\"text\": "), Err((None, InputError::NotJson(_)))));
    }
}
