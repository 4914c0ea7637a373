#!/usr/bin/env bash
# The md5 of khabar's records over the evaluation texts beside the checkout
# (../shared/corpus, ../shared/eval/dev, ../shared/pool), with and without a
# reference date: a change meant to keep the output byte-identical must print
# the same lines before and after.
#
#   scripts/output_md5.sh [BIN]      (default target/release/khabar)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release/khabar}
shared=../shared
for set in corpus eval/dev pool; do
    dir=$shared/$set
    [ -d "$dir" ] || { echo "skip: no $dir"; continue; }
    plain=$("$bin" --quiet --jobs 2 --format jsonl "$dir" | md5sum | cut -c1-32)
    dated=$("$bin" --quiet --jobs 2 --format jsonl --reference-date 2019-10-24 "$dir" | md5sum | cut -c1-32)
    echo "$set $plain $dated"
done
