"""Spelling helpers: Buckwalter to Arabic, written forms, khabar's folding.

`fold` applies the same rules as src/tokenizer/fold.rs (diacritics, Qur'anic
marks, superscript alef, tatweel and zero-width marks dropped; أ إ آ ٱ → ا;
ؤ → و; ئ → ي; ى ی → ي; ة → ه; ک → ك; Arabic-Indic digits → ASCII; ASCII
lower-cased). `written` is the natural undiacritized spelling that the data
files store (hamza seats, ة and ى kept), so that khabar can look words up
on the written form where folding merges two words (محامية/محاميه).
"""
import re

# Buckwalter (the XML-unsafe variant CAMeL's sheets use: > < & } { | ' $ *)
BW2AR = {
    "'": "ء", "|": "آ", ">": "أ", "&": "ؤ", "<": "إ", "}": "ئ", "A": "ا",
    "b": "ب", "p": "ة", "t": "ت", "v": "ث", "j": "ج", "H": "ح", "x": "خ",
    "d": "د", "*": "ذ", "r": "ر", "z": "ز", "s": "س", "$": "ش", "S": "ص",
    "D": "ض", "T": "ط", "Z": "ظ", "E": "ع", "g": "غ", "_": "ـ", "f": "ف",
    "q": "ق", "k": "ك", "l": "ل", "m": "م", "n": "ن", "h": "ه", "w": "و",
    "Y": "ى", "y": "ي", "F": "ً", "N": "ٌ", "K": "ٍ", "a": "َ", "u": "ُ",
    "i": "ِ", "~": "ّ", "o": "ْ", "`": "ٰ", "{": "ٱ", "P": "پ", "J": "چ",
    "V": "ڤ", "G": "گ",
}

DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200b-\u200f\ufeff]")
FOLD_MAP = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ؤ": "و", "ئ": "ي", "ى": "ي",
    "ی": "ي", "ة": "ه", "ک": "ك",
    **{chr(0x660 + i): str(i) for i in range(10)},
    **{chr(0x6F0 + i): str(i) for i in range(10)},
})
ARABIC_LETTERS = re.compile("^[\u0621-\u064a]+$")


def bw2ar(s):
    """Buckwalter to Arabic script, one character at a time; markers that
    are not letters (# @ used by the sheets' rewrite rules) are dropped."""
    return "".join(BW2AR.get(c, "") if c not in "#@%" else "" for c in s)


def apply_postregex(bw, rules):
    """Applies CAMeL's PostRegex rules (MATCH → REPLACE, in ORDER) to a
    diacritized Buckwalter string."""
    for match, replace in rules:
        bw = re.sub(match, replace, bw)
    return bw


def written(ar):
    """The natural undiacritized spelling: diacritics and tatweel dropped,
    alef wasla written as plain alef."""
    return DIACRITICS.sub("", ar).replace("ٱ", "ا")


def fold(word):
    """khabar's matching key (src/tokenizer/fold.rs)."""
    return "".join(c.lower() if c.isascii() else c for c in DIACRITICS.sub("", word).translate(FOLD_MAP))


def is_arabic_word(w):
    return bool(ARABIC_LETTERS.match(w))
