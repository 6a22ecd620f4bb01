#!/usr/bin/env python3
"""Scores `corroborate quantities` on NewsQuant (the CQE paper's news quantity benchmark).

The metric follows the CQE evaluation as described in ../shared/data/README.md: per
sentence, each gold quantity is matched (one to one, first come) to a predicted quantity
with the same value (relative tolerance 1e-5; a range only matches a range with both ends
equal). Four scores, each with its own matching:
  value            the value alone
  value+unit       and the normalised unit, lower-cased ("-" in the gold means none)
  value+change     and the change operator (= ~ > < up down)
  value+concept    and at least one word in common between the gold referred concepts
                   and ours (partial match); a gold "-" matches a prediction with no concept
Precision = matches / predicted, recall = matches / gold, F1 their harmonic mean.

  tools/eval_newsquant.py [--corroborate build/corroborate] [--data FILE ...]
                          [--floor METRIC=F1 ...] [--errors N]

With --floor, exits 1 when a metric's F1 (in percent) falls below its floor: the test
suite runs it this way so a regression fails. Standard library only.
"""
import argparse
import json
import math
import os
import re
import sys

from evalkit import prf, run_jsonl

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFAULT_DATA = os.path.join(ROOT, "..", "shared", "data", "newsquant", "newsquant_dev.json")
METRICS = ("value", "value+unit", "value+change", "value+concept")
STOP = {"the", "a", "an", "of", "in", "on", "at", "for", "to", "and", "or", "its", "his", "her",
        "their", "by", "with", "from", "-", "s"}


def parse_gold_value(v):
    """'5.0' -> (5, 5); '252.0-287.0' -> (252, 287); '-3' -> (-3, -3)."""
    v = v.strip()
    m = re.fullmatch(r"(-?[0-9.]+(?:[eE][-+]?[0-9]+)?) ?- ?(-?[0-9.]+(?:[eE][-+]?[0-9]+)?)", v)
    if m:
        a, b = float(m.group(1)), float(m.group(2))
        return min(a, b), max(a, b)
    x = float(v)
    return x, x


def predicted_value(q):
    lo, hi = q.get("low"), q.get("high")
    if lo is None and hi is None:
        return None
    if lo is None:
        return hi, hi
    if hi is None:
        return lo, lo
    return float(lo), float(hi)


def close(a, b):
    return math.isclose(a, b, rel_tol=1e-5, abs_tol=1e-9)


def same_value(g, p):
    if p is None:
        return False
    g_range, p_range = g[0] != g[1], p[0] != p[1]
    if g_range != p_range:
        return False
    return close(g[0], p[0]) and close(g[1], p[1])


def words(s):
    return {w for w in re.findall(r"[a-z0-9]+", (s or "").lower()) if w not in STOP}


def extra_ok(metric, g, p):
    if metric == "value":
        return True
    if metric == "value+unit":
        gu = (g.get("normalized_unit") or "-").strip().lower()
        pu = (p.get("normalized_unit") or "-").strip().lower()
        return gu == pu
    if metric == "value+change":
        return g.get("change") == p.get("change")
    gc = g.get("referred_concepts") or "-"
    pc = p.get("concept") or ""
    if gc.strip() == "-":
        return not pc
    return bool(words(gc) & words(pc))


def score(gold_sets, pred_sets):
    out = {}
    for metric in METRICS:
        key = {"value+change": "change", "value+concept": "referred_concepts"}.get(metric)
        if key and not any(key in g for gold in gold_sets for g in gold):
            continue  # the data set has no gold for this metric
        tp = n_pred = n_gold = 0
        for gold, pred in zip(gold_sets, pred_sets):
            n_gold += len(gold)
            n_pred += len(pred)
            used = [False] * len(pred)
            for g in gold:
                gv = parse_gold_value(g["value"])
                for i, p in enumerate(pred):
                    if not used[i] and same_value(gv, predicted_value(p)) and extra_ok(metric, g, p):
                        used[i] = True
                        tp += 1
                        break
        prec, rec, f1 = prf(tp, n_pred, n_gold)
        out[metric] = (100 * prec, 100 * rec, 100 * f1, tp, n_pred, n_gold)
    return out


def run(binary, texts):
    rows, _ = run_jsonl(binary, "quantities", [{"text": t} for t in texts], ok_status=(0,))
    if len(rows) != len(texts):
        raise SystemExit("expected %d output lines, got %d" % (len(texts), len(rows)))
    return [r["quantities"] for r in rows]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corroborate", default=os.path.join(ROOT, "build", "corroborate"))
    ap.add_argument("--data", nargs="*", default=[DEFAULT_DATA])
    ap.add_argument("--floor", nargs="*", default=[], help="METRIC=F1, e.g. value=93")
    ap.add_argument("--errors", type=int, default=0, help="print the first N sentences with misses")
    ap.add_argument("--metric", default="value", help="metric whose misses --errors prints")
    args = ap.parse_args()

    failed = False
    for path in args.data:
        if not os.path.exists(path):
            print("SKIP: %s not found (NewsQuant lives in ../shared/data/newsquant/)" % path)
            return 77
        items = json.load(open(path, encoding="utf-8"))
        texts = [x["text"] for x in items]
        gold = [x["quantities"] for x in items]
        pred = run(args.corroborate, texts)
        print("%s: %d sentences, %d gold quantities" % (os.path.basename(path), len(items), sum(map(len, gold))))
        print("  %-14s %7s %7s %7s   %s" % ("metric", "P", "R", "F1", "matched/pred/gold"))
        scores = score(gold, pred)
        for metric in METRICS:
            if metric not in scores:
                print("  %-14s %7s %7s %7s   (no gold in this set)" % (metric, "-", "-", "-"))
                continue
            p, r, f, tp, n_pred, n_gold = scores[metric]
            print("  %-14s %7.1f %7.1f %7.1f   %d/%d/%d" % (metric, p, r, f, tp, n_pred, n_gold))
        shown = 0
        for text, g, p in zip(texts, gold, pred):
            if shown >= args.errors:
                break
            one = score([g], [p]).get(args.metric) or score([g], [p])["value"]
            if one[3] != len(g) or one[3] != len(p):
                shown += 1
                print("\n" + text)
                for q in g:
                    print("   gold %-14s %-5s %-22s %s" % (q["value"], q["change"], q["normalized_unit"], q["referred_concepts"]))
                for q in p:
                    v = predicted_value(q)
                    vs = "None" if v is None else ("%g" % v[0] if v[0] == v[1] else "%g-%g" % v)
                    print("   ours %-14s %-5s %-22s %s   [%s]" % (vs, q["change"], q["normalized_unit"], q["concept"], q["text"]))
        for spec in args.floor:
            metric, _, floor = spec.partition("=")
            if metric not in scores:
                raise SystemExit("unknown metric %r in --floor" % metric)
            if scores[metric][2] < float(floor):
                print("FAIL: %s F1 %.1f below the floor %s" % (metric, scores[metric][2], floor))
                failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
