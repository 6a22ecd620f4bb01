#!/usr/bin/env python3
"""Scores story clustering and near-duplicate detection on a generated corpus.

Builds a corpus with build/bench/make_corpus (known stories and syndicated copies), runs
`corroborate cluster` on it, and prints:
  stories      pairwise precision, recall and F1 of "same story" against the truth, in
               all and within the stories made from each part of the article pool
  threads      the same for "same thread" (a story with the later ones that follow it)
  duplicates   pairwise precision and recall of "same duplicate group" (an article and
               the copies made of it, directly or through other copies)
  time         wall time of `corroborate cluster` and articles/s
  pastes       paragraph-level copies found by `corroborate analyze`: recall of the
               paragraphs the generator pasted across stories (found with their source,
               or a copy of it), and precision of the cross-story pastes reported (within
               a story, outlets reuse paragraphs by construction, so those are not scored)
With --floor stories=F1 duplicates=P pastes=F1, exits 1 below a floor.

  tools/eval_generated.py [--articles N] [--seed S] [--format jsonl|warc.gz] [--floor ...]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

from evalkit import check_floor, pairwise

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def groups_of(pairs, ids):
    parent = {i: i for i in ids}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x
    for a, b in pairs:
        if a in parent and b in parent:
            parent[find(a)] = find(b)
    return {i: find(i) for i in ids}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--articles", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--format", default="jsonl")
    ap.add_argument("--floor", nargs="*", default=[])
    ap.add_argument("extra", nargs="*")
    args = ap.parse_args()
    floors = dict((k, float(v)) for k, _, v in (f.partition("=") for f in args.floor))
    if floors and not os.path.isdir(os.path.join(ROOT, "..", "shared", "data")):
        # Without the data pool the generator falls back to one example story, and the
        # floors (set on the pool) do not apply.
        print("SKIP: ../shared/data not found; the generated corpus needs its article pool")
        return 77
    with tempfile.TemporaryDirectory() as tmp:
        corpus = os.path.join(tmp, "corpus." + args.format)
        truth_path = os.path.join(tmp, "truth.jsonl")
        subprocess.run([os.path.join(args.build, "bench", "make_corpus"), "--articles", str(args.articles),
                        "--seed", str(args.seed), "--out", corpus, "--truth", truth_path], check=True)
        truth = [json.loads(l) for l in open(truth_path)]
        texts = {}
        if args.format == "jsonl":
            for line in open(corpus, encoding="utf-8"):
                r = json.loads(line)
                texts[r["id"]] = r["text"]
        start = time.monotonic()
        p = subprocess.run([os.path.join(args.build, "corroborate"), "cluster", corpus] + args.extra,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
        seconds = time.monotonic() - start
        if p.returncode not in (0, 1):
            raise SystemExit("cluster failed: %s" % p.stderr.decode(errors="replace")[-500:])
        rows = [json.loads(l) for l in p.stdout.decode().split("\n") if l]
        report_path = os.path.join(tmp, "report.json")
        p = subprocess.run([os.path.join(args.build, "corroborate"), "analyze", corpus, "--quiet", "--json",
                            report_path] + args.extra, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
        if p.returncode not in (0, 1):
            raise SystemExit("analyze failed: %s" % p.stderr.decode(errors="replace")[-500:])
        with open(report_path, encoding="utf-8") as f:
            report = json.load(f)
    pred_story = {r["id"]: r["story"] for r in rows}
    gold_story = {t["id"]: t["story"] for t in truth if t["id"] in pred_story}
    sp, sr, sf = pairwise(gold_story, pred_story)
    ids = list(pred_story)
    gold_dup = groups_of([(t["id"], t["duplicate_of"]) for t in truth if t["duplicate_of"]], ids)
    pred_dup = groups_of([(r["id"], r["duplicate_of"]) for r in rows if r["duplicate_of"]], ids)
    dp, dr, df = pairwise(gold_dup, pred_dup)
    print("generated corpus: %d articles (%d read), %d stories, %d copies" %
          (len(truth), len(rows), len(set(t["story"] for t in truth)), sum(1 for t in truth if t["duplicate_of"])))
    print("  stories     pairwise P %.3f R %.3f F1 %.3f" % (sp, sr, sf))
    # Threads: a generated story has no follow-ups, so a thread joining two of them is a
    # false link (two stories made from one pool story have different names by construction).
    pred_thread = {r["id"]: r.get("thread", r["story"]) for r in rows}
    tp, tr, tf = pairwise(gold_story, pred_thread)
    linked = len(set(pred_story.values())) - len(set(pred_thread.values()))
    print("  threads     %d stories follow another: pairwise P %.3f R %.3f F1 %.3f" % (linked, tp, tr, tf))
    # The same score within the stories made from each part of the pool (pairs of articles
    # from one part): the Wikinews clusters' scraped sources include error pages, index
    # pages and blog archives that no clusterer can place, ECB+'s are all articles.
    sets = sorted(set(t.get("pool_set", "") for t in truth))
    if len(sets) > 1:
        for name in sets:
            members = {t["id"] for t in truth if t.get("pool_set") == name and t["id"] in pred_story}
            p, r, f = pairwise({i: gold_story[i] for i in members}, {i: pred_story[i] for i in members})
            print("    from %-9s %4d articles: P %.3f R %.3f F1 %.3f" % (name, len(members), p, r, f))
    print("  duplicates  pairwise P %.3f R %.3f F1 %.3f" % (dp, dr, df))
    print("  cluster     %.2f s, %.0f articles/s" % (seconds, len(rows) / max(seconds, 1e-9)))
    # Pastes. The detector names a paragraph's first appearance, which may be an earlier
    # article of the source's story carrying the same paragraph: a source counts when it
    # is in the true source's story. Stories made from one pool story share paragraphs
    # by construction, so precision is scored on pastes between different pool stories.
    # Stories made from one pool text can carry the very same paragraph (one with no name
    # or figure in it), so a source whose reported paragraph is word for word in the true
    # source counts too (JSON Lines corpora, whose texts are the articles' own bytes).
    injected = {t["id"]: t["pasted_from"] for t in truth if t.get("pasted_from")}
    info = {t["id"]: t for t in truth}
    words = lambda s: " ".join(s.split())
    source_text = {i: words(texts[i]) for i in set(injected.values()) if i in texts}

    def right_source(a, p):
        if a not in injected:
            return False
        if info[p["from"]]["story"] == info[injected[a]]["story"]:
            return True
        if p["from"] not in texts or injected[a] not in source_text:
            return False
        span = words(texts[p["from"]].encode("utf-8")[p["from_start"]:p["from_end"]].decode("utf-8", "replace"))
        return len(span) > 40 and span in source_text[injected[a]]

    found = cross_reported = cross_right = 0
    for a in report["articles"]:
        pastes = a.get("pasted", [])
        found += any(right_source(a["id"], p) for p in pastes)
        for p in pastes:
            if info[a["id"]]["pool"] != info[p["from"]]["pool"]:
                cross_reported += 1
                cross_right += right_source(a["id"], p)
    pr = found / len(injected) if injected else 1.0
    pp = cross_right / cross_reported if cross_reported else 1.0
    pf = 2 * pp * pr / (pp + pr) if pp + pr else 0.0
    print("  pastes      %d paragraphs pasted across stories: %d found (R %.3f); %d pastes reported between "
          "unrelated texts, P %.3f; F1 %.3f" % (len(injected), found, pr, cross_reported, pp, pf))
    ok = check_floor("story F1", sf, floors.get("stories")) and check_floor("duplicate precision", dp, floors.get("duplicates"))
    ok = check_floor("paste F1", pf, floors.get("pastes")) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
