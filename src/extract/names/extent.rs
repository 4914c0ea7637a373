//! How far a name runs: through connectors (`بن`, `عبد`) and a definite
//! family name (`علي الشبل`), up to what ends it. Each rule that ends a
//! name is a named test, tried in order on the word after the name so far.

use super::start::{is_common_word, is_definite, is_nationality, Given, COMMON_CONTINUE_RANK, COMMON_CORE_RANK, COMMON_START_RANK};
use super::title::{title_at, TitleHit};
use super::{is_stop_word, Step};
use crate::extract::doc::Doc;
use crate::lexicon::{TitleClass, NO_WORD};
use crate::tokenizer::{clitics, TokenKind};

/// The most words a name takes.
const MAX_NAME_WORDS: usize = 5;

/// Past this many words a name needs stronger evidence to go on (see
/// [`object_after_name`]).
const SURE_NAME_WORDS: usize = 2;

/// The fewest letters of a word with a clitic glued on that is read as a
/// clitic and a word rather than a foreign name (`بالرد`, not `بيتزي`).
pub(super) const MIN_CLITIC_WORD_CHARS: usize = 5;

/// Whether token `n` cannot continue a name: a function word, a verb of
/// saying, a word with a preposition glued on, a number or punctuation.
pub(super) fn ends_name(doc: &Doc, n: usize) -> bool {
    if doc.kind(n) != TokenKind::Word || is_stop_word(doc, n) {
        return true;
    }
    let k = doc.key(n);
    clitics::has_lam_article(k) // `للصحفيين`: preposition and article
        || clitics::has_bi_or_li(k) && doc.ids[n].full() == NO_WORD
        || is_common_word(doc, n, COMMON_CONTINUE_RANK)
        || title_at(doc, n).is_some()
}

/// Whether the name would end after token `j`: no word follows, or one
/// that cannot continue a name.
#[inline]
fn ends_after(doc: &Doc, j: usize) -> bool {
    doc.next_non_space(j).is_none_or(|n| !doc.tokens[n].is_wordlike()) || doc.next_word(j).is_none_or(|n| ends_name(doc, n))
}

/// A name being read from its first word.
struct NameScan {
    /// The name opens with a given name (`حبيب`, also an ordinary word).
    given_first: bool,
    last: usize,
    words: usize,
}

