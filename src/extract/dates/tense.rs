//! Which way an un-yeared date points: the tense of its clause.

use super::words::Words;
use super::DateScanner;
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
        let start = doc.toks.sentences[doc.sentence_of(i)].tokens.start;
        for j in (start..i).rev() {
            if !doc.tokens[j].is_word() {
                continue;
            }
            let k = doc.key(j);
            let k = clitics::without_wa(k);
            // `سأعود`: the hamza tells the future prefix from `ساعة`
            let first_person = clitics::has_first_person_future_prefix_after_wa(doc.surface(j));
            if first_person || is_future_verb(w, k) || w.future_words.contains(k) {
                return Direction::FutureOrToday;
            }
        }
        // A date standing alone, outside any clause (`الخميس 15 أغسطس`, a
        // calendar entry, `الموعد يوم الجمعة`), names the coming one.
        let sentence = doc.toks.sentences[doc.sentence_of(i)].tokens.clone();
        let words_before = (sentence.start..i).filter(|&j| doc.tokens[j].is_word()).count();
        let words = sentence.filter(|&j| doc.tokens[j].is_wordlike()).count();
        if words_before <= 1 && words <= CALENDAR_ENTRY_WORDS {
            return Direction::Future;
        }
        Direction::PastOrToday
    }
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
