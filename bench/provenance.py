#!/usr/bin/env python3
"""Provenance detection on news-dev (relations.json) and on the seeds.

    python3 bench/provenance.py [--bench DIR]      (default DIR: ../shared/bench)

Runs `variorum compare --format json` once per news-dev story (every outlet's
raw article a version) and compares each pair's relation with
`news-dev/relations.json`: copy pairs must come out `same_source`, the partly
shared pair `partly_shared`, every other pair neither. Prints precision and
recall of copy detection over all pairs, the partly shared pairs, every
mistake, and the seeds' relations and family tree.
"""
import argparse
import itertools
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def variorum_binary():
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "variorum-cli"], cwd=ROOT, check=True)
    return os.path.join(ROOT, "target", "release", "variorum")


def compare(exe, paths):
    return json.loads(subprocess.run([exe, "compare", "--format", "json"] + paths, check=True, capture_output=True).stdout)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bench", default=os.path.join(ROOT, "..", "shared", "bench"))
    args = ap.parse_args()
    gold_dir = os.path.join(os.path.abspath(args.bench), "news-dev")
    if not os.path.exists(os.path.join(gold_dir, "relations.json")):
        sys.exit(f"no news-dev/relations.json under {args.bench}: pass --bench DIR")
    exe = variorum_binary()
    relations = json.load(open(os.path.join(gold_dir, "relations.json"), encoding="utf-8"))["stories"]
    tp = fp = fn = pairs = 0
    partial_right = partial_total = 0
    mistakes = []
    for story, gold in sorted(relations.items()):
        folder = os.path.join(gold_dir, story, "articles")
        files = sorted(f for f in os.listdir(folder) if f.endswith(".txt"))
        report = compare(exe, [os.path.join(folder, f) for f in files])
        names = [f[:-4] for f in files]
        found = {frozenset((names[p["a"]], names[p["b"]])): p for p in report["provenance"]["pairs"]}
        copies = {frozenset(p) for p in gold["copies"]}
        partial = {frozenset(p) for p in gold["partial_copy"]}
        for x, y in itertools.combinations(names, 2):
            key = frozenset((x, y))
            p = found[key]
            said = p["relation"]
            pairs += 1
            if key in partial:
                partial_total += 1
                partial_right += said == "partly_shared"
                if said != "partly_shared":
                    mistakes.append(f"{story} {x}~{y}: partly shared, found {said}")
                continue
            is_copy, called_copy = key in copies, said == "same_source"
            tp += is_copy and called_copy
            fp += called_copy and not is_copy
            fn += is_copy and not called_copy
            if is_copy != called_copy or (not is_copy and said != "independent"):
                verbatim = max(p["shared_a"], p["shared_b"])
                mistakes.append(f"{story} {x}~{y}: {'copy' if is_copy else 'independent'}, found {said} ({verbatim:.2f} verbatim)")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    print(f"news-dev: {pairs} pairs; copies found {tp} of {tp + fn} (precision {precision:.3f}, recall {recall:.3f}); "
          f"partly shared pairs found as such {partial_right} of {partial_total}")
    for m in mistakes:
        print("  mistake:", m)
    seeds = sorted(os.path.join(ROOT, "seeds", f) for f in os.listdir(os.path.join(ROOT, "seeds")) if f[:3].isdigit())
    report = compare(exe, seeds)
    names = [os.path.basename(s)[:3] for s in seeds]
    for p in report["provenance"]["pairs"]:
        if p["relation"] != "independent":
            print(f"seeds: {names[p['a']]} ~ {names[p['b']]}: {p['relation']} "
                  f"({p['shared_a']:.2f}/{p['shared_b']:.2f} verbatim, {p['close']:.2f} close)")
    for d, line in enumerate(report["provenance"]["tree"]):
        if line["parent"] is not None:
            how = "derives from" if line["directed"] else "shares a source with"
            print(f"seeds: {names[d]} {how} {names[line['parent']]} ({line['relation']})")


if __name__ == "__main__":
    main()
