//! Places and bodies: gazetteer entries, a place after its head
//! (`محافظة تعز`) and institution patterns (`وزارة الشؤون الثقافية`).

use super::key::phrase_key_into;
use super::EntitySet;
use crate::extract::doc::Doc;
use crate::extract::names;
use crate::lexicon::morph::{Clitics, PosSet};
use crate::lexicon::{EntityType, PlaceHead, TitleClass, NO_WORD, STARTS_GAZETTEER, STARTS_ORG_HEAD, STARTS_PLACE_HEAD};
use crate::tokenizer::{clitics, TokenKind};

/// The most words after an institution's head (`وزارة الشؤون الاجتماعية
/// والعمل`).
const MAX_INSTITUTION_WORDS: usize = 6;

/// Ranks (in `data/common_words.tsv`) from which a word after a place head
/// can be the place's name (`محافظة تعز`), or its second word (`مطار
/// الملك خالد`): more common words are ordinary.
const PLACE_NAME_MIN_RANK: u16 = 1500;
const PLACE_ADJECTIVE_MIN_RANK: u16 = 1000;

/// The places and bodies pass over the words that can start one
/// (`starts`): a place after its head, an institution pattern, else a
/// gazetteer entry (not a nationality used as an adjective); marks the
/// tokens it takes in `covered`.
pub(super) fn gazetteer_and_institutions(doc: &Doc, set: &mut EntitySet, covered: &mut [bool], starts: &[(u32, u8)]) {
    let lex = doc.lex;
    // the folded key of a phrase found (one buffer for all)
    let mut key = String::new();
    let mut i = 0;
    for &(start, can_start) in starts {
        let start = start as usize;
        // inside a phrase matched before
        if start < i {
            continue;
        }
        i = start;
        // a place after its head: `محافظة تعز`, `مطار سياتل`
        let place = if can_start & STARTS_PLACE_HEAD != 0 { place_at(doc, i) } else { None };
        if let Some((a, b, p)) = place {
            let text = doc.slice(a, b, p);
            match doc.phrase_at(&lex.gazetteer, a).filter(|g| g.last == b && a != i) {
                Some(g) => {
                    let e = &lex.gazetteer_entries[*g.value as usize];
                    set.add_keyed(&e.key, text, &e.canonical, EntityType::Location, e.latin.as_deref(), doc.span(a, b, p));
                }
                None => {
                    phrase_key_into(doc, a, b, p, &mut key);
                    set.add_keyed(&key, text, text, EntityType::Location, None, doc.span(a, b, p));
                }
            }
            covered[i..=b].iter_mut().for_each(|c| *c = true);
            i = b + 1;
            continue;
        }
        // the gazetteer entry at `i`, looked up once for both tests below
        let gazetteer = if can_start & STARTS_GAZETTEER != 0 { doc.phrase_at(&lex.gazetteer, i) } else { None };
        // institution pattern first: it may contain a gazetteer name
        let institution = if can_start & STARTS_ORG_HEAD != 0 { institution_at(doc, i) } else { None };
        if let Some((start, last)) = institution {
            let p = if start != i || doc.ids[i].full() != NO_WORD { 0 } else { doc.ids[i].prefix_chars() };
            let text = doc.slice(start, last, p);
            let gaz_longer = gazetteer.is_some_and(|m| m.last >= last);
            if !gaz_longer {
                phrase_key_into(doc, start, last, p, &mut key);
                set.add_keyed(&key, text, text, EntityType::Organization, None, doc.span(start, last, p));
                covered[i..=last].iter_mut().for_each(|c| *c = true);
                i = last + 1;
                continue;
            }
        }
        if let Some(m) = gazetteer {
            let entry = &lex.gazetteer_entries[*m.value as usize];
            let adjective = m.words == 1 && is_adjective_use(doc, i);
            // `منى الشريف`: a place that is also a given name, before a name
            let given = m.words == 1 && m.prefix_chars == 0 && doc.phrase_at(&lex.given_names, i).is_some();
            if given && doc.next_word(i).is_some_and(|n| doc.kind(n) == TokenKind::Word && !names::is_stop_word(doc, n) && doc.phrase_at(&lex.gazetteer, n).is_none()) {
                i += 1;
                continue;
            }
            if !adjective {
                // `للأمم المتحدة`: the article merged into لل is given back
                let restored = doc.slice_article_given_back(i, m.last, m.prefix_chars);
                let text = restored.as_deref().unwrap_or_else(|| doc.slice(i, m.last, m.prefix_chars));
                set.add_keyed(&entry.key, text, &entry.canonical, entry.entity_type, entry.latin.as_deref(), doc.span(i, m.last, m.prefix_chars));
                covered[i..=m.last].iter_mut().for_each(|c| *c = true);
            }
            i = m.last + 1;
            continue;
        }
        i += 1;
    }
}

