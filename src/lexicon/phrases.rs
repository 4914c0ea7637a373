//! The shared vocabulary and word-sequence tries every lexicon is built on.
//!
//! Every word of every lexicon gets a dense id in one [`Vocab`]; a text's
//! words are looked up once each (their ids are stored per token), and
//! multi-word entries (`مجلس الأمن الدولي`, `كانون الثاني`, `وفقا ل`) are
//! found by walking a [`PhraseSet`] trie over those ids — integer-keyed
//! lookups, no string building per token.

use rustc_hash::FxHashMap;

/// Id of a word in the vocabulary.
pub type WordId = u32;

/// A word that is in no lexicon.
pub const NO_WORD: WordId = u32::MAX;

/// All words of all lexicons, by folded key.
#[derive(Debug, Default)]
pub struct Vocab {
    ids: FxHashMap<Box<str>, WordId>,
}

impl Vocab {
    /// The id of `key`, adding it when new.
    pub fn intern(&mut self, key: &str) -> WordId {
        if let Some(&id) = self.ids.get(key) {
            return id;
        }
        let id = self.ids.len() as WordId;
        self.ids.insert(key.into(), id);
        id
    }

    #[inline]
    pub fn get(&self, key: &str) -> WordId {
        self.ids.get(key).copied().unwrap_or(NO_WORD)
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Every key with its id.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &WordId)> {
        self.ids.iter().map(|(k, id)| (&**k, id))
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }
}

/// A trie of word-id sequences with a value at the end of each entry.
#[derive(Debug)]
pub struct PhraseSet<T> {
    edges: FxHashMap<(u32, WordId), u32>,
    /// Bit per word id: whether an entry starts with that word. Most words
    /// of a text start nothing; one bit test answers them without hashing.
    starts: Vec<u64>,
    /// Bit per word id: whether an entry has that word after its first.
    /// Most words that follow a match continue nothing (the same test).
    continues: Vec<u64>,
    /// Bit per node: whether an entry goes on past it. Most matches end
    /// at their first word; a walk stops there without looking further.
    inner: Vec<u64>,
    values: Vec<Option<T>>,
    /// Longest entry, in words.
    max_len: usize,
}

impl<T> Default for PhraseSet<T> {
    fn default() -> Self {
        Self { edges: FxHashMap::default(), starts: Vec::new(), continues: Vec::new(), inner: Vec::new(), values: vec![None], max_len: 0 }
    }
}

/// Where a walk through the trie stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Node(u32);

impl<T> PhraseSet<T> {
    pub const ROOT: Node = Node(0);

    /// Adds the entry `words` (folded keys, interned into `vocab`). An entry
    /// already present keeps its first value: lexicon files list preferred
    /// readings first.
    pub fn insert(&mut self, vocab: &mut Vocab, words: &[&str], value: T) -> bool {
        if words.is_empty() {
            return false;
        }
        let mut node = 0u32;
        for (n, w) in words.iter().enumerate() {
            let id = vocab.intern(w);
            set_bit(if n == 0 { &mut self.starts } else { &mut self.continues }, id as usize);
            if n > 0 {
                set_bit(&mut self.inner, node as usize);
            }
            node = match self.edges.get(&(node, id)) {
                Some(&n) => n,
                None => {
                    let n = self.values.len() as u32;
                    self.values.push(None);
                    self.edges.insert((node, id), n);
                    n
                }
            };
        }
        self.max_len = self.max_len.max(words.len());
        let slot = &mut self.values[node as usize];
        if slot.is_none() {
            *slot = Some(value);
            true
        } else {
            false
        }
    }

    /// Inserts the phrase given as text (folded and split on spaces).
    pub fn insert_phrase(&mut self, vocab: &mut Vocab, phrase: &str, value: T) -> bool {
        let key = crate::tokenizer::fold::fold_phrase(phrase);
        let words: Vec<&str> = key.split(' ').filter(|w| !w.is_empty()).collect();
        self.insert(vocab, &words, value)
    }

    /// Whether some entry starts with `word` (a cheap test before a walk).
    #[inline]
    pub fn can_start(&self, word: WordId) -> bool {
        word != NO_WORD && has_bit(&self.starts, word as usize)
    }

    /// The first word of each entry whose value passes `keep` (a word once
    /// per such entry; for tables built at load).
    pub fn first_words(&self, mut keep: impl FnMut(&T) -> bool) -> Vec<WordId> {
        // each node's parent and the word on the edge from it
        let mut parent = vec![(0u32, NO_WORD); self.values.len()];
        for (&(node, word), &child) in &self.edges {
            parent[child as usize] = (node, word);
        }
        let first_word = |mut node: usize| loop {
            let (up, word) = parent[node];
            if up == 0 {
                return word;
            }
            node = up as usize;
        };
        (1..self.values.len()).filter(|&n| self.values[n].as_ref().is_some_and(&mut keep)).map(first_word).collect()
    }

    /// Whether some entry goes on past `node`: if not, no word can follow.
    #[inline]
    pub fn has_next(&self, node: Node) -> bool {
        has_bit(&self.inner, node.0 as usize)
    }

