//! The per-word annotation: every word of a text looked up once, whole
//! and without its proclitics, into the ids the extractors read.

use super::{keys, KeyFacts, KeyTable, Lexicons, WordId, NO_WORD};
use crate::tokenizer::clitics::Split;
use crate::tokenizer::fold::fold_char;
use crate::tokenizer::{TokenKind, Tokens};

/// Lexicon ids of one token: as a whole word, and as its best stem. Eight
/// bytes a token: the whole-word id shares its word with the date-trigger
/// flag, the stem id with the number of proclitic code points and the
/// conjunction flag (vocabulary ids stay below 2^24).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TokenLex {
    /// Whole-word id (low 24 bits; all ones for none) and whether the word
    /// can begin a date (bit 24).
    whole: u32,
    /// Stem id (low 24 bits; all ones for none), proclitic code points
    /// (bits 24–30) and whether they include a conjunction (bit 31).
    packed: u32,
}

/// Bits of a vocabulary id in a [`TokenLex`] word.
const ID_BITS: u32 = 24;
const STEM_MASK: u32 = (1 << ID_BITS) - 1;
const DATE_TRIGGER: u32 = 1 << ID_BITS;
/// The proclitic code points sit above the stem id, seven bits wide.
const PREFIX_SHIFT: u32 = ID_BITS;
const PREFIX_MAX: u8 = 0x7F;
/// The conjunction flag is the top bit.
const CONJ_SHIFT: u32 = 31;

/// Bytes of a proclitic letter in UTF-8 (all five are of the Arabic block).
const LETTER: usize = 2;

impl TokenLex {
    const NONE: TokenLex = TokenLex { whole: STEM_MASK, packed: STEM_MASK };

    fn new(full: WordId, date_trigger: bool, stem: WordId, prefix_chars: u8, conj: bool) -> Self {
        let id_bits = |id: WordId| if id == NO_WORD { STEM_MASK } else { id & STEM_MASK };
        TokenLex {
            whole: id_bits(full) | if date_trigger { DATE_TRIGGER } else { 0 },
            packed: id_bits(stem) | (u32::from(prefix_chars.min(PREFIX_MAX)) << PREFIX_SHIFT) | (u32::from(conj) << CONJ_SHIFT),
        }
    }

    /// The whole word's id, or `NO_WORD`.
    #[inline]
    pub fn full(&self) -> WordId {
        let w = self.whole & STEM_MASK;
        if w == STEM_MASK {
            NO_WORD
        } else {
            w
        }
    }

    /// Whether a date expression can begin with this word, read whole or
    /// without its proclitics (see [`Lexicons::is_date_trigger`]); false
    /// for non-words.
    #[inline]
    pub fn date_trigger(&self) -> bool {
        self.whole & DATE_TRIGGER != 0
    }

    /// The stem's id, or `NO_WORD`.
    #[inline]
    pub fn stem(&self) -> WordId {
        let s = self.packed & STEM_MASK;
        if s == STEM_MASK {
            NO_WORD
        } else {
            s
        }
    }

    /// Code points of the proclitics before the stem (0 without a stem).
    #[inline]
    pub fn prefix_chars(&self) -> u8 {
        ((self.packed >> PREFIX_SHIFT) as u8) & PREFIX_MAX
    }

    /// The proclitics include a conjunction و/ف (`وقال`, `فيما`).
    #[inline]
    pub fn conj(&self) -> bool {
        self.packed >> CONJ_SHIFT == 1
    }

    /// Neither the whole word nor a stem has an id (spaces, punctuation,
    /// words in no lexicon: most tokens), answered by one test.
    #[inline]
    pub fn has_no_id(&self) -> bool {
        self.whole & self.packed & STEM_MASK == STEM_MASK
    }

    /// The whole word's and the stem's ids as stored, none being 2^24 - 1
    /// (above every id: out of range of a table by id, as `NO_WORD` is),
    /// for lookups that need not tell none apart.
    #[inline]
    pub fn raw_ids(&self) -> (WordId, WordId) {
        (self.whole & STEM_MASK, self.packed & STEM_MASK)
    }
}

/// The article that a stem after لل gets back (`للامم` → `الامم`).
const ARTICLE: &[u8] = "ال".as_bytes();

