//! Years: `عام 2015`, `في 2011`, `1436 هـ`, `بين 1989 و2003`, `عام ألفين`.

use super::calendar::{hijri_to_gregorian, hijri_year_end};
use super::numbers;
use super::value::Value;
use super::{DateScanner, Found, GREGORIAN_YEARS};
use crate::lexicon::Calendar;
use crate::record::DateKind;
use crate::tokenizer::TokenKind;

/// The years in words a strong cue (`عام`, part of the date) admits.
const YEARS_AFTER_STRONG_CUE: std::ops::RangeInclusive<u32> = 100..=2200;

/// The years a number after a weak cue (`في`, `بعد`) may be.
const MODERN_YEARS: std::ops::RangeInclusive<i32> = 1800..=2100;

#[derive(Debug, Clone, Copy)]
pub(super) enum YearRef {
    /// `من العام المقبل`: the reference year plus this offset.
    Relative(i32),
    /// The year and the calendar marker written after it (هـ / م).
    Explicit(i32, #[allow(dead_code)] Option<Calendar>),
    ThisYear,
}

impl<'a> DateScanner<'_, 'a> {
    /// Years after a cue: `عام 2015`, `العام 2005م`, `في 2011`, `1436 هـ`,
    /// `1436 / 1437هـ`, `بين 1989 و2003`, `2002 و2006`.
    pub(super) fn year_led(&self, i: usize) -> Option<Found> {
        // `في` (some 30% of the tokens tried) is no cue of a year in digits:
        // its openers say so, and its keys need no reading
        if self.current.get().is_some_and(|(at, opens)| at == i && opens.year_in_words_only) {
            let found = self.year_in_words(i, false, 0);
            debug_assert_eq!(found, self.read_year_led(i), "year after `in` at token {i}");
            return found;
        }
        self.read_year_led(i)
    }

    /// [`DateScanner::year_led`] with every key read.
    pub(super) fn read_year_led(&self, i: usize) -> Option<Found> {
        let doc = self.doc;
        let kc = self.key_nc(i);
        let prefix = if kc.len() != self.key(i).len() { 1 } else { 0 };
        let w = self.words();
        if w.roles.between.is(kc) {
            return self.years_between(i, prefix);
        }
        let (cue_key, cue_prefix) = self.key_np(i);
        let after_in = w.roles.in_.is(&cue_key);
        if w.year_words.contains(&cue_key) || after_in {
            if let Some(found) = self.year_in_words(i, !after_in, cue_prefix) {
                return Some(found);
            }
        }
        let (num_tok, first, pre) = if doc.kind(i) == TokenKind::Number {
            (i, i, 0)
        } else if w.year_cues_in_text.contains(&cue_key) {
            (self.next(i)?, i, cue_prefix)
        } else {
            return None;
        };
        let (y, mut last, marker) = self.year_number(num_tok)?;
        // the marker of a pair counts for both: `1436 / 1437هـ`
        let pair_marker = self.next_punct(last).filter(|(_, c)| matches!(c, '/' | '-' | '–')).and_then(|(p, _)| {
            let n = doc.next_non_space(p)?;
            self.year_number(n).and_then(|(yb, _, mb)| (yb == y + 1).then_some(mb)).flatten()
        });
        let marker = marker.or(pair_marker);
        if first == num_tok && !self.bare_number_is_year(num_tok, y, marker) {
            return None;
        }
        // Hijri year (range of Gregorian days), possibly `1436 / 1437هـ`
        let mut y2 = None;
        if let Some((p, '/' | '-' | '–')) = self.next_punct(last) {
            if let Some(n) = doc.next_non_space(p) {
                if let Some((yb, lb, mb)) = self.year_number(n) {
                    if yb == y + 1 {
                        y2 = Some((yb, mb));
                        last = lb;
                    }
                }
            }
        }
        let hijri = marker == Some(Calendar::Hijri) || y2.is_some_and(|(_, m)| m == Some(Calendar::Hijri));
        if hijri {
            if !Self::plausible_hijri_year(y) {
                return None;
            }
            let end_year = y2.map(|(b, _)| b).unwrap_or(y);
            let a = hijri_to_gregorian(y, 1, 1)?;
            let b = hijri_year_end(end_year)?;
            return Some(Found { first, last, prefix_chars: pre, value: Some(Value::DayRange(a, b)), kind: DateKind::Range });
        }
        if !Self::plausible_gregorian_year(y) || doc.key(num_tok).len() != 4 {
            return None;
        }
        if let Some((b, _)) = y2 {
            return Some(Found { first, last, prefix_chars: pre, value: Some(Value::YearRange(y, b)), kind: DateKind::Range });
        }
        Some(Found { first, last, prefix_chars: pre, value: Some(Value::Year(y)), kind: DateKind::Absolute })
    }

