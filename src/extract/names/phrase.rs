//! The noun phrase at a token, read in steps: a document for its issuer,
//! a title and the name after it, an occupation before a given name, a
//! name alone, and else a description (see [`super::description`]).

use super::description::{description, description_from};
use super::extent::name_extent;
use super::lexical;
use super::start::{can_start_name, can_start_name_with, given_at, is_ali_after_title, is_definite, is_nationality};
use super::title::{title_at, title_from};
use super::title_scan::TitleScan;
use super::{is_stop_word, parse, NounPhrase, PhraseKind, TitleEntry};
use crate::extract::doc::Doc;
use crate::lexicon::{Gender, TitleClass};
use crate::tokenizer::{clitics, TokenKind};

use crate::tokenizer::ARABIC_COMMA;

/// [`parse`] with the title entry at token `i` when the caller has looked
/// it up already (`Some` of what `doc.phrase_at(&doc.lex.titles, i)`
/// gives): it is not looked up again.
pub fn parse_with_title<'a>(doc: &Doc<'a>, i: usize, title_entry: Option<Option<TitleEntry<'a>>>) -> Option<NounPhrase> {
    debug_assert!(title_entry.is_none_or(|e| e == doc.phrase_at(&doc.lex.titles, i)));
    if i >= doc.len() || doc.kind(i) != TokenKind::Word || is_stop_word(doc, i) {
        return None;
    }
    if let Some(np) = issued_document(doc, i) {
        return Some(np);
    }
    let mut gender = Gender::Unknown;
    let mut title_last = None;
    // honorifics and titles
    let title_i = match title_entry {
        Some(entry) => title_from(doc, i, entry),
        None => title_at(doc, i),
    };
    if let Some((class, g, last, _)) = title_i.filter(|(class, ..)| *class != TitleClass::Modifier) {
        debug_assert!(class != TitleClass::Modifier);
        gender = g;
        match name_after_title(doc, i, TitleScan::read(doc, i, last), gender) {
            Titled::Phrase(np) => return np,
            Titled::Unnamed { last } => title_last = Some(last),
        }
    }
    if let Some(np) = occupation_before_given(doc, i) {
        return Some(np);
    }
    if let Some(np) = bare_name(doc, i, title_i.is_some(), gender) {
        return Some(np);
    }
    description(doc, i, title_last, gender)
}

/// The noun phrase governed by a preposition glued to token `i` (`لوزير
/// المالية`, `لوزارة الصحة`, `لسامر فلان`): a title, body, place or given
/// name that the lexicons find under the clitic, read as [`parse`] reads
/// it there, with the preposition left out of its text. `None` when no
/// lexicon finds one under a `ب`/`ل`.
pub fn parse_after_preposition(doc: &Doc, i: usize) -> Option<NounPhrase> {
    if i >= doc.len() || doc.kind(i) != TokenKind::Word || !clitics::has_bi_or_li(doc.key(i)) || is_stop_word(doc, i) {
        return None;
    }
    let lex = &doc.lex;
    let title = doc.phrase_at(&lex.titles, i).filter(|m| m.prefix_chars > 0 && m.value.class != TitleClass::Modifier);
    let np = if let Some(t) = title {
        // a title and its name, or the title alone (`للوزير`)
        let np = parse(doc, i).filter(|np| np.first == i).unwrap_or_else(|| description_from(doc, i, Some(t.last), t.value.gender));
        (np, t.prefix_chars)
    } else if let Some(g) = given_at(doc, i).filter(|m| m.prefix_chars > 0) {
        let last = name_extent(doc, i, Some(g));
        (person(i, last, None, i, *g.value), g.prefix_chars)
    } else {
        let p = doc.phrase_at(&lex.org_heads, i).map(|m| m.prefix_chars).or_else(|| doc.phrase_at(&lex.gazetteer, i).map(|m| m.prefix_chars)).filter(|&p| p > 0)?;
        (description_from(doc, i, None, Gender::Unknown), p)
    };
    let (mut np, prefix) = np;
    np.prefix_chars = prefix;
    np.name = np.name.map(|(a, b, p)| (a, b, if a == i { prefix } else { p }));
    Some(np)
}

/// A person's phrase: `first..=last`, with a title and a name (`name..=last`).
pub(super) fn person(first: usize, last: usize, title: Option<(usize, usize)>, name: usize, gender: Gender) -> NounPhrase {
    NounPhrase { first, last, prefix_chars: 0, title, name: Some((name, last, 0)), gender, kind: PhraseKind::Person }
}

