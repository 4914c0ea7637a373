//! Comparing folded keys of names word by word.

use crate::tokenizer::clitics::after_article;
use crate::tokenizer::fold::fold_into;

// (the two below look for the space byte: `split(' ')` runs a char
// searcher, several times slower on such short keys)

/// The first word of a key (all of it when it has one word).
pub(super) fn first_word(key: &str) -> &str {
    key.as_bytes().iter().position(|&b| b == b' ').map_or(key, |i| &key[..i])
}

/// The last word of a key (all of it when it has one word).
pub(super) fn last_word(key: &str) -> &str {
    key.as_bytes().iter().rposition(|&b| b == b' ').map_or(key, |i| &key[i + 1..])
}

// (the two below compare a one-word `word` in place, without looking for
// the space: keys of two words or more are those longer than `word`)

/// Whether `first_word(key) == word`, for a `word` without a space.
pub(super) fn first_word_is(key: &str, word: &str) -> bool {
    let is = key.starts_with(word) && key.as_bytes().get(word.len()).is_none_or(|&b| b == b' ');
    debug_assert_eq!(is, !word.contains(' ') && first_word(key) == word, "{key} {word}");
    is
}

/// Whether `last_word(key) == word`, for a `word` without a space.
pub(super) fn last_word_is(key: &str, word: &str) -> bool {
    let is = key.ends_with(word) && key.len().checked_sub(word.len() + 1).is_none_or(|space| key.as_bytes()[space] == b' ');
    debug_assert_eq!(is, !word.contains(' ') && last_word(key) == word, "{key} {word}");
    is
}

/// A title word without its article (`الوزير` → `وزير`), unless too short.
pub(super) fn without_article(word: &str) -> &str {
    after_article(word).filter(|r| r.chars().count() >= 2).unwrap_or(word)
}

/// The first word of `fold_phrase(text)`, folded into `buf`: the words
/// after it are not folded.
pub(super) fn folded_first_word<'b>(text: &str, buf: &'b mut String) -> &'b str {
    buf.clear();
    for word in text.split(|c: char| c.is_whitespace()) {
        fold_into(word, buf);
        if !buf.is_empty() {
            break;
        }
    }
    first_word(buf)
}

/// Whether two people's keys name one person: the same letters
/// (`عبد الله البدري`, `عبدالله البدري`), the same family name of three
/// letters or more, or `a` is `b` cut short (`خوان أنطونيو` of `خوان
/// أنطونيو بيتزي`, two words at least).
pub(super) fn same_person(a: &str, b: &str) -> bool {
    fn letters(k: &str) -> impl Iterator<Item = u8> + '_ {
        k.bytes().filter(|&c| c != b' ')
    }
    let prefix = a.contains(' ') && b.len() > a.len() && b.starts_with(a) && b.as_bytes()[a.len()] == b' ';
    prefix || (last_word(a) == last_word(b) && last_word(a).chars().count() >= 3) || letters(a).eq(letters(b))
}


/// Whether `a` and `b` (five letters or more) differ only by two
/// neighbouring letters swapped: `دايمان`/`داميان`.
pub(super) fn swapped_neighbours(a: &str, b: &str) -> bool {
    // a swap keeps the letters, so the byte length too
    if a.len() != b.len() {
        return false;
    }
    let (mut rest_a, mut rest_b) = (a.chars(), b.chars());
    let mut same = 0;
    loop {
        match (rest_a.next(), rest_b.next()) {
            (Some(x), Some(y)) if x == y => same += 1,
            // the first difference: the next letters are these two swapped,
            // and the rest is the same
            (Some(x), Some(y)) => {
                let (Some(x2), Some(y2)) = (rest_a.next(), rest_b.next()) else { return false };
                return x == y2 && x2 == y && rest_a.as_str() == rest_b.as_str() && same + 2 + rest_a.count() >= 5;
            }
            // no difference, or one word is longer
            _ => return false,
        }
    }
}


#[cfg(test)]
mod tests {
    #[test]
    fn swapped_neighbours_only_for_one_transposition_in_long_words() {
        use super::swapped_neighbours;
        assert!(swapped_neighbours("مارتينيز", "ماريتنيز"));
        assert!(!swapped_neighbours("مارتينيز", "مارتينيز"));
        assert!(!swapped_neighbours("سعيد", "سيعد")); // too short to tell a slip from another name
        assert!(!swapped_neighbours("مارتينيز", "مارتينيس")); // a different letter, not a swap
        assert!(!swapped_neighbours("مارتينيز", "ماتريينز")); // two swaps
        assert!(swapped_neighbours("دايمان", "داميان"));
        assert!(swapped_neighbours("ابتثج", "ابتجث")); // the last two letters
        assert!(!swapped_neighbours("ابتث", "ابثت")); // four letters
        assert!(!swapped_neighbours("ابتثج", "ابتثجح"));
    }

    #[test]
    fn first_and_last_words_of_a_key() {
        use super::{first_word, last_word};
        for key in ["سيرغي لافروف", "لافروف", "", "جان ايف لودريان", " ا", "ا "] {
            assert_eq!(first_word(key), key.split(' ').next().unwrap(), "{key}");
            assert_eq!(last_word(key), key.rsplit(' ').next().unwrap(), "{key}");
        }
    }

    #[test]
    fn same_person_by_letters_family_name_or_a_name_cut_short() {
        use super::same_person;
        assert!(same_person("عبد الله البدري", "عبدالله البدري"));
        assert!(same_person("لافروف", "سيرغي لافروف"));
        assert!(same_person("خوان انطونيو", "خوان انطونيو بيتزي"));
        assert!(!same_person("خوان", "خوان انطونيو")); // one word is no name cut short
        assert!(!same_person("خوان انطونيو", "خوان انطونيوس"));
        assert!(!same_person("علي حسن", "علي حسين"));
        assert!(!same_person("زيد ب", "عمر ب")); // a family name of one letter tells nothing
    }

}
