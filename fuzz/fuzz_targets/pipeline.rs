//! The whole pipeline on arbitrary bytes: when they are UTF-8, analyze them
//! against a reference date read from the input (none, everyday ones, or any
//! day chrono can hold), and panic if any span is out of bounds or does not
//! slice to its text, if quotes or dates are out of text order, if a date's
//! value is not ISO 8601 with a year from 0001 to 9999, or if a record
//! written in any output format is not valid JSON.
//!
//! Run with `scripts/fuzz.sh` (seeds the corpus, works on stable Rust).
#![no_main]

use khabar::emit::{Article, Format, Sink};
use khabar::{Analyzer, Options, Workspace};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

#[path = "../../tests/support/known_bugs.rs"]
mod known_bugs;

fn analyzer() -> &'static Analyzer {
    static A: OnceLock<Analyzer> = OnceLock::new();
    A.get_or_init(|| Analyzer::new().expect("bundled data loads"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Some(text) = known_bugs::sidestep(text) else { return };
    let text = text.as_ref();
    // The first bytes pick the reference date, so relative dates are
    // resolved against many days (and none, and the calendar's ends).
    let first = data.first().copied().unwrap_or(0);
    let day_number = data.get(1..5).map_or(0, |b| i32::from_le_bytes([b[0], b[1], b[2], b[3]]));
    let reference_date = match first % 6 {
        0 => None,
        1 => chrono::NaiveDate::from_ymd_opt(2019, 10, 24),
        2 => chrono::NaiveDate::from_ymd_opt(2000, 2, 29),
        3 => chrono::NaiveDate::from_ymd_opt(1 + (data.len() as i32 * 37) % 9999, 12, 31),
        4 => chrono::NaiveDate::from_num_days_from_ce_opt(day_number),
        _ => Some(if day_number < 0 { chrono::NaiveDate::MIN } else { chrono::NaiveDate::MAX }),
    };
    let record = analyzer().analyze(&mut Workspace::default(), text, &Options { reference_date });
    if let Err(e) = record.check_spans(text) {
        panic!("span violation: {e}");
    }
    for w in record.quotes.windows(2) {
        assert!(w[0].span[0] <= w[1].span[0], "quotes out of order: {:?} {:?}", w[0].span, w[1].span);
    }
    for w in record.dates.windows(2) {
        assert!(w[0].span[0] <= w[1].span[0], "dates out of order: {:?} {:?}", w[0].span, w[1].span);
    }
    for d in &record.dates {
        if let Some(v) = &d.value {
            assert!(v.split('/').all(is_iso_date), "not ISO 8601: {v:?} (reference {reference_date:?})");
        }
    }
    let format = [Format::Json, Format::Jsonl, Format::Pretty][usize::from(first / 6) % 3];
    let mut sink = Sink::new(Vec::new(), format, first & 1 == 1);
    sink.write(&record).expect("writing to memory");
    let bytes = sink.finish().expect("writing to memory");
    if let Err(e) = serde_json::from_slice::<serde_json::Value>(&bytes) {
        panic!("{format:?} output is not JSON: {e}");
    }
    // The views read the article itself: its markup must stay text in the
    // report, and none of its control characters may reach a terminal.
    let article = Article { text, reference_date };
    let mut sink = Sink::new(Vec::new(), Format::Html, first & 1 == 1);
    sink.write_article(&record, &article).expect("writing to memory");
    let page = String::from_utf8(sink.finish().expect("writing to memory")).expect("the report is UTF-8");
    assert_eq!(page.matches("<script").count(), 1, "only the report's own script");
    assert!(page.starts_with("<!DOCTYPE html>") && page.ends_with("</html>\n"));
    let mut sink = Sink::new(Vec::new(), Format::Text, false);
    sink.write_article(&record, &article).expect("writing to memory");
    let summary = sink.finish().expect("writing to memory");
    assert!(!summary.iter().any(|&b| b < 0x20 && b != b'\n'), "a control character in the text view");
});

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, the year from 0001 to 9999.
fn is_iso_date(v: &str) -> bool {
    let b = v.as_bytes();
    let digits = |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    let shape = match b.len() {
        4 => digits(0..4),
        7 => digits(0..4) && b[4] == b'-' && digits(5..7),
        10 => digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10),
        _ => false,
    };
    shape && &v[..4] != "0000"
}
