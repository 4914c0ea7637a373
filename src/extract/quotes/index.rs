//! Indexes over the speakers of a text and the people it names, for texts
//! with many: each question of [`super::speakers::Speakers`] ("the first
//! speaker whose last word is …") is otherwise a scan of all of them, and a
//! text naming thousands of people (hostile input) took quadratic time.
//!
//! An index maps the hash of a word (or key) to the indices that have it,
//! in order; the caller tests each candidate with the scan's own condition,
//! so an answer is the scan's answer (a hash collision only adds a
//! candidate). Below [`INDEX_FROM`] entries the scans are kept: they cost
//! less than building an index, and news texts name a few people.

use std::collections::BTreeMap;
use std::hash::BuildHasher;

use super::keys::{first_word, last_word, without_article};

/// The number of speakers (or known people) from which questions are
/// answered by an index instead of a scan.
pub(super) const INDEX_FROM: usize = 64;

/// The hash of a word or key.
#[inline]
pub(super) fn hash(s: &str) -> u64 {
    rustc_hash::FxBuildHasher.hash_one(s)
}

/// The hash of a key's letters, spaces left out (`عبد الله` and `عبدالله`).
fn letters_hash(key: &str) -> u64 {
    let letters: Vec<u8> = key.bytes().filter(|&c| c != b' ').collect();
    rustc_hash::FxBuildHasher.hash_one(letters)
}

/// Indices by the hash of a word, each list in increasing order.
#[derive(Default, Debug)]
pub(super) struct ByHash(BTreeMap<u64, Vec<usize>>);

impl ByHash {
    pub(super) fn push(&mut self, h: u64, i: usize) {
        let list = self.0.entry(h).or_default();
        if list.last() != Some(&i) {
            list.push(i);
        }
    }

    /// The indices with hash `h`, in increasing order.
    pub(super) fn get(&self, h: u64) -> &[usize] {
        self.0.get(&h).map_or(&[], Vec::as_slice)
    }
}

/// The speakers' keys, indexed as they are added.
#[derive(Default, Debug)]
pub(super) struct SpeakerIndex {
    /// By the whole key.
    pub(super) key: ByHash,
    /// By the key's last word (the whole key when it has one word).
    pub(super) last: ByHash,
    /// By the key's first word.
    pub(super) first: ByHash,
    /// By each proper beginning of whole words (`خوان أنطونيو` of `خوان
    /// أنطونيو بيتزي`).
    pub(super) prefix: ByHash,
    /// By the key's letters without spaces.
    pub(super) letters: ByHash,
    /// By news agency.
    pub(super) agency: BTreeMap<u16, usize>,
}

impl SpeakerIndex {
    pub(super) fn add(&mut self, key: &str, i: usize) {
        self.key.push(hash(key), i);
        self.last.push(hash(last_word(key)), i);
        self.first.push(hash(first_word(key)), i);
        for (at, _) in key.match_indices(' ') {
            self.prefix.push(hash(&key[..at]), i);
        }
        self.letters.push(letters_hash(key), i);
    }

    /// Candidates for `same_person(a, b)` with `a`'s key: every `b` it can
    /// hold for is in one of the three lists.
    pub(super) fn same_person_candidates(&self, a: &str) -> [&[usize]; 3] {
        [self.prefix.get(hash(a)), self.last.get(hash(last_word(a))), self.letters.get(letters_hash(a))]
    }
}

/// The people the entity pass found (`KnownNames`), indexed once.
#[derive(Default, Debug)]
pub(super) struct KnownIndex {
    /// By the last word of their keys.
    pub(super) last: ByHash,
    /// By each word of their folded titles, without the article.
    pub(super) title_words: ByHash,
    /// Organizations by the folded first word of their names.
    pub(super) org_first: ByHash,
}

impl KnownIndex {
    pub(super) fn new<'k>(people_keys: impl Iterator<Item = &'k str>, title_keys: &[Option<String>], org_first_words: impl Iterator<Item = u64>) -> Self {
        let mut index = KnownIndex::default();
        for (i, k) in people_keys.enumerate() {
            index.last.push(hash(last_word(k)), i);
        }
        for (i, t) in title_keys.iter().enumerate() {
            if let Some(t) = t {
                for w in t.split(' ') {
                    index.title_words.push(hash(without_article(w)), i);
                }
            }
        }
        for (i, h) in org_first_words.enumerate() {
            index.org_first.push(h, i);
        }
        index
    }
}

/// The words a name's last word may be, written with two neighbouring
/// letters swapped (`داميان` for `دايمان`): every `a` with
/// `swapped_neighbours(a, word)` is one of them.
pub(super) fn swapped_variants(word: &str) -> Vec<String> {
    let chars: Vec<char> = word.chars().collect();
    let mut out = Vec::new();
    for k in 0..chars.len().saturating_sub(1) {
        if chars[k] != chars[k + 1] {
            let mut v = chars.clone();
            v.swap(k, k + 1);
            out.push(v.into_iter().collect());
        }
    }
    out
}

/// The first index in increasing `lists` (the least over all) for which
/// `ok` holds.
pub(super) fn first_of(lists: &[&[usize]], mut ok: impl FnMut(usize) -> bool) -> Option<usize> {
    lists.iter().filter_map(|l| l.iter().copied().find(|&i| ok(i))).min()
}

/// The last such index.
pub(super) fn last_of(lists: &[&[usize]], mut ok: impl FnMut(usize) -> bool) -> Option<usize> {
    lists.iter().filter_map(|l| l.iter().rev().copied().find(|&i| ok(i))).max()
}
