//! People: a title or given name and the name after it, and later
//! mentions of a family name alone.

use super::key::phrase_key_into;
use super::EntitySet;
use crate::extract::doc::Doc;
use crate::extract::names::{self, PhraseKind};
use crate::lexicon::{EntityType, TitleClass, STARTS_GIVEN, STARTS_TITLE};
use crate::tokenizer::TokenKind;

/// The people pass over the words that start a title or a given name
/// (`starts`): a person is the name of a phrase [`names::parse_with_title`]
/// reads, with a title or of two words or more, outside what earlier
/// passes covered.
pub(super) fn people(doc: &Doc, set: &mut EntitySet, covered: &mut [bool], starts: &[(u32, u8)]) {
    // the folded key of a name found (one buffer for all)
    let mut key = String::new();
    let mut i = 0;
    for &(start, can_start) in starts {
        let start = start as usize;
        // inside a name found before, or already an entity
        if start < i || covered[start] {
            continue;
        }
        i = start;
        // (a word that starts no title but a modifier may still be one: its
        // entry is then left to `names::parse`)
        let title_entry = (can_start & STARTS_TITLE != 0).then(|| doc.phrase_at(&doc.lex.titles, i));
        let title = title_entry.flatten().is_some_and(|m| m.value.class != TitleClass::Modifier);
        let given = || can_start & STARTS_GIVEN != 0 && doc.phrase_at(&doc.lex.given_names, i).is_some_and(|m| m.prefix_chars == 0);
        if title || given() {
            if let Some(np) = names::parse_with_title(doc, i, title_entry) {
                if np.kind == PhraseKind::Person {
                    if let Some((a, b, p)) = np.name {
                        let words = (a..=b).filter(|&t| doc.tokens[t].is_word()).count();
                        let overlaps = covered[a..=b].iter().any(|&c| c);
                        // a given name alone is too weak without a title
                        if !overlaps && (words >= 2 || np.title.is_some()) {
                            let text = doc.slice(a, b, p);
                            phrase_key_into(doc, a, b, p, &mut key);
                            if let Some(person) = set.add_keyed(&key, text, text, crate::lexicon::EntityType::Person, None, doc.span(a, b, p)) {
                                set.set_title(person, np.title_text(doc));
                            }
                            covered[a..=b].iter_mut().for_each(|c| *c = true);
                        }
                    }
                    i = np.last + 1;
                    continue;
                }
            }
        }
        i += 1;
    }
}

/// The shortest family name, in letters, whose mentions alone are linked.
const MIN_FAMILY_NAME_CHARS: usize = 3;

/// The last word of each person's name of two words or more, with the
/// person (`لافروف` of `سيرغي لافروف`).
fn family_names(set: &EntitySet) -> Vec<(String, usize)> {
    let mut families = Vec::new();
    for (idx, e) in set.entities.iter().enumerate() {
        if e.entity_type != EntityType::Person {
            continue;
        }
        let key = set.text_key(idx);
        let mut parts = key.split(' ');
        if let (Some(_), Some(last)) = (parts.next(), parts.next_back()) {
            if last.chars().count() >= MIN_FAMILY_NAME_CHARS {
                families.push((last.to_string(), idx));
            }
        }
    }
    families
}

/// Adds every later one-word mention of a person's family name (`ميلنر`,
/// `ولافروف`) to that person.
pub(super) fn link_family_names(doc: &Doc, set: &mut EntitySet, covered: &[bool]) {
    let families = family_names(set);
    if families.is_empty() {
        return;
    }
    // one lookup per word (whole, or after each possible proclitic string),
    // not a comparison with every family name
    let by_key: rustc_hash::FxHashMap<&str, usize> = families.iter().rev().map(|(f, idx)| (f.as_str(), *idx)).collect();
    // the last four bytes (two Arabic letters) and the length a mention's
    // key has when it is a family name after no proclitic or one to three
    // letters of two bytes each (see below), as bits of a mask: a word
    // ending otherwise or of another length is no mention, and needs no
    // hashing (a name that can match has at least five bytes: see the
    // lookups below)
    let mut mentions = [0u64; 64];
    for (f, _) in families.iter().filter(|(f, _)| f.len() >= 4) {
        for cut in [0, 2, 4, 6] {
            let b = mention_bucket(f.as_bytes(), f.len() + cut);
            mentions[usize::from(b >> 6)] |= 1 << (b & 63);
        }
    }
    // the lengths of the family names, as bits (the last for 63 bytes or
    // more): a word that passes the mask above is looked up whole or
    // after a proclitic only where the rest has one of them
    let family_lengths = families.iter().fold(0u64, |mask, (f, _)| mask | 1 << f.len().min(63));
    let may_be_family = |len: usize| family_lengths & 1 << len.min(63) != 0;
    // (a bit test turns away most words: inline, before a call)
    let may_mention = |key: &[u8]| {
        let b = mention_bucket(key, key.len());
        mentions[usize::from(b >> 6)] & 1 << (b & 63) != 0
    };
    let mut visit = |i: usize| {
        if doc.kind(i) != TokenKind::Word || covered[i] {
            return;
        }
        let key = doc.key(i);
        let mut hit = if may_be_family(key.len()) { by_key.get(key).map(|&idx| (idx, 0u8)) } else { None };
        if hit.is_none() {
            // proclitics are one or two letters of two bytes each
            for cut in [2usize, 4, 6] {
                if key.len() > cut + 4 && may_be_family(key.len() - cut) && key.is_char_boundary(cut) && crate::tokenizer::clitics::is_proclitic(&key[..cut]) {
                    if let Some(&idx) = by_key.get(&key[cut..]) {
                        hit = Some((idx, key[..cut].chars().count() as u8));
                        break;
                    }
                }
            }
        }
        if let Some((idx, prefix)) = hit {
            let span = doc.span(i, i, prefix);
            set.entities[idx].mentions.push(span);
        }
    };
    // the keys lie back to back, each up to the next token's (spaces and
    // punctuation have none): most tokens are turned away by the length of
    // their key alone, read from two neighbouring tokens
    let keys = doc.toks.keys.as_bytes();
    let Some((first, rest)) = doc.tokens.split_first() else { return };
    let mut start = first.key_start as usize;
    for (i, next) in rest.iter().enumerate() {
        let end = next.key_start as usize;
        // a mention's key has six bytes or more
        if end - start >= 6 && may_mention(&keys[start..end]) {
            visit(i);
        }
        start = end;
    }
    if keys.len() - start >= 6 && may_mention(&keys[start..]) {
        visit(rest.len());
    }
}

/// One of 4096 buckets for a key of `len` bytes that ends as `key` does
/// (at least four bytes long): the bits of sixty-four `u64` for a set of
/// word endings with their lengths (so sparse that few other words fall
/// in a set bucket).
#[inline]
pub(super) fn mention_bucket(key: &[u8], len: usize) -> u16 {
    let tail = u32::from_le_bytes([key[key.len() - 4], key[key.len() - 3], key[key.len() - 2], key[key.len() - 1]]);
    ((u64::from(tail) | (len as u64) << 32).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 52) as u16
}
