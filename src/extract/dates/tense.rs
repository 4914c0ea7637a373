//! Which way an un-yeared date points: the tense of its clause.

use super::words::Words;
use super::DateScanner;
use crate::lexicon::Tense;
use crate::tokenizer::clitics;

/// Direction a relative expression points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Direction {
    /// `الماضي`: strictly before the reference date.
    Past,
    /// A past-tense clause: the most recent such day, today included.
    PastOrToday,
    /// A future-tense clause: the next such day, today included.
    FutureOrToday,
    Future,
    Current,
    Nearest,
}

impl<'a> DateScanner<'_, 'a> {
    /// The direction an un-yeared date points to: the future when its clause
    /// is in the future tense, else the nearest.
    pub(super) fn tense_direction(&self, i: usize) -> Direction {
        match self.tense_at(i) {
            Direction::Future | Direction::FutureOrToday => Direction::Future,
            _ => Direction::Nearest,
        }
    }

    /// Whether the clause before token `i` speaks of the future: a verb with
    /// the future prefix س (`سيعقد`, `ستجري`), `سوف`, `من المقرر`, `يعتزم`.
    /// News reports the past otherwise. Only the words before the date in
    /// its sentence count: a quote after it (`قال الإثنين إن ... ستستأنف`)
    /// has its own tense.
    pub(super) fn tense_at(&self, i: usize) -> Direction {
        let doc = self.doc;
        let w = self.words();
        let sentence_idx = doc.sentence_of(i);
        let sentence = doc.toks.sentences[sentence_idx].tokens();
        // what earlier dates of the sentence read of it is kept (a sentence
        // of many dates is read once, not once per date)
        let mut m = match self.tense_memo.get() {
            Some(m) if m.sentence == sentence_idx => m,
            _ => TenseMemo { sentence: sentence_idx, scanned: sentence.start, future: None, second_word: None, words: None, past_scanned: sentence.start, past_after_future: None },
        };
        // the first future word of the sentence, read up to `i`
        if m.future.is_none() && m.scanned < i {
            for j in m.scanned..i {
                if !doc.tokens[j].is_word() {
                    continue;
                }
                let k = doc.key(j);
                let k = clitics::without_wa(k);
                // `سأعود`: the hamza tells the future prefix from `ساعة`
                let first_person = clitics::has_first_person_future_prefix_after_wa(doc.surface(j));
                if first_person || is_future_verb(w, k) || w.future_words.contains(k) {
                    m.future = Some(j);
                    break;
                }
            }
            m.scanned = m.future.map_or(i, |f| f + 1);
        }
        // a past verb of saying after the future word and before the date
        // (`ستبقى … قالت ميركل يوم الأحد`) puts the date in the past
        if let Some(f) = m.future.filter(|&f| f < i) {
            for j in m.past_scanned.max(f + 1)..i {
                let past = doc.word(j).and_then(|(w, _)| w.verb).is_some_and(|v| v.tense == Tense::Past && !v.ambiguous);
                if past {
                    m.past_after_future = Some(j);
                }
            }
            m.past_scanned = m.past_scanned.max(i);
        }
        let direction = if m.future.is_some_and(|f| f < i) && !m.past_after_future.is_some_and(|p| p < i) {
            Direction::FutureOrToday
        } else {
            // A date standing alone, outside any clause (`الخميس 15 أغسطس`, a
            // calendar entry, `الموعد يوم الجمعة`), names the coming one.
            let second_word = *m.second_word.get_or_insert_with(|| sentence.clone().filter(|&j| doc.tokens[j].is_word()).nth(1).unwrap_or(usize::MAX));
            // (at most one word before the date: the second is not before it)
            let words_before_at_most_one = second_word >= i;
            if words_before_at_most_one && *m.words.get_or_insert_with(|| sentence.clone().filter(|&j| doc.tokens[j].is_wordlike()).take(CALENDAR_ENTRY_WORDS + 1).count()) <= CALENDAR_ENTRY_WORDS {
                Direction::Future
            } else {
                Direction::PastOrToday
            }
        };
        self.tense_memo.set(Some(m));
        direction
    }
}

/// What [`DateScanner::tense_at`] read of one sentence, for the next date
/// in it: a sentence of thousands of dates would be read again for each.
#[derive(Debug, Clone, Copy)]
pub(super) struct TenseMemo {
    sentence: usize,
    /// Tokens `start..scanned` were read for a future word.
    scanned: usize,
    /// The first future word of the sentence, once read.
    future: Option<usize>,
    /// The sentence's second word (`usize::MAX`: none).
    second_word: Option<usize>,
    /// Its word-like tokens, counted up to one past a calendar entry's.
    words: Option<usize>,
    /// Tokens up to this one were read for a past verb of saying.
    past_scanned: usize,
    /// The last past verb of saying after the future word, once read.
    past_after_future: Option<usize>,
}

/// The words of a sentence that is a calendar entry (`الخميس 15 أغسطس`).
const CALENDAR_ENTRY_WORDS: usize = 8;

/// A verb with the future prefix: س + a present-tense prefix + stem
/// (`سيعقد`, `ستجري`, `سنعمل`). Nouns that begin the same way (`سيارة`,
/// `سياسة`, `سيطرته`, `ستاد`) are told apart by their endings and stems.
pub(super) fn is_future_verb(words: &Words, k: &str) -> bool {
    if !clitics::has_future_prefix(k) {
        return false;
    }
    let n = k.chars().count();
    if !FUTURE_VERB_CHARS.contains(&n) || clitics::has_object_pronoun(k) {
        return false;
    }
    !words.future_lookalikes.begins(k)
}

/// The length in characters of a future verb with its prefixes.
const FUTURE_VERB_CHARS: std::ops::RangeInclusive<usize> = 4..=9;

pub(super) fn dir_offset(d: Direction) -> i32 {
    match d {
        Direction::Past | Direction::PastOrToday => -1,
        Direction::Future | Direction::FutureOrToday => 1,
        Direction::Current | Direction::Nearest => 0,
    }
}
