//! The word lists of the quotes rules, read from `data/words/quotes.tsv`
//! (natural spelling, folded at load): each field is one section of the
//! file, named alike.

use crate::lexicon::lists::WordList;
use crate::lexicon::lists::{ListFile, ListRow};
use crate::lexicon::{LexiconError, Preps};
use crate::tokenizer::fold::fold_phrase;

/// A word that opens an attribution phrase (`بحسب`, `نقلا عن`).
#[derive(Debug)]
pub(super) struct AttributionHead {
    /// The folded head (`بحسب`, `نقلا`).
    pub(super) key: Box<str>,
    /// The folded word that must follow it (`عن` after `نقلا`), if any.
    pub(super) needs: Option<Box<str>>,
    /// The folded word read past when it follows (`ما` of `بحسب ما`).
    pub(super) skips: Option<Box<str>>,
}

/// The attribution heads, and the quick test every word of an indirect
/// quote meets before them: the byte lengths and last letters of the heads
/// (with or without a conjunction), from the list itself.
#[derive(Debug)]
pub(super) struct AttributionHeads {
    pub(super) heads: Vec<AttributionHead>,
    /// The heads' keys, for finding one.
    index: WordList,
    /// Shortest and longest byte length of a head, the longest with a
    /// conjunction glued to it.
    pub(super) min_len: usize,
    pub(super) max_len: usize,
    /// The last letter of each head (no repeats), as the two bytes an
    /// Arabic letter takes in UTF-8, compared as one number; a fixed array
    /// (0 where unused, which no key ends with) so the test is unrolled.
    pub(super) last_letters: [u16; MAX_LAST_LETTERS],
}

impl AttributionHeads {
    fn new(rows: Vec<ListRow>) -> Result<Self, LexiconError> {
        let folded = |f: Option<&String>| f.map(|w| fold_phrase(w)).filter(|w| !w.is_empty()).map(String::into_boxed_str);
        let heads: Vec<AttributionHead> = rows
            .into_iter()
            .map(|r| AttributionHead { needs: folded(r.fields.first()), skips: folded(r.fields.get(1)), key: r.key.into_boxed_str() })
            .collect();
        let min_len = heads.iter().map(|h| h.key.len()).min().unwrap_or(0);
        // (a conjunction glued before a head is one letter more)
        let max_len = heads.iter().map(|h| h.key.len()).max().unwrap_or(0) + WAW_BYTES;
        let mut last_letters = [0u16; MAX_LAST_LETTERS];
        let mut distinct = 0;
        for h in &heads {
            let last = h.key.chars().last().map_or(0, char::len_utf8);
            if last != ARABIC_LETTER_BYTES {
                return Err(LexiconError { file: FILE, line: 0, problem: format!("attribution head {:?} does not end in an Arabic letter", h.key) });
            }
            let last = last_two_bytes(h.key.as_bytes());
            if !last_letters[..distinct].contains(&last) {
                let Some(slot) = last_letters.get_mut(distinct) else {
                    return Err(LexiconError { file: FILE, line: 0, problem: format!("attribution heads end in more than {MAX_LAST_LETTERS} letters") });
                };
                *slot = last;
                distinct += 1;
            }
        }
        let index = WordList::new(heads.iter().map(|h| &*h.key));
        Ok(AttributionHeads { heads, index, min_len, max_len, last_letters })
    }

    /// The head spelt `key` (folded, without a conjunction), if it is one.
    #[inline]
    pub(super) fn get(&self, key: &str) -> Option<&AttributionHead> {
        self.index.position(key).map(|i| &self.heads[i as usize])
    }

    /// Whether a folded key has the length and the last letter of a head:
    /// most words are turned away by this without a lookup.
    #[inline]
    pub(super) fn may_be(&self, key: &[u8]) -> bool {
        (self.min_len..=self.max_len).contains(&key.len()) && self.last_letters.contains(&last_two_bytes(key))
    }
}

/// The last two bytes of `key` (at least two long) as one number.
#[inline]
fn last_two_bytes(key: &[u8]) -> u16 {
    u16::from_le_bytes([key[key.len() - 2], key[key.len() - 1]])
}

