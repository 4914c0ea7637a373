//! The date extractor's memo of [`Openers`] across texts.

use super::gates::Openers;
use super::DateScanner;
use crate::lexicon::{keys, WordId, NO_WORD};
use crate::tokenizer::TokenKind;
use std::cell::Cell;

/// Slots of [`Memo`]: a power of two, well above the distinct cue words of
/// a run (`في`, `من`, `عام`, ... and their clitic forms).
const OPENER_SLOTS: usize = 1024;

/// State of the date extractor kept from one text to the next (one per
/// thread, in the [`crate::Workspace`]): the [`Openers`] of cue words by
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
}
