//! Short word lists looked up as cheaply as a `match` on string literals.
//!
//! A `match` on a key against literals compiles to a length test and, for
//! a literal of that length, one or two integer compares. The rules ask
//! their lists at many tokens of a text, where a hash of each key, or a
//! `memcmp` call per listed word, costs several times more. So a list here
//! keeps its words by byte length, each packed into one integer, and a key
//! is packed the same way once its length has a word.

/// Words up to this many bytes are packed into a `u128`; longer ones (few:
/// nine letters and more) are compared as bytes.
const PACKED_MAX: usize = 16;

/// A folded word list, each word with its position in the list.
#[derive(Debug, Default)]
pub(super) struct WordIndex {
    /// `by_len[n]`: the packed words of `n` bytes, with their positions.
    by_len: Vec<Vec<(u128, u32)>>,
    /// Words longer than [`PACKED_MAX`] bytes, with their positions.
    long: Vec<(Box<str>, u32)>,
}

impl WordIndex {
    /// The index of `words`, in their order (a word listed twice keeps its
    /// first position).
    pub(super) fn new<'w>(words: impl IntoIterator<Item = &'w str>) -> Self {
        let mut index = WordIndex::default();
        for (i, w) in words.into_iter().enumerate() {
            if index.get(w).is_some() {
                continue;
            }
            let i = i as u32;
            if w.len() > PACKED_MAX {
                index.long.push((w.into(), i));
                continue;
            }
            if index.by_len.len() <= w.len() {
                index.by_len.resize_with(w.len() + 1, Vec::new);
            }
            index.by_len[w.len()].push((pack(w.as_bytes()), i));
        }
        index
    }

    /// The position of the folded `key` in the list, if it is there.
    #[inline]
    pub(super) fn get(&self, key: &str) -> Option<u32> {
        let key = key.as_bytes();
        if key.len() > PACKED_MAX {
            return self.long.iter().find(|(w, _)| w.as_bytes() == key).map(|&(_, i)| i);
        }
        let words = self.by_len.get(key.len()).filter(|w| !w.is_empty())?;
        let packed = pack(key);
        words.iter().find(|&&(w, _)| w == packed).map(|&(_, i)| i)
    }
}

/// A folded word list.
#[derive(Debug, Default)]
pub(super) struct WordSet(WordIndex);

impl WordSet {
    pub(super) fn new<'w>(words: impl IntoIterator<Item = &'w str>) -> Self {
        WordSet(WordIndex::new(words))
    }

    /// Whether the folded `key` is in the list.
    #[inline]
    pub(super) fn contains(&self, key: &str) -> bool {
        self.0.get(key).is_some()
    }

    /// How many words the list holds.
    #[cfg(test)]
    pub(super) fn len(&self) -> usize {
        self.0.by_len.iter().map(Vec::len).sum::<usize>() + self.0.long.len()
    }
}

/// `key` (at most [`PACKED_MAX`] bytes) as one number, for comparing with
/// words of the same length: two overlapping reads of its first and last
/// bytes, which together cover it.
#[inline]
fn pack(key: &[u8]) -> u128 {
    let n = key.len();
    debug_assert!(n <= PACKED_MAX);
    let word = |at: usize| u64::from_le_bytes(key[at..at + 8].try_into().unwrap());
    let half = |at: usize| u32::from_le_bytes(key[at..at + 4].try_into().unwrap());
    match n {
        8.. => word(0) as u128 | (word(n - 8) as u128) << 64,
        4.. => half(0) as u128 | (half(n - 4) as u128) << 32,
        _ => key.iter().fold(0, |acc, &b| acc << 8 | b as u128),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_of_every_length_are_found_and_others_not() {
        let words = ["a", "ab", "abc", "abcd", "abcde", "abcdefgh", "abcdefghijk", "abcdefghijklmnop", "abcdefghijklmnopq", "abcdefghijklmnopqrstu"];
        let index = WordIndex::new(words);
        for (i, w) in words.iter().enumerate() {
            assert_eq!(index.get(w), Some(i as u32), "{w}");
        }
        for w in ["", "b", "ba", "abd", "abce", "abcdf", "abcdefgi", "bbcdefghijk", "abcdefghijklmnoq", "abcdefghijklmnopr", "abcdefghijklmnopqrstv"] {
            assert_eq!(index.get(w), None, "{w}");
        }
    }

    #[test]
    fn arabic_words() {
        let set = WordSet::new(["علي", "الي", "عن", "الاحصاءات"]);
        assert!(set.contains("علي") && set.contains("عن") && set.contains("الاحصاءات"));
        assert!(!set.contains("علا") && !set.contains("من") && !set.contains("الاحصاءان"));
    }
}
