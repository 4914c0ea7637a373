//! One table for every per-word fact looked up by folded key: vocabulary
//! id, common-word rank and whether the word can begin a date.
//!
//! Every word of a text is looked up whole and, when it starts with a
//! proclitic letter, as each of its possible stems (`وبالولايات` →
//! `بالولايات`, `الولايات` …), which are suffixes of its key or a suffix
//! behind a restored article (`للامم` → `الامم`). The hash used here is a
//! polynomial over two-byte units computed from the end of the key, so one
//! pass over a key gives the hashes of all of its stems as well, and a
//! restored article is one multiply-add. A table slot keeps a 32-bit tag of
//! the hash, so a miss (most stem candidates) costs no string comparison.

use super::phrases::{WordId, NO_WORD};

/// The facts about one key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyFacts {
    /// Vocabulary id, or `NO_WORD`.
    pub word: WordId,
    /// Rank among common words, if it is one.
    pub common_rank: Option<u16>,
    /// Some date expression can begin with this word.
    pub date_trigger: bool,
}

impl KeyFacts {
    pub const NONE: KeyFacts = KeyFacts { word: NO_WORD, common_rank: None, date_trigger: false };
}

/// A slot: the entry's index + 1 in the low `entry_bits` bits (0: empty),
/// a tag of the key's hash in the others. Four bytes, so that the slots of
/// the whole vocabulary take little cache.
type Slot = u32;

const EMPTY: Slot = 0;

#[derive(Debug, Clone, Copy)]
struct Entry {
    /// Byte range of the key in `bytes`.
    start: u32,
    len: u32,
    facts: KeyFacts,
}

/// Folded keys → [`KeyFacts`], open addressing with linear probing.
#[derive(Debug)]
pub struct KeyTable {
    slots: Vec<Slot>,
    mask: usize,
    /// Bits of a slot that hold the entry index.
    entry_bits: u32,
    entries: Vec<Entry>,
    bytes: Vec<u8>,
}

impl Default for KeyTable {
    fn default() -> Self {
        KeyTable::build([])
    }
}

/// Odd multiplier of the polynomial hash.
const MUL: u64 = 0x9E37_79B9_7F4A_7C15;

/// The two-byte unit `pair` (bytes of a key, in order).
#[inline]
fn unit(pair: &[u8]) -> u64 {
    match *pair {
        [b0, b1] => u64::from(b0) | u64::from(b1) << 8,
        // a last odd byte is marked so that it differs from any pair
        [b0] => u64::from(b0) | 1 << 16,
        _ => 0,
    }
}

/// Polynomial hash of `key` (units u₀, u₁, … → Σ uᵢ·MULⁱ).
#[inline]
pub fn key_hash(key: &[u8]) -> u64 {
    suffix_hashes(key)[0]
}

/// The hashes of the suffixes of `key` from bytes 0, 2, 4 and 6 (entries
/// past the end of the key are 0): a key and its stems after up to three
/// two-byte proclitic letters.
#[inline]
pub fn suffix_hashes(key: &[u8]) -> [u64; 4] {
    let mut out = [0u64; 4];
    let pairs = key.chunks_exact(2);
    // Horner's rule from the last unit: first a last odd byte...
    let mut h = unit(pairs.remainder());
    if key.len() % 2 == 1 && key.len() < 8 {
        out[key.len() / 2] = h;
    }
    // ...then the pairs from byte 8 on, which record nothing, then those
    // at bytes 6, 4, 2 and 0, each recording its suffix
    let even = &key[..key.len() - pairs.remainder().len()];
    let (head, tail) = even.split_at(even.len().min(8));
    for pair in tail.rchunks_exact(2) {
        h = h.wrapping_mul(MUL).wrapping_add(unit(pair));
    }
    for at in [6, 4, 2, 0] {
        if let Some(pair) = head.get(at..at + 2) {
            h = h.wrapping_mul(MUL).wrapping_add(unit(pair));
            out[at / 2] = h;
        }
    }
    out
}

/// The hash of `prefix` + a suffix whose hash is `rest` (`prefix` of even
/// length).
#[inline]
pub fn prefixed_hash(prefix: &[u8], rest: u64) -> u64 {
    prefix.chunks(2).rev().fold(rest, |h, pair| h.wrapping_mul(MUL).wrapping_add(unit(pair)))
}

