#!/usr/bin/env python3
"""Corpus-scale speed of `variorum batch`: sets/s and version pairs/s on one
core and on all, the speed-up, peak memory as the corpus grows tenfold, and
the projected cost of a NewsEdits-sized corpus.

    python3 bench/batch.py [--sets N]      (default 1,000; the tenfold run uses 10 N)

The corpus comes from bench/corpus.py (the seeds, revised reproducibly).
"""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time

from corpus import corpus

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NEWSEDITS_VERSIONS = 4_600_000  # NewsEdits: 1.28 M articles, 4.6 M versions


def timed(exe, path, jobs):
    """Seconds and peak resident MiB of one batch run (results discarded)."""
    started = time.perf_counter()
    proc = subprocess.run(["/usr/bin/time", "-f", "%M", exe, "batch", path, "--links", "--jobs", str(jobs), "--out", os.devnull],
                          capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        sys.exit(f"batch failed: {proc.stderr}")
    return seconds, int(proc.stderr.strip().splitlines()[-1]) / 1024


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", type=int, default=1000)
    args = ap.parse_args()
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "variorum-cli"], cwd=ROOT, check=True)
    exe = os.path.join(ROOT, "target", "release", "variorum")
    tmp = tempfile.mkdtemp(prefix="variorum-batch-")
    rng = random.Random(1)
    small, large = os.path.join(tmp, "small.jsonl"), os.path.join(tmp, "large.jsonl")
    pairs = corpus(args.sets, small, rng)
    pairs_large = corpus(10 * args.sets, large, rng)
    cores = os.cpu_count() or 1
    print(f"Machine: {cores} cores; corpus of {args.sets} sets ({pairs} version pairs), generated from the seeds.")
    print("| threads | seconds | sets/s | version pairs/s | peak MiB |")
    print("|---|---|---|---|---|")
    rates = {}
    for jobs in sorted({1, cores}):
        runs = [timed(exe, small, jobs) for _ in range(3)]
        seconds = sorted(r[0] for r in runs)[1]
        peak = max(r[1] for r in runs)
        rates[jobs] = args.sets / seconds
        print(f"| {jobs} | {seconds:.2f} | {args.sets / seconds:.0f} | {pairs / seconds:.0f} | {peak:.0f} |")
    print(f"Speed-up from 1 to {cores} threads: {rates[cores] / rates[1]:.2f}x (median of three runs each).")
    seconds, peak = timed(exe, large, cores)
    print(f"Ten times the sets ({10 * args.sets}, {pairs_large} pairs) on {cores} threads: {seconds:.1f} s, peak {peak:.0f} MiB.")
    per_version = seconds / sum(1 for _ in open(large)) / 1  # seconds per set
    versions_per_set = sum(len(json.loads(l)["versions"]) for l in open(large)) / (10 * args.sets)
    hours = NEWSEDITS_VERSIONS / versions_per_set * per_version / 3600
    print(f"Projected for a NewsEdits-sized corpus (4.6 M versions, {versions_per_set:.1f} a set as here): "
          f"{hours:.1f} hours on these {cores} cores; {hours * cores:.0f} core-hours.")


if __name__ == "__main__":
    main()
