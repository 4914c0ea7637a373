//! Attribution phrases (`بحسب`, `وفقا لـ`, `نقلا عن`): the source they
//! credit, and sentences that open with one.

use super::is_comma;
use super::cues::{verb_at, verb_with_object_suffix};
use super::words::AttributionHead;
use super::{word_count, Cue, CueShape};
use crate::extract::doc::Doc;
use crate::extract::names::{self, NounPhrase};
use crate::lexicon::{Gender, Preps, Tense, VerbInfo};
use crate::record::QuoteKind;
use crate::tokenizer::clitics::{starts_with_wa, without_wa};
use crate::tokenizer::TokenKind;

/// Fewest words of the clause a sentence-opening credit quotes.
const MIN_CREDITED_WORDS: usize = 3;

/// Features of an attribution phrase used as a cue (no verb agreement).
pub(super) const ATTRIBUTION: VerbInfo = VerbInfo {
    lemma: u16::MAX,
    tense: Tense::Past,
    gender: Gender::Unknown,
    number: crate::lexicon::GramNumber::Unknown,
    preps: Preps::NONE,
    ambiguous: false,
};

/// Whether token `t` opens an attribution phrase: `بحسب`, `حسبما`, `وفقا
/// لـ`, `طبقا لـ`, `نقلا عن`, `على لسان` (the `attribution_heads` list).
#[inline]
pub(super) fn is_attribution_head(doc: &Doc, t: usize) -> bool {
    if doc.kind(t) != TokenKind::Word {
        return false;
    }
    // this runs at every word of an indirect quote: most words are turned
    // away by their length and last letter, without a call
    if !doc.words.quotes.attribution.may_be(doc.toks.key_bytes(t)) {
        debug_assert!(attribution_head_at(doc, t).is_none(), "{}", doc.key(t));
        return false;
    }
    attribution_head_at(doc, t).is_some()
}

/// The attribution head at `t` (see [`is_attribution_head`]), for a word
/// that passed the quick test.
#[inline(never)]
fn attribution_head_at<'a>(doc: &Doc<'a>, t: usize) -> Option<&'a AttributionHead> {
    let heads = &doc.words.quotes.attribution;
    let whole = doc.key(t);
    if !(heads.min_len..=heads.max_len).contains(&whole.len()) {
        return None;
    }
    // `وفقا` begins with و itself: the word whole first, then without `و`
    let head = heads.get(whole).or_else(|| starts_with_wa(whole).then(|| heads.get(without_wa(whole))).flatten())?;
    match &head.needs {
        Some(next) => doc.next_word(t).is_some_and(|n| doc.key(n) == &**next).then_some(head),
        None => Some(head),
    }
}

/// The source named by an attribution phrase at `t`: `بحسب وزارة الصحة`,
/// `بحسب ما قاله الخبير فلان`, `حسبما أفاد مدير التربية`, `وفقا للمتحدث
/// باسم الدفاع المدني`, `وفقا لما أعلنه الجيش`, `نقلا عن مصدر عسكري`,
/// `بحسب بيان صادر عن الرئاسة`. Returns the noun phrase and its last token.
pub(super) fn attribution_source(doc: &Doc, t: usize) -> Option<(NounPhrase, usize)> {
    if !is_attribution_head(doc, t) {
        return None;
    }
    let words = &doc.words.quotes;
    let head = attribution_head_at(doc, t)?;
    let mut n = doc.next_word(t)?;
    // the word the head needs (`عن` of `نقلا عن`), or one it may take (`ما`
    // of `بحسب ما`)
    if head.needs.is_some() || head.skips.as_deref().is_some_and(|w| doc.key(n) == w) {
        n = doc.next_word(n)?;
    }
    // the verb of `ما قاله`, `حسبما أفاد`, `لما أعلنه`
    if verb_at(doc, n).is_some() || verb_with_object_suffix(doc, n).is_some() {
        n = doc.next_word(n)?;
    }
    // `بيان صادر عن الرئاسة`: the issuer
    if doc.phrase_at(&doc.lex.document_nouns, n).is_some() {
        if let Some(a) = doc.next_word(n).filter(|&a| words.issued.contains(doc.key(a))) {
            if let Some(b) = doc.next_word(a).filter(|&b| doc.key(b) == &*words.source_preposition) {
                n = doc.next_word(b)?;
            }
        }
    }
    // `وفقا لوزير المالية`: the source is the minister, not `لوزير`
    let np = names::parse_after_preposition(doc, n).or_else(|| names::parse(doc, n))?;
    Some((np, np.last))
}

/// `وبحسب وزارة الصحة، فإن الحصيلة ارتفعت`: reported speech credited by an
/// attribution phrase that opens the sentence, in a sentence that has no
/// other cue. A credit that closes a sentence (`ارتفعت الحصيلة، بحسب
/// الوزارة`) sources a fact but has no complementizer, and the annotation
/// guide does not count it as a quote.
pub(super) fn add_attribution_cues(doc: &Doc, cues: &mut Vec<Cue>, body_start: usize) {
    let headline = body_start;
    // sentences that hold a cue found before (those added here are in
    // their own sentence), marked in one pass over the cues when a first
    // sentence opens with a credit: most texts have none, and a search of
    // the cues per such sentence would be quadratic in a long text
    let mut taken: Option<Vec<bool>> = None;
    for (si, s) in doc.toks.sentences.iter().enumerate() {
        let r = s.tokens();
        if r.start < headline {
            continue;
        }
        // only a credit that opens the sentence counts: its first word is
        // the only one to test (not every word of the sentence)
        let Some(head) = r.clone().find(|&t| doc.tokens[t].is_wordlike()) else { continue };
        if !is_attribution_head(doc, head) {
            continue;
        }
        let taken = taken.get_or_insert_with(|| {
            let mut taken = vec![false; doc.toks.sentences.len()];
            for t in cues.iter().flat_map(|c| [c.verb, c.start]).filter(|&t| t < doc.len()) {
                taken[doc.sentence_of(t)] = true;
            }
            taken
        });
        if taken[si] {
            continue;
        }
        let Some((np, last)) = attribution_source(doc, head) else { continue };
        // the quote is the clause after the credit's comma
        let Some(comma) = (last + 1..r.end).find(|&t| is_comma(doc, t)) else { continue };
        let mut c = doc.next_non_space(comma).filter(|&c| c < r.end);
        if let Some(w) = c.filter(|&w| doc.tokens[w].is_word() && doc.words.quotes.credit_complementizers.contains(doc.key(w))) {
            c = doc.next_non_space(w);
        }
        let Some(start) = c else { continue };
        let end = r.end;
        if word_count(doc, start..end) < MIN_CREDITED_WORDS {
            continue;
        }
        cues.push(Cue { verb: head, verb_info: ATTRIBUTION, kind: QuoteKind::Indirect, start, end: Some(end), subject: Some(np), shape: CueShape::Credit });
    }
}
