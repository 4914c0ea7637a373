"""Checks the data against a UD Arabic treebank (e.g. UD_Arabic-PUD,
ar_pud-ud-test.conllu, CC BY-SA 3.0; not stored in the repository):
- per syntactic word (UD splits clitics off): is the gold UPOS among our
  classes for the written word, and for verbs, the gold aspect+person+
  gender+number among our tags;
- per surface word (tokens joined where SpaceAfter=No): is the gold clitic
  split among the splitter's candidates with a known stem.
Run: python3 -c "import sys; sys.path.insert(0,'scripts'); import gen_morph;
     from morph.ud_check import check; check(gen_morph.load_lexicon(gen_morph.ROOT/'data/morph'), FILE)"
"""
import itertools
from collections import Counter

from .clitics import ENCLITICS, PROCLITICS
from .text import written

CLITIC_TOKENS = {e for e, _ in ENCLITICS} | {p for p, _ in PROCLITICS if len(p) == 1}

UPOS_OK = {
    "VERB": ("VERB",), "AUX": ("VERB",), "NOUN": ("NOUN", "ADJ", "NUM"), "ADJ": ("ADJ", "NOUN"),
    "PROPN": ("PROPN", "NOUN", "ADJ"), "ADP": ("PREP", "SUB", "COMP"), "CCONJ": ("CONJ",), "SCONJ": ("SUB", "COMP"),
    "PART": ("NEG", "PART", "COMP", "SUB"), "PRON": ("PRON",), "DET": ("PRON", "NOUN", "PART"),
    "ADV": ("ADV", "NOUN"), "NUM": ("NUM", "NOUN", "ADJ"), "INTJ": ("INTJ",),
}
ASPECT = {"Perf": "p", "Imp": "i"}


def verb_tag(feats):
    f = dict(kv.split("=", 1) for kv in feats.split("|") if "=" in kv)
    if f.get("Mood") == "Imp":
        asp = "c"
    else:
        asp = ASPECT.get(f.get("Aspect"), "?")
    gen = {"Masc": "m", "Fem": "f"}.get(f.get("Gender"), "")
    num = {"Sing": "s", "Dual": "d", "Plur": "p"}.get(f.get("Number"), "")
    if num == "d":
        gen = gen if asp == "p" and f.get("Person") == "3" else ""
    return f"{asp}{f.get('Person', '')}{gen}{num}"


def cuts(pro, enc, length):
    """Cut positions of a split, the article counted with its noun (as UD
    writes it: ب+الوقت); لل = ل + ال."""
    out = set()
    if pro.endswith("لل"):
        pro = pro[:-1]
    elif pro.endswith("ال"):
        pro = pro[:-2]
    if pro:
        out.add(len(pro))
    if enc:
        out.add(length - len(enc))
    return out


def sentences(path):
    sent = []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line:
            if sent:
                yield sent
            sent = []
        elif not line.startswith("#"):
            cols = line.split("\t")
            if cols[0].isdigit():
                sent.append(cols)
    if sent:
        yield sent


def check(lexicon, path):
    c = Counter()
    misses, split_misses = Counter(), Counter()
    for sent in sentences(path):
        word = []
        for cols in sent:
            form, upos, feats, misc = written(cols[1]), cols[3], cols[5], cols[9]
            if upos in UPOS_OK and form and "\u0621" <= form[0] <= "\u064a" and form not in CLITIC_TOKENS:
                # UD keeps the article on the word: allow an ال split
                cls = {x for p, _, e, k in lexicon.analyse(form, folded=True) if p in ("", "ال") and not e
                       for x in k}
                ok = any(x.split(".")[0] in UPOS_OK[upos] for x in cls)
                c["words"] += 1
                c["pos_ok"] += ok
                if not ok:
                    misses[(upos, form)] += 1
                if upos == "VERB" and ok:
                    c["verbs"] += 1
                    c["pgn_ok"] += ("VERB." + verb_tag(feats)) in {x.rstrip("+") for x in cls}
            word.append(form)
            if "SpaceAfter=No" in misc and cols is not sent[-1] and sent[sent.index(cols) + 1][3] != "PUNCT" \
                    and upos != "PUNCT":
                continue
            if len(word) > 1:
                c["split_words"] += 1
                whole = "".join(word)
                gold = set(itertools.accumulate(len(t) for t in word[:-1]))
                found = {frozenset(cuts(p, e, len(whole))) for p, _, e, _ in lexicon.analyse(whole, folded=True)}
                ok = frozenset(gold) in found
                c["split_ok"] += ok
                if not ok:
                    split_misses["+".join(word)] += 1
            word = []
    print(f"syntactic words {c['words']}: gold UPOS among our classes {c['pos_ok'] / c['words']:.3f}")
    print(f"verbs found {c['verbs']}: gold aspect+person+gender+number among our tags"
          f" {c['pgn_ok'] / max(c['verbs'], 1):.3f}")
    print(f"surface words with clitics {c['split_words']}: a split with the gold stem found"
          f" {c['split_ok'] / max(c['split_words'], 1):.3f}")
    print("most frequent misses:", ", ".join(f"{u}:{w}:{n}" for (u, w), n in misses.most_common(25)))
    print("most frequent split misses:", ", ".join(f"{w}:{n}" for w, n in split_misses.most_common(25)))