/// Looks up every word of `toks` once, filling `out` (one entry per token).
///
/// A word is looked up whole, then as each stem its proclitics allow
/// (shortest proclitics first; the first stem in the vocabulary wins).
pub fn annotate(text: &str, toks: &Tokens, lex: &Lexicons, out: &mut Vec<TokenLex>) {
    let tokens = toks.tokens();
    let keys = toks.keys().as_bytes();
    let table = &lex.keys;
    // half the tokens are spaces and punctuation: all start as none and
    // only the words are written
    out.clear();
    out.resize(tokens.len(), TokenLex::NONE);
    // Words go in blocks: first the hashes of a block's keys and the read
    // of their home slots, whose cache misses then overlap instead of
    // stalling one word after the other; then the lookups.
    const BLOCK: usize = 32;
    let mut words = [BlockWord::default(); BLOCK];
    let mut n = 0;
    let mut next = 0;
    while let Some(t) = tokens.get(next) {
        // (a plain index loop: the scan over every token stays a few
        // instructions a token)
        let i = next;
        next += 1;
        if !t.is_wordlike() {
            continue;
        }
        let end = tokens.get(next).map_or(keys.len(), |next| next.key_start as usize);
        let Some(key) = keys.get(t.key_start as usize..end) else { continue };
        let is_word = t.kind == TokenKind::Word;
        let home = table.home(keys::key_hash(key));
        // not in the table and no proclitic to strip (most words outside
        // the lexicons): its entry stays none
        if home.is_empty() && !(is_word && proclitic_letter(key).is_some()) {
            continue;
        }
        words[n % BLOCK] = BlockWord { key, index: i, is_word, home };
        n += 1;
        if n == BLOCK {
            look_up_block(text, toks, table, &words, out);
            n = 0;
        }
    }
    look_up_block(text, toks, table, &words[..n], out);
}

/// The lookups of a block of words (see [`annotate`]), written to their
/// tokens' entries in `out`.
#[inline(never)]
fn look_up_block(text: &str, toks: &Tokens, table: &KeyTable, words: &[BlockWord], out: &mut [TokenLex]) {
    for w in words {
        let found = lookup_word(table, w.key, w.is_word, w.home);
        let Some(lex) = out.get_mut(w.index) else { continue };
        *lex = match found.stem {
            Some((stem, split)) => {
                let prefix = clitic_surface_chars(&text[toks.bytes(w.index)], w.key, split);
                let conj = proclitic_letter(w.key) == Some(Proclitic::Conjunction);
                TokenLex::new(found.whole, found.date_trigger, stem, prefix, conj)
            }
            None => TokenLex::new(found.whole, found.date_trigger, NO_WORD, 0, false),
        };
    }
}

/// A word-like token of the current block, with what its lookups need.
#[derive(Clone, Copy, Default)]
struct BlockWord<'a> {
    key: &'a [u8],
    index: usize,
    /// A word, not a number: only words are read without proclitics.
    is_word: bool,
    home: keys::HomeSlot,
}

/// What the table says about one word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct WordLookup {
    whole: WordId,
    /// A date can begin with the word, whole or without its proclitics
    /// (see [`Lexicons::is_date_trigger`]).
    date_trigger: bool,
    /// The first stem in the vocabulary, and the split that leaves it.
    stem: Option<(WordId, Split)>,
}

/// Looks up a word-like token's `key`, whose home slot is `home`: whole
/// and, for a word, without its proclitics.
///
/// The proclitic sequences (`clitics::splits`) are a conjunction و/ف, then
/// a preposition ب/ك/ل, then لل for ل + the article; the date-trigger
/// stems (after و/ف, then after ب/ل/ك) are among their stems, so each
/// suffix of the key is looked up once for both. A test compares this
/// with `clitics::splits` and [`Lexicons::is_date_trigger`].
#[inline]
fn lookup_word(table: &KeyTable, key: &[u8], is_word: bool, home: keys::HomeSlot) -> WordLookup {
    let whole = table.find_from(home, key);
    let mut found = WordLookup { whole: whole.word, date_trigger: is_word && whole.date_trigger, stem: None };
    let first = if is_word { proclitic_letter(key) } else { None };
    let Some(first) = first else { return found };
    // the stem after the first letter: with a preposition, the date stem
    // and the first split; with a conjunction, the first of both
    let after_first = table.get_bytes(&key[LETTER..]);
    found.date_trigger |= after_first.date_trigger;
    let split = |letters: usize, restore_article: bool| Split { prefix_len: (LETTER * letters) as u8, restore_article };
    let first_stem = (after_first.word != NO_WORD && has_two_chars(&key[LETTER..])).then(|| (after_first.word, split(1, false)));
    match first {
        Proclitic::Conjunction => {
            // و/ف + ب/ك/ل: the second date stem and the second split
            let after_prep = if matches!(proclitic_letter(&key[LETTER..]), Some(Proclitic::Preposition | Proclitic::Lam)) {
                table.get_bytes(&key[2 * LETTER..])
            } else {
                KeyFacts::NONE
            };
            found.date_trigger |= after_prep.date_trigger;
            found.stem = first_stem
                .or_else(|| (after_prep.word != NO_WORD && has_two_chars(&key[2 * LETTER..])).then(|| (after_prep.word, split(2, false))))
                .or_else(|| {
                    // و/ف + لل: the article restored
                    let rest = key.get(LETTER..).filter(|k| k.starts_with(LAM_LAM))?.get(LAM_LAM.len()..)?;
                    restored_stem(table, rest).map(|w| (w, split(3, true)))
                });
        }
        Proclitic::Preposition => found.stem = first_stem,
        Proclitic::Lam => {
            found.stem = first_stem.or_else(|| {
                // لل: ل + the article, restored
                let rest = key.strip_prefix(LAM_LAM)?;
                restored_stem(table, rest).map(|w| (w, split(2, true)))
            });
        }
    }
    found
}

