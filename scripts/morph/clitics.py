"""Clitic rules (written forms) and a reference splitter that uses the
generated tables the way khabar is meant to: strip proclitics and an
enclitic pronoun by rule, look the rest up.
"""
from .text import fold, written

# proclitic chains, longest first: conjunction (و ف), then preposition/future
# particle (ب ل ك س), then the article (ال); لل is ل + ال with the alef dropped.
PROCLITICS = [
    ("وبال", "CONJ+PREP+DET"), ("فبال", "CONJ+PREP+DET"), ("وكال", "CONJ+PREP+DET"),
    ("فكال", "CONJ+PREP+DET"), ("وال", "CONJ+DET"), ("فال", "CONJ+DET"),
    ("بال", "PREP+DET"), ("كال", "PREP+DET"), ("ولل", "CONJ+PREP+DET"), ("فلل", "CONJ+PREP+DET"),
    ("لل", "PREP+DET"), ("ال", "DET"), ("وب", "CONJ+PREP"), ("فب", "CONJ+PREP"),
    ("ول", "CONJ+PREP"), ("فل", "CONJ+PREP"), ("وك", "CONJ+PREP"), ("فك", "CONJ+PREP"),
    ("وس", "CONJ+FUT"), ("فس", "CONJ+FUT"), ("و", "CONJ"), ("ف", "CONJ"), ("ب", "PREP"),
    ("ل", "PREP"), ("ك", "PREP"), ("س", "FUT"),
]
ENCLITICS = [
    ("هما", "3d"), ("كما", "2d"), ("هم", "3mp"), ("هن", "3fp"), ("كم", "2mp"), ("كن", "2fp"),
    ("ها", "3fs"), ("نا", "1p"), ("ني", "1s"), ("ه", "3ms"), ("ك", "2s"), ("ي", "1s"),
]
# spelling of a stem before an enclitic: ة is written ت (محاميته), final
# ى is written ا (مستواه) or, in على/لدى/إلى, ي (لديه), final hamza sits on
# ئ or ؤ (أعدائه، ارتداؤه); the lookup restores them.
STEM_RESTORE = [("ت", "ة"), ("ا", "ى"), ("ي", "ى"), ("ئ", "ء"), ("ؤ", "ء")]
MIN_STEM = 2
# one-letter prepositions that carry a pronoun by themselves (به، له، لي، بك)
ONE_LETTER_HOSTS = ("ب", "ل", "ك")


def candidates(word):
    """(proclitic, stem, enclitic) splits of a written word, whole word first."""
    out = [("", word, "")]
    pros = [("", "")] + [(p, c) for p, c in PROCLITICS if word.startswith(p)]
    for p, _ in pros:
        rest = word[len(p):]
        encs = [("", "")] + [(e, c) for e, c in ENCLITICS if rest.endswith(e)]
        for e, _ in encs:
            stem = rest[: len(rest) - len(e)] if e else rest
            if not p and not e:
                continue
            if len(stem) < MIN_STEM and not (e and stem in ONE_LETTER_HOSTS):
                continue
            out.append((p, stem, e))
            if e:
                for a, b in STEM_RESTORE:
                    if stem.endswith(a):
                        out.append((p, stem[: -len(a)] + b, e))
    return out


NOMINAL = ("NOUN", "ADJ", "PROPN", "NUM")


class Lexicon:
    """Lookups over the generated data (for tests and coverage): by written
    form (the letters decide: محامية/محاميه, على/علي) or by folded key."""

    def __init__(self, forms):
        self.written = forms  # written clitic-free form → set of classes
        self.folded = {}
        for w, cls in forms.items():
            self.folded.setdefault(fold(w), set()).update(cls)

    def classes(self, stem, folded=False):
        if folded:
            return set(self.folded.get(fold(stem), ()))
        return set(self.written.get(stem, ()))

    def analyse(self, word, folded=False):
        """[(proclitic, stem, enclitic, classes)] for the splits whose stem is
        known; diacritics and tatweel are dropped first (ردّ is رد)."""
        res = []
        for p, stem, e in candidates(written(word)):
            cls = allowed(p, e, self.classes(stem, folded))
            if cls:
                res.append((p, stem, e, cls))
        return res


def allowed(pro, enc, cls):
    """The classes a stem keeps between these clitics: after the article
    only nominals; after س only imperfective verbs; after ب ك only
    non-verbs; after ل non-verbs or an imperfective verb (li-subjunctive).
    A class ending in + (a host form: علي+ه, قالو+ه) needs an enclitic."""
    if enc:
        cls = {c.rstrip("+") for c in cls}
    else:
        cls = {c for c in cls if not c.endswith("+")}
    if pro.endswith(("ال", "لل")):
        return {c for c in cls if c in NOMINAL}
    if pro.endswith("س"):
        return {c for c in cls if c.startswith("VERB.i")}
    if pro.endswith(("ب", "ك")):
        return {c for c in cls if not c.startswith("VERB")}
    if pro.endswith("ل"):
        return {c for c in cls if not c.startswith("VERB") or c.startswith("VERB.i")}
    if enc == "ي":
        return {c for c in cls if not c.startswith("VERB")}
    return cls
