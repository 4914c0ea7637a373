//! The date extractor's memo layers: the [`Openers`] of cue words across
//! texts, and within a text the last clitic-free key and the last day read
//! (every pattern tried at a token asks for them again).

use super::gates::Openers;
use super::Day;
use crate::tokenizer::{clitics, has_chars};
use std::borrow::Cow;
use super::DateScanner;
use crate::lexicon::{keys, WordId, NO_WORD};
use crate::tokenizer::TokenKind;
use std::cell::Cell;

/// Slots of [`Memo`]: a power of two, well above the distinct cue words of
/// a run (`في`, `من`, `عام`, ... and their clitic forms).
const OPENER_SLOTS: usize = 1024;

/// State of the date extractor kept from one text to the next (one per
/// thread, in the [`crate::Workspace`]): the `Openers` of cue words by
/// whole-word id, in a direct-mapped cache. They follow from the word alone
/// and every text repeats the same few cue words, so a text seldom computes
/// them; a slot taken by another word is computed again, never wrong.
pub struct Memo {
    openers: Box<[Cell<(WordId, Openers)>]>,
    /// The same for cue words outside the vocabulary (`وبعد`, `بعام`), by
    /// key: their lexicon ids, and so their openers, follow from the key.
    openers_by_key: Box<[Cell<(MemoKey, Openers)>]>,
}

impl Default for Memo {
    fn default() -> Self {
        Memo {
            openers: (0..OPENER_SLOTS).map(|_| Cell::new((NO_WORD, Openers::NONE))).collect(),
            openers_by_key: (0..OPENER_SLOTS).map(|_| Cell::new((MemoKey::EMPTY, Openers::NONE))).collect(),
        }
    }
}

/// A key kept in [`Memo`]: cue words with their clitics (`وللعام`) are
/// shorter than its bytes; a longer key is not kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct MemoKey {
    len: u8,
    bytes: [u8; 16],
}

impl MemoKey {
    /// No key (a length no key kept has).
    const EMPTY: MemoKey = MemoKey { len: u8::MAX, bytes: [0; 16] };

    fn of(key: &[u8]) -> Option<MemoKey> {
        let mut bytes = [0; 16];
        bytes.get_mut(..key.len())?.copy_from_slice(key);
        Some(MemoKey { len: key.len() as u8, bytes })
    }
}

impl<'a> DateScanner<'_, 'a> {
    /// [`Openers`] of token `i`. They follow from its key alone, so those
    /// of a word are remembered by its id: a text repeats its cue words
    /// (`في`, `من`).
    #[inline]
    pub(super) fn openers(&self, i: usize) -> Openers {
        // a number opens none of the word patterns (its own are tried
        // apart): its key is digits and it has no word id
        if self.doc.kind(i) == TokenKind::Number {
            debug_assert_eq!(self.read_openers(i), Openers::NONE, "number openers at token {i}");
            return Openers::NONE;
        }
        let id = self.doc.ids[i].full();
        if id == NO_WORD {
            return self.openers_by_key(i);
        }
        self.remembered(&self.memo.openers[id as usize % OPENER_SLOTS], id, i)
    }

    /// The openers of token `i` from `slot` when it holds them for `key`,
    /// else read and kept there (a collision only reads them again).
    #[inline]
    pub(super) fn remembered<K: Copy + PartialEq>(&self, slot: &Cell<(K, Openers)>, key: K, i: usize) -> Openers {
        let (at, opens) = slot.get();
        if at == key {
            debug_assert_eq!(opens, self.read_openers(i), "remembered openers at token {i}");
            return opens;
        }
        let opens = self.read_openers(i);
        slot.set((key, opens));
        opens
    }

    /// [`DateScanner::openers`] of a word outside the vocabulary, remembered
    /// by its key.
    pub(super) fn openers_by_key(&self, i: usize) -> Openers {
        let key = self.doc.toks.key_bytes(i);
        let Some(memo_key) = MemoKey::of(key) else { return self.read_openers(i) };
        self.remembered(&self.memo.openers_by_key[keys::key_hash(key) as usize % OPENER_SLOTS], memo_key, i)
    }

    /// The key of token `i` without leading conjunction and preposition
    /// (`وبالعام` → `العام`, `للعام` → `العام`, `لعام` → `عام`) and the number
    /// of code points removed. For cue words only: they are never names.
    pub(super) fn key_np(&self, i: usize) -> (Cow<'a, str>, u8) {
        // most keys tried (numbers, `من`, `عام`) begin with no clitic
        // letter at all: nothing to strip, nothing to remember
        let k = self.key(i);
        if !clitics::may_have_proclitic(k) {
            return (Cow::Borrowed(k), 0);
        }
        if let Some((at, key, n)) = self.np_memo.get() {
            if at == i {
                return (Cow::Borrowed(key), n);
            }
        }
        // the token patterns are tried at: its openers know
        if let Some((at, Openers { np_strip: Some((bytes, n)), .. })) = self.current.get() {
            if at == i {
                let rest = &k[bytes as usize..];
                debug_assert_eq!(self.strip_np(i), (Cow::Borrowed(rest), n), "remembered key_np at token {i}");
                self.np_memo.set(Some((i, rest, n)));
                return (Cow::Borrowed(rest), n);
            }
        }
        let (key, n) = self.strip_np(i);
        if let Cow::Borrowed(key) = key {
            self.np_memo.set(Some((i, key, n)));
        }
        (key, n)
    }

    /// [`DateScanner::key_np`] computed.
    pub(super) fn strip_np(&self, i: usize) -> (Cow<'a, str>, u8) {
        let k = self.key(i);
        let mut rest = clitics::without_conjunction(k, 3);
        let mut n = u8::from(rest.len() != k.len());
        if let Some(r) = clitics::after_lam_lam(rest).filter(|r| has_chars(r, 2)) {
            return (Cow::Owned(clitics::with_article(r)), n + 2);
        }
        if let Some(r) = clitics::without_preposition(rest) {
            // `للعام`, `لعام`, `لهذا العام`
            if has_chars(r, 3) && (clitics::has_article(r) || self.words().bare_year_nouns.contains(r) || self.words().this.contains(r)) {
                rest = r;
                n += 1;
            }
        }
        (Cow::Borrowed(rest), n)
    }

    /// A day of the month: a number 1–31 or an ordinal word; (day, last token,
    /// prefix chars, is_ordinal).
    #[inline]
    pub(super) fn day_at(&self, i: usize) -> Option<Day> {
        if let Some((at, day)) = self.day_memo.get() {
            if at == i {
                debug_assert_eq!(day, self.read_day(i), "remembered day at token {i}");
                return day;
            }
        }
        let day = self.read_day(i);
        self.day_memo.set(Some((i, day)));
        day
    }
}