/// `بلاغ وزارة الثقافية`, `بيان الخارجية`, `بيان صادر عن الرئاسة التركية`:
/// a document speaks for its issuer, a body or a person.
#[inline]
fn issued_document(doc: &Doc, i: usize) -> Option<NounPhrase> {
    let m = doc.phrase_at(&doc.lex.document_nouns, i).filter(|m| m.prefix_chars == 0)?;
    let names = &doc.words.names;
    let mut after = doc.next_word(m.last);
    if let Some(a) = after.filter(|&a| names.issued.contains(doc.key(a))) {
        if let Some(b) = doc.next_word(a).filter(|&b| names.issued_by.contains(doc.key(b))) {
            after = doc.next_word(b);
        }
    }
    let n = after?;
    let np = parse(doc, n)?;
    let org = doc.phrase_at(&doc.lex.org_heads, n).is_some() || doc.phrase_at(&doc.lex.gazetteer, n).is_some_and(|g| g.prefix_chars == 0);
    (org || np.kind == PhraseKind::Person).then_some(np)
}

/// What follows a title.
enum Titled {
    /// The phrase is read (or there is none: the title ends the text).
    Phrase(Option<NounPhrase>),
    /// No name follows an indefinite title: an unnamed source whose title
    /// runs to `last`, read as a description (`مسؤول محلي في حلب`).
    Unnamed { last: usize },
}

/// The name after the title `scan` (head `i`), or what the title is
/// without one.
#[inline]
fn name_after_title(doc: &Doc, i: usize, scan: TitleScan, mut gender: Gender) -> Titled {
    let title = Some((i, scan.last));
    let cur = scan.last;
    let Some(next) = doc.next_non_space(cur) else { return Titled::Phrase(None) };
    // the name may follow after a comma: `الرئيس الأمريكي، دونالد ترامب`
    let name_start = if matches!(doc.punct(next), Some(ARABIC_COMMA | ',')) { doc.next_word(next) } else { Some(next) };
    // an ambiguous given name right after a title is the name when a name
    // word follows it (`سيدي محمد ولد أحمد`)
    let ambiguous_given = |n: usize| {
        !is_stop_word(doc, n)
            && doc.phrase_at(&doc.lex.ambiguous_given_names, n).is_some_and(|m| m.prefix_chars == 0)
            && doc.next_word(n).is_some_and(|w| can_start_name(doc, w))
    };
    let given_n = name_start.map(|n| match scan.seen_given {
        Some((at, given)) if at == n => given,
        _ => given_at(doc, n),
    });
    let starts = |n: usize| can_start_name_with(doc, n, false, || given_n.flatten(), || title_at(doc, n).is_some());
    if let Some(n) = name_start.filter(|&n| starts(n) || is_ali_after_title(doc, n) || ambiguous_given(n)) {
        let given_n = given_n.flatten();
        let last = name_extent(doc, n, given_n);
        if !lexical::no_name(doc, n, last) {
            if let Some(m) = given_n {
                if gender == Gender::Unknown {
                    gender = *m.value;
                }
            }
            return Titled::Phrase(Some(person(i, last, title, n, gender)));
        }
    }
    // a definite title (`الوزير`, `رئيس الوزراء`) refers back to someone named
    if is_definite(doc, i) || is_definite(doc, cur) {
        return Titled::Phrase(Some(NounPhrase { first: i, last: cur, prefix_chars: 0, title, name: None, gender, kind: PhraseKind::Description }));
    }
    // the title's own words stay (`متحدثة باسم الجيش`, `مسؤول بالوزارة`)
    // but not the addressee (`مسؤول رفيع المستوى للصحفيين`)
    let addressee = cur > i && clitics::has_lam_article(doc.key(cur));
    Titled::Unnamed { last: if addressee { doc.prev_non_space(cur).unwrap_or(i) } else { cur } }
}

/// An occupation the lexicon lacks before a given name: `المزارع علي
/// حمدان`, `الطالبة سارة منصور`.
#[inline]
fn occupation_before_given(doc: &Doc, i: usize) -> Option<NounPhrase> {
    if !is_definite(doc, i) || is_nationality(doc, i) || doc.phrase_at(&doc.lex.gazetteer, i).is_some() {
        return None;
    }
    let n = doc.next_word(i)?;
    let given_n = given_at(doc, n);
    if !(given_n.is_some_and(|m| m.prefix_chars == 0) || is_ali_after_title(doc, n)) {
        return None;
    }
    let last = name_extent(doc, n, given_n);
    let g = given_n.map_or(Gender::Unknown, |m| *m.value);
    Some(person(i, last, Some((i, i)), n, g))
}

/// A name with no title: `سيرغي لافروف`. (Token `i` is a word and no stop
/// word, tested on entry; whether a title starts at it is `titled`.)
#[inline]
fn bare_name(doc: &Doc, i: usize, titled: bool, gender: Gender) -> Option<NounPhrase> {
    if doc.phrase_at(&doc.lex.gazetteer, i).is_some() {
        return None;
    }
    let given_i = given_at(doc, i);
    if !can_start_name_with(doc, i, true, || given_i, || titled) {
        return None;
    }
    let last = name_extent(doc, i, given_i);
    // (a verb or a common noun alone may still be a family name that
    // refers back: the quotes decide, knowing who was named before)
    if lexical::glued_or_accusative(doc, i) && i == last {
        return None;
    }
    Some(person(i, last, None, i, given_i.map_or(gender, |m| *m.value)))
}
