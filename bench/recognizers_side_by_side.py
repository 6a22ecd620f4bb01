#!/usr/bin/env python3
"""corroborate's quantity extractor side by side with Microsoft Recognizers-Text (npm).

Both run, in this one script, on the same inputs:
  1. speed: the Wikinews clusters' source articles (../shared/data/wikinews), one paragraph
     per line; each side times only its recognition loop (ours: `corroborate quantities
     --timing`; theirs: bench/peers/recognizers/run.js) and MB/s and the ratio are printed;
  2. accuracy: NewsQuant's development half, value F1 (and value+unit F1 for ours; the
     number model has no units), scored by tools/eval_newsquant.py's metric.
The peer is Recognizers-Text's English number model (and, separately, number+percentage);
the npm release has no number-range model (the specs mark it unsupported in JavaScript).
The peer is installed with `npm ci` into bench/peers/recognizers/node_modules on first use;
when node or npm or the registry is unavailable, the peer is skipped with a message.

  bench/recognizers_side_by_side.py [--corroborate build/corroborate] [--repeat N]
"""
import argparse
import json
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PEER = os.path.join(HERE, "peers", "recognizers")
sys.path.insert(0, os.path.join(ROOT, "tools"))
import eval_newsquant  # noqa: E402

WIKINEWS = os.path.join(ROOT, "..", "shared", "data", "wikinews", "wikinews_clusters_dev.jsonl")


def corpus_lines(repeat):
    lines = []
    if os.path.exists(WIKINEWS):
        for line in open(WIKINEWS, encoding="utf-8"):
            for a in json.loads(line).get("articles", []):
                lines += [p.strip() for p in a.get("text", "").split("\n") if p.strip()]
        name = "Wikinews source articles"
    else:
        for root, _, files in os.walk(os.path.join(ROOT, "examples")):
            for f in sorted(files):
                if f.endswith(".txt"):
                    lines += [p.strip() for p in open(os.path.join(root, f), encoding="utf-8") if p.strip()]
        name = "examples/ (../shared/data/wikinews absent)"
    return lines * repeat, name


def peer_ready():
    if not shutil.which("node") or not shutil.which("npm"):
        print("SKIP peer: node or npm not found")
        return False
    if not os.path.isdir(os.path.join(PEER, "node_modules", "@microsoft")):
        p = subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=PEER, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, check=False)
        if p.returncode != 0:
            print("SKIP peer: npm ci failed: %s" % p.stderr.decode(errors="replace").strip().splitlines()[-1:])
            return False
    return True


def run_ours(binary, lines):
    data = "".join(json.dumps({"text": t}) + "\n" for t in lines).encode()
    p = subprocess.run([binary, "quantities", "--timing", "-"], input=data, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, check=True)
    timing = json.loads(p.stderr.decode().strip().splitlines()[-1])["timing"]
    rows = [json.loads(l)["quantities"] for l in p.stdout.decode().splitlines()]
    return rows, timing


def run_peer(lines, models):
    data = "".join(json.dumps({"text": t}) + "\n" for t in lines).encode()
    p = subprocess.run(["node", os.path.join(PEER, "run.js"), models], input=data, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, check=True, cwd=PEER)
    out = [json.loads(l) for l in p.stdout.decode().splitlines()]
    return out[:-1], out[-1]["timing"]


def peer_as_quantities(row):
    qs = []
    for r in row["numbers"] + row.get("percentages", []):
        v = str(r["value"]).rstrip("%")
        try:
            x = float(v)
        except ValueError:
            continue
        unit = "percentage" if str(r["value"]).endswith("%") else None
        qs.append({"low": x, "high": x, "change": "=", "normalized_unit": unit, "concept": None})
    return qs


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corroborate", default=os.path.join(ROOT, "build", "corroborate"))
    ap.add_argument("--repeat", type=int, default=3, help="repeat the speed corpus N times")
    args = ap.parse_args()

    lines, name = corpus_lines(args.repeat)
    _, ours_t = run_ours(args.corroborate, lines)
    ours_mbs = ours_t["bytes"] / ours_t["seconds"] / 1e6
    print("speed on %s: %d lines, %.2f MB" % (name, len(lines), ours_t["bytes"] / 1e6))
    print("  %-42s %8.2f MB/s" % ("corroborate quantities (1 thread)", ours_mbs))
    have_peer = peer_ready()
    if have_peer:
        for models in ("number", "number,percentage"):
            _, t = run_peer(lines, models)
            mbs = t["bytes"] / t["seconds"] / 1e6
            print("  %-42s %8.2f MB/s   corroborate is %.0fx faster" % ("Recognizers-Text " + models + " model(s)", mbs, ours_mbs / mbs))

    if not os.path.exists(eval_newsquant.DEFAULT_DATA):
        print("SKIP accuracy: NewsQuant not found at %s" % eval_newsquant.DEFAULT_DATA)
        return 0
    items = json.load(open(eval_newsquant.DEFAULT_DATA, encoding="utf-8"))
    texts = [x["text"] for x in items]
    gold = [x["quantities"] for x in items]
    ours, _ = run_ours(args.corroborate, texts)
    s = eval_newsquant.score(gold, ours)
    print("accuracy on NewsQuant dev (%d sentences, %d quantities):" % (len(items), sum(map(len, gold))))
    print("  %-42s value F1 %5.1f   value+unit F1 %5.1f" % ("corroborate", s["value"][2], s["value+unit"][2]))
    if have_peer:
        for models in ("number", "number,percentage"):
            rows, _ = run_peer(texts, models)
            theirs = [peer_as_quantities(r) for r in rows]
            t = eval_newsquant.score(gold, theirs)
            print("  %-42s value F1 %5.1f   value+unit F1 %5.1f" % ("Recognizers-Text " + models, t["value"][2], t["value+unit"][2]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
