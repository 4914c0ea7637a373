//! A description: `وزارة الشؤون الثقافية`, `مصدر أمني`, `علماء`, `الجيش`,
//! `مسؤول في الوزارة`. Each way a description grows is a named rule, tried
//! in order on the word after the phrase so far.

use super::extent::name_extent;
use super::phrase::person;
use super::start::{given_at, is_definite, is_nationality};
use super::{is_stop_word, NounPhrase, PhraseKind, Step, MAX_QUOTED_NAME_WORDS};
use crate::extract::doc::Doc;
use crate::lexicon::{Gender, TitleClass, NO_WORD};
use crate::tokenizer::{clitics, TokenKind};

/// The most words a description takes.
const MAX_DESCRIPTION_WORDS: usize = 7;

/// The most indefinite words inside a construct chain before the word that
/// closes it (`مهرجان أيام قرطاج المسرحية`).
const MAX_CHAIN_INNER_WORDS: usize = 2;

/// An institution's name takes a genitive (`لشؤون`) only within its first
/// words, and an indefinite word only within fewer.
const MAX_GENITIVE_WORDS: usize = 4;
const MAX_INDEFINITE_NAME_WORDS: usize = 3;

/// The most words before an indefinite adjective (`مصدر أمني رفيع`).
const MAX_WORDS_BEFORE_ADJECTIVE: usize = 3;

/// The fewest letters of an unknown word read as a preposition and a word
/// (`بإصلاح`, `لتقليص`).
const MIN_CLITIC_WORD_CHARS: usize = 5;

/// The description starting at token `i` (a title up to `title_last`
/// when one was read), or a person when a given name follows it.
pub(super) fn description(doc: &Doc, i: usize, title_last: Option<usize>, gender: Gender) -> Option<NounPhrase> {
    if glued_preposition(doc, i) {
        return None;
    }
    Some(description_from(doc, i, title_last, gender))
}

