//! Calendar arithmetic: Umm al-Qura (Hijri) conversion, month and day
//! shifts, the first and last day of a value, weekdays by direction.

use super::tense::Direction;
use super::value::Value;
use super::{HIJRI_YEARS, MONTHS};
use crate::lexicon::{Calendar, MonthInfo};
use chrono::{Datelike, Duration, NaiveDate};
use icu_calendar::cal::Hijri;
use icu_calendar::{Date, Iso};

pub(super) fn shift_month(y: i32, m: u32, off: i32) -> (i32, u32) {
    let idx = y * 12 + (m as i32 - 1) + off;
    (idx.div_euclid(12), (idx.rem_euclid(12) + 1) as u32)
}

pub(super) fn first_day(v: Value) -> NaiveDate {
    match v {
        Value::Day(d) | Value::DayRange(d, _) => d,
        Value::Month(y, m) => NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(NaiveDate::MIN),
        Value::Year(y) | Value::YearRange(y, _) => NaiveDate::from_ymd_opt(y, 1, 1).unwrap_or(NaiveDate::MIN),
        Value::MonthRange((y, m), _) => NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(NaiveDate::MIN),
    }
}

pub(super) fn last_day(v: Value) -> NaiveDate {
    match v {
        Value::Day(d) | Value::DayRange(_, d) => d,
        Value::Month(y, m) => {
            let (ny, nm) = shift_month(y, m, 1);
            NaiveDate::from_ymd_opt(ny, nm, 1).map(|d| d - Duration::days(1)).unwrap_or(NaiveDate::MAX)
        }
        Value::Year(y) | Value::YearRange(_, y) => NaiveDate::from_ymd_opt(y, 12, 31).unwrap_or(NaiveDate::MAX),
        Value::MonthRange(_, (y, m)) => last_day(Value::Month(y, m)),
    }
}

/// A month's value: `YYYY-MM` for Gregorian, the day range for Hijri.
pub(super) fn month_value(y: i32, month: MonthInfo) -> Option<Value> {
    match month.calendar {
        Calendar::Gregorian => Some(Value::Month(y, month.month as u32)),
        Calendar::Hijri => {
            let a = hijri_to_gregorian(y, month.month as u32, 1)?;
            let b = hijri_month_end(y, month.month as u32)?;
            Some(Value::DayRange(a, b))
        }
    }
}

/// The nearest `weekday` in direction `dir` from `r` (past includes `r`).
pub(super) fn resolve_weekday(r: NaiveDate, weekday: u8, dir: Direction) -> NaiveDate {
    let target = weekday as i64 - 1; // Monday = 0
    let today = r.weekday().num_days_from_monday() as i64;
    match dir {
        Direction::Future => {
            let ahead = (target - today).rem_euclid(7);
            r + Duration::days(if ahead == 0 { 7 } else { ahead })
        }
        Direction::FutureOrToday => r + Duration::days((target - today).rem_euclid(7)),
        Direction::Past => {
            let back = (today - target).rem_euclid(7);
            r - Duration::days(if back == 0 { 7 } else { back })
        }
        Direction::PastOrToday | Direction::Current | Direction::Nearest => {
            let back = (today - target).rem_euclid(7);
            r - Duration::days(back)
        }
    }
}

/// `r` moved by `n` units (d, w, m, y); month ends clamp (`31 + 1 شهر`).
pub(super) fn shift_date(r: NaiveDate, unit: char, n: i64) -> Option<NaiveDate> {
    match unit {
        'd' => r.checked_add_signed(Duration::days(n)),
        'w' => r.checked_add_signed(Duration::days(7 * n)),
        'm' | 'y' => {
            let months = if unit == 'y' { 12 * n } else { n };
            let (y, m) = shift_month(r.year(), r.month(), months as i32);
            (0..4).find_map(|back| NaiveDate::from_ymd_opt(y, m, r.day() - back))
        }
        _ => None,
    }
}

