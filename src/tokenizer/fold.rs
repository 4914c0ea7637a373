//! Matching keys: the spelling-insensitive form of a word that every lexicon
//! lookup uses.
//!
//! Each rule is a small named unit with a cheap check, in the manner of
//! charabia's normalizers. A rule maps one character to a replacement, drops
//! it, or leaves it alone; [`fold_into`] applies the rules in order, one pass
//! per word, writing into a caller-owned buffer so that no word allocates.
//!
//! Known failures (kept on purpose, since the rules see one character at a
//! time): folding ة→ه merges the feminine ending with a final pronoun ه
//! (`كتابة` ~ `كتابه`); folding ى→ي merges alef maqsura verbs with their
//! ي-forms (`على` ~ `علي`, the preposition and the name). Lexicons are looked
//! up with the same keys, so both sides fold alike; the merges only matter
//! where two real words collide, and extractors check context there.

/// What a rule does to one character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fold {
    Keep,
    Drop,
    Map(char),
}

/// One folding rule: a name (for documentation and tests) and the mapping.
pub struct FoldRule {
    #[cfg_attr(not(test), allow(dead_code))]
    pub name: &'static str,
    pub apply: fn(char) -> Fold,
}

/// Harakat, Qur'anic marks, superscript alef and tatweel carry no meaning for
/// matching: `سُوريا` and `ســوريا` are `سوريا`.
fn strip_diacritics(c: char) -> Fold {
    match c {
        '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{0640}' => {
            Fold::Drop
        }
        // zero-width joiners and marks that sometimes sit inside words
        '\u{200B}'..='\u{200F}' | '\u{FEFF}' => Fold::Drop,
        _ => Fold::Keep,
    }
}

/// Hamza forms of alef are written interchangeably in news: أستانا/استانا.
fn unify_alef(c: char) -> Fold {
    match c {
        'أ' | 'إ' | 'آ' | 'ٱ' => Fold::Map('ا'),
        _ => Fold::Keep,
    }
}

/// Hamza on waw and ya seats (مسؤول/مسئول), folded as the scorer folds them.
fn unify_hamza_seats(c: char) -> Fold {
    match c {
        'ؤ' => Fold::Map('و'),
        'ئ' => Fold::Map('ي'),
        _ => Fold::Keep,
    }
}

/// Final ى and ي are confused in Egyptian and online spelling.
fn unify_ya(c: char) -> Fold {
    match c {
        'ى' | 'ی' => Fold::Map('ي'),
        _ => Fold::Keep,
    }
}

/// Ta marbuta is often written as ha: سورية/سوريه.
fn unify_ta_marbuta(c: char) -> Fold {
    match c {
        'ة' => Fold::Map('ه'),
        _ => Fold::Keep,
    }
}

/// Persian letters that Arabic text borrows in names: ک→ك.
fn unify_persian_letters(c: char) -> Fold {
    match c {
        'ک' => Fold::Map('ك'),
        _ => Fold::Keep,
    }
}

/// Arabic-Indic (٠-٩) and extended (۰-۹) digits become ASCII, so numbers in
/// any script share keys.
fn ascii_digits(c: char) -> Fold {
    match c {
        '٠'..='٩' => Fold::Map(char::from(b'0' + (c as u32 - '٠' as u32) as u8)),
        '۰'..='۹' => Fold::Map(char::from(b'0' + (c as u32 - '۰' as u32) as u8)),
        _ => Fold::Keep,
    }
}

/// Latin letters match without case: `CNN` ~ `cnn`.
fn lowercase_ascii(c: char) -> Fold {
    if c.is_ascii_uppercase() {
        Fold::Map(c.to_ascii_lowercase())
    } else {
        Fold::Keep
    }
}

/// The rules, in the order they are applied.
pub const RULES: &[FoldRule] = &[
    FoldRule { name: "strip_diacritics", apply: strip_diacritics },
    FoldRule { name: "unify_alef", apply: unify_alef },
    FoldRule { name: "unify_hamza_seats", apply: unify_hamza_seats },
    FoldRule { name: "unify_ya", apply: unify_ya },
    FoldRule { name: "unify_ta_marbuta", apply: unify_ta_marbuta },
    FoldRule { name: "unify_persian_letters", apply: unify_persian_letters },
    FoldRule { name: "ascii_digits", apply: ascii_digits },
    FoldRule { name: "lowercase_ascii", apply: lowercase_ascii },
];