/// لل: ل + the article, which has lost its alif.
const LAM_LAM: &[u8] = "لل".as_bytes();

/// The vocabulary id of the article + `rest` (the stem after لل), if
/// `rest` is long enough to be a stem.
#[inline]
fn restored_stem(table: &KeyTable, rest: &[u8]) -> Option<WordId> {
    if !has_two_chars(rest) {
        return None;
    }
    let word = table.get_joined(ARTICLE, rest).word;
    (word != NO_WORD).then_some(word)
}

/// The proclitic letters, by what may follow them (see `clitics::splits`;
/// the article is never split off, so ا is not one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Proclitic {
    /// و ف: a preposition or لل may follow.
    Conjunction,
    /// ب ك: only the stem follows.
    Preposition,
    /// ل: a preposition, or the first ل of لل.
    Lam,
}

/// The proclitic letter `key` starts with, if any.
#[inline]
fn proclitic_letter(key: &[u8]) -> Option<Proclitic> {
    // all five are two bytes in UTF-8, 0xD8 0xA8 (ب) or 0xD9 0x81–0x88
    match key {
        [0xD8, 0xA8, ..] => Some(Proclitic::Preposition),
        [0xD9, second, ..] => match second {
            0x81 | 0x88 => Some(Proclitic::Conjunction),
            0x83 => Some(Proclitic::Preposition),
            0x84 => Some(Proclitic::Lam),
            _ => None,
        },
        _ => None,
    }
}

/// Whether the UTF-8 text `s` has at least two code points (the shortest
/// stem a split may leave, `clitics::MIN_STEM_CHARS`).
#[inline]
fn has_two_chars(s: &[u8]) -> bool {
    let first_len = match s.first() {
        None => return false,
        Some(0..=0x7F) => 1,
        Some(0x80..=0xDF) => 2,
        Some(0xE0..=0xEF) => 3,
        Some(_) => 4,
    };
    s.len() > first_len
}

/// [`prefix_surface_chars`] for a word whose key is `key`.
fn clitic_surface_chars(surface: &str, key: &[u8], split: Split) -> u8 {
    let len = split.prefix_len as usize;
    // most words are written without marks: proclitic letters written as
    // in the key and a letter after them take one code point each
    // (the proclitic letters are two bytes each: compared a letter at a
    // time, which takes no call to memcmp)
    let (surface_bytes, key_letters) = (surface.as_bytes(), key.chunks_exact(LETTER).take(len / LETTER));
    let same_letters = surface_bytes.len() >= len && key.len() >= len && surface_bytes.chunks_exact(LETTER).zip(key_letters).all(|(s, k)| s == k);
    if same_letters && surface[len..].chars().next().is_some_and(|c| fold_char(c).is_some()) {
        return (len / LETTER) as u8;
    }
    prefix_surface_chars(surface, split)
}

/// Surface code points taken by the proclitics of `split`, marks included.
fn prefix_surface_chars(surface: &str, split: Split) -> u8 {
    let key_chars = split.prefix_len as usize / LETTER;
    let mut seen = 0usize;
    let mut chars = 0usize;
    for c in surface.chars() {
        if seen == key_chars && fold_char(c).is_some() {
            break;
        }
        chars += 1;
        if fold_char(c).is_some() {
            seen += 1;
        }
    }
    chars.min(u8::MAX as usize) as u8
}

