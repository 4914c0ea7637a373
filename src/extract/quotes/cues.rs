//! Finding cues: a verb of saying and what follows it (subject, then a
//! complementizer, a colon or quotation marks), and quotation marks
//! followed by their cue.

use super::is_comma;
use super::attribution::{attribution_source, ATTRIBUTION};
use super::reach::{Reach, Step};
use super::subject::cue_subject;
use super::{word_count, Cue, CueShape, CUE_WINDOW};
use crate::extract::doc::{Doc, TokenLex};
use crate::extract::names;
use crate::lexicon::{Tense, VerbInfo};
use crate::record::QuoteKind;
use crate::tokenizer::clitics::{without_object_pronoun, without_wa};
use crate::tokenizer::{QuoteSpan, Token, TokenKind};

/// How many spans (quotes or cues, sorted by start) before a token are
/// searched for one that reaches it: spans nest and follow each other
/// closely, and a scan of all would be quadratic on long texts.
const NEARBY_SPANS: usize = 8;
/// Fewest words of marks followed by their cue (`«لدينا خطة واضحة»، قال`).
const MIN_TRAILING_QUOTE_WORDS: usize = 2;

/// Whether the verb at `v` comes right after a closing quotation mark (and
/// a comma): `«…»، قال`.
pub(super) fn follows_a_quote(doc: &Doc, v: usize) -> bool {
    let mut p = doc.prev_non_space(v);
    if let Some(c) = p.filter(|&c| is_comma(doc, c)) {
        p = doc.prev_non_space(c);
    }
    // quotes are sorted by their opening mark: the one closing at `c` opened
    // shortly before it (a scan of all would be quadratic on long texts)
    p.is_some_and(|c| {
        let quotes = &doc.toks.quotes;
        let n = quotes.partition_point(|q| q.open() < c);
        doc.kind(c) == TokenKind::Quote && quotes[..n].iter().rev().take(NEARBY_SPANS).any(|q| q.close() == Some(c))
    })
}

/// The quote span whose opening mark is token `i`.
pub(super) fn quote_opening_at(doc: &Doc, i: usize) -> Option<QuoteSpan> {
    let idx = doc.toks.quotes.binary_search_by_key(&i, |q| q.open()).ok()?;
    Some(doc.toks.quotes[idx])
}

/// A speech verb at token `i` (whole word, or with a conjunction only).
pub(super) fn verb_at(doc: &Doc, i: usize) -> Option<VerbInfo> {
    if doc.kind(i) != TokenKind::Word {
        return None;
    }
    if let Some(w) = doc.word_full(i) {
        return w.verb;
    }
    let ids = doc.ids[i];
    if ids.conj() && ids.prefix_chars() == 1 {
        return doc.lex.word(ids.stem()).and_then(|w| w.verb);
    }
    None
}

/// `قاله`, `قالته`, `أكدها`: a verb of saying with an object pronoun.
pub(super) fn verb_with_object_suffix(doc: &Doc, i: usize) -> Option<VerbInfo> {
    let k = doc.key(i);
    let stem = without_wa(without_object_pronoun(k)?);
    doc.lex.word(doc.lex.vocab.get(stem)).and_then(|w| w.verb).filter(|v| !v.ambiguous)
}

pub(super) fn is_complementizer(doc: &Doc, i: usize) -> bool {
    if doc.kind(i) != TokenKind::Word {
        return false;
    }
    if doc.word_full(i).is_some_and(|w| w.complementizer) {
        return true;
    }
    // `وأن` is a second clause of the same quote, not a new one
    false
}

/// The cues of the body, from `body_start` on (a headline's quoted words
/// are not quotes).
pub(super) fn find_cues(doc: &Doc, body_start: usize) -> Vec<Cue> {
    let mut cues = Vec::new();
    let mut i = body_start;
    while i < doc.len() {
        let Some(info) = verb_at(doc, i) else {
            i += 1;
            continue;
        };
        if info.tense == Tense::Noun {
            i += 1;
            continue;
        }
        match cue_after(doc, i, info) {
            Some(cue) => {
                // verbs inside a direct quote are the speaker's own words
                // and a verb that opens an indirect quote belongs to it
                // (`قال إنه يأمل أن …`: the quote is `يأمل أن …`)
                i = match (cue.kind, cue.end) {
                    (QuoteKind::Direct, Some(end)) => end.max(i + 1),
                    // skip the quote's first word: `إنه يأمل أن` is one quote
                    _ => (doc.next_non_space(cue.start.saturating_sub(1)).unwrap_or(cue.start) + 1).max(i + 1),
                };
                cues.push(cue);
            }
            None => i += 1,
        }
    }
    cues
}

/// Looks after the verb at `v` for its subject and its quote.
fn cue_after(doc: &Doc, v: usize, info: VerbInfo) -> Option<Cue> {
    let sentence_end = doc.toks.sentences[doc.sentence_of(v)].tokens().end;
    let limit = (v + CUE_WINDOW).min(sentence_end);
    // most verbs have no quote within reach: find that out before parsing
    // their subject (debug builds check that the full search agrees)
    if !quote_may_follow(doc, v, limit) {
        debug_assert!(cue_within(doc, v, info, sentence_end, limit).is_none());
        return None;
    }
    cue_within(doc, v, info, sentence_end, limit)
}

