#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) into build-fuzz/ and runs each for
# a time budget (seconds, default 60): `scripts/fuzz.sh [SECONDS]`. extract_fuzzer's seeds
# are the golden quantity sentences and the example articles, html_fuzzer's a few small
# pages written here (furniture, JSON-LD, noscript, ruby, a declared charset); new inputs
# that grow coverage are kept in build-fuzz/corpus/ and build-fuzz/html-corpus/. A crash, a sanitizer report, an input slower
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
cmake --build "$here/build-fuzz" -j "$(nproc)" --target extract_fuzzer html_fuzzer
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
html_corpus="$here/build-fuzz/html-corpus"
html_seeds="$here/build-fuzz/html-seeds"
mkdir -p "$html_corpus" "$html_seeds"
printf '%s' '<html><head><title>T</title><meta property="og:description" content="A lead of twelve words or more that the page repeats below it."></head><body><nav><a href="/">Home</a></nav><article><p>A lead of twelve words or more that the page repeats below it.</p><p>Police said 40 people were hurt, and the damage was put at $45 million.</p><figure><figcaption>Photo: A. Person / Agency</figcaption></figure></article><div class="comments"><p>First!</p></div><footer>(c) 2025</footer></body></html>' >"$html_seeds/article.html"
printf '%s' '<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"H","articleBody":"Body <p>one</p> &amp; two","description":"D","author":[{"name":"A"}]}</script></head><body><noscript><div id="x"></noscript><div class="container sidebar_right"><p>Text with <ruby>漢<rt>かん</rt></ruby> and a soft&shy;hyphen.</p></div><div id="cookie-consent"><p>We use cookies.</p></div></body></html>' >"$html_seeds/structured.html"
printf '<html><head><meta charset="windows-1252"></head><body><p>Caf\xe9 \x80 5,000</p></body></html>' >"$html_seeds/charset.html"
cd "$here/build-fuzz"
./fuzz/extract_fuzzer -max_total_time="$budget" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
  -print_final_stats=1 "$corpus" "$seeds"
./fuzz/html_fuzzer -max_total_time="$budget" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
  -print_final_stats=1 "$html_corpus" "$html_seeds"
