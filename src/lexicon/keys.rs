//! One table for every per-word fact looked up by folded key: vocabulary
//! id, common-word rank and whether the word can begin a date.
//!
//! Every word of a text is looked up whole and, when it starts with a
//! proclitic letter, as each of its possible stems (`وبالولايات` →
//! `بالولايات`, `الولايات` …), or as a stem behind a restored article
//! (`للامم` → `الامم`). Most words start with no proclitic letter, so a
//! stem is hashed on its own when it is needed rather than all of a
//! word's stems in one pass over every word. The hash reads a key eight
//! bytes at a time (most keys are 4 to 16 bytes: two loads and a
//! multiply). A table slot keeps a tag of the hash, so a miss (most stem
//! candidates) costs no string comparison.

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

/// A slot: the offset + 1 of its entry in [`KeyTable::arena`] (in 4-byte
/// units, entries being aligned on them) in the low `entry_bits` bits (0:
/// empty), a tag of the key's hash in the others. Four bytes, so that the
/// slots of the whole vocabulary take little cache.
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
    /// Bit `hash >> FILTER_SHIFT` is set for the hash of every key.
    filter: Box<[u64; FILTER_WORDS]>,
    len: usize,
    /// The longest key's length: no longer key needs to be joined.
    max_key_len: usize,
}

impl Default for KeyTable {
    fn default() -> Self {
        KeyTable::build([])
    }
}

/// Seeds of [`key_hash`] (digits of π).
const SEED_FIRST: u64 = 0x243F_6A88_85A3_08D3;
const SEED_LAST: u64 = 0x1319_8A2E_0370_7344;

/// The high and low halves of the 128-bit product `x`·`y`, xored: each
/// bit of the result depends on most bits of both.
#[inline(always)]
fn folded_multiply(x: u64, y: u64) -> u64 {
    let product = u128::from(x) * u128::from(y);
    (product as u64) ^ (product >> 64) as u64
}

/// Hash of `key`, well mixed in every bit (the table takes the slot index
/// from the low bits, the filter bit from the high ones and the tag from
/// the middle).
///
/// The first and the last eight bytes of the key (four for shorter keys,
/// and three bytes for keys under four) with its length determine a key
/// of up to 16 bytes; the eight-byte words between them are folded into
/// the first.
#[inline]
pub fn key_hash(key: &[u8]) -> u64 {
    let len = key.len();
    let (first, last) = if let (Some(first), Some(last)) = (key.first_chunk::<8>(), key.last_chunk::<8>()) {
        let mut first = u64::from_le_bytes(*first);
        let mut at = 8;
        while let Some(word) = key.get(at..).filter(|rest| rest.len() > 8).and_then(|rest| rest.first_chunk::<8>()) {
            first = folded_multiply(first ^ SEED_FIRST, u64::from_le_bytes(*word) ^ SEED_LAST);
            at += 8;
        }
        (first, u64::from_le_bytes(*last))
    } else if let (Some(first), Some(last)) = (key.first_chunk::<4>(), key.last_chunk::<4>()) {
        (u64::from(u32::from_le_bytes(*first)), u64::from(u32::from_le_bytes(*last)))
    } else {
        match key {
            [] => (0, 0),
            [b0, ..] => (u64::from(*b0) | u64::from(key[len / 2]) << 8 | u64::from(key[len - 1]) << 16, 0),
        }
    };
    folded_multiply(first ^ SEED_FIRST, last ^ SEED_LAST ^ (len as u64).rotate_right(8))
}

/// Bits of the filter: 32 KB, eight to sixteen bits a key for the 16,000
/// to 32,000 keys of the lexicons (with eight, about one absent key in
/// thirteen passes). A fixed size lets a lookup index it without a bounds
/// check.
const FILTER_BITS: usize = 1 << 18;
const FILTER_WORDS: usize = FILTER_BITS / 64;
const FILTER_SHIFT: u32 = u64::BITS - FILTER_BITS.trailing_zeros();

