//! Finding the subject noun phrase of a cue: after the verb as an
//! appositive, before the verb, before a relative pronoun, or the subject
//! of the sentence's first verb.

use super::is_comma;
use super::cues::{is_complementizer, is_honorific_pronoun, verb_at};
use crate::extract::doc::Doc;
use crate::extract::names::{self, NounPhrase, PhraseKind};
use crate::lexicon::{Gender, Tense, VerbInfo};
use crate::tokenizer::clitics::{has_article, has_oblique_plural_ending, is_fa, is_wa, may_have_lam, starts_with_wa, without_wa};
use crate::tokenizer::TokenKind;

/// How far a long title may run past the parsed phrase to its comma, in
/// tokens (`المدير التنفيذي للمؤسسة العربية للحريات، فلان`).
const APPOSITIVE_TITLE_TOKENS: usize = 8;
/// How far back a comma may open an aside between a subject and its verb
/// (`الرئيس فلان، في خطاب ألقاه أمام أنصاره، أكد أن`), in tokens.
const PREVERBAL_ASIDE_TOKENS: usize = 30;
/// How far back a subject before its verb may start, in tokens.
const PREVERBAL_TOKENS: usize = 12;
/// How long a name right before a relative pronoun may be, in tokens.
const ANTECEDENT_TOKENS: usize = 8;
/// How far back in the sentence a longer antecedent is looked for, in
/// tokens.
const ANTECEDENT_SEARCH_TOKENS: usize = 24;

/// The subject of the cue verb at `v`, the token after it, where the
/// search for its quote starts, and whether the verb relays another
/// source (`نقلت … عن فلان`); `None` when the verb is no cue (scripture,
/// reports with no named source, a passive with none, `نقل` that means
/// moved).
pub(super) fn cue_subject(doc: &Doc, v: usize, info: VerbInfo, sentence_end: usize) -> Option<(Option<NounPhrase>, usize, bool)> {
    let (mut subject, mut j) = subject_after_verb(doc, v, info, sentence_end)?;
    let mut relayed = false;
    match relay_source(doc, v, info, subject, sentence_end) {
        Relay::Source(np) => {
            subject = Some(np);
            relayed = true;
            j = doc.next_non_space(np.last).unwrap_or(np.last + 1);
        }
        Relay::Moved => return None,
        Relay::Neither => {}
    }
    // a participle (`مضيفا`) has the subject of its clause's verb
    if info.tense != Tense::Participle {
        subject = subject_around_verb(doc, v, info, subject);
    }
    // `وشدد معاليه`, `وأكد سموه`: an honorific with a pronoun refers back
    // to the person quoted before; a time (`الشهر الماضي`) is no speaker
    if subject.is_some_and(|np| np.first == np.last && is_honorific_pronoun(doc, doc.key(np.first)))
        || subject.is_some_and(|np| begins_date(doc, np.first))
    {
        subject = None;
    }
    if subject.is_some_and(|np| speaks_for_nobody(doc, np)) {
        return None;
    }
    // `يذكر أن`, `قيل إن`: a passive with no named source is no quote
    if subject.is_none() && info.tense == Tense::Passive {
        return None;
    }
    // `ووصف الدفاع المدني -الذي أرسل فرقا- الحريق بأنه`: a parenthetical
    // between dashes or brackets after the subject is read past
    if subject.is_some() {
        if let Some(after) = parenthetical_end(doc, j, sentence_end).and_then(|e| doc.next_non_space(e)) {
            j = after;
        }
    }
    Some((subject, j, relayed))
}

/// The noun phrase right after the verb at `v` (its subject in verb-first
/// order), and the token after it; `None` when the text ends there.
fn subject_after_verb(doc: &Doc, v: usize, info: VerbInfo, sentence_end: usize) -> Option<(Option<NounPhrase>, usize)> {
    let mut j = doc.next_non_space(v)?;
    // `تابع قائلا`, `أضاف قائلا`: the participle belongs to the cue
    if verb_at(doc, j).is_some_and(|w| w.tense == Tense::Participle) {
        j = doc.next_non_space(j)?;
    }
    // a participle (`مضيفا`, `نافية بشدة`, `واصفة إياه`, `لافتا الانتباه`)
    // has the subject of its clause's verb: what follows it is an adverb or
    // an object and what precedes it another clause
    let participle = info.tense == Tense::Participle;
    if participle || doc.kind(j) != TokenKind::Word || is_complementizer(doc, j) || doc.words.quotes.is_verb_prep(doc.key(j), info.preps) {
        return Some((None, j));
    }
    match names::parse(doc, j).filter(|np| !is_oblique(doc, np)) {
        Some(np) => {
            let np = appositive_name(doc, np, sentence_end).unwrap_or(np);
            Some((Some(np), doc.next_non_space(np.last).unwrap_or(np.last + 1)))
        }
        None => Some((None, j)),
    }
}

