//! Script detection: letters counted by script, and the language they
//! give a text.

use super::units::{unit_table, Unit, UNIT_ARABIC_OR_OTHER, UNIT_LATIN_OR_OTHER};

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

/// The language of `text` as records report it: `ar` when more than half
/// of its letters are Arabic, else `und-Latn` when more than half are
/// Latin, else `und`.
pub fn language(text: &str) -> &'static str {
    language_of(count_letters(text, true))
}

/// The language [`language`] gives for a text with these letter counts
/// (for example [`Tokens::letters`]).
pub fn language_of(counts: LetterCounts) -> &'static str {
    let LetterCounts { arabic, latin, other } = counts;
    let letters = arabic + latin + other;
    if arabic * 2 > letters {
        "ar"
    } else if latin * 2 > letters {
        "und-Latn"
    } else {
        "und"
    }
}

/// Counts the letters of `text` by script. ASCII and the Arabic block
/// (U+0600–U+06FF, two bytes in UTF-8), nearly all of a news text, are
/// answered inline; other chars by the scanner's table or [`script_of`].
/// With `stop_when_arabic`, counting stops once Arabic letters outnumber the
/// others even if every byte left were a non-Arabic letter (the counts are
/// then partial, but Arabic stays the majority).
pub fn count_letters(text: &str, stop_when_arabic: bool) -> LetterCounts {
    let table = unit_table();
    let bytes = text.as_bytes();
    let mut counts = LetterCounts::default();
    let mut pos = 0;
    while pos < bytes.len() {
        let block_end = bytes.len().min(pos + 256);
        while pos < block_end {
            let b0 = bytes[pos];
            if b0 < 0x80 {
                counts.latin += usize::from(b0.is_ascii_alphabetic());
                pos += 1;
                continue;
            }
            if (0xD8..=0xDB).contains(&b0) {
                // valid UTF-8: a continuation byte follows the lead byte
                let offset = usize::from(b0 & 3) << 6 | usize::from(bytes[pos + 1] & 0x3F);
                counts.arabic += ((ARABIC_BLOCK_LETTERS[offset / 64] >> (offset % 64)) & 1) as usize;
                pos += 2;
                continue;
            }
            let (unit, unit_len) = table.unit_at(text, pos);
            pos += unit_len;
            match unit.script() {
                SCRIPT_ARABIC => counts.arabic += 1,
                SCRIPT_LATIN => counts.latin += 1,
                SCRIPT_OTHER => counts.other += 1,
                _ => {}
            }
        }
        if stop_when_arabic && counts.arabic > counts.latin + counts.other + (bytes.len() - pos.min(bytes.len())) {
            break;
        }
    }
    counts
}

/// Letters by script as the scanner sums them: the script bits of each
/// unit added in place, three adds a char and no branch (see
/// [`UNIT_ARABIC_OR_OTHER`]), and the Arabic letters of the Arabic block
/// in words, which the word loop counts ([`ArabicLetterKeys`]);
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
const SCRIPT_LATIN: usize = Script::Latin as usize;
const SCRIPT_OTHER: usize = Script::Other as usize;

/// Bit `c - U+0600` is set for the chars of the Arabic block that
/// [`script_of`] counts as Arabic letters (the rest of the block counts as
/// no letter); checked against it by a test.
const ARABIC_BLOCK_LETTERS: [u64; 4] = {
    let mut bits = [0u64; 4];
    let ranges = [(0x20, 0x4A), (0x6E, 0xD3), (0xFA, 0xFF)];
    let mut r = 0;
    while r < ranges.len() {
        let mut c = ranges[r].0;
        while c <= ranges[r].1 {
            bits[c / 64] |= 1 << (c % 64);
            c += 1;
        }
        r += 1;
    }
    bits
};

#[cfg(test)]
mod tests {
    use super::*;
    use super::super::tests::toks;

    #[test]
    fn letter_counts_agree_with_script_of() {
        let mut text: String = ('\u{0000}'..='\u{07FF}').collect();
        text.push_str("\u{08A0}\u{FB50}\u{FE8D}中文😀Ωé");
        let mut expected = LetterCounts::default();
        for c in text.chars() {
            match script_of(c) {
                Script::Arabic => expected.arabic += 1,
                Script::Latin => expected.latin += 1,
                Script::Other => expected.other += 1,
                Script::None => {}
            }
        }
        assert_eq!(count_letters(&text, false), expected);
        // stopping early never changes the language
        for sample in ["سوريا", "سوريا abc", "ab سو", "سوريا ولبنان والأردن، abcdefghijklmnop", "中文 سو ab"] {
            let full = count_letters(sample, false);
            let majority = |c: LetterCounts| c.arabic * 2 > c.arabic + c.latin + c.other;
            assert_eq!(majority(count_letters(sample, true)), majority(full), "{sample}");
        }
    }

    #[test]
    fn the_tokenizer_counts_letters_as_count_letters_does() {
        let mut text: String = ('\u{0000}'..='\u{07FF}').collect();
        text.extend('\u{08A0}'..='\u{08FF}');
        text.push_str("\u{08A0}\u{08D4}\u{FB50}\u{FDFC}\u{FE8D}\u{0640}\u{0670}中文😀Ωé U.S. don't \r\n\r سُوريا ١٤٣٦هـ");
        let samples = [text.as_str(), "", "abc", "قال لافروف”ما يحدث، ١٠ تموز/يوليو.\r\nوأضاف (CNN)-- U.S. don't 1436هـ\rend"];
        for sample in samples {
            assert_eq!(toks(sample).letters, count_letters(sample, false), "{sample}");
        }
    }
}