/// Keys up to this length are joined in a buffer on the stack.
const JOINED_BUFFER: usize = 64;

impl KeyTable {
    /// Builds the table from (key, facts) pairs with distinct keys, in the
    /// order given (the arena keeps it: put the most frequent first).
    /// Keys of 64 KiB or more are left out: no word is that long.
    pub fn build<'a>(items: impl IntoIterator<Item = (&'a str, KeyFacts)>) -> KeyTable {
        let mut arena: Vec<u8> = Vec::new();
        // each entry's offset in the arena (4-byte units) and its key's hash
        let mut entries: Vec<(usize, u64)> = Vec::new();
        let mut max_key_len = 0;
        for (key, facts) in items {
            let key = key.as_bytes();
            let Ok(len) = u16::try_from(key.len()) else { continue };
            entries.push((arena.len() / 4, key_hash(key)));
            max_key_len = max_key_len.max(key.len());
            let rank = facts.common_rank.map_or(RANK_NONE, u32::from);
            let trigger = if facts.date_trigger { DATE_TRIGGER } else { 0 };
            for word in [facts.word, rank | trigger, u32::from(len)] {
                arena.extend_from_slice(&word.to_le_bytes());
            }
            arena.extend_from_slice(key);
            arena.resize(arena.len().next_multiple_of(4), 0);
        }
        // at most half full: probes stay short
        let capacity = (entries.len() * 2).next_power_of_two().max(1);
        let mask = capacity - 1;
        let entry_bits = u32::BITS - (arena.len() as u32 / 4 + 1).leading_zeros();
        let mut filter = Box::new([0u64; FILTER_WORDS]);
        let mut slots = vec![EMPTY; capacity];
        for &(offset, hash) in &entries {
            let bit = (hash >> FILTER_SHIFT) as usize;
            filter[bit / 64] |= 1 << (bit % 64);
            let mut at = hash as usize & mask;
            while slots[at] != EMPTY {
                at = (at + 1) & mask;
            }
            slots[at] = (tag_of(hash) << entry_bits) | (offset as u32 + 1);
        }
        KeyTable { slots, mask, entry_bits, arena, filter, len: entries.len(), max_key_len }
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
        self.get_bytes(key.as_bytes())
    }

    /// The facts about the UTF-8 key `key`.
    #[inline(always)]
    pub fn get_bytes(&self, key: &[u8]) -> KeyFacts {
        self.find_from(self.home(key_hash(key)), key)
    }

    /// The facts about the key `head` + `tail` (a stem with its article
    /// put back).
    pub fn get_joined(&self, head: &[u8], tail: &[u8]) -> KeyFacts {
        let len = head.len() + tail.len();
        if len > self.max_key_len {
            return KeyFacts::NONE;
        }
        if len <= JOINED_BUFFER {
            let mut buffer = [0u8; JOINED_BUFFER];
            buffer[..head.len()].copy_from_slice(head);
            buffer[head.len()..len].copy_from_slice(tail);
            self.get_bytes(&buffer[..len])
        } else {
            // only with a lexicon key longer than the buffer (no word is)
            self.get_bytes(&[head, tail].concat())
        }
    }

    /// The first slot a lookup of the key whose hash is `hash` reads.
    /// Reading it for several keys before looking any of them up lets
    /// their cache misses overlap (see `lexicon::annotate`).
    #[inline]
    pub fn home(&self, hash: u64) -> HomeSlot {
        let bit = (hash >> FILTER_SHIFT) as usize;
        let slot = if self.filter[bit / 64] & (1 << (bit % 64)) == 0 { EMPTY } else { self.slots[hash as usize & self.mask] };
        HomeSlot { hash, slot }
    }

    /// The facts about `key`, with the home slot of its hash already read.
    /// Linear probing, inlined into each lookup: a word takes one to four
    /// of them, and a call costs about as much as a miss.
    #[inline(always)]
    pub fn find_from(&self, home: HomeSlot, key: &[u8]) -> KeyFacts {
        let tag = tag_of(home.hash) & (u32::MAX >> self.entry_bits);
        let entry_mask = (1u32 << self.entry_bits) - 1;
        let mut at = home.hash as usize & self.mask;
        let mut slot = home.slot;
        while slot != EMPTY {
            if slot >> self.entry_bits == tag {
                let start = ((slot & entry_mask) as usize - 1) * 4;
                // the entry if its key is as long as `key` (one bounds check)
                if let Some(entry) = self.arena.get(start..).and_then(|rest| rest.get(..HEADER_BYTES + key.len())) {
                    let (header, entry_key) = entry.split_at(HEADER_BYTES);
                    let word = |n: usize| u32::from_le_bytes([header[n * 4], header[n * 4 + 1], header[n * 4 + 2], header[n * 4 + 3]]);
                    if word(2) as usize == key.len() && same_bytes(entry_key, key) {
                        return facts_of(word(0), word(1));
                    }
                }
            }
            at = (at + 1) & self.mask;
            slot = self.slots[at];
        }
        KeyFacts::NONE
    }
}

