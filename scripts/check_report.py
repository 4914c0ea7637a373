#!/usr/bin/env python3
"""Checks khabar's HTML report in a real browser (issue #19; .ci/run runs it).

    python3 scripts/check_report.py [--bin BIN] [--reference-date D] [--screenshot PNG] PATH...

Runs BIN (default target/release/khabar) on PATH... twice, for the JSON
records (--format jsonl) and for the report (--format html); loads the
report in headless Chromium from disk and reads the DOM that Chromium
prints (--dump-dom), after the page's own script has run. Then checks, for
each article:

- the article's text in the page is the input's text, character for
  character (nothing lost, nothing turned into markup: a `<script>` or
  `<img onerror>` in an article stays text and never runs);
- every quote, date, entity mention and the source of the record is marked
  (`data-k` names the item), and the text of its mark (its fragments
  joined, where marks cross) equals the record's text and starts at the
  record's span; no mark names an item the record lacks;
- every mark has a text label (`title` or `aria-label`), and each quote,
  date and entity can take keyboard focus (`tabindex`);
- `<html>` has `lang="ar"` and `dir="rtl"`, and so does each article's text;
- the page has one script, the report's own, and no image, frame or
  external resource (it opens from disk, offline);
- the speaker filter works: in a copy of the page with a test script
  added at its end, clicking each article's first speaker shows exactly
  that speaker's quotes (the others dimmed), and clicking again shows all.

--screenshot PNG also saves a picture of the page (docs/report.png is made
so). Needs `chromium` on PATH (Debian's package; as root it runs with
--no-sandbox). Exits 1 with a list of what failed.
"""

import argparse
import html.parser
import json
import os
import shutil
import subprocess
import sys
import tempfile

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--hide-scrollbars",
]
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
ITEM_PREFIXES = ("q", "d", "e", "src")

# Added at the end of a copy of the report: clicks each article's first
# speaker, writes what the quotes then look like on the article element
# (where --dump-dom shows it), and clicks again.
CLICK_TEST = """<script>
document.querySelectorAll("article.doc").forEach(function (doc) {
  var b = doc.querySelector("button.spk");
  if (!b) return;
  var quotes = doc.querySelectorAll(".text mark.q:not([data-cont])");
  var mine = doc.querySelectorAll('.text mark.q:not([data-cont])[data-s="' + b.dataset.s + '"]').length;
  b.click();
  var lit = doc.querySelectorAll(".text mark.q.lit:not([data-cont])").length;
  var dim = doc.querySelectorAll(".text mark.q.dim:not([data-cont])").length;
  doc.dataset.check = [quotes.length, mine, lit, dim, b.getAttribute("aria-pressed")].join(" ");
  b.click();
  doc.dataset.after = doc.querySelectorAll(".text mark.q.lit, .text mark.q.dim").length + " " + b.getAttribute("aria-pressed");
});
</script>
"""


