//! Dates: every mention of a calendar date, resolved to ISO 8601.
//!
//! Token patterns, tried at each word:
//! - day (number or ordinal word), optional range, optional `من`, month
//!   (any naming system, paired forms `تموز/يوليو`), optional year and
//!   `الماضي`/`المقبل`;
//! - month alone with a year, a modifier or a cue (`شهر`, `في`, `مطلع`);
//! - years after a cue (`عام 2015`, `في 2011`, `1436 هـ`); a four-digit
//!   number without a cue (`القرار 2254`) is not a year;
//! - numeric dates (`10/7/2018`, `١٢/١٠/١٤٣٦ه`, `2018-07-10`), day first;
//! - relative words (`اليوم`, `أمس`, `غدا`, `أول أمس`, `بعد غد`) with an
//!   optional weekday, weekdays (`يوم الخميس`, `الأحد المقبل`), and
//!   `الشهر الماضي`, `العام المقبل`, `هذا العام`.
//!
//! Relative dates resolve against the reference date; without one their
//! value is `null`. A day and month without a year take the story's own year
//! when its text gives one (`context.rs`). Hijri dates are converted with the
//! Umm al-Qura calendar. `dateline.rs` reads the article's own date for
//! `--reference-date auto`.
//!
//! Where things are: this file drives the scan ([`extract`], `match_at`:
//! the patterns in order, each behind its gate); `gates.rs` says which
//! patterns a token can open (the cheap "applies here?" tests) and
//! `memo.rs` remembers what the patterns ask again; each pattern family
//! has its file (`numeric`, `ranges`, `day_led`, `month_led`, `relative`,
//! `weekdays`, `nth_weekday` (with the week of a month), `offset`, `years`),
//! built from the blocks of
//! `parts.rs` (a day, a month, a year, a modifier) and resolved by
//! `resolve.rs`, `calendar.rs` and `tense.rs`; `value.rs` writes ISO 8601.
//! The words the rules name are in `data/words/dates.tsv` (read by
//! `words.rs`), the clitics they peel are `tokenizer::clitics`' business.
//! A new pattern: a method in its family's file, a gate in `Openers` and
//! a line in `match_gated` and `match_ungated` (debug builds check the gate
//! never turns a date away).

use super::doc::{Doc, TokenLex};
use crate::lexicon::Calendar;
use crate::record::{DateCalendar, DateKind, DateMention, Granularity};
use crate::tokenizer::{clitics, Token, TokenKind};
use chrono::{Datelike, NaiveDate};
use gates::Openers;
use std::cell::Cell;
use std::ops::RangeInclusive;
use value::Value;

mod calendar;
mod context;
mod dateline;
mod day_led;
mod gates;
mod memo;
mod month_led;
mod nth_weekday;
mod numeric;
mod offset;
mod parts;
mod ranges;
mod relative;
mod resolve;
mod tense;
mod value;
mod weekdays;
mod words;
mod years;

#[cfg(test)]
mod tests;

pub use dateline::dateline_date;
pub use memo::Memo;
pub use words::Words;
use super::numbers;

// (a number after the decimal separator `٫` is no day)
use crate::tokenizer::{ARABIC_COMMA, ARABIC_DECIMAL};

/// The days of a month, as numbered.
const DAYS: RangeInclusive<u32> = 1..=31;
/// The months of a year, as numbered.
const MONTHS: RangeInclusive<u32> = 1..=12;
/// The Gregorian years a date in the news may name.
const GREGORIAN_YEARS: RangeInclusive<i32> = 1000..=2200;
/// The Hijri years a date in the news may name (and that are converted).
const HIJRI_YEARS: RangeInclusive<i32> = 1300..=1600;

/// A day of the month read at a token: (day, last token, prefix chars,
/// is_ordinal).
type Day = (u32, usize, u8, bool);

/// A date found: its tokens and value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Found {
    first: usize,
    last: usize,
    prefix_chars: u8,
    /// `None`: relative and no reference date (or unresolvable).
    value: Option<Value>,
    kind: DateKind,
}

