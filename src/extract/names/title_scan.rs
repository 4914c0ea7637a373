//! How far a title runs after its head: `وزير الخارجية الروسي`, `المتحدث
//! باسم الجيش`, `المبعوث الأممي إلى اليمن`, `مدير التعليم بمحافظة جدة`.
//! Each way a title grows is a named rule, tried in order on the word after
//! the title so far; the first that applies says how far it grows, or that
//! the title ends there (and the name may start).

use super::start::{can_start_name, given_at, is_common_word, is_definite, is_given_name, is_nationality, Given, COMMON_CORE_RANK};
use super::title::{title_at, title_complement, TitleHit};
use super::{is_stop_word, quoted_name_end, Step};
use crate::extract::doc::Doc;
use crate::lexicon::{EntityType, TitleClass, NO_WORD};
use crate::tokenizer::{clitics, TokenKind};

/// The most words a title takes.
const MAX_TITLE_WORDS: usize = 8;

/// A title being read from its head.
pub(super) struct TitleScan<'a> {
    /// The head's token.
    head: usize,
    /// The title's last token so far.
    pub last: usize,
    words: usize,
    /// The last title lookup with its token: the next word's tests ask
    /// about the same token again (`last` after `j`).
    seen_title: Option<(usize, Option<TitleHit>)>,
    /// The last given-name lookup with its token: the name start after the
    /// word the scan stopped at asks again.
    pub seen_given: Option<(usize, Given<'a>)>,
}

impl<'a> TitleScan<'a> {
    /// Reads the title whose head is token `head`, ending at `last`.
    pub(super) fn read(doc: &Doc<'a>, head: usize, last: usize) -> Self {
        let mut scan = TitleScan { head, last, words: 1, seen_title: None, seen_given: None };
        while scan.words < MAX_TITLE_WORDS {
            match scan.step(doc) {
                Step::Take { last, words } => {
                    scan.last = last;
                    scan.words += words;
                }
                Step::EndAt(last) => {
                    scan.last = last;
                    break;
                }
                Step::Stop => break,
            }
        }
        scan
    }

    /// What the first rule that applies says about the next word.
    fn step(&mut self, doc: &Doc<'a>) -> Step {
        // a quoted name inside a title: `مؤسس حملة "بيروت برايد"`
        if let Some(end) = quoted_name_end(doc, self.last) {
            return Step::take(end);
        }
        let Some(j) = doc.next_word(self.last) else { return Step::Stop };
        if doc.kind(j) != TokenKind::Word {
            return Step::Stop;
        }
        if in_the_name_of_body(doc, j) {
            return Step::take(j);
        }
        if self.given_name_at(doc, j) {
            return Step::Stop;
        }
        if let Some(l) = title_complement(doc, j) {
            return Step::take(l);
        }
        if self.agency_after_adjective(doc, j) {
            return Step::Stop;
        }
        if let Some(l) = self.title_word_at(doc, j) {
            return Step::take(l);
        }
        if is_stop_word(doc, j) {
            return function_word_in_title(doc, j);
        }
        self.indefinite_adjective(doc, j)
            .or_else(|| self.construct_chain(doc, j))
            .or_else(|| self.conjoined_definite(doc, j))
            .or_else(|| self.place_in_title(doc, j))
            .or_else(|| definite_modifier(doc, j))
            .unwrap_or(Step::Stop)
    }

    /// A given name starts the name, even one that is also a place (`منى`)
    /// or a title word. (Remembers the lookup for the name start.)
    #[inline]
    fn given_name_at(&mut self, doc: &Doc<'a>, j: usize) -> bool {
        let given_j = given_at(doc, j);
        self.seen_given = Some((j, given_j));
        given_j.is_some_and(|m| m.prefix_chars == 0) || doc.phrase_at(&doc.lex.ambiguous_given_names, j).is_some_and(|m| m.prefix_chars == 0)
    }

    /// A news agency after an adjective is the addressee (`مسؤول عراقي رفيع
    /// وكالة فرانس برس`).
    #[inline]
    fn agency_after_adjective(&self, doc: &Doc, j: usize) -> bool {
        let title_of_last = || match self.seen_title {
            Some((at, title)) if at == self.last => title,
            _ => title_at(doc, self.last),
        };
        let adjective_before = self.last != self.head
            && (clitics::has_nisba(doc.key(self.last)) || title_of_last().is_some_and(|(c, ..)| c == TitleClass::Modifier));
        adjective_before && doc.phrase_at(&doc.lex.agencies, j).is_some()
    }

    /// Another title word (`الخارجية`, `لشؤون`): the title's last token
    /// with it. (Remembers the lookup for the next word's tests.)
    #[inline]
    fn title_word_at(&mut self, doc: &Doc, j: usize) -> Option<usize> {
        let title_j = title_at(doc, j);
        self.seen_title = Some((j, title_j));
        let (.., l, p) = title_j?;
        (p == 0 || clitics::has_lam(doc.key(j))).then_some(l)
    }