/// Whether `np` is a definite sound masculine plural in `-ين`, which is
/// oblique: the object (`يناشد المسؤولين قائلا`), never the subject
/// (`المسؤولون`).
fn is_oblique(doc: &Doc, np: &NounPhrase) -> bool {
    let k = doc.key(np.first);
    np.kind == PhraseKind::Description && np.prefix_chars == 0 && has_article(k) && has_oblique_plural_ending(k) && k.chars().count() >= OBLIQUE_MIN_CHARS
        && doc.phrase_at(&doc.lex.gazetteer, np.first).is_none() // `الكرملين`
}

/// The shortest oblique plural with its article, in letters (`المحامين`).
const OBLIQUE_MIN_CHARS: usize = 7;

/// What a relay verb (`نقل`) says about its source.
enum Relay {
    /// The one quoted, after `عن`: `نقلت رويترز عن مسؤول أمريكي إن`.
    Source(NounPhrase),
    /// `نقل` followed by `إلى`/`من` without `عن` means moved (`نقل مركز
    /// عملياته إلى سوريا`), not reported.
    Moved,
    /// Not a relay verb, or one with no source named.
    Neither,
}

/// How far after a relay verb (in words) its `عن` may be: `نقلت وسائل
/// إعلام عن فلان`.
const RELAY_SOURCE_WORDS: usize = 3;
/// How far after a relay verb (in tokens) a `إلى`/`من` makes it `moved`.
const RELAY_MOVED_TOKENS: usize = 12;

/// The source of the relay verb at `v` (see [`Relay`]), after its subject.
fn relay_source(doc: &Doc, v: usize, info: VerbInfo, subject: Option<NounPhrase>, sentence_end: usize) -> Relay {
    let words = &doc.words.quotes;
    if !doc.lex.verb_lemmas.get(info.lemma as usize).is_some_and(|l| words.relay_verbs.contains(l)) {
        return Relay::Neither;
    }
    // (past a descriptive adjective the subject leaves out: `نقلت وكالة
    // الأنباء الرسمية البيان الصادر عن الجيش`)
    let after = subject.map_or(v, |np| doc.next_word(np.last).filter(|&d| names::is_descriptive(doc, d)).unwrap_or(np.last));
    let mut an = None;
    let mut t = after;
    for _ in 0..RELAY_SOURCE_WORDS {
        let Some(n) = doc.next_word(t) else { break };
        if doc.key(n) == &*words.source_preposition {
            an = Some(n);
            break;
        }
        t = n;
    }
    if let Some(an) = an {
        return match doc.next_word(an).and_then(|n| names::parse(doc, n)) {
            Some(np) => Relay::Source(np),
            None => Relay::Neither,
        };
    }
    let moved = (after..(after + RELAY_MOVED_TOKENS).min(sentence_end))
        .take_while(|&t| !is_complementizer(doc, t) && doc.kind(t) != TokenKind::Quote && doc.punct(t) != Some(':'))
        .any(|t| words.move_prepositions.contains(doc.key(t)));
    if moved {
        Relay::Moved
    } else {
        Relay::Neither
    }
}

/// The subject found around the verb at `v` (not a participle) when the
/// words after it gave none or a weaker one: the antecedent of a relative
/// pronoun, a noun phrase before the verb, or the subject of the verb that
/// opens the sentence.
fn subject_around_verb(doc: &Doc, v: usize, info: VerbInfo, mut subject: Option<NounPhrase>) -> Option<NounPhrase> {
    // `..., بوريس جونسون، والذي قال إن`: a relative clause's verb speaks
    // for the noun phrase before the relative pronoun
    if subject.is_none() {
        subject = antecedent(doc, v);
    }
    // subject first (`المتحدث ... صالح المالكي صرح`, `وكانت الوزارة، قالت`):
    // then a noun phrase after the verb is its object (`يتهمون الأطباء بأنهم`)
    // After `إن`/`أن`/`لكن` the noun phrase before the verb is its subject
    // even when a name follows the verb: `بيد أن مسؤولا محليا أبلغ رويترز`
    if let Some(np) = preverbal_subject(doc, v) {
        let after_particle = doc.prev_word(np.first).is_some_and(|p| doc.words.quotes.subject_particles.contains(doc.key(p)));
        if after_particle || subject.is_none_or(|s| s.kind != PhraseKind::Person) {
            subject = Some(np);
        }
    }
    // `ورحب الرئيس فلان بالاتفاق وقال إن`: a verb joined to the one that
    // opens the sentence shares its subject
    if subject.is_none() && info.tense != Tense::Passive {
        subject = sentence_subject(doc, v, info);
    }
    subject
}

/// Whether a subject makes its verb no quote of the story: scripture (`قال
/// تعالى`, `قال الله عز وجل`), or reports whose source is not named
/// (`أفادت تقارير إعلامية`; a nationality in the phrase names it).
fn speaks_for_nobody(doc: &Doc, np: NounPhrase) -> bool {
    let words = &doc.words.quotes;
    let head = doc.key(np.first);
    words.scripture.contains(head)
        || (words.unsourced_reports.contains(head) && !(np.first..=np.last).any(|t| doc.word_full(t).and_then(|w| w.nationality).is_some()))
}

