//! Which way an un-yeared date points: the tense of its clause.

use super::DateScanner;

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
        let start = doc.toks.sentences[doc.sentence_of(i)].tokens.start;
        for j in (start..i).rev() {
            if !doc.tokens[j].is_word() {
                continue;
            }
            let k = doc.key(j);
            let k = k.strip_prefix('و').unwrap_or(k);
            // `سأعود`: the hamza tells the future prefix from `ساعة`
            let first_person = doc.surface(j).trim_start_matches('و').starts_with("سأ");
            if first_person || is_future_verb(k) || matches!(k, "سوف" | "المقرر" | "المنتظر" | "المرتقب" | "يعتزم" | "تعتزم" | "يعتزمون") {
                return Direction::FutureOrToday;
            }
        }
        // A date standing alone, outside any clause (`الخميس 15 أغسطس`, a
        // calendar entry, `الموعد يوم الجمعة`), names the coming one.
        let sentence = doc.toks.sentences[doc.sentence_of(i)].tokens.clone();
        let words_before = (sentence.start..i).filter(|&j| doc.tokens[j].is_word()).count();
        let words = sentence.filter(|&j| doc.tokens[j].is_wordlike()).count();
        if words_before <= 1 && words <= 8 {
            return Direction::Future;
        }
        Direction::PastOrToday
    }
}

/// A verb with the future prefix: س + a present-tense prefix + stem
/// (`سيعقد`, `ستجري`, `سنعمل`). Nouns that begin the same way (`سيارة`,
/// `سياسة`, `سيطرته`, `ستاد`) are told apart by their endings and stems.
pub(super) fn is_future_verb(k: &str) -> bool {
    let mut cs = k.chars();
    if cs.next() != Some('س') || !matches!(cs.next(), Some('ي' | 'ت' | 'ن')) {
        return false;
    }
    let n = k.chars().count();
    if !(4..=9).contains(&n) || k.ends_with('ه') || k.ends_with("ها") || k.ends_with("هم") {
        return false;
    }
    const NOUNS: &[&str] = &["سيا", "سيط", "سيد", "سير", "سين", "ستا", "ستو", "سيف", "سيج", "ستر", "سنو", "سنه", "سنت", "ساع", "سال", "سام", "ساح", "سان"];
    !NOUNS.iter().any(|p| k.starts_with(p))
}

pub(super) fn dir_offset(d: Direction) -> i32 {
    match d {
        Direction::Past | Direction::PastOrToday => -1,
        Direction::Future | Direction::FutureOrToday => 1,
        Direction::Current | Direction::Nearest => 0,
    }
}
