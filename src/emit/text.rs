//! `--format text`: a short summary of each article for a person at a
//! terminal: source, speakers with their quotes (trimmed) and how each was
//! attributed, dates with their values, entities by type. Colours are ANSI
//! escapes, only when the sink is told to use them; the article's own text
//! never reaches the terminal raw (its control characters are replaced, so
//! that an article cannot send escapes of its own).

use super::compact::Out;
use super::html::{date_value, input_name, quote_speakers, trimmed};
use super::reasons::attributions;
use super::Article;
use crate::record::{EntityType, QuoteKind, Record};
use std::fmt::Write as _;

/// Words of a quote shown; the record has them all.
const QUOTE_WORDS: usize = 14;

/// ANSI styles; each is written only when colour is on.
#[derive(Clone, Copy)]
enum Style {
    Heading,
    Speaker,
    Value,
    Quiet,
    Bad,
}

struct Painter {
    color: bool,
}

impl Painter {
    /// `text` in `style`, its control characters replaced.
    fn paint(&self, s: &mut String, style: Style, text: &str) {
        if self.color {
            s.push_str(match style {
                Style::Heading => "\x1b[1m",
                Style::Speaker => "\x1b[1;36m",
                Style::Value => "\x1b[33m",
                Style::Quiet => "\x1b[2m",
                Style::Bad => "\x1b[1;31m",
            });
        }
        plain(s, text);
        if self.color {
            s.push_str("\x1b[0m");
        }
    }
}

/// `text` without control characters: line breaks and tabs become spaces,
/// others (ESC among them) U+FFFD.
fn plain(s: &mut String, text: &str) {
    s.extend(text.chars().map(|c| match c {
        '\n' | '\r' | '\t' => ' ',
        c if c.is_control() => '\u{FFFD}',
        c => c,
    }));
}

/// Writes one article's summary (the `n`th, from 1), ending with a blank
/// line's worth of break so that several read apart.
pub(super) fn article(out: &mut Out, record: &Record, article: Option<&Article>, n: usize, color: bool) {
    let p = Painter { color };
    let mut s = String::new();
    if n > 1 {
        s.push('\n');
    }
    p.paint(&mut s, Style::Heading, &input_name(record));
    if let Some(h) = &record.headline {
        s.push_str(" — ");
        p.paint(&mut s, Style::Heading, h);
    }
    s.push('\n');
    if record.language != "ar" {
        let _ = writeln!(s, "  language {}: not Arabic, nothing extracted", record.language);
    }
    let mut facts = Vec::new();
    if let Some(src) = &record.source {
        facts.push(("source", format!("{}{}", src.name, src.canonical.as_ref().map_or(String::new(), |c| format!(" ({c})")))));
    }
    if let Some(d) = &record.dateline {
        facts.push(("dateline", [d.place.as_deref(), d.agency.as_deref()].into_iter().flatten().collect::<Vec<_>>().join(" — ")));
    }
    if let Some(d) = article.and_then(|a| a.reference_date) {
        facts.push(("reference date", d.to_string()));
    }
    for (label, value) in facts {
        let _ = write!(s, "  {label}: ");
        p.paint(&mut s, Style::Value, &value);
        s.push('\n');
    }

    let attributions = attributions(record, article.map(|a| a.text));
    let quote_line = |s: &mut String, i: usize| {
        let q = &record.quotes[i];
        let kind = if q.kind == QuoteKind::Direct { "direct" } else { "indirect" };
        s.push_str("      “");
        plain(s, &trimmed(&q.text, QUOTE_WORDS));
        let _ = writeln!(s, "” ({kind})");
        s.push_str("        ");
        p.paint(s, Style::Quiet, &attributions[i].reason);
        s.push('\n');
    };
    // each speaker's quotes, in text order; the last list: no speaker
    let mut quotes_of = vec![Vec::new(); record.speakers.len() + 1];
    for (j, speaker) in quote_speakers(record).into_iter().enumerate() {
        quotes_of[speaker.unwrap_or(record.speakers.len())].push(j);
    }
    if !record.speakers.is_empty() {
        let _ = writeln!(s, "  speakers ({}):", record.speakers.len());
    }
    for (i, sp) in record.speakers.iter().enumerate() {
        let _ = write!(s, "    [{}] ", i + 1);
        p.paint(&mut s, Style::Speaker, &sp.name);
        if let Some(t) = &sp.title {
            s.push_str(", ");
            plain(&mut s, t);
        }
        let main = if record.speaker.as_deref() == Some(sp.name.as_str()) { ", main speaker" } else { "" };
        let _ = writeln!(s, " — {} quote{}{main}", sp.quotes, if sp.quotes == 1 { "" } else { "s" });
        for &j in &quotes_of[i] {
            quote_line(&mut s, j);
        }
    }
    // a quote whose speaker is not among the speakers is listed here too
    if !quotes_of[record.speakers.len()].is_empty() {
        s.push_str("  quotes with no speaker:\n");
        for &j in &quotes_of[record.speakers.len()] {
            quote_line(&mut s, j);
        }
    }
    if !record.dates.is_empty() {
        let _ = writeln!(s, "  dates ({}):", record.dates.len());
    }
    for d in &record.dates {
        s.push_str("    ");
        plain(&mut s, &d.text);
        s.push_str(" → ");
        p.paint(&mut s, Style::Value, &date_value(d));
        s.push('\n');
    }
    if !record.entities.is_empty() {
        let _ = writeln!(s, "  entities ({}):", record.entities.len());
    }
    for (t, label) in [(EntityType::Person, "people"), (EntityType::Organization, "organizations"), (EntityType::Location, "places")] {
        let names: Vec<String> = record
            .entities
            .iter()
            .filter(|e| e.entity_type == t)
            .map(|e| {
                let latin = e.latin.as_ref().map_or(String::new(), |l| format!(" ({l})"));
                let times = if e.mentions.len() > 1 { format!(" ×{}", e.mentions.len()) } else { String::new() };
                format!("{}{latin}{times}", e.canonical)
            })
            .collect();
        if !names.is_empty() {
            let _ = write!(s, "    {label}: ");
            plain(&mut s, &names.join("، "));
            s.push('\n');
        }
    }
    if record.quotes.is_empty() && record.dates.is_empty() && record.entities.is_empty() && record.language == "ar" {
        s.push_str("  no quotes, dates or entities found\n");
    }
    // the sink ends each entry with one line break
    if s.ends_with('\n') {
        s.pop();
    }
    out.extend_from_slice(s.as_bytes());
}

/// Writes what stands in a record's place (an error line of `--errors
/// inline`).
pub(super) fn other(out: &mut Out, value: &serde_json::Value, n: usize, color: bool) {
    let p = Painter { color };
    let field = |k: &str| value.get(k).map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string));
    let mut s = String::from(if n > 1 { "\n" } else { "" });
    p.paint(&mut s, Style::Bad, &format!("{}: error", field("file").unwrap_or_else(|| "standard input".into())));
    s.push_str(": ");
    plain(&mut s, &field("error").unwrap_or_else(|| value.to_string()));
    out.extend_from_slice(s.as_bytes());
}
