//! The cheap "applies here?" tests: which patterns a token can open.

use super::DateScanner;
use crate::lexicon::PhraseSet;
use std::borrow::Cow;

/// The patterns a token can begin, as far as its key and lexicon ids tell
/// (a number's own patterns aside): what each pattern checks first. A test
/// may let through a token its pattern then rejects, never the reverse.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Openers {
    /// `من`, `بين`, `ما`: a day-first date or range whose day comes next.
    pub(super) range: bool,
    /// The first word of an ordinal (a day in words).
    pub(super) ordinal: bool,
    pub(super) month: bool,
    pub(super) relative_word: bool,
    pub(super) period: bool,
    pub(super) nth_weekday: bool,
    pub(super) week_weekday: bool,
    pub(super) holiday: bool,
    pub(super) weekday: bool,
    pub(super) offset: bool,
    pub(super) year: bool,
    /// `في`: of the year patterns only a year in words can follow it.
    pub(super) year_in_words_only: bool,
    /// What [`DateScanner::key_np`] strips from the key: bytes and code
    /// points (`None` when it rewrites `لل` as `ال`). The patterns tried at
    /// a cue word ask for it again and again.
    pub(super) np_strip: Option<(u8, u8)>,
}

impl Openers {
    /// A token that opens no word pattern and has no clitic: a number.
    pub(super) const NONE: Openers = Openers {
        range: false,
        ordinal: false,
        month: false,
        relative_word: false,
        period: false,
        nth_weekday: false,
        week_weekday: false,
        holiday: false,
        weekday: false,
        offset: false,
        year: false,
        year_in_words_only: false,
        np_strip: Some((0, 0)),
    };
}

impl<'a> DateScanner<'_, 'a> {
    /// [`Openers`] computed: each test is what its pattern checks first.
    pub(super) fn read_openers(&self, i: usize) -> Openers {
        let doc = self.doc;
        let key = self.key(i);
        let key_nc = self.key_nc(i);
        let (key_np, np_chars) = self.key_np(i);
        let np_strip = match key_np {
            Cow::Borrowed(rest) => Some(((key.len() - rest.len()) as u8, np_chars)),
            Cow::Owned(_) => None,
        };
        let key_np = key_np.as_ref();
        let full_weekday = doc.word_full(i).is_some_and(|w| w.weekday.is_some());
        let w = self.words();
        let r = &w.roles;
        Openers {
            range: w.range_openers.contains(key_nc),
            ordinal: self.may_start(&doc.lex.ordinals, i),
            month: w.month_openers.contains(key) || self.may_start(&doc.lex.months, i),
            relative_word: w.relative_words.contains(key_np),
            period: w.period_openers.contains(key_np),
            nth_weekday: full_weekday || w.nth_before.get(key).is_some() || r.today.is(key),
            week_weekday: full_weekday || r.day.is(key) || r.this.is(key) || r.week.is(key_np),
            holiday: self.may_start(&doc.lex.holidays, i),
            weekday: r.day.is(key_nc) || doc.word(i).is_some_and(|(w, _)| w.weekday.is_some()),
            offset: w.offset_signs.get(key_np).is_some() || self.may_start(&doc.lex.time_units, i),
            year: r.between.is(key_nc) || w.year_openers.contains(key_np),
            year_in_words_only: r.in_.is(key_np),
            np_strip,
        }
    }

    /// Whether an entry of `set` can begin at token `i`, read whole or as a
    /// stem: the test [`Doc::phrase_at`] makes before it walks.
    pub(super) fn may_start<T>(&self, set: &PhraseSet<T>, i: usize) -> bool {
        let ids = self.doc.ids[i];
        set.can_start(ids.full()) || set.can_start(ids.stem())
    }

    /// The token of the first day of a day-first date or range starting at
    /// `i`: `i` itself, or the word after an opening `من`, `بين`, `ما بين`;
    /// `None` when that token is no day.
    pub(super) fn day_token(&self, i: usize) -> Option<usize> {
        let r = &self.words().roles;
        let k = self.key_nc(i);
        let day_tok = if r.from.is(k) || r.between.is(k) {
            self.next(i)?
        } else if r.what.is(k) {
            self.next(self.next(i).filter(|&j| self.key_is(j, &r.between))?)?
        } else {
            i
        };
        self.day_at(day_tok).map(|_| day_tok)
    }
}
