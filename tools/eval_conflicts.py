#!/usr/bin/env python3
"""Evaluates corroborate's cross-source comparison on real multi-outlet clusters.

For every cluster (a Wikinews JSONL line: {"title", "articles": [{"id", "text", ...}]}):
  1. analyse the cluster as published: count facts by status and list every conflict, so a
     reviewer can judge whether each is real (unaltered clusters should have few);
  2. for each corroborated fact (agreed or compatible, two outlets or more), change the
     figure of one of its body mentions in one article, re-analyse, and check that the fact
     becomes a conflict with that article dissenting (detection), and that no other new
     conflict appears.

Prints per-cluster lines and a summary: detection rate (recall on altered figures) and
conflicts in unaltered clusters. Standard library only; run with any Python 3.

  tools/eval_conflicts.py [--corroborate build/corroborate] [--data FILE] [--max-trials N]
"""
import argparse
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
         "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
WORD_OF = {v: k for k, v in WORDS.items()}


def analyze(binary, articles):
    lines = "".join(json.dumps(a) + "\n" for a in articles)
    # Each cluster is one known story: compare it as such (clustering is scored by
    # tools/eval_clusters.py).
    p = subprocess.run([binary, "analyze", "-", "--json", "-", "--quiet", "--one-story"], input=lines.encode(),
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    if p.returncode not in (0, 1):
        raise RuntimeError("analyze failed: %s" % p.stderr.decode(errors="replace"))
    return json.loads(p.stdout)


def altered(text, factor=1.3):
    """A changed version of a figure as written: '2,514' -> '3,268', 'three' -> 'five'."""
    m = re.search(r"\d[\d,]*(\.\d+)?", text)
    if m:
        raw = m.group(0)
        value = float(raw.replace(",", ""))
        if value < 10:
            new = value + 2 if factor > 1 else max(0, value - 2)
        else:
            new = round(value * factor)
        if "." in raw and "," not in raw:
            s = ("%.*f" % (len(raw.split(".")[1]), value * factor))
        elif "," in raw:
            s = "{:,}".format(int(new))
        else:
            s = str(int(new))
        return text[:m.start()] + s + text[m.end():]
    for word, value in WORDS.items():
        idx = text.lower().find(word)
        if idx >= 0:
            nv = value + 2 if factor > 1 else max(0, value - 2)
            rep = WORD_OF.get(nv, str(nv))
            if text[idx].isupper():
                rep = rep.capitalize()
            return text[:idx] + rep + text[idx + len(word):]
    return None


def conflicts_of(report):
    out = []
    for story in report["stories"]:
        for f in story["facts"]:
            if f["status"] == "conflict":
                out.append(f)
    return out


def run_cluster(binary, cluster, max_trials, verbose):
    articles = [{"id": a["id"], "text": a["text"], "source": a.get("source"), "url": a.get("url"),
                 "title": a.get("title"), "published": a.get("published")} for a in cluster["articles"]]
    articles = [{k: v for k, v in a.items() if v is not None} for a in articles]
    base = analyze(binary, articles)
    story = base["stories"][0] if base["stories"] else {"facts": []}
    statuses = {}
    for f in story["facts"]:
        statuses[f["status"]] = statuses.get(f["status"], 0) + 1
    base_conflicts = conflicts_of(base)
    base_keys = {(f["label"], f["low"], f["high"]) for f in base_conflicts}
    trials = detected = false_alarms = untestable = 0
    corroborated = [f for f in story["facts"] if f["status"] in ("agreed", "compatible")]
    for f in corroborated[:max_trials]:
        body = [m for m in f["mentions"] if not m.get("in_title")]
        if not body:
            continue
        m = body[0]
        # Open bounds and ranges stay compatible when moved ("more than 90" and "more than
        # 117" can both be true): altering them tests nothing.
        if m["qualifier"] in ("at_least", "at_most", "range"):
            untestable += 1
            continue
        idx = next(i for i, a in enumerate(articles) if a["id"] == m["article"])
        # Move the figure away from what the other outlets say: down when one of them gives
        # a lower bound ("more than 16,000"), up otherwise.
        others = [o for o in f["mentions"] if o["article"] != m["article"]]
        factor = 0.6 if any(o["qualifier"] == "at_least" for o in others) else 1.3
        new_figure = altered(m["text"], factor)
        if not new_figure:
            continue
        text = articles[idx]["text"].encode()
        start, end = m["start"], m["end"]
        changed = text[:start] + new_figure.encode() + text[end:]
        trial_articles = [dict(a) for a in articles]
        trial_articles[idx]["text"] = changed.decode()
        report = analyze(binary, trial_articles)
        trials += 1
        hit = False
        for c in conflicts_of(report):
            for cm in c["mentions"]:
                # With a strict majority the altered outlet must be the dissenter; with two
                # outlets the conflict itself is the finding.
                if cm["article"] == m["article"] and cm["start"] == start and (
                        m["article"] in c["dissenting"] or not c["dissenting"]):
                    hit = True
        others = [c for c in conflicts_of(report)
                  if (c["label"], c["low"], c["high"]) not in base_keys
                  and not any(cm["article"] == m["article"] and cm["start"] == start for cm in c["mentions"])]
        detected += hit
        false_alarms += len(others)
        if verbose:
            print("    %s trial: %r -> %r in %s: %s" % ("OK " if hit else "MISS", m["text"], new_figure,
                                                      m["article"], f["label"]))
    return {"facts": len(story["facts"]), "statuses": statuses, "conflicts": base_conflicts,
            "trials": trials, "detected": detected, "false_alarms": false_alarms, "untestable": untestable}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corroborate", default=os.path.join(ROOT, "build", "corroborate"))
    ap.add_argument("--data", default=os.path.join(ROOT, "..", "shared", "data", "wikinews",
                                                   "wikinews_clusters_dev.jsonl"))
    ap.add_argument("--ecbplus", help="ECB+ articles JSONL (id, story, text): each story is a cluster")
    ap.add_argument("--max-trials", type=int, default=5, help="altered figures per cluster")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    if args.ecbplus:
        if not os.path.exists(args.ecbplus):
            print("skipped: %s not present" % args.ecbplus)
            return 0
        stories = {}
        for line in open(args.ecbplus, encoding="utf-8"):
            a = json.loads(line)
            stories.setdefault(a["story"], []).append({"id": a["id"], "text": a["text"]})
        clusters = [{"title": story, "articles": arts} for story, arts in sorted(stories.items())]
    elif not os.path.exists(args.data):
        print("skipped: %s not present" % args.data)
        return 0
    else:
        clusters = [json.loads(line) for line in open(args.data, encoding="utf-8")]
    totals = {"clusters": 0, "facts": 0, "corroborated": 0, "conflicts": 0, "trials": 0, "detected": 0,
              "false_alarms": 0, "untestable": 0}
    for n, cluster in enumerate(clusters):
        if len(cluster["articles"]) < 2:
            continue
        r = run_cluster(args.corroborate, cluster, args.max_trials, args.verbose)
        totals["clusters"] += 1
        totals["facts"] += r["facts"]
        totals["corroborated"] += r["statuses"].get("agreed", 0) + r["statuses"].get("compatible", 0)
        totals["conflicts"] += len(r["conflicts"])
        for k in ("trials", "detected", "false_alarms", "untestable"):
            totals[k] += r[k]
        print("%2d %-55.55s facts=%-3d %s detected=%d/%d" % (
            n, cluster["title"], r["facts"],
            " ".join("%s=%d" % kv for kv in sorted(r["statuses"].items())), r["detected"], r["trials"]))
        for c in r["conflicts"]:
            print("     conflict: %s (%s) %s" % (c["label"], c["attributed_to"],
                                                 "; ".join("%s:%r" % (m["article"], m["text"]) for m in c["mentions"])))
    t = totals
    print("\nclusters %d  facts %d  corroborated %d  conflicts in unaltered clusters %d" % (
        t["clusters"], t["facts"], t["corroborated"], t["conflicts"]))
    if t["trials"]:
        print("altered figures: %d  detected as conflicts: %d (%.1f%%)  other new conflicts: %d  "
              "(open bounds and ranges not altered: %d)" % (
                  t["trials"], t["detected"], 100.0 * t["detected"] / t["trials"], t["false_alarms"],
                  t["untestable"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
