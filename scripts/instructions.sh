#!/usr/bin/env bash
# Instruction counts of one run over a fixed set of 300 articles (callgrind:
# repeatable whatever else the machine does). The set is the corpus and dev
# articles beside the checkout plus the first pool articles by name, up to
# 300, copied to one folder.
#
#   scripts/instructions.sh [BIN]    (default target/release/khabar)
#
# Prints the total and the inclusive count of Analyzer::analyze (the
# analysis without start-up and output). Needs valgrind.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release/khabar}
set_dir=${SMALL_SET:-/tmp/khabar-small-set}
if [ ! -d "$set_dir" ]; then
    mkdir -p "$set_dir"
    cp ../shared/corpus/*.txt ../shared/eval/dev/*.txt "$set_dir"/
    have=$(ls "$set_dir" | wc -l)
    ls ../shared/pool/*.txt | sort | head -n $((300 - have)) | xargs -I{} cp {} "$set_dir"/
fi
out=$(mktemp)
valgrind --tool=callgrind --dump-instr=no --callgrind-out-file="$out" "$bin" --quiet --jobs 1 --format jsonl "$set_dir" > /dev/null 2>/dev/null
total=$(callgrind_annotate "$out" 2>/dev/null | grep -m1 "PROGRAM TOTALS" | awk '{print $1}')
analyze=$(callgrind_annotate --inclusive=yes "$out" 2>/dev/null | grep -m1 "Analyzer::analyze" | awk '{print $1}')
echo "files $(ls "$set_dir" | wc -l)  bytes $(cat "$set_dir"/* | wc -c)"
echo "total $total  analyze $analyze"
rm -f "$out"