    /// An indefinite adjective after an indefinite head: `مسؤول عسكري`.
    #[inline]
    fn indefinite_adjective(&self, doc: &Doc, j: usize) -> Option<Step> {
        let kj = doc.key(j);
        let applies = self.words == 1 && !is_definite(doc, self.head) && clitics::has_nisba_or_accusative_nisba(kj) && !clitics::starts_with_wa(kj)
            && doc.phrase_at(&doc.lex.given_names, j).is_none();
        applies.then(|| Step::take(j))
    }

    /// A construct chain: `قائد عمليات نينوى`, `رئيس بلدية بيروت` (only
    /// right after an indefinite word: after `اللبنانية` an indefinite word
    /// starts the name; and never after an adjective: `مسؤول عراقي رفيع
    /// وكالة فرانس برس`, the agency is the addressee).
    #[inline]
    fn construct_chain(&self, doc: &Doc, j: usize) -> Option<Step> {
        let after_adjective = self.last != self.head && clitics::has_nisba(doc.key(self.last));
        if is_definite(doc, self.last) || after_adjective || is_definite(doc, j) || doc.phrase_at(&doc.lex.given_names, j).is_some() || is_common_word(doc, j, COMMON_CORE_RANK) {
            return None;
        }
        let chain = doc.next_word(j).is_some_and(|n| {
            (is_definite(doc, n) && !is_stop_word(doc, n)) || doc.phrase_at(&doc.lex.gazetteer, n).is_some_and(|g| g.prefix_chars == 0)
        });
        (chain && !clitics::starts_with_wa(doc.key(j))).then(|| Step::take(j))
    }

    /// `والمساواة` in `للحريات والمساواة`: a conjoined definite.
    #[inline]
    fn conjoined_definite(&self, doc: &Doc, j: usize) -> Option<Step> {
        (clitics::has_conjunction_and_article(doc.key(j)) && self.words >= 2).then(|| Step::take(j))
    }

    /// A place in a title: `وزير خارجية روسيا`, `بشرطة منطقة عسير`; and a
    /// body after a body: `أمين عام منظمة أوبك`.
    #[inline]
    fn place_in_title(&self, doc: &Doc, j: usize) -> Option<Step> {
        let g = doc.phrase_at(&doc.lex.gazetteer, j).filter(|g| g.prefix_chars == 0)?;
        let ty = doc.lex.gazetteer_entries[*g.value as usize].entity_type;
        let body_before = || doc.phrase_at(&doc.lex.org_heads, self.last).is_some();
        (ty == EntityType::Location || (ty == EntityType::Organization && body_before())).then_some(Step::Take { last: g.last, words: g.words })
    }
}

/// `المتحدث باسم` before a body: `باسم` is also a given name.
#[inline]
fn in_the_name_of_body(doc: &Doc, j: usize) -> bool {
    let body = |n: usize| {
        !is_stop_word(doc, n) && (is_definite(doc, n) || doc.phrase_at(&doc.lex.org_heads, n).is_some() || doc.phrase_at(&doc.lex.gazetteer, n).is_some())
    };
    doc.words.names.is_in_the_name_of(doc.key(j)) && doc.next_word(j).is_some_and(body)
}

/// Function words that belong to titles: `المتحدث باسم`, `المبعوث الأممي
/// إلى اليمن`, `السفير لدى فرنسا`, `مدير الأمن في عدن`; any other ends
/// the title.
#[inline]
fn function_word_in_title(doc: &Doc, j: usize) -> Step {
    let names = &doc.words.names;
    if names.is_in_the_name_of(doc.key(j)) {
        return Step::take(j);
    }
    if !names.title_prepositions.contains(doc.key(j)) {
        return Step::Stop;
    }
    // `أستاذ العلوم السياسية في جامعة بغداد الدكتور ...`
    if let Some(h) = doc.next_word(j).filter(|&n| doc.phrase_at(&doc.lex.org_heads, n).is_some()) {
        if let Some(g) = doc.next_word(h).and_then(|n| doc.phrase_at(&doc.lex.gazetteer, n)).filter(|g| g.prefix_chars == 0) {
            return Step::Take { last: g.last, words: 3 };
        }
    }
    // a place, when a name follows it
    if let Some(g) = doc.next_word(j).and_then(|n| doc.phrase_at(&doc.lex.gazetteer, n)) {
        if g.prefix_chars == 0 && doc.next_word(g.last).is_some_and(|n| can_start_name(doc, n)) {
            return Step::Take { last: g.last, words: 2 };
        }
    }
    Step::Stop
}

/// Definite modifiers and genitives `للحزب`, `لشؤون` (a known stem:
/// `للصحفيين` is the addressee, not part of the title; `للانتخابات` right
/// before the name: `رئيس الهيئة العليا المستقلة للانتخابات سامي بن رمضان`).
#[inline]
fn definite_modifier(doc: &Doc, j: usize) -> Option<Step> {
    let k = doc.key(j);
    let known_stem = doc.ids[j].stem() != NO_WORD;
    let before_given = || doc.next_word(j).is_some_and(|n| is_given_name(doc, n));
    let takes = is_definite(doc, j) || is_nationality(doc, j) || (clitics::has_lam_article(k) && (known_stem || before_given())) || (clitics::has_lam(k) && known_stem);
    takes.then(|| Step::take(j))
}