/// Extracts date mentions from `doc` into `out`, in text order.
pub fn extract(doc: &Doc, reference: Option<NaiveDate>, memo: &Memo, out: &mut Vec<DateMention>) {
    let mut s = DateScanner::new(doc, reference, memo);
    // patterns are tried only where a date can begin: a number or a cue
    // (only words carry the trigger: no test of the kind for it)
    let may_begin = |t: &Token, ids: &TokenLex| {
        debug_assert!(!ids.date_trigger() || t.kind == TokenKind::Word, "date trigger on a non-word");
        ids.date_trigger() || t.kind == TokenKind::Number
    };
    // (a plain indexed loop: the zipped iterator's `position` costs about
    // twice the instructions a token on this scan over every token)
    let (tokens, ids) = (doc.tokens, doc.ids);
    let n = tokens.len().min(ids.len());
    let mut i = 0;
    while i < n {
        if !may_begin(&tokens[i], &ids[i]) {
            i += 1;
            continue;
        }
        match s.match_at(i) {
            Some(f) => {
                let range = doc.byte_range(f.first, f.last, f.prefix_chars);
                if let Some(Value::Day(d) | Value::DayRange(d, _)) = f.value {
                    s.last_month = Some((d.year(), d.month()));
                }
                let granularity = f.value.map(Value::granularity).unwrap_or_else(|| granularity_of(doc, f.first, f.last));
                // the day named, known or not (`الجمعة` without a reference)
                match f.value {
                    Some(Value::Day(d)) => s.last_day.set(Some(Some(d))),
                    None if granularity == Granularity::Day && f.kind != DateKind::Range => s.last_day.set(Some(None)),
                    _ => {}
                }
                if let Some(Value::Month(y, m)) = f.value {
                    s.last_month = Some((y, m));
                }
                let sentence = doc.sentence_of(f.first);
                let paragraph = doc.toks.sentences.get(sentence).map_or(0, |s| s.paragraph());
                let context = f.value.filter(|_| s.dates_the_story(f.first)).and_then(|v| context::ContextYear::of(v, f.kind, names_a_year(doc, f.first, f.last), sentence, paragraph));
                if let Some(c) = context {
                    s.context_any.set(Some(c));
                    if s.lead.get().is_none() && c.sentence < context::LEAD_SENTENCES {
                        s.lead.set(Some(c));
                    }
                    if c.full {
                        s.context.set(Some(c));
                    }
                }
                // a range is relative when it names no year (`في 10 و11
                // آب`): its value, or its null, comes from the reference date
                let relative = f.kind == DateKind::Relative || (f.kind == DateKind::Range && !names_a_year(doc, f.first, f.last));
                let relative_to = relative.then(|| if doc.words.dates.points_back(doc.key(f.last)) { "previous_date" } else { "reference_date" });
                out.push(DateMention {
                    text: doc.text[range].to_string(),
                    value: f.value.and_then(Value::printable_iso),
                    kind: f.kind,
                    span: doc.span(f.first, f.last, f.prefix_chars),
                    calendar: calendar_of(doc, f.first, f.last),
                    granularity,
                    relative_to,
                });
                i = f.last + 1;
            }
            None => i += 1,
        }
    }
}

struct DateScanner<'d, 'a> {
    doc: &'d Doc<'a>,
    reference: Option<NaiveDate>,
    /// Month of the last full date, for `25 منه` ("the 25th of it").
    last_month: Option<(i32, u32)>,
    /// The last [`DateScanner::key_np`] result with its token: every pattern
    /// tried at a token asks for it again. Only borrowed keys are kept: a
    /// copy, where `لل` → `ال` would clone.
    np_memo: Cell<Option<(usize, &'a str, u8)>>,
    /// The last [`DateScanner::day_at`] result with its token: the day-first
    /// patterns read the day their gate read.
    day_memo: Cell<Option<(usize, Option<Day>)>>,
    /// The token patterns are tried at, with its [`Openers`].
    current: Cell<Option<(usize, Openers)>>,
    /// That token's key.
    current_key: Cell<Option<(usize, &'a str)>>,
    /// What [`DateScanner::tense_at`] read of the last date's sentence.
    tense_memo: Cell<Option<tense::TenseMemo>>,
    /// [`Openers`] of the words seen, kept across texts.
    memo: &'d Memo,
    /// The year of the last full date, for a day and month named without
    /// one (see `context.rs`).
    context: Cell<Option<context::ContextYear>>,
    /// The year of the last absolute mention of any granularity.
    context_any: Cell<Option<context::ContextYear>>,
    /// The year of the story's lead: its first dated mention, when in its
    /// first sentences.
    lead: Cell<Option<context::ContextYear>>,
    /// The last day named, for `اليوم نفسه` ("the same day").
    /// (`Some(None)`: a day was named whose date is unknown.)
    last_day: Cell<Option<Option<NaiveDate>>>,
}

impl<'d, 'a> DateScanner<'d, 'a> {
    fn new(doc: &'d Doc<'a>, reference: Option<NaiveDate>, memo: &'d Memo) -> Self {
        DateScanner { doc, reference, last_month: None, np_memo: Cell::new(None), day_memo: Cell::new(None), current: Cell::new(None), current_key: Cell::new(None), tense_memo: Cell::new(None), memo, context: Cell::new(None), context_any: Cell::new(None), lead: Cell::new(None), last_day: Cell::new(None) }
    }
}

impl<'a> DateScanner<'_, 'a> {
    #[inline]
    fn key(&self, i: usize) -> &'a str {
        match self.current_key.get() {
            Some((at, key)) if at == i => key,
            _ => self.doc.key(i),
        }
    }

