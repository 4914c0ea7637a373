//! Where a name starts: a given name, or an indefinite word no lexicon
//! claims.

use crate::extract::doc::{Doc, PhraseMatch};
use super::extent::CONNECTORS;
use super::title::title_at;
use super::is_stop_word;
use crate::lexicon::{Gender, NO_WORD};
use crate::tokenizer::{has_chars, TokenKind};

/// Whether `key` begins with one of `prefixes` (compared as bytes: the
/// generic `str` pattern search costs more for these two-to-four letters).
#[inline(always)]
pub(super) fn starts_with_any(key: &str, prefixes: &[&str]) -> bool {
    prefixes.iter().any(|p| key.as_bytes().starts_with(p.as_bytes()))
}

/// A given name found at a token (with or without a clitic).
pub(super) type Given<'a> = Option<PhraseMatch<'a, Gender>>;

/// The given name at token `i`: looked up once for a name start and handed
/// to the tests that ask for it (the start test, the extent, the gender).
pub(super) fn given_at<'a>(doc: &Doc<'a>, i: usize) -> Given<'a> {
    doc.phrase_at(&doc.lex.given_names, i)
}

/// Whether token `i` is a given name written without a clitic.
pub(super) fn is_given_name(doc: &Doc, i: usize) -> bool {
    given_at(doc, i).is_some_and(|m| m.prefix_chars == 0)
}

pub(super) fn is_definite(doc: &Doc, i: usize) -> bool {
    // (on the key's bytes: the `str` slice checks char boundaries)
    doc.toks.key_bytes(i).starts_with("ال".as_bytes())
}

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
    // `باسم` is the given name when a name follows (`المتحدث باسم الحكومة
    // باسم خالد`), else `in the name of`
    if doc.key(i) == "باسم" {
        return doc.next_word(i).is_some_and(|n| doc.key(n) != "باسم" && !is_definite(doc, n) && can_start_name(doc, n));
    }
    // `آل عواض`, `آل ثاني`: a family's name opens with آل
    if doc.surface(i) == "آل" {
        return doc.next_word(i).is_some_and(|n| doc.kind(n) == TokenKind::Word && !is_stop_word(doc, n) && !is_definite(doc, n));
    }
    if !known_word && (doc.kind(i) != TokenKind::Word || is_stop_word(doc, i)) {
        return false;
    }
    if given().is_some_and(|m| m.prefix_chars == 0) {
        return true; // before the clitic check: `فالح`, `بلال`, `كمال`
    }
    // the rest only turns words away: the tests without a lookup by string
    // come first
    // a preposition and article glued on (`بالرد`, `للصحفيين`) start a
    // prepositional phrase, never a name
    let k = doc.key(i);
    if starts_with_any(k, &["بال", "لل", "كال", "فال", "وبال", "ولل"]) {
        return false;
    }
    if is_definite(doc, i) || is_nationality(doc, i) {
        return false;
    }
    // a word that is only known as a stem with a clitic (`لروسيا`) is not a name start
    let ids = doc.ids[i];
    if ids.full() == NO_WORD && ids.stem() != NO_WORD {
        return false;
    }
    if !has_chars(doc.surface(i), 2) {
        return false;
    }
    // a present-tense or future verb (`يرصد`, `ينفق`, `سيشرف`) is no name
    if (k.starts_with('ي') || k.starts_with("سي") || k.starts_with("ست")) && has_chars(k, 4) && ids.full() == NO_WORD {
        return false;
    }
    // an ordinary word (`جانب`, `حملة`, `سابق`) does not start a name, nor
    // one with a clitic letter glued on (`بلقب`, `كأفضل`, `وإصابة`; `بوتين`
    // and `لافروف` are no clitic + word)
    if is_common_word(doc, i, COMMON_START_RANK) {
        return false;
    }
    // an ordinary noun in the accusative (`مصدرا`, `شاهدا`)
    if k.strip_suffix('ا').filter(|s| has_chars(s, 3)).and_then(|s| doc.lex.common_rank(s)).is_some_and(|r| r < COMMON_START_RANK) {
        return false;
    }
    let rest = k.strip_prefix(['ب', 'ل', 'ك', 'و', 'ف']).unwrap_or("");
    if !rest.is_empty() && (doc.lex.common_rank(rest).is_some() || CONNECTORS.contains(&rest)) {
        return false;
    }
    // `جهات سورية`, `مصادر عراقية`: a noun before an indefinite nationality
    if doc.next_word(i).is_some_and(|n| !is_definite(doc, n) && (is_nationality(doc, n) || (doc.key(n).ends_with("يه") && doc.phrase_at(&doc.lex.gazetteer, n).is_some()))) {
        return false;
    }
    // `وإخوانه`, `وسيرافقها`: a conjunction before a word with a pronoun;
    // `وواصل حسين`: before a given name, a verb and its subject
    if k.starts_with('و') && has_chars(rest, 3) {
        let pronoun = ["ه", "ها", "هم", "هما"].iter().any(|e| rest.ends_with(e)) && doc.surface(i).ends_with(['ه', 'ا', 'م']);
        let before_given = doc.next_word(i).is_some_and(|n| is_given_name(doc, n));
        if pronoun || before_given {
            return false;
        }
    }
    !(titled() || doc.phrase_at(&doc.lex.org_heads, i).is_some())
}


/// `علي` folds to the preposition `على`; written with ي right after a
/// title and before a name word (`المرشد الإيراني علي خامنئي`) it is the name.
pub(super) fn is_ali_after_title(doc: &Doc, i: usize) -> bool {
    // names that fold to a function word: `علي` (على), `آنا` (أنا)
    matches!(doc.surface(i), "علي" | "آنا" | "آن")
        && doc.next_word(i).is_some_and(|n| doc.kind(n) == TokenKind::Word && !is_stop_word(doc, n) && !is_definite(doc, n))
}

/// Ranks (in `data/common_words.tsv`) below which a word is too ordinary to
/// start a name, or to continue one.
pub(super) const COMMON_START_RANK: u16 = 4000;
pub(super) const COMMON_CONTINUE_RANK: u16 = 1500;

/// Whether token `i` is one of the most frequent Arabic words that are not
/// names (rank below `max_rank`).
pub(super) fn is_common_word(doc: &Doc, i: usize, max_rank: u16) -> bool {
    doc.lex.common_rank(doc.key(i)).is_some_and(|r| r < max_rank)
}
