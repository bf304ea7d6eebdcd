#!/usr/bin/env python3
"""Alignment quality on the public benchmarks, beside the baseline and the
published systems, all scored in this run by the benchmark's own scorer.

    python3 bench/align.py [--bench DIR]      (default DIR: ../shared/bench)
    python3 bench/align.py --sweep            one line per setting changed from the defaults

Runs `variorum align --jsonl` (one fixed configuration) on every set, then
`score.py` on it, on the TF-IDF baseline's output, and on each published
system's output shipped with the set. Prints one table (pairs and groups
P/R/F1; DEplain also without identical pairs).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SETS = [
    # set, baseline flags (from the benchmark's README)
    ("news-dev", ["--features", "char3", "--strategy", "best_b", "--threshold", "0.2"]),
    ("news-seeds", ["--strategy", "best_b", "--threshold", "0.3"]),
    ("deplain-web", []),
    ("aesop-fables", ["--strategy", "mutual", "--threshold", "0.2"]),
]


def score(bench, name, preds, exclude_identical=False):
    return score_pairs(bench, os.path.join(bench, name, "pairs.jsonl"), preds, exclude_identical)


def score_pairs(bench, pairs, preds, exclude_identical=False):
    """The benchmark's scorer on predictions `preds` for the pairs in file `pairs`."""
    cmd = [sys.executable, os.path.join(bench, "score.py"), pairs, preds, "--json"]
    if exclude_identical:
        cmd.append("--exclude-identical")
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def recall_by_kind(pairs_path, preds_path):
    """news-dev marks each gold link same, paraphrase or partial: how many of each were found."""
    preds = {}
    with open(preds_path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                preds[r["id"]] = {tuple(p) for p in r["pred"]}
    found, total = {}, {}
    with open(pairs_path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                for pair, kind in zip(r["gold"], r.get("kinds", [])):
                    total[kind] = total.get(kind, 0) + 1
                    found[kind] = found.get(kind, 0) + (tuple(pair) in preds.get(r["id"], set()))
    return ", ".join(f"{k} {found[k]}/{total[k]} ({found[k] / total[k]:.2f})" for k in sorted(total))


def variorum_binary():
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "variorum-cli"], cwd=ROOT, check=True)
    return os.path.join(ROOT, "target", "release", "variorum")


def chatgpt_preds(pairs_path, out_path):
    """Aesop ships ChatGPT's alignments in each pair's metadata."""
    with open(pairs_path, encoding="utf-8") as f, open(out_path, "w", encoding="utf-8") as out:
        for line in f:
            if line.strip():
                r = json.loads(line)
                pred = r.get("meta", {}).get("other_columns", {}).get("chat_gpt_alignments", [])
                out.write(json.dumps({"id": r["id"], "pred": pred}) + "\n")


# Settings tried around the defaults (crate/src/align/config.rs, AlignConfig::default).
SWEEP = [[], ["min_similarity=0.2"], ["min_similarity=0.3"], ["min_cover=0.05"], ["min_cover=0.15"],
         ["min_containment=0.45"], ["min_containment=0.55"], ["attach=0.2"], ["attach=0.25"],
         ["attach_new=0"], ["attach_new=0.1"], ["attach_new=0.4"], ["gap_similarity=0.15"], ["gap_similarity=0.25"],
         ["evidence_similarity=0.12"], ["evidence_similarity=0.24"], ["evidence_threshold=0.3"],
         ["evidence_threshold=0.46"], ["evidence_rank=0"], ["evidence_rank=2"], ["evidence_max_related=0.7"],
         ["function_word_weight=0.1"], ["function_word_weight=0.3"], ["stem_chars=4"], ["stem_chars=6"]]


