//! Numeric dates: `10/7/2018`, `١٢/١٠/١٤٣٦ه`, `2018-07-10`, `3/2015`, `4/22`.

use super::calendar::hijri_to_gregorian;
use super::tense::is_future_verb;
use super::value::Value;
use super::{DateScanner, Found, DAYS, MONTHS};

/// A year of two digits (`10/7/18`) is one of this century.
const CENTURY: i32 = 2000;
/// A month and year in digits (`3/2015`) name a year from this one on.
const MONTH_YEAR_FROM: u32 = 1900;
use crate::lexicon::{Calendar, MonthInfo};
use crate::record::DateKind;
use crate::tokenizer::{clitics, TokenKind};
use chrono::NaiveDate;

impl<'a> DateScanner<'_, 'a> {
    /// `10/7/2018`, `١٢/١٠/١٤٣٦ه`, `2018-07-10`, `1/3/1437هـ`.
    pub(super) fn numeric_date(&self, i: usize) -> Option<Found> {
        let doc = self.doc;
        if doc.kind(i) != TokenKind::Number {
            return None;
        }
        // three numbers joined by one separator kind; spaces around the
        // separators (`7 / 10 / 1436 هـ`) only when a year of four digits
        // closes or opens the date (a spaced `3 / 4` is a ratio or a score)
        let (sep, b, spaced_ab) = self.separator_after(i)?;
        let Some((sep2, c, spaced_bc)) = self.separator_after(b).filter(|&(s2, _, _)| s2 == sep) else {
            return if spaced_ab { None } else { self.numeric_pair(i, b, sep) };
        };
        debug_assert_eq!(sep2, sep);
        if (spaced_ab || spaced_bc) && doc.key(i).len() != 4 && doc.key(c).len() != 4 {
            return if spaced_ab { None } else { self.numeric_pair(i, b, sep) };
        }
        let (n1, n2, n3) = (doc.number(i)?, doc.number(b)?, doc.number(c)?);
        let (k1, k3) = (doc.key(i).len(), doc.key(c).len());
        let (y, m, d) = if k1 == 4 { (n1 as i32, n2, n3) } else if k3 == 4 || k3 == 2 { (n3 as i32, n2, n1) } else { return None };
        let y = if k3 == 2 && k1 != 4 { CENTURY + y } else { y };
        let (marker, last) = self.calendar_marker(c);
        let hijri = marker == Some(Calendar::Hijri) || (Self::plausible_hijri_year(y) && y < 1700);
        let value = if hijri { hijri_to_gregorian(y, m, d).map(Value::Day) } else { NaiveDate::from_ymd_opt(y, m, d).map(Value::Day) };
        let value = value?;
        Some(Found { first: i, last, prefix_chars: 0, value: Some(value), kind: DateKind::Absolute })
    }

    /// The separator (`/`, `-`, `.`) after number `j` and the number after
    /// it; `spaced` when spaces stand beside the separator (`7 / 10`,
    /// `26 /9`). Line breaks never join a date.
    fn separator_after(&self, j: usize) -> Option<(char, usize, bool)> {
        let doc = self.doc;
        let space = |t: usize| doc.kind(t) == TokenKind::Space;
        let p = if space(j + 1) { j + 2 } else { j + 1 };
        let sep = doc.punct(p).filter(|c| matches!(c, '/' | '-' | '.'))?;
        let n = if space(p + 1) { p + 2 } else { p + 1 };
        (doc.kind(n) == TokenKind::Number).then_some((sep, n, p != j + 1 || n != p + 1))
    }

    /// Two numbers: `3/2015`, `2015-3` (a month), or, after a date cue,
    /// `4/22`, `22-04` (a day and month without a year).
    pub(super) fn numeric_pair(&self, a: usize, b: usize, sep: char) -> Option<Found> {
        let doc = self.doc;
        let (n1, n2) = (doc.number(a)?, doc.number(b)?);
        let (k1, k2) = (doc.key(a).len(), doc.key(b).len());
        // not part of a longer number run (`1.5.2`), nor a decimal
        if doc.punct(b + 1).is_some_and(|c| matches!(c, '/' | '-' | '.' | ',')) && doc.kind(b + 2) == TokenKind::Number {
            return None;
        }
        if k1 == 4 && k2 <= 2 && MONTHS.contains(&n2) && Self::plausible_gregorian_year(n1 as i32) && n1 >= MONTH_YEAR_FROM {
            return Some(Found { first: a, last: b, prefix_chars: 0, value: Some(Value::Month(n1 as i32, n2)), kind: DateKind::Absolute });
        }
        if k2 == 4 && k1 <= 2 && MONTHS.contains(&n1) && n2 >= MONTH_YEAR_FROM && Self::plausible_gregorian_year(n2 as i32) {
            return Some(Found { first: a, last: b, prefix_chars: 0, value: Some(Value::Month(n2 as i32, n1)), kind: DateKind::Absolute });
        }
        if k1 > 2 || k2 > 2 {
            return None;
        }
        // a day and a month need a cue: scores (`3-2`) and fractions look alike
        let prev = doc.prev_non_space(a).filter(|&p| doc.tokens[p].is_word())?;
        let pk = doc.key(prev);
        let w = self.words();
        let cued = w.day_month_cues.contains(pk) || clitics::has_first_person_future_prefix(doc.surface(prev)) || is_future_verb(w, pk);
        if !cued {
            return None;
        }
        let (d, m) = if n1 > 12 { (n1, n2) } else if n2 > 12 { (n2, n1) } else if sep == '/' || sep == '-' { (n1, n2) } else { (n2, n1) };
        if !MONTHS.contains(&m) || !DAYS.contains(&d) {
            return None;
        }
        let month = MonthInfo { month: m as u8, calendar: Calendar::Gregorian, ambiguous: false };
        let (value, _) = self.resolve_day_month(d, None, month, None, true, || self.tense_direction(a));
        Some(Found { first: a, last: b, prefix_chars: 0, value, kind: DateKind::Relative })
    }
}
