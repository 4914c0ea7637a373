#!/usr/bin/env bash
# Throughput and peak memory of the release binary (issue #6).
#
#   scripts/bench.sh [CORPUS_DIR]
#
# Builds target/release/khabar, then under a temporary directory:
#   1. a folder of at least $BENCH_MB (default 100) MB: copies of the
#      corpus's .txt files, one subfolder per copy; it times
#      `khabar --jobs 1 --format jsonl DIR > /dev/null` and `--jobs 2`, and
#      prints MB/s (10^6 bytes of input per second of wall time), the speedup
#      and the peak memory (maximum resident set size from /usr/bin/time -v);
#   2. one file of at least $BENCH_FILE_MB (default 50) MB: the corpus texts
#      concatenated; its MB/s and peak memory with --jobs 1 (a run longer than
#      $BENCH_TIMEOUT seconds, default 900, is stopped and reported).
#
#   3. the folder of 1. read by `find DIR -name '*.txt' -print0 | xargs -0
#      cat | wc -w`, the floor khabar is compared with (issue #15: khabar
#      with one job should take at most 1.8 times as long); its time and the
#      ratio are printed.
#
# Each of the four is run $BENCH_RUNS times (default 3), one after the
# other in turn, and every run is printed; the summary takes the fastest run
# of each (on a shared machine the slower ones measure the neighbours) and
# the largest peak memory of all.
#
# CORPUS_DIR defaults to ../shared/pool beside the checkout (8,042 real
# articles, 26.7 MB: four copies make the folder; on copies of a few
# articles everything stays in cache and khabar looks twice as fast), then
# ../shared/corpus. The timed runs
# read warm files (each folder is read once before it is timed).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

corpus=${1:-}
if [ -z "$corpus" ]; then
    for d in ../shared/pool /work/shared/pool ../shared/corpus /work/shared/corpus fixtures/articles; do
        if ls "$d"/*.txt > /dev/null 2>&1; then corpus=$d; break; fi
    done
fi
corpus=$(cd "$corpus" && pwd)
folder_mb=${BENCH_MB:-100}
file_mb=${BENCH_FILE_MB:-50}
timeout_s=${BENCH_TIMEOUT:-900}

[ -x /usr/bin/time ] || { echo "bench.sh needs /usr/bin/time (apt-get install time)" >&2; exit 2; }

cargo build --release --locked --quiet
bin=$root/target/release/khabar

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

corpus_bytes=$(cat "$corpus"/*.txt | wc -c)
corpus_files=$(ls "$corpus"/*.txt | wc -l)
copies=$(( (folder_mb * 1000000 + corpus_bytes - 1) / corpus_bytes ))
mkdir "$tmp/dir"
for i in $(seq -w 1 "$copies"); do
    mkdir "$tmp/dir/c$i"
    cp "$corpus"/*.txt "$tmp/dir/c$i/"
done
dir_bytes=$(( corpus_bytes * copies ))
: > "$tmp/big.txt"
while [ "$(stat -c %s "$tmp/big.txt")" -lt $(( file_mb * 1000000 )) ]; do
    for f in "$corpus"/*.txt; do cat "$f"; echo; done >> "$tmp/big.txt"
done
file_bytes=$(stat -c %s "$tmp/big.txt")
cat "$tmp"/dir/*/*.txt "$tmp/big.txt" > /dev/null   # warm the page cache

echo "khabar $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(nproc) cores, corpus $corpus ($corpus_files files, $corpus_bytes bytes)"
echo "folder: $copies copies = $(( corpus_files * copies )) files, $dir_bytes bytes; single file: $file_bytes bytes"
echo

