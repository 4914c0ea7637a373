//! Where the headline ends: its quoted words are not quotes.

use crate::extract::doc::Doc;

/// Tokens of the headline, if the text opens with one: a first line
/// followed by a blank line. Headlines paraphrase (`فلان: لا نمنع ...`)
/// and are not quotations.
pub(super) fn headline_end(doc: &Doc) -> usize {
    let paras = &doc.toks.paragraphs;
    let blank = |p: &std::ops::Range<usize>| !p.clone().any(|i| doc.tokens[i].is_wordlike());
    match paras.iter().position(|p| !blank(p)) {
        Some(first) if paras.get(first + 1).is_some_and(blank) && paras.len() > first + 2 => paras[first].end,
        _ => 0,
    }
}
