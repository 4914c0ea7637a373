#!/usr/bin/env python3
"""Generate data/morph/: word-class and clitic data for khabar (issue #15).

Sources (offline):
- Camel Morph MSA, ../shared/lexicons/camel-morph-msa/ (CC BY 4.0; CAMeL-Lab/camel_morph
  commit 3e9be7f30b4c545c0c09ad30e59cb09b4b8df8d3): verbs, adjectives, proper nouns,
  closed-class words, the verbal affix grammar and PostRegex.
- hunspell-ar 3.2-1.2 (Ayaspell; GPL-2+/LGPL-2.1+/MPL-1.1, used under MPL-1.1): nouns.
  Get it with
      apt-get update
      cd /tmp && apt-get download hunspell-ar && mkdir -p hunspell-ar && dpkg-deb -x hunspell-ar_*.deb hunspell-ar
  which gives /tmp/hunspell-ar/usr/share/hunspell/ar.{dic,aff}.

Run (from the repository root):
    python3 scripts/gen_morph.py [--camel DIR] [--hunspell DIR] [--out data/morph]
    python3 scripts/gen_morph.py --coverage ../shared/pool     # coverage report, writes nothing
Tests:
    python3 -m unittest discover -s scripts/tests      (or python3 -m pytest scripts/tests)

Output is sorted and deterministic; data/morph/README.md describes the files.
"""
import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from morph import camel, hunspell  # noqa: E402
from morph.hand import hand_words  # noqa: E402
from morph.clitics import ENCLITICS, PROCLITICS, STEM_RESTORE, Lexicon  # noqa: E402
from morph.text import bw2ar, fold, written  # noqa: E402,F401

ROOT = Path(__file__).resolve().parent.parent
# ../shared next to the main checkout (a worktree under wt/ looks two levels up)
CAMEL_DEFAULT = next((p / "shared" / "lexicons" / "camel-morph-msa" for p in (ROOT.parent, ROOT.parent.parent)
                      if (p / "shared" / "lexicons" / "camel-morph-msa").is_dir()),
                     ROOT.parent / "shared" / "lexicons" / "camel-morph-msa")
HUNSPELL_DEFAULT = Path("/tmp/hunspell-ar/usr/share/hunspell")
CAMEL_COMMIT = "3e9be7f30b4c545c0c09ad30e59cb09b4b8df8d3"
HUNSPELL_VERSION = "hunspell-ar 3.2-1.2 (Debian/Ubuntu package; Ayaspell project)"

CAMEL_CREDIT = [
    "Source: Camel Morph MSA (CAMeL Lab, NYU Abu Dhabi), CAMeL-Lab/camel_morph commit",
    f"  {CAMEL_COMMIT}, official_releases/.../camel_morph_msa/.",
    "Licence: CC BY 4.0. Attribution: Khairallah, Kahla, Habash et al., \"Camel Morph MSA: A",
    "  Large-Scale Open-Source Morphological Analyzer for Modern Standard Arabic\", LREC-COLING 2024.",
    "  Derived by scripts/gen_morph.py (forms generated from the sheets; spelling undiacritized).",
]
HUNSPELL_CREDIT = [
    f"Source: {HUNSPELL_VERSION}, ar.dic noun section + ar.aff suffix rules.",
    "Licence: MPL-1.1 (hunspell-ar is tri-licensed GPL-2+/LGPL-2.1+/MPL-1.1; this derived file is",
    "  distributed under MPL-1.1). Attribution: Ayaspell project, (c) 2006-2008 Mohamed Kebdani.",
    "  Derived by scripts/gen_morph.py.",
]