    /// Whether some entry has `word` after its first word (a cheap test
    /// before a step past the root).
    #[inline]
    pub fn may_continue(&self, word: WordId) -> bool {
        word != NO_WORD && has_bit(&self.continues, word as usize)
    }

    /// The node after `node` by `word`, if an entry goes that way. Words
    /// that are in no entry at that place are mostly answered by a bit test.
    #[inline]
    pub fn step(&self, node: Node, word: WordId) -> Option<Node> {
        let possible = if node == Self::ROOT { self.can_start(word) } else { self.may_continue(word) };
        if !possible {
            return None;
        }
        self.edges.get(&(node.0, word)).map(|&n| Node(n))
    }

    #[inline]
    pub fn value(&self, node: Node) -> Option<&T> {
        self.values[node.0 as usize].as_ref()
    }

    pub fn max_len(&self) -> usize {
        self.max_len
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.values.iter().filter(|v| v.is_some()).count()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The longest entry that a sequence of words starts with: each item of
    /// `words` lists the ids a word may be read as (whole word, stem). Returns
    /// the number of words matched and the value.
    pub fn longest<I>(&self, words: I) -> Option<(usize, &T)>
    where
        I: IntoIterator<Item = WordId>,
    {
        let mut node = Self::ROOT;
        let mut best = None;
        for (n, id) in words.into_iter().enumerate() {
            match self.step(node, id) {
                Some(next) => {
                    node = next;
                    if let Some(v) = self.value(node) {
                        best = Some((n + 1, v));
                    }
                }
                None => break,
            }
            if n + 1 >= self.max_len {
                break;
            }
        }
        best
    }
}

fn set_bit(bits: &mut Vec<u64>, n: usize) {
    if bits.len() <= n / 64 {
        bits.resize(n / 64 + 1, 0);
    }
    bits[n / 64] |= 1 << (n % 64);
}

#[inline]
fn has_bit(bits: &[u64], n: usize) -> bool {
    bits.get(n / 64).is_some_and(|b| b & (1 << (n % 64)) != 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_entry_wins() {
        let mut vocab = Vocab::default();
        let mut set = PhraseSet::default();
        set.insert_phrase(&mut vocab, "مجلس الأمن", 1);
        set.insert_phrase(&mut vocab, "مجلس الأمن الدولي", 2);
        let ids: Vec<WordId> = ["مجلس", "الامن", "الدولي", "اليوم"].iter().map(|w| vocab.get(w)).collect();
        assert_eq!(set.longest(ids.iter().copied()), Some((3, &2)));
        assert_eq!(set.longest(ids[..2].iter().copied()), Some((2, &1)));
        assert_eq!(set.longest([vocab.get("الامن")]), None);
    }

    /// The bit sets answer as the edge map does.
    #[test]
    fn steps_agree_with_the_edge_map() {
        let mut vocab = Vocab::default();
        let mut set = PhraseSet::default();
        for phrase in ["مجلس الأمن", "مجلس الأمن الدولي", "الأمن", "الأمم المتحدة", "مجلس", "وزير الخارجية", "الخارجية الأمريكية", "a b c d"] {
            set.insert_phrase(&mut vocab, phrase, phrase.len());
        }
        // a word of the vocabulary in no entry of this set, and one past it
        vocab.intern("اليوم");
        let ids: Vec<WordId> = (0..vocab.len() as WordId + 2).chain([NO_WORD]).collect();
        for node in 0..set.values.len() as u32 {
            let has_edge = set.edges.keys().any(|&(from, _)| from == node);
            if node != 0 {
                assert_eq!(set.has_next(Node(node)), has_edge, "node {node}");
            }
            for &id in &ids {
                let expected = set.edges.get(&(node, id)).map(|&n| Node(n));
                assert_eq!(set.step(Node(node), id), expected, "node {node}, word {id}");
                if node == 0 {
                    assert_eq!(set.can_start(id), expected.is_some(), "word {id}");
                }
                if expected.is_some() && node != 0 {
                    assert!(set.may_continue(id), "word {id}");
                }
            }
        }
    }

    #[test]
    fn first_words_are_the_words_entries_start_with() {
        let mut vocab = Vocab::default();
        let mut set = PhraseSet::default();
        set.insert_phrase(&mut vocab, "مجلس الأمن الدولي", 1);
        set.insert_phrase(&mut vocab, "الأمن", 2);
        set.insert_phrase(&mut vocab, "مجلس النواب", 3);
        let mut all = set.first_words(|_| true);
        all.sort_unstable();
        all.dedup();
        let mut starts: Vec<WordId> = (0..vocab.len() as WordId).filter(|&w| set.can_start(w)).collect();
        starts.sort_unstable();
        assert_eq!(all, starts);
        assert_eq!(set.first_words(|&v| v == 2), vec![vocab.get("الامن")]);
        assert_eq!(set.first_words(|&v| v == 1), vec![vocab.get("مجلس")]);
    }

    #[test]
    fn first_value_is_kept_for_a_repeated_entry() {
        let mut vocab = Vocab::default();
        let mut set = PhraseSet::default();
        assert!(set.insert_phrase(&mut vocab, "الكويت", "country"));
        assert!(!set.insert_phrase(&mut vocab, "الكويت", "city"));
        assert_eq!(set.longest([vocab.get("الكويت")]), Some((1, &"country")));
    }
}
