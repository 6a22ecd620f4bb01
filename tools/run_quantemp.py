#!/usr/bin/env python3
"""Robustness run: the 2,495 QuanTemp numerical claims through `corroborate quantities`.

Every claim must come back as one output line without an error, the command must exit 0,
and every quantity's span must lie inside its claim and match its text. Prints the
count of claims, of quantities found, the share of claims with at least one quantity,
and the time taken. Exits 1 on any failure, 77 when the data is absent. Stdlib only.

  tools/run_quantemp.py [--corroborate build/corroborate] [--data FILE]
"""
import argparse
import csv
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFAULT = os.path.join(ROOT, "..", "shared", "data", "quantemp-claims", "pred_finqa_roberta_claimdecomp_test.csv")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corroborate", default=os.path.join(ROOT, "build", "corroborate"))
    ap.add_argument("--data", default=DEFAULT)
    args = ap.parse_args()
    if not os.path.exists(args.data):
        print("SKIP: %s not found (QuanTemp claims live in ../shared/data/quantemp-claims/)" % args.data)
        return 77
    claims = [row["claim"] for row in csv.DictReader(open(args.data, encoding="utf-8"))]
    data = "".join(json.dumps({"text": c}) + "\n" for c in claims).encode()
    start = time.monotonic()
    p = subprocess.run([args.corroborate, "quantities", "-"], input=data, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, check=False, timeout=600)
    seconds = time.monotonic() - start
    failures = []
    if p.returncode != 0:
        failures.append("exit status %d: %s" % (p.returncode, p.stderr.decode(errors="replace")[:500]))
    rows = [json.loads(line) for line in p.stdout.decode().splitlines()]
    if len(rows) != len(claims):
        failures.append("%d claims in, %d lines out" % (len(claims), len(rows)))
    found = with_any = 0
    for claim, row in zip(claims, rows):
        if "error" in row:
            failures.append("error on %r: %s" % (claim[:80], row["error"]))
            continue
        qs = row["quantities"]
        found += len(qs)
        with_any += bool(qs)
        raw = claim.encode("utf-8")
        for q in qs:
            if not (0 <= q["start"] <= q["end"] <= len(raw)) or raw[q["start"]:q["end"]].decode("utf-8") != q["text"]:
                failures.append("bad span %r in %r" % (q, claim[:80]))
    print("QuanTemp: %d claims, %d quantities, %.1f%% of claims with a quantity, %.2f s" %
          (len(claims), found, 100.0 * with_any / max(1, len(claims)), seconds))
    for f in failures[:20]:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
