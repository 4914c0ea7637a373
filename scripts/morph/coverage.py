"""Coverage of the generated data over a folder of articles: the share of
Arabic word tokens that split (by the clitic rules) into a known stem, and
the most frequent unknown words. Prints figures only (no article text)."""
import re
from collections import Counter
from pathlib import Path

from .text import fold, written

WORD = re.compile("[\u0621-\u064a\u0640\u064b-\u065f\u0670]+")
TOP = 30


def report(lexicon, folder):
    total = known = 0
    unknown = Counter()
    cache = {}
    for path in sorted(Path(folder).glob("*.txt")):
        for m in WORD.finditer(path.read_text(encoding="utf-8", errors="replace")):
            w = written(m.group(0))
            if len(w) < 2:
                continue
            total += 1
            if w not in cache:
                cache[w] = bool(lexicon.analyse(w, folded=True))
            if cache[w]:
                known += 1
            else:
                unknown[fold(w)] += 1
    print(f"tokens {total}  known {known}  share {known / max(total, 1):.4f}")
    print(f"distinct unknown words {len(unknown)}, their tokens {sum(unknown.values())}")
    for w, n in unknown.most_common(TOP):
        print(f"{n}\t{w}")