/// A one-word place name used as an adjective: `الحكومة السعودية`,
/// `الجانب الروسي` — a nationality form right after a definite noun.
pub(super) fn is_adjective_use(doc: &Doc, i: usize) -> bool {
    if doc.word_full(i).and_then(|w| w.nationality).is_none() {
        return false;
    }
    let Some(p) = doc.prev_non_space(i) else { return false };
    if doc.kind(p) != TokenKind::Word {
        return false;
    }
    let pk = doc.key(p);
    let prev_is_function = doc.word(p).is_some_and(|(w, _)| w.function.is_some());
    clitics::has_article(pk) && !prev_is_function || doc.phrase_at(&doc.lex.org_heads, p).is_some()
}

/// `وزارة الصحة`, `هيئة كبار العلماء`, `حزب مشروع تونس`, `شركة وايمو`,
/// `الهيئة السعودية للمهندسين`: an institution head and its complement;
/// returns the first and last token of the name (a descriptor such as
/// `شركة` is left out of it).
pub(super) fn institution_at(doc: &Doc, i: usize) -> Option<(usize, usize)> {
    let m = doc.phrase_at(&doc.lex.org_heads, i)?;
    let head = *m.value;
    let head_definite = head.definite && m.prefix_chars == 0;
    let mut last = m.last;
    let mut words = 0;
    // what makes a definite head a name: `الهيئة السعودية`, `اللجنة المحلية
    // للانتخابات`, `المجلس الأولمبي الآسيوي`; `الهيئة الجديدة` is no name
    let mut naming = false;
    let mut after_genitive = false;
    if let Some((j, l)) = latin_name_after(doc, last) {
        return Some((if head.descriptor { j } else { i }, l));
    }
    while words < MAX_INSTITUTION_WORDS {
        let Some(j) = doc.next_word(last) else { break };
        if doc.kind(j) != TokenKind::Word || names::is_stop_word(doc, j) {
            break;
        }
        if names::is_descriptive(doc, j) {
            break;
        }
        // a title after a name starts a person (`جامعة تبوك الدكتور`); after
        // a noun in construct, a title and one given name are the body's
        // namesake (`مستشفى الملك خالد`, `لكلية الملك فهد الأمنية`), not
        // when a surname follows (`مكتب السيناتور فلان فلاني`)
        // (only `ال` titles: `جدة` the city folds into `جده` "his grandfather")
        let title = doc.phrase_at(&doc.lex.titles, j).filter(|t| t.prefix_chars == 0 && t.value.class != TitleClass::Modifier && clitics::has_article(doc.key(j)));
        if let Some(t) = title {
            let construct = if words == 0 {
                !head_definite
            } else {
                let m = doc.morph(last);
                !clitics::has_article(doc.key(last)) && !m.clitics.any(Clitics::ARTICLE) && (doc.lex.common_rank(doc.key(last)).is_some() || m.classes.any(PosSet::NOUN))
            };
            let namesake = if construct && doc.words.names.namesake_titles.contains(doc.key(j)) { doc.next_word(t.last).and_then(|n| namesake_name(doc, n)).filter(|&g| namesake_ends(doc, g)) } else { None };
            if let Some(g) = namesake {
                last = g;
                words += 2;
                naming = true;
                continue;
            }
            if words > 0 && person_follows(doc, j, t.last) {
                break;
            }
        }
        let k = doc.key(j);
        let definite = clitics::has_article(k);
        let nationality = doc.word_full(j).and_then(|w| w.nationality).is_some();
        let conj_def = words > 0 && (clitics::has_conjunction_and_article(k) || clitics::has_conjunction_and_lam_article(k));
        let genitive = words > 0 && clitics::has_lam_article(k) || (words > 0 && clitics::has_lam(k) && doc.ids[j].stem() != NO_WORD);
        let in_gazetteer = doc.phrase_at(&doc.lex.gazetteer, j);
        if let Some(g) = in_gazetteer.filter(|g| g.prefix_chars == 0 || genitive) {
            // `جامعة كاليفورنيا`, `حزب مشروع تونس`, `المركز الطبي لجامعة واشنطن`
            last = g.last;
            words += g.words;
            naming = true;
            continue;
        }
        if definite || nationality || conj_def || genitive {
            naming |= nationality || genitive || words >= 1;
            last = j;
            words += 1;
            // `البرلمان العربي` is whole: after a definite head and its
            // nationality only a genitive continues (`الاتحاد السعودي لكرة
            // القدم`); after a genitive's complement the name ends
            let next_genitive = doc.next_word(j).is_some_and(|n| clitics::has_lam(doc.key(n)) && doc.ids[n].stem() != NO_WORD);
            if head_definite && nationality && !next_genitive {
                break;
            }
            if after_genitive && !conj_def && !doc.next_word(j).is_some_and(|n| clitics::has_conjunction_and_article(doc.key(n))) {
                break;
            }
            after_genitive |= genitive;
            continue;
        }
        // an indefinite word is part of the name only when a known name or a
        // definite noun closing a genitive chain follows it: `حزب مشروع
        // تونس`, `هيئة حقوق الإنسان`; `لجنة مؤقتة` is a description
        let before_name = doc.next_word(j).is_some_and(|n| {
            doc.phrase_at(&doc.lex.gazetteer, n).is_some_and(|g| g.prefix_chars == 0)
                || (clitics::has_article(doc.key(n)) && !names::is_stop_word(doc, n))
        });
        if words == 0 && !head_definite && before_name && !clitics::starts_with_wa(k) && !clitics::has_bi_or_li(k) {
            last = j;
            words += 1;
            continue;
        }
        break;
    }
    if words == 0 || (head_definite && !naming) {
        return None;
    }
    let start = if head.descriptor { doc.next_word(m.last).unwrap_or(i) } else { i };
    Some((start, last))
}

