#!/usr/bin/env python3
"""Scores `corroborate cluster` (story clustering) by pairwise precision, recall and F1.

Data sets, each fed as one stream of articles:
  ecbplus   ../shared/data/ecbplus/ecbplus_topics_1-35.jsonl: gold = the `story` field
            (each topic holds two different events of the same kind, so this is hard);
            no publication dates but what the texts' datelines and url lines give
            (undated articles arrive last, in input order, and may join the
            closed stories held for them)
  ecb-odd, ecb-even  the odd and the even ECB+ topics, each clustered alone
  wikinews  ../shared/data/wikinews/wikinews_clusters_dev.jsonl: every cluster's source
            articles (the data gives none a date or an outlet); gold = the cluster
A pair of articles is a true positive when both gold and prediction put them in one
story. For data with dates, a third line says how many gold pairs are dated further apart
than a story that closes after `--window-days` idle days can span, and the story recall
and F1 that leaves (ECB+'s stories run for months). Threads (a story with the later stories that follow it, such as a trial months after
a shooting) are scored the same way against the same labels: ECB+'s stories hold an event
with its follow-ups. With --floor NAME=F1 (or NAME-threads=F1), exits 1 when that set's F1
falls below F1; 77 when no data.

  tools/eval_clusters.py [--corroborate build/corroborate] [--set ecbplus|wikinews|all]
                         [--floor ecbplus=0.9 ...] [-- extra cluster options]
"""
import argparse
import calendar
import collections
import datetime
import json
import os
import sys

from evalkit import check_floor, pairwise, run_jsonl

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DATA = os.path.join(ROOT, "..", "shared", "data")


def ecbplus(halves=None):
    path = os.path.join(DATA, "ecbplus", "ecbplus_topics_1-35.jsonl")
    if not os.path.exists(path):
        return None
    rows = [json.loads(l) for l in open(path, encoding="utf-8")]
    if halves is not None:  # 1: odd topics, 0: even topics
        rows = [r for r in rows if int(r["topic"]) % 2 == halves]
    return [{"id": r["id"], "text": r["text"]} for r in rows], {r["id"]: r["story"] for r in rows}


def wikinews():
    path = os.path.join(DATA, "wikinews", "wikinews_clusters_dev.jsonl")
    if not os.path.exists(path):
        return None
    records, gold = [], {}
    for k, line in enumerate(open(path, encoding="utf-8")):
        for a in json.loads(line).get("articles", []):
            rid = "c%d-%s" % (k, a["id"])
            rec = {"id": rid, "text": a["text"]}
            for f in ("title", "published", "source", "url"):
                if a.get(f) and a[f] != "None":  # the data writes a missing value as "None"
                    rec[f] = a[f]
            records.append(rec)
            gold[rid] = k
    return records, gold


def days(published):
    """(first day, last day) as day numbers of an ISO date, month or year; None if undated."""
    if not published:
        return None
    parts = published[:10].split("-")
    y = int(parts[0])
    if len(parts) == 1:
        return datetime.date(y, 1, 1).toordinal(), datetime.date(y, 12, 31).toordinal()
    m = int(parts[1])
    if len(parts) == 2:
        return datetime.date(y, m, 1).toordinal(), datetime.date(y, m, calendar.monthrange(y, m)[1]).toordinal()
    d = datetime.date(y, m, int(parts[2])).toordinal()
    return d, d


def window_ceiling(gold, published, window):
    """Gold pairs no story that closes after WINDOW idle days can hold, and all gold pairs.

    Within a gold story, the dated articles are cut wherever more than WINDOW days pass
    with no dated article of that story in between (as a story closes); two dated articles on either side of a cut
    can share such a story only if articles of other stories bridge the gap (undated
    articles arrive last and bridge nothing).
    """
    members = collections.defaultdict(list)
    for i, g in gold.items():
        members[g].append(i)
    unreachable = total = 0
    for ids in members.values():
        total += len(ids) * (len(ids) - 1) // 2
        dated = sorted(d for d in (days(published.get(i)) for i in ids) if d)
        sizes, last = [], None
        for first, end in dated:
            if last is None or first - last > window:
                sizes.append(0)
            sizes[-1] += 1
            last = end if last is None else max(last, end)
        n = sum(sizes)
        unreachable += (n * n - sum(x * x for x in sizes)) // 2
    return unreachable, total


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corroborate", default=os.path.join(ROOT, "build", "corroborate"))
    ap.add_argument("--set", default="all")
    ap.add_argument("--floor", nargs="*", default=[])
    ap.add_argument("extra", nargs="*", help="options passed to `corroborate cluster`")
    args = ap.parse_args()
    floors = dict((k, float(v)) for k, _, v in (f.partition("=") for f in args.floor))
    # ../shared holds no held-out ECB+ topics; its odd and even topics, each clustered
    # alone, show how far a setting chosen on all of them carries to topics it was not
    # chosen on (no floor).
    sets = {"ecbplus": ecbplus, "ecb-odd": lambda: ecbplus(1), "ecb-even": lambda: ecbplus(0), "wikinews": wikinews}
    ok, ran = True, 0
    for name, load in sets.items():
        if args.set not in ("all", name) and not (args.set == "ecbplus" and name.startswith("ecb-")):
            continue
        loaded = load()
        if loaded is None:
            print("SKIP %s: data not found under %s" % (name, DATA))
            continue
        records, gold = loaded
        rows, _ = run_jsonl(args.corroborate, "cluster", records, args=args.extra)
        pred = {r["id"]: r["story"] for r in rows}
        threads = {r["id"]: r.get("thread", r["story"]) for r in rows}
        missing = [i for i in gold if i not in pred]
        p, r, f = pairwise({i: gold[i] for i in pred}, pred)
        tp, tr, tf = pairwise({i: gold[i] for i in threads}, threads)
        ran += 1
        print("%-9s %4d articles, %3d gold stories, %3d predicted: pairwise P %.3f R %.3f F1 %.3f%s" %
              (name, len(records), len(set(gold.values())), len(set(pred.values())), p, r, f,
               ("  (%d not clustered)" % len(missing)) if missing else ""))
        print("%-9s %4s threads (stories with their follow-ups):  %3d predicted: pairwise P %.3f R %.3f F1 %.3f" %
              ("", "", len(set(threads.values())), tp, tr, tf))
        published = {r["id"]: r.get("published") for r in rows}
        if any(published.values()):
            window = 7
            for k, a in enumerate(args.extra):
                if a == "--window-days" and k + 1 < len(args.extra):
                    window = int(args.extra[k + 1])
            cut, total = window_ceiling({i: gold[i] for i in pred}, published, window)
            ceiling = 1 - cut / total if total else 1.0
            print("%-9s %4s dated %d of %d articles; %d of %d gold pairs are dated further apart than a story "
                  "open %d idle days can span: story recall at most %.3f, F1 at most %.3f at this precision" %
                  ("", "", sum(1 for v in published.values() if v), len(published), cut, total, window, ceiling,
                   2 * p * ceiling / (p + ceiling) if p + ceiling else 0.0))
        ok &= check_floor(name + " pairwise F1", f, floors.get(name))
        ok &= check_floor(name + " threads pairwise F1", tf, floors.get(name + "-threads"))
    if ran == 0:
        return 77
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
