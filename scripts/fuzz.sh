#!/usr/bin/env bash
# Fuzzes the whole pipeline (fuzz/fuzz_targets/pipeline.rs) with cargo-fuzz
# on stable Rust (RUSTC_BOOTSTRAP=1, no sanitizer).
#
#   scripts/fuzz.sh [SECONDS] [-- extra libFuzzer flags]
#
# SECONDS defaults to 600. The corpus fuzz/corpus/pipeline (git-ignored) is
# seeded with the articles of ../shared/corpus (when present) and the bundled
# fixtures; crashes land in fuzz/artifacts/pipeline/. To keep going after a
# crash: scripts/fuzz.sh 600 -fork=1 -ignore_crashes=1
# To reproduce one: RUSTC_BOOTSTRAP=1 cargo fuzz run pipeline -s none FILE
set -euo pipefail
cd "$(dirname "$0")/.."

secs=${1:-600}
shift || true
[ "${1:-}" = "--" ] && shift

command -v cargo-fuzz > /dev/null || cargo install cargo-fuzz --locked

mkdir -p fuzz/corpus/pipeline
for d in ../shared/corpus fixtures fixtures/articles; do
    if ls "$d"/*.txt > /dev/null 2>&1; then cp "$d"/*.txt fuzz/corpus/pipeline/; fi
done

export RUSTC_BOOTSTRAP=1
exec cargo fuzz run pipeline -s none -- \
    -max_total_time="$secs" -dict=fuzz/pipeline.dict -print_final_stats=1 "$@"
