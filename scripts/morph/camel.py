"""Camel Morph MSA sheets → surface forms.

A small generator in the manner of CAMeL's db_maker (our own code, written
from the format the sheets document):
- every morpheme (MORPH row or lexicon stem) has COND-S (conditions it
  sets), COND-T (a conjunction of terms, each term a disjunction `a||b`,
  `!x` a negation, `else` the complement of its siblings) and COND-F
  (conditions that must not be set);
- `else` and each condition's implicit "default else" are turned into
  COND-F per morpheme (CLASS, FUNC), column by column, siblings being the
  rows whose terms to the left are the same (`derive_cond_f`);
- a word (prefix + stem + buffers + suffix + enclitic) is valid when every
  COND-T term of every morpheme is met by the union of all COND-S, and no
  COND-F condition is in that union (`compatible`).
"""
import csv
import itertools
import re
from collections import defaultdict
from pathlib import Path

from .text import apply_postregex, bw2ar, written


def read_rows(path, define=None):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return [r for r in rows if define is None or (r.get("DEFINE") or "").strip() == define]


def terms(cond):
    cond = (cond or "").strip()
    return [t for t in cond.split() if t and t != "_"] if cond else []


class Morpheme:
    __slots__ = ("cls", "func", "form", "feat", "cond_s", "cond_t", "cond_f", "raw_t")

    def __init__(self, cls, func, form, feat, cond_s, cond_t):
        self.cls, self.func, self.form, self.feat = cls, func, form, feat
        self.cond_s = frozenset(terms(cond_s.replace("[", "").replace("]", "")))
        self.raw_t = (cond_t or "").split()
        self.cond_t = ()
        self.cond_f = ()

    def finish(self, extra_f):
        """Moves negated terms to COND-F and drops `else` markers."""
        t, f = [], list(extra_f)
        for term in self.raw_t:
            if term in ("", "_", "else"):
                continue
            if term.startswith("!"):
                f.append(term[1:])
            else:
                t.append(term)
        self.cond_t = tuple(t)
        self.cond_f = tuple(sorted({d for term in f for d in term.split("||") if d not in ("", "_", "else")}))


def derive_cond_f(rows):
    """COND-F for the allomorphs of one morpheme (rows sharing CLASS and
    FUNC): per column of COND-T, the other conditions of the rows whose
    columns to the left are identical (the `else` of a row takes all of
    them; a plain condition takes all but itself)."""
    extra = [[] for _ in rows]
    table = [[("" if c == "_" else c) for c in r.raw_t] for r in rows]
    width = max((len(t) for t in table), default=0)
    for col in range(width):
        groups = defaultdict(list)
        for i, t in enumerate(table):
            if col < len(t):
                groups[tuple(t[:col])].append(i)
        for members in groups.values():
            siblings = {table[i][col] for i in members} - {"", "else"}
            for i in members:
                entry = table[i][col]
                if entry == "":
                    extra[i].extend(siblings - {""})
                elif entry == "else":
                    extra[i].extend(siblings)
                else:
                    extra[i].extend(siblings - {entry})
    for r, e in zip(rows, extra):
        r.finish(e)


def load_morph(path):
    """MORPH rows grouped by CLASS, with COND-F derived."""
    by_class = defaultdict(list)
    groups = defaultdict(list)
    for r in read_rows(path, "MORPH"):
        form = (r["FORM"] or "").strip()
        m = Morpheme(r["CLASS"].strip(), (r["FUNC"] or "").strip(), "" if form == "_" else form,
                     (r["FEAT"] or "").strip(), r["COND-S"] or "", r["COND-T"] or "")
        by_class[m.cls].append(m)
        if m.func and m.func != "_":
            groups[(m.cls, m.func)].append(m)
        else:
            m.finish([])
    for members in groups.values():
        derive_cond_f(members)
    return by_class


