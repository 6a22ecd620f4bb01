#!/usr/bin/env python3
"""MinHash signatures: corroborate side by side with the Go library Debian packages.

Both systems get the same documents (the Wikinews clusters' source articles, repeated to
a few MB; the bundled examples without ../shared) and do the same work: lower-cased
words, 5-word shingles, 128-value signatures. Each times only that work, in one process,
on one core: ours is build/bench/dedup_bench's BM_Dedup/fingerprint on the corpus (one
permutation hashing), the peer a small Go driver (bench/peers/minhash-go/main.go) over
github.com/ekzhu/minhash-lsh (classic 128-hash MinHash), built here from Debian's
golang-go and golang-github-ekzhu-minhash-lsh-dev. Prints both MB/s and the ratio; skips
the peer when Go or the package is missing (apt-get install golang-go
golang-github-ekzhu-minhash-lsh-dev).

  bench/minhash_side_by_side.py [--build DIR] [--repeat N]
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
GOCODE = "/usr/share/gocode"
PEER_PKG = os.path.join(GOCODE, "src", "github.com", "ekzhu", "minhash-lsh")


def corpus(repeat):
    docs = []
    path = os.path.join(ROOT, "..", "shared", "data", "wikinews", "wikinews_clusters_dev.jsonl")
    if os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            docs += [a["text"] for a in json.loads(line)["articles"]]
    else:
        for root, _, files in os.walk(os.path.join(ROOT, "examples")):
            docs += [open(os.path.join(root, f), encoding="utf-8").read() for f in sorted(files) if f.endswith(".txt")]
    return (docs * repeat)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    docs = corpus(args.repeat)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "docs.bin")
        with open(path, "wb") as f:
            f.write(b"\0".join(d.encode("utf-8") for d in docs))
        size = os.path.getsize(path)
        env = dict(os.environ, CORROBORATE_BENCH_CORPUS=path)
        p = subprocess.run([os.path.join(args.build, "bench", "dedup_bench"), "--benchmark_filter=BM_Dedup/fingerprint",
                            "--benchmark_format=json", "--benchmark_repetitions=3",
                            "--benchmark_report_aggregates_only=true"],
                           env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=True)
        rows = json.loads(p.stdout)["benchmarks"]
        ours = max(r["bytes_per_second"] for r in rows if r.get("aggregate_name") in ("mean", "median", None)) / 1e6
        print("corpus: %d documents, %.2f MB (5-word shingles, 128-value signatures, one core)" % (len(docs), size / 1e6))
        print("  %-52s %8.1f MB/s" % ("corroborate (one permutation hashing, C++)", ours))
        if not shutil.which("go") or not os.path.isdir(PEER_PKG):
            print("SKIP peer: needs `go` and %s (apt-get install golang-go golang-github-ekzhu-minhash-lsh-dev)" % PEER_PKG)
            return 0
        gdir = os.path.join(tmp, "peer")
        os.makedirs(gdir)
        shutil.copy(os.path.join(HERE, "peers", "minhash-go", "main.go"), gdir)
        genv = dict(os.environ, GOPATH=GOCODE, GO111MODULE="off", GOCACHE=os.path.join(tmp, "gocache"), GOFLAGS="")
        b = subprocess.run(["go", "build", "-o", "peer", "."], cwd=gdir, env=genv, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE)
        if b.returncode != 0:
            print("SKIP peer: go build failed: %s" % b.stderr.decode(errors="replace")[-300:])
            return 0
        best = 0
        for _ in range(3):
            with open(path, "rb") as f:
                r = subprocess.run([os.path.join(gdir, "peer")], stdin=f, stdout=subprocess.PIPE, check=True)
            t = json.loads(r.stdout)
            best = max(best, t["bytes"] / t["seconds"] / 1e6)
        print("  %-52s %8.1f MB/s" % ("github.com/ekzhu/minhash-lsh (128 hashes, Go)", best))
        print("  corroborate / Go peer: %.1fx" % (ours / best))
    return 0


if __name__ == "__main__":
    sys.exit(main())
