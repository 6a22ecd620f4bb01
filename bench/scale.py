#!/usr/bin/env python3
"""Scale: `corroborate analyze` (or `cluster`) over generated corpora of growing size.

For each size N (default 10,000, 100,000 and 1,000,000 articles) it builds a corpus with
build/bench/make_corpus (same seed, so each corpus is a prefix-like sample of the same
stream) unless one is already in --corpus-dir, runs the command on it once and prints
wall time, MB/s of article text, peak resident memory (the child's ru_maxrss) and memory
per article. Between successive sizes it prints the growth of time against n log n: a
ratio at or below 1 means the cost grows no faster than n log n.

  bench/scale.py [--build DIR] [--sizes 10000 100000 1000000] [--command analyze|cluster]
                 [--corpus-dir DIR] [--report PATH]

The JSON report goes to --report (default: discarded); its stories are still spooled
(to a temporary file past a few MB) as a real run's are. A 1,000,000-article corpus is
about 2.8 GB of JSONL and the run takes roughly half an hour on 2 cores.
"""
import argparse
import math
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def text_bytes(path):
    """Bytes of article text in a JSONL corpus (what the MB/s figure counts)."""
    import json
    total = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            try:
                total += len(json.loads(line).get("text", "").encode("utf-8"))
            except ValueError:
                pass
    return total


def run(cmd):
    """Runs `cmd`, returns (seconds, peak RSS in bytes, exit status)."""
    start = time.monotonic()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(p.pid, 0)
    seconds = time.monotonic() - start
    err = p.stderr.read().decode("utf-8", "replace")
    p.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.stderr.write(err)
    return seconds, usage.ru_maxrss * 1024, code


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--sizes", type=int, nargs="+", default=[10000, 100000, 1000000])
    ap.add_argument("--command", choices=["analyze", "cluster"], default="analyze")
    ap.add_argument("--corpus-dir", help="where corpora are kept (default: a temporary directory)")
    ap.add_argument("--report", default=os.devnull, help="where the last run's JSON report goes")
    ap.add_argument("--threads", type=int, default=0)
    args = ap.parse_args()
    binary = os.path.join(args.build, "corroborate")
    maker = os.path.join(args.build, "bench", "make_corpus")
    for exe in (binary, maker):
        if not os.path.exists(exe):
            sys.exit(f"scale.py: {exe} is missing: build first (scripts/build.sh)")
    tmp = None
    corpus_dir = args.corpus_dir
    if not corpus_dir:
        tmp = tempfile.TemporaryDirectory()
        corpus_dir = tmp.name
    os.makedirs(corpus_dir, exist_ok=True)
    print(f"{args.command} on generated corpora, {args.threads or os.cpu_count()} threads")
    print(f"{'articles':>10} {'text MB':>8} {'seconds':>8} {'MB/s':>6} {'peak MB':>8} {'KB/article':>10}  growth vs n log n")
    previous = None
    for n in args.sizes:
        path = os.path.join(corpus_dir, f"corpus-{n}.jsonl")
        if not os.path.exists(path):
            subprocess.run([maker, "--articles", str(n), "--out", path], check=True, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
        mb = text_bytes(path) / 1e6
        cmd = [binary, args.command, path, "--quiet", "--threads", str(args.threads)] if args.command == "analyze" \
            else [binary, args.command, path, "--threads", str(args.threads)]
        if args.command == "analyze":
            cmd += ["--json", args.report]
        seconds, peak, code = run(cmd)
        if code not in (0, 1):
            sys.exit(f"scale.py: {' '.join(cmd)} exited {code}")
        growth = ""
        if previous:
            n0, t0 = previous
            expected = (n * math.log(n)) / (n0 * math.log(n0))
            growth = f"time x{seconds / t0:.2f} for n x{n / n0:.0f} (n log n: x{expected:.2f}) -> ratio {seconds / t0 / expected:.2f}"
        print(f"{n:>10} {mb:>8.1f} {seconds:>8.1f} {mb / seconds:>6.2f} {peak / 1e6:>8.0f} {peak / n / 1e3:>10.2f}  {growth}",
              flush=True)
        previous = (n, seconds)
    if tmp:
        tmp.cleanup()


if __name__ == "__main__":
    main()
