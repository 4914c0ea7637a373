//! Known bugs that the property tests and the fuzz target step around, so
//! that they keep searching for new ones instead of stopping at the same
//! crash. Each bug also has an `#[ignore]`d regression test in
//! `tests/properties.rs`; when a bug is fixed, delete its case here and
//! un-ignore its test.
//!
//! Set `KHABAR_KNOWN_BUGS=fail` to turn the side-stepping off and see them.

use std::borrow::Cow;

// No known bug at present. Bug 1 (look-ahead past the last token in the
// date patterns) and bug 2 (a u8 segment counter overflowing on 256
// separators) are fixed; their regression tests in tests/properties.rs run.

/// `text`, or `text` changed just enough not to hit a known bug (a line
/// break appended after an unfinished date at the end); `None` when the text would
/// hit a known bug that no small change avoids (skip it).
pub fn sidestep(text: &str) -> Option<Cow<'_, str>> {
    if std::env::var("KHABAR_KNOWN_BUGS").is_ok_and(|v| v == "fail") {
        return Some(Cow::Borrowed(text));
    }
    Some(Cow::Borrowed(text))
}