# run NAME BYTES ARGS...: times one run, prints MB/s and peak RSS, sets $secs.
run() {
    local name=$1 bytes=$2
    shift 2
    local log="$tmp/time.log" status=0
    /usr/bin/time -v timeout "$timeout_s" "$bin" "$@" > /dev/null 2> "$log" || status=$?
    if [ "$status" -eq 124 ]; then
        printf '%-24s stopped after %s s (timeout)\n' "$name" "$timeout_s"
        secs= rss_kb=0
        return
    fi
    local wall rss user sys
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$log")
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$log")
    user=$(sed -n 's/.*User time (seconds): //p' "$log")
    sys=$(sed -n 's/.*System time (seconds): //p' "$log")
    rss_kb=$rss
    secs=$(echo "$wall" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
    # MB/s of wall time, and of CPU time (user + sys: what a quiet machine
    # would give on one core; on a busy one wall time includes waiting).
    printf '%-24s %7.2f s  %7.2f MB/s  peak RSS %7.1f MiB  (user %s s, sys %s s: %.2f MB/s of CPU time; exit %s)\n' \
        "$name" "$secs" "$(awk -v b="$bytes" -v s="$secs" 'BEGIN { print b / 1e6 / s }')" "$(awk -v k="$rss" 'BEGIN { print k / 1024 }')" \
        "$user" "$sys" "$(awk -v b="$bytes" -v u="$user" -v s="$sys" 'BEGIN { print b / 1e6 / (u + s) }')" "$status"
}

runs=${BENCH_RUNS:-3}
best() { # best CURRENT NEW: the smaller of two times, empty counting as none
    if [ -z "$1" ]; then echo "$2"; elif [ -z "$2" ]; then echo "$1"; else awk -v a="$1" -v b="$2" 'BEGIN { print (b < a) ? b : a }'; fi
}
# run_wc: times `find | xargs cat | wc -w` over the folder, sets $secs.
run_wc() {
    local log="$tmp/time.log"
    /usr/bin/time -v sh -c 'find "$1" -name "*.txt" -print0 | xargs -0 cat | wc -w > /dev/null' sh "$tmp/dir" 2> "$log"
    secs=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$log" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
    printf '%-24s %7.2f s\n' "folder wc -w" "$secs"
}

t1= t2= t3= tw= max_rss1=0 max_rss3=0
for r in $(seq 1 "$runs"); do
    echo "run $r of $runs"
    run_wc
    tw=$(best "$tw" "$secs")
    run "folder --jobs 1" "$dir_bytes" --jobs 1 --format jsonl "$tmp/dir"
    t1=$(best "$t1" "$secs"); max_rss1=$(awk -v a="$max_rss1" -v b="$rss_kb" 'BEGIN { print (b > a) ? b : a }')
    run "folder --jobs 2" "$dir_bytes" --jobs 2 --format jsonl "$tmp/dir"
    t2=$(best "$t2" "$secs"); max_rss1=$(awk -v a="$max_rss1" -v b="$rss_kb" 'BEGIN { print (b > a) ? b : a }')
    run "one file --jobs 1" "$file_bytes" --jobs 1 --format jsonl "$tmp/big.txt"
    t3=$(best "$t3" "$secs"); max_rss3=$(awk -v a="$max_rss3" -v b="$rss_kb" 'BEGIN { print (b > a) ? b : a }')
done
echo
echo "best of $runs runs:"
mbps() { awk -v b="$1" -v s="$2" 'BEGIN { if (s > 0) printf "%.2f", b / 1e6 / s; else print "?" }'; }
[ -n "$t1" ] && printf '%-24s %7.2f s  %7.2f MB/s\n' "folder --jobs 1" "$t1" "$(mbps "$dir_bytes" "$t1")"
[ -n "$t2" ] && printf '%-24s %7.2f s  %7.2f MB/s\n' "folder --jobs 2" "$t2" "$(mbps "$dir_bytes" "$t2")"
if [ -n "$t1" ] && [ -n "$t2" ]; then
    printf '%-24s %7.2fx\n' "speedup 2 jobs / 1 job" "$(awk -v a="$t1" -v b="$t2" 'BEGIN { print a / b }')"
fi
printf '%-24s %7.1f MiB\n' "folder peak RSS (max)" "$(awk -v k="$max_rss1" 'BEGIN { print k / 1024 }')"
[ -n "$t3" ] && printf '%-24s %7.2f s  %7.2f MB/s  peak RSS (max) %.1f MiB = %.2fx the file\n' "one file --jobs 1" "$t3" "$(mbps "$file_bytes" "$t3")" \
    "$(awk -v k="$max_rss3" 'BEGIN { print k / 1024 }')" "$(awk -v k="$max_rss3" -v b="$file_bytes" 'BEGIN { print k * 1024 / b }')"
if [ -n "$t1" ] && [ -n "$tw" ]; then
    printf '%-24s %7.2f s; khabar --jobs 1 takes %.2fx as long\n' "folder wc -w" "$tw" "$(awk -v a="$t1" -v b="$tw" 'BEGIN { print a / b }')"
fi