/// Folds one character through all rules; `None` when it is dropped.
///
/// The common cases are answered directly (this runs on every character of
/// every word): ASCII, and the Arabic letters no rule touches. Everything
/// else goes through [`RULES`] in order; `fast_path_agrees_with_the_rules`
/// checks that both give the same answer.
#[inline]
pub fn fold_char(c: char) -> Option<char> {
    if c.is_ascii() {
        return Some(c.to_ascii_lowercase());
    }
    // ء ا ب … ي except the letters the rules fold (أ ؤ إ ئ ة ى) and tatweel
    if matches!(c, '\u{0621}' | '\u{0627}' | '\u{0628}' | '\u{062A}'..='\u{063A}' | '\u{0641}'..='\u{0648}' | '\u{064A}') {
        return Some(c);
    }
    fold_by_rules(c)
}

fn fold_by_rules(c: char) -> Option<char> {
    let mut c = c;
    for rule in RULES {
        match (rule.apply)(c) {
            Fold::Keep => {}
            Fold::Drop => return None,
            Fold::Map(m) => c = m,
        }
    }
    Some(c)
}

/// Appends the matching key of `word` to `out`: [`fold_char`] of each of
/// its chars, read from the tokenizer's table; stretches of chars that
/// fold to themselves (most words are one) are copied whole.
#[inline]
pub fn fold_into(word: &str, out: &mut String) {
    let table = super::units::unit_table();
    let mut copy_from = 0;
    let mut pos = 0;
    while pos < word.len() {
        let (unit, unit_len) = table.unit_at(word, pos);
        if !unit.keeps_itself() {
            super::units::push_folded(out, &word[copy_from..pos], unit);
            copy_from = pos + unit_len;
        }
        pos += unit_len;
    }
    out.push_str(&word[copy_from..]);
}

/// The matching key of a phrase as a new string: words folded and joined by
/// one space, punctuation other than inside words dropped. For building
/// lexicons and for tests, not for the per-token hot path.
pub fn fold_phrase(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(|c: char| c.is_whitespace()) {
        let start = out.len();
        if start > 0 {
            out.push(' ');
        }
        let body = out.len();
        fold_into(word, &mut out);
        if out.len() == body {
            out.truncate(start);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fold(s: &str) -> String {
        let mut out = String::new();
        fold_into(s, &mut out);
        out
    }

    #[test]
    fn each_rule_does_its_own_job() {
        assert_eq!(fold("سُوريَا"), "سوريا");
        assert_eq!(fold("ســوريا"), "سوريا");
        assert_eq!(fold("أستانا"), fold("استانا"));
        assert_eq!(fold("إيران"), "ايران");
        assert_eq!(fold("آذار"), "اذار");
        assert_eq!(fold("مسؤول"), fold("مسوول"));
        assert_eq!(fold("مستشفى"), fold("مستشفي"));
        assert_eq!(fold("سورية"), "سوريه");
        assert_eq!(fold("٢٠١٧"), "2017");
        assert_eq!(fold("۱۴۳۶"), "1436");
        assert_eq!(fold("CNN"), "cnn");
    }

    #[test]
    fn fast_path_agrees_with_the_rules() {
        for c in ('\u{0000}'..='\u{08FF}').chain('\u{FB50}'..='\u{FEFF}') {
            let rules = if c.is_ascii() { Some(c.to_ascii_lowercase()) } else { fold_by_rules(c) };
            assert_eq!(fold_char(c), rules, "{c:?} U+{:04X}", c as u32);
        }
    }

    #[test]
    fn fold_into_agrees_with_fold_char() {
        let text: String = ('\u{0000}'..='\u{08FF}').chain('\u{FB50}'..='\u{FEFF}').chain(['😀', '中']).collect();
        let expected: String = text.chars().filter_map(fold_char).collect();
        assert_eq!(fold(&text), expected);
    }

    #[test]
    fn rules_have_distinct_names() {
        let mut names: Vec<_> = RULES.iter().map(|r| r.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), RULES.len());
    }

    #[test]
    fn phrase_keys_join_words_with_one_space() {
        assert_eq!(fold_phrase("  مجلس   الأمن\tالدولي "), "مجلس الامن الدولي");
    }
}
