//! The n-th weekday of a month: `أول ثلاثاء من شهر عشرة`, `آخر يوم بشهر عشرة سنة 2015`.

use super::calendar::{last_day, shift_month};
use super::numbers;
use super::tense::{dir_offset, Direction};
use super::value::Value;
use super::years::YearRef;
use super::{DateScanner, Found, MONTHS};
use crate::lexicon::{Calendar, MonthInfo};
use crate::record::DateKind;
use chrono::{Datelike, Duration, NaiveDate};

impl<'a> DateScanner<'_, 'a> {
    /// A month given by name, by number (`شهر ثلاثة`, `الشهر الثامن`,
    /// `بشهر عشرة`) or relative to the reference (`الشهر القادم`, `هذا
    /// الشهر`), with the year that follows it; (year, month, last token).
    /// The year is `None` when it depends on a reference date we lack; `dir`
    /// is asked only when the year is the reference's nearest.
    pub(super) fn month_spec(&self, j: usize, dir: impl FnOnce() -> Direction) -> Option<(Option<i32>, u32, usize)> {
        let doc = self.doc;
        let (k, _) = self.key_np(j);
        let w = self.words();
        let (month, mut last, relative) = if w.this.contains(&k) {
            let n = self.next(j)?;
            self.key_is(n, &w.roles.the_month).then_some(())?;
            (None, n, Some(0))
        } else if w.roles.the_month.is(&k) {
            if let Some((d, l)) = self.modifier(j) {
                (None, l, Some(dir_offset(d)))
            } else {
                // `الشهر الثامن`
                let n = self.next(j)?;
                let m = doc.phrase_at(&doc.lex.ordinals, n).filter(|m| MONTHS.contains(&u32::from(*m.value)))?;
                (Some(MonthInfo { month: *m.value, calendar: Calendar::Gregorian, ambiguous: false }), m.last, None)
            }
        } else if w.roles.month.is(&k) {
            let n = self.next(j)?;
            if let Some((m, l, _)) = self.month_at(n) {
                (Some(m), l, None)
            } else {
                let (v, l) = numbers::number_words(doc, n).filter(|(v, _)| MONTHS.contains(v))?;
                (Some(MonthInfo { month: v as u8, calendar: Calendar::Gregorian, ambiguous: false }), l, None)
            }
        } else {
            let (m, l, _) = self.month_at(j)?;
            (Some(m), l, None)
        };
        if let Some(off) = relative {
            let r = self.reference?;
            let (y, m) = shift_month(r.year(), r.month(), off);
            return Some((Some(y), m, last));
        }
        let month = month?;
        if month.calendar != Calendar::Gregorian {
            return None;
        }
        let mut year = None;
        if let Some((yr, l)) = self.year_after(last) {
            year = match yr {
                YearRef::Explicit(y, _) => Some(y),
                YearRef::ThisYear => self.reference.map(|r| r.year()),
                YearRef::Relative(off) => self.reference.map(|r| r.year() + off),
            };
            last = l;
        }
        if year.is_none() {
            year = self.reference.and_then(|r| match self.resolve_month(month, r, dir())? {
                Value::Month(y, _) => Some(y),
                _ => None,
            });
        }
        Some((year, month.month as u32, last))
    }

    /// `أول ثلاثاء من شهر عشرة`, `ثالث يوم ثلاثاء بأيلول بعام 2014`,
    /// `الثلاثاء الثالث من شهر أيلول من عام 2014`, `آخر اثنين من الشهر
    /// القادم`, `آخر يوم بشهر عشرة سنة 2015`, `ثالث يوم من شهر عشرة`.
    pub(super) fn nth_weekday(&self, i: usize) -> Option<Found> {
        let doc = self.doc;
        let w = self.words();
        let r = &w.roles;
        let weekday_at = |j: usize| doc.word_full(j).and_then(|w| w.weekday);
        // (n, weekday or None for a plain day, token before the month)
        let (n, wd, mut j) = if let Some(n) = w.nth_before.get(self.key(i)) {
            let mut j = self.next(i)?;
            let mut day_word = false;
            if self.key_is(j, &r.day) {
                day_word = true;
                j = self.next(j)?;
            }
            match weekday_at(j) {
                Some(wd) => (n, Some(wd), j),
                None if day_word => (n, None, doc.prev_non_space(j)?),
                None => return None,
            }
        } else {
            let (wd, d_tok) = match weekday_at(i) {
                Some(wd) => (Some(wd), i),
                None if self.key_is(i, &r.today) => (None, i),
                None => return None,
            };
            let o = self.next(d_tok)?;
            let n = w.nth_after.get(self.key(o))?;
            if wd.is_none() && n != -1 {
                return None; // `اليوم الثالث من …` is a plain day (day_led)
            }
            (n, wd, o)
        };
        // connector: `من`, `في`, or a clitic on the month (`بأيلول`, `بشهر`)
        let mut m = self.next(j)?;
        if self.key_is(m, &r.from) || self.key_is(m, &r.in_) {
            m = self.next(m)?;
        }
        j = m;
        let (year, month, last) = self.month_spec(j, || self.tense_direction(i))?;
        let value = year.and_then(|y| {
            let first = NaiveDate::from_ymd_opt(y, month, 1)?;
            let end = last_day(Value::Month(y, month));
            let date = match (wd, n) {
                (None, -1) => end,
                (None, n) => NaiveDate::from_ymd_opt(y, month, n as u32)?,
                (Some(wd), -1) => {
                    let back = (end.weekday().number_from_monday() as i64 - wd as i64).rem_euclid(7);
                    end - Duration::days(back)
                }
                (Some(wd), n) => {
                    let ahead = (wd as i64 - first.weekday().number_from_monday() as i64).rem_euclid(7);
                    let d = first + Duration::days(ahead + 7 * (n as i64 - 1));
                    (d.month() == month).then_some(d)?
                }
            };
            Some(Value::Day(date))
        });
        Some(Found { first: i, last, prefix_chars: 0, value, kind: DateKind::Relative })
    }

    /// `الأسبوع الثاني من أبريل الماضي`, `الأسبوع الأول من مارس 2019`: a
    /// week of a month. Weeks are no granularity of the record: the mention
    /// is the month.
    pub(super) fn week_of_month(&self, i: usize) -> Option<Found> {
        let doc = self.doc;
        let w = self.words();
        if !w.roles.week.is(&self.key_np(i).0) {
            return None;
        }
        let o = self.next(i)?;
        let nth = doc.phrase_at(&doc.lex.ordinals, o).filter(|m| m.prefix_chars == 0 && (1..=5).contains(m.value))?;
        let mut m = self.next(nth.last)?;
        if self.key_is(m, &w.roles.from) || self.key_is(m, &w.roles.in_) {
            m = self.next(m)?;
        }
        let (month, mut last, _) = self.month_at(m)?;
        let mut year = None;
        let mut dir = None;
        if let Some((yr, l)) = self.year_after(last) {
            year = Some(yr);
            last = l;
        } else if let Some((d, l)) = self.modifier(last) {
            dir = Some(d);
            last = l;
        }
        let (value, relative) = match year {
            Some(YearRef::Explicit(y, _)) => (super::calendar::month_value(y, month), false),
            Some(YearRef::ThisYear) => (self.reference.and_then(|r| super::calendar::month_value(self.year_of(r, month.calendar), month)), true),
            Some(YearRef::Relative(off)) => (self.reference.and_then(|r| super::calendar::month_value(self.year_of(r, month.calendar) + off, month)), true),
            None => (self.reference.and_then(|r| self.resolve_month(month, r, dir.unwrap_or_else(|| self.tense_direction(i)))), true),
        };
        let kind = if relative { DateKind::Relative } else { DateKind::Absolute };
        Some(Found { first: i, last, prefix_chars: self.key_np(i).1, value, kind })
    }
}
