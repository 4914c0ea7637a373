//! Known bugs that the property tests and the fuzz target step around, so
//! that they keep searching for new ones instead of stopping at the same
//! crash. Each bug also has an `#[ignore]`d regression test in
//! `tests/properties.rs`; when a bug is fixed, delete its case here and
//! un-ignore its test.
//!
//! Set `KHABAR_KNOWN_BUGS=fail` to turn the side-stepping off and see them.

use std::borrow::Cow;

/// Bug 1: a text whose last tokens are a number and one of `/` `-` `.`
/// (`5.`, `0-`, `10/7/`, `رقم 5.`, `١٤٣٦-`) panics with "index out of
/// bounds" in `Doc::kind` called from `DateScanner::numeric_date`
/// (src/extract/dates.rs: `doc.kind(i + 2)` / `doc.kind(b + 2)` index past
/// the last token).
pub fn ends_with_number_and_date_separator(text: &str) -> bool {
    let mut rev = text.chars().rev();
    matches!(rev.next(), Some('/' | '-' | '.')) && rev.next().is_some_and(khabar::tokenizer::is_digit)
}

/// `text`, or `text` changed just enough not to hit a known bug (a line
/// break appended after a final date separator).
pub fn sidestep(text: &str) -> Cow<'_, str> {
    if std::env::var("KHABAR_KNOWN_BUGS").is_ok_and(|v| v == "fail") {
        return Cow::Borrowed(text);
    }
    if ends_with_number_and_date_separator(text) {
        return Cow::Owned(format!("{text}\n"));
    }
    Cow::Borrowed(text)
}