    /// The key of token `i` without a leading و/ف conjunction.
    /// (Computed each time: a test of the first two bytes costs less than a
    /// memo.)
    #[inline]
    fn key_nc(&self, i: usize) -> &'a str {
        clitics::without_conjunction(self.key(i), 2)
    }

    /// Whether the key of token `i` is `word`.
    #[inline]
    fn key_is(&self, i: usize, word: &words::Word) -> bool {
        word.is(self.key(i))
    }

    /// The word lists of the rules.
    #[inline]
    fn words(&self) -> &'a Words {
        &self.doc.words.dates
    }

    #[inline]
    fn next(&self, i: usize) -> Option<usize> {
        self.doc.next_word(i)
    }

    /// Next token after `i` skipping spaces; with its punctuation char if any.
    #[inline]
    fn next_punct(&self, i: usize) -> Option<(usize, char)> {
        let j = self.doc.next_non_space(i)?;
        self.doc.punct(j).map(|c| (j, c))
    }

    /// Tries the patterns at token `i` in turn; the first that matches wins.
    ///
    /// Most tokens tried begin no date (`في`, `من`, a count), so a pattern
    /// is tried only where its first word can stand (see [`Openers`]); a
    /// day-first pattern only where a day follows its opening word.
    fn match_at(&self, i: usize) -> Option<Found> {
        let found = self.match_gated(i);
        // the guards must never turn away a date: debug builds (and so the
        // test suite) try every pattern as well and compare
        debug_assert_eq!(found, self.match_ungated(i), "date guards at token {i}");
        found
    }

    /// [`DateScanner::match_at`] with every pattern tried, unguarded.
    fn match_ungated(&self, i: usize) -> Option<Found> {
        self.numeric_date(i)
            .or_else(|| self.cross_month_range(i))
            .or_else(|| self.day_led(i))
            .or_else(|| self.month_led(i))
            .or_else(|| self.relative_word(i))
            .or_else(|| self.relative_period(i))
            .or_else(|| self.nth_weekday(i))
            .or_else(|| self.week_of_month(i))
            .or_else(|| self.week_weekday(i))
            .or_else(|| self.holiday(i))
            .or_else(|| self.weekday(i))
            .or_else(|| self.offset(i))
            .or_else(|| self.year_led(i))
    }

    fn match_gated(&self, i: usize) -> Option<Found> {
        let number = self.doc.kind(i) == TokenKind::Number;
        // every pattern reads the key of this token, most more than once
        self.current_key.set(Some((i, self.doc.key(i))));
        let opens = self.openers(i);
        self.current.set(Some((i, opens)));
        let opens_day = (number || opens.range || opens.ordinal) && self.day_token(i).is_some();
        when(number, || self.numeric_date(i))
            .or_else(|| when(opens_day, || self.cross_month_range(i)))
            .or_else(|| when(opens_day, || self.day_led(i)))
            .or_else(|| when(opens.month, || self.month_led(i)))
            .or_else(|| when(opens.relative_word, || self.relative_word(i)))
            .or_else(|| when(opens.period, || self.relative_period(i)))
            .or_else(|| when(opens.nth_weekday, || self.nth_weekday(i)))
            .or_else(|| when(opens.week_weekday, || self.week_of_month(i)))
            .or_else(|| when(opens.week_weekday, || self.week_weekday(i)))
            .or_else(|| when(opens.holiday, || self.holiday(i)))
            .or_else(|| when(opens.weekday, || self.weekday(i)))
            .or_else(|| when(number || opens.offset, || self.offset(i)))
            .or_else(|| when(number || opens.year, || self.year_led(i)))
    }
}

/// `f()` when `cond` holds, else `None`.
fn when(cond: bool, f: impl FnOnce() -> Option<Found>) -> Option<Found> {
    if cond {
        f()
    } else {
        None
    }
}

/// Whether the tokens `first..=last` hold a year in digits (three or four).
fn names_a_year(doc: &Doc, first: usize, last: usize) -> bool {
    (first..=last).any(|t| doc.kind(t) == TokenKind::Number && doc.key(t).len() >= 3)
}

/// Hijri when the mention has a Hijri month name or an `هـ` marker.
fn calendar_of(doc: &Doc, first: usize, last: usize) -> DateCalendar {
    let hijri = (first..=last).any(|t| {
        doc.tokens[t].is_word()
            && (doc.words.dates.calendar_markers.get(doc.key(t)) == Some(Calendar::Hijri)
                || doc.phrase_at(&doc.lex.months, t).is_some_and(|m| m.value.calendar == Calendar::Hijri))
    });
    if hijri {
        DateCalendar::Hijri
    } else {
        DateCalendar::Gregorian
    }
}

/// Granularity of a mention whose value is unknown (no reference date):
/// a day when it names one (a weekday, a day number, `أمس`), else a month
/// when it names one, else a year.
fn granularity_of(doc: &Doc, first: usize, last: usize) -> Granularity {
    let day = (first..=last).any(|t| {
        doc.word(t).is_some_and(|(w, _)| w.weekday.is_some())
            || doc.number(t).is_some_and(|n| n <= 31)
            || doc.words.dates.day_words.contains(doc.key(t))
            || doc.phrase_at(&doc.lex.ordinals, t).is_some()
    });
    if day {
        return Granularity::Day;
    }
    let month = (first..=last).any(|t| doc.phrase_at(&doc.lex.months, t).is_some() || doc.words.dates.roles.the_month.ends(doc.key(t)));
    if month {
        Granularity::Month
    } else {
        Granularity::Year
    }
}
