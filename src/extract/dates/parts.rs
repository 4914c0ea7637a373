//! Building blocks of the patterns: a day, a month name, a year number,
//! a calendar marker, a modifier (`الماضي`), the year after a month.

use super::numbers;
use super::tense::{dir_offset, Direction};
use super::years::YearRef;
use super::{ARABIC_COMMA, DateScanner, Day, DAYS, GREGORIAN_YEARS, HIJRI_YEARS};
use crate::lexicon::{Calendar, MonthInfo};
use crate::tokenizer::{clitics, TokenKind};

impl<'a> DateScanner<'_, 'a> {
    /// [`DateScanner::day_at`] computed.
    pub(super) fn read_day(&self, i: usize) -> Option<Day> {
        let t = self.doc.tokens.get(i)?;
        if t.kind == TokenKind::Number {
            let k = self.key(i);
            if k.len() <= 2 {
                let d: u32 = k.parse().ok()?;
                return DAYS.contains(&d).then_some((d, i, 0, false));
            }
            return None;
        }
        let m = self.doc.phrase_at(&self.doc.lex.ordinals, i)?;
        Some((*m.value as u32, m.last, m.prefix_chars, true))
    }

    /// A month name (with its paired form): (info, last token, prefix chars).
    pub(super) fn month_at(&self, i: usize) -> Option<(MonthInfo, usize, u8)> {
        let m = self.doc.phrase_at(&self.doc.lex.months, i)?;
        let info = *m.value;
        let mut last = m.last;
        let mut ambiguous = info.ambiguous;
        // Paired name: `تموز/يوليو`, `مايو/ أيار`, `يوليو (تموز)`, `يوليو تموز`.
        let mut j = last;
        let mut paren = false;
        if let Some((p, c)) = self.next_punct(j) {
            if matches!(c, '/' | '-' | '–' | '(' | ARABIC_COMMA | ',') {
                paren = c == '(';
                j = p;
            }
        }
        if let Some(k) = self.doc.next_non_space(j) {
            if let Some(m2) = self.doc.phrase_at(&self.doc.lex.months, k) {
                let comma = matches!(self.doc.punct(j), Some(ARABIC_COMMA | ','));
                if m2.value.month == info.month && m2.value.calendar == info.calendar && !comma {
                    last = m2.last;
                    ambiguous = false;
                    if paren {
                        if let Some((p, ')')) = self.next_punct(last) {
                            last = p;
                        }
                    }
                }
            }
        }
        Some((MonthInfo { ambiguous, ..info }, last, m.prefix_chars))
    }

    /// A year number after token `i`'s position (the token itself): 3–4
    /// digits; returns (year, last token, hijri marker seen).
    pub(super) fn year_number(&self, i: usize) -> Option<(i32, usize, Option<Calendar>)> {
        let t = self.doc.tokens.get(i)?;
        if t.kind != TokenKind::Number {
            return None;
        }
        let k = self.key(i);
        if !(3..=4).contains(&k.len()) {
            return None;
        }
        let y: i32 = k.parse().ok()?;
        let (marker, last) = self.calendar_marker(i);
        Some((y, last, marker))
    }

    /// `هـ`/`ه` or `م` right after a year (glued or spaced).
    pub(super) fn calendar_marker(&self, i: usize) -> (Option<Calendar>, usize) {
        let j = match self.doc.tokens.get(i + 1) {
            Some(t) if t.kind == TokenKind::Word => i + 1,
            Some(t) if t.kind == TokenKind::Space => match self.next(i) {
                Some(j) => j,
                None => return (None, i),
            },
            _ => return (None, i),
        };
        let k = self.key(j);
        let cal = self.words().calendar_markers.get(k);
        match cal {
            Some(c) => {
                // `هـ.` keeps its period out of the date
                (Some(c), j)
            }
            None => (None, i),
        }
    }

    #[inline]
    pub(super) fn plausible_gregorian_year(y: i32) -> bool {
        GREGORIAN_YEARS.contains(&y)
    }

    #[inline]
    pub(super) fn plausible_hijri_year(y: i32) -> bool {
        HIJRI_YEARS.contains(&y)
    }

    /// A modifier after a date: direction and last token.
    pub(super) fn modifier(&self, i: usize) -> Option<(Direction, usize)> {
        let j = self.next(i)?;
        let d = self.words().modifiers.get(self.key(j))?;
        Some((d, j))
    }

    /// `من عام 2005`, `عام 2018`, `2017`, `من هذا العام` after a month.
    pub(super) fn year_after(&self, i: usize) -> Option<(YearRef, usize)> {
        let doc = self.doc;
        let mut j = doc.next_non_space(i)?;
        // `فبراير ، ألفان وثمانية عشر`, `سبتمبر10, ألف وتسعمائة`
        let comma = matches!(doc.punct(j), Some(ARABIC_COMMA | ','));
        if comma {
            j = doc.next_non_space(j)?;
        }
        if !doc.tokens[j].is_wordlike() {
            return None;
        }
        let w = self.words();
        if self.key_is(j, &w.roles.from) || self.key_is(j, &w.roles.in_) {
            j = self.next(j)?;
        }
        let (cue_key, _) = self.key_np(j);
        if w.year_words.contains(&cue_key) {
            let cue = j;
            // `آذار من العام المقبل`, `السنة القادمة`
            if let Some((dir, l)) = self.modifier(cue).filter(|_| clitics::has_article(&*cue_key)) {
                return Some((YearRef::Relative(dir_offset(dir)), l));
            }
            j = self.next(j)?;
        }
        if let Some((y, l)) = numbers::number_words(doc, j).filter(|&(y, _)| GREGORIAN_YEARS.contains(&(y as i32))) {
            return Some((YearRef::Explicit(y as i32, None), l));
        }
        if comma && doc.kind(j) != TokenKind::Number {
            return None;
        }
        if w.this.contains(self.key(j)) {
            let k = self.next(j)?;
            if w.the_year_words.contains(self.key(k)) {
                // `من هذا العام 1439هـ`
                if let Some(n) = self.next(k) {
                    if let Some((y, last, cal)) = self.year_number(n) {
                        return Some((YearRef::Explicit(y, cal), last));
                    }
                }
                return Some((YearRef::ThisYear, k));
            }
            return None;
        }
        let (y, last, cal) = self.year_number(j)?;
        Some((YearRef::Explicit(y, cal), last))
    }
}
