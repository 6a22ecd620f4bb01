"""Shared pieces of the evaluation scripts in tools/ (standard library only)."""
import collections
import json
import subprocess


def run_jsonl(binary, command, records, args=(), ok_status=(0, 1)):
    """Runs `corroborate COMMAND ARGS -` with RECORDS (dicts) as JSON Lines on stdin.

    Returns (rows, stderr): one parsed JSON object per output line. Lines are split on
    "\\n" only: the output may hold U+2028, which str.splitlines() would also split on.
    """
    data = "".join(json.dumps(r) + "\n" for r in records).encode()
    p = subprocess.run([binary, command] + list(args) + ["-"], input=data, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, check=False)
    if p.returncode not in ok_status:
        raise SystemExit("corroborate %s failed (%d): %s" % (command, p.returncode,
                                                              p.stderr.decode(errors="replace")[-800:]))
    rows = [json.loads(line) for line in p.stdout.decode("utf-8").split("\n") if line]
    return rows, p.stderr.decode(errors="replace")


def prf(matches, n_system, n_gold):
    """Precision, recall and F1 (fractions) from match counts."""
    p = matches / n_system if n_system else 0.0
    r = matches / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def check_floor(name, value, floor):
    """Prints a failure and returns False when VALUE is below FLOOR (None: no floor)."""
    if floor is not None and value < floor:
        print("FAIL: %s %.3f below the floor %.3f" % (name, value, floor))
        return False
    return True


def pairwise(gold, pred):
    """Pairwise precision, recall, F1 of "same cluster" between two {item: cluster} maps."""
    def pairs(assign):
        groups = collections.defaultdict(list)
        for i, c in assign.items():
            groups[c].append(i)
        return sum(len(g) * (len(g) - 1) // 2 for g in groups.values()), groups
    n_gold, _ = pairs(gold)
    n_pred, groups = pairs(pred)
    tp = sum(sum(c * (c - 1) // 2 for c in collections.Counter(gold[m] for m in members).values())
             for members in groups.values())
    return prf(tp, n_pred, n_gold)
