//! Weekdays: `يوم الخميس`, `الأحد المقبل`, `الأحد من الأسبوع الماضي`.

use super::calendar::{day_of_month_with_weekday, resolve_weekday};
use super::tense::Direction;
use super::value::Value;
use super::{ARABIC_COMMA, DateScanner, Found};
use crate::record::DateKind;
use crate::tokenizer::{clitics, TokenKind};
use chrono::{Datelike, Duration};

impl<'a> DateScanner<'_, 'a> {
    /// `يوم الخميس`, `الأحد المقبل`, `الجمعة - السبت`, `الأربعاء`, and a
    /// weekday before a full date (`الإثنين 25 شوال 1436هـ`) as one mention.
    pub(super) fn weekday(&self, i: usize) -> Option<Found> {
        let doc = self.doc;
        let w = self.words();
        let first = i;
        let mut day_tok = i;
        let mut with_yawm = false;
        if w.roles.day.is(self.key_nc(i)) {
            day_tok = self.next(i)?;
            with_yawm = true;
        }
        let (info, prefix) = doc.word(day_tok)?;
        let wd = info.weekday?;
        let k = self.key(day_tok);
        let stem_definite = clitics::has_article(clitics::after_proclitics(k, prefix));
        // bare forms (`أحد` "one", `جمعة`) only as whole words after `يوم`;
        // with a clitic only the definite form (`والخميس`, not `واحد`)
        if prefix > 0 && !stem_definite {
            return None;
        }
        if !with_yawm && !clitics::contains_article(k) {
            return None;
        }
        if let Some(p) = doc.prev_non_space(i) {
            // `صلاة الجمعة`, `كل يوم جمعة` (habitual), `بين الاثنين` ("the two")
            if w.not_weekday_after.contains(doc.key(p)) {
                return None;
            }
        }
        let prefix = if with_yawm { doc.ids[i].prefix_chars().min(1) } else { prefix };
        let mut last = day_tok;
        // range `الجمعة - السبت`
        if let Some((p, '-' | '–')) = self.next_punct(last) {
            if let Some(n) = doc.next_non_space(p) {
                if let Some(wd2) = doc.word_full(n).and_then(|w| w.weekday) {
                    let value = self.reference.map(|r| {
                        let b = resolve_weekday(r, wd2, Direction::PastOrToday);
                        let a = resolve_weekday(b, wd, Direction::PastOrToday);
                        Value::DayRange(a, b)
                    });
                    return Some(Found { first, last: n, prefix_chars: prefix, value, kind: DateKind::Range });
                }
            }
        }
        if let Some(found) = self.weekday_with_date(first, last, wd, prefix) {
            return Some(found);
        }
        let mut dir = None;
        if let Some((d, l)) = self.modifier(last) {
            dir = Some(d);
            last = l;
        }
        let value = self.reference.map(|r| Value::Day(resolve_weekday(r, wd, dir.unwrap_or_else(|| self.tense_at(first)))));
        Some(Found { first, last, prefix_chars: prefix, value, kind: DateKind::Relative })
    }

    /// A weekday before a full date or a day of the month: `الإثنين 25
    /// شوال`, `الخميس الموافق 14 شباط`, `يوم الاثنين في 18 شباط`, `السبت
    /// السادس عشر`; the weekday is part of the date.
    fn weekday_with_date(&self, first: usize, last: usize, wd: u8, prefix: u8) -> Option<Found> {
        let doc = self.doc;
        // a full date right after (`الإثنين 25 شوال`, `الخميس الموافق 14
        // شباط`, `يوم الاثنين في 18 شباط`): the weekday is part of it
        // `يوم الأحد الفائت الحادي عشر من أغسطس`: a modifier may stand
        // between, before a full date only
        let modified = self.modifier(last).map(|(_, l)| l);
        let mut n = doc.next_non_space(modified.unwrap_or(last));
        if let Some(c) = n.filter(|&c| matches!(doc.punct(c), Some(ARABIC_COMMA | ','))) {
            n = doc.next_non_space(c);
        }
        if let Some(c) = n.filter(|&c| self.words().weekday_date_links.contains(doc.key(c))) {
            n = doc.next_non_space(c);
        }
        let n = n.filter(|&n| doc.tokens[n].is_wordlike())?;
        if let Some(date) = self.numeric_date(n).or_else(|| self.day_led(n)).or_else(|| self.month_led(n)) {
            // a year taken from the story (none written) must agree with
            // the weekday named: `يوم السبت 20 أكتوبر` of another year is
            // no Saturday
            let story_year = date.kind == DateKind::Absolute && !super::names_a_year(doc, date.first, date.last);
            if let Some(Value::Day(d)) = date.value.filter(|_| story_year) {
                if d.weekday().number_from_monday() != u32::from(wd) {
                    return Some(Found { first, prefix_chars: prefix, value: None, kind: DateKind::Relative, ..date });
                }
            }
            if matches!(date.value, Some(Value::Day(_)) | None) {
                return Some(Found { first, prefix_chars: prefix, ..date });
            }
        }
        // `السبت السادس عشر`, `الجمعة 15`: a day of the month alone
        if let Some((d, l, _, _)) = self.day_at(n).filter(|_| modified.is_none()) {
            let month_follows = self.next(l).is_some_and(|m| self.doc.phrase_at(&self.doc.lex.months, m).is_some() || self.key_is(m, &self.words().roles.from));
            if !month_follows && (doc.kind(n) != TokenKind::Number || doc.key(n).len() <= 2) {
                let value = self.reference.and_then(|r| day_of_month_with_weekday(r, d, wd));
                return Some(Found { first, last: l, prefix_chars: prefix, value: value.map(Value::Day), kind: DateKind::Relative });
            }
        }
        None
    }

    /// A weekday of a named week (weeks start on Monday, as in ISO 8601):
    /// `الأحد من الأسبوع الماضي`, `اثنين الأسبوع الحالي`, `الأسبوع المقبل
    /// يوم الجمعة`, `هذا الأسبوع الجمعة`.
    pub(super) fn week_weekday(&self, i: usize) -> Option<Found> {
        let doc = self.doc;
        let w = self.words();
        let r = &w.roles;
        // the week: `الأسبوع المقبل`, `هذا الأسبوع`; returns (offset, last)
        let week_at = |j: usize| -> Option<(i64, usize)> {
            if self.key_is(j, &r.this) {
                let n = self.next(j)?;
                return (r.week.is(&self.key_np(n).0)).then_some((0, n));
            }
            if !r.week.is(&self.key_np(j).0) {
                return None;
            }
            let n = self.next(j)?;
            let off = w.week_modifiers.get(self.key(n))?;
            Some((off, n))
        };
        let weekday_at = |j: usize| -> Option<(u8, usize)> {
            let mut j = j;
            if self.key_is(j, &r.day) {
                j = self.next(j)?;
            }
            doc.word_full(j).and_then(|w| w.weekday).map(|wd| (wd, j))
        };
        let (wd, off, last) = if let Some((wd, d)) = weekday_at(i) {
            let mut j = self.next(d)?;
            if self.key_is(j, &r.from) {
                j = self.next(j)?;
            }
            let (off, l) = week_at(j)?;
            (wd, off, l)
        } else {
            let (off, l) = week_at(i)?;
            let (wd, d) = weekday_at(self.next(l)?)?;
            (wd, off, d)
        };
        let value = self.reference.map(|r| {
            let monday = r - Duration::days(r.weekday().num_days_from_monday() as i64);
            Value::Day(monday + Duration::days(7 * off + wd as i64 - 1))
        });
        Some(Found { first: i, last, prefix_chars: 0, value, kind: DateKind::Relative })
    }
}
