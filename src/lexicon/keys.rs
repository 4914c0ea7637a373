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

/// A slot: the offset + 1 of its entry in [`KeyTable::arena`] (in
/// 4-byte units, entries being aligned on them) in the low `entry_bits` bits (0: empty), a tag of the
/// key's hash in the others. Four bytes, so that the slots of the whole
/// vocabulary take little cache.
type Slot = u32;

const EMPTY: Slot = 0;

/// An entry in the arena: three little-endian `u32` header words (word
/// id; common-word rank and flags; key length), then the key's bytes
/// padded to a multiple of four. The facts sit beside the key, so that a hit
/// reads one place in memory (two for the slot), not an entry array and
/// then a separate key array: with ~20,000 keys the table is larger than
/// a core's L2 cache, and each dependent miss stalls the lookup.
const HEADER_BYTES: usize = 12;
/// Bits of the second header word above the common-word rank.
const RANK_NONE: u32 = 1 << 16;
const DATE_TRIGGER: u32 = 1 << 17;

/// Folded keys → [`KeyFacts`], open addressing with linear probing, and a
/// one-bit-per-hash filter in front of it.
///
/// Most lookups are of keys that are not there (the stems of a word after
/// each proclitic letter it might carry, and words outside the lexicons).
/// The filter answers most of them from 32 KB, which stays in cache, where
/// the slots (256 KB) and the arena would not.
#[derive(Debug)]
pub struct KeyTable {
    slots: Vec<Slot>,
    mask: usize,
    /// Bits of a slot that hold the entry offset.
    entry_bits: u32,
    /// Entries, see [`HEADER_BYTES`].
    arena: Vec<u8>,
    /// Bit `mixed >> filter_shift` is set for the mixed hash of every key.
    filter: Vec<u64>,
    filter_shift: u32,
    len: usize,
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
    /// Builds the table from (key, facts) pairs with distinct keys, in the
    /// order given (the arena keeps it: put the most frequent first).
    /// Keys of 64 KiB or more are left out: no word is that long.
    pub fn build<'a>(items: impl IntoIterator<Item = (&'a str, KeyFacts)>) -> KeyTable {
        let mut arena: Vec<u8> = Vec::new();
        let mut offsets = Vec::new();
        for (key, facts) in items {
            let key = key.as_bytes();
            let Ok(len) = u16::try_from(key.len()) else { continue };
            offsets.push(arena.len() / 4);
            let rank = facts.common_rank.map_or(RANK_NONE, u32::from);
            let trigger = if facts.date_trigger { DATE_TRIGGER } else { 0 };
            for word in [facts.word, rank | trigger, u32::from(len)] {
                arena.extend_from_slice(&word.to_le_bytes());
            }
            arena.extend_from_slice(key);
            arena.resize(arena.len().next_multiple_of(4), 0);
        }
        // at most half full: probes stay short
        let capacity = (offsets.len() * 2).next_power_of_two().max(1);
        let mask = capacity - 1;
        let entry_bits = u32::BITS - (arena.len() as u32 / 4 + 1).leading_zeros();
        // eight bits a key: about one miss in thirteen passes the filter
        let filter_bits = (offsets.len() * 8).next_power_of_two().max(64);
        let mut filter = vec![0u64; filter_bits / 64];
        let filter_shift = u64::BITS - filter_bits.trailing_zeros();
        let mut slots = vec![EMPTY; capacity];
        let mut table = KeyTable { slots: Vec::new(), mask, entry_bits, arena, filter: Vec::new(), filter_shift, len: offsets.len() };
        for &offset in &offsets {
            let m = mix(key_hash(table.key_at(offset, table.header(offset, 2) as usize)));
            let bit = (m >> filter_shift) as usize;
            filter[bit / 64] |= 1 << (bit % 64);
            let mut at = m as usize & mask;
            while slots[at] != EMPTY {
                at = (at + 1) & mask;
            }
            slots[at] = (tag_of(m) << entry_bits) | (offset as u32 + 1);
        }
        table.slots = slots;
        table.filter = filter;
        table
    }

    /// Header word `n` of the entry at `offset` (in 4-byte units).
    #[inline(always)]
    fn header(&self, offset: usize, n: usize) -> u32 {
        let at = offset * 4 + n * 4;
        self.arena.get(at..at + 4).map_or(0, |b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    /// The key of the entry at `offset`.
    #[inline(always)]
    fn key_at(&self, offset: usize, len: usize) -> &[u8] {
        &self.arena[offset * 4 + HEADER_BYTES..][..len]
    }

    /// The facts of the entry at `offset`.
    #[inline]
    fn facts_at(&self, offset: usize) -> KeyFacts {
        let (word, flags) = (self.header(offset, 0), self.header(offset, 1));
        KeyFacts {
            word,
            common_rank: (flags & RANK_NONE == 0).then_some(flags as u16),
            date_trigger: flags & DATE_TRIGGER != 0,
        }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
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
        let bit = (mixed >> self.filter_shift) as usize;
        let slot = if self.filter[bit / 64] & (1 << (bit % 64)) == 0 { EMPTY } else { self.slots[mixed as usize & self.mask] };
        HomeSlot { mixed, slot }
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
                let offset = (slot & entry_mask) as usize - 1;
                if self.header(offset, 2) as usize == len {
                    let (k_head, k_tail) = self.key_at(offset, len).split_at(head.len());
                    if same_bytes(k_head, head) && same_bytes(k_tail, tail) {
                        return self.facts_at(offset);
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

    /// Keys of every length up to 40 bytes: each is found with its own
    /// facts (the arena pads keys to four bytes), and none of its prefixes
    /// or one-byte extensions is found.
    #[test]
    fn keys_of_every_length_are_found_whole_only() {
        let keys: Vec<String> = (1..=40).map(|n| "ب".repeat(n / 2) + if n % 2 == 1 { "x" } else { "" }).collect();
        let facts = |n: usize| KeyFacts { word: n as u32, common_rank: (n % 3 == 0).then_some(n as u16), date_trigger: n % 2 == 1 };
        let table = KeyTable::build(keys.iter().enumerate().map(|(n, k)| (k.as_str(), facts(n))));
        assert_eq!(table.len(), keys.len());
        for (n, key) in keys.iter().enumerate() {
            assert_eq!(table.get(key), facts(n), "{key}");
            for extended in [format!("{key}y"), format!("{key}ت")] {
                if !keys.contains(&extended) {
                    assert_eq!(table.get(&extended), KeyFacts::NONE, "{extended}");
                }
            }
        }
        let rank_max = KeyFacts { word: 1, common_rank: Some(u16::MAX), date_trigger: true };
        assert_eq!(KeyTable::build([("ك", rank_max)]).get("ك"), rank_max);
        let too_long = "x".repeat(1 << 16);
        let table = KeyTable::build([(too_long.as_str(), facts(1)), ("y", facts(2))]);
        assert_eq!((table.len(), table.get(&too_long), table.get("y")), (1, KeyFacts::NONE, facts(2)));
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
