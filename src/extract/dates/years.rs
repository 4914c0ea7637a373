//! Years: `عام 2015`, `في 2011`, `1436 هـ`, `بين 1989 و2003`, `عام ألفين`.

use super::calendar::{hijri_to_gregorian, hijri_year_end};
use super::numbers;
use super::value::Value;
use super::{DateScanner, Found, GREGORIAN_YEARS};
use crate::lexicon::Calendar;
use crate::record::DateKind;
use super::ARABIC_COMMA;
use crate::tokenizer::{clitics, TokenKind};

/// The years in words a strong cue (`عام`, part of the date) admits.
const YEARS_AFTER_STRONG_CUE: std::ops::RangeInclusive<u32> = 100..=2200;

/// The years a number after a weak cue (`في`, `بعد`) may be.
const MODERN_YEARS: std::ops::RangeInclusive<i32> = 1800..=2100;

/// The years before [`MODERN_YEARS`] a number after a weak cue may be, when
/// its clause ends after it.
const OLD_YEARS: std::ops::RangeInclusive<i32> = 1000..=1799;

/// The Hijri years of the news (`منذ 1405 حتى وفاته`): without a calendar
/// marker, such a number is no Gregorian year of [`OLD_YEARS`].
const HIJRI_LOOKING: std::ops::RangeInclusive<i32> = 1300..=1460;

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
        if first == num_tok {
            if let Some(range) = self.from_year_to_year(num_tok, y) {
                return Some(range);
            }
        }
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

    /// `بين 1989 و2003`, `بين عامي 2000 و2005`, `بين 1555 و 1865` at `i`
    /// (`بين`): one range. The year noun may stand before either year.
    fn years_between(&self, i: usize, prefix: u8) -> Option<Found> {
        let w = self.words();
        let past_year_noun = |j: usize| -> Option<usize> {
            if w.year_cues_in_text.contains(self.key_nc(j)) {
                self.next(j)
            } else {
                Some(j)
            }
        };
        let after_between = self.next(i)?;
        let a = past_year_noun(after_between)?;
        let (y1, l1, _) = self.year_number(a)?;
        let and = self.next(l1)?;
        let and_year_noun = self.key(and) != self.key_nc(and) && w.year_cues_in_text.contains(self.key_nc(and));
        if !w.roles.and.is(self.key(and)) && !and_year_noun {
            return None;
        }
        // `و2005` (glued), `و 2005`, `وعام 2005`
        let b = if self.doc.kind(and + 1) == TokenKind::Number {
            and + 1
        } else {
            self.next(and)?
        };
        let (y2, l2, marker) = self.year_number(b)?;
        if !(Self::plausible_gregorian_year(y1) && Self::plausible_gregorian_year(y2) && y1 < y2) {
            return None;
        }
        // without a year noun, amounts look alike (`بين 1500 و2000 دولار`):
        // older years need a calendar marker or the clause's end after them
        let year_noun = a != after_between || and_year_noun;
        let years = year_noun || (MODERN_YEARS.contains(&y1) && MODERN_YEARS.contains(&y2)) || marker.is_some() || self.clause_ends_after(l2);
        years.then_some(Found { first: i, last: l2, prefix_chars: prefix, value: Some(Value::YearRange(y1, y2)), kind: DateKind::Range })
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
        // `2002 و2006`, not `1500 و2000 زائر` (the number before is a count)
        let glued_wa = num_tok > 0
            && doc.kind(num_tok - 1) == TokenKind::Word
            && w.roles.and.is(doc.key(num_tok - 1))
            && !doc.prev_non_space(num_tok - 1).is_some_and(|p| doc.kind(p) == TokenKind::Number && doc.number(p).is_none_or(|n| !MODERN_YEARS.contains(&(n as i32))));
        let prev_cue = prev.filter(|&p| doc.tokens[p].is_word()).map(|p| self.key_np(p).0);
        let in_text = prev_cue.as_deref().is_some_and(|k| w.year_cues_in_text.contains(k));
        // `من 2018،`, `اعتبارا من 2019.`: a modern year that closes its
        // clause (`أكثر من 2000 شخص` is a count)
        let from_year = prev.is_some_and(|p| doc.tokens[p].is_word() && w.roles.from.is(self.key_nc(p)))
            && MODERN_YEARS.contains(&y)
            && doc.key(num_tok).len() == 4
            && self.clause_ends_after(num_tok);
        let cued = in_text || prev_cue.as_deref().is_some_and(|k| w.year_cues.contains(k)) || self.dates_back_to(prev) || from_year;
        if !(cued || glued_wa || marker.is_some()) {
            return self.first_of_year_pair(num_tok, y);
        }
        // a weak cue (`في 1200 قرية`, `بعد 1500 متر`) needs a modern year,
        // or an older one that closes its clause (`في 1789،`, `في 1789 بعد`)
        let strong = in_text || marker.is_some();
        strong || MODERN_YEARS.contains(&y) || (OLD_YEARS.contains(&y) && !HIJRI_LOOKING.contains(&y) && self.clause_ends_after(num_tok))
    }

    /// `من 2013 إلى 2016`, `من 2010 وحتى 2014` at the first year (`من`
    /// itself opens no pattern: it is too common a word to try at): one
    /// range of modern years.
    fn from_year_to_year(&self, num_tok: usize, y: i32) -> Option<Found> {
        let doc = self.doc;
        let w = self.words();
        if !MODERN_YEARS.contains(&y) || doc.key(num_tok).len() != 4 {
            return None;
        }
        doc.prev_word(num_tok).filter(|&p| w.roles.from.is(self.key_nc(p)))?;
        let to = self.next(num_tok).filter(|&t| w.month_range_joiners.contains(self.key(t)))?;
        let b = self.next(to)?;
        let (y2, last, _) = self.year_number(b)?;
        // amounts look alike (`من 2010 إلى 2050 نقطة`): the clause ends
        // after the second year, or a place follows (`في نيوزيلندا`)
        let ends = self.clause_ends_after(last) || self.next(last).is_some_and(|n| w.roles.in_.is(self.key(n)));
        (MODERN_YEARS.contains(&y2) && y2 > y && doc.key(b).len() == 4 && ends)
            .then_some(Found { first: num_tok, last, prefix_chars: 0, value: Some(Value::YearRange(y, y2)), kind: DateKind::Range })
    }

    /// Whether token `p` is the `إلى` of `يعود إلى` ("dates back to").
    fn dates_back_to(&self, p: Option<usize>) -> bool {
        let w = self.words();
        p.filter(|&p| self.doc.tokens[p].is_word() && w.dates_back_to.contains(self.doc.key(p)))
            .and_then(|p| self.doc.prev_word(p))
            .is_some_and(|v| w.dates_back_verbs.contains(self.key_nc(v)))
    }

    /// `2020 و2025`: a modern number with no cue is a year when a later
    /// modern year is glued to it by `و` (counts in pairs differ in size:
    /// `1500 و2000 دولار` fails the range test).
    fn first_of_year_pair(&self, num_tok: usize, y: i32) -> bool {
        let doc = self.doc;
        if !MODERN_YEARS.contains(&y) || doc.key(num_tok).len() != 4 {
            return false;
        }
        let Some(and) = self.next(num_tok).filter(|&a| doc.kind(a) == TokenKind::Word && self.words().roles.and.is(doc.key(a))) else {
            return false;
        };
        doc.kind(and + 1) == TokenKind::Number
            && doc.key(and + 1).len() == 4
            && doc.number(and + 1).is_some_and(|y2| MODERN_YEARS.contains(&(y2 as i32)) && y2 as i32 > y)
    }

    /// Whether the clause ends after the number at `num_tok`: punctuation,
    /// or a word that opens the next clause (`بعد`, `عندما`, `ويسمح`), not
    /// the noun a count would take (`1200 قرية`).
    fn clause_ends_after(&self, num_tok: usize) -> bool {
        let doc = self.doc;
        let Some(n) = doc.next_non_space(num_tok) else { return true };
        match doc.kind(n) {
            TokenKind::Newline => true,
            TokenKind::Punct => doc.punct(n).is_some_and(|c| matches!(c, '.' | ',' | ARABIC_COMMA | ';' | ')')),
            TokenKind::Word => {
                let k = doc.key(n);
                let w = self.words();
                // a glued `و` opens the next clause (`1789 ويسمح`)
                w.clause_openers.contains(k) || k.len() != clitics::without_conjunction(k, 3).len()
            }
            _ => false,
        }
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
