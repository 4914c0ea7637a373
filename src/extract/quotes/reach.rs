//! The search for a cue's quote in its verb's reach: each kind of token
//! that may open the quote (a complementizer, a preposition before one, a
//! colon, quotation marks) is a rule of its own.

use super::attribution::attribution_source;
use super::cues::{follows_a_quote, is_complementizer, quote_opening_at, verb_at};
use super::words::ReachWord;
use super::{is_comma, word_count, Cue, CueShape, MAX_TERM_WORDS};
use crate::extract::doc::Doc;
use crate::extract::names::NounPhrase;
use crate::lexicon::{Tense, VerbInfo};
use crate::record::QuoteKind;
use crate::tokenizer::TokenKind;

/// How far after the start of the search (in tokens) an ambiguous verb
/// (`بين` between / showed) must find what opens its quote.
const AMBIGUOUS_REACH: usize = 2;
/// Fewest words of a quote after a colon that runs to the end of the
/// sentence.
const MIN_COLON_QUOTE_WORDS: usize = 3;
/// Fewest words of the second half of an interrupted quote.
const MIN_RESUMED_QUOTE_WORDS: usize = 2;

/// What one token of the reach decides.
pub(super) enum Step {
    /// The quote is found: its kind and content `[start, end)` (see [`Cue`]).
    Cue(QuoteKind, usize, Option<usize>),
    /// The verb has no quote here.
    NoCue,
    /// Go on at this token.
    Next(usize),
}

/// The verb at `v`, its subject, and where its search starts (`j`).
pub(super) struct Reach<'d, 'a> {
    pub(super) doc: &'d Doc<'a>,
    pub(super) v: usize,
    pub(super) info: VerbInfo,
    pub(super) j: usize,
    pub(super) sentence_end: usize,
    pub(super) subject: Option<NounPhrase>,
    /// The verb relays another source (`نقلت … عن فلان`).
    pub(super) relayed: bool,
}

impl Reach<'_, '_> {
    /// An ambiguous verb needs what opens its quote close by.
    fn ambiguous_ok(&self, k: usize) -> bool {
        k <= self.j + AMBIGUOUS_REACH
    }

    fn cue(&self, kind: QuoteKind, start: usize, end: Option<usize>) -> Step {
        Step::Cue(kind, start, end)
    }

    /// The cue of the quote found.
    pub(super) fn into_cue(self, kind: QuoteKind, start: usize, end: Option<usize>) -> Cue {
        Cue { verb: self.v, verb_info: self.info, kind, start, end, subject: self.subject, shape: CueShape::Verb { relayed: self.relayed } }
    }

    /// A word: a complementizer, a preposition before one, `نقلا عن`
    /// naming the one quoted, or another verb of saying (its own cue).
    #[inline]
    pub(super) fn word(&mut self, k: usize) -> Step {
        let doc = self.doc;
        if is_complementizer(doc, k) {
            return self.complementizer(k);
        }
        let reach = doc.words.quotes.reach_word(doc.key(k));
        if reach.is_verb_prep(self.info.preps) && (!self.info.ambiguous || self.ambiguous_ok(k)) {
            if let Some(n) = doc.next_word(k).filter(|&n| is_complementizer(doc, n)) {
                return self.cue(QuoteKind::Indirect, n + 1, None);
            }
        }
        // `وأفاد التلفزيون، نقلا عن مصدر عسكري، بأن`: the one quoted
        if reach == ReachWord::Relay {
            if let Some((np, l)) = attribution_source(doc, k) {
                self.subject = Some(np);
                return Step::Next(l + 1);
            }
        }
        // (`بأن`, `بأنه` glued: the complementizer lexicon lists them)
        if k != self.v && verb_at(doc, k).is_some_and(|w| w.tense != Tense::Participle && !w.ambiguous) {
            return Step::NoCue; // another verb of saying: its own cue
        }
        Step::Next(k + 1)
    }

    /// A complementizer at `k`: an indirect quote after it, or a direct one
    /// when marks follow (`قال إن "..."`).
    fn complementizer(&self, k: usize) -> Step {
        let doc = self.doc;
        // `يمكن أن`, `دون أن`, `احتمال أن`: a word that takes `أن` itself,
        // so the verb of saying has no complement here
        if k > self.j && doc.prev_word(k).is_some_and(|p| doc.words.quotes.governs_an.contains(doc.key(p))) {
            return Step::NoCue;
        }
        if self.info.ambiguous && !self.ambiguous_ok(k) {
            return Step::NoCue;
        }
        if let Some(q) = doc.next_non_space(k).and_then(|n| quote_opening_at(doc, n)) {
            if q.depth() == 0 && word_count(doc, q.content()) > MAX_TERM_WORDS {
                let after = doc.next_non_space(q.content_end());
                let ends = after.is_none_or(|a| a >= self.sentence_end || doc.punct(a) == Some('.') || is_comma(doc, a));
                if ends {
                    return self.cue(QuoteKind::Direct, q.open() + 1, Some(q.content_end()));
                }
            }
        }
        self.cue(QuoteKind::Indirect, k + 1, None)
    }

    /// A colon at `k`: the marks after it, or the rest of the sentence.
    pub(super) fn colon(&self, k: usize) -> Step {
        let doc = self.doc;
        // a verb spelt like a preposition (`بين` between / showed) needs the
        // colon close by, or `قائلا` before it
        let saying = doc.prev_non_space(k).and_then(|p| verb_at(doc, p)).is_some_and(|w| {
            w.tense == Tense::Participle && doc.lex.verb_lemmas.get(w.lemma as usize).is_some_and(|l| doc.words.quotes.saying_verbs.contains(l))
        });
        let preposition_too = doc.word(self.v).is_some_and(|(w, _)| w.function.is_some());
        if self.info.ambiguous && preposition_too && !self.ambiguous_ok(k) && !saying {
            return Step::NoCue;
        }
        let Some(n) = doc.next_non_space(k) else { return Step::NoCue };
        if let Some(q) = quote_opening_at(doc, n).filter(|q| q.depth() == 0) {
            return self.cue(QuoteKind::Direct, q.open() + 1, Some(q.content_end()));
        }
        if doc.kind(n) == TokenKind::Newline {
            return Step::NoCue;
        }
        // `وقال: ...` to the end of the sentence
        let end = doc.toks.sentences[doc.sentence_of(n)].tokens().end;
        if word_count(doc, n..end) < MIN_COLON_QUOTE_WORDS {
            return Step::NoCue;
        }
        self.cue(QuoteKind::Direct, n, Some(end))
    }

    /// Quotation marks at `k`: a direct quote, or a quoted name or term to
    /// skip.
    #[inline]
    pub(super) fn marks(&self, k: usize) -> Step {
        let doc = self.doc;
        let Some(q) = quote_opening_at(doc, k).filter(|q| q.depth() == 0) else { return Step::Next(k + 1) };
        // the second half of an interrupted quote may be short: `«…»،
        // أضافت الوزيرة، «وسيعزز استقلالنا الطاقي»`
        let words = word_count(doc, q.content());
        if words > MAX_TERM_WORDS || (words >= MIN_RESUMED_QUOTE_WORDS && follows_a_quote(doc, self.v)) {
            if self.info.ambiguous && !self.ambiguous_ok(k) {
                return Step::NoCue;
            }
            return self.cue(QuoteKind::Direct, q.open() + 1, Some(q.content_end()));
        }
        // a quoted name or term: skip over it
        Step::Next(q.content_end() + 1)
    }
}
