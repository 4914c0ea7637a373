//! What the word knowledge (`Doc::morph`) says a name cannot hold: a word
//! that is never a noun (a verb, particle or adverb: `يستحوذ`, `ومضى`), a
//! word read only with a preposition glued on (`بثوب`, `لوزير`), or an
//! accusative marked by its tanween (`هادئاً`). Names the lexicons list
//! (given names that are also verbs, `يزيد`) are kept.

use crate::extract::doc::Doc;
use crate::lexicon::morph::{Clitics, PosSet};
use crate::tokenizer::TokenKind;

/// Tanween of the accusative (`اً`), which names in news do not carry.
const TANWEEN_FATH: char = '\u{064B}';

/// Whether word token `j` cannot begin a person's name: a finite verb
/// (`ومضى`, `قتلت`), a preposition on a noun (`لتحفيظ`), an accusative.
pub fn cannot_be_in_name(doc: &Doc, j: usize) -> bool {
    not_name_word(doc, j, |a| {
        // third person, with no object pronoun, ل of purpose or future س:
        // rarer readings are what foreign names happen to spell (`سيسلي`
        // as س + يسلي, `كينتانا` as كينت + نا)
        // (`عايد`, a bare perfective stem, is far more often a name: such a
        // verb counts only with a conjunction, as in `ومضى`)
        let marked = a.tags.marked_third_person() || a.clitics.any(Clitics::CONJ);
        a.never_nominal() && marked && !a.clitics.any(Clitics::PRONOUN.union(Clitics::PREP).union(Clitics::FUTURE))
    })
}

/// Whether word token `j` cannot continue a name of `words` words so far.
/// A verb or a preposition ends only a name of two words or more, and a
/// verb only as a whole imperfective word (`الوليد بن طلال يستحوذ`, `مي
/// فاروق بثوب`): a foreign or Maghrebi surname often spells one (`موشيه
/// يعالون`, `رضوان لقديم`, `آدم بي شيف`). An accusative ends any name.
pub fn cannot_continue_name(doc: &Doc, j: usize, words: usize) -> bool {
    if words < 2 {
        return doc.kind(j) == TokenKind::Word && doc.surface(j).contains(TANWEEN_FATH);
    }
    not_name_word(doc, j, |a| !a.whole.is_empty() && a.whole.within(PosSet::VERB_IMPERFECT) && a.never_nominal() && a.tags.has_third_person())
}

/// Whether `first..=last` cannot be a name because of its one word: it
/// cannot begin a name (`ومضى`). A longer name keeps such a first word:
/// foreign given names spell verbs and prepositions too (`نصرت رحيمي`,
/// `بابار يعقوب`, `فينسن لابرون`).
fn bad_first_word(doc: &Doc, first: usize, last: usize) -> bool {
    first == last && cannot_be_in_name(doc, first)
}

/// Whether word token `j` is read only with a preposition glued on, or is
/// an accusative: no name, whatever came before.
pub fn glued_or_accusative(doc: &Doc, j: usize) -> bool {
    not_name_word(doc, j, |_| false)
}

fn not_name_word(doc: &Doc, j: usize, verb: impl Fn(&crate::lexicon::morph::Analysis) -> bool) -> bool {
    if doc.kind(j) != TokenKind::Word {
        return false;
    }
    if doc.surface(j).contains(TANWEEN_FATH) {
        return true;
    }
    let a = doc.morph(j);
    // a preposition on a singular noun (`بالثوب`, `لمدة`), not a foreign
    // name that a rare plural, a short word or a proper noun happens to
    // spell (`بوكوفا`, `كهرمان`, `بنس`, `بولد`, `بترجي`)
    let glued = a.preposition_glued() && a.singular_nominal && !a.classes.any(PosSet::PROPN) && doc.surface(j).chars().count() >= super::extent::MIN_CLITIC_WORD_CHARS;
    (glued || verb(&a)) && !listed_name(doc, j)
}

/// Whether the word is a common noun or adjective of the language and no
/// proper noun (`شريطة`, `اسمه`, `محاميه`): as a whole name, a word of the
/// sentence rather than someone's name.
pub fn common_noun_not_name(doc: &Doc, j: usize) -> bool {
    if doc.kind(j) != TokenKind::Word {
        return false;
    }
    let a = doc.morph(j);
    a.singular_nominal && !a.classes.any(PosSet::PROPN) && !listed_name(doc, j)
}

/// Whether the word at `j` starts a name the lexicons list.
fn listed_name(doc: &Doc, j: usize) -> bool {
    doc.phrase_at(&doc.lex.given_names, j).is_some() || doc.phrase_at(&doc.lex.ambiguous_given_names, j).is_some()
}

/// Whether the words `first..=last`, read as a name, are none: the first
/// cannot be in a name, or the one word is a common noun of the language
/// (`المسؤول شريطة`, `مسؤول آخر`).
pub fn no_name(doc: &Doc, first: usize, last: usize) -> bool {
    bad_first_word(doc, first, last) || (first == last && common_noun_not_name(doc, first))
}

/// The phrase as a speaker, by what its words are: a name part that is no
/// name (`المسؤول شريطة`, a bare `اسمه`; a verb such as `ومضى`) is dropped,
/// leaving the title (`المسؤول`) if there is one, and `None` if nothing is
/// left.
pub fn as_speaker(doc: &Doc, np: super::NounPhrase) -> Option<super::NounPhrase> {
    // a description never starts so; a name only when it is one word
    let name_end = np.name.map_or(np.first, |(_, b, _)| b);
    let starts_badly = if np.name.is_some() { bad_first_word(doc, np.first, name_end) } else { cannot_be_in_name(doc, np.first) };
    if starts_badly && !is_title_head_at(doc, np.first) {
        return None;
    }
    // a bare noun with a pronoun (`اسمه`, `تعبيره`) speaks for nobody; a
    // role with one (`محاميه`) is a described speaker
    if np.first == np.last && np.name.is_none() {
        let a = doc.morph(np.first);
        if a.whole.is_empty() && a.clitics.any(Clitics::PRONOUN) && !a.classes.any(PosSet::PROPN) && !is_title_head_at(doc, np.first) {
            return None;
        }
    }
    let Some((a, b, _)) = np.name else { return Some(np) };
    let no_name = bad_first_word(doc, a, b) || (a == b && common_noun_not_name(doc, a) && !is_title_head_at(doc, a));
    if !no_name {
        return Some(np);
    }
    match np.title {
        Some((t0, t1)) if t0 == np.first => Some(super::NounPhrase { last: t1, name: None, kind: super::PhraseKind::Description, ..np }),
        // an indefinite noun alone describes an unnamed speaker (`مطلقة`,
        // `ناخبة`, `مستخدم`); with a pronoun or the article it is a word of
        // the sentence (`حديثها`, `الحكم`)
        None if a == b && !bad_first_word(doc, a, b) && !doc.morph(a).clitics.any(Clitics::PRONOUN.union(Clitics::ARTICLE)) => {
            Some(super::NounPhrase { name: None, kind: super::PhraseKind::Description, ..np })
        }
        _ => None,
    }
}

fn is_title_head_at(doc: &Doc, i: usize) -> bool {
    super::is_title_head(doc, i) || doc.phrase_at(&doc.lex.org_heads, i).is_some()
}