def sweep(bench, exe, tmp):
    """The headline figure of each set for each setting, in one run."""
    print(f"{'settings':<26} {'news-dev F1':>11} {'seeds F1':>8} {'DEplain groups F1':>17} {'no-ident groups F1':>18} {'Aesop pairs F1':>14}")
    for settings in SWEEP:
        flags = [x for kv in settings for x in ("--set", kv)]
        figures = []
        for name, _ in SETS:
            out = os.path.join(tmp, f"{name}.sweep.jsonl")
            subprocess.run([exe, "align", "--jsonl", os.path.join(bench, name, "pairs.jsonl"), "--out", out] + flags, check=True)
            if name == "deplain-web":
                figures.append(score(bench, name, out)["groups"]["f1"])
                figures.append(score(bench, name, out, exclude_identical=True)["groups"]["f1"])
            else:
                figures.append(score(bench, name, out)["pairs"]["f1"])
        label = " ".join(settings) or "(defaults)"
        print(f"{label:<26} {figures[0]:>11.3f} {figures[1]:>8.3f} {figures[2]:>17.3f} {figures[3]:>18.3f} {figures[4]:>14.3f}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bench", default=os.path.join(ROOT, "..", "shared", "bench"))
    ap.add_argument("--sweep", action="store_true", help="score settings around the defaults instead")
    args = ap.parse_args()
    bench = os.path.abspath(args.bench)
    if not os.path.exists(os.path.join(bench, "score.py")):
        sys.exit(f"no benchmark at {bench}: pass --bench DIR (the folder with score.py)")
    exe = variorum_binary()
    tmp = tempfile.mkdtemp(prefix="variorum-bench-")
    if args.sweep:
        return sweep(bench, exe, tmp)
    rows = []
    kinds_line = ""
    for name, baseline_flags in SETS:
        pairs = os.path.join(bench, name, "pairs.jsonl")
        systems = []
        ours = os.path.join(tmp, f"{name}.variorum.jsonl")
        subprocess.run([exe, "align", "--jsonl", pairs, "--out", ours], check=True)
        systems.append(("Variorum", ours))
        if name == "news-dev":
            kinds_line = f"news-dev recall by link kind (Variorum): {recall_by_kind(pairs, ours)}"
        base = os.path.join(tmp, f"{name}.baseline.jsonl")
        subprocess.run([sys.executable, os.path.join(bench, "baseline.py"), pairs, base] + baseline_flags,
                       check=True, capture_output=True)
        systems.append(("baseline TF-IDF", base))
        published = os.path.join(bench, name, "published")
        if os.path.isdir(published):
            for f in sorted(os.listdir(published)):
                systems.append((f.removesuffix(".jsonl"), os.path.join(published, f)))
        if name == "aesop-fables":
            gpt = os.path.join(tmp, "aesop.chatgpt.jsonl")
            chatgpt_preds(pairs, gpt)
            systems.append(("ChatGPT (shipped)", gpt))
        for system, path in systems:
            s = score(bench, name, path)
            g = s["groups"] if s["groups"]["n_gold"] else {"precision": None, "recall": None, "f1": None}
            row = [name, system, s["pairs"]["precision"], s["pairs"]["recall"], s["pairs"]["f1"],
                   g["precision"], g["recall"], g["f1"]]
            if name == "deplain-web":
                x = score(bench, name, path, exclude_identical=True)
                row += [x["pairs"]["f1"], x["groups"]["f1"]]
            rows.append(row)
    print(f"{'set':<13} {'system':<18} {'pairs P':>7} {'R':>6} {'F1':>6}   {'groups P':>8} {'R':>6} {'F1':>6}   {'no-ident pairs F1':>17} {'groups F1':>9}")
    fmt = lambda x, w: f"{x:>{w}.3f}" if x is not None else f"{'n/a':>{w}}"
    for r in rows:
        extra = f"   {r[8]:>17.3f} {r[9]:>9.3f}" if len(r) > 8 else ""
        print(f"{r[0]:<13} {r[1]:<18} {r[2]:>7.3f} {r[3]:>6.3f} {r[4]:>6.3f}   {fmt(r[5], 8)} {fmt(r[6], 6)} {fmt(r[7], 6)}{extra}")
    if kinds_line:
        print(kinds_line)


if __name__ == "__main__":
    main()