/// [`description`] without the test of a glued preposition: for a phrase
/// that a preposition governs (`لوزارة الصحة`).
pub(super) fn description_from(doc: &Doc, i: usize, title_last: Option<usize>, gender: Gender) -> NounPhrase {
    let org = doc.phrase_at(&doc.lex.org_heads, i).is_some();
    let gaz = doc.phrase_at(&doc.lex.gazetteer, i);
    let mut scan = Description { head: i, org, title_last, last: title_last.or(gaz.map(|m| m.last)).unwrap_or(i), words: 1 };
    while scan.words < MAX_DESCRIPTION_WORDS {
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
    let last = scan.last;
    // a role the title lexicon lacks, then a given name: `محافظة البنك
    // المركزي سلوى الدباغ` (`محافظة` is mostly `governorate`)
    if is_definite(doc, last) && !org && gaz.is_none() {
        if let Some((n, given_n)) = doc.next_word(last).map(|n| (n, given_at(doc, n))).filter(|(_, g)| g.is_some_and(|m| m.prefix_chars == 0)) {
            let name_last = name_extent(doc, n, given_n);
            return person(i, name_last, Some((i, last)), n, given_n.map_or(gender, |m| *m.value));
        }
    }
    NounPhrase { first: i, last, prefix_chars: 0, title: None, name: None, gender, kind: PhraseKind::Description }
}

/// Never a description: a word with a preposition glued to it (`بشرطة`,
/// `للصحفيين`, `بإصلاح`), known only as a stem with it.
#[inline]
fn glued_preposition(doc: &Doc, i: usize) -> bool {
    let ids = doc.ids[i];
    if ids.full() == NO_WORD && ids.stem() != NO_WORD && !ids.conj() {
        return true;
    }
    let k = doc.key(i);
    if clitics::has_preposition_and_article(k) || clitics::has_conjunction_preposition_and_article(k) {
        return true;
    }
    // an unknown word with a preposition glued on (`بإصلاح`, `لتقليص`)
    clitics::without_preposition(k).is_some() && ids.full() == NO_WORD && k.chars().count() >= MIN_CLITIC_WORD_CHARS
}

/// A description being read from its head.
struct Description {
    head: usize,
    /// The head is an institution's (`وزارة`).
    org: bool,
    /// The title read before, if any.
    title_last: Option<usize>,
    last: usize,
    words: usize,
}

impl Description {
    /// What the first rule that applies says about the next word.
    fn step(&self, doc: &Doc) -> Step {
        if let Some(step) = self.quoted_body_name(doc) {
            return step;
        }
        let Some(j) = doc.next_word(self.last) else { return Step::Stop };
        if let Some(step) = self.construct_chain(doc, j).or_else(|| self.placed_source(doc, j)).or_else(|| negated_adjective(doc, j)) {
            return step;
        }
        if doc.kind(j) != TokenKind::Word || is_stop_word(doc, j) {
            return Step::Stop;
        }
        // `الرسمية`, `الموالية لـ` after a body's name (`وكالة الأنباء
        // السورية الرسمية`): they describe it without naming it (the same list
        // ends an institution's name); after the head alone they are its
        // only modifier (`الموقع الرسمي`), before a nationality still inside
        // the name (`وكالة الأنباء الرسمية التركية`)
        if self.last > self.head && super::is_descriptive(doc, j) && !doc.next_word(j).is_some_and(|n| is_nationality(doc, n)) {
            return Step::Stop;
        }
        if self.continues(doc, j) || self.indefinite_adjective(doc, j) {
            Step::take(j)
        } else {
            Step::Stop
        }
    }

    /// A body's own name in quotation marks: `منظمة "مراسلون بلا حدود"`
    /// (any other quotation mark ends the phrase).
    #[inline]
    fn quoted_body_name(&self, doc: &Doc) -> Option<Step> {
        let q = doc.next_non_space(self.last).filter(|&q| doc.kind(q) == TokenKind::Quote && self.words == 1 && !is_definite(doc, self.head))?;
        let quoted = doc.toks.quotes.binary_search_by_key(&q, |s| s.open()).ok().map(|x| doc.toks.quotes[x]);
        let name = quoted.filter(|s| s.close().is_some() && s.content().filter(|&t| doc.tokens[t].is_wordlike()).count() <= MAX_QUOTED_NAME_WORDS);
        Some(name.map_or(Step::Stop, |s| Step::take(s.content_end())))
    }

    /// A construct chain after an indefinite head, closed by a definite word
    /// or an adjective: `مهرجان أيام قرطاج المسرحية`, `وسائل إعلام سورية`.
    #[inline]
    fn construct_chain(&self, doc: &Doc, j: usize) -> Option<Step> {
        if self.words != 1 || is_definite(doc, self.head) {
            return None;
        }
        let chain_word = || {
            !is_definite(doc, j) && !is_stop_word(doc, j) && !clitics::starts_with_wa(doc.key(j))
                && doc.phrase_at(&doc.lex.given_names, j).is_none()
                && (doc.ids[j].full() != NO_WORD || doc.lex.common_rank(doc.key(j)).is_some() || doc.next_word(j).is_some_and(|n| is_nationality(doc, n)))
        };
        if !(chain_word() || doc.phrase_at(&doc.lex.gazetteer, j).is_some_and(|g| g.prefix_chars == 0)) {
            return None;
        }
        let closes = |n: usize| (is_definite(doc, n) && !is_stop_word(doc, n)) || is_nationality(doc, n);
        let mut end = j;
        let mut inner = 0;
        while inner < MAX_CHAIN_INNER_WORDS && !doc.next_word(end).is_some_and(closes) {
            match doc.next_word(end).filter(|&n| !is_definite(doc, n) && !is_stop_word(doc, n) && !clitics::starts_with_wa(doc.key(n))) {
                Some(n) => end = n,
                None => break,
            }
            inner += 1;
        }
        let c = doc.next_word(end).filter(|&n| closes(n))?;
        Some(Step::Take { last: c, words: 2 + inner })
    }

    /// An unnamed source placed by a prepositional phrase: `مسؤول في
    /// الوزارة`, `مصدر مقرب من رئاسة الحكومة`, `مسؤول محلي في منبج` (only
    /// after a common noun: `أوباما في واشنطن` is a name and a place). Ends
    /// the phrase.
    #[inline]
    fn placed_source(&self, doc: &Doc, j: usize) -> Option<Step> {
        // (the cheap tests first: the head's rank is a lookup by string)
        let common_head = || self.title_last.is_some() || doc.ids[self.head].full() != NO_WORD || doc.lex.common_rank(doc.key(self.head)).is_some();
        if !(doc.words.names.placing_prepositions.contains(doc.key(j)) && !is_definite(doc, self.head) && common_head()) {
            return None;
        }
        let n = doc.next_word(j)?;
        let org = doc.phrase_at(&doc.lex.org_heads, n);
        if let Some(g) = doc.phrase_at(&doc.lex.gazetteer, n).filter(|g| g.prefix_chars == 0) {
            return Some(Step::EndAt(g.last));
        }
        let placed = org.is_some() || (is_definite(doc, n) && !is_stop_word(doc, n));
        if !placed {
            return None;
        }
        let mut last = n;
        // the head's complement: `وزارة النفط`, `رئاسة الحكومة`
        if org.is_some() {
            if let Some(c) = doc.next_word(n).filter(|&c| is_definite(doc, c) && !is_stop_word(doc, c)) {
                last = c;
                // and its adjectives: `وزارة الداخلية العراقية`
                let adjective = |a: usize| is_nationality(doc, a) || (is_definite(doc, a) && clitics::has_feminine_nisba(doc.key(a)));
                while let Some(a) = doc.next_word(last).filter(|&a| adjective(a)) {
                    last = a;
                }
            }
        }
        Some(Step::EndAt(last))
    }

    /// Definite modifiers, nationalities and an institution's own words:
    /// `للحزب` continues an institution's name; elsewhere `ل` introduces the
    /// addressee (`قال المصدر لوكالة ...`). After a definite head only an
    /// adjective follows (`الدفاع المدني`, `القوات المسلحة`); a definite
    /// noun is the verb's object (`ووصف الدفاع المدني الحريق بأنه`).
    #[inline]
    fn continues(&self, doc: &Doc, j: usize) -> bool {
        let k = doc.key(j);
        let org = self.org;
        let conj_def = org && (clitics::has_conjunction_and_article(k) || clitics::has_conjunction_and_lam_article(k));
        let genitive = org && (clitics::has_lam_article(k) || (clitics::has_lam(k) && doc.ids[j].stem() != NO_WORD && self.words < MAX_GENITIVE_WORDS));
        let definite_head = is_definite(doc, self.head);
        let definite_ok = !definite_head || org || clitics::looks_like_adjective(k);
        (is_definite(doc, j) && definite_ok)
            || is_nationality(doc, j)
            || conj_def
            || genitive
            || (org && !definite_head && self.words < MAX_INDEFINITE_NAME_WORDS && !clitics::starts_with_wa(k))
    }

    /// An indefinite adjective after an indefinite noun: `مصدر أمني`, `مصدر
    /// مطلع`, `مسؤول رفيع`, `مسؤولا محليا` (in the accusative, after
    /// `إن`/`أن`).
    #[inline]
    fn indefinite_adjective(&self, doc: &Doc, j: usize) -> bool {
        let k = doc.key(j);
        if self.words > MAX_WORDS_BEFORE_ADJECTIVE || is_definite(doc, self.head) || clitics::starts_with_wa(k) || doc.phrase_at(&doc.lex.given_names, j).is_some() {
            return false;
        }
        let modifier = || {
            doc.phrase_at(&doc.lex.titles, j).is_some_and(|m| m.value.class == TitleClass::Modifier && m.prefix_chars == 0)
                // `مصدر يمني مسؤول`: after a noun that is no title, `مسؤول` is the adjective
                || (doc.words.names.official.contains(k) && self.title_last.is_none())
        };
        clitics::has_nisba_or_accusative_nisba(k)
            || (clitics::has_plural_nisba(k) && !clitics::has_lam(k))
            || clitics::has_feminine_nisba(k)
            || modifier()
            || (clitics::has_feminine_participle_shape(k) && self.words == 2)
    }
}

/// A negated adjective ends the phrase: `مصادر غير رسمية`, `المصادر غير
/// الرسمية`.
#[inline]
fn negated_adjective(doc: &Doc, j: usize) -> Option<Step> {
    if !doc.words.names.negation.contains(doc.key(j)) {
        return None;
    }
    let adjective = doc.next_word(j).filter(|&a| !is_stop_word(doc, a) && clitics::has_adjective_ending(doc.key(a)));
    Some(adjective.map_or(Step::Stop, Step::EndAt))
}
