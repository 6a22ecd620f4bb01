#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) into build-fuzz/ and runs each for
# a time budget (seconds, default 60): `scripts/fuzz.sh [SECONDS]`. The seed corpus is
# made from the golden quantity sentences and the example articles; new inputs that grow
# coverage are kept in build-fuzz/corpus/. A crash, a sanitizer report, an input slower
# than 10 s (a hang or quadratic blow-up) or more than 2 GB of memory fails the run, and
# the offending input is left in build-fuzz/ as crash-*, timeout-* or oom-*.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
budget="${1:-60}"
if ! command -v clang++ >/dev/null; then
  echo "fuzz: clang++ not found (scripts/setup.sh installs clang); skipped" >&2
  exit 0
fi
cmake -S "$here" -B "$here/build-fuzz" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER=clang++ -DCORROBORATE_FUZZ=ON -DCORROBORATE_BUILD_TESTS=OFF \
  -DCORROBORATE_BUILD_BENCH=OFF >/dev/null
cmake --build "$here/build-fuzz" -j "$(nproc)" --target extract_fuzzer
corpus="$here/build-fuzz/corpus"
seeds="$here/build-fuzz/seeds"
mkdir -p "$corpus" "$seeds"
n=0
while IFS=$'\t' read -r sentence _; do
  case "$sentence" in "#"*|"") continue ;; esac
  n=$((n + 1))
  printf '%s' "$sentence" >"$seeds/golden-$n"
done <"$here/tests/golden/quantities.tsv"
find "$here/examples" -name '*.txt' -exec cp {} "$seeds/" \;
cd "$here/build-fuzz"
./fuzz/extract_fuzzer -max_total_time="$budget" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
  -print_final_stats=1 "$corpus" "$seeds"