/// Spreads the polynomial's bits (its low bits see only the low bits of
/// the input) into a slot index and a tag.
#[inline]
fn mix(h: u64) -> u64 {
    let h = (h ^ (h >> 31)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    h ^ (h >> 29)
}

impl KeyTable {
    /// Builds the table from (key, facts) pairs with distinct keys.
    pub fn build<'a>(items: impl IntoIterator<Item = (&'a str, KeyFacts)>) -> KeyTable {
        let mut entries = Vec::new();
        let mut bytes = Vec::new();
        for (key, facts) in items {
            entries.push(Entry { start: bytes.len() as u32, len: key.len() as u32, facts });
            bytes.extend_from_slice(key.as_bytes());
        }
        // at most half full: probes stay short
        let capacity = (entries.len() * 2).next_power_of_two().max(1);
        let mask = capacity - 1;
        let entry_bits = u32::BITS - (entries.len() as u32 + 1).leading_zeros();
        let mut slots = vec![EMPTY; capacity];
        for (n, e) in entries.iter().enumerate() {
            let key = &bytes[e.start as usize..(e.start + e.len) as usize];
            let m = mix(key_hash(key));
            let mut at = m as usize & mask;
            while slots[at] != EMPTY {
                at = (at + 1) & mask;
            }
            slots[at] = (tag_of(m) << entry_bits) | (n as u32 + 1);
        }
        KeyTable { slots, mask, entry_bits, entries, bytes }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The facts about `key`.
    #[inline]
    pub fn get(&self, key: &str) -> KeyFacts {
        self.find(key_hash(key.as_bytes()), key.as_bytes())
    }

    /// The facts about `key`, whose hash is `hash`.
    #[inline(always)]
    pub fn find(&self, hash: u64, key: &[u8]) -> KeyFacts {
        self.find_from(self.home(hash), key)
    }

    /// The facts about the key `head` + `tail` (a stem with its article
    /// put back), whose hash is `hash`.
    #[inline]
    pub fn find_joined(&self, hash: u64, head: &[u8], tail: &[u8]) -> KeyFacts {
        self.probe(self.home(hash), head, tail)
    }

    /// The first slot a lookup of `hash` reads. Reading it for several
    /// keys before looking any of them up lets their cache misses overlap
    /// (see `extract::doc::annotate`).
    #[inline]
    pub fn home(&self, hash: u64) -> HomeSlot {
        let mixed = mix(hash);
        HomeSlot { mixed, slot: self.slots[mixed as usize & self.mask] }
    }

    /// [`KeyTable::find`] with the home slot of the key's hash already read.
    #[inline]
    pub fn find_from(&self, home: HomeSlot, key: &[u8]) -> KeyFacts {
        self.probe(home, &[], key)
    }

    /// Linear probing from `home` for the key `head` + `tail`. Inlined into
    /// each lookup: a word takes one to four of them, and a call costs
    /// about as much as a miss.
    #[inline(always)]
    fn probe(&self, home: HomeSlot, head: &[u8], tail: &[u8]) -> KeyFacts {
        let tag = tag_of(home.mixed) & (u32::MAX >> self.entry_bits);
        let entry_mask = (1u32 << self.entry_bits) - 1;
        let len = head.len() + tail.len();
        let mut at = home.mixed as usize & self.mask;
        let mut slot = home.slot;
        while slot != EMPTY {
            if slot >> self.entry_bits == tag {
                let e = &self.entries[(slot & entry_mask) as usize - 1];
                if e.len as usize == len {
                    let (k_head, k_tail) = self.bytes[e.start as usize..][..len].split_at(head.len());
                    if same_bytes(k_head, head) && same_bytes(k_tail, tail) {
                        return e.facts;
                    }
                }
            }
            at = (at + 1) & self.mask;
            slot = self.slots[at];
        }
        KeyFacts::NONE
    }
}

/// Whether `a` and `b` hold the same bytes. Keys are short (mostly 4 to 16
/// bytes): a few overlapping word loads cost less than a call to `memcmp`.
#[inline]
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    let len = a.len();
    if len != b.len() {
        return false;
    }
    if len >= 8 {
        let word = |s: &[u8], at: usize| u64::from_le_bytes(s[at..at + 8].try_into().unwrap());
        let mut at = 0;
        while at + 8 < len {
            if word(a, at) != word(b, at) {
                return false;
            }
            at += 8;
        }
        word(a, len - 8) == word(b, len - 8)
    } else if len >= 4 {
        let word = |s: &[u8], at: usize| u32::from_le_bytes(s[at..at + 4].try_into().unwrap());
        word(a, 0) == word(b, 0) && word(a, len - 4) == word(b, len - 4)
    } else if len >= 2 {
        let word = |s: &[u8], at: usize| u16::from_le_bytes(s[at..at + 2].try_into().unwrap());
        word(a, 0) == word(b, 0) && word(a, len - 2) == word(b, len - 2)
    } else {
        a.first() == b.first()
    }
}

