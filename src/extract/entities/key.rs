//! The folded key of a phrase, built from the keys the tokenizer folded.

use crate::extract::doc::Doc;
use crate::tokenizer::fold::{fold_into, fold_phrase};
use crate::tokenizer::TokenKind;

/// The folded key of the text of tokens `first..=last` without
/// `prefix_chars` code points: `fold_phrase` of [`Doc::slice`], built from
/// the keys the tokenizer folded (a word's key is its folded text) instead
/// of folding the text again.
pub(in crate::extract) fn phrase_key(doc: &Doc, first: usize, last: usize, prefix_chars: u8) -> String {
    let mut key = String::with_capacity(doc.byte_range(first, last, prefix_chars).len());
    phrase_key_into(doc, first, last, prefix_chars, &mut key);
    key
}

/// [`phrase_key`] written to `key` (cleared first): a buffer kept across
/// the phrases of a text needs no allocation for each.
pub(super) fn phrase_key_into(doc: &Doc, first: usize, last: usize, prefix_chars: u8, key: &mut String) {
    let range = doc.byte_range(first, last, prefix_chars);
    key.clear();
    key.reserve(range.len());
    // as in `fold_phrase`: words split at whitespace, those that fold to
    // something joined by one space; `word` is where the current one's
    // key starts (after its space)
    let mut word: Option<usize> = None;
    let end_word = |key: &mut String, word: &mut Option<usize>| {
        if let Some(start) = word.take() {
            if key.len() == start && start > 0 {
                key.truncate(start - 1);
            }
        }
    };
    for t in first..=last {
        let bytes = doc.toks.bytes(t);
        if bytes.end <= range.start {
            continue;
        }
        let kind = doc.kind(t);
        if matches!(kind, TokenKind::Space | TokenKind::Newline) {
            // (a space token may also be a zero-width space, which is no
            // whitespace and folds to nothing: it joins what it separates)
            if doc.surface(t).chars().any(char::is_whitespace) {
                end_word(key, &mut word);
            }
            continue;
        }
        if word.is_none() {
            if !key.is_empty() {
                key.push(' ');
            }
            word = Some(key.len());
        }
        if matches!(kind, TokenKind::Word | TokenKind::Number) && bytes.start >= range.start {
            key.push_str(doc.key(t));
        } else {
            fold_into(&doc.text[bytes.start.max(range.start)..bytes.end], key);
        }
    }
    end_word(key, &mut word);
    debug_assert_eq!(*key, fold_phrase(&doc.text[range]));
}