/// Whether the title at `j` (ending at `t`) opens a named person
/// whose first word is a given name or an Arabic proper or unknown word
/// (`الدكتور سامر الحيالي`) or a chain of titles (`الشيخ الدكتور`); not an
/// adjective that is also a title (`منظمة الطيران الرياضي الدولية`).
fn person_follows(doc: &Doc, j: usize, t: usize) -> bool {
    names::parse(doc, j).and_then(|np| np.name).is_some_and(|(a, _, p)| {
        let m = doc.morph(a);
        p == 0 && (doc.phrase_at(&doc.lex.given_names, a).is_some() || (!m.is_known() && !doc.surface(a).is_ascii()) || m.classes.any(PosSet::PROPN))
    })
        || doc.next_word(t).is_some_and(|n| doc.phrase_at(&doc.lex.titles, n).is_some_and(|x| x.prefix_chars == 0 && x.value.class != TitleClass::Modifier))
}

/// The last token of a given name at `n` after a namesake title; one
/// that is also an ordinary word counts, the title vouching for it
/// (`جامعة الأمير سلطان`).
fn namesake_name(doc: &Doc, n: usize) -> Option<usize> {
    doc.phrase_at(&doc.lex.given_names, n).or_else(|| doc.phrase_at(&doc.lex.ambiguous_given_names, n)).filter(|g| g.prefix_chars == 0).map(|g| g.last)
}

/// Whether a namesake's given name ends at `g`: nothing, a function word,
/// a common word (`الأهلية`) or a word with `ب`/`ل` follows, not a
/// connector (`بن`). A definite word that is not common is a family name
/// (`الدكتور فلان الفلاني`).
fn namesake_ends(doc: &Doc, g: usize) -> bool {
    doc.next_word(g).is_none_or(|n| {
        let k = doc.key(n);
        if doc.words.names.connectors.contains(k) {
            return false;
        }
        doc.kind(n) != TokenKind::Word || names::is_stop_word(doc, n) || clitics::has_bi_or_li(k) || doc.lex.common_rank(k).is_some()
    })
}

/// A Latin or transliterated name after token `last`: `شركة West Side
/// Movies`; its first and last token.
fn latin_name_after(doc: &Doc, last: usize) -> Option<(usize, usize)> {
    let j = doc.next_word(last).filter(|&j| doc.surface(j).is_ascii() && doc.kind(j) == TokenKind::Word)?;
    let mut l = j;
    while let Some(n) = doc.next_word(l).filter(|&n| doc.surface(n).is_ascii()) {
        l = n;
    }
    Some((j, l))
}

/// `محافظة تعز` (the place is `تعز`), `مطار سياتل`, `ساحة ساسين`: a place
/// head and the name after it; returns (first, last, prefix chars) of the
/// entity's name.
pub(super) fn place_at(doc: &Doc, i: usize) -> Option<(usize, usize, u8)> {
    let m = doc.phrase_at(&doc.lex.place_heads, i)?;
    let n = doc.next_word(m.last).filter(|&n| doc.kind(n) == TokenKind::Word)?;
    let mut last = if let Some(g) = doc.phrase_at(&doc.lex.gazetteer, n).filter(|g| g.prefix_chars == 0) {
        g.last
    } else {
        // an unknown name: a word that is no ordinary word, function word or
        // title; and maybe one more (`خميس مشيط`, `الضمير العسكري`)
        let plain = |t: usize| {
            doc.kind(t) == TokenKind::Word
                && !names::is_stop_word(doc, t)
                && doc.lex.common_rank(doc.key(t)).is_none_or(|r| r >= PLACE_NAME_MIN_RANK)
                && doc.word_full(t).and_then(|w| w.nationality).is_none()
                && doc.phrase_at(&doc.lex.titles, t).is_none()
                && !(doc.ids[t].full() == NO_WORD && doc.ids[t].stem() != NO_WORD)
        };
        if !plain(n) {
            return None;
        }
        n
    };
    // a second word of the name; not a direction (`غربي البلاد`)
    if let Some(k) = doc.next_word(last) {
        let key = doc.key(k);
        let direction = doc.words.names.starts_with_direction(key);
        let adjective = clitics::has_article(key) && !direction && doc.word_full(k).and_then(|w| w.nationality).is_none();
        if *m.value == PlaceHead::Site && adjective && !names::is_stop_word(doc, k) && doc.lex.common_rank(key).is_none_or(|r| r >= PLACE_ADJECTIVE_MIN_RANK) {
            last = k;
        }
    }
    match m.value {
        PlaceHead::Division => Some((n, last, 0)),
        PlaceHead::Site => Some((i, last, m.prefix_chars)),
    }
}