/// How many different last letters the attribution heads may have.
const MAX_LAST_LETTERS: usize = 4;

/// Bytes of an Arabic letter in UTF-8.
const ARABIC_LETTER_BYTES: usize = 2;

/// The list file, for error messages.
const FILE: &str = "words/quotes.tsv";

/// A preposition before a complementizer (folded) and the flag the verb's
/// prepositions must have (`None`: after every verb of saying).
type VerbPrep = (Box<str>, Option<u8>);

/// Bytes of the conjunction و in UTF-8.
const WAW_BYTES: usize = ARABIC_LETTER_BYTES;

/// The word lists of the quotes rules (`data/words/quotes.tsv`); see each
/// section's comment there for what it holds and why.
#[derive(Debug)]
pub struct Words {
    pub(super) verb_prepositions: Vec<VerbPrep>,
    /// Their words, then the `relay_participles`: what a word in a verb's
    /// reach is, found by one lookup.
    reach_index: WordList,
    pub(super) relay_verbs: WordList,
    pub(super) saying_verbs: WordList,
    pub(super) source_preposition: Box<str>,
    pub(super) move_prepositions: WordList,
    pub(super) subject_particles: WordList,
    pub(super) scripture: WordList,
    pub(super) unsourced_reports: WordList,
    pub(super) naming_nouns: WordList,
    pub(super) honorific_pronouns: WordList,
    pub(super) governs_an: WordList,
    pub(super) trailing_demonstratives: WordList,
    pub(super) trailing_relatives: WordList,
    pub(super) clause_openers: WordList,
    pub(super) preverbal_particles: WordList,
    pub(super) quantifiers: WordList,
    pub(super) partitive_preposition: Box<str>,
    pub(super) placing_prepositions: WordList,
    pub(super) relative_pronouns: WordList,
    pub(super) attribution: AttributionHeads,
    pub(super) issued: WordList,
    pub(super) credit_complementizers: WordList,
    pub(super) complementizer: Box<str>,
    pub(super) concessives: WordList,
    pub(super) main_clause_openers: WordList,
    pub(super) connectives: WordList,
}

impl Words {
    /// Reads the lists compiled into the binary.
    pub fn load() -> Result<Self, LexiconError> {
        let (name, text) = crate::list_file!("words/quotes.tsv");
        Self::parse(ListFile::parse(name, text)?)
    }

    fn parse(mut f: ListFile) -> Result<Self, LexiconError> {
        let verb_preps = verb_prepositions(f.rows("verb_prepositions")?)?;
        let relay = f.rows("relay_participles")?;
        let words = Words {
            reach_index: WordList::new(verb_preps.iter().map(|(k, _)| &**k).chain(relay.iter().map(|r| r.key.as_str()))),
            verb_prepositions: verb_preps,
            relay_verbs: set(&mut f, "relay_verbs")?,
            saying_verbs: set(&mut f, "saying_verbs")?,
            source_preposition: one(&mut f, "source_preposition")?,
            move_prepositions: set(&mut f, "move_prepositions")?,
            subject_particles: set(&mut f, "subject_particles")?,
            scripture: set(&mut f, "scripture")?,
            unsourced_reports: set(&mut f, "unsourced_reports")?,
            naming_nouns: set(&mut f, "naming_nouns")?,
            honorific_pronouns: set(&mut f, "honorific_pronouns")?,
            governs_an: set(&mut f, "governs_an")?,
            trailing_demonstratives: set(&mut f, "trailing_demonstratives")?,
            trailing_relatives: set(&mut f, "trailing_relatives")?,
            clause_openers: set(&mut f, "clause_openers")?,
            preverbal_particles: set(&mut f, "preverbal_particles")?,
            quantifiers: set(&mut f, "quantifiers")?,
            partitive_preposition: one(&mut f, "partitive_preposition")?,
            placing_prepositions: set(&mut f, "placing_prepositions")?,
            relative_pronouns: set(&mut f, "relative_pronouns")?,
            attribution: AttributionHeads::new(f.rows("attribution_heads")?)?,
            issued: set(&mut f, "issued")?,
            credit_complementizers: set(&mut f, "credit_complementizers")?,
            complementizer: one(&mut f, "complementizer")?,
            concessives: set(&mut f, "concessives")?,
            main_clause_openers: set(&mut f, "main_clause_openers")?,
            connectives: set(&mut f, "connectives")?,
        };
        f.finish()?;
        Ok(words)
    }

