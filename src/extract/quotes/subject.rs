//! Finding the subject noun phrase of a cue: after the verb as an
//! appositive, before the verb, before a relative pronoun, or the subject
//! of the sentence's first verb.

use super::cues::{is_complementizer, verb_at};
use crate::extract::doc::Doc;
use crate::extract::names::{self, NounPhrase, PhraseKind};
use crate::lexicon::{Gender, Tense, VerbInfo};
use crate::tokenizer::clitics::{has_article, is_fa, is_wa, may_have_lam, starts_with_wa, without_wa};
use crate::tokenizer::TokenKind;

/// A title longer than the parser follows, then the name between commas:
/// `وقال المدير التنفيذي للمؤسسة العربية للحريات، فلان الفلاني، إن`. The
/// name is the speaker and everything before its comma the title.
pub(super) fn appositive_name(doc: &Doc, np: NounPhrase, sentence_end: usize) -> Option<NounPhrase> {
    if np.kind != PhraseKind::Description || !names::is_title_head(doc, np.first) {
        return None;
    }
    let mut t = np.last;
    let mut comma = None;
    for _ in 0..8 {
        let n = doc.next_non_space(t).filter(|&n| n < sentence_end)?;
        match doc.kind(n) {
            TokenKind::Punct if matches!(doc.punct(n), Some('،' | ',')) => {
                comma = Some(n);
                break;
            }
            TokenKind::Word if !names::is_stop_word(doc, n) && !is_complementizer(doc, n) => t = n,
            TokenKind::Quote => t = n,
            _ => return None,
        }
    }
    let comma = comma?;
    let person = doc.next_word(comma).and_then(|n| names::parse(doc, n)).filter(|p| p.kind == PhraseKind::Person && p.title.is_none())?;
    // the name closes with a comma or runs into the complementizer, maybe
    // after the addressee (`، لرويترز، إن`)
    let mut after = doc.next_non_space(person.last)?;
    if matches!(doc.punct(after), Some('،' | ',')) {
        after = doc.next_non_space(after)?;
    }
    if doc.tokens[after].is_word() && may_have_lam(doc.key(after)) && !is_complementizer(doc, after) {
        after = doc.next_non_space(after)?;
        if matches!(doc.punct(after), Some('،' | ',')) {
            after = doc.next_non_space(after)?;
        }
    }
    if !is_complementizer(doc, after) {
        return None;
    }
    Some(NounPhrase { first: np.first, last: person.last, prefix_chars: np.prefix_chars, title: Some((np.first, t)), name: person.name, gender: if person.gender == Gender::Unknown { np.gender } else { person.gender }, kind: PhraseKind::Person })
}

/// The named subject of the verb that opens the sentence of the verb at `v`
/// (`وعبرت شقيقته سلمى … عن قلقها وقالت`), when `v` is joined to it by `و`
/// and agrees with it in gender.
pub(super) fn sentence_subject(doc: &Doc, v: usize, info: VerbInfo) -> Option<NounPhrase> {
    // `ويعتقد أن`, `ويقال إن` are impersonal more often than joined
    if !starts_with_wa(doc.key(v)) || info.tense != Tense::Past {
        return None;
    }
    let sentence_start = doc.toks.sentences[doc.sentence_of(v)].tokens.start;
    let first = (sentence_start..v).find(|&t| doc.tokens[t].is_wordlike())?;
    // the opening word is a verb: no article, no function word, not a name
    // or title itself (`وفي`, `والرئيس` open no verb clause)
    let opener = doc.key(first);
    let not_a_verb = doc.kind(first) != TokenKind::Word
        || has_article(opener)
        || (starts_with_wa(opener) && has_article(without_wa(opener)))
        || (names::is_stop_word(doc, first) && verb_at(doc, first).is_none())
        || doc.phrase_at(&doc.lex.gazetteer, first).is_some()
        || names::is_title_head(doc, first);
    if not_a_verb {
        return None;
    }
    let np = doc.next_word(first).and_then(|n| names::parse(doc, n)).filter(|np| np.kind == PhraseKind::Person && np.last < v)?;
    let agrees = np.gender != Gender::Unknown && (info.gender == Gender::Unknown || np.gender == info.gender);
    agrees.then_some(np)
}


/// Whether a word opens a clause before its subject: `وكانت الوزارة قالت`.
fn is_clause_opener(doc: &Doc, key: &str) -> bool {
    is_wa(key) || doc.words.quotes.clause_openers.contains(key)
}

/// Whether a word stands between a subject and its verb: `أما الائتلاف،
/// فقد دعا`.
fn is_preverbal_particle(doc: &Doc, key: &str) -> bool {
    is_fa(key) || doc.words.quotes.preverbal_particles.contains(key)
}

