//! Script detection: letters counted by script, and the language they
//! give a text.

use super::units::{Unit, UNIT_ARABIC_OR_OTHER, UNIT_LATIN_OR_OTHER};

/// Which script a letter is in, for telling an Arabic text from others.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub(super) enum Script {
    /// Not counted: not a letter, or a non-letter of the Arabic block.
    None,
    Arabic,
    Latin,
    Other,
}

pub(super) fn script_of(c: char) -> Script {
    match c {
        '\u{0620}'..='\u{064A}' | '\u{066E}'..='\u{06D3}' | '\u{06FA}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08C9}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFC}' => Script::Arabic,
        'A'..='Z' | 'a'..='z' | '\u{00C0}'..='\u{024F}' => Script::Latin,
        c if c.is_ascii() || ('\u{0600}'..='\u{06FF}').contains(&c) => Script::None,
        c if c.is_alphabetic() => Script::Other,
        _ => Script::None,
    }
}

/// Letters of a text by script.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LetterCounts {
    pub arabic: usize,
    pub latin: usize,
    pub other: usize,
}

/// An Arabic part this long is an article to analyze even when other
/// scripts have more letters: an Arabic story quoting a long English
/// statement, or a bilingual page. (A sentence of Arabic news has some 100
/// letters; a name or a caption in an English text has far fewer.)
const MIN_ARABIC_LETTERS: usize = 50;
/// … as long as it is at least this share of all letters (in percent): a
/// long English text with an Arabic paragraph is not an Arabic article.
const MIN_ARABIC_PERCENT: usize = 30;

/// The language of a text with these letter counts (for example
/// [`Tokens::letters`](super::Tokens::letters)), as records report it: `ar`
/// when it has a substantial Arabic part (more than half of its letters,
/// or at least [`MIN_ARABIC_LETTERS`] letters that are at least
/// [`MIN_ARABIC_PERCENT`]% of them), else `und-Latn` when more than half
/// are Latin, else `und`.
pub fn language_of(counts: LetterCounts) -> &'static str {
    let LetterCounts { arabic, latin, other } = counts;
    let letters = arabic + latin + other;
    let substantial = arabic >= MIN_ARABIC_LETTERS && arabic * 100 >= letters * MIN_ARABIC_PERCENT;
    if arabic * 2 > letters || substantial {
        "ar"
    } else if latin * 2 > letters {
        "und-Latn"
    } else {
        "und"
    }
}

/// Letters by script as the scanner sums them: the script bits of each
/// unit added in place, three adds a char and no branch (see
/// [`UNIT_ARABIC_OR_OTHER`]), and the Arabic letters of the Arabic block
/// in words, which the word loop counts
/// ([`ArabicLetterKeys`](super::units::ArabicLetterKeys));
/// [`ScriptTally::counts`] gives the letters.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct ScriptTally {
    arabic_or_other: u64,
    latin_or_other: u64,
    other: u64,
    pub(super) arabic_block_letters: u64,
}

impl ScriptTally {
    #[inline]
    pub(super) fn add(&mut self, unit: Unit) {
        self.arabic_or_other += u64::from(unit.0 & UNIT_ARABIC_OR_OTHER);
        self.latin_or_other += u64::from(unit.0 & UNIT_LATIN_OR_OTHER);
        // both bits set: shift the second onto the first
        self.other += u64::from(unit.0 & (unit.0 >> 1) & UNIT_ARABIC_OR_OTHER);
    }

    pub(super) fn counts(self) -> LetterCounts {
        let other = (self.other / u64::from(UNIT_ARABIC_OR_OTHER)) as usize;
        LetterCounts {
            arabic: (self.arabic_or_other / u64::from(UNIT_ARABIC_OR_OTHER) + self.arabic_block_letters) as usize - other,
            latin: (self.latin_or_other / u64::from(UNIT_LATIN_OR_OTHER)) as usize - other,
            other,
        }
    }
}

pub(super) const SCRIPT_ARABIC: usize = Script::Arabic as usize;

#[cfg(test)]
mod tests {
    use super::*;
    use super::super::tests::toks;

    /// The letters of `text` by script, char by char: what the scanner's
    /// tally must add up to.
    fn count_letters(text: &str) -> LetterCounts {
        let mut counts = LetterCounts::default();
        for c in text.chars() {
            match script_of(c) {
                Script::Arabic => counts.arabic += 1,
                Script::Latin => counts.latin += 1,
                Script::Other => counts.other += 1,
                Script::None => {}
            }
        }
        counts
    }

    #[test]
    fn the_tokenizer_counts_letters_as_count_letters_does() {
        let mut text: String = ('\u{0000}'..='\u{07FF}').collect();
        text.extend('\u{08A0}'..='\u{08FF}');
        text.push_str("\u{08A0}\u{08D4}\u{FB50}\u{FDFC}\u{FE8D}\u{0640}\u{0670}中文😀Ωé U.S. don't \r\n\r سُوريا ١٤٣٦هـ");
        let samples = [text.as_str(), "", "abc", "قال لافروف”ما يحدث، ١٠ تموز/يوليو.\r\nوأضاف (CNN)-- U.S. don't 1436هـ\rend"];
        for sample in samples {
            assert_eq!(toks(sample).letters, count_letters(sample), "{sample}");
        }
    }

    #[test]
    fn a_substantial_arabic_part_makes_an_arabic_article() {
        let counts = |arabic, latin| LetterCounts { arabic, latin, other: 0 };
        // a short Arabic story quoting a long English statement
        assert_eq!(language_of(counts(120, 140)), "ar");
        // a majority, however short
        assert_eq!(language_of(counts(8, 3)), "ar");
        // an English text with an Arabic name or caption
        assert_eq!(language_of(counts(30, 60)), "und-Latn");
        // an English text with an Arabic paragraph
        assert_eq!(language_of(counts(200, 3000)), "und-Latn");
        assert_eq!(language_of(counts(0, 0)), "und");
    }
}
