#!/usr/bin/env python3
"""Scores `corroborate timex` on TempEval-3 gold TimeML documents (task A, time expressions).

For each .tml file: the text inside <TEXT> with its tags stripped is the input, the DCT's
TIMEX3 value the reference date, and the TIMEX3 elements inside <TEXT> the gold. Scores as
TempEval-3 does:
  relaxed match   a system expression overlaps a gold one (one to one)
  strict match    same start and end
  value           relaxed match with the same normalised value
  type            relaxed match with the same type
P = matches / system expressions, R = matches / gold expressions, F1 their harmonic mean.
With --floor F, exits 1 when the value F1 (percent) is below F; exits 77 when the data is
absent. Standard library only.

  tools/eval_tempeval.py [--corroborate build/corroborate] [--gold DIR] [--errors N] [--floor F]
"""
import argparse
import glob
import html
import os
import re
import sys

from evalkit import check_floor, prf, run_jsonl

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFAULT_GOLD = os.path.join(ROOT, "..", "shared", "data", "tempeval3", "gold")
TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>|&[a-zA-Z]+;|&#[0-9]+;")
ATTR = re.compile(r'([A-Za-z_]+)="([^"]*)"')


def parse(path):
    raw = open(path, encoding="utf-8").read()
    dct = None
    m = re.search(r"<DCT>\s*<TIMEX3([^>]*)>", raw)
    if m:
        dct = dict(ATTR.findall(m.group(1))).get("value")
    body = raw[raw.index("<TEXT>") + len("<TEXT>"):raw.index("</TEXT>")]
    out = []
    gold = []
    open_timex = None
    pos = 0
    for t in TAG.finditer(body):
        out.append(body[pos:t.start()])
        pos = t.end()
        text_len = sum(map(len, out))
        tok = t.group(0)
        if tok.startswith("&"):
            out.append(html.unescape(tok))
            continue
        closing, name, attrs = t.group(1), t.group(2), t.group(3)
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex = (text_len, dict(ATTR.findall(attrs)))
        elif open_timex:
            start, a = open_timex
            gold.append({"start": start, "end": text_len, "type": a.get("type"), "value": a.get("value")})
            open_timex = None
    out.append(body[pos:])
    text = "".join(out)
    for g in gold:
        g["text"] = text[g["start"]:g["end"]]
    return text, dct, gold


def run(binary, docs):
    rows, _ = run_jsonl(binary, "timex", [{"text": t, "dct": d} for t, d in docs])
    return [r.get("timexes", []) for r in rows]


def char_offsets(text):
    """Byte offset -> character offset for a UTF-8 text."""
    table = {}
    b = 0
    for i, ch in enumerate(text):
        table[b] = i
        b += len(ch.encode("utf-8"))
    table[b] = len(text)
    return table


def f1(match, n_sys, n_gold):
    return tuple(100 * x for x in prf(match, n_sys, n_gold))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corroborate", default=os.path.join(ROOT, "build", "corroborate"))
    ap.add_argument("--gold", default=DEFAULT_GOLD)
    ap.add_argument("--errors", type=int, default=0)
    ap.add_argument("--floor", type=float, default=None)
    args = ap.parse_args()
    files = sorted(glob.glob(os.path.join(args.gold, "*.tml")))
    if not files:
        print("SKIP: no .tml files in %s (TempEval-3 lives in ../shared/data/tempeval3/)" % args.gold)
        return 77
    docs = [parse(f) for f in files]
    preds = run(args.corroborate, [(t, d) for t, d, _ in docs])
    counts = {"relaxed": 0, "strict": 0, "value": 0, "type": 0}
    n_sys = n_gold = 0
    errors = []
    for (text, dct, gold), sys_t, path in zip(docs, preds, files):
        offs = char_offsets(text)
        system = [{"start": offs.get(s["start"], 0), "end": offs.get(s["end"], 0), "type": s["type"],
                   "value": s["value"], "text": s["text"]} for s in sys_t]
        n_sys += len(system)
        n_gold += len(gold)
        used = [False] * len(system)
        for g in gold:
            hit = None
            for i, s in enumerate(system):
                if not used[i] and s["start"] < g["end"] and g["start"] < s["end"]:
                    hit = i
                    break
            if hit is None:
                errors.append((os.path.basename(path), "missed", g["text"], g["value"], ""))
                continue
            used[hit] = True
            s = system[hit]
            counts["relaxed"] += 1
            counts["strict"] += s["start"] == g["start"] and s["end"] == g["end"]
            counts["value"] += s["value"] == g["value"]
            counts["type"] += s["type"] == g["type"]
            if s["value"] != g["value"]:
                errors.append((os.path.basename(path), "value", g["text"], g["value"], s["value"] + " [" + s["text"] + "]"))
        for i, s in enumerate(system):
            if not used[i]:
                errors.append((os.path.basename(path), "spurious", s["text"], "", s["value"]))
    print("TempEval-3 gold: %d documents, %d gold time expressions, %d found" % (len(files), n_gold, n_sys))
    print("  %-8s %7s %7s %7s" % ("match", "P", "R", "F1"))
    for k in ("strict", "relaxed", "type", "value"):
        p, r, f = f1(counts[k], n_sys, n_gold)
        print("  %-8s %7.1f %7.1f %7.1f" % (k, p, r, f))
    for e in errors[:args.errors]:
        print("  %-28s %-8s %-30r gold=%-14s ours=%s" % e)
    value_f1 = f1(counts["value"], n_sys, n_gold)[2]
    return 0 if check_floor("value F1", value_f1, args.floor) else 1


if __name__ == "__main__":
    sys.exit(main())