SPEECH_GLOSSES = {
    "say", "state", "add", "deny", "warn", "stress", "affirm", "announce", "explain", "point out",
    "note", "predict", "reveal", "confirm", "tell", "report", "declare", "assert", "emphasize",
    "indicate", "mention", "clarify", "comment", "reply", "respond", "answer", "express",
    "acknowledge", "admit", "claim", "allege", "threaten", "promise", "disclose", "underline",
    "inform", "notify", "assure", "demand", "call for", "urge", "caution", "forecast", "expect",
    "refute", "reject", "insist", "argue", "continue", "proclaim", "stipulate", "describe",
    "consider", "believe", "opine", "suggest", "ask", "wonder", "criticize", "write",
    "reiterate", "call", "denounce", "condemn", "praise", "commend", "recommend", "advise",
    "express clearly", "conclude", "think more likely", "quote",
}
# speech verbs whose Camel glosses do not say so (لفت "attract" in لفت إلى أن, نقل
# "transmit" in نقل عن, أقر "ratify", استدرك "amend"): compiled by hand for khabar.
SPEECH_LEMMAS_BY_HAND = ["لفت", "نقل", "أقر", "استدرك", "ردد", "اختتم"]
# aspectual/auxiliary verbs (كان وأخواتها, أفعال الشروع والمقاربة, مضى/راح/عاد):
# compiled by hand for khabar; matched to Camel lemmas by their written form.
AUX_LEMMAS = ["كان", "أصبح", "أضحى", "أمسى", "ظل", "بات", "صار", "ليس", "زال", "فتئ", "برح",
              "انفك", "دام", "مضى", "راح", "عاد", "أخذ", "طفق", "بدأ", "شرع", "جعل", "كاد",
              "أوشك", "عسى", "هب", "انبرى", "استمر", "واصل"]


def header(out, title, credit, columns, extra=()):
    lines = [f"# {title}"] + [f"# {c}" for c in credit] + [f"# {c}" for c in columns] + [f"# {c}" for c in extra]
    out.write("\n".join(lines) + "\n")


def endings_of(stem, forms):
    """The (strip, add) pairs that turn `stem` into each of `forms`."""
    out = set()
    for f in forms:
        k = 0
        while k < min(len(stem), len(f)) and stem[k] == f[k]:
            k += 1
        out.add((stem[k:], f[k:]))
    return frozenset(out)


def write_nominals(path, title, credit, stems):
    """stems: {stem: (classes, set of forms)} → an `endings` section (ending
    classes) and a `stems` section."""
    ending_sets = {}
    for stem, (_, forms) in stems.items():
        ending_sets[stem] = endings_of(stem, forms)
    counts = Counter(ending_sets.values())
    order = sorted(counts, key=lambda e: (-counts[e], sorted(e)))
    ids = {e: i for i, e in enumerate(order)}
    with open(path, "w", encoding="utf-8") as out:
        header(out, title, credit, [
            "Two sections. `endings`: class<TAB>strip<TAB>add, one row per ending of an ending class;",
            "  a form is stem minus `strip` at its end plus `add` (\"-\" = empty). Read back: for a",
            "  clitic-free word ending in `add`, the stem is word minus `add` plus `strip`.",
            "`stems`: stem<TAB>classes<TAB>endings. stem in natural spelling (hamza seats, ة, ى kept,",
            "  no diacritics); classes comma-separated; endings = the ending class of the stem.",
        ])
        out.write("# section: endings\n")
        for e in order:
            for strip, add in sorted(e):
                out.write(f"{ids[e]}\t{strip or '-'}\t{add or '-'}\n")
        out.write("# section: stems\n")
        for stem in sorted(stems):
            classes, _ = stems[stem]
            out.write(f"{stem}\t{','.join(sorted(classes))}\t{ids[ending_sets[stem]]}\n")


