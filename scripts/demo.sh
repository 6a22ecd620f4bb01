#!/usr/bin/env bash
# One command for a new user: install dependencies, build, and analyse the bundled example
# story. Writes report.html, report.json and report.md in the current directory.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
"$here/scripts/setup.sh"
"$here/scripts/build.sh"
status=0
"$here/build/corroborate" analyze "$here/examples/harbour-fire" \
  --html report.html --json report.json --md report.md || status=$?
echo "wrote report.html, report.json, report.md (exit status $status)"
exit "$status"
