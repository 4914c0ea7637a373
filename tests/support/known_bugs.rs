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

/// Bug 2: a line with 256 or more separators (`- – — : | ( ) ، , / [ ] « » " “ ”`,
/// the `is_separator` of src/extract/source.rs) among the first lines, such
/// as `ا` followed by 256 `|`, overflows the `u8` segment counter of
/// `segment_candidates` (src/extract/source.rs, `segment += 1`): "attempt to
/// add with overflow" in builds with overflow checks (debug, tests, fuzz);
/// in release builds the counter wraps and segment 256 is taken for the
/// first segment of the line.
pub fn has_line_with_256_separators(text: &str) -> bool {
    text.split(['\n', '\r']).any(|line| {
        line.chars()
            .filter(|c| matches!(c, '-' | '–' | '—' | ':' | '|' | '(' | ')' | '،' | ',' | '/' | '[' | ']' | '«' | '»' | '"' | '“' | '”'))
            .count()
            >= 256
    })
}

/// `text`, or `text` changed just enough not to hit a known bug (a line
/// break appended after a final date separator); `None` when the text would
/// hit a known bug that no small change avoids (skip it).
pub fn sidestep(text: &str) -> Option<Cow<'_, str>> {
    if std::env::var("KHABAR_KNOWN_BUGS").is_ok_and(|v| v == "fail") {
        return Some(Cow::Borrowed(text));
    }
    if has_line_with_256_separators(text) {
        return None;
    }
    if ends_with_number_and_date_separator(text) {
        return Some(Cow::Owned(format!("{text}\n")));
    }
    Some(Cow::Borrowed(text))
}
