//! Numbers written in words: `ألفان وثمانية عشر` (2018), `ألف وتسعمائة
//! وثمانية وسبعون` (1978), `مائتين وسبعة وستين` (267), `تسعة` (9).
//!
//! The grammar is the written standard: thousands, hundreds, then units
//! before tens (`ثمانية وسبعون`), each part joined by `و`. Keys are folded,
//! so hamza and ta marbuta variants read alike.

use super::doc::Doc;
use crate::lexicon::lists::ListFile;
use crate::lexicon::LexiconError;
use crate::tokenizer::{clitics, TokenKind};

/// Bits of [`NumberWords::gate`]: one for each pair of the second bytes of
/// a key's first and third letters.
const GATE_BITS: usize = 1 << 16;

/// The number words of `data/words/numbers.tsv`.
#[derive(Debug)]
pub struct NumberWords {
    /// A cheap test that turns away most words before the list is read (a
    /// word after `في` is asked about, and most are no number): the bit of
    /// each number word's [`gate_bit`] is set.
    gate: Box<[u64]>,
    values: Box<[(Box<str>, u32)]>,
    /// `عشر`, `عشرة` after a unit: a teen.
    ten: Box<[Box<str>]>,
}

/// The gate bit of a folded key: the second bytes of its first and third
/// letters (Arabic letters are two bytes; the first is nearly always the
/// same), 0 for a letter it lacks.
#[inline]
fn gate_bit(key: &str) -> usize {
    let b = key.as_bytes();
    (usize::from(b.get(1).copied().unwrap_or(0)) << 8) | usize::from(b.get(5).copied().unwrap_or(0))
}

impl NumberWords {
    pub fn load() -> Result<Self, LexiconError> {
        let (name, text) = crate::list_file!("words/numbers.tsv");
        let mut f = ListFile::parse(name, text)?;
        let mut values = Vec::new();
        for row in f.rows("values")? {
            let Some(v) = row.fields.first().and_then(|v| v.parse().ok()) else {
                return Err(LexiconError { file: name, line: row.line, problem: "a bad or missing value".into() });
            };
            values.push((row.key.into_boxed_str(), v));
        }
        let ten = f.rows("ten")?.into_iter().map(|r| r.key.into_boxed_str()).collect();
        f.finish()?;
        let mut gate = vec![0u64; GATE_BITS / 64].into_boxed_slice();
        for (w, _) in &values {
            let bit = gate_bit(w);
            gate[bit / 64] |= 1 << (bit % 64);
        }
        Ok(NumberWords { gate, values: values.into_boxed_slice(), ten })
    }

    /// Value of one number word (folded key).
    #[inline]
    fn value(&self, key: &str) -> Option<u32> {
        // most words asked about are none: the gate turns them away
        let bit = gate_bit(key);
        let may_be = self.gate[bit / 64] & (1 << (bit % 64)) != 0;
        debug_assert!(may_be || self.full_value(key).is_none(), "number word turned away: {key}");
        if !may_be {
            return None;
        }
        self.full_value(key)
    }

    /// [`NumberWords::value`] by the full list.
    fn full_value(&self, key: &str) -> Option<u32> {
        self.values.iter().find(|(w, _)| **w == *key).map(|&(_, v)| v)
    }

    fn is_ten(&self, key: &str) -> bool {
        self.ten.iter().any(|w| **w == *key)
    }
}

/// Reads a number in words starting at token `i`; returns the value and the
/// last token. Teens (`ثمانية عشر`) add the unit to ten.
pub fn number_words(doc: &Doc, i: usize) -> Option<(u32, usize)> {
    if doc.kind(i) != TokenKind::Word {
        return None;
    }
    let words = &doc.words.dates.numbers;
    let mut total = 0u32;
    let mut last;
    let mut cur = i;
    let mut first = true;
    loop {
        let key = doc.key(cur);
        if !first && !clitics::starts_with_wa(key) {
            return None;
        }
        let key = if first { key } else { clitics::without_wa(key) };
        let v = words.value(key)?;
        // `ألف` after a number multiplies it (`ثلاثة آلاف` is not written
        // for years); here a thousand word simply adds
        total += v;
        last = cur;
        // a teen: `ثمانية عشر`
        if v < 10 {
            if let Some(n) = doc.next_word(cur) {
                if words.is_ten(doc.key(n)) {
                    total += 10;
                    last = n;
                    cur = n;
                }
            }
        }
        first = false;
        match doc.next_word(cur) {
            Some(n) if clitics::starts_with_wa(doc.key(n)) && words.value(clitics::without_wa(doc.key(n))).is_some() => cur = n,
            _ => break,
        }
    }
    Some((total, last))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The natural spellings of the data file fold to exactly the folded
    /// literals the code had, with their values.
    #[test]
    fn words_fold_to_the_literals_the_code_had() {
        let w = NumberWords::load().unwrap();
        let old = "صفر 0 واحد 1 واحده 1 احد 1 احدي 1 اثنين 2 اثنان 2 اثني 2 اثنا 2 ثلاثه 3 ثلاث 3 اربعه 4 اربع 4 خمسه 5 خمس 5 \
                   سته 6 ست 6 سبعه 7 سبع 7 ثمانيه 8 ثماني 8 ثمان 8 تسعه 9 تسع 9 عشره 10 عشر 10 عشرين 20 عشرون 20 ثلاثين 30 ثلاثون 30 \
                   اربعين 40 اربعون 40 خمسين 50 خمسون 50 ستين 60 ستون 60 سبعين 70 سبعون 70 ثمانين 80 ثمانون 80 تسعين 90 تسعون 90 \
                   مايه 100 ميه 100 مايتين 200 مايتان 200 ثلاثمايه 300 اربعمايه 400 خمسمايه 500 ستمايه 600 سبعمايه 700 \
                   ثمانمايه 800 ثمانيمايه 800 تسعمايه 900 الف 1000 الفين 2000 الفان 2000";
        let old: Vec<(String, u32)> = old.split_whitespace().collect::<Vec<_>>().chunks(2).map(|p| (p[0].to_string(), p[1].parse().unwrap())).collect();
        let new: Vec<(String, u32)> = w.values.iter().map(|(k, v)| (k.to_string(), *v)).collect();
        assert_eq!(new, old);
        assert!(w.is_ten("عشر") && w.is_ten("عشره"));
    }

    #[test]
    fn the_gate_lets_every_number_word_through() {
        let w = NumberWords::load().unwrap();
        for (k, v) in w.values.iter() {
            assert_eq!(w.value(k), Some(*v), "{k}");
        }
        assert_eq!(w.value("الفلسطيني"), None);
    }
}