/// The date nearest to `r` whose day of the month is `day` and whose
/// weekday is `weekday` (ISO, Monday = 1): `السبت السادس عشر`.
pub(super) fn day_of_month_with_weekday(r: NaiveDate, day: u32, weekday: u8) -> Option<NaiveDate> {
    let mut best: Option<NaiveDate> = None;
    for off in -2..=2 {
        let (y, m) = shift_month(r.year(), r.month(), off);
        if let Some(d) = NaiveDate::from_ymd_opt(y, m, day) {
            if d.weekday().number_from_monday() == weekday as u32
                && best.is_none_or(|b| (d - r).num_days().abs() < (b - r).num_days().abs())
            {
                best = Some(d);
            }
        }
    }
    best
}

/// The days of a Hijri month, as numbered (29 or 30 of them).
const HIJRI_MONTH_DAYS: std::ops::RangeInclusive<u32> = 1..=30;

/// Umm al-Qura date → Gregorian.
pub fn hijri_to_gregorian(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    if !MONTHS.contains(&m) || !HIJRI_MONTH_DAYS.contains(&d) || !HIJRI_YEARS.contains(&y) {
        return None;
    }
    let date = Date::try_new_hijri_with_calendar(y, m as u8, d as u8, Hijri::new_umm_al_qura()).ok()?;
    // a 30th in a 29-day month is rejected rather than rolled over
    if date.day_of_month().0 as u32 != d {
        return None;
    }
    let iso = date.to_calendar(Iso);
    NaiveDate::from_ymd_opt(iso.year().extended_year(), iso.month().ordinal as u32, iso.day_of_month().0 as u32)
}

pub(super) fn hijri_month_end(y: i32, m: u32) -> Option<NaiveDate> {
    let first = Date::try_new_hijri_with_calendar(y, m as u8, 1, Hijri::new_umm_al_qura()).ok()?;
    let len = first.days_in_month() as u32;
    hijri_to_gregorian(y, m, len)
}

pub(super) fn hijri_year_end(y: i32) -> Option<NaiveDate> {
    hijri_month_end(y, 12)
}

pub(super) fn gregorian_to_hijri_year(d: NaiveDate) -> Option<i32> {
    let iso = Date::<Iso>::try_new_iso(d.year(), d.month() as u8, d.day() as u8).ok()?;
    let h = iso.to_calendar(Hijri::new_umm_al_qura());
    Some(h.year().extended_year())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn umm_al_qura_conversion_matches_published_dates() {
        // 1 Ramadan 1439 began on 17 May 2018 in Saudi Arabia (Umm al-Qura: 16 May)
        assert_eq!(hijri_to_gregorian(1439, 9, 1), NaiveDate::from_ymd_opt(2018, 5, 16));
        // 1 Muharram 1436 = 25 October 2014
        assert_eq!(hijri_to_gregorian(1436, 1, 1), NaiveDate::from_ymd_opt(2014, 10, 25));
        assert_eq!(hijri_to_gregorian(1436, 13, 1), None);
    }

    #[test]
    fn weekdays_resolve_by_direction() {
        let monday = NaiveDate::from_ymd_opt(2017, 6, 19).unwrap();
        assert_eq!(resolve_weekday(monday, 1, Direction::PastOrToday), monday);
        assert_eq!(resolve_weekday(monday, 1, Direction::Past), NaiveDate::from_ymd_opt(2017, 6, 12).unwrap());
        assert_eq!(resolve_weekday(monday, 4, Direction::Past), NaiveDate::from_ymd_opt(2017, 6, 15).unwrap());
        assert_eq!(resolve_weekday(monday, 4, Direction::Future), NaiveDate::from_ymd_opt(2017, 6, 22).unwrap());
        assert_eq!(resolve_weekday(monday, 1, Direction::Future), NaiveDate::from_ymd_opt(2017, 6, 26).unwrap());
    }

    #[test]
    fn month_shifts_cross_years() {
        assert_eq!(shift_month(2017, 1, -1), (2016, 12));
        assert_eq!(shift_month(2017, 12, 1), (2018, 1));
    }
}