    /// `بين 1989 و2003` at `i` (`بين`).
    fn years_between(&self, i: usize, prefix: u8) -> Option<Found> {
        let a = self.next(i)?;
        let (y1, l1, _) = self.year_number(a)?;
        let and = self.next(l1)?;
        if !self.key_is(and, &self.words().roles.and) || self.doc.kind(and + 1) != TokenKind::Number {
            return None;
        }
        let (y2, l2, _) = self.year_number(and + 1)?;
        if !(Self::plausible_gregorian_year(y1) && Self::plausible_gregorian_year(y2) && y1 < y2) {
            return None;
        }
        Some(Found { first: i, last: l2, prefix_chars: prefix, value: Some(Value::YearRange(y1, y2)), kind: DateKind::Range })
    }

    /// Whether the number `y` at `num_tok`, with no cue of its own, is a
    /// year: a cue word before it (`منذ 2011`), a glued `و` (`2002 و2006`)
    /// or a calendar marker, and nothing that makes it a count or a number
    /// (`القرار 2254`).
    fn bare_number_is_year(&self, num_tok: usize, y: i32, marker: Option<Calendar>) -> bool {
        let doc = self.doc;
        let w = self.words();
        let prev = doc.prev_non_space(num_tok);
        let prev_key = prev.filter(|&p| doc.tokens[p].is_word()).map(|p| doc.key(p));
        if prev_key.is_some_and(|k| w.not_year_before.contains(k)) {
            return false;
        }
        let glued_wa = num_tok > 0 && doc.kind(num_tok - 1) == TokenKind::Word && w.roles.and.is(doc.key(num_tok - 1));
        let prev_cue = prev.filter(|&p| doc.tokens[p].is_word()).map(|p| self.key_np(p).0);
        let in_text = prev_cue.as_deref().is_some_and(|k| w.year_cues_in_text.contains(k));
        let cued = in_text || prev_cue.as_deref().is_some_and(|k| w.year_cues.contains(k));
        if !(cued || glued_wa || marker.is_some()) {
            return false;
        }
        // a weak cue (`في 1200 قرية`, `بعد 1500 متر`) needs a modern year
        let strong = in_text || marker.is_some();
        strong || MODERN_YEARS.contains(&y)
    }

    /// A year in words after the cue at `i`: `عام مائتين وسبعة وستين`, `في
    /// ألف وسبعمائة …`. A strong cue (`عام`, not `في`) is part of the date
    /// and admits earlier years.
    pub(super) fn year_in_words(&self, i: usize, strong: bool, cue_prefix: u8) -> Option<Found> {
        let n = self.next(i)?;
        let (y, l) = numbers::number_words(self.doc, n)?;
        if !((strong && YEARS_AFTER_STRONG_CUE.contains(&y)) || GREGORIAN_YEARS.contains(&(y as i32))) {
            return None;
        }
        let (first, pre) = if strong { (i, cue_prefix) } else { (n, 0) };
        Some(Found { first, last: l, prefix_chars: pre, value: Some(Value::Year(y as i32)), kind: DateKind::Absolute })
    }
}