    /// What the word `key` in a verb's reach is to the cue rules.
    #[inline]
    pub(super) fn reach_word(&self, key: &str) -> ReachWord {
        match self.reach_index.position(key) {
            None => ReachWord::Other,
            Some(i) => match self.verb_prepositions.get(i as usize) {
                Some(&(_, flag)) => ReachWord::Prep(flag),
                None => ReachWord::Relay,
            },
        }
    }

    /// Whether `key` is a preposition a verb with `preps` may put before
    /// its complementizer.
    #[inline]
    pub(super) fn is_verb_prep(&self, key: &str, preps: Preps) -> bool {
        self.reach_word(key).is_verb_prep(preps)
    }
}

/// The words of section `name`.
fn set(f: &mut ListFile, name: &str) -> Result<WordList, LexiconError> {
    Ok(WordList::new(f.rows(name)?.iter().map(|r| r.key.as_str())))
}

/// What a word in a verb's reach is to the cue rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ReachWord {
    /// A preposition before a complementizer, with the flag the verb's
    /// prepositions must have (`None`: after every verb of saying).
    Prep(Option<u8>),
    /// A participle that relays another's words (`نقلا عن`).
    Relay,
    Other,
}

impl ReachWord {
    /// Whether the word is a preposition a verb with `preps` may put before
    /// its complementizer.
    #[inline]
    pub(super) fn is_verb_prep(self, preps: Preps) -> bool {
        matches!(self, ReachWord::Prep(flag) if flag.is_none_or(|f| preps.contains(f)))
    }
}

/// The one word of section `name`.
fn one(f: &mut ListFile, name: &str) -> Result<Box<str>, LexiconError> {
    let rows = f.rows(name)?;
    match &rows[..] {
        [row] => Ok(row.key.clone().into_boxed_str()),
        _ => Err(LexiconError { file: FILE, line: rows.first().map_or(0, |r| r.line), problem: format!("section {name:?} must hold one word") }),
    }
}

