//! Where a name starts: a given name, or an indefinite word no lexicon
//! claims.

use crate::extract::doc::{Doc, PhraseMatch};
use super::title::title_at;
use super::is_stop_word;
use crate::lexicon::{Gender, NO_WORD};
use crate::tokenizer::{clitics, has_chars, TokenKind};

/// A given name found at a token (with or without a clitic).
pub(super) type Given<'a> = Option<PhraseMatch<'a, Gender>>;

/// The given name at token `i`: looked up once for a name start and handed
/// to the tests that ask for it (the start test, the extent, the gender).
#[inline]
pub(super) fn given_at<'a>(doc: &Doc<'a>, i: usize) -> Given<'a> {
    doc.phrase_at(&doc.lex.given_names, i)
}

/// Whether token `i` is a given name written without a clitic.
#[inline]
pub(super) fn is_given_name(doc: &Doc, i: usize) -> bool {
    given_at(doc, i).is_some_and(|m| m.prefix_chars == 0)
}

/// Whether token `i` has the article (`الوزير`).
#[inline]
pub(super) fn is_definite(doc: &Doc, i: usize) -> bool {
    // (on the key's bytes: the `str` slice checks char boundaries)
    clitics::has_article(doc.toks.key_bytes(i))
}

/// Whether token `i` is a nationality adjective (`الروسي`, `عراقية`).
#[inline]
pub(super) fn is_nationality(doc: &Doc, i: usize) -> bool {
    doc.word_full(i).and_then(|w| w.nationality).is_some()
}

/// Whether token `i` starts a name: a given name, or an indefinite word
/// no lexicon claims.
pub(super) fn can_start_name(doc: &Doc, i: usize) -> bool {
    can_start_name_with(doc, i, false, || given_at(doc, i), || title_at(doc, i).is_some())
}

/// [`can_start_name`] with what the caller may know already: that token `i`
/// is a word and no stop word (`known_word`), its given name and whether a
/// title starts at it (asked at most once each, and only when needed).
pub(super) fn can_start_name_with<'a>(doc: &Doc<'a>, i: usize, known_word: bool, given: impl FnOnce() -> Given<'a>, titled: impl FnOnce() -> bool) -> bool {
    if let Some(starts) = family_or_in_the_name_of(doc, i) {
        return starts;
    }
    if !known_word && (doc.kind(i) != TokenKind::Word || is_stop_word(doc, i)) {
        return false;
    }
    if given().is_some_and(|m| m.prefix_chars == 0) {
        return true; // before the clitic check: `فالح`, `بلال`, `كمال`
    }
    // the rest only turns words away: the tests without a lookup by string
    // come first
    let k = doc.key(i);
    let turned_away = prepositional(k)
        || is_definite(doc, i)
        || is_nationality(doc, i)
        || clitic_or_verb(doc, i, k)
        || ordinary_word(doc, i, k)
        || before_indefinite_nationality(doc, i)
        || conjoined_word(doc, i, k);
    !(turned_away || titled() || doc.phrase_at(&doc.lex.org_heads, i).is_some())
}

/// The words whose reading depends on the next word: `باسم` is the given
/// name when a name follows (`المتحدث باسم الحكومة باسم خالد`), else "in
/// the name of"; `آل` opens a family's name when one follows (`آل عواض`,
/// `آل ثاني`). None for other words.
#[inline]
fn family_or_in_the_name_of(doc: &Doc, i: usize) -> Option<bool> {
    let names = &doc.words.names;
    if names.is_in_the_name_of(doc.key(i)) {
        return Some(doc.next_word(i).is_some_and(|n| !names.is_in_the_name_of(doc.key(n)) && !is_definite(doc, n) && can_start_name(doc, n)));
    }
    if names.is_family_opener(doc.surface(i)) {
        return Some(doc.next_word(i).is_some_and(|n| doc.kind(n) == TokenKind::Word && !is_stop_word(doc, n) && !is_definite(doc, n)));
    }
    None
}