/// The facts an entry's first two header words hold.
#[inline]
fn facts_of(word: WordId, flags: u32) -> KeyFacts {
    KeyFacts {
        word,
        common_rank: (flags & RANK_NONE == 0).then_some(flags as u16),
        date_trigger: flags & DATE_TRIGGER != 0,
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

/// The tag of a hash (bits the slot index does not use).
#[inline]
fn tag_of(hash: u64) -> u32 {
    (hash >> 32) as u32
}

/// The first slot of a lookup, read ahead (see [`KeyTable::home`]), with
/// the hash that found it.
#[derive(Debug, Clone, Copy, Default)]
pub struct HomeSlot {
    hash: u64,
    slot: Slot,
}

impl HomeSlot {
    /// The key is not in the table (its filter bit or its home slot is
    /// empty), without probing.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.slot == EMPTY
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every byte of a key counts: keys of up to 40 bytes that differ in
    /// one byte or in their length hash apart, in the slot index bits and
    /// in the filter bits alike.
    #[test]
    fn every_byte_and_the_length_change_the_hash() {
        let text: Vec<u8> = (0..41u8).map(|n| n.wrapping_mul(37) ^ 0xA5).collect();
        let mut seen = std::collections::HashSet::new();
        let (mut changes, mut same_low, mut same_high) = (0, 0, 0);
        for len in 0..=40 {
            let key = &text[..len];
            let hash = key_hash(key);
            assert!(seen.insert(hash), "{len}");
            let mut changed = key.to_vec();
            for at in 0..len {
                for bit in 0..8 {
                    changed[at] ^= 1 << bit;
                    let other = key_hash(&changed);
                    assert_ne!(other, hash, "{len} {at} {bit}");
                    changes += 1;
                    same_low += usize::from(other & 0xFFFF == hash & 0xFFFF);
                    same_high += usize::from(other >> 48 == hash >> 48);
                    changed[at] ^= 1 << bit;
                }
            }
        }
        // as many as random 16-bit values would share, about one in 65,536
        assert!(changes > 6000 && same_low <= 3 && same_high <= 3, "{changes} {same_low} {same_high}");
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
        let long = "ال".to_string() + &"م".repeat(40);
        let table = KeyTable::build([("الامم", facts), ("امم", KeyFacts::NONE), (long.as_str(), facts)]);
        let al = "ال".as_bytes();
        assert_eq!(table.get_joined(al, "امم".as_bytes()), facts);
        assert_eq!(table.get_joined(al, b"xyz"), KeyFacts::NONE);
        // past the stack buffer, and past the longest key
        assert_eq!(table.get_joined(al, &long.as_bytes()[al.len()..]), facts);
        assert_eq!(table.get_joined(al, long.as_bytes()), KeyFacts::NONE);
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
