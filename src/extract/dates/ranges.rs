//! Ranges across months or years: `من 28 حزيران إلى 2 تموز 2017`.

use super::calendar::{first_day, hijri_to_gregorian};
use super::value::Value;
use super::years::YearRef;
use super::{DateScanner, Found};
use crate::lexicon::{Calendar, MonthInfo};
use crate::record::DateKind;
use chrono::{Datelike, NaiveDate};

impl<'a> DateScanner<'_, 'a> {
    /// A day and month, with the year if one follows: (day, month, year,
    /// last token).
    pub(super) fn day_month(&self, i: usize) -> Option<(u32, MonthInfo, Option<i32>, usize)> {
        let (d, l, _, _) = self.day_at(i)?;
        let mut m = self.next(l)?;
        if self.key_is(m, &self.words().roles.from) {
            m = self.next(m)?;
        }
        let (month, mut last, _) = self.month_at(m)?;
        let mut year = None;
        if let Some((YearRef::Explicit(y, _), l)) = self.year_after(last) {
            year = Some(y);
            last = l;
        }
        Some((d, month, year, last))
    }

    /// A range across months or years: `من 28 حزيران إلى 2 تموز 2017`,
    /// `من 28 ديسمبر 2016 إلى 2 يناير 2017`.
    pub(super) fn cross_month_range(&self, i: usize) -> Option<Found> {
        let w = self.words();
        let opener = self.key_nc(i);
        let between = w.roles.between.is(opener);
        let start = if w.roles.from.is(opener) || between { self.next(i)? } else { i };
        let (d1, m1, y1, l1) = self.day_month(start)?;
        let sep = self.doc.next_non_space(l1)?;
        let joined = if between {
            self.key_is(sep, &w.roles.and)
        } else {
            matches!(self.doc.punct(sep), Some('-' | '–')) || w.month_range_joiners.contains(self.key(sep))
        };
        if !joined {
            return None;
        }
        let to = self.doc.next_non_space(sep)?;
        let (d2, m2, y2, l2) = self.day_month(to)?;
        if m1.calendar != m2.calendar || (m1.month == m2.month && d2 <= d1) {
            return None;
        }
        let make = |y: i32, m: MonthInfo, d: u32| match m.calendar {
            Calendar::Gregorian => NaiveDate::from_ymd_opt(y, m.month as u32, d),
            Calendar::Hijri => hijri_to_gregorian(y, m.month as u32, d),
        };
        // without a year, the start's year follows the tense like a single date
        let start_year = |ey: i32| y1.unwrap_or(if m1.month > m2.month { ey - 1 } else { ey });
        // `من 3 نوفمبر 2019 إلى 10 يناير`: the end runs into the next year
        let end_year = y2.or(y1.map(|y| if m1.month > m2.month { y + 1 } else { y })).or_else(|| {
            let (v, _) = self.resolve_day_month(d1, None, m1, None, false, || self.tense_direction(i));
            let a = v.map(first_day)?;
            Some(if m1.month > m2.month { a.year() + 1 } else { a.year() })
        });
        let value = end_year.and_then(|ey| Some(Value::DayRange(make(start_year(ey), m1, d1)?, make(ey, m2, d2)?)));
        Some(Found { first: i, last: l2, prefix_chars: 0, value, kind: DateKind::Range })
    }
}