/// A preposition and article glued on (`بالرد`, `للصحفيين`, `فالحكومة`)
/// start a prepositional phrase, never a name.
#[inline]
fn prepositional(k: &str) -> bool {
    clitics::has_preposition_and_article(k) || clitics::has_fa_and_article(k) || clitics::has_conjunction_preposition_and_article(k)
}

/// A word only known as a stem with a clitic (`لروسيا`), a single letter,
/// or a present-tense or future verb (`يرصد`, `ينفق`, `سيشرف`).
#[inline]
fn clitic_or_verb(doc: &Doc, i: usize, k: &str) -> bool {
    let ids = doc.ids[i];
    if ids.full() == NO_WORD && ids.stem() != NO_WORD {
        return true;
    }
    if !has_chars(doc.surface(i), 2) {
        return true;
    }
    clitics::has_imperfect_prefix(k) && has_chars(k, 4) && ids.full() == NO_WORD
}

/// An ordinary word (`جانب`, `حملة`, `سابق`), also in the accusative
/// (`مصدرا`, `شاهدا`) or with a clitic letter glued on (`بلقب`, `كأفضل`,
/// `وإصابة`; `بوتين` and `لافروف` are no clitic + word), or a connector
/// with one (`وبن`).
#[inline]
fn ordinary_word(doc: &Doc, i: usize, k: &str) -> bool {
    if is_common_word(doc, i, COMMON_START_RANK) {
        return true;
    }
    let accusative = clitics::without_accusative_alif(k).filter(|s| has_chars(s, 3)).and_then(|s| doc.lex.common_rank(s));
    if accusative.is_some_and(|r| r < COMMON_START_RANK) {
        return true;
    }
    let rest = clitics::without_proclitic_letter(k).unwrap_or("");
    !rest.is_empty() && (doc.lex.common_rank(rest).is_some() || doc.words.names.connectors.contains(rest))
}

/// `جهات سورية`, `مصادر عراقية`: a noun before an indefinite nationality.
#[inline]
fn before_indefinite_nationality(doc: &Doc, i: usize) -> bool {
    doc.next_word(i).is_some_and(|n| {
        !is_definite(doc, n) && (is_nationality(doc, n) || (clitics::has_feminine_nisba(doc.key(n)) && doc.phrase_at(&doc.lex.gazetteer, n).is_some()))
    })
}

/// `وإخوانه`, `وسيرافقها`: a conjunction before a word with a pronoun;
/// `وواصل حسين`: before a given name, a verb and its subject.
#[inline]
fn conjoined_word(doc: &Doc, i: usize, k: &str) -> bool {
    if !clitics::starts_with_wa(k) {
        return false;
    }
    let rest = clitics::without_proclitic_letter(k).unwrap_or("");
    if !has_chars(rest, 3) {
        return false;
    }
    let pronoun = clitics::has_third_person_pronoun(rest) && clitics::written_with_pronoun_ending(doc.surface(i));
    pronoun || doc.next_word(i).is_some_and(|n| is_given_name(doc, n))
}

/// `علي` folds to the preposition `على`; written with ي right after a
/// title and before a name word (`المرشد الإيراني علي خامنئي`) it is the name.
pub(super) fn is_ali_after_title(doc: &Doc, i: usize) -> bool {
    // names that fold to a function word: `علي` (على), `آنا` (أنا)
    doc.words.names.names_like_function_words.contains(doc.surface(i))
        && doc.next_word(i).is_some_and(|n| doc.kind(n) == TokenKind::Word && !is_stop_word(doc, n) && !is_definite(doc, n))
}

/// Ranks (in `data/common_words.tsv`) below which a word is too ordinary to
/// start a name, or to continue one.
pub(super) const COMMON_START_RANK: u16 = 4000;
pub(super) const COMMON_CONTINUE_RANK: u16 = 1500;
/// The rank below which a word is among the most common of all (`مرة`).
pub(super) const COMMON_CORE_RANK: u16 = 300;

/// Whether token `i` is one of the most frequent Arabic words that are not
/// names (rank below `max_rank`).
#[inline]
pub(super) fn is_common_word(doc: &Doc, i: usize, max_rank: u16) -> bool {
    doc.lex.common_rank(doc.key(i)).is_some_and(|r| r < max_rank)
}
