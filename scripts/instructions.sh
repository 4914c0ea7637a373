#!/usr/bin/env bash
# Instruction counts of one run over a fixed set of 300 articles (callgrind:
# repeatable whatever else the machine does). The set is the corpus and dev
# articles beside the checkout plus the first pool articles by name, up to
# 300, copied to one folder.
#
#   scripts/instructions.sh [BIN]    (default target/release/khabar)
#
# Prints the total, the start-up alone (one empty input: the lexicons'
# build), and their difference, the analysis and output of the set.
# Needs valgrind.
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
count() {
    local out; out=$(mktemp)
    valgrind --tool=callgrind --dump-instr=no --callgrind-out-file="$out" "$bin" --quiet --jobs 1 --format jsonl "$@" > /dev/null 2>&1
    callgrind_annotate "$out" 2>/dev/null | awk '/PROGRAM TOTALS/ {gsub(",", "", $1); print $1; exit}'
    rm -f "$out"
}
empty=$(mktemp); : > "$empty"
total=$(count "$set_dir")
startup=$(count "$empty")
rm -f "$empty"
bytes=$(cat "$set_dir"/* | wc -c)
echo "files $(ls "$set_dir" | wc -l)  bytes $bytes"
echo "total $total  start-up $startup  analysis $((total - startup))  per byte $(( (total - startup) / bytes ))"