#[cfg(test)]
mod tests {
    use super::super::starts::is_date_trigger_in;
    use super::*;
    use crate::tokenizer::clitics;
    use crate::tokenizer::fold::fold_phrase;

    #[test]
    fn prefix_surface_chars_skip_marks_on_the_clitic() {
        let s = Split { prefix_len: 2, restore_article: false };
        assert_eq!(prefix_surface_chars("وَسوريا", s), 2);
        assert_eq!(prefix_surface_chars("وسوريا", s), 1);
        let s = Split { prefix_len: 4, restore_article: true };
        assert_eq!(prefix_surface_chars("للأمم", s), 2);
    }

    #[test]
    fn clitic_surface_chars_agree_with_the_walk_over_the_surface() {
        let surfaces = ["وسوريا", "وَسوريا", "وّسوريا", "وـسوريا", "للأمم", "لِلأمم", "ولِلأمم", "وللأمم", "فَبِالولايات", "بـالولايات", "كَما", "لإسرائيل", "وأمس", "وَأمس", "فلل٣ب", "ولا", "بك"];
        for surface in surfaces {
            let key = fold_phrase(surface);
            for split in clitics::splits(&key) {
                let expected = prefix_surface_chars(surface, split);
                assert_eq!(clitic_surface_chars(surface, key.as_bytes(), split), expected, "{surface} {split:?}");
            }
        }
    }

    /// The lookups of a word as first written: the date stems on their own
    /// (as [`Lexicons::is_date_trigger`] does), then each split of
    /// `clitics::splits` in turn.
    fn lookup_word_reference(table: &KeyTable, key: &str, is_word: bool) -> WordLookup {
        let whole = table.get(key);
        let date_trigger = is_word && is_date_trigger_in(table, key);
        let mut stem = None;
        if is_word {
            for split in clitics::splits(key) {
                let rest = &key[split.prefix_len as usize..];
                let facts = if split.restore_article { table.get(&format!("ال{rest}")) } else { table.get(rest) };
                if facts.word != NO_WORD {
                    stem = Some((facts.word, split));
                    break;
                }
            }
        }
        WordLookup { whole: whole.word, date_trigger, stem }
    }

    #[test]
    fn a_word_found_nowhere_is_annotated_none() {
        assert_eq!(TokenLex::new(NO_WORD, false, NO_WORD, 0, false), TokenLex::NONE);
    }

    #[test]
    fn word_lookups_agree_with_the_splits_one_by_one() {
        // every key of up to five letters over proclitic letters, the
        // article's and others (one of them three bytes in UTF-8)
        let letters = ["و", "ف", "ب", "ك", "ل", "ا", "م", "a", "ة", "中"];
        let mut all = vec![String::new()];
        let mut last = vec![String::new()];
        for _ in 0..5 {
            last = last.iter().flat_map(|k| letters.iter().map(move |l| format!("{k}{l}"))).collect();
            all.extend(last.iter().cloned());
        }
        // a pseudo-random part of them in the vocabulary, some date triggers
        let fnv = |k: &str| k.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3));
        for (in_vocab, trigger) in [(3, 5), (2, 3), (5, 2)] {
            let facts = |n: usize, k: &str| {
                let word = if fnv(k) % in_vocab == 0 { n as WordId } else { NO_WORD };
                KeyFacts { word, common_rank: None, date_trigger: (fnv(k) >> 8) % trigger == 0 }
            };
            let entries: Vec<(&str, KeyFacts)> = all.iter().enumerate().map(|(n, k)| (k.as_str(), facts(n, k))).filter(|(_, f)| f.word != NO_WORD || f.date_trigger).collect();
            let table = KeyTable::build(entries);
            for key in &all {
                for is_word in [true, false] {
                    let home = table.home(keys::key_hash(key.as_bytes()));
                    let found = lookup_word(&table, key.as_bytes(), is_word, home);
                    assert_eq!(found, lookup_word_reference(&table, key, is_word), "{key} {is_word}");
                    // what `annotate` skips leaves the entry none
                    if home.is_empty() && !(is_word && proclitic_letter(key.as_bytes()).is_some()) {
                        assert_eq!(found, WordLookup { whole: NO_WORD, date_trigger: false, stem: None }, "{key} {is_word}");
                    }
                }
            }
        }
    }
}