/// A noun phrase that opens the verb's clause and ends right before it
/// (a comma between is allowed): Arabic news also puts the subject first.
pub(super) fn preverbal_subject(doc: &Doc, v: usize) -> Option<NounPhrase> {
    let mut end = doc.prev_non_space(v)?;
    // `أما الائتلاف، فقد دعا`: particles between subject and verb
    while doc.tokens[end].is_word() && is_preverbal_particle(doc, doc.key(end)) {
        end = doc.prev_non_space(end)?;
    }
    if matches!(doc.punct(end), Some('،' | ',')) {
        end = doc.prev_non_space(end)?;
    }
    // `الرئيس فلان، في خطاب ألقاه أمام أنصاره، أكد أن`: a parenthetical
    if doc.tokens[end].is_word() && doc.punct(doc.next_non_space(end).unwrap_or(end)).is_some_and(|c| matches!(c, '،' | ',')) {
        let sentence_start = doc.toks.sentences[doc.sentence_of(v)].tokens.start;
        if let Some(c) = (sentence_start..end).rev().take(30).find(|&t| matches!(doc.punct(t), Some('،' | ','))) {
            if let Some(np) = doc.prev_non_space(c).and_then(|e| preverbal_np(doc, e)) {
                return Some(np);
            }
        }
    }
    preverbal_np(doc, end)
}

/// The noun phrase that opens its clause and ends at token `end`.
fn preverbal_np(doc: &Doc, end: usize) -> Option<NounPhrase> {
    let words = &doc.words.quotes;
    if !doc.tokens[end].is_word() {
        return None;
    }
    let mut start = end;
    for _ in 0..12 {
        let Some(p) = doc.prev_non_space(start) else { break };
        if !doc.tokens[p].is_wordlike() || is_clause_opener(doc, doc.key(p)) {
            break;
        }
        start = p;
    }
    // `العديد من المصادر`, `بعض المسؤولين`: the speakers follow the quantifier
    if words.quantifiers.contains(doc.key(start)) && start < end {
        let n = doc.next_word(start)?;
        start = if doc.key(n) == &*words.partitive_preposition && n < end { doc.next_word(n)? } else { n };
    }
    let np = names::parse(doc, start)?;
    if np.last == end {
        return Some(np);
    }
    // a description placed by a prepositional phrase: `المقربين من المغني
    // يتهمون`, `مسؤولون في الوزارة قالوا`
    let prep = doc.next_word(np.last).filter(|&p| p < end && words.placing_prepositions.contains(doc.key(p)))?;
    let rest = doc.next_word(prep).and_then(|n| names::parse(doc, n)).filter(|r| r.last == end)?;
    (np.kind == PhraseKind::Description).then_some(NounPhrase { last: rest.last, ..np })
}

/// The person named right before `الذي`/`التي` when the verb at `v`
/// follows that relative pronoun.
pub(super) fn antecedent(doc: &Doc, v: usize) -> Option<NounPhrase> {
    let rel = doc.prev_non_space(v)?;
    if !doc.words.quotes.relative_pronouns.contains(doc.key(rel)) {
        return None;
    }
    let mut end = doc.prev_non_space(rel)?;
    if matches!(doc.punct(end), Some('،' | ',')) {
        end = doc.prev_non_space(end)?;
    }
    // the longest phrase that ends right there: `جان إيف لودريان`, not `إيف لودريان`
    let mut start = end;
    let mut best = None;
    for _ in 0..8 {
        let Some(p) = doc.prev_non_space(start) else { break };
        if !doc.tokens[p].is_wordlike() {
            break;
        }
        start = p;
        if let Some(np) = names::parse(doc, start) {
            if np.last == end && np.kind == PhraseKind::Person {
                best = Some(np);
            }
        }
    }
    if best.is_some() {
        return best;
    }
    // a longer antecedent (`ايلون ماسك مؤسس شركة ... الذي قال`): the
    // nearest named person earlier in the sentence
    // (a name that starts with a given name first, then one after a title:
    // `ايلون ماسك مؤسس شركة سبيس إكس … الذي قال`)
    let sentence_start = doc.toks.sentences[doc.sentence_of(rel)].tokens.start;
    let mut titled = None;
    let mut i = rel;
    for _ in 0..24 {
        let Some(p) = doc.prev_non_space(i).filter(|&p| p >= sentence_start) else { break };
        i = p;
        let Some(np) = names::parse(doc, p).filter(|np| np.kind == PhraseKind::Person && np.last < rel) else { continue };
        if np.name.is_some_and(|(a, _, _)| doc.phrase_at(&doc.lex.given_names, a).is_some()) {
            return Some(np);
        }
        if np.title.is_some() && titled.is_none() {
            titled = Some(np);
        }
    }
    titled
}
