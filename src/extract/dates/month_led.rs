//! Month-first dates: `نيسان/ أبريل من عام ٢٠٠٥`, `شهر ماي 2017`, `أبريل الماضي`.

use super::calendar::month_value;
use super::tense::is_future_verb;
use super::value::Value;
use super::years::YearRef;
use super::{ARABIC_COMMA, ARABIC_DECIMAL, DateScanner, Found};
use crate::lexicon::{Calendar, MonthInfo};
use crate::record::DateKind;
use crate::tokenizer::{clitics, TokenKind};

impl<'a> DateScanner<'_, 'a> {
    /// Month first: `نيسان/ أبريل من عام ٢٠٠٥`, `شهر ماي 2017`, `أبريل الماضي`,
    /// `شهر رمضان المبارك من هذا العام 1439هـ`.
    pub(super) fn month_led(&self, i: usize) -> Option<Found> {
        let mut first = i;
        let mut m_tok = i;
        let mut cue = false;
        let w = self.words();
        if w.month_openers.contains(self.key(i)) {
            m_tok = self.next(i)?;
            cue = true;
        }
        let (month, mut last, prefix) = self.month_at(m_tok)?;
        let prefix = if m_tok == i { prefix } else { self.doc.ids[i].prefix_chars().min(u8::from(clitics::starts_with_wa(self.key(i)))) };
        if !cue {
            if let Some(p) = self.doc.prev_non_space(i) {
                let k = self.doc.key(p);
                cue = self.doc.tokens[p].is_word()
                    && (w.month_cues.contains(k) || is_future_verb(w, k) || clitics::has_first_person_future_prefix(self.doc.surface(p)));
            }
            // a clitic preposition on the month itself (`بأبريل`), not a
            // conjunction (`ومارس المحامي` is a verb)
            let k = self.key(m_tok);
            cue |= prefix > 0 && !clitics::starts_with_conjunction(k);
        }
        // `رمضان المبارك`, `شهر رمضان`: no longer a name or an ordinary word
        let mut named_hijri = month.calendar == Calendar::Hijri && m_tok != i;
        if month.calendar == Calendar::Hijri {
            if let Some(j) = self.next(last) {
                if w.hijri_month_epithets.contains(self.key(j)) {
                    last = j;
                    cue = true;
                    named_hijri = true;
                }
            }
        }
        // `شهري مايو ويونيو الماضيين`: two months, one mention
        if let Some(found) = self.two_months(first, last, month, prefix, cue || m_tok != i) {
            return Some(found);
        }
        if let Some((yr, l)) = self.year_after(last) {
            let value = match yr {
                YearRef::Explicit(y, _) => month_value(y, month),
                YearRef::ThisYear => self.reference.and_then(|r| month_value(self.year_of(r, month.calendar), month)),
                YearRef::Relative(off) => self.reference.and_then(|r| month_value(self.year_of(r, month.calendar) + off, month)),
            };
            let kind = if matches!(yr, YearRef::Explicit(..)) { DateKind::Absolute } else { DateKind::Relative };
            let kind = if month.calendar == Calendar::Hijri { DateKind::Range } else { kind };
            return Some(Found { first, last: l, prefix_chars: prefix, value, kind });
        }
        if let Some((dir, l)) = self.modifier(last) {
            let value = self.reference.and_then(|r| self.resolve_month(month, r, dir));
            return Some(Found { first, last: l, prefix_chars: prefix, value, kind: DateKind::Relative });
        }
        // the day after the month: `يوليو 13-15`, `أكتوبر/ 2`,
        // `يناير الثاني والعشرين، 2018`, `مايو تسعة وعشرين`
        if let Some(found) = self.month_then_day(first, last, month, prefix) {
            return Some(found);
        }
        if (month.ambiguous && !named_hijri) || !cue {
            return None;
        }
        if first != m_tok && !cue {
            first = m_tok;
        }
        let value = self.reference.and_then(|r| self.resolve_month(month, r, self.tense_direction(first)));
        Some(Found { first, last, prefix_chars: prefix, value, kind: DateKind::Relative })
    }

    /// `شهري مايو ويونيو الماضيين`: two months joined by و, one mention
    /// (the first needs a cue).
    fn two_months(&self, first: usize, last: usize, month: MonthInfo, prefix: u8, cued: bool) -> Option<Found> {
        let n = self.next(last).filter(|&n| clitics::starts_with_wa(self.key(n)))?;
        let m2 = self.doc.phrase_at(&self.doc.lex.months, n).filter(|m| m.prefix_chars == 1)?;
        let m2v = *m2.value;
        if !(m2v.calendar == Calendar::Gregorian && month.calendar == Calendar::Gregorian && m2v.month > month.month && cued) {
            return None;
        }
        let mut l = m2.last;
        let dir = match self.modifier(l) {
            Some((d, ml)) => {
                l = ml;
                d
            }
            None => self.tense_direction(first),
        };
        let value = self.reference.and_then(|r| {
            let Value::Month(y2, mm2) = self.resolve_month(m2v, r, dir)? else { return None };
            Some(Value::MonthRange((y2, month.month as u32), (y2, mm2)))
        });
        Some(Found { first, last: l, prefix_chars: prefix, value, kind: DateKind::Range })
    }

    /// A month name followed by its day (and maybe a year).
    pub(super) fn month_then_day(&self, first: usize, m_last: usize, month: MonthInfo, prefix: u8) -> Option<Found> {
        let doc = self.doc;
        let mut n = doc.next_non_space(m_last)?;
        if matches!(doc.punct(n), Some('/')) {
            n = doc.next_non_space(n)?;
        }
        let (d1, mut last, _, _) = self.day_at(n)?;
        if doc.kind(n) == TokenKind::Number && doc.punct(n + 1).is_some_and(|c| matches!(c, '.' | ',' | ARABIC_DECIMAL)) && doc.kind(n + 2) == TokenKind::Number {
            return None;
        }
        let mut d2 = None;
        if let Some(s) = doc.next_non_space(last) {
            let to = matches!(doc.punct(s), Some('-' | '–')) || self.words().day_after_month_joiners.contains(doc.key(s));
            if to {
                if let Some((d, l, _, _)) = doc.next_non_space(s).and_then(|t| self.day_at(t)) {
                    if d > d1 {
                        d2 = Some(d);
                        last = l;
                    }
                }
            }
        }
        let mut year = None;
        let mut y_tok = doc.next_non_space(last);
        if let Some(c) = y_tok.filter(|&c| matches!(doc.punct(c), Some(ARABIC_COMMA | ','))) {
            y_tok = doc.next_non_space(c);
        }
        if let Some((y, l, _)) = y_tok.and_then(|t| self.year_number(t)).filter(|(y, _, _)| Self::plausible_gregorian_year(*y)) {
            year = Some(YearRef::Explicit(y, None));
            last = l;
        }
        let (value, relative) = self.resolve_day_month(d1, d2, month, year, true, || self.tense_direction(first));
        let kind = if d2.is_some() {
            DateKind::Range
        } else if relative {
            DateKind::Relative
        } else {
            DateKind::Absolute
        };
        Some(Found { first, last, prefix_chars: prefix, value, kind })
    }
}
