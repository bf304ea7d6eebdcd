#!/usr/bin/env python3
"""Corpus-scale speed of `variorum batch`: sets/s and version pairs/s on one
core and on all, the speed-up, peak memory as the corpus grows tenfold, and
the projected cost of a NewsEdits-sized corpus.

    python3 bench/batch.py [--sets N]      (default 1,000; the tenfold run uses 10 N)

Then, when the project's .venv holds the Python package (`npm run
test:python` puts it there), the same corpus through `variorum.compare_batch`
in one process and through the Ray Data pipeline (examples/ray_pipeline.py)
on a local cluster of all cores: their seconds against `variorum batch`.

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


ENGINES = """
import sys, time, ray, pyarrow.json as pajson, variorum
sys.path.insert(0, "examples")
import ray_pipeline
path = sys.argv[1]
table = pajson.read_json(path, parse_options=pajson.ParseOptions(explicit_schema=ray_pipeline.CORPUS_SCHEMA))
started = time.perf_counter(); variorum.compare_batch(table, links=True); print(time.perf_counter() - started)
ray.init(include_dashboard=False, logging_level="ERROR", log_to_driver=False,
         runtime_env={"env_vars": {"PYTHONPATH": "examples"}})
ray_pipeline.pipeline(path, links=True).materialize()  # warm: workers started, module imported
started = time.perf_counter(); ray_pipeline.pipeline(path, links=True).materialize(); print(time.perf_counter() - started)
"""


def engines(path, batch_seconds):
    """The Python package and Ray Data on the same corpus, if installed."""
    python = os.path.join(ROOT, ".venv", "bin", "python")
    if not os.path.exists(python):
        print("(No .venv: run `npm run test:python` first to time the Python package and Ray.)")
        return
    runs = [subprocess.run([python, "-c", ENGINES, path], cwd=ROOT, capture_output=True, text=True) for _ in range(3)]
    if any(r.returncode for r in runs):
        sys.exit(f"the Python run failed: {runs[0].stderr[-2000:]}")
    arrow, ray_data = (sorted(float(r.stdout.split()[k]) for r in runs)[1] for k in (0, 1))
    print(f"variorum.compare_batch (one process, Arrow in and out): {arrow:.2f} s, "
          f"{arrow / batch_seconds:.2f}x the time of `variorum batch`.")
    print(f"Ray Data pipeline (local cluster, warm, {os.cpu_count()} CPUs): {ray_data:.2f} s, "
          f"{ray_data / batch_seconds:.2f}x the time of `variorum batch`.")


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
    engines(small, args.sets / rates[cores])
    seconds, peak = timed(exe, large, cores)
    print(f"Ten times the sets ({10 * args.sets}, {pairs_large} pairs) on {cores} threads: {seconds:.1f} s, peak {peak:.0f} MiB.")
    per_version = seconds / sum(1 for _ in open(large)) / 1  # seconds per set
    versions_per_set = sum(len(json.loads(l)["versions"]) for l in open(large)) / (10 * args.sets)
    hours = NEWSEDITS_VERSIONS / versions_per_set * per_version / 3600
    print(f"Projected for a NewsEdits-sized corpus (4.6 M versions, {versions_per_set:.1f} a set as here): "
          f"{hours:.1f} hours on these {cores} cores; {hours * cores:.0f} core-hours.")


if __name__ == "__main__":
    main()
