//! The article's own date, for `--reference-date auto`: a full date in the
//! dateline (`الرياض 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس`, `سان
//! فرانسيسكو 20 يوليو 2015`) or on a short line of its own among the first
//! lines (`أغسطس 6, 2015, 11:25 ص`).
//!
//! A full date in the first sentence of the story is not taken: it names
//! what happened (`في 3 أكتوبر 1990 توحدت ألمانيا`), not when the story was
//! written.

use super::value::Value;
use super::{DateScanner, Memo};
use crate::extract::doc::Doc;
use crate::extract::layout::{DatelineFound, Layout};
use crate::record::DateKind;
use chrono::NaiveDate;

/// The lines after the headline where a dateline date may stand.
const LINES_READ: usize = 2;
/// A line with more words than this is the story, not a dateline.
const MAX_LINE_WORDS: usize = 16;
/// Words of a date line that are not the date's own: a place, an agency,
/// `الموافق`, a time's `ص`/`م`.
const MAX_OTHER_WORDS: usize = 4;

/// The date of the article's dateline or of a short date line among its
/// first lines before the story begins, if it gives a full one (a day).
pub fn dateline_date(doc: &Doc, layout: &Layout, dateline: Option<DatelineFound>, memo: &Memo) -> Option<NaiveDate> {
    let s = DateScanner::new(doc, None, memo);
    let skip = usize::from(layout.headline.is_some());
    // `سان فرانسيسكو 20 يوليو 2015`: the date right after the place
    if let Some((_, place_last, _)) = dateline.and_then(|d| d.place) {
        if let Some(n) = doc.next_non_space(place_last) {
            if let Some(d) = s.match_at(n).and_then(day_of) {
                return Some(d);
            }
        }
    }
    for &l in layout.lines.iter().skip(skip).take(LINES_READ) {
        let r = doc.toks.paragraph(l);
        let words = r.clone().filter(|&i| doc.tokens[i].is_word()).take(MAX_LINE_WORDS + 1).count();
        // the story has begun: a short date line after it is a schedule's
        // entry (`الأحد 2 أفريل 2017 :` before the fixtures), not the day
        // of writing
        if words > MAX_LINE_WORDS {
            break;
        }
        let (mut date_words, mut first_day) = (0, None);
        let mut i = r.start;
        while i < r.end {
            let begins = doc.tokens[i].kind == crate::tokenizer::TokenKind::Number || doc.ids[i].date_trigger();
            match begins.then(|| s.match_at(i)).flatten() {
                Some(f) => {
                    date_words += (f.first..=f.last.min(r.end - 1)).filter(|&t| doc.tokens[t].is_word()).count();
                    first_day = first_day.or_else(|| day_of(f));
                    i = f.last + 1;
                }
                None => i += 1,
            }
        }
        if let Some(d) = first_day.filter(|_| words - date_words.min(words) <= MAX_OTHER_WORDS) {
            return Some(d);
        }
    }
    None
}

/// The day of an absolute date of a day's granularity.
fn day_of(f: super::Found) -> Option<NaiveDate> {
    match (f.kind, f.value) {
        (DateKind::Absolute, Some(Value::Day(d))) => Some(d),
        _ => None,
    }
}
