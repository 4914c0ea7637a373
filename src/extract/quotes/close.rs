//! Where an indirect quote ends.

use super::{is_comma, ARABIC_COMMA, ARABIC_SEMICOLON};
use super::attribution::is_attribution_head;
use super::Cue;
use crate::extract::doc::Doc;
use crate::record::QuoteKind;
use crate::tokenizer::clitics::is_wa;

/// How many tokens before a verb its concessive `أن` may be.
const CONCESSIVE_REACH: usize = 12;

/// Whether the verb at `v` sits in a clause opened by `رغم أن`/`مع أن`
/// (within the same sentence, [`CONCESSIVE_REACH`] tokens before it).
fn concessive_clause(doc: &Doc, v: usize) -> bool {
    let words = &doc.words.quotes;
    let sentence_start = doc.toks.sentences[doc.sentence_of(v)].tokens().start;
    let mut t = v;
    for _ in 0..CONCESSIVE_REACH {
        let Some(p) = doc.prev_non_space(t).filter(|&p| p >= sentence_start) else { return false };
        if doc.key(p) == &*words.complementizer {
            return doc.prev_non_space(p).is_some_and(|q| words.concessives.contains(doc.key(q)));
        }
        t = p;
    }
    false
}

/// An indirect quote runs to the end of its sentence, or to the next cue in
/// the same sentence (`..., مضيفا أن ...`, `... وقال فلان إن ...`).
pub(super) fn close_indirect_quotes(doc: &Doc, cues: &mut [Cue]) {
    let n = cues.len();
    // the last search for a credit: (from, to, the first found); quotes of
    // one sentence share its end, and cues come sorted by start
    let mut last_search: Option<(usize, usize, Option<usize>)> = None;
    for i in 0..n {
        if cues[i].end.is_some() {
            continue;
        }
        let start = cues[i].start;
        let sentence_end = doc.toks.sentences[doc.sentence_of(start.min(doc.len().saturating_sub(1)))].tokens().end;
        let mut end = sentence_end;
        // `… ، وفقا لما نقلته وكالة إرنا`: the credit is not quoted
        // (the first credit from an earlier start on is the first from
        // `start` too, unless it lies before `start`)
        let credit = match last_search {
            Some((from, to, found)) if to == sentence_end && from <= start && found.is_none_or(|a| a >= start) => found,
            _ => (start..sentence_end).find(|&t| is_attribution_head(doc, t)),
        };
        debug_assert_eq!(credit, (start..sentence_end).find(|&t| is_attribution_head(doc, t)));
        last_search = Some((start, sentence_end, credit));
        if let Some(a) = credit {
            end = a;
        }
        // `رغم أن المصادر أكدت أن …، فإن …`: a concessive clause ends where
        // the main clause (`، فإن`, `، إلا أن`) begins
        if concessive_clause(doc, cues[i].verb) {
            if let Some(c) = (start..end).find(|&t| is_comma(doc, t) && doc.next_word(t).is_some_and(|n| doc.words.quotes.main_clause_openers.contains(doc.key(n)))) {
                end = c;
            }
        }
        for c in cues.iter().skip(i + 1) {
            // cues are sorted by start: none past the sentence can end it
            if c.start > end && c.verb > end {
                break;
            }
            if c.verb >= start && c.verb < end {
                end = c.verb;
                break;
            }
            if c.kind == QuoteKind::Direct && c.start > start && c.start - 1 < end {
                end = c.start - 1;
                break;
            }
        }
        // the connective of the next clause is not quoted: `، فيما`,
        // `، في حين`, `، بينما`, `و`
        if end < sentence_end {
            let mut e = end;
            while let Some(p) = doc.prev_non_space(e).filter(|&p| p >= start) {
                let connective = doc.tokens[p].is_word() && is_connective(doc, p);
                if connective || matches!(doc.punct(p), Some(ARABIC_COMMA | ',' | ARABIC_SEMICOLON | ';')) {
                    e = p;
                } else {
                    break;
                }
            }
            end = e;
        }
        // a subject-less `وقال “…”` later in the sentence also ends it
        cues[i].end = Some(end.max(start));
    }
}

/// Whether the word at `p` joins a next clause (`فيما`, `بينما`, `و`).
fn is_connective(doc: &Doc, p: usize) -> bool {
    let key = doc.key(p);
    is_wa(key) || doc.words.quotes.connectives.contains(key)
}
