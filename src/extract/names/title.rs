//! Titles before a name: `وزير`, `الرئيس`, `د.`, and a place or body glued
//! to a title by its preposition.

use crate::extract::doc::Doc;
use super::TitleEntry;
use crate::lexicon::{Gender, TitleClass};
use crate::tokenizer::{clitics, has_chars, TokenKind};

/// A title found at a token: its class, its gender, its last token and the
/// proclitic code points on its first.
pub(super) type TitleHit = (TitleClass, Gender, usize, u8);

/// The title at token `i`.
#[inline]
pub(super) fn title_at(doc: &Doc, i: usize) -> Option<TitleHit> {
    title_from(doc, i, doc.phrase_at(&doc.lex.titles, i))
}

/// The title at token `i`, whose entry in the title lexicon is `entry`
/// (see [`TitleEntry`]).
pub(super) fn title_from(doc: &Doc, i: usize, entry: Option<TitleEntry>) -> Option<TitleHit> {
    if let Some(m) = entry {
        // folding merges `شقيقة` (sister) with `شقيقه` (his brother): the
        // written taa marbuta is feminine
        let gender = if m.last == i && clitics::written_with_taa_marbuta(doc.surface(i)) { Gender::Feminine } else { m.value.gender };
        return Some((m.value.class, gender, m.last, m.prefix_chars));
    }
    // an indefinite head in the accusative after `إن`/`أن` (`مسؤولا`,
    // `مصدرا`): the tanween alif is case, not part of the word
    // (the final letter tested on the key's bytes first: most words are
    // asked about here, few end in alif)
    let accusative = clitics::has_accusative_alif(doc.toks.key_bytes(i));
    if let Some(stem) = accusative.then(|| doc.key(i)).and_then(clitics::without_accusative_alif).filter(|s| has_chars(s, 3)) {
        use crate::lexicon::PhraseSet;
        let titles = &doc.lex.titles;
        let head = titles.step(PhraseSet::<crate::lexicon::TitleInfo>::ROOT, doc.lex.vocab.get(stem)).and_then(|n| titles.value(n));
        if let Some(t) = head.filter(|t| t.class == TitleClass::Head) {
            return Some((t.class, t.gender, i, 0));
        }
    }
    // `د.`, `م.`, `أ.`: a one-letter abbreviation with its period (Dr., Eng.)
    // (most words are followed by a space: tested inline, before a call)
    let before_punct = matches!(doc.kind(i + 1), TokenKind::Punct | TokenKind::Quote);
    if before_punct && doc.punct(i + 1) == Some('.') && doc.kind(i) == TokenKind::Word && doc.surface(i).chars().count() == 1 {
        return Some((TitleClass::Honorific, Gender::Unknown, i + 1, 0));
    }
    None
}

/// A place or body inside a title, glued to its preposition:
/// `الناطق الإعلامي بشرطة منطقة عسير`, `مدير التعليم بمحافظة جدة`.
pub(super) fn title_complement(doc: &Doc, j: usize) -> Option<usize> {
    let k = doc.key(j);
    if !clitics::has_bi_or_li(k) {
        return None;
    }
    let m = doc.phrase_at(&doc.lex.org_heads, j).map(|m| m.last)
        .or_else(|| doc.phrase_at(&doc.lex.gazetteer, j).map(|m| m.last))
        .or_else(|| doc.phrase_at(&doc.lex.titles, j).filter(|m| m.prefix_chars > 0).map(|m| m.last))?;
    Some(m)
}
