#!/usr/bin/env python3
"""Runs `corroborate quantities` on Microsoft Recognizers-Text's English test specs.

Each spec case is an input sentence with the expected results. A case passes when our
figures, compared as a multiset, equal the expected ones:
  number         each written figure's value (a range gives both ends); a measure glued
                 to its unit ("180ml") is no number to this model, as its spec says
  number-range   (low, high) of each range or bound; open ends compare as None; the
                 spec's open/closed brackets are not compared (we do not model them).
                 The spec also counts an equality stated as a comparison ("equal to 20",
                 "equals 20") as the range [20, 20]: our exact figures whose expression
                 starts with such a word are compared that way
  percentage     each percentage's value
  currency       value and currency (names compared loosely: "Dollar" = "dollar",
                 "British pound" = "pound sterling")
  dimension      value and unit ("Kilometer" = "kilometre", "Pound" = "pound-mass") of
                 our measures; its spec has no temperatures, times or score points
Values compare with relative tolerance 1e-6. Prints the pass rate per category and, with
--failures, the failing cases. With --floor, exits 1 when the overall pass rate (percent)
is below it. Exits 77 when the specs are absent. Standard library only.

  tools/eval_recognizers.py [--corroborate build/corroborate] [--specs DIR] [--failures N]
"""
import argparse
import json
import math
import os
import re
import sys

from evalkit import check_floor, run_jsonl

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFAULT_SPECS = os.path.join(ROOT, "..", "shared", "data", "recognizers-text-en", "Specs")
CATEGORIES = [
    ("number", "Number/English/NumberModel.json"),
    ("number-range", "Number/English/NumberRangeModel.json"),
    ("percentage", "Number/English/PercentModel.json"),
    ("currency", "NumberWithUnit/English/CurrencyModel.json"),
    ("dimension", "NumberWithUnit/English/DimensionModel.json"),
]


def run(binary, texts):
    rows, _ = run_jsonl(binary, "quantities", [{"text": t} for t in texts])
    return [r.get("quantities", []) for r in rows]


def num(s):
    s = str(s).strip().rstrip("%")
    return float(s)


def unit_key(u):
    # Recognizers-Text has no rates: "dollar per share" is compared as "dollar".
    u = (u or "").lower().split(" per ")[0]
    u = u.replace("metre", "meter").replace("litre", "liter").replace("-mass", "")
    u = re.sub(r"[^a-z]", "", u)
    aliases = {"poundsterling": "pound", "britishpound": "pound", "unitedstatesdollar": "dollar",
               "usdollar": "dollar", "japaneseyen": "yen", "chineseyuan": "yuan", "yuanrenminbi": "yuan",
               "degreecelsius": "celsius", "degreefahrenheit": "fahrenheit", "penny": "pence",
               "netherlandsguilder": "guilder", "tonne": "ton", "metricton": "ton", "costaricancolon": "costaricancoln"}
    return aliases.get(u, u)


def close(a, b):
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def ours(category, qs):
    out = []
    for q in qs:
        lo, hi = q.get("low"), q.get("high")
        unit = q.get("normalized_unit")
        if category == "number":
            # The number model reads numerals that stand as words of their own: a measure
            # glued to its unit ("the 180ml liquid", "1m isn't a number." in its spec) is
            # no number to it, while "45{kg)" and "2.33 k" are. Scale letters ("10k") make
            # counts, not measures, so they stay.
            if q.get("kind") == "measure" and re.search(r"\d[A-Za-z]", q.get("text") or ""):
                continue
            if lo is not None and hi is not None and lo != hi:
                out += [(lo, None), (hi, None)]
            else:
                out.append((lo if lo is not None else hi, None))
        elif category == "number-range":
            if q.get("qualifier") in ("range", "at_least", "at_most"):
                out.append(((lo, hi), None))
            elif q.get("qualifier") == "exact" and re.match(r"(?i)equal", q.get("text") or ""):
                out.append(((lo, hi), None))
        elif category == "percentage":
            if unit in ("percentage",) or (q.get("text") or "").endswith("%"):
                out.append((lo if lo is not None else hi, None))
        elif category == "currency":
            if q.get("kind") == "money":
                out.append((lo if lo is not None else hi, unit_key(unit)))
        else:
            # The dimension model leaves out time and temperature (their own models), and
            # it has no unit for score or index points ("the market plummeted 190 points"):
            # those are counts in its terms, as "12 rebounds" is in ours.
            if q.get("kind") == "measure" and unit and unit != "point":
                out.append((lo if lo is not None else hi, unit_key(unit)))
    return out


def expected(category, results):
    out = []
    for r in results:
        res = r.get("Resolution") or {}
        v = res.get("value")
        if v is None:
            continue
        if category == "number-range":
            m = re.fullmatch(r"[\[(]([^,]*),([^\])]*)[\])]", v.strip())
            if not m:
                continue
            lo = float(m.group(1)) if m.group(1).strip() else None
            hi = float(m.group(2)) if m.group(2).strip() else None
            out.append(((lo, hi), None))
        elif category in ("currency", "dimension"):
            out.append((num(v), unit_key(res.get("unit"))))
        else:
            try:
                out.append((num(v), None))
            except ValueError:
                continue
    return out


def same(a, b, category):
    if len(a) != len(b):
        return False
    rest = list(b)
    for x in a:
        for i, y in enumerate(rest):
            if category == "number-range":
                ok = close(x[0][0], y[0][0]) and close(x[0][1], y[0][1])
            else:
                ok = x[0] is not None and y[0] is not None and close(x[0], y[0])
            if ok and category in ("currency", "dimension"):
                ok = x[1] == y[1] or (x[1] and y[1] and (x[1].endswith(y[1]) or y[1].endswith(x[1])))
            if ok:
                del rest[i]
                break
        else:
            return False
    return True


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corroborate", default=os.path.join(ROOT, "build", "corroborate"))
    ap.add_argument("--specs", default=DEFAULT_SPECS)
    ap.add_argument("--failures", type=int, default=0)
    ap.add_argument("--category", default=None)
    ap.add_argument("--floor", type=float, default=None)
    args = ap.parse_args()
    if not os.path.isdir(args.specs):
        print("SKIP: %s not found (Recognizers-Text specs live in ../shared/data/recognizers-text-en/)" % args.specs)
        return 77
    total = passed = 0
    print("%-14s %6s %6s %7s" % ("category", "cases", "pass", "rate"))
    for category, rel in CATEGORIES:
        if args.category and category != args.category:
            continue
        cases = json.load(open(os.path.join(args.specs, rel), encoding="utf-8"))
        preds = run(args.corroborate, [c["Input"].replace("\n", " ") for c in cases])
        ok = 0
        failures = []
        for c, qs in zip(cases, preds):
            exp = expected(category, c.get("Results", []))
            got = ours(category, qs)
            if same(exp, got, category):
                ok += 1
            else:
                failures.append((c["Input"], exp, got))
        total += len(cases)
        passed += ok
        print("%-14s %6d %6d %6.1f%%" % (category, len(cases), ok, 100.0 * ok / len(cases)))
        for inp, exp, got in failures[:args.failures]:
            print("    FAIL %r\n         expected %s\n         ours     %s" % (inp[:120], exp, got))
    rate = 100.0 * passed / total if total else 0.0
    print("%-14s %6d %6d %6.1f%%" % ("all", total, passed, rate))
    return 0 if check_floor("pass rate (%)", rate, args.floor) else 1


if __name__ == "__main__":
    sys.exit(main())
