#!/usr/bin/env python3
"""Alignment quality on long texts: each benchmark set's pairs joined end to
end into one long pair, scored against the union of their gold.

    python3 bench/long.py [--bench DIR] [--set KEY=VALUE ...]

No benchmark here has texts longer than a few thousand words, while the
aligner bounds its work per sentence on long texts (how many sentences a
probe term may be in, how many candidates a sentence keeps). Joined, a set's
pairs make one pair of a few hundred kilobytes in which every sentence has
thousands of unrelated ones to be confused with. Each line prints the joined
pair's pairs P/R/F1 beside the same set aligned pair by pair, so what the
length costs shows as the difference. `--set` passes settings to the aligner
for both (as `variorum align --set`).

Only one pair of each family of texts is joined (texts linked by annotated
pairs: news-dev pairs every two outlets of a story), so no two joined pairs
tell one story. A link counts only inside the pair its sentences came from;
the links across pairs are counted apart ("across"): each is the aligner
confusing two unrelated texts.
"""
import argparse
import bisect
import json
import os
import subprocess
import sys
import tempfile
import time

from align import ROOT, score_pairs, variorum_binary

SETS = ["news-dev", "news-seeds", "deplain-web", "aesop-fables"]


def unrelated(records):
    """One pair from each family of texts: texts joined by annotated pairs
    (news-dev pairs every two outlets of a story, so a story is one family).
    Two pairs of one family tell one story, and a link between them could be
    right with no gold to say so."""
    family = {}

    def root(x):
        while family.setdefault(x, x) != x:
            x = family[x]
        return x

    keys = [("\n".join(r["a"]), "\n".join(r["b"])) for r in records]
    for ka, kb in keys:
        family[root(ka)] = root(kb)
    seen, kept = set(), []
    for r, (ka, _) in zip(records, keys):
        if root(ka) not in seen:
            seen.add(root(ka))
            kept.append(r)
    return kept


def joined(records):
    """One record of the pairs' texts end to end, their gold shifted; and
    where each pair starts in it, as (first of a, first of b)."""
    out = {"id": "joined", "a": [], "b": [], "gold": [], "ignore": [], "a_unannotated": [], "b_unannotated": []}
    starts = []
    for r in records:
        da, db = len(out["a"]), len(out["b"])
        starts.append((da, db))
        shift = lambda pairs: [[i + da, j + db] for i, j in pairs]
        out["gold"] += shift(r["gold"])
        out["ignore"] += shift(r.get("ignore", []))
        out["a_unannotated"] += [i + da for i in r.get("a_unannotated", [])]
        out["b_unannotated"] += [j + db for j in r.get("b_unannotated", [])]
        out["a"] += r["a"]
        out["b"] += r["b"]
    return out, starts


def within_pairs(pred, starts):
    """The predicted links inside one joined pair, and how many cross two."""
    firsts_a, firsts_b = ([s[k] for s in starts] for k in (0, 1))
    pair_of = lambda firsts, x: bisect.bisect_right(firsts, x) - 1
    inside = [[i, j] for i, j in pred if pair_of(firsts_a, i) == pair_of(firsts_b, j)]
    return inside, len(pred) - len(inside)


def align(exe, pairs_path, records, flags, tmp, tag):
    """Runs the aligner on `records`; returns its predictions by id and the seconds it took."""
    with open(pairs_path, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    out = os.path.join(tmp, f"{tag}.out.jsonl")
    start = time.perf_counter()
    subprocess.run([exe, "align", "--jsonl", pairs_path, "--out", out] + flags, check=True)
    seconds = time.perf_counter() - start
    with open(out, encoding="utf-8") as f:
        return {r["id"]: r for r in map(json.loads, f) if r}, seconds


def score(bench, pairs_path, preds, tmp, tag):
    """Pairs P/R/F1 of `preds` (records with `id` and `pred`) on the pairs in `pairs_path`."""
    path = os.path.join(tmp, f"{tag}.scored.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for r in preds:
            f.write(json.dumps(r) + "\n")
    return score_pairs(bench, pairs_path, path)["pairs"]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bench", default=os.path.join(ROOT, "..", "shared", "bench"))
    ap.add_argument("--set", action="append", default=[], metavar="KEY=VALUE")
    args = ap.parse_args()
    bench = os.path.abspath(args.bench)
    if not os.path.exists(os.path.join(bench, "score.py")):
        sys.exit(f"no benchmark at {bench}: pass --bench DIR (the folder with score.py)")
    exe = variorum_binary()
    flags = [x for kv in args.set for x in ("--set", kv)]
    tmp = tempfile.mkdtemp(prefix="variorum-long-")
    print(f"{'set':<13} {'pairs':>5} {'sentences a/b':>14} {'KB':>5}   {'joined P':>8} {'R':>6} {'F1':>6} {'across':>6} {'s':>5}   {'pair by pair P':>14} {'R':>6} {'F1':>6}")
    for name in SETS:
        with open(os.path.join(bench, name, "pairs.jsonl"), encoding="utf-8") as f:
            records = unrelated([json.loads(line) for line in f if line.strip()])
        long, starts = joined(records)
        short_path, long_path = (os.path.join(tmp, f"{name}.{k}.jsonl") for k in ("short", "long"))
        short_preds, _ = align(exe, short_path, records, flags, tmp, f"{name}.short")
        long_preds, seconds = align(exe, long_path, [long], flags, tmp, f"{name}.long")
        inside, across = within_pairs(long_preds["joined"]["pred"], starts)
        j = score(bench, long_path, [{"id": "joined", "pred": inside}], tmp, f"{name}.long")
        s = score(bench, short_path, short_preds.values(), tmp, f"{name}.short")
        kb = sum(len(x.encode()) for x in long["a"] + long["b"]) / 1000
        print(f"{name:<13} {len(records):>5} {len(long['a']):>7}/{len(long['b']):<6} {kb:>5.0f}   "
              f"{j['precision']:>8.3f} {j['recall']:>6.3f} {j['f1']:>6.3f} {across:>6} {seconds:>5.1f}   "
              f"{s['precision']:>14.3f} {s['recall']:>6.3f} {s['f1']:>6.3f}")


if __name__ == "__main__":
    main()
