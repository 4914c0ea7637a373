#!/usr/bin/env python3
"""Growth benchmark: khabar must run in linear time on hostile input.

For each hostile shape (issue #14) it builds an input of 1x and of 8x a base
size from generated text (no article text but the bundled fixture, repeated
as the control), times `khabar --jobs 1 --quiet` on each (the best of
--runs runs, CPU time: user + system, which other work on the machine
disturbs less than the wall clock) and fails (exit 1) when a shape's
time(8x) > 16 x time(1x): a linear path gives about 8x, a quadratic one 64x.

It also reports the peak memory of each run (maximum resident set size, as
/usr/bin/time reports it) against the issue's bound, 12 x the input's size
+ 64 MiB + the lexicons' size (data/); --check-memory makes a run over the
bound a failure too.

    scripts/growth.py [--bin PATH] [--scale X] [--runs N] [--only SHAPE,...]

--scale multiplies every base size (0.25 for a quick look at a slow build).
A run of the 8x input is stopped after 20 x the 1x time (and at least 5 s):
the shape fails without waiting for a quadratic path to end.
"""

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FACTOR = 8
# a linear path gives ~8x and a quadratic one ~64x: 16x leaves room for noise
MAX_RATIO = 16.0
MIB = 1024 * 1024
REFERENCE_DATE = "2019-10-24"

# Letters for generated words (no letter that folds to another or ends a
# word differently: ة ى ء أ إ آ ؤ ئ).
LETTERS = "بتثجحخدذرزسشصضطظعغفقكلمن"


def word(i, prefix=""):
    """A distinct Arabic-letter word for each integer i (base-24 digits)."""
    out = []
    while True:
        out.append(LETTERS[i % len(LETTERS)])
        i //= len(LETTERS)
        if i == 0:
            break
    return prefix + "".join(out)


def repeat_to(unit, size):
    """`unit(i)` for i = 0, 1, … until the text has at least `size` bytes."""
    parts, total, i = [], 0, 0
    while total < size:
        s = unit(i)
        parts.append(s)
        total += len(s.encode())
        i += 1
    return "".join(parts)


def dates_tense(size):
    # many dates without a year in ONE sentence: the tense of each date is
    # read from its sentence
    return repeat_to(lambda i: "5 يونيو ", size) + ".\n"


def speakers(size):
    # distinct people, each a speaker
    return repeat_to(lambda i: f"قال المهندس سامر{word(i, 'سا')} الخطيب{word(i, 'تا')} إن المشروع يسير وفق الخطة. ", size)


def title_quote(size):
    # a title word before a quote mark, repeated
    return repeat_to(lambda i: "وقال الوزير «الوضع مستقر» ", size)


def family_names(size):
    # many people, each named later by the family name alone
    return repeat_to(
        lambda i: f"وقال الوزير سامر {word(i, 'كور')} إن الوضع مستقر. وأضاف {word(i, 'كور')} أن العمل مستمر. وأكد {word(max(i - 7, 0), 'كور')} أن الخطة جاهزة.\n",
        size,
    )


def organizations(size):
    # many distinct institutions as speakers, and a definite head referring back
    return repeat_to(
        lambda i: f"وقالت وزارة ال{word(i, 'شا')} إن الوضع مستقر. وأكدت الوزارة أن العمل مستمر. وقالت هيئة ال{word(i, 'نا')} إن الخطة جاهزة.\n",
        size,
    )


def unnamed_sources(size):
    # many distinct unnamed sources, each referred back to by a definite noun
    return repeat_to(
        lambda i: f"وقال مصدر {word(i, 'كا')}ي مسؤول إن الوضع مستقر. وأضاف المصدر أن العمل مستمر. وقال مسؤولون محليون إن الطريق مغلق.\n",
        size,
    )


def date_ranges(size):
    # date ranges in one sentence
    return repeat_to(lambda i: f"من {i % 27 + 1} إلى {i % 27 + 2} مايو ", size) + ".\n"


def unbalanced_quotes(size):
    # random words, speech verbs and unbalanced quote marks
    rnd = random.Random(14)
    marks = ["«", "»", "“", "”", '"', "'", "„"]
    words = ["قال", "وقال", "الوزير", "إن", "الوضع", "مستقر", "وأضاف", "أن", "العمل", "مستمر", "سامر", "الخطيب", "اليوم", "،", "."]

    def unit(i):
        w = rnd.choice(words)
        if rnd.random() < 0.2:
            w = rnd.choice(marks) + w if rnd.random() < 0.5 else w + rnd.choice(marks)
        return w + ("\n" if rnd.random() < 0.01 else " ")

    return repeat_to(unit, size)


def honorifics(size):
    # many speakers, each followed by a cue without subject (`وشدد معاليه`)
    return repeat_to(
        lambda i: f"وقال الوزير سامر {word(i, 'جا')} إن الوضع مستقر. وشدد معاليه على أن العمل مستمر. وأضافت أن الخطة جاهزة.\n",
        size,
    )


def newlines(size):
    return "\n" * size


def quote_chars(size):
    return '"' * size


def long_words(size):
    # one sentence of generated words: no punctuation, no line break
    return repeat_to(lambda i: word(i * 7919 % 1000003, "ال") + " ", size) + ".\n"


def control(size):
    # real-looking text: the bundled fixture article, repeated
    with open(os.path.join(ROOT, "fixtures", "lavrov-astana.txt"), encoding="utf-8") as f:
        article = f.read()
    if not article.endswith("\n"):
        article += "\n"
    return repeat_to(lambda i: article, size)