/// The tag of a mixed hash (bits the slot index does not use).
#[inline]
fn tag_of(mixed: u64) -> u32 {
    (mixed >> 32) as u32
}

/// The first slot of a lookup, read ahead (see [`KeyTable::home`]), with
/// the mixed hash that found it, so that the lookup does not mix it again.
#[derive(Debug, Clone, Copy, Default)]
pub struct HomeSlot {
    mixed: u64,
    slot: Slot,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suffix_and_prefixed_hashes_agree_with_whole_keys() {
        for key in ["وبالولايات", "للامم", "a", "ab", "abc", "وب", "2017", "فلل٣"] {
            let b = key.as_bytes();
            let h = suffix_hashes(b);
            for (k, &hk) in h.iter().enumerate() {
                if 2 * k < b.len() {
                    assert_eq!(hk, key_hash(&b[2 * k..]), "{key} from {}", 2 * k);
                }
            }
            let al = "ال".as_bytes();
            let joined = [al, b].concat();
            assert_eq!(prefixed_hash(al, key_hash(b)), key_hash(&joined));
        }
    }

    #[test]
    fn suffix_hashes_are_the_polynomial_of_each_suffix() {
        let text: Vec<u8> = (0..21u8).map(|n| n.wrapping_mul(37) ^ 0xA5).collect();
        for len in 0..=text.len() {
            let key = &text[..len];
            let polynomial = |from: usize| {
                let units: Vec<&[u8]> = key[from..].chunks(2).collect();
                units.iter().rev().fold(0u64, |h, u| h.wrapping_mul(MUL).wrapping_add(unit(u)))
            };
            let expected: [u64; 4] = std::array::from_fn(|k| if 2 * k < len { polynomial(2 * k) } else { 0 });
            assert_eq!(suffix_hashes(key), expected, "{len}");
        }
    }

    #[test]
    fn lookups_find_exactly_the_keys_built() {
        let facts = |w: u32| KeyFacts { word: w, common_rank: Some(w as u16), date_trigger: w % 2 == 0 };
        let words: Vec<String> = (0..500).map(|n| format!("ك{n}")).collect();
        let table = KeyTable::build(words.iter().enumerate().map(|(n, w)| (w.as_str(), facts(n as u32))));
        assert_eq!(table.len(), 500);
        for (n, w) in words.iter().enumerate() {
            assert_eq!(table.get(w), facts(n as u32));
        }
        assert_eq!(table.get("ك500"), KeyFacts::NONE);
        assert_eq!(table.get(""), KeyFacts::NONE);
        assert_eq!(KeyTable::default().get("x"), KeyFacts::NONE);
    }

    #[test]
    fn joined_lookups_find_the_whole_key() {
        let facts = KeyFacts { word: 7, common_rank: None, date_trigger: true };
        let table = KeyTable::build([("الامم", facts), ("امم", KeyFacts::NONE)]);
        let (al, rest) = ("ال".as_bytes(), "امم".as_bytes());
        assert_eq!(table.find_joined(prefixed_hash(al, key_hash(rest)), al, rest), facts);
        assert_eq!(table.find_joined(prefixed_hash(al, key_hash(b"xyz")), al, b"xyz"), KeyFacts::NONE);
    }

    #[test]
    fn same_bytes_agrees_with_slice_equality() {
        let text: Vec<u8> = (0..40u8).map(|n| b'a' + n % 7).collect();
        for len in 0..=24 {
            for a in 0..8 {
                for b in 0..8 {
                    let (x, y) = (&text[a..a + len], &text[b..b + len]);
                    assert_eq!(same_bytes(x, y), x == y, "{len} {a} {b}");
                    let mut z = x.to_vec();
                    for k in 0..len {
                        z[k] ^= 1;
                        assert!(!same_bytes(x, &z));
                        z[k] ^= 1;
                    }
                    assert!(same_bytes(x, &z));
                    if len > 0 {
                        assert!(!same_bytes(x, &z[..len - 1]));
                    }
                }
            }
        }
    }
}
