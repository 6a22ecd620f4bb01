#!/usr/bin/env bash
# One command for a developer or CI: install dependencies, build, run every test.
# Extra arguments go to ctest, e.g. `scripts/test.sh -L fast`.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
"$here/scripts/setup.sh"
"$here/scripts/build.sh"
cd "$here/build"
ctest --output-on-failure -j "$(nproc)" "$@"
