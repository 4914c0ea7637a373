#!/usr/bin/env python3
"""khabar as a Spark mapper: articles go through `RDD.pipe` in `--input jsonl` mode.

Each article becomes one JSON line {"id", "text", "date"}; Spark (local mode)
pipes every partition through one khabar process, which answers with one
record per line carrying the same id. With `--errors inline`, an item that
fails (here one with no text, added on purpose) comes back as a record
{"id", "error"} in its place, so records and items stay paired and one bad
item does not abort the job. The script checks that every item came back
exactly once, the bad one as an error, and exits 1 otherwise.

    cargo build --release
    python3 -m pip install -r examples/requirements.txt
    python3 examples/spark_pipe.py [--bin target/release/khabar] [PATH ...]

PATH is a .txt file or a folder of them (default: the bundled fixtures).
"""

import argparse
import collections
import json
import os
import sys
from pathlib import Path

# Reference dates of the bundled articles, to show the per-item "date".
DATES = {"lavrov-astana.txt": "2017-06-19", "02-talks.txt": "2019-10-24"}


def articles(paths):
    for p in map(Path, paths):
        for f in sorted(p.rglob("*.txt")) if p.is_dir() else [p]:
            item = {"id": str(f), "text": f.read_text(encoding="utf-8")}
            if f.name in DATES:
                item["date"] = DATES[f.name]
            yield item


def main():
    root = Path(__file__).resolve().parent.parent
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default=str(root / "target/release/khabar"))
    ap.add_argument("--partitions", type=int, default=2)
    ap.add_argument("paths", nargs="*", default=[str(root / "fixtures/articles"), str(root / "fixtures/lavrov-astana.txt")])
    args = ap.parse_args()
    binary = os.path.abspath(args.bin)
    if not os.access(binary, os.X_OK):
        sys.exit(f"spark_pipe: no khabar binary at {binary} (cargo build --release)")
    items = list(articles(args.paths))
    # an item a scraper might produce: no text; it must come back as an error
    items.append({"id": "no-text", "date": ""})

    # local mode needs no network: keep Spark on the loopback interface
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    from pyspark import SparkConf, SparkContext

    conf = (
        SparkConf()
        .setMaster(f"local[{args.partitions}]")
        .setAppName("khabar-pipe")
        .set("spark.ui.enabled", "false")
        .set("spark.ui.showConsoleProgress", "false")
    )
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    try:
        lines = sc.parallelize([json.dumps(i, ensure_ascii=False) for i in items], args.partitions)
        # a failed item comes back as an error record, so khabar's exit
        # status 1 is expected and must not fail the job
        out = lines.pipe(f"{binary} --input jsonl --errors inline --quiet", checkCode=False).collect()
    finally:
        sc.stop()

    records = [json.loads(line) for line in out]
    sent = collections.Counter(i["id"] for i in items)
    got = collections.Counter(r.get("id") for r in records)
    problems = []
    if got != sent:
        problems.append(f"ids differ: missing {sorted(sent - got)}, unexpected {sorted(got - sent)}")
    by_id = {r.get("id"): r for r in records}
    for item in items:
        r = by_id.get(item["id"])
        if r is None:
            continue
        if "text" not in item:
            if "error" not in r:
                problems.append(f"{item['id']}: an item without text did not come back as an error")
            continue
        if "error" in r:
            problems.append(f"{item['id']}: failed: {r['error']}")
            continue
        if r["language"] != "ar" or not r["entities"]:
            problems.append(f"{item['id']}: an empty record for an Arabic article")
        if "date" in item and any(d["value"] is None for d in r["dates"]):
            problems.append(f"{item['id']}: a relative date left unresolved although the item has a date")
    errors = sum(1 for r in records if "error" in r)
    print(f"spark_pipe: {len(items)} items in, {len(records)} records out ({errors} of them errors), "
          f"through {args.partitions} partitions of RDD.pipe")
    for p in problems:
        print(f"spark_pipe: {p}", file=sys.stderr)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
