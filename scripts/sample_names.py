#!/usr/bin/env python3
"""Sample speaker names and entities from khabar output for manual judging.

Runs BIN --format jsonl --quiet --jobs 2 DIR, collects every (speaker name, file)
pair and every (entity text, type, file) triple, and draws a uniform random
sample of each with random.Random(SEED). Prints TSV: kind, name, type, file.
"""
import argparse
import json
import os
import random
import subprocess
import sys


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--bin", default="khabar", help="khabar binary")
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--n", type=int, default=200, help="sample size per kind")
    ap.add_argument("folder")
    args = ap.parse_args()

    proc = subprocess.run(
        [args.bin, "--format", "jsonl", "--quiet", "--jobs", "2", args.folder],
        stdout=subprocess.PIPE, check=True)
    speakers, entities = [], []
    for line in proc.stdout.decode("utf-8").splitlines():
        line = line.strip()
        if not line:
            continue
        rec = json.loads(line)
        f = os.path.basename(rec.get("file") or rec.get("path") or "")
        for s in rec.get("speakers") or []:
            name = s.get("name") if isinstance(s, dict) else s
            if name:
                speakers.append((name, f))
        for e in rec.get("entities") or []:
            if e.get("text"):
                entities.append((e["text"], e.get("type", ""), f))

    rng = random.Random(args.seed)
    sp = rng.sample(speakers, min(args.n, len(speakers)))
    en = rng.sample(entities, min(args.n, len(entities)))
    out = sys.stdout
    out.write("kind\tname\ttype\tfile\n")
    for name, f in sp:
        out.write("speaker\t%s\t\t%s\n" % (name, f))
    for name, t, f in en:
        out.write("entity\t%s\t%s\t%s\n" % (name, t, f))
    print("# pairs: speakers=%d entities=%d" % (len(speakers), len(entities)),
          file=sys.stderr)


if __name__ == "__main__":
    main()