def compatible(morphemes):
    cond_s = set()
    for m in morphemes:
        cond_s |= m.cond_s
    for m in morphemes:
        for t in m.cond_t:
            if not any(d in cond_s for d in t.split("||")):
                return False
        if any(f in cond_s for f in m.cond_f):
            return False
    return True


def load_postregex(path):
    rules = []
    for r in read_rows(path, "POSTREGEX"):
        if r["VARIANT"].strip() == "MSA":
            rules.append((int(r["ORDER"]), r["MATCH"], r["REPLACE"].replace("$", "\\")))
    return [(m, rep) for _, m, rep in sorted(rules)]


# --- verbs -------------------------------------------------------------------

ASPECTS = {"PV": "p", "IV": "i", "CV": "c"}
# ORDER lines we generate: clitic classes (question, conjunction, verbal
# particles, second object pronoun) are left to khabar's clitic rules.
SKIP_CLASSES = {"[QUES]", "[CONJ]", "[VPART.P]", "[VPART.I]", "[VPART.S]", "[VPART.J]",
                "[VPART.E]", "[PRON2]"}
SKIP_ORDERS = ("IV ENER", "IV XENER")
PRON_HOST = "hu/PRON.3MS"  # the enclitic used to find the host forms (كتبوه)


def feats(feat_str):
    return dict(kv.split(":", 1) for kv in feat_str.split() if ":" in kv)


def agreement_tag(f):
    """`p3ms`, `i2d`, `c2fp`: aspect, person, gender (omitted when
    unmarked), number."""
    gen = f.get("gen", "u")
    return f"{f.get('asp', '?')}{f.get('per', '')}{'' if gen == 'u' else gen}{f.get('num', '')}"


TRANSITIVITY = {"trans", "intrans", "ditrans"}


def _cond_key(cond):
    return " ".join(sorted(t for t in (cond or "").split() if t not in TRANSITIVITY))


def passive_form(row, patterns):
    """The passive stem of a lexicon row and its (COND-T, COND-S), from the
    Passive-Patterns sheet: a pattern row applies when its PATTERN is the
    stem's abstract pattern or its lemma pattern (hollow verbs mark the weak
    radical: 1aA3 → 1aAo3), its COND-T/COND-S equal the stem's (transitivity
    aside) and its MATCH regex matches the whole FORM."""
    lemma_pattern = row["PATTERN_LEMMA"].split("-")[0]
    keys = [row["PATTERN_ABSTRACT"], lemma_pattern, re.sub(r"aA([0-9>])", r"aAo\1", lemma_pattern)]
    for key in keys:
        for p in patterns.get(key, ()):
            if (_cond_key(p["COND-T"]) == _cond_key(row["COND-T"])
                    and _cond_key(p["COND-S"]) == _cond_key(row["COND-S"])
                    and re.fullmatch(p["MATCH"], row["FORM"])):
                form = re.sub(p["MATCH"], p["SUB"].replace("$", "\\"), row["FORM"])
                trans = " ".join(t for t in (row["COND-S"] or "").split() if t in TRANSITIVITY)
                return form, p["COND-T-PASS"] or "", f"{p['COND-S-PASS'] or ''} {trans}".strip()
    return None


