//! The whole pipeline on arbitrary bytes: when they are UTF-8, analyze them
//! and panic if any span is out of bounds or does not slice to its text, or
//! if quotes or dates are out of text order.
//!
//! Run with `scripts/fuzz.sh` (seeds the corpus, works on stable Rust).
#![no_main]

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
    // One byte of the input picks the reference date, so relative dates are
    // resolved against many days (and none).
    let reference_date = match data.first().copied().unwrap_or(0) % 4 {
        0 => None,
        1 => chrono::NaiveDate::from_ymd_opt(2019, 10, 24),
        2 => chrono::NaiveDate::from_ymd_opt(2000, 2, 29),
        _ => chrono::NaiveDate::from_ymd_opt(1 + (data.len() as i32 * 37) % 9999, 12, 31),
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
});
