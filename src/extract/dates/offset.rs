//! Holidays (`عيد الميلاد`) and distances from the reference date (`قبل يومين`, `3 أيام مضت`).

use super::calendar::shift_date;
use super::value::Value;
use super::years::YearRef;
use super::{DateScanner, Found};

/// The words of a sentence that is a phrase standing alone (`قبل يومين`).
const STANDALONE_WORDS: usize = 6;
/// The largest count of days, weeks, ... read as a distance (`قبل 3 أيام`).
const MAX_COUNT: i64 = 100;
use crate::lexicon::{Calendar, MonthInfo};
use crate::record::DateKind;
use crate::tokenizer::TokenKind;

impl<'a> DateScanner<'_, 'a> {
    /// Fixed-date holidays: `عيد الميلاد`, `ليلة رأس السنة`, with a year if
    /// one follows.
    pub(super) fn holiday(&self, i: usize) -> Option<Found> {
        let doc = self.doc;
        let m = doc.phrase_at(&doc.lex.holidays, i)?;
        let (month, day) = *m.value;
        let mut last = m.last;
        if let Some(n) = self.next(last).filter(|&n| self.words().holiday_epithets.contains(self.key(n))) {
            last = n;
        }
        let info = MonthInfo { month, calendar: Calendar::Gregorian, ambiguous: false };
        let mut year = None;
        if let Some((y, l, _)) = self.next(last).and_then(|n| self.year_number(n)) {
            year = Some(YearRef::Explicit(y, None));
            last = l;
        }
        let (value, relative) = self.resolve_day_month(day as u32, None, info, year, false, || self.tense_direction(i));
        let kind = if relative { DateKind::Relative } else { DateKind::Absolute };
        Some(Found { first: i, last, prefix_chars: m.prefix_chars, value, kind })
    }

    /// `قبل يومين`, `بعد 3 أيام`, `قبل عامين`, `بعد أسبوعين من الآن`,
    /// `3 أيام مضت`: a day at a distance from the reference date. `منذ`
    /// ("since", "for") is left out: the guide reads `منذ شهرين` as a duration.
    pub(super) fn offset(&self, i: usize) -> Option<Found> {
        let doc = self.doc;
        let (k, prefix) = self.key_np(i);
        let w = self.words();
        let sign: i64 = match w.offset_signs.get(&k) {
            Some(sign) => sign,
            None => {
                // `3 أيام مضت`; not after a word of duration or of
                // approximation (`خلال 10 سنوات مضت`, `نحو 10 أعوام مضت`)
                if doc.prev_word(i).is_some_and(|p| w.not_before_ago.contains(self.key(p))) {
                    return None;
                }
                let (n, unit, l) = self.amount(i)?;
                let m = self.next(l).filter(|&m| w.ago.contains(self.key(m)))?;
                let value = self.reference.and_then(|r| shift_date(r, unit, -n));
                return Some(Found { first: i, last: m, prefix_chars: 0, value: value.map(Value::Day), kind: DateKind::Relative });
            }
        };
        let (n, unit, mut last) = self.amount(self.next(i)?)?;
        // Anchored to now only with `من الآن` or in a phrase standing alone:
        // in a story `بعد 30 عاما في المنصب`, `قبل 51 يوما من وفاته` count from
        // an event, and `بعد أسبوعين من التحقيق` is no calendar date.
        let mut anchored = false;
        if let Some(m) = self.next(last).filter(|&m| self.key_is(m, &w.roles.from)) {
            if let Some(a) = self.next(m).filter(|&a| self.key_is(a, &w.roles.now)) {
                last = a;
                anchored = true;
            } else {
                return None;
            }
        }
        let sentence = doc.toks.sentences[doc.sentence_of(i)].tokens();
        let words = sentence.filter(|&j| doc.tokens[j].is_wordlike()).count();
        if !anchored && words > STANDALONE_WORDS {
            return None;
        }
        let value = self.reference.and_then(|r| shift_date(r, unit, sign * n));
        Some(Found { first: i, last, prefix_chars: prefix, value: value.map(Value::Day), kind: DateKind::Relative })
    }

    /// `يومين`, `3 أيام`, `أسبوع`, `21 يوما`: (count, unit, last token).
    pub(super) fn amount(&self, i: usize) -> Option<(i64, char, usize)> {
        let doc = self.doc;
        if doc.kind(i) == TokenKind::Number {
            let n = doc.number(i)? as i64;
            let u = self.next(i)?;
            let m = doc.phrase_at(&doc.lex.time_units, u).filter(|m| m.prefix_chars == 0)?;
            if n == 0 || n > MAX_COUNT {
                return None;
            }
            return Some((n, m.value.0, m.last));
        }
        let m = doc.phrase_at(&doc.lex.time_units, i).filter(|m| m.prefix_chars == 0)?;
        let (unit, count) = *m.value;
        // a singular after قبل/بعد is `a day`/`a week`, but `يوم` alone is
        // too common (`بعد يوم من`): only weeks, months and years
        if count == 0 || (count == 1 && unit == 'd') {
            return None;
        }
        Some((count as i64, unit, m.last))
    }
}
