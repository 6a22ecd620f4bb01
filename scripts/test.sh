#!/usr/bin/env bash
# One command for a developer or CI: install dependencies, build, run every test, then
# fuzz the extractor and the HTML reader for a short budget each (FUZZ_SECONDS, default
# 30; 0 skips them).
# Extra arguments go to ctest, e.g. `scripts/test.sh -L fast`.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
"$here/scripts/setup.sh"
"$here/scripts/build.sh"
cd "$here/build"
ctest --output-on-failure -j "$(nproc)" "$@"
if [ "${FUZZ_SECONDS:-30}" -gt 0 ]; then
  "$here/scripts/fuzz.sh" "${FUZZ_SECONDS:-30}" 2>&1 | tail -n 40
fi