/// Extends a name starting at `i`; returns its last token.
/// (`given`: the given name at token `i`, which the caller has looked up.)
pub(super) fn name_extent(doc: &Doc, i: usize, given: Given) -> usize {
    let given_first = given.is_some() || doc.phrase_at(&doc.lex.ambiguous_given_names, i).is_some();
    let mut scan = NameScan { given_first, last: given.map_or(i, |m| m.last), words: 1 };
    while scan.words < MAX_NAME_WORDS {
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
    scan.last
}

impl NameScan {
    /// What the first rule that applies says about the next word.
    fn step(&self, doc: &Doc) -> Step {
        let Some(j) = doc.next_word(self.last) else { return Step::Stop };
        if doc.kind(j) != TokenKind::Word || is_stop_word(doc, j) {
            return Step::Stop;
        }
        let k = doc.key(j);
        if doc.words.names.connectors.contains(k) {
            return connector(doc, j);
        }
        // a preposition and article glued on: `للصحفيين`, `بالمدينة`
        if clitics::has_preposition_and_article(k) || clitics::has_conjunction_and_article(k) || clitics::has_fa_and_article(k) {
            return Step::Stop;
        }
        // (every way on from here asks, once)
        let title = title_at(doc, j);
        if let Some(step) = self.family_name(doc, j, title).or_else(|| self.surname_like_title(doc, j, title)) {
            return step;
        }
        let ends = other_entity(doc, j, title)
            || (self.words >= SURE_NAME_WORDS && object_after_name(doc, j))
            || joins_another_noun(doc, j)
            || noun_with_pronoun(doc, j)
            || ordinary_word(doc, j)
            || super::lexical::cannot_continue_name(doc, j, self.words);
        if ends {
            Step::Stop
        } else {
            Step::take(j)
        }
    }

    /// A nisba surname after a given name (`حبيب الغربي`, `محمد المصري`);
    /// a definite family name (`علي الشبل`, `صالح الأمين`, `منى الشريف`,
    /// even when it is also a title word) only as the last word, before
    /// what cannot be a name. Ends the name either way.
    #[inline]
    fn family_name(&self, doc: &Doc, j: usize, title: Option<TitleHit>) -> Option<Step> {
        let applies = is_definite(doc, j) && (!is_nationality(doc, j) || self.given_first) && doc.phrase_at(&doc.lex.org_heads, j).is_none();
        if !applies {
            return None;
        }
        let after = doc.next_word(j);
        let ends = doc.next_non_space(j).is_none_or(|n| !doc.tokens[n].is_wordlike()) || after.is_none_or(|n| ends_name(doc, n));
        // `آدم أرون الرئيس التنفيذي للشركة`: a title head with its own
        // modifiers opens an apposition, not a family name
        let apposition = title.is_some_and(|(class, ..)| class != TitleClass::Modifier)
            && after.is_some_and(|n| {
                doc.words.names.is_in_the_name_of(doc.key(n)) || (!is_stop_word(doc, n) && (title_at(doc, n).is_some() || is_definite(doc, n)))
            });
        let takes = clitics::has_family_name_shape(doc.key(j), doc.surface(j)) && ((ends && !apposition) || (self.words == 1 && title.is_none()));
        Some(if takes { Step::EndAt(j) } else { Step::Stop })
    }

    /// A surname that is also a title or nationality word (`جهاد سعادة`,
    /// `أنطونيو روسي`) right after a given name, ending the name (not with a
    /// conjunction: `حسين وزوجته`).
    #[inline]
    fn surname_like_title(&self, doc: &Doc, j: usize, title: Option<TitleHit>) -> Option<Step> {
        let applies = self.words == 1 && self.given_first && (title.is_some_and(|(.., p)| p == 0) || is_nationality(doc, j));
        applies.then(|| if ends_after(doc, j) { Step::EndAt(j) } else { Step::Stop })
    }
}

/// A connector needs a following name word (`علي` too, which folds to a
/// preposition).
#[inline]
fn connector(doc: &Doc, j: usize) -> Step {
    match doc.next_word(j) {
        Some(n) if doc.kind(n) == TokenKind::Word && (!is_stop_word(doc, n) || doc.words.names.is_ali(doc.surface(n))) => Step::Take { last: n, words: 2 },
        _ => Step::Stop,
    }
}

/// Another entity ends the name: a title, a nationality, a body, a known
/// place (`يوري ميلنر` yes, `لافروف روسيا` no), or a word known only with
/// a clitic (`لروسيا`, `بالمدينة`).
#[inline]
fn other_entity(doc: &Doc, j: usize, title: Option<TitleHit>) -> bool {
    if title.is_some() || is_nationality(doc, j) || doc.phrase_at(&doc.lex.org_heads, j).is_some() {
        return true;
    }
    if doc.phrase_at(&doc.lex.gazetteer, j).is_some() && !is_definite(doc, j) {
        return true;
    }
    let ids = doc.ids[j];
    ids.full() == NO_WORD && ids.stem() != NO_WORD
}

/// Past two words a name needs stronger evidence: the object of the
/// sentence often follows it (`محمد صلاح هدفين`, `جورجا ميلوني دعمها`,
/// `ماكرون بنتائج القمة`, `محمود عباس وفدا`).
#[inline]
fn object_after_name(doc: &Doc, j: usize) -> bool {
    if doc.phrase_at(&doc.lex.given_names, j).is_some() {
        return false;
    }
    let k = doc.key(j);
    let ids = doc.ids[j];
    let n = k.chars().count();
    // (a foreign surname may start with those letters, `بيتزي`: no known
    // word after the letter, no pronoun or taa marbuta at the end, no
    // alif-initial verbal noun, and the name ends after it)
    let foreign = clitics::without_preposition_or_fa(k).is_some_and(|r| {
        ids.stem() == NO_WORD
            && doc.lex.common_rank(r).is_none()
            && !clitics::has_initial_alif(r)
            && !clitics::has_pronoun_suffix(r)
            && doc.next_word(j).is_none_or(|n| ends_name(doc, n))
    });
    let clitic = clitics::without_preposition_or_fa(k).is_some() && ids.full() == NO_WORD && n >= MIN_CLITIC_WORD_CHARS && !foreign;
    let accusative = n >= 4 && clitics::without_accusative_alif(k).is_some_and(|s| doc.lex.common_rank(s).is_some());
    is_common_word(doc, j, COMMON_START_RANK) || clitic || accusative || clitics::has_sound_plural(k)
}

/// `حسين وزوجته`, `حسين وأصدقائه`, `هادئا وواثقا`: a conjunction joins
/// another noun (`إيما واتسون` is a surname: nothing after و is a word
/// there).
#[inline]
fn joins_another_noun(doc: &Doc, j: usize) -> bool {
    let Some(rest) = clitics::after_wa(doc.key(j)) else { return false };
    if rest.chars().count() < 3 || doc.phrase_at(&doc.lex.given_names, j).is_some() {
        return false;
    }
    let suffix = clitics::has_third_person_pronoun(rest) || clitics::has_accusative_alif(rest);
    let clitic = clitics::has_article(rest)
        || clitics::has_lam_article(rest)
        || clitics::has_bi_and_article(rest)
        || clitics::without_bi(rest).is_some_and(|r| doc.lex.common_rank(r).is_some());
    suffix || clitic || doc.lex.common_rank(rest).is_some()
}

/// A noun with a pronoun ends a name: `بيتزي برأيه` (a preposition, a noun
/// and a pronoun; `ميشيل بارنيه` is a surname: `ارني` is no word), `حسين
/// عمله` (the pronoun written ه, not ة), `دعمها`, `فريقهم`.
#[inline]
fn noun_with_pronoun(doc: &Doc, j: usize) -> bool {
    let k = doc.key(j);
    let known = |r: &str| r.chars().count() >= 2 && doc.lex.common_rank(r).is_some();
    let written_ha = clitics::written_with_final_ha(doc.surface(j));
    let after_preposition = clitics::without_bi_or_li(k).and_then(clitics::without_final_ha).is_some_and(known);
    if after_preposition && written_ha && doc.phrase_at(&doc.lex.given_names, j).is_none() {
        return true;
    }
    if written_ha && clitics::without_final_ha(k).is_some_and(known) {
        return true;
    }
    clitics::has_long_pronoun_suffix(k) && k.chars().count() >= 4 && doc.phrase_at(&doc.lex.given_names, j).is_none()
}

/// `مايكل تعرض`, `جاكسون صحيا`: an ordinary word ends a name; but nouns in
/// ة are common surnames (`جهاد سعادة`, `أحمد حمادة`), except the most
/// common of them (`أندريه ميكيل مرة`).
#[inline]
fn ordinary_word(doc: &Doc, j: usize) -> bool {
    is_common_word(doc, j, COMMON_CONTINUE_RANK)
        && doc.phrase_at(&doc.lex.given_names, j).is_none()
        && (clitics::without_final_ha(doc.key(j)).is_none() || is_common_word(doc, j, COMMON_CORE_RANK))
}
