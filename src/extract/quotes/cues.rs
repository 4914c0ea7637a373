//! Finding cues: a verb of saying and what follows it (subject, then a
//! complementizer, a colon or quotation marks), and quotation marks
//! followed by their cue.

use super::attribution::{attribution_source, ATTRIBUTION};
use super::headline::headline_end;
use super::words::ReachWord;
use super::subject::{antecedent, appositive_name, preverbal_subject, sentence_subject};
use super::{word_count, Cue, CUE_WINDOW, MAX_TERM_WORDS};
use crate::extract::doc::{Doc, TokenLex};
use crate::extract::names::{self, NounPhrase, PhraseKind};
use crate::lexicon::{Tense, VerbInfo};
use crate::record::QuoteKind;
use crate::tokenizer::clitics::{has_article, has_oblique_plural_ending, without_object_pronoun, without_wa};
use crate::tokenizer::{QuoteSpan, Token, TokenKind};

/// Whether the verb at `v` comes right after a closing quotation mark (and
/// a comma): `«…»، قال`.
fn follows_a_quote(doc: &Doc, v: usize) -> bool {
    let mut p = doc.prev_non_space(v);
    if let Some(c) = p.filter(|&c| matches!(doc.punct(c), Some('،' | ','))) {
        p = doc.prev_non_space(c);
    }
    // quotes are sorted by their opening mark: the one closing at `c` opened
    // shortly before it (a scan of all would be quadratic on long texts)
    p.is_some_and(|c| {
        let quotes = &doc.toks.quotes;
        let n = quotes.partition_point(|q| q.open < c);
        doc.kind(c) == TokenKind::Quote && quotes[..n].iter().rev().take(8).any(|q| q.close == Some(c))
    })
}

/// The quote span whose opening mark is token `i`.
fn quote_opening_at(doc: &Doc, i: usize) -> Option<QuoteSpan> {
    let idx = doc.toks.quotes.binary_search_by_key(&i, |q| q.open).ok()?;
    Some(doc.toks.quotes[idx])
}

/// A speech verb at token `i` (whole word, or with a conjunction only).
pub(super) fn verb_at(doc: &Doc, i: usize) -> Option<VerbInfo> {
    if doc.kind(i) != TokenKind::Word {
        return None;
    }
    if let Some(w) = doc.word_full(i) {
        return w.verb;
    }
    let ids = doc.ids[i];
    if ids.conj() && ids.prefix_chars() == 1 {
        return doc.lex.word(ids.stem()).and_then(|w| w.verb);
    }
    None
}

/// `قاله`, `قالته`, `أكدها`: a verb of saying with an object pronoun.
pub(super) fn verb_with_object_suffix(doc: &Doc, i: usize) -> Option<VerbInfo> {
    let k = doc.key(i);
    let stem = without_wa(without_object_pronoun(k)?);
    doc.lex.word(doc.lex.vocab.get(stem)).and_then(|w| w.verb).filter(|v| !v.ambiguous)
}

pub(super) fn is_complementizer(doc: &Doc, i: usize) -> bool {
    if doc.kind(i) != TokenKind::Word {
        return false;
    }
    if doc.word_full(i).is_some_and(|w| w.complementizer) {
        return true;
    }
    // `وأن` is a second clause of the same quote, not a new one
    false
}

pub(super) fn find_cues(doc: &Doc) -> Vec<Cue> {
    let mut cues = Vec::new();
    let mut i = headline_end(doc);
    while i < doc.len() {
        let Some(info) = verb_at(doc, i) else {
            i += 1;
            continue;
        };
        if info.tense == Tense::Noun {
            i += 1;
            continue;
        }
        match cue_after(doc, i, info) {
            Some(cue) => {
                // verbs inside a direct quote are the speaker's own words
                // and a verb that opens an indirect quote belongs to it
                // (`قال إنه يأمل أن …`: the quote is `يأمل أن …`)
                i = match (cue.kind, cue.end) {
                    (QuoteKind::Direct, Some(end)) => end.max(i + 1),
                    // skip the quote's first word: `إنه يأمل أن` is one quote
                    _ => (doc.next_non_space(cue.start.saturating_sub(1)).unwrap_or(cue.start) + 1).max(i + 1),
                };
                cues.push(cue);
            }
            None => i += 1,
        }
    }
    cues
}

