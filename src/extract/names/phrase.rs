//! The noun phrase at a token: a title and a name, a name alone, or a
//! description.

use crate::extract::doc::Doc;
use super::extent::name_extent;
use super::start::{can_start_name, can_start_name_with, given_at, is_common_word, is_ali_after_title, is_definite, is_given_name, is_nationality, starts_with_any};
use super::title::{title_at, title_complement, title_from};
use super::{is_stop_word, parse, NounPhrase, PhraseKind, TitleEntry};
use crate::lexicon::{Gender, TitleClass, NO_WORD};
use crate::tokenizer::TokenKind;

pub(super) const MAX_TITLE_WORDS: usize = 8;

/// Whether a definite word has the shape of an adjective: a nisba
/// (`المدني`, `الرسمية`), a feminine or plural ending, a participle
/// (`المسلحة`, `المعارض`) or an elative (`الأعلى`, `الأحمر`).
pub(super) fn looks_like_adjective(key: &str) -> bool {
    let Some(stem) = key.strip_prefix("ال") else { return false };
    ["ي", "ه", "ين", "ون"].iter().any(|e| stem.ends_with(e))
        || stem.starts_with('م')
        || (stem.starts_with('ا') && stem.chars().count() == 4)
}

/// [`parse`] with the title entry at token `i` when the caller has looked
/// it up already (`Some` of what `doc.phrase_at(&doc.lex.titles, i)`
/// gives): it is not looked up again.
pub fn parse_with_title<'a>(doc: &Doc<'a>, i: usize, title_entry: Option<Option<TitleEntry<'a>>>) -> Option<NounPhrase> {
    debug_assert!(title_entry.is_none_or(|e| e == doc.phrase_at(&doc.lex.titles, i)));
    if i >= doc.len() || doc.kind(i) != TokenKind::Word || is_stop_word(doc, i) {
        return None;
    }
    // `بلاغ وزارة الثقافية`, `بيان الخارجية`: a document speaks for its issuer
    if let Some(m) = doc.phrase_at(&doc.lex.document_nouns, i).filter(|m| m.prefix_chars == 0) {
        // `بيان صادر عن الرئاسة التركية`
        let mut after = doc.next_word(m.last);
        if let Some(a) = after.filter(|&a| matches!(doc.key(a), "صادر" | "صادره")) {
            if let Some(b) = doc.next_word(a).filter(|&b| doc.key(b) == "عن") {
                after = doc.next_word(b);
            }
        }
        if let Some(n) = after {
            if let Some(np) = parse(doc, n) {
                let org = doc.phrase_at(&doc.lex.org_heads, n).is_some()
                    || doc.phrase_at(&doc.lex.gazetteer, n).is_some_and(|g| g.prefix_chars == 0);
                if org || np.kind == PhraseKind::Person {
                    return Some(np);
                }
            }
        }
    }
    let mut gender = Gender::Unknown;
    let mut title_last = None;
    let first = i;
    let prefix_chars = 0u8;
    // honorifics and titles
    let title_i = match title_entry {
        Some(entry) => title_from(doc, i, entry),
        None => title_at(doc, i),
    };
    if let Some((class, g, last, _)) = title_i {
        if class != TitleClass::Modifier {
            gender = g;
            let mut t_last = last;
            let mut words = 1;
            // the last title and given-name lookups with their token: the
            // next word's tests ask about the same tokens again (`t_last`
            // after `j`, the name start after the word the loop stopped at)
            let mut seen_title = None;
            let mut seen_given = None;
            while words < MAX_TITLE_WORDS {
                // a quoted name inside a title: `مؤسس حملة "بيروت برايد"`
                if let Some(q) = doc.next_non_space(t_last).filter(|&q| doc.kind(q) == TokenKind::Quote) {
                    let quoted = doc.toks.quotes.iter().find(|s| s.open == q && s.close.is_some());
                    if let Some(s) = quoted.filter(|s| s.content().filter(|&t| doc.tokens[t].is_wordlike()).count() <= 4) {
                        t_last = s.content_end;
                        words += 1;
                        continue;
                    }
                }
                let Some(j) = doc.next_word(t_last) else { break };
                if doc.kind(j) != TokenKind::Word {
                    break;
                }
                // `المتحدث باسم`: `باسم` is also a given name
                let body = |n: usize| !is_stop_word(doc, n)
                    && (is_definite(doc, n) || doc.phrase_at(&doc.lex.org_heads, n).is_some() || doc.phrase_at(&doc.lex.gazetteer, n).is_some());
                if doc.key(j) == "باسم" && doc.next_word(j).is_some_and(body) {
                    t_last = j;
                    words += 1;
                    continue;
                }
                // a given name starts the name, even one that is also a
                // place (`منى`) or a title word
                let given_j = given_at(doc, j);
                seen_given = Some((j, given_j));
                if given_j.is_some_and(|m| m.prefix_chars == 0)
                    || doc.phrase_at(&doc.lex.ambiguous_given_names, j).is_some_and(|m| m.prefix_chars == 0)
                {
                    break;
                }
                if let Some(l) = title_complement(doc, j) {
                    t_last = l;
                    words += 1;
                    continue;
                }
                // a news agency after an adjective is the addressee
                // (`مسؤول عراقي رفيع وكالة فرانس برس`)
                let title_of = |n: usize, seen: Option<(usize, Option<_>)>| match seen {
                    Some((at, title)) if at == n => title,
                    _ => title_at(doc, n),
                };
                let adjective_before = t_last != i && (doc.key(t_last).ends_with('ي') || title_of(t_last, seen_title).is_some_and(|(c, ..)| c == TitleClass::Modifier));
                if adjective_before && doc.phrase_at(&doc.lex.agencies, j).is_some() {
                    break;
                }
                let title_j = title_at(doc, j);
                seen_title = Some((j, title_j));
                if let Some((_, _, l, p)) = title_j {
                    if p == 0 || doc.key(j).starts_with('ل') {
                        t_last = l;
                        words += 1;
                        continue;
                    }
                }
                if is_stop_word(doc, j) {
                    // `المتحدث باسم`: function words that belong to titles
                    if doc.key(j) == "باسم" {
                        t_last = j;
                        words += 1;
                        continue;
                    }
                    // `المبعوث الأممي إلى اليمن`, `السفير لدى فرنسا`, `مدير الأمن في عدن`
                    if matches!(doc.key(j), "الي" | "لدي" | "في") {
                        // `أستاذ العلوم السياسية في جامعة بغداد الدكتور ...`
                        if let Some(h) = doc.next_word(j).filter(|&n| doc.phrase_at(&doc.lex.org_heads, n).is_some()) {
                            if let Some(g) = doc.next_word(h).and_then(|n| doc.phrase_at(&doc.lex.gazetteer, n)).filter(|g| g.prefix_chars == 0) {
                                t_last = g.last;
                                words += 3;
                                continue;
                            }
                        }
                        if let Some(g) = doc.next_word(j).and_then(|n| doc.phrase_at(&doc.lex.gazetteer, n)) {
                            if g.prefix_chars == 0 && doc.next_word(g.last).is_some_and(|n| can_start_name(doc, n)) {
                                t_last = g.last;
                                words += 2;
                                continue;
                            }
                        }
                    }
                    break;
                }
                // an indefinite adjective after an indefinite head: `مسؤول عسكري`
                let kj = doc.key(j);
                if words == 1 && !is_definite(doc, i) && (kj.ends_with('ي') || kj.ends_with("يا")) && !kj.starts_with('و')
                    && doc.phrase_at(&doc.lex.given_names, j).is_none()
                {
                    t_last = j;
                    words += 1;
                    continue;
                }
                // a construct chain: `قائد عمليات نينوى`, `رئيس بلدية بيروت`
                // (only right after an indefinite word: after `اللبنانية` an
                // indefinite word starts the name)
                // (and never after an adjective: `مسؤول عراقي رفيع وكالة
                // فرانس برس`, the agency is the addressee)
                let after_adjective = t_last != i && doc.key(t_last).ends_with('ي');
                if !is_definite(doc, t_last) && !after_adjective
                    && !is_definite(doc, j) && doc.phrase_at(&doc.lex.given_names, j).is_none() && !is_common_word(doc, j, 300) {
                    let chain = doc.next_word(j).is_some_and(|n| {
                        (is_definite(doc, n) && !is_stop_word(doc, n)) || doc.phrase_at(&doc.lex.gazetteer, n).is_some_and(|g| g.prefix_chars == 0)
                    });
                    if chain && !doc.key(j).starts_with('و') {
                        t_last = j;
                        words += 1;
                        continue;
                    }
                }
                // `والمساواة` in `للحريات والمساواة`: a conjoined definite
                if doc.key(j).starts_with("وال") && words >= 2 {
                    t_last = j;
                    words += 1;
                    continue;
                }
                // a place in a title: `وزير خارجية روسيا`, `بشرطة منطقة عسير`
                if let Some(g) = doc.phrase_at(&doc.lex.gazetteer, j).filter(|g| g.prefix_chars == 0) {
                    // and a body: `أمين عام منظمة أوبك`
                    let ty = doc.lex.gazetteer_entries[*g.value as usize].entity_type;
                    let body_before = doc.phrase_at(&doc.lex.org_heads, t_last).is_some();
                    if ty == crate::lexicon::EntityType::Location || (ty == crate::lexicon::EntityType::Organization && body_before) {
                        t_last = g.last;
                        words += g.words;
                        continue;
                    }
                }
                let k = doc.key(j);
                // definite modifiers and genitives `للحزب`, `لشؤون` (a known
                // stem: `للصحفيين` is the addressee, not part of the title)
                // (`للانتخابات` right before the name: `رئيس الهيئة العليا
                // المستقلة للانتخابات سامي بن رمضان`)
                let before_given = doc.next_word(j).is_some_and(|n| is_given_name(doc, n));
                if is_definite(doc, j) || is_nationality(doc, j) || (k.starts_with("لل") && (doc.ids[j].stem() != NO_WORD || before_given)) {
                    t_last = j;
                    words += 1;
                    continue;
                }
                if k.starts_with('ل') && doc.ids[j].stem() != NO_WORD {
                    t_last = j;
                    words += 1;
                    continue;
                }
                break;
            }
            let title = Some((i, t_last));
            let cur = t_last;
            // the name may follow after a comma: `الرئيس الأمريكي، دونالد ترامب`
            let next = doc.next_non_space(cur)?;
            let name_start = if matches!(doc.punct(next), Some('،' | ',')) { doc.next_word(next) } else { Some(next) };
            // an ambiguous given name right after a title is the name when a
            // name word follows it (`سيدي محمد ولد أحمد`)
            let ambiguous_given = |n: usize| {
                !is_stop_word(doc, n)
                    && doc.phrase_at(&doc.lex.ambiguous_given_names, n).is_some_and(|m| m.prefix_chars == 0)
                    && doc.next_word(n).is_some_and(|w| can_start_name(doc, w))
            };
            let given_n = name_start.map(|n| match seen_given {
                Some((at, given)) if at == n => given,
                _ => given_at(doc, n),
            });
            let starts = |n: usize| can_start_name_with(doc, n, false, || given_n.flatten(), || title_at(doc, n).is_some());
            if let Some(n) = name_start.filter(|&n| starts(n) || is_ali_after_title(doc, n) || ambiguous_given(n)) {
                let given_n = given_n.flatten();
                let last = name_extent(doc, n, given_n);
                if let Some(m) = given_n {
                    if gender == Gender::Unknown {
                        gender = *m.value;
                    }
                }
                return Some(NounPhrase {
                    first,
                    last,
                    prefix_chars,
                    title,
                    name: Some((n, last, 0)),
                    gender,
                    kind: PhraseKind::Person,
                });
            }
            // an indefinite head with no name is an unnamed source, read as
            // a description below (`مسؤول محلي في حلب`); a definite one
            // (`الوزير`, `رئيس الوزراء`) refers back to someone named
            if is_definite(doc, i) || is_definite(doc, cur) {
                return Some(NounPhrase { first, last: cur, prefix_chars, title, name: None, gender, kind: PhraseKind::Description });
            }
            // the title's own words stay (`متحدثة باسم الجيش`, `مسؤول بالوزارة`)
            // but not the addressee (`مسؤول رفيع المستوى للصحفيين`)
            let addressee = cur > i && doc.key(cur).starts_with("لل");
            title_last = Some(if addressee { doc.prev_non_space(cur).unwrap_or(i) } else { cur });
        }
    }
    // an occupation the lexicon lacks before a given name: `المزارع علي
    // حمدان`, `الطالبة سارة منصور`
    if is_definite(doc, i) && !is_nationality(doc, i) && doc.phrase_at(&doc.lex.gazetteer, i).is_none() {
        if let Some(n) = doc.next_word(i) {
            let given_n = given_at(doc, n);
            if given_n.is_some_and(|m| m.prefix_chars == 0) || is_ali_after_title(doc, n) {
                let last = name_extent(doc, n, given_n);
                let g = given_n.map_or(Gender::Unknown, |m| *m.value);
                return Some(NounPhrase { first, last, prefix_chars, title: Some((i, i)), name: Some((n, last, 0)), gender: g, kind: PhraseKind::Person });
            }
        }
    }
    // (token `i` is a word and no stop word: tested on entry; its title
    // was looked up there too)
    if doc.phrase_at(&doc.lex.gazetteer, i).is_none() {
        let given_i = given_at(doc, i);
        if can_start_name_with(doc, i, true, || given_i, || title_i.is_some()) {
            let last = name_extent(doc, i, given_i);
            if let Some(m) = given_i {
                gender = *m.value;
            }
            return Some(NounPhrase { first, last, prefix_chars, title: None, name: Some((i, last, 0)), gender, kind: PhraseKind::Person });
        }
    }
    // a description: `وزارة الشؤون الثقافية`, `مصدر أمني`, `علماء`, `الجيش`
    // — never a word with a preposition glued to it (`بشرطة`, `للصحفيين`)
    let ids = doc.ids[i];
    if ids.full() == NO_WORD && ids.stem() != NO_WORD && !ids.conj() {
        return None;
    }
    if starts_with_any(doc.key(i), &["بال", "لل", "كال", "وبال", "ولل"]) {
        return None;
    }
    // an unknown word with a preposition glued on (`بإصلاح`, `لتقليص`)
    let k = doc.key(i);
    if (k.starts_with('ب') || k.starts_with('ل') || k.starts_with('ك')) && ids.full() == NO_WORD && k.chars().count() >= 5 {
        return None;
    }
    let org = doc.phrase_at(&doc.lex.org_heads, i).is_some();
    let gaz = doc.phrase_at(&doc.lex.gazetteer, i);
    let mut last = title_last.or(gaz.map(|m| m.last)).unwrap_or(i);
    let mut words = 1;
    while words < 7 {
        // a body's own name in quotation marks: `منظمة "مراسلون بلا حدود"`
        if let Some(q) = doc.next_non_space(last).filter(|&q| doc.kind(q) == TokenKind::Quote && words == 1 && !is_definite(doc, i)) {
            let quoted = doc.toks.quotes.binary_search_by_key(&q, |s| s.open).ok().map(|x| doc.toks.quotes[x]);
            if let Some(s) = quoted.filter(|s| s.close.is_some() && s.content().filter(|&t| doc.tokens[t].is_wordlike()).count() <= 4) {
                last = s.content_end;
                words += 1;
                continue;
            }
            break;
        }
        let Some(j) = doc.next_word(last) else { break };
        // a construct chain after an indefinite head, closed by a definite
        // word or an adjective: `مهرجان أيام قرطاج المسرحية`, `وسائل
        // إعلام سورية`
        if words == 1 && !is_definite(doc, i) && !is_definite(doc, j) && !is_stop_word(doc, j) && !doc.key(j).starts_with('و')
            && doc.phrase_at(&doc.lex.given_names, j).is_none() && (doc.ids[j].full() != NO_WORD || doc.lex.common_rank(doc.key(j)).is_some() || doc.next_word(j).is_some_and(|n| is_nationality(doc, n))) || (words == 1 && !is_definite(doc, i) && doc.phrase_at(&doc.lex.gazetteer, j).is_some_and(|g| g.prefix_chars == 0))
        {
            let closes = |n: usize| (is_definite(doc, n) && !is_stop_word(doc, n)) || is_nationality(doc, n);
            let mut end = j;
            let mut k = 0;
            while k < 2 && !doc.next_word(end).is_some_and(closes) {
                match doc.next_word(end).filter(|&n| !is_definite(doc, n) && !is_stop_word(doc, n) && !doc.key(n).starts_with('و')) {
                    Some(n) => end = n,
                    None => break,
                }
                k += 1;
            }
            if let Some(c) = doc.next_word(end).filter(|&n| closes(n)) {
                last = c;
                words += 2 + k;
                continue;
            }
        }
        // an unnamed source placed by a prepositional phrase: `مسؤول في
        // الوزارة`, `مصدر مقرب من رئاسة الحكومة`, `مسؤول محلي في منبج`
        // (only after a common noun: `أوباما في واشنطن` is a name and a place)
        // (the cheap tests first: the head's rank is a lookup by string)
        let common_head = || title_last.is_some() || doc.ids[i].full() != NO_WORD || doc.lex.common_rank(doc.key(i)).is_some();
        if matches!(doc.key(j), "في" | "من" | "داخل") && !is_definite(doc, i) && common_head() {
            if let Some(n) = doc.next_word(j) {
                let org = doc.phrase_at(&doc.lex.org_heads, n);
                let gaz = doc.phrase_at(&doc.lex.gazetteer, n).filter(|g| g.prefix_chars == 0);
                if let Some(g) = gaz {
                    last = g.last;
                    break;
                }
                if org.is_some() || (is_definite(doc, n) && !is_stop_word(doc, n)) {
                    last = n;
                    // the head's complement: `وزارة النفط`, `رئاسة الحكومة`
                    if org.is_some() {
                        if let Some(c) = doc.next_word(n).filter(|&c| is_definite(doc, c) && !is_stop_word(doc, c)) {
                            last = c;
                            // and its adjectives: `وزارة الداخلية العراقية`
                            while let Some(a) = doc.next_word(last).filter(|&a| is_nationality(doc, a) || (is_definite(doc, a) && doc.key(a).ends_with("يه"))) {
                                last = a;
                            }
                        }
                    }
                    break;
                }
            }
        }
        // a negated adjective ends the phrase: `مصادر غير رسمية`,
        // `المصادر غير الرسمية`
        if doc.key(j) == "غير" {
            if let Some(a) = doc.next_word(j).filter(|&a| !is_stop_word(doc, a)) {
                if ["ي", "يه", "ه"].iter().any(|e| doc.key(a).ends_with(e)) {
                    last = a;
                }
            }
            break;
        }
        if doc.kind(j) != TokenKind::Word || is_stop_word(doc, j) {
            break;
        }
        let k = doc.key(j);
        let conj_def = org && (k.starts_with("وال") || k.starts_with("ولل"));
        // `للحزب` continues an institution's name; elsewhere `ل` introduces
        // the addressee (`قال المصدر لوكالة ...`)
        let genitive = org && (k.starts_with("لل") || (k.starts_with('ل') && doc.ids[j].stem() != NO_WORD && words < 4));
        // after a definite head only an adjective follows (`الدفاع المدني`,
        // `القوات المسلحة`); a definite noun is the verb's object
        // (`ووصف الدفاع المدني الحريق بأنه`)
        let definite_ok = !is_definite(doc, i) || org || looks_like_adjective(k);
        if (is_definite(doc, j) && definite_ok) || is_nationality(doc, j) || conj_def || genitive || (org && !is_definite(doc, i) && words < 3 && !k.starts_with('و')) {
            last = j;
            words += 1;
            continue;
        }
        // an indefinite adjective after an indefinite noun: `مصدر أمني`,
        // `مصدر مطلع`, `مسؤول رفيع`
        let modifier = doc.phrase_at(&doc.lex.titles, j).is_some_and(|m| m.value.class == TitleClass::Modifier && m.prefix_chars == 0)
            // `مصدر يمني مسؤول`: after a noun that is no title, `مسؤول` is the adjective
            || (matches!(k, "مسوول" | "مسووله" | "مسوولون" | "مسوولين") && title_last.is_none()); // folded: ؤ is و
        // (`مسؤولا محليا` in the accusative, after `إن`/`أن`)
        if words <= 3 && !is_definite(doc, i) && doc.phrase_at(&doc.lex.given_names, j).is_none() && (k.ends_with('ي') || ((k.ends_with("يون") || k.ends_with("يين")) && !k.starts_with('ل')) || k.ends_with("يه") || k.ends_with("يا") || modifier || (k.starts_with('م') && k.ends_with('ه') && words == 2)) && !k.starts_with('و') {
            last = j;
            words += 1;
            continue;
        }
        break;
    }
    // a role the title lexicon lacks, then a given name: `محافظة البنك
    // المركزي سلوى الدباغ` (`محافظة` is mostly `governorate`)
    if let Some((n, given_n)) = doc.next_word(last).map(|n| (n, given_at(doc, n))).filter(|(_, g)| g.is_some_and(|m| m.prefix_chars == 0)) {
        if is_definite(doc, last) && !org && gaz.is_none() {
            let name_last = name_extent(doc, n, given_n);
            let g = given_n.map_or(gender, |m| *m.value);
            return Some(NounPhrase { first, last: name_last, prefix_chars, title: Some((first, last)), name: Some((n, name_last, 0)), gender: g, kind: PhraseKind::Person });
        }
    }
    Some(NounPhrase { first, last, prefix_chars, title: None, name: None, gender, kind: PhraseKind::Description })
}