# (name, generator, base size in bytes, extra options): base sizes give
# 0.1-0.3 s at 1x on a linear build, 20 MB of newlines and of `"` at 8x.
SHAPES = [
    ("dates-tense", dates_tense, 2_400_000, ["--reference-date", REFERENCE_DATE]),
    ("speakers", speakers, 1_500_000, []),
    ("title-quote", title_quote, 2_000_000, []),
    ("family-names", family_names, 1_500_000, []),
    ("organizations", organizations, 1_500_000, []),
    ("unnamed-sources", unnamed_sources, 1_800_000, []),
    ("date-ranges", date_ranges, 2_000_000, ["--reference-date", REFERENCE_DATE]),
    ("unbalanced-quotes", unbalanced_quotes, 1_600_000, []),
    ("honorifics", honorifics, 1_500_000, []),
    ("newlines", newlines, 20 * MIB // FACTOR, []),
    ("quote-chars", quote_chars, 20 * MIB // FACTOR, []),
    ("long-words", long_words, 4_000_000, []),
    ("control", control, 3_000_000, ["--reference-date", REFERENCE_DATE]),
]


def lexicon_bytes():
    total = 0
    for dirpath, _, files in os.walk(os.path.join(ROOT, "data")):
        total += sum(os.path.getsize(os.path.join(dirpath, f)) for f in files)
    return total


def run_once(binary, path, extra, timeout):
    """(cpu seconds, wall seconds, max RSS in KiB) of one run; cpu is None
    when the run was stopped after `timeout` seconds."""
    with tempfile.NamedTemporaryFile(prefix="khabar-growth-rss-") as rss:
        cmd = ["/usr/bin/time", "-f", "%M", "-o", rss.name, binary, "--jobs", "1", "--quiet", *extra, path]
        start = time.perf_counter()
        # (a session of its own: a stopped run ends with its child)
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                os.killpg(proc.pid, signal.SIGKILL)
                os.wait4(proc.pid, 0)
                proc.stderr.close()
                return None, time.perf_counter() - start, 0
            time.sleep(0.005)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err = proc.stderr.read().decode(errors="replace")
        proc.stderr.close()
        if proc.returncode != 0:
            sys.exit(f"growth: {' '.join(cmd)} failed ({proc.returncode}): {err.strip()}")
        # rusage of /usr/bin/time includes the child it waited for
        cpu = usage.ru_utime + usage.ru_stime
        with open(rss.name) as f:
            kib = int(f.read().split()[-1])
        return cpu, wall, kib


def best_of(binary, path, extra, runs, timeout):
    best = None
    for _ in range(runs):
        r = run_once(binary, path, extra, timeout)
        if r[0] is None:
            return r
        if best is None or r[0] < best[0]:
            best = (r[0], r[1], max(r[2], best[2] if best else 0))
        else:
            best = (best[0], best[1], max(r[2], best[2]))
    return best


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "khabar"))
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--only", default="", help="comma-separated shape names")
    ap.add_argument("--check-memory", action="store_true", help="fail when a run's peak memory is over the bound")
    args = ap.parse_args()
    only = set(filter(None, args.only.split(",")))
    unknown = only - {s[0] for s in SHAPES}
    if unknown:
        sys.exit(f"growth: no shape {', '.join(sorted(unknown))}")
    lex = lexicon_bytes()

    print(f"growth: {args.bin}, best of {args.runs}, fail when t{FACTOR} > {MAX_RATIO:g} x t1 (CPU seconds)")
    print(f"memory bound: 12 x bytes + 64 MiB + lexicons ({lex / MIB:.1f} MiB)")
    header = f"{'shape':<18} {'bytes':>10} {'t1':>8} {'t8':>8} {'ratio':>6} {'rss1 MiB':>9} {'rss8 MiB':>9} {'bound8':>7}  verdict"
    print(header)
    print("-" * len(header))
    failures = []
    with tempfile.TemporaryDirectory(prefix="khabar-growth-") as tmp:
        for name, gen, base, extra in SHAPES:
            if only and name not in only:
                continue
            size = max(1, int(base * args.scale))
            results = []
            for mult in (1, FACTOR):
                path = os.path.join(tmp, f"{name}-{mult}.txt")
                with open(path, "w", encoding="utf-8") as f:
                    f.write(gen(size * mult))
                nbytes = os.path.getsize(path)
                timeout = 1e9 if mult == 1 else max(5.0, 20 * results[0][1])
                cpu, wall, kib = best_of(args.bin, path, extra, args.runs, timeout)
                results.append((nbytes, cpu, wall, kib))
                os.unlink(path)
            (b1, t1, _, k1), (b8, t8, w8, k8) = results
            bound8 = (12 * b8 + 64 * MIB + lex) / MIB
            verdicts = []
            if t8 is None:
                ratio = f">{w8 / t1:.0f}"
                verdicts.append("SUPERLINEAR (stopped)")
                t8s = f">{w8:.2f}"
            else:
                r = t8 / max(t1, 1e-3)
                ratio = f"{r:.1f}"
                t8s = f"{t8:.3f}"
                if r > MAX_RATIO:
                    verdicts.append("SUPERLINEAR")
            mem_over = any(k * 1024 > 12 * b + 64 * MIB + lex for b, _, _, k in results if k)
            if mem_over:
                verdicts.append("MEMORY")
            if t8 is None or (t8 is not None and t8 / max(t1, 1e-3) > MAX_RATIO) or (mem_over and args.check_memory):
                failures.append(name)
            print(f"{name:<18} {b1:>10} {t1:>8.3f} {t8s:>8} {ratio:>6} {k1 / 1024:>9.1f} {k8 / 1024:>9.1f} {bound8:>7.0f}  {' '.join(verdicts) or 'ok'}", flush=True)
    if failures:
        print(f"growth: FAILED: {', '.join(failures)}")
        return 1
    print("growth: every shape grows linearly")
    return 0


if __name__ == "__main__":
    sys.exit(main())
