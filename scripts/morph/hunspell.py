"""hunspell-ar (Ayaspell) → clitic-free noun forms.

ar.dic is four files joined, each introduced by a `::::` banner and its
name: stopwords.dic (particle forms with their clitics spelled out),
tools.dic (particles with flags), names.dic (despite the name: the noun
and adjective stems, "###أسماء"), verb.huns.dic (verb forms). ar.aff uses
two-letter flags (`FLAG long`) and numbered flag sets (`AF`).

We expand the noun section with the first level of suffix rules only (the
number/gender endings: ة ان ين ون ات تان ...); the continuation classes
(clitics) are left to khabar's clitic rules, and outputs whose added
ending is an enclitic pronoun (ه ها هم كم نا ...) are dropped, since khabar
strips those by rule.
"""
import re
from collections import defaultdict

from .text import is_arabic_word, written

PRONOUN_ENDINGS = ("ه", "ها", "هما", "هم", "هن", "ك", "كما", "كم", "كن", "ني", "نا")


def parse_aff(path):
    """(flag sets by AF number, {flag: [(strip, add, condition regex)]})
    for the SFX rules."""
    aliases, sfx = [], defaultdict(list)
    with open(path, encoding="utf-8") as f:
        for line in f:
            p = line.split()
            if len(p) >= 2 and p[0] == "AF" and not p[1].isdigit():
                aliases.append(p[1])
            elif len(p) >= 5 and p[0] == "SFX":
                strip = "" if p[2] == "0" else p[2]
                add = p[3].split("/")[0]
                add = "" if add == "0" else add
                cond = "." if p[4] == "." else p[4]
                sfx[p[1]].append((strip, add, re.compile("(?:" + cond + ")$")))
    return aliases, sfx


def dic_sections(path):
    """{section file name: [(word, flags alias number or None)]}"""
    sections, name, banner = defaultdict(list), None, False
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("::::"):
                banner = not banner
                continue
            if banner:
                name = line.strip()
                continue
            word = line.split("\t")[0].strip()
            if not word or name is None:
                continue
            w, _, fl = word.partition("/")
            sections[name].append((w, int(fl) if fl.isdigit() else None))
    return sections


def expand(word, flags, sfx):
    """The word and its first-level suffixed forms, pronoun endings left out."""
    out = {word}
    for i in range(0, len(flags), 2):
        for strip, add, cond in sfx.get(flags[i:i + 2], ()):
            if strip and not word.endswith(strip):
                continue
            if not cond.search(word):
                continue
            plain = written(add)
            if plain.endswith(PRONOUN_ENDINGS):
                continue
            out.add(word[: len(word) - len(strip)] + add)
    return {written(w) for w in out}


def noun_stems(dic_path, aff_path):
    """{written stem: ({"NOUN"}, written clitic-free forms)} of hunspell-ar's
    noun section (its nouns and adjectives are not told apart)."""
    aliases, sfx = parse_aff(aff_path)
    sections = dic_sections(dic_path)
    out = {}
    for w, alias in sections.get("names.dic", []):
        stem = written(w)
        if not is_arabic_word(stem):
            continue
        flags = aliases[alias - 1] if alias else ""
        _, forms = out.setdefault(stem, ({"NOUN"}, set()))
        forms |= {f for f in expand(w, flags, sfx) if is_arabic_word(f)}
    return out


def verb_forms(dic_path):
    """hunspell-ar's verb section as listed (already inflected forms)."""
    sections = dic_sections(dic_path)
    return {written(w) for w, _ in sections.get("verb.huns.dic", []) if is_arabic_word(written(w))}
