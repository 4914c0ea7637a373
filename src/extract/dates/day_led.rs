//! Day-first dates: `10 تموز/يوليو المقبل`, `الثالث والرابع من أيار`, `25 منه`.

use super::calendar::shift_month;
use super::numbers;
use super::tense::dir_offset;
use super::value::Value;
use super::{DateScanner, Found};
use crate::lexicon::{Calendar, MonthInfo};
use crate::record::DateKind;
use crate::tokenizer::TokenKind;
use chrono::{Datelike, NaiveDate};

impl<'a> DateScanner<'_, 'a> {
    /// Day first: `10 تموز/يوليو المقبل`, `الثالث والرابع من أيار/مايو الماضي`,
    /// `6 أيار/مايو 2017`, `13-15 تموز`, `بين 3 و5 أيار`, `2. أكتوبر`,
    /// `25 منه`, `من 4 إلى 22 هذا الشهر`.
    pub(super) fn day_led(&self, i: usize) -> Option<Found> {
        let doc = self.doc;
        // `من 3 إلى 5 أيار`, `بين 3 و5 أيار`, `ما بين 4 و 22`: part of a range only
        let opener = match self.key_nc(i) {
            "من" => Some("من"),
            "بين" => Some("بين"),
            "ما" if self.next(i).is_some_and(|j| self.key(j) == "بين") => Some("ما"),
            _ => None,
        };
        let day_tok = match opener {
            Some("ما") => self.next(self.next(i)?)?,
            Some(_) => self.next(i)?,
            None => i,
        };
        let first = i;
        let (d1, mut last, p, ordinal) = self.day_at(day_tok)?;
        let start_prefix = if opener.is_some() { self.doc.ids[i].prefix_chars().min(u8::from(self.key(i).starts_with('و'))) } else { p };
        // a day number must not be part of a decimal or a longer number
        if !ordinal && matches!(doc.punct(day_tok + 1), Some('.' | ',' | '٫' | '/')) && doc.kind(day_tok + 2) == TokenKind::Number {
            return None;
        }
        // range: `13-15`, `الثالث والرابع`, `3 إلى 5`, `3 و5`, `4 و 22`
        let mut d2 = None;
        if let Some((p, '-' | '–')) = self.next_punct(last) {
            if let Some(n) = doc.next_non_space(p) {
                if let Some((d, l, _, _)) = self.day_at(n) {
                    d2 = Some(d);
                    last = l;
                }
            }
        } else if let Some(n) = self.next(last) {
            let k = self.key(n);
            if matches!(k, "الي" | "حتي" | "و" | "وحتي") {
                if let Some(m) = doc.next_non_space(n) {
                    if let Some((d, l, _, _)) = self.day_at(m) {
                        d2 = Some(d);
                        last = l;
                    }
                }
            } else if k.starts_with('و') {
                if let Some((d, l, _, o)) = self.day_at(n) {
                    if o == ordinal || opener.is_some() {
                        d2 = Some(d);
                        last = l;
                    }
                }
            }
        }
        if opener.is_some() && d2.is_none() {
            return None;
        }
        if let Some(d) = d2 {
            if d <= d1 {
                return None;
            }
        }
        // `من`, `شهر`, or one of `. - /` between day and month
        let mut m_tok = doc.next_non_space(last);
        if let Some(j) = m_tok {
            if matches!(doc.punct(j), Some('.' | '-' | '/')) && d2.is_none() {
                m_tok = doc.next_non_space(j);
            }
        }
        m_tok = m_tok.filter(|&j| doc.tokens[j].is_wordlike());
        let mut linked = false;
        if let Some(j) = m_tok {
            if matches!(self.key(j), "من" | "في") {
                m_tok = self.next(j);
                linked = true;
            }
        }
        if let Some(j) = m_tok {
            if matches!(self.key(j), "شهر") {
                m_tok = self.next(j);
            }
        }
        if let Some(j) = self.next(last) {
            // `25 منه`: the day of the month just mentioned
            if self.key(j) == "منه" && !ordinal && d2.is_none() {
                let (y, m) = self.last_month?;
                let v = NaiveDate::from_ymd_opt(y, m, d1).map(Value::Day);
                return Some(Found { first, last: j, prefix_chars: start_prefix, value: v, kind: DateKind::Relative });
            }
        }
        // `من الشهر الحالي`, `هذا الشهر`, `في الشهر المقبل`; an ordinal word
        // needs the `من` (`المرحلة الثانية الشهر المقبل` is no day)
        if let Some(j) = m_tok.filter(|_| linked || !ordinal) {
            if let Some((off, l)) = self.relative_month_after(j) {
                let v = self.reference.and_then(|r| {
                    let (y, m) = shift_month(r.year(), r.month(), off);
                    let a = NaiveDate::from_ymd_opt(y, m, d1)?;
                    Some(match d2 {
                        Some(d) => Value::DayRange(a, NaiveDate::from_ymd_opt(y, m, d)?),
                        None => Value::Day(a),
                    })
                });
                let kind = if d2.is_some() { DateKind::Range } else { DateKind::Relative };
                return Some(Found { first, last: l, prefix_chars: start_prefix, value: v, kind });
            }
        }
        let m_tok = m_tok?;
        let by_number = || -> Option<(MonthInfo, usize, u8)> {
            // `من شهر عشرة`: `شهر` was skipped, a number word names the month
            let p = doc.prev_non_space(m_tok)?;
            (self.key_np(p).0 == "شهر").then_some(())?;
            let (v, l) = numbers::number_words(doc, m_tok).filter(|(v, _)| (1..=12).contains(v))?;
            Some((MonthInfo { month: v as u8, calendar: Calendar::Gregorian, ambiguous: false }, l, 0))
        };
        let (month, m_last, _) = self.month_at(m_tok).or_else(by_number)?;
        last = m_last;
        // explicit year
        let mut year = None;
        if let Some((yr, l)) = self.year_after(last) {
            year = Some(yr);
            last = l;
        }
        let mut direction = None;
        if year.is_none() {
            if let Some((dir, l)) = self.modifier(last) {
                direction = Some(dir);
                last = l;
            }
        }
        let direction = || direction.unwrap_or_else(|| self.tense_direction(first));
        let (value, relative) = self.resolve_day_month(d1, d2, month, year, direction);
        let kind = if d2.is_some() {
            DateKind::Range
        } else if relative {
            DateKind::Relative
        } else {
            DateKind::Absolute
        };
        Some(Found { first, last, prefix_chars: start_prefix, value, kind })
    }

    /// `هذا الشهر`, `الشهر المقبل`, `الشهر الحالي` at token `j` (after a
    /// day): the month offset from the reference and the last token.
    pub(super) fn relative_month_after(&self, j: usize) -> Option<(i32, usize)> {
        let (k, _) = self.key_np(j);
        if matches!(k.as_ref(), "هذا" | "هذه") {
            let n = self.next(j)?;
            return (self.key(n) == "الشهر").then_some((0, n));
        }
        if k == "الشهر" {
            let (dir, l) = self.modifier(j)?;
            return Some((dir_offset(dir), l));
        }
        None
    }
}