def load_verb_lexicon(sheet_dir):
    """[(aspect, voice, lemma, gloss, stem Morpheme)]: the lexicon's active
    stems and the passive stems the Passive-Patterns sheets derive (PV, IV)."""
    stems = []
    for asp in ASPECTS:
        patterns = defaultdict(list)
        pass_sheet = Path(sheet_dir) / f"MSA-Verb-{asp}-Passive-Patterns.csv"
        if pass_sheet.exists():
            for p in read_rows(pass_sheet):
                if p["PATTERN"] and p["PATTERN"] != "PATTERN" and p["MATCH"]:
                    patterns[p["PATTERN"]].append(p)
        for r in read_rows(Path(sheet_dir) / f"MSA-Verb-LEX-{asp}.csv", "LEXICON"):
            form = (r["FORM"] or "").strip()
            if not form or form == "DROP":
                continue
            m = Morpheme(f"[STEM-{asp}]", "STEM", form, r["FEAT"].strip(), r["COND-S"] or "", r["COND-T"] or "")
            m.finish([])
            stems.append((asp, "a", r["LEMMA"].strip(), r["GLOSS"].strip(), m))
            passive = passive_form(r, patterns) if patterns else None
            if passive:
                pform, ct, cs = passive
                pm = Morpheme(f"[STEM-{asp}]", "STEM", pform, r["FEAT"].strip().replace("vox:a", "vox:p"), cs, ct)
                pm.finish([])
                stems.append((asp, "p", r["LEMMA"].strip(), r["GLOSS"].strip(), pm))
    return stems


def order_lines(path):
    out = []
    for r in read_rows(path, "ORDER"):
        if any(r["EXCLUDE"].startswith(s) for s in SKIP_ORDERS) or "CVSuff." in r["SUFFIX"]:
            continue
        slots = [c for part in ("PREFIX", "STEM", "SUFFIX") for c in r[part].split()]
        out.append((r["EXCLUDE"].split()[0], [c for c in slots if c not in SKIP_CLASSES]))
    return out


def stem_key(stem):
    return (stem.cls, stem.cond_s, stem.cond_t, stem.cond_f)


def verb_templates(stem, slots, morph):
    """The affix frames one stem class allows on one ORDER line:
    (prefix, pre-stem buffer, post-stem buffer, suffix, tag, host), all in
    Buckwalter; `host` is True for a frame followed by an enclitic pronoun
    (its form may differ: قالوا / قالو+ه)."""
    choices = []
    for cls in slots:
        if cls.startswith("[STEM-"):
            choices.append([stem])
        elif cls == "[PRON.V]":
            choices.append([m for m in morph[cls] if m.func in ("_", "", PRON_HOST)])
        else:
            choices.append(morph[cls])
    out = set()
    for combo in itertools.product(*choices):
        if not compatible(combo):
            continue
        pre, before, after, suf, f, host = "", "", "", "", {}, False
        seen_stem = False
        for cls, m in zip(slots, combo):
            f.update(feats(m.feat))
            if cls.startswith("[STEM-"):
                seen_stem = True
            elif cls == "[PRON.V]":
                host = bool(m.form)
            elif cls.startswith("[IVPref"):
                pre += m.form
            elif "Buff" in cls:
                if seen_stem:
                    after += m.form
                else:
                    before += m.form
            else:
                suf += m.form
        out.add((pre, before, after, suf, agreement_tag(f), host))
    return out


def generate_verbs(sheet_dir):
    """{(lemma, aspect, voice): (gloss, {(prefix, stem, suffix, tag): hosts})}
    in written Arabic; `hosts` is the set of host flags seen."""
    sheet_dir = Path(sheet_dir)
    morph = load_morph(sheet_dir / "MSA-Verb-MORPH.csv")
    postregex = load_postregex(sheet_dir / "PostRegex.csv")
    orders = order_lines(sheet_dir / "MSA-Verb-ORDER.csv")
    cache = {}
    result = {}

    def surface(bw):
        return written(bw2ar(apply_postregex(bw, postregex)))

    for asp, voice, lemma, gloss, stem in load_verb_lexicon(sheet_dir):
        key = stem_key(stem)
        if key not in cache:
            frames = set()
            for name, slots in orders:
                if name == asp:
                    frames |= verb_templates(stem, slots, morph)
            cache[key] = sorted(frames)
        entry = result.setdefault((lemma, ASPECTS[asp], voice), (gloss, {}))
        for pre, before, after, suf, tag, host in cache[key]:
            form = (surface(pre), surface(before + stem.form + after), surface(suf), tag)
            entry[1].setdefault(form, set()).add(host)
    return result