/// The `verb_prepositions` rows: word, then `any` or a preps flag name.
fn verb_prepositions(rows: Vec<ListRow>) -> Result<Vec<VerbPrep>, LexiconError> {
    rows.into_iter()
        .map(|r| {
            let flag = match r.fields.first().map(String::as_str) {
                Some("any") => None,
                Some("an") => Some(Preps::AN),
                Some("fi") => Some(Preps::FI),
                Some("min") => Some(Preps::MIN),
                other => return Err(LexiconError { file: FILE, line: r.line, problem: format!("unknown preposition flag {other:?}") }),
            };
            Ok((r.key.into_boxed_str(), flag))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The folded literals the rules compared before the lists moved to the
    /// data file: folding the natural spelling gives exactly these.
    fn same(set: &WordList, old: &[&str]) {
        for w in old {
            assert!(set.contains(w), "{w}");
        }
        assert_eq!(set.len(), old.len(), "{old:?}");
    }

    #[test]
    fn natural_spelling_folds_to_the_old_literals() {
        let w = Words::load().unwrap();
        same(&w.relay_verbs, &["نقل"]);
        same(&w.saying_verbs, &["قال"]);
        assert_eq!(w.reach_word("نقلا"), ReachWord::Relay);
        assert_eq!(w.reach_word("نقل"), ReachWord::Other);
        assert_eq!(&*w.source_preposition, "عن");
        same(&w.move_prepositions, &["الي", "من"]);
        same(&w.subject_particles, &["ان", "لكن", "ولكن", "فان", "وان", "بان"]);
        same(&w.scripture, &["تعالي", "الله", "سبحانه"]);
        // (the code's list also held `المؤشرات` and `الاحصائيات`, written
        // unfolded, which never matched: they are left out, see the file)
        same(
            &w.unsourced_reports,
            &["تقارير", "انباء", "معلومات", "اخبار", "التقارير", "الانباء", "المعلومات", "الاخبار", "الاحصاءات", "الارقام"],
        );
        same(&w.naming_nouns, &["شعار", "شعارات", "هتاف", "هتافات", "عنوان", "بعنوان", "اسم", "لقب", "وسم", "هاشتاغ", "هاشتاج", "لافته", "لافتات", "عباره", "بعباره", "شعارا"]);
        same(&w.honorific_pronouns, &["معاليه", "سموه", "فخامته", "سيادته", "سعادته", "جلالته", "غبطته", "نيافته", "معاليها", "سموها"]);
        same(
            &w.governs_an,
            &[
                "يمكن", "يمكنه", "يمكنها", "يجب", "ينبغي", "يتعين", "لابد", "بد", "دون", "بدون", "قبل", "بعد", "منذ", "احتمال", "امكانيه", "حتي", "يحتمل", "يرجح", "المرجح", "المتوقع", "المقرر",
                "المفترض", "شانه", "شانها", "اجل", "مجرد", "بمجرد", "الا", "لو", "رغم", "برغم", "ورغم",
            ],
        );
        same(&w.trailing_demonstratives, &["هذا", "هذه", "وهذا"]);
        same(&w.trailing_relatives, &["ما", "حسبما", "كما"]);
        same(
            &w.clause_openers,
            &[
                "كان", "كانت", "وكان", "وكانت", "لكن", "ولكن", "اما", "واما", "وقد", "قد", "ثم", "فيما", "بينما", "حيث", "كما", "اذ", "بدوره", "بدورها", "ان", "رغم", "برغم", "بيد", "لان", "اذا", "عندما",
                "حين", "بعدما",
            ],
        );
        same(&w.preverbal_particles, &["قد", "فقد", "لقد", "وقد"]);
        same(&w.quantifiers, &["العديد", "عدد", "الكثير", "كثير", "بعض", "جميع", "غالبيه", "معظم", "اغلب"]);
        assert_eq!(&*w.partitive_preposition, "من");
        same(&w.placing_prepositions, &["من", "في"]);
        same(&w.relative_pronouns, &["الذي", "التي", "والذي", "والتي"]);
        same(&w.issued, &["صادر", "صادره"]);
        same(&w.credit_complementizers, &["فان", "فانه", "فانها", "ان", "انه"]);
        assert_eq!(&*w.complementizer, "ان");
        same(&w.concessives, &["رغم", "ورغم", "برغم", "وبرغم", "مع", "ومع"]);
        same(&w.main_clause_openers, &["فان", "الا"]);
        same(&w.connectives, &["فيما", "بينما", "حين", "في", "كما", "ثم"]);
    }

    #[test]
    fn verb_prepositions_and_their_flags() {
        let w = Words::load().unwrap();
        let got: Vec<(&str, Option<u8>)> = w.verb_prepositions.iter().map(|(k, f)| (&**k, *f)).collect();
        assert_eq!(got, vec![("الي", None), ("علي", None), ("عن", Some(Preps::AN)), ("في", Some(Preps::FI)), ("من", Some(Preps::MIN))]);
    }

    #[test]
    fn attribution_heads_and_their_quick_test() {
        let a = Words::load().unwrap().attribution;
        let got: Vec<(&str, Option<&str>, Option<&str>)> = a.heads.iter().map(|h| (&*h.key, h.needs.as_deref(), h.skips.as_deref())).collect();
        assert_eq!(
            got,
            vec![
                ("بحسب", None, Some("ما")),
                ("حسب", None, Some("ما")),
                ("حسبما", None, None),
                ("وفقا", None, Some("لما")),
                ("طبقا", None, Some("لما")),
                ("نقلا", Some("عن"), None),
                ("علي", Some("لسان"), None),
            ]
        );
        // as the code had it: 3 to 5 letters with or without و, ending in ب, ا or ي
        assert_eq!((a.min_len, a.max_len), (6, 12));
        let mut last: Vec<u16> = a.last_letters.iter().copied().filter(|&l| l != 0).collect();
        last.sort_unstable();
        let mut want: Vec<u16> = ["ب", "ا", "ي"].iter().map(|l| last_two_bytes(l.as_bytes())).collect();
        want.sort_unstable();
        assert_eq!(last, want);
    }
}
