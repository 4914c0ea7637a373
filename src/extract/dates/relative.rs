//! Relative days and periods: `اليوم`, `أمس`, `بعد غد`, `الشهر الماضي`, `هذا العام`.

use super::calendar::shift_month;
use super::tense::{dir_offset, Direction};
use super::value::Value;
use super::{DateScanner, Found};
use crate::record::DateKind;
use crate::tokenizer::TokenKind;
use chrono::{Datelike, Duration};

impl<'a> DateScanner<'_, 'a> {
    /// `اليوم`, `أمس`, `غدا`, `أول أمس`, `بعد غد`, each with an optional weekday.
    pub(super) fn relative_word(&self, i: usize) -> Option<Found> {
        let (k, prefix) = self.key_np(i);
        let (offset, last) = match k.as_ref() {
            "اليوم" => {
                if let Some(j) = self.next(i) {
                    let nk = self.key(j);
                    // `اليوم الذي بعد الغد`, `اليوم الي قبل امبارح`
                    if matches!(nk, "الذي" | "الي") {
                        if let Some((off, l)) = self.next(j).and_then(|n| self.day_offset_word(n)) {
                            if off != 0 {
                                return self.relative_found(i, l, prefix, off);
                            }
                        }
                    }
                    // `اليوم الماضي`, `اليوم المنصرم`: yesterday
                    if matches!(nk, "الماضي" | "المنصرم") {
                        return self.relative_found(i, j, prefix, -1);
                    }
                    // `اليوم الوطني`, `اليوم العالمي`, `اليوم التالي` are not today
                    let weekday = self.doc.word_full(j).and_then(|w| w.weekday).is_some();
                    let function = self.doc.word_full(j).is_some_and(|w| w.function.is_some());
                    if nk.starts_with("ال") && !weekday && !function {
                        return None;
                    }
                }
                // `عين اليوم`, `”عين اليوم”` (an outlet)
                let mut p = self.doc.prev_non_space(i);
                if p.is_some_and(|q| self.doc.kind(q) == TokenKind::Quote) {
                    p = None;
                }
                if let Some(p) = p.filter(|&p| self.doc.tokens[p].is_word()) {
                    if self.doc.phrase_at(&self.doc.lex.agencies, p).is_some_and(|m| m.last >= i) {
                        return None;
                    }
                }
                (0, i)
            }
            "يوم" => {
                // `يوم غد`, `يوم قبل امس`
                let j = self.next(i)?;
                let (off, l) = self.day_offset_word(j)?;
                if off == 0 {
                    return None;
                }
                (off, l)
            }
            "الغد" | "غد" => {
                // `في الغد`, `حتى الغد`; alone `الغد` is often figurative
                let p = self.doc.prev_non_space(i).filter(|&p| self.doc.tokens[p].is_word())?;
                if !matches!(self.key(p), "في" | "حتي" | "يوم") {
                    return None;
                }
                (1, i)
            }
            _ => self.day_offset_word(i)?,
        };
        let mut last = last;
        if let Some(j) = self.next(last) {
            if self.doc.word_full(j).and_then(|w| w.weekday).is_some() {
                last = j;
            }
        }
        self.relative_found(i, last, prefix, offset)
    }

    pub(super) fn relative_found(&self, first: usize, last: usize, prefix: u8, offset: i64) -> Option<Found> {
        let value = self.reference.map(|r| Value::Day(r + Duration::days(offset)));
        Some(Found { first, last, prefix_chars: prefix, value, kind: DateKind::Relative })
    }

    /// A word (or two) naming a day by its distance from today: `أمس`,
    /// `بالأمس`, `البارحة`, `امبارح`, `أمس الأول`, `أول أمس`, `قبل أمس`,
    /// `غدا`, `بكرة`, `بعد غد`, `بعد الغد`. Returns the offset and last token.
    pub(super) fn day_offset_word(&self, i: usize) -> Option<(i64, usize)> {
        let (k, _) = self.key_np(i);
        Some(match k.as_ref() {
            "امس" | "الامس" => match self.next(i) {
                Some(j) if self.key(j) == "الاول" => (-2, j),
                _ => (-1, i),
            },
            "البارحه" | "امبارح" | "مبارح" => (-1, i),
            "غدا" | "بكره" | "بكرا" => (1, i),
            "اول" => {
                let j = self.next(i)?;
                let j = if self.key(j) == "من" { self.next(j)? } else { j };
                if self.key_np(j).0 != "امس" {
                    return None;
                }
                (-2, j)
            }
            "قبل" | "القبل" => {
                let mut j = self.next(i)?;
                if self.key(j) == "يوم" {
                    j = self.next(j)?;
                }
                if !matches!(self.key_np(j).0.as_ref(), "امس" | "الامس" | "البارحه" | "امبارح") {
                    return None;
                }
                (-2, j)
            }
            "بعد" => {
                let j = self.next(i)?;
                if !matches!(self.key(j), "غد" | "الغد" | "بكره" | "بكرا") {
                    return None;
                }
                (2, j)
            }
            _ => return None,
        })
    }

    /// `الشهر الماضي`, `العام المقبل`, `هذا العام`, `السنة الجارية`,
    /// `بالشهر الماضي`, `للعام الجاري`, `مطلع الشهر`, `العام الماضي 2013`.
    pub(super) fn relative_period(&self, i: usize) -> Option<Found> {
        let (k, prefix) = self.key_np(i);
        let unit_of = |k: &str| match k {
            "العام" | "السنه" => Some('y'),
            "الشهر" => Some('m'),
            _ => None,
        };
        // `الأمين العام السابق`, `الرأي العام`: `العام` is "general" after a
        // definite noun; `العام الدراسي` is a school year, not a calendar one
        if matches!(k.as_ref(), "العام" | "عام") {
            let prev = self.doc.prev_non_space(i).filter(|&p| self.doc.tokens[p].is_word());
            let after_title = prev.is_some_and(|p| {
                self.doc.phrase_at(&self.doc.lex.titles, p).is_some_and(|m| m.value.class == crate::lexicon::TitleClass::Head)
            });
            let former = self.next(i).is_some_and(|n| matches!(self.key(n), "السابق" | "السابقه"));
            let after_noun = prev.is_some_and(|p| self.key(p).starts_with("ال") && self.doc.word(p).is_none_or(|(w, _)| w.function.is_none()));
            if after_title || (former && after_noun) {
                return None;
            }
        }
        let not_calendar = |j: usize| {
            self.next(j).is_some_and(|n| matches!(self.key(n), "الدراسي" | "الدراسيه" | "المالي" | "الماليه" | "الجامعي" | "الاكاديمي" | "التدريبي"))
        };
        let (unit, dir, last) = if matches!(k.as_ref(), "هذا" | "هذه") {
            let j = self.next(i)?;
            (unit_of(self.key(j))?, Direction::Current, j)
        } else if matches!(k.as_ref(), "مطلع" | "بدايه" | "منتصف" | "نهايه" | "اواخر" | "اوائل" | "اواسط" | "مستهل" | "اول") {
            // `مطلع الشهر`, `نهاية العام المقبل`: the period itself
            let j = self.next(i)?;
            let unit = unit_of(self.key(j))?;
            match self.modifier(j) {
                Some((d, l)) => (unit, d, l),
                None => (unit, Direction::Current, j),
            }
        } else {
            let unit = unit_of(&k)?;
            let (dir, l) = self.modifier(i)?;
            (unit, dir, l)
        };
        // `العام الماضي 2013`: the explicit year wins
        if unit == 'y' {
            if let Some(j) = self.next(last) {
                if let Some((y, l, _)) = self.year_number(j) {
                    if Self::plausible_gregorian_year(y) {
                        return Some(Found { first: i, last: l, prefix_chars: prefix, value: Some(Value::Year(y)), kind: DateKind::Absolute });
                    }
                }
            }
        }
        if unit == 'y' && (not_calendar(last) || not_calendar(i)) {
            return None;
        }
        let value = self.reference.map(|r| {
            let off = dir_offset(dir);
            if unit == 'y' {
                Value::Year(r.year() + off)
            } else {
                let (y, m) = shift_month(r.year(), r.month(), off);
                Value::Month(y, m)
            }
        });
        Some(Found { first: i, last, prefix_chars: prefix, value, kind: DateKind::Relative })
    }
}
