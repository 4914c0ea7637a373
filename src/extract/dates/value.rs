//! A date's resolved value and its ISO 8601 text.

use crate::record::Granularity;
use chrono::{Datelike, NaiveDate};

/// The years ISO 8601 writes with four digits.
const ISO_YEARS: std::ops::RangeInclusive<i32> = 1..=9999;

/// A resolved value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Value {
    Day(NaiveDate),
    Month(i32, u32),
    Year(i32),
    DayRange(NaiveDate, NaiveDate),
    MonthRange((i32, u32), (i32, u32)),
    YearRange(i32, i32),
}

impl Value {
    pub(super) fn granularity(self) -> Granularity {
        match self {
            Value::Day(_) | Value::DayRange(..) => Granularity::Day,
            Value::Month(..) | Value::MonthRange(..) => Granularity::Month,
            Value::Year(_) | Value::YearRange(..) => Granularity::Year,
        }
    }

    /// The value's years, first and last.
    fn years(self) -> (i32, i32) {
        match self {
            Value::Day(d) => (d.year(), d.year()),
            Value::Month(y, _) | Value::Year(y) => (y, y),
            Value::DayRange(a, b) => (a.year(), b.year()),
            Value::MonthRange((a, _), (b, _)) | Value::YearRange(a, b) => (a, b),
        }
    }

    /// The ISO 8601 text of the value, or `None` when a year is outside
    /// 0001–9999, which ISO 8601 writes with four digits (a relative date
    /// counted back from 0001-01-01): not printed, as for a date that
    /// cannot be resolved.
    pub(super) fn printable_iso(self) -> Option<String> {
        let (first, last) = self.years();
        (ISO_YEARS.contains(&first) && ISO_YEARS.contains(&last)).then(|| self.iso())
    }

    /// The ISO 8601 text of the value: `2018-07-10`, `2018-07`, `2018`, and
    /// two of them joined by `/` for a range. (Written digit by digit: the
    /// formatting machinery of `format!` costs several times as much.)
    pub(super) fn iso(self) -> String {
        let mut out = String::with_capacity(21);
        match self {
            Value::Day(d) => push_day(&mut out, d),
            Value::Month(y, m) => push_month(&mut out, y, m),
            Value::Year(y) => push_padded(&mut out, y, 4),
            Value::DayRange(a, b) => {
                push_day(&mut out, a);
                out.push('/');
                push_day(&mut out, b);
            }
            Value::YearRange(a, b) => {
                push_padded(&mut out, a, 4);
                out.push('/');
                push_padded(&mut out, b, 4);
            }
            Value::MonthRange((y1, m1), (y2, m2)) => {
                push_month(&mut out, y1, m1);
                out.push('/');
                push_month(&mut out, y2, m2);
            }
        }
        out
    }
}

/// `n` with leading zeros to `width` digits, as `{n:0width$}` writes it.
pub(super) fn push_padded(out: &mut String, n: impl Into<i64>, width: u32) {
    let n: i64 = n.into();
    if !(0..10i64.pow(width)).contains(&n) {
        // (a sign or more digits: not in a news date, but written alike)
        use std::fmt::Write;
        let _ = write!(out, "{n:0w$}", w = width as usize);
        return;
    }
    for place in (0..width).rev() {
        out.push(char::from(b'0' + (n / 10i64.pow(place) % 10) as u8));
    }
}

/// `YYYY-MM`, as `{y:04}-{m:02}` writes it.
pub(super) fn push_month(out: &mut String, y: i32, m: u32) {
    push_padded(out, y, 4);
    out.push('-');
    push_padded(out, m, 2);
}

/// `YYYY-MM-DD`, as chrono's `%Y-%m-%d` writes it.
pub(super) fn push_day(out: &mut String, d: NaiveDate) {
    if !(0..=9999).contains(&d.year()) {
        // chrono signs a year of five digits (`+10000`)
        use std::fmt::Write;
        let _ = write!(out, "{}", d.format("%Y-%m-%d"));
        return;
    }
    push_month(out, d.year(), d.month());
    out.push('-');
    push_padded(out, d.day(), 2);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_text_is_what_the_format_strings_write() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        for y in [-12, 0, 7, 99, 622, 1436, 2018, 9999, 10000, 123456] {
            let (a, b) = (day(y, 1, 9), day(y, 12, 31));
            assert_eq!(Value::Day(a).iso(), a.format("%Y-%m-%d").to_string());
            assert_eq!(Value::DayRange(a, b).iso(), format!("{}/{}", a.format("%Y-%m-%d"), b.format("%Y-%m-%d")));
            assert_eq!(Value::Year(y).iso(), format!("{y:04}"));
            assert_eq!(Value::YearRange(y, y + 1).iso(), format!("{y:04}/{:04}", y + 1));
            for m in [1, 9, 10, 12] {
                assert_eq!(Value::Month(y, m).iso(), format!("{y:04}-{m:02}"));
                assert_eq!(Value::MonthRange((y, m), (y + 1, 1)).iso(), format!("{y:04}-{m:02}/{:04}-01", y + 1));
            }
        }
    }
}
