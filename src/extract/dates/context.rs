//! The story's own year, for a day and month named without one (`يوم
//! الأربعاء السابع من أغسطس` in a story that dates itself to 2013): such a
//! date is not counted from the publication date but takes the year of the
//! story's dated context.
//!
//! Without a reference date, that context is the year of the last full date
//! written before it in its paragraph or the one before, or of a month and year, a year, or a date that took
//! the story's year, earlier in the same sentence (a bare year of another
//! sentence is often background: `اتهم في 2015`, then `انتخابات 9 مايو` of
//! 2018), or a year later in the same clause (`في 11 أغسطس فعاليات مؤتمر
//! لعام 2013`), or the year of the story's lead (its first dated sentence
//! among the first [`LEAD_SENTENCES`], which dates the story as a dateline
//! does); with none, the date stays `null`. With a reference date, only a full date
//! (day, month and year) of the same or the previous sentence outranks it:
//! a bare year nearby (`رؤية 2030`) says little of a day's year, while the
//! publication date says much.

use super::value::Value;
use super::{DateScanner, ARABIC_COMMA};
use crate::tokenizer::ARABIC_SEMICOLON;
use crate::record::DateKind;
use crate::tokenizer::TokenKind;
use chrono::Datelike;

/// How far a year later in the same sentence is looked for, in tokens: the
/// look is bounded, so that many such dates in one long sentence cost no
/// more than their number.
const LOOKAHEAD_TOKENS: usize = 40;

/// How many lines back a full date still gives its year (a blank line
/// between paragraphs is one).
const FULL_DATE_LINES: usize = 2;

/// The sentences (a headline's included) where the story's lead may give
/// its year.
pub(super) const LEAD_SENTENCES: usize = 3;

/// The year of an absolute mention, with where it was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct ContextYear {
    pub(super) year: i32,
    pub(super) sentence: usize,
    pub(super) paragraph: usize,
    /// A full date (a day of a month of a year) with its year written, not
    /// a year or a month, nor a date whose year was itself the story's.
    pub(super) full: bool,
}

impl ContextYear {
    /// The context an absolute mention gives: its year, when it lies in one.
    pub(super) fn of(value: Value, kind: DateKind, year_written: bool, sentence: usize, paragraph: usize) -> Option<ContextYear> {
        if kind == DateKind::Relative {
            return None;
        }
        let (year, full) = match value {
            Value::Day(d) => (d.year(), true),
            Value::DayRange(a, b) if a.year() == b.year() => (a.year(), true),
            Value::Month(y, _) => (y, false),
            Value::Year(y) => (y, false),
            _ => return None,
        };
        Some(ContextYear { year, sentence, paragraph, full: full && year_written })
    }
}

impl<'a> DateScanner<'_, 'a> {
    /// The year a Gregorian day and month without one takes from the story,
    /// for the date at token `at`; `None`: the reference date (or nothing)
    /// decides.
    pub(super) fn context_year(&self, at: usize) -> Option<i32> {
        let sentence = self.doc.sentence_of(at);
        let (full, any) = (self.context.get(), self.context_any.get());
        if self.reference.is_some() {
            return full.filter(|c| c.sentence + 1 >= sentence).map(|c| c.year);
        }
        let paragraph = self.doc.toks.sentences.get(sentence).map_or(usize::MAX, |s| s.paragraph());
        // a full date of this paragraph or the one before (a digest's other
        // stories stand further back)
        let full = full.filter(|c| c.paragraph + FULL_DATE_LINES >= paragraph);
        let near = any.filter(|c| c.sentence == sentence);
        // the later of the two, when both stand before the date
        let before = match (full, near) {
            (Some(f), Some(n)) => Some(if n.sentence >= f.sentence { n } else { f }),
            (f, n) => f.or(n),
        };
        before
            .map(|c| c.year)
            .or_else(|| self.year_later_in_sentence(at, sentence))
            .or_else(|| self.lead.get().filter(|c| c.sentence < sentence).map(|c| c.year))
    }

    /// Whether the mention opening at `first` may date the story: not a
    /// distant point (`منذ 2002`, "since") or a horizon (`بحلول 2030`).
    pub(super) fn dates_the_story(&self, first: usize) -> bool {
        !self.doc.prev_word(first).is_some_and(|p| self.words().not_story_year_after.contains(self.key_nc(p)))
    }

    /// A year (`عام 2013`, `لعام 2013`, `في 2013`) after token `at` in its
    /// clause, within [`LOOKAHEAD_TOKENS`]: the look stops at a comma, a
    /// bracket or a quote, and at a word that opens a phrase of its own
    /// year (`منذ أول اقتراع في العام 2005`).
    fn year_later_in_sentence(&self, at: usize, sentence: usize) -> Option<i32> {
        let doc = self.doc;
        let w = self.words();
        let end = doc.toks.sentences.get(sentence)?.tokens().end.min(at + LOOKAHEAD_TOKENS);
        let stop = |t: usize| match doc.kind(t) {
            TokenKind::Newline | TokenKind::Quote => true,
            TokenKind::Punct => doc.punct(t).is_some_and(|c| matches!(c, ',' | ARABIC_COMMA | ';' | ARABIC_SEMICOLON | ':' | '(' | ')')),
            TokenKind::Word => w.not_story_year_after.contains(self.key_nc(t)),
            _ => false,
        };
        let end = (at + 1..end).find(|&t| stop(t)).unwrap_or(end);
        (at + 1..end).find_map(|t| {
            let cue = doc.tokens[t].kind == TokenKind::Number || doc.ids[t].date_trigger();
            let found = cue.then(|| self.read_year_led(t)).flatten().filter(|f| self.dates_the_story(f.first))?;
            match found.value? {
                Value::Year(y) => Some(y),
                _ => None,
            }
        })
    }
}
