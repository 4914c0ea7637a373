//! Resolving a day and month, or a month, against the reference date.

use super::calendar::{first_day, gregorian_to_hijri_year, hijri_to_gregorian, last_day, month_value};
use super::tense::Direction;
use super::value::Value;
use super::years::YearRef;
use super::DateScanner;
use crate::lexicon::{Calendar, MonthInfo};
use chrono::{Datelike, NaiveDate};

impl<'a> DateScanner<'_, 'a> {
    /// Resolves day(s) + month (+ year); returns the value and whether it
    /// depended on the reference date. `direction` is asked only for a date
    /// without a year resolved against a reference date (reading the tense
    /// scans the sentence). `story_year`: a date without a year or a
    /// modifier (`الماضي`), which may take the story's own year.
    pub(super) fn resolve_day_month(
        &self,
        d1: u32,
        d2: Option<u32>,
        month: MonthInfo,
        year: Option<YearRef>,
        story_year: bool,
        direction: impl FnOnce() -> Direction,
    ) -> (Option<Value>, bool) {
        let make = |y: i32| -> Option<Value> {
            match month.calendar {
                Calendar::Gregorian => {
                    let a = NaiveDate::from_ymd_opt(y, month.month as u32, d1)?;
                    match d2 {
                        Some(d) => Some(Value::DayRange(a, NaiveDate::from_ymd_opt(y, month.month as u32, d)?)),
                        None => Some(Value::Day(a)),
                    }
                }
                Calendar::Hijri => {
                    let a = hijri_to_gregorian(y, month.month as u32, d1)?;
                    match d2 {
                        Some(d) => Some(Value::DayRange(a, hijri_to_gregorian(y, month.month as u32, d)?)),
                        None => Some(Value::Day(a)),
                    }
                }
            }
        };
        match year {
            Some(YearRef::Explicit(y, _)) => (make(y), false),
            Some(YearRef::ThisYear) => (self.reference.and_then(|r| make(self.year_of(r, month.calendar))), true),
            Some(YearRef::Relative(off)) => (self.reference.and_then(|r| make(self.year_of(r, month.calendar) + off)), true),
            None => {
                // the story's own year (a Gregorian month only: a Hijri
                // month takes a Hijri year the context seldom gives)
                if story_year && month.calendar == Calendar::Gregorian {
                    if let Some(y) = self.current.get().and_then(|(at, _)| self.context_year(at)) {
                        return (make(y), false);
                    }
                }
                let Some(r) = self.reference else { return (None, true) };
                let direction = direction();
                let ry = self.year_of(r, month.calendar);
                let candidates = [ry - 1, ry, ry + 1];
                let pick = candidates
                    .iter()
                    .filter_map(|&y| make(y))
                    .filter(|v| {
                        let d = first_day(*v);
                        match direction {
                            Direction::Past | Direction::PastOrToday => d < r,
                            // `الأول من شباط` said in February: this February
                            Direction::Future | Direction::FutureOrToday => {
                                d >= r || (d.year() == r.year() && d.month() == r.month())
                            }
                            Direction::Current => d.year() == r.year() || month.calendar == Calendar::Hijri,
                            Direction::Nearest => true,
                        }
                    })
                    .min_by_key(|v| (first_day(*v) - r).num_days().abs());
                (pick, true)
            }
        }
    }

    /// The year of `r` in `calendar`.
    pub(super) fn year_of(&self, r: NaiveDate, calendar: Calendar) -> i32 {
        match calendar {
            Calendar::Gregorian => r.year(),
            Calendar::Hijri => gregorian_to_hijri_year(r).unwrap_or(r.year() - 579),
        }
    }

    pub(super) fn resolve_month(&self, month: MonthInfo, r: NaiveDate, dir: Direction) -> Option<Value> {
        let ry = self.year_of(r, month.calendar);
        let mut best: Option<(i64, Value)> = None;
        for y in [ry - 1, ry, ry + 1] {
            let Some(v) = month_value(y, month) else { continue };
            let (a, b) = (first_day(v), last_day(v));
            let ok = match dir {
                Direction::Past | Direction::PastOrToday => b < r,
                Direction::Future | Direction::FutureOrToday => a > r,
                Direction::Current => a <= r && r <= b || y == ry,
                Direction::Nearest => true,
            };
            if !ok {
                continue;
            }
            let dist = if a <= r && r <= b { 0 } else { (a - r).num_days().abs().min((b - r).num_days().abs()) };
            if best.is_none_or(|(d, _)| dist < d) {
                best = Some((dist, v));
            }
        }
        best.map(|(_, v)| v)
    }
}
