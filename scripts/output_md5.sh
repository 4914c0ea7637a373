#!/usr/bin/env bash
# The md5 of khabar's records over the evaluation texts beside the checkout
# (../shared/corpus, ../shared/eval/dev, ../shared/pool), with and without a
# reference date: a change meant to keep the output byte-identical must print
# the same lines before and after.
#
#   scripts/output_md5.sh [BIN]      (default target/release/khabar)
#
# The inputs are named relative to the shared folder (records carry their
# path), so the lines do not depend on where the checkout is: any worktree
# gives the same md5s. KHABAR_SHARED names the shared folder if it is not
# ../shared beside the checkout.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "${1:-target/release/khabar}")
shared=${KHABAR_SHARED:-../shared}
[ -d "$shared" ] || shared=/work/shared
cd "$shared"
for set in corpus eval/dev pool; do
    [ -d "$set" ] || { echo "skip: no $shared/$set"; continue; }
    plain=$("$bin" --quiet --jobs 2 --format jsonl "$set" | md5sum | cut -c1-32)
    dated=$("$bin" --quiet --jobs 2 --format jsonl --reference-date 2019-10-24 "$set" | md5sum | cut -c1-32)
    echo "$set $plain $dated"
done
