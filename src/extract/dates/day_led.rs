//! Day-first dates: `10 تموز/يوليو المقبل`, `الثالث والرابع من أيار`, `25 منه`.

use super::calendar::shift_month;
use super::numbers;
use super::tense::dir_offset;
use super::value::Value;
use super::{DateScanner, Found, ARABIC_DECIMAL, MONTHS};
use crate::lexicon::{Calendar, MonthInfo};
use crate::record::DateKind;
use crate::tokenizer::{clitics, TokenKind};
use chrono::{Datelike, NaiveDate};

/// The day or days read by a day-first date: its first token, the days and
/// the clitic chars before it.
struct Days {
    first: usize,
    d1: u32,
    d2: Option<u32>,
    prefix: u8,
}

impl<'a> DateScanner<'_, 'a> {
    /// Day first: `10 تموز/يوليو المقبل`, `الثالث والرابع من أيار/مايو الماضي`,
    /// `6 أيار/مايو 2017`, `13-15 تموز`, `بين 3 و5 أيار`, `2. أكتوبر`,
    /// `25 منه`, `من 4 إلى 22 هذا الشهر`.
    pub(super) fn day_led(&self, i: usize) -> Option<Found> {
        let doc = self.doc;
        let (day_tok, in_range) = self.day_led_start(i)?;
        let (d1, last, p, ordinal) = self.day_at(day_tok)?;
        let prefix = if in_range { self.doc.ids[i].prefix_chars().min(u8::from(clitics::starts_with_wa(self.key(i)))) } else { p };
        // a day number must not be part of a decimal or a longer number
        if !ordinal && matches!(doc.punct(day_tok + 1), Some('.' | ',' | ARABIC_DECIMAL | '/')) && doc.kind(day_tok + 2) == TokenKind::Number {
            return None;
        }
        let (d2, last) = match self.second_day(last, ordinal, in_range) {
            Some((d, l)) => (Some(d), l),
            None => (None, last),
        };
        // `من 3 إلى 5 أيار`, `بين 3 و5 أيار`: part of a range only
        if (in_range && d2.is_none()) || d2.is_some_and(|d| d <= d1) {
            return None;
        }
        let days = Days { first: i, d1, d2, prefix };
        let (m_tok, linked) = self.month_token(last, d2.is_none());
        if let Some(j) = self.next(last) {
            // `25 منه`: the day of the month just mentioned
            if self.key_is(j, &self.words().roles.of_it) && !ordinal && d2.is_none() {
                let (y, m) = self.last_month?;
                let v = NaiveDate::from_ymd_opt(y, m, d1).map(Value::Day);
                return Some(Found { first: i, last: j, prefix_chars: prefix, value: v, kind: DateKind::Relative });
            }
        }
        // `من الشهر الحالي`, `هذا الشهر`, `في الشهر المقبل`; an ordinal word
        // needs the `من` (`المرحلة الثانية الشهر المقبل` is no day)
        if let Some(j) = m_tok.filter(|_| linked || !ordinal) {
            if let Some(found) = self.days_of_relative_month(&days, j) {
                return Some(found);
            }
        }
        self.days_of_month(&days, m_tok?)
    }

    /// The token of a day-first date's first day, and whether `i` opens a
    /// range (`من`, `بين`, `ما بين`), which then needs a second day.
    fn day_led_start(&self, i: usize) -> Option<(usize, bool)> {
        let r = &self.words().roles;
        let k = self.key_nc(i);
        if r.what.is(k) && self.next(i).is_some_and(|j| self.key_is(j, &r.between)) {
            return Some((self.next(self.next(i)?)?, true));
        }
        if r.from.is(k) || r.between.is(k) {
            return Some((self.next(i)?, true));
        }
        Some((i, false))
    }

    /// The second day of a range after the first (ending at `last`): `13-15`,
    /// `الثالث والرابع`, `3 إلى 5`, `3 و5`, `4 و 22`; (day, last token).
    fn second_day(&self, last: usize, ordinal: bool, in_range: bool) -> Option<(u32, usize)> {
        let doc = self.doc;
        if let Some((p, '-' | '–')) = self.next_punct(last) {
            let n = doc.next_non_space(p)?;
            let (d, l, _, _) = self.day_at(n)?;
            return Some((d, l));
        }
        let n = self.next(last)?;
        let k = self.key(n);
        if self.words().day_range_joiners.contains(k) {
            let m = doc.next_non_space(n)?;
            let (d, l, _, _) = self.day_at(m)?;
            return Some((d, l));
        }
        if clitics::starts_with_wa(k) {
            let (d, l, _, o) = self.day_at(n)?;
            return (o == ordinal || in_range).then_some((d, l));
        }
        None
    }

    /// The token of the month after the day(s) ending at `last`, past `من`,
    /// `في`, `شهر` or one of `. - /` (this only after a single day); and
    /// whether `من`/`في` linked them.
    fn month_token(&self, last: usize, single_day: bool) -> (Option<usize>, bool) {
        let doc = self.doc;
        let r = &self.words().roles;
        let mut m_tok = doc.next_non_space(last);
        if let Some(j) = m_tok {
            if matches!(doc.punct(j), Some('.' | '-' | '/')) && single_day {
                m_tok = doc.next_non_space(j);
            }
        }
        m_tok = m_tok.filter(|&j| doc.tokens[j].is_wordlike());
        let mut linked = false;
        if let Some(j) = m_tok {
            if self.key_is(j, &r.from) || self.key_is(j, &r.in_) {
                m_tok = self.next(j);
                linked = true;
            }
        }
        if let Some(j) = m_tok {
            if self.key_is(j, &r.month) {
                m_tok = self.next(j);
            }
        }
        (m_tok, linked)
    }

    /// The day(s) in a month named relative to the reference at `j`: `من
    /// الشهر الحالي`, `هذا الشهر`.
    fn days_of_relative_month(&self, days: &Days, j: usize) -> Option<Found> {
        let (off, l) = self.relative_month_after(j)?;
        let (d1, d2) = (days.d1, days.d2);
        let v = self.reference.and_then(|r| {
            let (y, m) = shift_month(r.year(), r.month(), off);
            let a = NaiveDate::from_ymd_opt(y, m, d1)?;
            Some(match d2 {
                Some(d) => Value::DayRange(a, NaiveDate::from_ymd_opt(y, m, d)?),
                None => Value::Day(a),
            })
        });
        let kind = if d2.is_some() { DateKind::Range } else { DateKind::Relative };
        Some(Found { first: days.first, last: l, prefix_chars: days.prefix, value: v, kind })
    }

    /// The day(s) in the month named at `m_tok` (by name, or by number after
    /// `شهر`), with the year or modifier after it.
    fn days_of_month(&self, days: &Days, m_tok: usize) -> Option<Found> {
        let doc = self.doc;
        let by_number = || -> Option<(MonthInfo, usize, u8)> {
            // `من شهر عشرة`: `شهر` was skipped, a number word names the month
            let p = doc.prev_non_space(m_tok)?;
            (self.words().roles.month.is(&self.key_np(p).0)).then_some(())?;
            let (v, l) = numbers::number_words(doc, m_tok).filter(|(v, _)| MONTHS.contains(v))?;
            Some((MonthInfo { month: v as u8, calendar: Calendar::Gregorian, ambiguous: false }, l, 0))
        };
        let (month, mut last, _) = self.month_at(m_tok).or_else(by_number)?;
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
        let story_year = direction.is_none();
        let direction = || direction.unwrap_or_else(|| self.tense_direction(days.first));
        let (value, relative) = self.resolve_day_month(days.d1, days.d2, month, year, story_year, direction);
        let kind = if days.d2.is_some() {
            DateKind::Range
        } else if relative {
            DateKind::Relative
        } else {
            DateKind::Absolute
        };
        Some(Found { first: days.first, last, prefix_chars: days.prefix, value, kind })
    }

    /// `هذا الشهر`, `الشهر المقبل`, `الشهر الحالي` at token `j` (after a
    /// day): the month offset from the reference and the last token.
    pub(super) fn relative_month_after(&self, j: usize) -> Option<(i32, usize)> {
        let (k, _) = self.key_np(j);
        let w = self.words();
        if w.this.contains(&k) {
            let n = self.next(j)?;
            return self.key_is(n, &w.roles.the_month).then_some((0, n));
        }
        if w.roles.the_month.is(&k) {
            let (dir, l) = self.modifier(j)?;
            return Some((dir_offset(dir), l));
        }
        None
    }
}
