//! Noun phrases that name people and bodies: `وزير الخارجية الروسي سيرغي
//! لافروف`, `الأمين العام للحزب محسن مرزوق`, `وزارة الشؤون الثقافية`,
//! `مصدر أمني`. Shared by the quote extractor (speakers) and the entity
//! extractor (people found by context).
//!
//! The extent rules describe Arabic word order: a title head (`وزير`,
//! `الرئيس`) is followed by definite modifiers (`الخارجية الروسي`); the name
//! starts at the first indefinite word that is not a title or function word
//! and continues through connectors (`بن`, `عبد`, `أبو`) and a definite
//! family name (`علي الشبل`), stopping at punctuation, function words,
//! dates, verbs of saying and complementizers.
//!
//! The files follow the steps of [`parse`]: `phrase` (the steps in order),
//! `title` and `title_scan` (a title and how far it runs), `start` (where a
//! name starts), `extent` (how far it runs), `description` (a phrase with
//! no name); `words` holds their word lists.

mod description;
mod extent;
pub mod lexical;
mod phrase;
mod start;
mod title;
mod title_scan;
mod words;

pub use phrase::{parse_after_preposition, parse_with_title};
pub use words::Words;

use super::doc::{Doc, PhraseMatch};
use crate::lexicon::{Gender, TitleClass, TitleInfo};
use crate::tokenizer::TokenKind;
use title::title_at;

/// The most words of a name in quotation marks inside a title or a
/// description (`مؤسس حملة "بيروت برايد"`).
const MAX_QUOTED_NAME_WORDS: usize = 4;

/// What a rule of a phrase's extent says about the word after the phrase
/// so far.
#[derive(Debug, Clone, Copy)]
enum Step {
    /// The phrase runs on through token `last`, `words` words more.
    Take { last: usize, words: usize },
    /// The phrase ends at token `last`.
    EndAt(usize),
    /// The phrase ends before the word.
    Stop,
}

impl Step {
    /// The phrase runs on through token `last`, one word more.
    #[inline]
    fn take(last: usize) -> Self {
        Step::Take { last, words: 1 }
    }
}

/// The end of a name in quotation marks right after token `last` (with at
/// most [`MAX_QUOTED_NAME_WORDS`] words), if there is one.
fn quoted_name_end(doc: &Doc, last: usize) -> Option<usize> {
    let q = doc.next_non_space(last).filter(|&q| doc.kind(q) == TokenKind::Quote)?;
    // quotes are sorted by their opening mark: those opening at `q` are
    // found by a binary search (a scan of all, at each title, is quadratic)
    let quotes = &doc.toks.quotes;
    let from = quotes.partition_point(|s| s.open() < q);
    let quoted = quotes[from..].iter().take_while(|s| s.open() == q).find(|s| s.close().is_some())?;
    // (counted no further than one word past a name's)
    (quoted.content().filter(|&t| doc.tokens[t].is_wordlike()).take(MAX_QUOTED_NAME_WORDS + 1).count() <= MAX_QUOTED_NAME_WORDS).then_some(quoted.content_end())
}

/// What a noun phrase refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhraseKind {
    /// A named person: the phrase has a name part.
    Person,
    /// A generic description: `مصدر أمني`, `علماء`, `وزارة الصحة`.
    Description,
}

/// A parsed noun phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NounPhrase {
    pub first: usize,
    pub last: usize,
    /// Proclitic code points on the first token.
    pub prefix_chars: u8,
    /// Title tokens (inclusive), if any.
    pub title: Option<(usize, usize)>,
    /// Name tokens (inclusive) and the prefix chars on the first, if any.
    pub name: Option<(usize, usize, u8)>,
    pub gender: Gender,
    pub kind: PhraseKind,
}

impl NounPhrase {
    /// The text that names the referent: the name part, or the whole phrase.
    pub fn name_text<'a>(&self, doc: &Doc<'a>) -> &'a str {
        match self.name {
            Some((a, b, p)) => doc.slice(a, b, p),
            None => doc.slice(self.first, self.last, self.prefix_chars),
        }
    }

    pub fn title_text<'a>(&self, doc: &Doc<'a>) -> Option<&'a str> {
        self.title.map(|(a, b)| doc.slice(a, b, if a == self.first { self.prefix_chars } else { 0 }))
    }
}

/// Whether token `i` can never be part of a name: function word, speech
/// verb, complementizer, month, weekday, number.
pub fn is_stop_word(doc: &Doc, i: usize) -> bool {
    let t = &doc.tokens[i];
    if t.kind != TokenKind::Word {
        return true;
    }
    let ids = doc.ids[i];
    if let Some(w) = doc.lex.word(ids.full()) {
        if w.function.is_some() || w.verb.is_some() || w.complementizer || w.weekday.is_some() {
            return true;
        }
    } else if let Some(w) = doc.lex.word(ids.stem()) {
        // with a clitic: `وقال`, `وأن`, `فإن`, `والتي` (the stem is read
        // only when the whole word is in no lexicon, as in `Doc::word`)
        if ids.prefix_chars() > 0 && (w.verb.is_some() || w.complementizer || w.function.is_some()) {
            return true;
        }
    }
    if doc.phrase_at(&doc.lex.months, i).is_some_and(|m| m.prefix_chars == 0 && !m.value.ambiguous) {
        return true;
    }
    false
}

/// Whether token `t` is an adjective that describes a body without naming
/// it (`الرسمية`, `المعارض`; `data/org_heads.tsv`, section descriptive):
/// names of bodies and speakers end before it.
pub fn is_descriptive(doc: &Doc, t: usize) -> bool {
    doc.phrase_at(&doc.lex.descriptive_adjectives, t).is_some_and(|d| d.prefix_chars == 0)
}

/// Whether token `i` starts a title (`وزير`, `مسؤولا`), not a modifier.
pub fn is_title_head(doc: &Doc, i: usize) -> bool {
    title_at(doc, i).is_some_and(|(class, ..)| class != TitleClass::Modifier)
}

/// The entry of the title lexicon at a token: `doc.phrase_at(&doc.lex.titles, i)`.
pub type TitleEntry<'a> = PhraseMatch<'a, TitleInfo>;

/// Parses the noun phrase that starts at token `i` (the subject after a
/// verb, or a title in running text).
pub fn parse(doc: &Doc, i: usize) -> Option<NounPhrase> {
    parse_with_title(doc, i, None)
}