class Page(html.parser.HTMLParser):
    """The parts of the dumped DOM the checks read."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []          # (tag, attrs) of open elements
        self.html_attrs = {}
        self.title = ""
        self.scripts = []        # the text of each <script>
        self.forbidden = []      # elements a report must not hold
        self.articles = []       # {"n", "text", "lang", "dir", "marks": {k: {...}}}
        self.unlabelled = []     # marks without title or aria-label
        self.in_text = None      # the article whose text is being read

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.html_attrs = a
        if tag in ("img", "iframe", "object", "embed", "link", "base") or (tag == "script" and "src" in a):
            self.forbidden.append((tag, a))
        if tag == "script":
            self.scripts.append("")
        if tag == "article" and "doc" in a.get("class", "").split():
            self.articles.append({"n": a.get("data-n"), "text": "", "lang": None, "dir": None, "marks": {}, "check": a.get("data-check"), "after": a.get("data-after")})
        if tag == "div" and "text" in a.get("class", "").split() and self.articles:
            art = self.articles[-1]
            art["lang"], art["dir"] = a.get("lang"), a.get("dir")
            self.in_text = art
            a["_text_root"] = True
        if tag == "mark":
            if not (a.get("title") or a.get("aria-label")):
                self.unlabelled.append(a)
            if self.in_text is not None and "data-k" in a:
                marks = self.in_text["marks"]
                k = a["data-k"]
                if k not in marks:
                    marks[k] = {"text": "", "start": len(self.in_text["text"]), "attrs": a, "fragments": 0}
                marks[k]["fragments"] += 1
        if tag not in VOID:
            self.stack.append((tag, a))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        while self.stack:
            t, a = self.stack.pop()
            if a.get("_text_root"):
                self.in_text = None
            if t == tag:
                break

    def handle_data(self, data):
        if self.stack and self.stack[-1][0] == "title":
            self.title += data
        if self.stack and self.stack[-1][0] == "script" and self.scripts:
            self.scripts[-1] += data
        if self.in_text is not None:
            self.in_text["text"] += data
            for t, a in self.stack:
                if t == "mark" and "data-k" in a:
                    self.in_text["marks"][a["data-k"]]["text"] += data


def run(cmd, **kw):
    return subprocess.run(cmd, check=False, capture_output=True, **kw)


def expected_items(record, text):
    """data-k → (text, start) for every item the record says is in the text."""
    items = {}
    if record.get("source"):
        s = record["source"]
        items["src"] = (s["name"], s["span"][0])
    for i, q in enumerate(record["quotes"], 1):
        items[f"q{i}"] = (q["text"], q["span"][0])
    for i, d in enumerate(record["dates"], 1):
        items[f"d{i}"] = (d["text"], d["span"][0])
    for i, e in enumerate(record["entities"], 1):
        for j, (s, end) in enumerate(e["mentions"], 1):
            items[f"e{i}m{j}"] = (text[s:end], s)
    return items


def check(args):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        sys.exit("check_report: no chromium on PATH (apt-get install -y chromium fonts-noto-core)")
    common = (["--reference-date", args.reference_date] if args.reference_date else []) + ["--quiet"]
    jsonl = run([args.bin, "--format", "jsonl", *common, *args.paths])
    records = [json.loads(line) for line in jsonl.stdout.decode().splitlines()]
    page = run([args.bin, "--format", "html", *common, *args.paths])
    if page.returncode != 0 or jsonl.returncode != 0:
        sys.exit(f"check_report: khabar failed: {page.stderr.decode()}{jsonl.stderr.decode()}")
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        report = os.path.join(tmp, "report.html")
        with open(report, "wb") as f:
            f.write(page.stdout)
        flags = [*CHROMIUM_FLAGS, f"--user-data-dir={os.path.join(tmp, 'profile')}"]
        dom = run([chromium, *flags, "--dump-dom", "file://" + report], timeout=120)
        if dom.returncode != 0 or not dom.stdout:
            sys.exit(f"check_report: chromium printed no DOM: {dom.stderr.decode()[-2000:]}")
        clicked = os.path.join(tmp, "clicked.html")
        with open(clicked, "wb") as f:
            f.write(page.stdout + CLICK_TEST.encode())
        click_dom = run([chromium, *flags, "--dump-dom", "file://" + clicked], timeout=120).stdout.decode()
        if args.screenshot:
            shot = run([chromium, *flags, f"--window-size={args.window_size}", f"--screenshot={os.path.abspath(args.screenshot)}", "file://" + report], timeout=120)
            if not os.path.exists(args.screenshot):
                failures.append(f"no screenshot: {shot.stderr.decode()[-500:]}")
    p = Page()
    p.feed(dom.stdout.decode())

    if p.html_attrs.get("lang") != "ar" or p.html_attrs.get("dir") != "rtl":
        failures.append(f"<html> has lang={p.html_attrs.get('lang')!r} dir={p.html_attrs.get('dir')!r}")
    if len(p.scripts) != 1 or "addEventListener" not in p.scripts[0]:
        failures.append(f"{len(p.scripts)} scripts in the page (only the report's own is expected)")
    if p.forbidden:
        failures.append(f"elements that must not be in a report: {p.forbidden[:3]}")
    if p.unlabelled:
        failures.append(f"{len(p.unlabelled)} marks without title or aria-label, e.g. {p.unlabelled[0]}")
    if len(p.articles) != len(records):
        failures.append(f"{len(p.articles)} articles in the page, {len(records)} records")
    n_items = 0
    for art, record in zip(p.articles, records):
        name = record["file"] or "standard input"
        with open(record["file"], encoding="utf-8-sig", newline="") as f:
            text = f.read()
        if art["text"] != text:
            at = next((i for i, (a, b) in enumerate(zip(art["text"], text)) if a != b), min(len(art["text"]), len(text)))
            failures.append(f"{name}: the page's text differs from the input at character {at}: {art['text'][at:at+40]!r} vs {text[at:at+40]!r}")
        if art["lang"] != "ar" or art["dir"] != "rtl":
            failures.append(f"{name}: article text has lang={art['lang']!r} dir={art['dir']!r}")
        items = expected_items(record, text)
        n_items += len(items)
        for k, (want, start) in items.items():
            got = art["marks"].get(k)
            if got is None:
                failures.append(f"{name}: {k} ({want!r}) is not marked")
            elif got["text"] != want or got["start"] != start:
                failures.append(f"{name}: {k} marks {got['text']!r} at {got['start']}, the record has {want!r} at {start}")
            elif "tabindex" not in got["attrs"]:
                failures.append(f"{name}: {k} cannot take keyboard focus")
        extra = [k for k in art["marks"] if k.startswith(ITEM_PREFIXES) and k not in items]
        if extra:
            failures.append(f"{name}: marks for items the record lacks: {extra[:5]}")
    filtered = 0
    clicked_page = Page()
    clicked_page.feed(click_dom)
    for art in clicked_page.articles:
        if art["check"] is None:
            continue
        n, after = art["n"], art["after"]
        quotes, mine, lit, dim, pressed = art["check"].split()
        filtered += 1
        if (int(lit), int(dim), pressed) != (int(mine), int(quotes) - int(mine), "true") or after != "0 false":
            failures.append(f"article {n}: the speaker filter shows {lit} and dims {dim} of {quotes} quotes (the speaker has {mine}), pressed {pressed}; after a second click: {after}")
    with_speakers = sum(1 for r in records if r["speakers"])
    if filtered != with_speakers:
        failures.append(f"the speaker filter ran in {filtered} articles, {with_speakers} have speakers")
    if failures:
        print("check_report: FAILED", file=sys.stderr)
        for f in failures:
            print("  " + f, file=sys.stderr)
        sys.exit(1)
    print(f"check_report: {len(p.articles)} articles, {n_items} record items marked, text intact, labels and lang/dir set, one script, speaker filter right in {filtered} (title {p.title!r})")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default="target/release/khabar")
    ap.add_argument("--reference-date")
    ap.add_argument("--screenshot", help="also save a screenshot of the page here")
    ap.add_argument("--window-size", default="1400,1100")
    ap.add_argument("paths", nargs="+")
    check(ap.parse_args())


if __name__ == "__main__":
    main()