def verb_tables(verbs):
    """(stem rows, paradigm rows) from generate_verbs()."""
    paradigms, stem_rows = {}, []
    for (lemma_bw, asp, voice), (gloss, forms) in verbs.items():
        lemma = written(bw2ar(lemma_bw.split("-")[0]))
        stems = sorted({s for (_, s, _, _) in forms})
        slot = {s: i for i, s in enumerate(stems)}
        rows = []
        for (pre, s, suf, tag), hosts in forms.items():
            rows.append((slot[s], pre, suf, tag + ("+" if hosts == {True} else "")))
        merged = defaultdict(set)
        for sl, pre, suf, tag in rows:
            merged[(sl, pre, suf)].add(tag)
        key = tuple(sorted((sl, pre, suf, " ".join(sorted(t))) for (sl, pre, suf), t in merged.items()))
        paradigms.setdefault(key, None)
        for s in stems:
            stem_rows.append((s, asp, voice, key, slot[s], lemma, lemma_bw, gloss))
    order = sorted(paradigms)
    ids = {k: i for i, k in enumerate(order)}
    return ([(s, a, v, ids[k], sl, lem, lbw, g) for s, a, v, k, sl, lem, lbw, g in stem_rows],
            [(ids[k], k) for k in order])


def write_verbs(out_dir, verbs):
    stem_rows, paradigm_rows = verb_tables(verbs)
    with open(out_dir / "verb_stems.tsv", "w", encoding="utf-8") as out:
        header(out, "verb_stems.tsv — verb stems per aspect (p perfective, i imperfective, c imperative)",
               CAMEL_CREDIT, [
                   "Columns: stem<TAB>aspect<TAB>voice<TAB>paradigm<TAB>slot<TAB>lemma<TAB>lemma_id",
                   "  voice: a active, p passive (passive stems derived by the Passive-Patterns sheets);",
                   "  stem: the stem as written inside the word (undiacritized, natural spelling);",
                   "  paradigm/slot: rows of verb_paradigms.tsv with this paradigm and slot give the",
                   "  prefix+suffix frames this stem takes; lemma: perfective 3ms, undiacritized;",
                   "  lemma_id: Camel Morph's Buckwalter lemma (tells homographs apart).",
               ])
        seen = set()
        for s, a, v, pid, sl, lem, lbw, _ in sorted(stem_rows):
            if (s, a, v, pid, sl, lbw) in seen:
                continue
            seen.add((s, a, v, pid, sl, lbw))
            out.write(f"{s}\t{a}\t{v}\t{pid}\t{sl}\t{lem}\t{lbw}\n")
    with open(out_dir / "verb_paradigms.tsv", "w", encoding="utf-8") as out:
        header(out, "verb_paradigms.tsv — agreement frames of the verb paradigms", CAMEL_CREDIT, [
            "Columns: paradigm<TAB>slot<TAB>prefix<TAB>suffix<TAB>tags",
            "  a word (clitics removed) = prefix + stem(slot) + suffix; \"-\" = empty affix.",
            "  tags (space-separated): aspect p/i/c, person 1/2/3, gender m/f (absent when the form",
            "  does not show it), number s/d/p; e.g. p3ms, i3fs, i2d, c2mp. A trailing + marks a",
            "  frame that only occurs before an enclitic pronoun (قالو+ه, كتبتمو+ه).",
            "  Moods are merged (يقول indicative, يقل jussive both i3ms).",
        ])
        for pid, key in paradigm_rows:
            for sl, pre, suf, tags in key:
                out.write(f"{pid}\t{sl}\t{pre or '-'}\t{suf or '-'}\t{tags}\n")
    return stem_rows


def write_closed(out_dir, closed):
    with open(out_dir / "closed.tsv", "w", encoding="utf-8") as out:
        header(out, "closed.tsv — closed-class words (particles, pronouns, adverbs, ...)", CAMEL_CREDIT, [
            "Columns: form<TAB>classes",
            "  classes comma-separated from PREP CONJ SUB (subordinating conjunction) COMP (إن/أن and",
            "  sisters) NEG PRON ADV PART INTJ ABBR NOUN ADJ PROPN; a class with suffix +enc is a",
            "  form that is written this way before an enclitic pronoun (إلي+ه, علي+ه).",
        ])
        for w in sorted(closed):
            cls = sorted({p + ("+enc" if host else "") for p, host in closed[w]})
            out.write(f"{w}\t{','.join(cls)}\n")