/// Looks after the verb at `v` for its subject and its quote.
fn cue_after(doc: &Doc, v: usize, info: VerbInfo) -> Option<Cue> {
    let sentence_end = doc.toks.sentences[doc.sentence_of(v)].tokens.end;
    let limit = (v + CUE_WINDOW).min(sentence_end);
    // most verbs have no quote within reach: find that out before parsing
    // their subject (debug builds check that the full search agrees)
    if !quote_may_follow(doc, v, limit) {
        debug_assert!(cue_within(doc, v, info, sentence_end, limit).is_none());
        return None;
    }
    cue_within(doc, v, info, sentence_end, limit)
}

/// [`cue_after`] once a quote may follow the verb: its subject, then its
/// quote before `limit`.
fn cue_within(doc: &Doc, v: usize, info: VerbInfo, sentence_end: usize, limit: usize) -> Option<Cue> {
    let words = &doc.words.quotes;
    let mut subject = None;
    let mut j = doc.next_non_space(v)?;
    // `تابع قائلا`, `أضاف قائلا`: the participle belongs to the cue
    if verb_at(doc, j).is_some_and(|w| w.tense == Tense::Participle) {
        j = doc.next_non_space(j)?;
    }
    // a participle (`مضيفا`, `نافية بشدة`, `واصفة إياه`, `لافتا الانتباه`)
    // has the subject of its clause's verb: what follows it is an adverb or
    // an object and what precedes it another clause
    let participle = info.tense == Tense::Participle;
    if !participle && doc.kind(j) == TokenKind::Word && !is_complementizer(doc, j) && !words.is_verb_prep(doc.key(j), info.preps) {
        // a definite sound masculine plural in `-ين` is oblique: the object
        // (`يناشد المسؤولين قائلا`), never the subject (`المسؤولون`)
        let oblique = |np: &NounPhrase| {
            let k = doc.key(np.first);
            np.kind == PhraseKind::Description && np.prefix_chars == 0 && has_article(k) && has_oblique_plural_ending(k) && k.chars().count() >= 7
                && doc.phrase_at(&doc.lex.gazetteer, np.first).is_none() // `الكرملين`
        };
        if let Some(np) = names::parse(doc, j).filter(|np| !oblique(np)) {
            let np = appositive_name(doc, np, sentence_end).unwrap_or(np);
            subject = Some(np);
            j = doc.next_non_space(np.last).unwrap_or(np.last + 1);
        }
    }
    // `نقلت رويترز عن مسؤول أمريكي إن`: the one quoted follows `عن`
    if doc.lex.verb_lemmas.get(info.lemma as usize).is_some_and(|l| words.relay_verbs.contains(l)) {
        let after = subject.map_or(v, |np| np.last);
        // `عن` within three words: `نقلت وسائل إعلام عن فلان`
        let mut an = None;
        let mut t = after;
        for _ in 0..3 {
            let Some(n) = doc.next_word(t) else { break };
            if doc.key(n) == &*words.source_preposition {
                an = Some(n);
                break;
            }
            t = n;
        }
        if let Some(an) = an {
            if let Some(np) = doc.next_word(an).and_then(|n| names::parse(doc, n)) {
                subject = Some(np);
                j = doc.next_non_space(np.last).unwrap_or(np.last + 1);
            }
        } else {
            // without `عن`, `نقل` followed by `إلى`/`من` is `moved` (`نقل
            // مركز عملياته إلى سوريا`), not `reported`
            let after = subject.map_or(v, |np| np.last);
            let moved = (after..(after + 12).min(sentence_end))
                .take_while(|&t| !is_complementizer(doc, t) && doc.kind(t) != TokenKind::Quote && doc.punct(t) != Some(':'))
                .any(|t| words.move_prepositions.contains(doc.key(t)));
            if moved {
                return None;
            }
        }
    }
    // `..., بوريس جونسون، والذي قال إن`: a relative clause's verb speaks
    // for the noun phrase before the relative pronoun
    if subject.is_none() && !participle {
        subject = antecedent(doc, v);
    }
    // subject first (`المتحدث ... صالح المالكي صرح`, `وكانت الوزارة، قالت`):
    // then a noun phrase after the verb is its object (`يتهمون الأطباء بأنهم`)
    // After `إن`/`أن`/`لكن` the noun phrase before the verb is its subject
    // even when a name follows the verb: `بيد أن مسؤولا محليا أبلغ رويترز`
    if let Some(np) = if participle { None } else { preverbal_subject(doc, v) } {
        let after_particle = doc.prev_word(np.first).is_some_and(|p| words.subject_particles.contains(doc.key(p)));
        if after_particle || subject.is_none_or(|s| s.kind != PhraseKind::Person) {
            subject = Some(np);
        }
    }
    // `ورحب الرئيس فلان بالاتفاق وقال إن`: a verb joined to the one that
    // opens the sentence shares its subject
    if subject.is_none() && info.tense != Tense::Passive && !participle {
        subject = sentence_subject(doc, v, info);
    }
    // `وشدد معاليه`, `وأكد سموه`: an honorific with a pronoun refers back
    // to the person quoted before; a time (`الشهر الماضي`) is no speaker
    if subject.is_some_and(|np| np.first == np.last && is_honorific_pronoun(doc, doc.key(np.first)))
        || subject.is_some_and(|np| begins_date(doc, np.first))
    {
        subject = None;
    }
    // `قال تعالى`, `قال الله عز وجل`: scripture, quoted by nobody in the story
    if let Some(np) = subject {
        if words.scripture.contains(doc.key(np.first)) {
            return None;
        }
        // `أفادت تقارير إعلامية`: reports whose source is not named
        if words.unsourced_reports.contains(doc.key(np.first))
            && !(np.first..=np.last).any(|t| doc.word_full(t).and_then(|w| w.nationality).is_some())
        {
            return None;
        }
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
    let mut k = j;
    let ambiguous_ok = |k: usize| k <= j + 2;
    while k < limit {
        let t = doc.tokens[k];
        match t.kind {
            TokenKind::Word => {
                // `يمكن أن`, `دون أن`, `احتمال أن`: a word that takes `أن`
                // itself, so the verb of saying has no complement here
                if is_complementizer(doc, k) && k > j && doc.prev_word(k).is_some_and(|p| words.governs_an.contains(doc.key(p))) {
                    return None;
                }
                if is_complementizer(doc, k) {
                    if info.ambiguous && !ambiguous_ok(k) {
                        return None;
                    }
                    // `قال إن "..."`: the marks make it a direct quote
                    if let Some(q) = doc.next_non_space(k).and_then(|n| quote_opening_at(doc, n)) {
                        if q.depth == 0 && word_count(doc, q.content()) > MAX_TERM_WORDS {
                            let after = doc.next_non_space(q.content_end);
                            let ends = after.is_none_or(|a| a >= sentence_end || matches!(doc.punct(a), Some('.' | '،' | ',')));
                            if ends {
                                return Some(Cue { verb: v, verb_info: info, kind: QuoteKind::Direct, start: q.open + 1, end: Some(q.content_end), subject });
                            }
                        }
                    }
                    return Some(Cue { verb: v, verb_info: info, kind: QuoteKind::Indirect, start: k + 1, end: None, subject });
                }
                // (the key, read once for the tests below)
                let key = doc.key(k);
                let reach = words.reach_word(key);
                if reach.is_verb_prep(info.preps) && (!info.ambiguous || ambiguous_ok(k)) {
                    if let Some(n) = doc.next_word(k) {
                        if is_complementizer(doc, n) {
                            return Some(Cue { verb: v, verb_info: info, kind: QuoteKind::Indirect, start: n + 1, end: None, subject });
                        }
                    }
                }
                // `وأفاد التلفزيون، نقلا عن مصدر عسكري، بأن`: the one quoted
                if reach == ReachWord::Relay {
                    if let Some((np, l)) = attribution_source(doc, k) {
                        subject = Some(np);
                        k = l + 1;
                        continue;
                    }
                }
                // `بأن`, `بأنه` glued: the complementizer lexicon lists them
                if k != v && verb_at(doc, k).is_some_and(|w| w.tense != Tense::Participle && !w.ambiguous) {
                    return None; // another verb of saying: its own cue
                }
            }
            TokenKind::Punct => {
                if matches!(doc.punct(k), Some(':')) {
                    // a verb spelt like a preposition (`بين` between /
                    // showed) needs the colon close by, or `قائلا` before it
                    let saying = doc.prev_non_space(k).and_then(|p| verb_at(doc, p)).is_some_and(|w| {
                        w.tense == Tense::Participle && doc.lex.verb_lemmas.get(w.lemma as usize).is_some_and(|l| words.saying_verbs.contains(l))
                    });
                    let preposition_too = doc.word(v).is_some_and(|(w, _)| w.function.is_some());
                    if info.ambiguous && preposition_too && !ambiguous_ok(k) && !saying {
                        return None;
                    }
                    let n = doc.next_non_space(k)?;
                    if let Some(q) = quote_opening_at(doc, n).filter(|q| q.depth == 0) {
                        return Some(Cue { verb: v, verb_info: info, kind: QuoteKind::Direct, start: q.open + 1, end: Some(q.content_end), subject });
                    }
                    if doc.kind(n) == TokenKind::Newline {
                        return None;
                    }
                    // `وقال: ...` to the end of the sentence
                    let end = doc.toks.sentences[doc.sentence_of(n)].tokens.end;
                    if word_count(doc, n..end) < 3 {
                        return None;
                    }
                    return Some(Cue { verb: v, verb_info: info, kind: QuoteKind::Direct, start: n, end: Some(end), subject });
                }
            }
            TokenKind::Quote => {
                if let Some(q) = quote_opening_at(doc, k).filter(|q| q.depth == 0) {
                    // the second half of an interrupted quote may be short:
                    // `«…»، أضافت الوزيرة، «وسيعزز استقلالنا الطاقي»`
                    let words = word_count(doc, q.content());
                    if words > MAX_TERM_WORDS || (words >= 2 && follows_a_quote(doc, v)) {
                        if info.ambiguous && !ambiguous_ok(k) {
                            return None;
                        }
                        return Some(Cue { verb: v, verb_info: info, kind: QuoteKind::Direct, start: q.open + 1, end: Some(q.content_end), subject });
                    }
                    // a quoted name or term: skip over it
                    k = q.content_end + 1;
                    continue;
                }
            }
            TokenKind::Newline => return None,
            _ => {}
        }
        k += 1;
    }
    // the quote may open right at the sentence end (`قال لافروف” ...”.`)
    None
}

/// Whether a date can begin with token `t` (`الشهر الماضي`): for a word,
/// the flag its lookup left (see [`TokenLex::date_trigger`]).
fn begins_date(doc: &Doc, t: usize) -> bool {
    if doc.tokens[t].is_word() {
        debug_assert_eq!(doc.ids[t].date_trigger(), doc.lex.is_date_trigger(doc.key(t)));
        doc.ids[t].date_trigger()
    } else {
        doc.lex.is_date_trigger(doc.key(t))
    }
}

/// Whether anything that opens a quote for the verb at `v` lies within its
/// reach (`v` to `limit`): a complementizer, a colon or a quotation mark;
/// or, after a preposition that ends the reach, a complementizer. Without
/// one, [`cue_after`] finds no quote whatever the subject is (its scan
/// starts after `v`, and every quote it returns opens at one of these).
fn quote_may_follow(doc: &Doc, v: usize, limit: usize) -> bool {
    if v + 1 >= limit {
        return false;
    }
    let text = doc.text.as_bytes();
    let opens = |(t, ids): (&Token, &TokenLex)| match t.kind {
        TokenKind::Word => doc.lex.word(ids.full()).is_some_and(|w| w.complementizer),
        TokenKind::Punct => text.get(t.start as usize) == Some(&b':'),
        TokenKind::Quote => true,
        _ => false,
    };
    let reach = v + 1..limit;
    doc.tokens[reach.clone()].iter().zip(&doc.ids[reach]).any(opens)
        // (`أشار إلى` at the end of the reach: its `أن` is the next word)
        || doc.next_non_space(limit - 1).is_some_and(|n| is_complementizer(doc, n))
}


/// The closing token of a parenthetical that opens at `j` (`- … -`,
/// `– … –`, `( … )`), within 60 tokens (about 30 words) of the same sentence.
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
    (j + 1..sentence_end.min(j + 60)).find(|&t| doc.punct(t) == Some(close))
}