# --- nominals and closed-class words ----------------------------------------

# Regular nominal endings by the gender/number slots a stem's COND-T allows.
NOMINAL_ENDINGS = {
    "MS": [""], "MD": ["ان", "ين"], "MP": ["ون", "ين"],
    "FS": ["ة"], "FD": ["تان", "تين"], "FP": ["ات"],
}


def nominal_forms(stem_ar, cond_t, broken_plural):
    """Inflected (clitic-free) forms of an adjective/noun stem: the stem
    with the regular endings its COND-T allows; a stem that is itself a
    broken plural or feminine (ends in ة) takes only its own form."""
    slots = {d for t in terms(cond_t) for d in t.split("||")} & set(NOMINAL_ENDINGS)
    out = {stem_ar}
    if broken_plural:
        return out
    base = stem_ar[:-1] if stem_ar.endswith("ة") else stem_ar
    for s in slots:
        for e in NOMINAL_ENDINGS[s]:
            if stem_ar.endswith("ة") and s.startswith("M"):
                continue
            out.add(base + e)
    return out


def load_nominals(sheet_dir, postregex):
    """{written stem: (set of classes, set of forms)} from adjectives, proper
    nouns and number/quantity nouns."""
    sheet_dir = Path(sheet_dir)
    out = {}
    sheets = [("MSA-Adj-LEX.csv", "ADJ"), ("MSA-Adj-Comp-LEX.csv", "ADJ"), ("MSA-Adj-Num-LEX.csv", "ADJ"),
              ("MSA-Noun-Num-LEX.csv", "NUM"), ("MSA-Noun-Quant-LEX.csv", "NOUN"),
              ("MSA-Noun-Prop-LEX.csv", "PROPN")]
    for name, cls in sheets:
        for r in read_rows(sheet_dir / name, "LEXICON"):
            form = (r["FORM"] or "").strip()
            if not form or form == "DROP":
                continue
            stem = written(bw2ar(apply_postregex(form, postregex)))
            f = feats(r.get("FEAT", ""))
            broken = f.get("num") == "p" or cls == "PROPN"
            classes, forms = out.setdefault(stem, (set(), set()))
            classes.add(cls)
            forms |= nominal_forms(stem, r["COND-T"], broken)
    return out


CLOSED_POS = {
    "prep": "PREP", "conj": "CONJ", "conj_sub": "SUB", "verb_pseudo": "COMP",
    "part_neg": "NEG", "pron": "PRON", "pron_dem": "PRON", "pron_rel": "PRON",
    "pron_interrog": "PRON", "pron_exclam": "PRON", "adv": "ADV", "adv_rel": "ADV",
    "adv_interrog": "ADV", "noun": "NOUN", "noun_quant": "NOUN", "noun_prop": "PROPN",
    "adj": "ADJ", "abbrev": "ABBR", "interj": "INTJ", "verb_nom": "INTJ",
    "part": "PART", "part_voc": "PART", "part_restrict": "PART", "part_interrog": "PART",
    "part_det": "PART", "part_verb": "PART", "part_fut": "PART", "part_focus": "PART",
    "part_connect": "CONJ",
}


def load_closed(sheet_dir, postregex):
    """{written form: {(class, takes_enclitic)}} from MSA-Other-LEX; forms
    that are a clitic compound in CAMeL's segmentation (لأن = li+ >an~a,
    هاأنت) are kept whole; `takes_enclitic` marks pronoun hosts (إلي+ه)."""
    out = defaultdict(set)
    for r in read_rows(Path(sheet_dir) / "MSA-Other-LEX.csv", "LEXICON"):
        form = (r["FORM"] or "").strip()
        if not form:
            continue
        w = written(bw2ar(apply_postregex(form, postregex)))
        pos = CLOSED_POS.get(r["POS"].strip(), "PART")
        host = "enc0" in (r["COND-T"] or "")
        out[w].add((pos, host))
    return out