def write_hand(out_dir):
    with open(out_dir / "particles_hand.tsv", "w", encoding="utf-8") as out:
        header(out, "particles_hand.tsv — prepositional/adverbial nouns, adverbs, particles, pronouns",
               ["Origin: compiled by hand for khabar (scripts/morph/hand.py) from standard MSA grammar:",
                "  the ظروف and prepositional nouns that Camel Morph keeps in its (unavailable) noun",
                "  lexicon. Licence: as khabar."], [
                   "Columns: form<TAB>classes (comma-separated, as in closed.tsv).",
               ])
        for w, cls in sorted(hand_words().items()):
            out.write(f"{w}\t{','.join(sorted(cls))}\n")


def write_clitics(out_dir):
    with open(out_dir / "clitics.tsv", "w", encoding="utf-8") as out:
        header(out, "clitics.tsv — clitic rules for splitting a written word",
               ["Origin: compiled by hand for khabar from the standard MSA clitic inventory (as in",
                "  Camel Morph's [CONJ]/[PREP]/[DET]/[PRON] classes). Licence: as khabar."], [
                   "Sections. `proclitics`: form<TAB>analysis (longest first; لل = ل + ال).",
                   "`enclitics`: form<TAB>person/gender/number of the pronoun.",
                   "`restore`: written<TAB>stem_final: before an enclitic, the stem's final letter",
                   "  `stem_final` may be written `written` (محاميت+ه → محامية; مستوا+ه → مستوى;",
                   "  لدي+ه → لدى).",
                   "Split: try proclitic × enclitic, keep splits whose stem is in the tables; after ال/لل",
                   "  only nominals; a stem keeps 2 letters or more, except ب ل ك carrying a pronoun",
                   "  (به، له، لي).",
               ])
        out.write("# section: proclitics\n")
        for p, c in PROCLITICS:
            out.write(f"{p}\t{c}\n")
        out.write("# section: enclitics\n")
        for e, c in ENCLITICS:
            out.write(f"{e}\t{c}\n")
        out.write("# section: restore\n")
        for a, b in STEM_RESTORE:
            out.write(f"{a}\t{b}\n")


def gloss_items(gloss):
    return {g.strip().replace("_", " ").lower() for g in gloss.split(";") if g.strip()}


def write_speech(out_dir, verbs, stem_rows):
    by_lemma = defaultdict(set)
    for s, a, v, pid, sl, lem, lbw, g in stem_rows:
        if v == "a":
            by_lemma[lbw].add((a, s, pid, sl))
    glosses = {lbw: g for (lbw, _, _), (g, _) in verbs.items()}
    rows = []
    for lbw, g in glosses.items():
        lemma = written(bw2ar(lbw.split("-")[0]))
        items = gloss_items(g)
        hits = sorted(items & SPEECH_GLOSSES)
        if not hits and lemma in SPEECH_LEMMAS_BY_HAND:
            hits = ["(by hand)"]
        if hits:
            rows.append(("speech", lemma, lbw, ",".join(hits)))
        if lemma in AUX_LEMMAS:
            rows.append(("aux", lemma, lbw, "-"))
    with open(out_dir / "speech_verbs.tsv", "w", encoding="utf-8") as out:
        header(out, "speech_verbs.tsv — verbs of saying/stating and aspectual/auxiliary verbs", CAMEL_CREDIT, [
            "Columns: kind<TAB>lemma<TAB>lemma_id<TAB>matched<TAB>stems",
            "  kind: speech (an English gloss of the lemma is a verb of saying: matched lists them;",
            "  \"(by hand)\" for a few lemmas listed by hand for khabar: لفت، نقل، أقر، استدرك …)",
            "  or aux (hand-listed aspectual verb: كان وأخواتها, مضى/راح/عاد/أخذ/ظل …).",
            "  stems: aspect:stem:paradigm:slot of the active stems, space-separated (see verb_stems.tsv).",
            "  Selection by gloss is broad on purpose (add, note, continue have other senses);",
            "  homographic lemmas are listed separately by lemma_id.",
        ])
        for kind, lemma, lbw, m in sorted(rows):
            stems = " ".join(f"{a}:{s}:{pid}:{sl}" for a, s, pid, sl in sorted(by_lemma[lbw]))
            out.write(f"{kind}\t{lemma}\t{lbw}\t{m}\t{stems}\n")


