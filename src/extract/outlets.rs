//! Outlets credited on a line: an agency or outlet's name that fills a
//! whole segment between separators (`-`, `–`, `:`, `|`, `(`…`)`), as on a
//! dateline (`الرياض - واس`, `لندن (رويترز) -`) or a byline. The dateline
//! ([`super::layout`]) and the source ([`super::source`]) both read them.

use super::doc::{Doc, PhraseMatch};
use crate::tokenizer::{TokenKind, ARABIC_COMMA};

/// A separator between the segments of a dateline or byline.
fn is_separator(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | ':' | '|' | '(' | ')' | ARABIC_COMMA | ',' | '/' | '[' | ']' | '«' | '»' | '"' | '“' | '”')
}

/// A candidate credit.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Candidate {
    pub first: usize,
    pub last: usize,
    pub prefix: u8,
    pub agency: u16,
    /// Lower is better.
    pub rank: u8,
}

/// An agency name at token `i`; `وكالة X` finds X's entry too.
pub(crate) fn agency_at<'a>(doc: &Doc<'a>, i: usize) -> Option<PhraseMatch<'a, u16>> {
    doc.phrase_at(&doc.lex.agencies, i)
}

/// The best outlet credited in `range` (a dateline): (first, last, prefix).
pub fn outlet_in(doc: &Doc, range: std::ops::Range<usize>, opening_only: bool) -> Option<(usize, usize, u8)> {
    segment_candidates(doc, range, opening_only).into_iter().min_by_key(|c| c.rank).map(|c| (c.first, c.last, c.prefix))
}

/// Outlets that fill a whole segment of `range` between separators.
pub(crate) fn segment_candidates(doc: &Doc, range: std::ops::Range<usize>, opening_only: bool) -> Vec<Candidate> {
    let mut out = Vec::new();
    let mut segment = 0u8;
    let mut seg_start = true;
    let mut i = range.start;
    while i < range.end {
        let t = doc.tokens[i];
        match t.kind {
            TokenKind::Space => {}
            TokenKind::Punct | TokenKind::Quote => {
                if doc.punct(i).is_some_and(is_separator) {
                    segment = segment.saturating_add(1);
                    seg_start = true;
                } else {
                    seg_start = false;
                }
            }
            TokenKind::Newline => break,
            TokenKind::Word | TokenKind::Number => {
                if seg_start {
                    if let Some(m) = agency_at(doc, i) {
                        let after = doc.next_non_space(m.last);
                        let closed = after.is_none_or(|a| a >= range.end || doc.kind(a) == TokenKind::Newline || doc.punct(a).is_some_and(is_separator));
                        let bracketed = i > 0 && doc.prev_non_space(i).is_some_and(|p| doc.punct(p) == Some('('));
                        // in the opening of a long line, a credit sits before
                        // the story's first words (`دمشق، سوريا (CNN) --`);
                        // a name quoted later in the sentence is a mention
                        let words_before = (range.start..i).filter(|&t| doc.tokens[t].is_wordlike()).count();
                        let early = !opening_only || words_before <= 6;
                        if closed && early && (!opening_only || bracketed || segment > 0) {
                            let agency = &doc.lex.agency_list[*m.value as usize];
                            // a bracketed credit is the surest; then agencies
                            let mut rank = if bracketed { 0 } else if agency.kind == "agency" { 1 } else { 2 };
                            if segment == 0 && !bracketed {
                                rank += 4; // first segment: usually the place
                            }
                            if m.prefix_chars > 0 {
                                rank += 8;
                            }
                            out.push(Candidate { first: i, last: m.last, prefix: m.prefix_chars, agency: *m.value, rank });
                            i = m.last + 1;
                            seg_start = false;
                            continue;
                        }
                    }
                }
                seg_start = false;
            }
        }
        i += 1;
    }
    out
}
