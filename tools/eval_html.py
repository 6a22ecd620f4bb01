#!/usr/bin/env python3
"""Scores `corroborate body` on trafilatura's main-content extraction set.

../shared/data/html-extraction-trafilatura/tests/evaldata.json lists, per page, snippets
that the main text must contain (`with`) and must not contain (`without`); the pages are
in tests/cache/ or tests/eval/. As trafilatura's own evaluation: a `with` snippet found in
the extracted text is a true positive, one missing a false negative; a `without` snippet
found is a false positive, one missing a true negative. Both sides are compared as a
reader sees them: invisible characters (soft hyphen, zero-width space, word joiner,
byte-order mark) are ignored and every run of white space (no-break spaces and line breaks
included) is one space; the set's snippets keep such characters on some pages and not on
others.
Prints precision, recall, F and
accuracy (published F: trafilatura 0.924, readability-lxml 0.826, plain-text baseline
0.815). With --floor F exits 1 when F falls below it; exits 77 when the data is absent.

  tools/eval_html.py [--corroborate build/corroborate] [--data DIR] [--errors N]
"""
import argparse
import json
import os
import re
import subprocess
import sys

from evalkit import check_floor, prf

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFAULT = os.path.join(ROOT, "..", "shared", "data", "html-extraction-trafilatura", "tests")


INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u2060\ufeff"))


def visible(s):
    return re.sub(r"\s+", " ", s.translate(INVISIBLE))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corroborate", default=os.path.join(ROOT, "build", "corroborate"))
    ap.add_argument("--data", default=DEFAULT)
    ap.add_argument("--errors", type=int, default=0)
    ap.add_argument("--floor", type=float, default=None)
    args = ap.parse_args()
    meta = os.path.join(args.data, "evaldata.json")
    if not os.path.exists(meta):
        print("SKIP: %s not found (the trafilatura set lives in ../shared/data/html-extraction-trafilatura/)" % meta)
        return 77
    data = json.load(open(meta, encoding="utf-8"))
    pages = []
    for url, item in data.items():
        for sub in ("cache", "eval"):
            path = os.path.join(args.data, sub, item["file"])
            if os.path.exists(path):
                pages.append((url, path, item))
                break
    texts = {}
    batch = 200
    for k in range(0, len(pages), batch):
        paths = [p for _, p, _ in pages[k:k + batch]]
        p = subprocess.run([args.corroborate, "body", "--json"] + paths, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, check=False)
        if p.returncode not in (0, 1, 2):
            raise SystemExit("body failed (%d): %s" % (p.returncode, p.stderr.decode(errors="replace")[-500:]))
        for line in p.stdout.decode("utf-8", errors="replace").split("\n"):
            if not line:
                continue
            j = json.loads(line)
            texts[j["input"]] = visible(j.get("text", ""))
    tp = fn = fp = tn = 0
    errors = []
    for url, path, item in pages:
        text = texts.get(path, "")
        for s in item.get("with", []):
            if visible(s) in text:
                tp += 1
            else:
                fn += 1
                errors.append((item["file"], "missing", s))
        for s in item.get("without", []):
            if visible(s) in text:
                fp += 1
                errors.append((item["file"], "kept", s))
            else:
                tn += 1
    precision, recall, f = prf(tp, tp + fp, tp + fn)
    accuracy = (tp + tn) / max(1, tp + tn + fp + fn)
    print("trafilatura evaluation set: %d pages (%d of %d listed found)" % (len(pages), len(pages), len(data)))
    print("  precision %.3f  recall %.3f  F %.3f  accuracy %.3f   (tp %d fn %d fp %d tn %d)" %
          (precision, recall, f, accuracy, tp, fn, fp, tn))
    for e in errors[:args.errors]:
        print("  %-40s %-8s %r" % (e[0][:40], e[1], e[2][:80]))
    return 0 if check_floor("F", f, args.floor) else 1


if __name__ == "__main__":
    sys.exit(main())