def build(camel_dir, hunspell_dir):
    verbs = camel.generate_verbs(camel_dir)
    postregex = camel.load_postregex(Path(camel_dir) / "PostRegex.csv")
    nominals = camel.load_nominals(camel_dir, postregex)
    closed = camel.load_closed(camel_dir, postregex)
    nouns = hunspell.noun_stems(hunspell_dir / "ar.dic", hunspell_dir / "ar.aff")
    return verbs, nominals, closed, nouns


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--camel", type=Path, default=CAMEL_DEFAULT)
    ap.add_argument("--hunspell", type=Path, default=HUNSPELL_DEFAULT)
    ap.add_argument("--out", type=Path, default=ROOT / "data" / "morph")
    ap.add_argument("--coverage", type=Path, help="report coverage over a folder of .txt articles")
    args = ap.parse_args()
    if args.coverage:
        from morph.coverage import report
        report(load_lexicon(args.out), args.coverage)
        return
    verbs, nominals, closed, nouns = build(args.camel, args.hunspell)
    args.out.mkdir(parents=True, exist_ok=True)
    stem_rows = write_verbs(args.out, verbs)
    write_nominals(args.out / "nominals.tsv", "nominals.tsv — adjectives, proper nouns, numbers (Camel Morph)",
                   CAMEL_CREDIT, nominals)
    write_nominals(args.out / "nouns_hunspell.tsv", "nouns_hunspell.tsv — noun/adjective stems (hunspell-ar)",
                   HUNSPELL_CREDIT, nouns)
    write_closed(args.out, closed)
    write_clitics(args.out)
    write_hand(args.out)
    write_speech(args.out, verbs, stem_rows)


def load_lexicon(data_dir):
    """Reads data/morph back into a written form → classes map (verbs
    expanded through their paradigms), as khabar would."""
    forms = defaultdict(set)
    sections = read_sections
    for name in ("nominals.tsv", "nouns_hunspell.tsv"):
        sec = sections(data_dir / name)
        endings = defaultdict(list)
        for cid, strip, add in sec["endings"]:
            endings[cid].append(("" if strip == "-" else strip, "" if add == "-" else add))
        for stem, classes, cid in sec["stems"]:
            for strip, add in endings[cid]:
                base = stem[: len(stem) - len(strip)] if strip else stem
                for c in classes.split(","):
                    forms[base + add].add(c)
    frames = defaultdict(list)
    for pid, sl, pre, suf, tags in sections(data_dir / "verb_paradigms.tsv")[""]:
        frames[(pid, sl)].append(("" if pre == "-" else pre, "" if suf == "-" else suf, tags))
    for stem, asp, voice, pid, sl, _, _ in sections(data_dir / "verb_stems.tsv")[""]:
        for pre, suf, tags in frames[(pid, sl)]:
            for t in tags.split():
                forms[pre + stem + suf].add("VERB." + t)
    for form, classes in sections(data_dir / "closed.tsv")[""] + sections(data_dir / "particles_hand.tsv")[""]:
        for c in classes.split(","):
            forms[form].add(c.replace("+enc", "+"))
    return Lexicon(forms)


def read_sections(path):
    out, name = defaultdict(list), ""
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            m = re.match(r"# section: (\w+)", line)
            if m:
                name = m.group(1)
            elif line and not line.startswith("#"):
                out[name].append(line.split("\t"))
    return out


if __name__ == "__main__":
    main()
