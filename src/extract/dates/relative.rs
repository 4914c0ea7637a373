//! Relative days and periods: `اليوم`, `أمس`, `بعد غد`, `الشهر الماضي`, `هذا العام`.

use super::calendar::shift_month;
use super::tense::{dir_offset, Direction};
use super::value::Value;
use super::{numbers, DateScanner, Found};
use crate::record::DateKind;
use crate::tokenizer::{clitics, TokenKind};
use chrono::{Datelike, Duration};

impl<'a> DateScanner<'_, 'a> {
    /// `اليوم`, `أمس`, `غدا`, `أول أمس`, `بعد غد`, each with an optional weekday.
    pub(super) fn relative_word(&self, i: usize) -> Option<Found> {
        let (k, prefix) = self.key_np(i);
        let w = self.words();
        let (offset, last) = if w.roles.today.is(&k) {
            match self.today_word(i, prefix) {
                Ok(day) => day,
                Err(found) => return found,
            }
        } else if w.roles.day.is(&k) {
            // `يوم غد`, `يوم قبل امس`
            let j = self.next(i)?;
            let (off, l) = self.day_offset_word(j)?;
            if off == 0 {
                return None;
            }
            (off, l)
        } else if w.tomorrow_nouns.contains(&k) {
            // `في الغد`, `حتى الغد`; alone `الغد` is often figurative
            let p = self.doc.prev_non_space(i).filter(|&p| self.doc.tokens[p].is_word())?;
            if !w.tomorrow_cues.contains(self.key(p)) {
                return None;
            }
            (1, i)
        } else {
            self.day_offset_word(i)?
        };
        let mut last = last;
        if let Some(j) = self.next(last) {
            if self.doc.word_full(j).and_then(|w| w.weekday).is_some() {
                last = j;
            }
        }
        self.relative_found(i, last, prefix, offset)
    }

    /// `اليوم` at `i`: today (offset 0, last token), or `Err` with what the
    /// words around it make of it instead (another day, or no date).
    fn today_word(&self, i: usize, prefix: u8) -> Result<(i64, usize), Option<Found>> {
        let w = self.words();
        if let Some(j) = self.next(i) {
            let nk = self.key(j);
            // `اليوم الذي بعد الغد`, `اليوم الي قبل امبارح`
            if w.relative_pronouns.contains(nk) {
                if let Some((off, l)) = self.next(j).and_then(|n| self.day_offset_word(n)) {
                    if off != 0 {
                        return Err(self.relative_found(i, l, prefix, off));
                    }
                }
            }
            // `في اليوم نفسه`, `اليوم ذاته`: the day last named, not today
            // (no date when none was named; `null` when its date is unknown)
            if w.same_day.contains(nk) {
                return Err(self.last_day.get().map(|day| Found { first: i, last: j, prefix_chars: prefix, value: day.map(Value::Day), kind: DateKind::Relative }));
            }
            // `اليوم الماضي`, `اليوم المنصرم`: yesterday
            if w.past_day_modifiers.contains(nk) {
                return Err(self.relative_found(i, j, prefix, -1));
            }
            // `اليوم الوطني`, `اليوم العالمي`, `اليوم التالي` are not today
            let weekday = self.doc.word_full(j).and_then(|w| w.weekday).is_some();
            let function = self.doc.word_full(j).is_some_and(|w| w.function.is_some());
            if clitics::has_article(nk) && !weekday && !function {
                return Err(None);
            }
        }
        // `ثلاث مرات في اليوم`, `18 ساعة في اليوم`: a rate, per day
        if self.per_day(i) {
            return Err(None);
        }
        // `عين اليوم`, `”عين اليوم”` (an outlet)
        let mut p = self.doc.prev_non_space(i);
        if p.is_some_and(|q| self.doc.kind(q) == TokenKind::Quote) {
            p = None;
        }
        if let Some(p) = p.filter(|&p| self.doc.tokens[p].is_word()) {
            if self.doc.phrase_at(&self.doc.lex.agencies, p).is_some_and(|m| m.last >= i) {
                return Err(None);
            }
        }
        Ok((0, i))
    }

    /// Whether `اليوم` at `i` follows `في` after a count (`3 وجبات في
    /// اليوم`, `ثلاث مرات في اليوم`, `مرة في اليوم`): a rate, not a day.
    fn per_day(&self, i: usize) -> bool {
        let doc = self.doc;
        let w = self.words();
        let Some(p) = doc.prev_word(i).filter(|&p| w.roles.in_.is(self.key(p))) else { return false };
        let count = |t: usize| doc.kind(t) == TokenKind::Number || numbers::number_words(doc, t).is_some() || w.per_day_counts.contains(doc.key(t));
        let Some(q) = doc.prev_word(p) else { return false };
        count(q) || doc.prev_word(q).is_some_and(count)
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
        let w = self.words();
        let r = &w.roles;
        Some(if w.yesterday.contains(&k) {
            match self.next(i) {
                Some(j) if self.key_is(j, &r.the_first) => (-2, j),
                _ => (-1, i),
            }
        } else if w.yesterday_colloquial.contains(&k) {
            (-1, i)
        } else if w.tomorrow.contains(&k) {
            (1, i)
        } else if r.first.is(&k) {
            let j = self.next(i)?;
            let j = if self.key_is(j, &r.from) { self.next(j)? } else { j };
            if !r.yesterday.is(&self.key_np(j).0) {
                return None;
            }
            (-2, j)
        } else if w.before.contains(&k) {
            let mut j = self.next(i)?;
            if self.key_is(j, &r.day) {
                j = self.next(j)?;
            }
            if !w.yesterday_after_before.contains(&self.key_np(j).0) {
                return None;
            }
            (-2, j)
        } else if r.after.is(&k) {
            let j = self.next(i)?;
            if !w.tomorrow_after_after.contains(self.key(j)) {
                return None;
            }
            (2, j)
        } else {
            return None;
        })
    }

    /// `الشهر الماضي`, `العام المقبل`, `هذا العام`, `السنة الجارية`,
    /// `بالشهر الماضي`, `للعام الجاري`, `مطلع الشهر`, `العام الماضي 2013`.
    pub(super) fn relative_period(&self, i: usize) -> Option<Found> {
        let (k, prefix) = self.key_np(i);
        let w = self.words();
        let unit_of = |k: &str| w.period_units.get(k);
        // `الأمين العام السابق`, `الرأي العام`: `العام` is "general" after a
        // definite noun; `العام الدراسي` is a school year, not a calendar one
        if w.general_or_year.contains(&k) {
            let prev = self.doc.prev_non_space(i).filter(|&p| self.doc.tokens[p].is_word());
            let after_title = prev.is_some_and(|p| {
                self.doc.phrase_at(&self.doc.lex.titles, p).is_some_and(|m| m.value.class == crate::lexicon::TitleClass::Head)
            });
            let former = self.next(i).is_some_and(|n| w.former.contains(self.key(n)));
            let after_noun = prev.is_some_and(|p| clitics::has_article(self.key(p)) && self.doc.word(p).is_none_or(|(w, _)| w.function.is_none()));
            if after_title || (former && after_noun) {
                return None;
            }
        }
        let not_calendar = |j: usize| {
            self.next(j).is_some_and(|n| w.not_calendar_year.contains(self.key(n)))
        };
        let (unit, dir, last) = if w.this.contains(&k) {
            let j = self.next(i)?;
            (unit_of(self.key(j))?, Direction::Current, j)
        } else if w.period_parts.contains(&k) {
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
        // `العام الماضي 2013`: the explicit year wins; `هذا العام 1436هـ`,
        // `هذا العام 1436 / 1437 هـ` are read as the year after `العام` is
        if unit == 'y' {
            if let Some(j) = self.next(last) {
                if let Some((y, l, marker)) = self.year_number(j) {
                    if last != i && w.year_cues_in_text.contains(self.key(last)) {
                        if let Some(found) = self.read_year_led(last) {
                            return Some(Found { first: i, prefix_chars: prefix, ..found });
                        }
                    }
                    if Self::plausible_gregorian_year(y) && marker != Some(crate::lexicon::Calendar::Hijri) {
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
