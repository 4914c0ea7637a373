"""Coverage of the generated data over a folder of articles: the share of
Arabic word tokens that split (by the clitic rules) into a known stem, and
the most frequent unknown words. Prints figures only (no article text)."""
import re
from collections import Counter
from pathlib import Path

from .text import fold, written

WORD = re.compile("[\u0621-\u064a\u0640\u064b-\u065f\u0670]+")
TOP = 30
ARTICLE = re.compile("^(?:[وف]?(?:ب?ال|لل))(?=...)")


def classify(lexicon, w):
    """'whole' (the word itself is known), 'split' (known after removing
    clitics), or '' (unknown); folded lookup, as khabar's keys are folded."""
    analyses = lexicon.analyse(w, folded=True)
    if any(not p and not e for p, _, e, _ in analyses):
        return "whole"
    return "split" if analyses else ""


def report(lexicon, folder):
    counts = Counter()
    unknown = Counter()
    written_known = 0
    cache, wcache = {}, {}
    for path in sorted(Path(folder).glob("*.txt")):
        for m in WORD.finditer(path.read_text(encoding="utf-8", errors="replace")):
            w = written(m.group(0))
            if len(w) < 2:
                continue
            if w not in cache:
                cache[w] = classify(lexicon, w)
                wcache[w] = bool(lexicon.analyse(w))
            counts[cache[w] or "unknown"] += 1
            written_known += wcache[w]
            if not cache[w]:
                # unknown stems: the article and what precedes it removed
                unknown[ARTICLE.sub("", fold(w))] += 1
    total = sum(counts.values())
    known = counts["whole"] + counts["split"]
    print(f"tokens {total}  known {known}  share {known / max(total, 1):.4f}"
          f"  (whole word {counts['whole'] / max(total, 1):.4f}, after clitic split"
          f" {counts['split'] / max(total, 1):.4f})")
    print(f"known by written (unfolded) spelling: {written_known / max(total, 1):.4f}")
    print(f"distinct unknown stems {len(unknown)}, their tokens {sum(unknown.values())}")
    for w, n in unknown.most_common(TOP):
        print(f"{n}\t{w}")