/// [`cue_after`] once a quote may follow the verb: its subject, then its
/// quote before `limit`, one token after another.
#[inline(never)]
fn cue_within(doc: &Doc, v: usize, info: VerbInfo, sentence_end: usize, limit: usize) -> Option<Cue> {
    let (subject, j, relayed) = cue_subject(doc, v, info, sentence_end)?;
    let mut reach = Reach { doc, v, info, j, sentence_end, subject, relayed };
    let mut k = j;
    while k < limit {
        let step = match doc.tokens[k].kind {
            TokenKind::Word => reach.word(k),
            TokenKind::Punct if doc.punct(k) == Some(':') => reach.colon(k),
            TokenKind::Quote => reach.marks(k),
            TokenKind::Newline => Step::NoCue,
            _ => Step::Next(k + 1),
        };
        match step {
            Step::Cue(kind, start, end) => return Some(reach.into_cue(kind, start, end)),
            Step::NoCue => return None,
            Step::Next(next) => k = next,
        }
    }
    // the quote may open right at the sentence end (`قال لافروف” ...”.`)
    None
}

/// Whether anything that opens a quote for the verb at `v` lies within its
/// reach (`v` to `limit`): a complementizer, a colon or a quotation mark;
/// or, after a preposition that ends the reach, a complementizer. Without
/// one, [`cue_after`] finds no quote whatever the subject is (its scan
/// starts after `v`, and every quote it returns opens at one of these).
fn quote_may_follow(doc: &Doc, v: usize, limit: usize) -> bool {
    if v + 1 >= limit {
        return false;
    }
    let text = doc.text.as_bytes();
    let opens = |(t, ids): (&Token, &TokenLex)| match t.kind {
        TokenKind::Word => doc.lex.word(ids.full()).is_some_and(|w| w.complementizer),
        TokenKind::Punct => text.get(t.start as usize) == Some(&b':'),
        TokenKind::Quote => true,
        _ => false,
    };
    let reach = v + 1..limit;
    doc.tokens[reach.clone()].iter().zip(&doc.ids[reach]).any(opens)
        // (`أشار إلى` at the end of the reach: its `أن` is the next word)
        || doc.next_non_space(limit - 1).is_some_and(|n| is_complementizer(doc, n))
}

/// Honorifics with a possessive pronoun that stand for a person named
/// before (`معاليه` his excellency, `سموه` his highness).
pub(super) fn is_honorific_pronoun(doc: &Doc, key: &str) -> bool {
    doc.words.quotes.honorific_pronouns.contains(key)
}

/// `«…»، قال لافروف` and `"…"، يقول الوزير`: marks followed by a cue.
pub(super) fn add_trailing_cues(doc: &Doc, cues: &mut Vec<Cue>, body_start: usize) {
    let words = &doc.words.quotes;
    let headline = body_start;
    // what the cues found so far cover, sorted, for binary searches (a scan
    // of all cues per quote is quadratic on long texts)
    let mut direct: Vec<(usize, usize)> = cues.iter().filter_map(|c| Some((c.start, c.end?))).collect();
    direct.sort_unstable();
    let mut indirect: Vec<(usize, usize)> = cues
        .iter()
        .filter(|c| c.kind == QuoteKind::Indirect)
        .map(|c| (c.start, doc.toks.sentences[doc.sentence_of(c.start)].tokens().end))
        .collect();
    indirect.sort_unstable();
    // whether a (start, end) pair starting at or before `at` reaches `until`
    let covered = |list: &[(usize, usize)], at: usize, until: usize| {
        let n = list.partition_point(|&(s, _)| s <= at);
        list[..n].iter().rev().take(NEARBY_SPANS).any(|&(_, e)| e >= until)
    };
    for q in doc.toks.quotes.iter().filter(|q| q.open() >= headline) {
        // a cue after the marks makes even three words a quote (`«لدينا خطة
        // واضحة»، قال الوزير`)
        if q.depth() != 0 || q.close().is_none() || word_count(doc, q.content()) < MIN_TRAILING_QUOTE_WORDS {
            continue;
        }
        if covered(&direct, q.open() + 1, q.content_end()) {
            continue;
        }
        // `رفعوا شعار «نريد وطنا»`, `تحت عنوان "…"`: a slogan or a title
        // named by the noun before it, not a quotation
        if doc.prev_word(q.open()).is_some_and(|p| words.naming_nouns.contains(doc.key(p))) {
            continue;
        }
        if covered(&indirect, q.open(), q.open() + 1) {
            continue; // marks inside an indirect quote (a quoted title)
        }
        let close = q.content_end();
        let mut n = doc.next_non_space(close);
        if let Some(c) = n.filter(|&c| is_comma(doc, c)) {
            n = doc.next_non_space(c);
        }
        // `هذا ما قاله كارار`, `حسبما قال`
        if let Some(w) = n.filter(|&w| words.trailing_demonstratives.contains(doc.key(w))) {
            n = doc.next_non_space(w);
        }
        if let Some(w) = n.filter(|&w| words.trailing_relatives.contains(doc.key(w))) {
            n = doc.next_non_space(w);
        }
        let Some(v) = n else { continue };
        // `«…»، بحسب ما قاله الخبير فلان`
        if let Some((np, _)) = attribution_source(doc, v) {
            cues.push(Cue { verb: v, verb_info: ATTRIBUTION, kind: QuoteKind::Direct, start: q.open() + 1, end: Some(close), subject: Some(np), shape: CueShape::Credit });
            continue;
        }
        let Some(info) = verb_at(doc, v).or_else(|| verb_with_object_suffix(doc, v)) else { continue };
        if info.tense == Tense::Noun {
            continue;
        }
        let subject = doc.next_non_space(v).and_then(|s| names::parse(doc, s));
        cues.push(Cue { verb: v, verb_info: info, kind: QuoteKind::Direct, start: q.open() + 1, end: Some(close), subject, shape: CueShape::AfterQuote });
    }
}