/// Honorifics with a possessive pronoun that stand for a person named
/// before (`معاليه` his excellency, `سموه` his highness).
pub(super) fn is_honorific_pronoun(doc: &Doc, key: &str) -> bool {
    doc.words.quotes.honorific_pronouns.contains(key)
}

/// `«…»، قال لافروف` and `"…"، يقول الوزير`: marks followed by a cue.
pub(super) fn add_trailing_cues(doc: &Doc, cues: &mut Vec<Cue>) {
    let words = &doc.words.quotes;
    let headline = headline_end(doc);
    // what the cues found so far cover, sorted, for binary searches (a scan
    // of all cues per quote is quadratic on long texts)
    let mut direct: Vec<(usize, usize)> = cues.iter().filter_map(|c| Some((c.start, c.end?))).collect();
    direct.sort_unstable();
    let mut indirect: Vec<(usize, usize)> = cues
        .iter()
        .filter(|c| c.kind == QuoteKind::Indirect)
        .map(|c| (c.start, doc.toks.sentences[doc.sentence_of(c.start)].tokens.end))
        .collect();
    indirect.sort_unstable();
    // whether a (start, end) pair starting at or before `at` reaches `until`
    let covered = |list: &[(usize, usize)], at: usize, until: usize| {
        let n = list.partition_point(|&(s, _)| s <= at);
        list[..n].iter().rev().take(8).any(|&(_, e)| e >= until)
    };
    for q in doc.toks.quotes.iter().filter(|q| q.open >= headline) {
        // a cue after the marks makes even three words a quote (`«لدينا خطة
        // واضحة»، قال الوزير`)
        if q.depth != 0 || q.close.is_none() || word_count(doc, q.content()) < 2 {
            continue;
        }
        if covered(&direct, q.open + 1, q.content_end) {
            continue;
        }
        // `رفعوا شعار «نريد وطنا»`, `تحت عنوان "…"`: a slogan or a title
        // named by the noun before it, not a quotation
        if doc.prev_word(q.open).is_some_and(|p| words.naming_nouns.contains(doc.key(p))) {
            continue;
        }
        if covered(&indirect, q.open, q.open + 1) {
            continue; // marks inside an indirect quote (a quoted title)
        }
        let close = q.content_end;
        let mut n = doc.next_non_space(close);
        if let Some(c) = n.filter(|&c| matches!(doc.punct(c), Some('،' | ','))) {
            n = doc.next_non_space(c);
        }
        // `هذا ما قاله كارار`, `حسبما قال`
        if let Some(w) = n.filter(|&w| words.trailing_demonstratives.contains(doc.key(w))) {
            n = doc.next_non_space(w);
        }
        if let Some(w) = n.filter(|&w| words.trailing_relatives.contains(doc.key(w))) {
            n = doc.next_non_space(w);
        }
        let Some(v) = n else { continue };
        // `«…»، بحسب ما قاله الخبير فلان`
        if let Some((np, _)) = attribution_source(doc, v) {
            cues.push(Cue { verb: v, verb_info: ATTRIBUTION, kind: QuoteKind::Direct, start: q.open + 1, end: Some(close), subject: Some(np) });
            continue;
        }
        let Some(info) = verb_at(doc, v).or_else(|| verb_with_object_suffix(doc, v)) else { continue };
        if info.tense == Tense::Noun {
            continue;
        }
        let subject = doc.next_non_space(v).and_then(|s| names::parse(doc, s));
        cues.push(Cue { verb: v, verb_info: info, kind: QuoteKind::Direct, start: q.open + 1, end: Some(close), subject });
    }
}