/// Whether a date can begin with token `t` (`الشهر الماضي`): for a word,
/// the flag its lookup left (see [`crate::extract::doc::TokenLex::date_trigger`]).
fn begins_date(doc: &Doc, t: usize) -> bool {
    if doc.tokens[t].is_word() {
        debug_assert_eq!(doc.ids[t].date_trigger(), doc.lex.is_date_trigger(doc.key(t)));
        doc.ids[t].date_trigger()
    } else {
        doc.lex.is_date_trigger(doc.key(t))
    }
}

/// The closing token of a parenthetical that opens at `j` (`- … -`,
/// `– … –`, `( … )`), within [`PARENTHETICAL_TOKENS`] tokens (about 30
/// words) of the same sentence.
fn parenthetical_end(doc: &Doc, j: usize, sentence_end: usize) -> Option<usize> {
    // a dash glued to the word before joins a name (`سوندرا-كاي`)
    if j == 0 || doc.kind(j - 1) != TokenKind::Space {
        return None;
    }
    let close = match doc.punct(j)? {
        '-' => '-',
        '–' => '–',
        '—' => '—',
        '(' => ')',
        _ => return None,
    };
    (j + 1..sentence_end.min(j + PARENTHETICAL_TOKENS)).find(|&t| doc.punct(t) == Some(close))
}

/// How far a parenthetical may run, in tokens.
const PARENTHETICAL_TOKENS: usize = 60;

/// A title longer than the parser follows, then the name between commas:
/// `وقال المدير التنفيذي للمؤسسة العربية للحريات، فلان الفلاني، إن`. The
/// name is the speaker and everything before its comma the title.
fn appositive_name(doc: &Doc, np: NounPhrase, sentence_end: usize) -> Option<NounPhrase> {
    if np.kind != PhraseKind::Description || !names::is_title_head(doc, np.first) {
        return None;
    }
    let mut t = np.last;
    let mut comma = None;
    for _ in 0..APPOSITIVE_TITLE_TOKENS {
        let n = doc.next_non_space(t).filter(|&n| n < sentence_end)?;
        match doc.kind(n) {
            TokenKind::Punct if is_comma(doc, n) => {
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
    if is_comma(doc, after) {
        after = doc.next_non_space(after)?;
    }
    if doc.tokens[after].is_word() && may_have_lam(doc.key(after)) && !is_complementizer(doc, after) {
        after = doc.next_non_space(after)?;
        if is_comma(doc, after) {
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
fn sentence_subject(doc: &Doc, v: usize, info: VerbInfo) -> Option<NounPhrase> {
    // `ويعتقد أن`, `ويقال إن` are impersonal more often than joined
    if !starts_with_wa(doc.key(v)) || info.tense != Tense::Past {
        return None;
    }
    let sentence_start = doc.toks.sentences[doc.sentence_of(v)].tokens().start;
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
fn preverbal_subject(doc: &Doc, v: usize) -> Option<NounPhrase> {
    let mut end = doc.prev_non_space(v)?;
    // `أما الائتلاف، فقد دعا`: particles between subject and verb
    while doc.tokens[end].is_word() && is_preverbal_particle(doc, doc.key(end)) {
        end = doc.prev_non_space(end)?;
    }
    if is_comma(doc, end) {
        end = doc.prev_non_space(end)?;
    }
    // `الرئيس فلان، في خطاب ألقاه أمام أنصاره، أكد أن`: a parenthetical
    if doc.tokens[end].is_word() && is_comma(doc, doc.next_non_space(end).unwrap_or(end)) {
        let sentence_start = doc.toks.sentences[doc.sentence_of(v)].tokens().start;
        if let Some(c) = (sentence_start..end).rev().take(PREVERBAL_ASIDE_TOKENS).find(|&t| is_comma(doc, t)) {
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
    for _ in 0..PREVERBAL_TOKENS {
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
    // a descriptive adjective the phrase leaves out (`المرصد السوري لحقوق
    // الإنسان المعارض، ومقره لندن، قال`)
    if doc.next_word(np.last) == Some(end) && names::is_descriptive(doc, end) {
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
fn antecedent(doc: &Doc, v: usize) -> Option<NounPhrase> {
    let rel = doc.prev_non_space(v)?;
    if !doc.words.quotes.relative_pronouns.contains(doc.key(rel)) {
        return None;
    }
    let mut end = doc.prev_non_space(rel)?;
    if is_comma(doc, end) {
        end = doc.prev_non_space(end)?;
    }
    // the longest phrase that ends right there: `جان إيف لودريان`, not `إيف لودريان`
    let mut start = end;
    let mut best = None;
    for _ in 0..ANTECEDENT_TOKENS {
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
    let sentence_start = doc.toks.sentences[doc.sentence_of(rel)].tokens().start;
    let mut titled = None;
    let mut i = rel;
    for _ in 0..ANTECEDENT_SEARCH_TOKENS {
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
