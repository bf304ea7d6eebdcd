#!/usr/bin/env python3
"""Learns the weights of the aligner's evidence decision (crate/src/align/evidence.rs)
with leave-one-story-out cross-validation over every public set, and prints
what to write into AlignConfig::default.

    python3 bench/learn.py [--bench DIR]

Each candidate pair the order passes left open, with its features
(`variorum align --jsonl --explain`), is one example: a link in the gold, or
not (pairs the annotators marked uncertain are left out). The model is a
logistic regression (Newton's method, L2); the threshold is the one that
maximises pairs F1 on the training stories. A fold is one news-dev story, or
one whole other set (news-seeds, DEplain-web, Aesop): each fold is held out
in turn, the weights are learned on the rest, and the held-out story is
aligned by the real binary with those weights (`--set`), so the
leave-one-story-out figure is the scorer's own, not this script's.
Plain Python: no numpy needed.
"""
import argparse
import json
import math
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SETS = ["news-dev", "news-seeds", "deplain-web", "aesop-fables"]
L2 = 1.0
# Each fold weighs the same in the fit, whatever its number of candidates:
# DEplain's 112 documents must not decide for six news stories.
FOLD_WEIGHT = 1000.0


NEWS = set()  # the folds that are news-dev stories


def fold_of(set_name, pair_id):
    return pair_id.split(":")[0] if set_name == "news-dev" else set_name


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def examples(bench, exe, tmp, flags=(), extra=None):
    """Per fold: the open candidates (features, label) and what the order passes got right.
    `extra`, given a benchmark pair, gives a function of two sentence indices:
    one more feature, appended to each candidate's (for bench/meaning.py)."""
    folds = {}
    for s in SETS:
        pairs = os.path.join(bench, s, "pairs.jsonl")
        out = os.path.join(tmp, f"{s}.explain.jsonl")
        subprocess.run([exe, "align", "--jsonl", pairs, "--out", out, "--explain", *flags], check=True)
        gold = {r["id"]: r for r in read_jsonl(pairs)}
        for r in read_jsonl(out):
            g = gold[r["id"]]
            links = {tuple(p) for p in g["gold"]}
            ignore = {tuple(p) for p in g.get("ignore", [])}
            f = folds.setdefault(fold_of(s, r["id"]), {"rows": [], "gold": 0, "tp": 0, "fp": 0})
            f["gold"] += len(links - ignore)
            more = extra(g) if extra else None
            for e in r["evidence"]:
                pair = (e["a"], e["b"])
                if pair in ignore:
                    continue
                y = pair in links
                if e["linked"]:
                    f["tp" if y else "fp"] += 1
                # The decision never links on names alone, nor below the rank rule (evidence_rank 1).
                elif e["features"][11] > 0 and e["features"][8] >= 0.5:
                    f["rows"].append((e["features"] + ([more(e["a"], e["b"])] if more else []), y))
    return folds


def solve(m, v):
    """Gaussian elimination with partial pivoting."""
    n = len(v)
    a = [row[:] + [v[k]] for k, row in enumerate(m)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(a[r][c]))
        a[c], a[p] = a[p], a[c]
        for r in range(n):
            if r != c and a[c][c] != 0:
                f = a[r][c] / a[c][c]
                for k in range(c, n + 1):
                    a[r][k] -= f * a[c][k]
    return [a[k][n] / a[k][k] if a[k][k] else 0.0 for k in range(n)]


def fit(rows):
    """Weighted logistic regression by Newton's method; returns (weights, bias)."""
    d = len(rows[0][0])
    w = [0.0] * (d + 1)  # last: bias
    for _ in range(25):
        grad = [0.0] * (d + 1)
        hess = [[0.0] * (d + 1) for _ in range(d + 1)]
        for x, y, sw in rows:
            xb = list(x) + [1.0]
            z = sum(a * b for a, b in zip(w, xb))
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            g = (p - y) * sw
            h = p * (1 - p) * sw
            for a in range(d + 1):
                grad[a] += g * xb[a]
                ha = h * xb[a]
                row = hess[a]
                for b in range(a, d + 1):
                    row[b] += ha * xb[b]
        for a in range(d + 1):
            for b in range(a):
                hess[a][b] = hess[b][a]
            if a < d:
                grad[a] += L2 * w[a]
                hess[a][a] += L2
        step = solve(hess, grad)
        w = [a - b for a, b in zip(w, step)]
        if max(abs(s) for s in step) < 1e-6:
            break
    return w[:d], w[d]


def predict(w, b, x):
    z = b + sum(a * c for a, c in zip(w, x))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def best_threshold(folds, names, w, b):
    """The threshold with the best mean pairs F1 of the sets, each set's
    training folds pooled (the sets' base rates differ too much for one mean
    of folds to pick it): news-dev's stories count as one set, as each
    other set does, so no one set decides for the rest."""
    best = (-1.0, 0.5)
    set_of = lambda n: "news-dev" if n in NEWS else n
    for t in [k / 100 for k in range(20, 91, 2)]:
        f1s = []
        for group in sorted({set_of(n) for n in names}):
            tp = fp = gold = 0
            for name in [n for n in names if set_of(n) == group]:
                f = folds[name]
                tp, fp, gold = tp + f["tp"], fp + f["fp"], gold + f["gold"]
                for x, y in f["rows"]:
                    if predict(w, b, x) >= t:
                        tp, fp = tp + y, fp + (not y)
            p = tp / max(1, tp + fp)
            r = tp / max(1, gold)
            f1s.append(2 * p * r / max(1e-9, p + r))
        score = sum(f1s) / len(f1s)
        if score > best[0]:
            best = (score, t)
    return best[1]


def learn(folds, names):
    rows = []
    for name in names:
        f = folds[name]
        sw = FOLD_WEIGHT / max(1, len(f["rows"]))
        rows += [(x, 1.0 if y else 0.0, sw) for x, y in f["rows"]]
    # Standardised for the fit, so the penalty weighs every feature alike;
    # returned in the features' own units.
    d = len(rows[0][0])
    total = sum(sw for _, _, sw in rows)
    mean = [sum(x[k] * sw for x, _, sw in rows) / total for k in range(d)]
    sd = [max(1e-6, math.sqrt(sum((x[k] - mean[k]) ** 2 * sw for x, _, sw in rows) / total)) for k in range(d)]
    ws, bs = fit([([(x[k] - mean[k]) / sd[k] for k in range(d)], y, sw) for x, y, sw in rows])
    w = [ws[k] / sd[k] for k in range(d)]
    b = bs - sum(ws[k] * mean[k] / sd[k] for k in range(d))
    return w, b, best_threshold(folds, names, w, b)


EXTRA = []  # --set flags given on the command line, for every run


def settings(w, b, t):
    return [*EXTRA, "--set", "evidence_weights=" + ",".join(f"{x:.3f}" for x in w),
            "--set", f"evidence_bias={b:.3f}", "--set", f"evidence_threshold={t:.2f}"]


def score(bench, set_name, pairs_path, preds):
    out = subprocess.run([sys.executable, os.path.join(bench, "score.py"), pairs_path, preds, "--json"],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)["pairs"]


def main():
    global L2
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bench", default=os.path.join(ROOT, "..", "shared", "bench"))
    ap.add_argument("--train", choices=["all", "news-dev"], default="all", help="which folds the weights learn from")
    ap.add_argument("--l2", type=float, default=1.0, help="strength of the L2 penalty")
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                    help="another alignment setting for every run (repeatable): what else the weights learn under")
    args = ap.parse_args()
    L2 = args.l2
    EXTRA.extend(x for kv in args.set for x in ("--set", kv))
    bench = os.path.abspath(args.bench)
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "variorum-cli"], cwd=ROOT, check=True)
    exe = os.path.join(ROOT, "target", "release", "variorum")
    tmp = tempfile.mkdtemp(prefix="variorum-learn-")
    folds = examples(bench, exe, tmp, EXTRA)
    NEWS.update(fold_of("news-dev", r["id"]) for r in read_jsonl(os.path.join(bench, "news-dev", "pairs.jsonl")))
    names = sorted(folds) if args.train == "all" else sorted({fold_of("news-dev", r["id"]) for r in read_jsonl(os.path.join(bench, "news-dev", "pairs.jsonl"))})
    features = read_jsonl(os.path.join(tmp, "news-dev.explain.jsonl"))[0]["features"]

    news_pairs = read_jsonl(os.path.join(bench, "news-dev", "pairs.jsonl"))
    stories = sorted({fold_of("news-dev", r["id"]) for r in news_pairs})
    held_out_preds = {}
    print(f"{'held out':<42} {'P':>6} {'R':>6} {'F1':>6}  (in-sample F1)")
    full = learn(folds, names)
    in_sample = os.path.join(tmp, "in-sample.jsonl")
    subprocess.run([exe, "align", "--jsonl", os.path.join(bench, "news-dev", "pairs.jsonl"), "--out", in_sample,
                    *settings(*full)], check=True)
    in_preds = {r["id"]: r for r in read_jsonl(in_sample)}
    for story in stories:
        w, b, t = learn(folds, [n for n in names if n != story])
        sub = os.path.join(tmp, f"{story}.pairs.jsonl")
        with open(sub, "w", encoding="utf-8") as f:
            for r in news_pairs:
                if fold_of("news-dev", r["id"]) == story:
                    f.write(json.dumps(r) + "\n")
        preds = os.path.join(tmp, f"{story}.preds.jsonl")
        subprocess.run([exe, "align", "--jsonl", sub, "--out", preds, *settings(w, b, t)], check=True)
        for r in read_jsonl(preds):
            held_out_preds[r["id"]] = r
        s = score(bench, "news-dev", sub, preds)
        ins = os.path.join(tmp, f"{story}.in.jsonl")
        with open(ins, "w", encoding="utf-8") as f:
            for r in news_pairs:
                if fold_of("news-dev", r["id"]) == story:
                    f.write(json.dumps(in_preds[r["id"]]) + "\n")
        si = score(bench, "news-dev", sub, ins)
        print(f"{story:<42} {s['precision']:>6.3f} {s['recall']:>6.3f} {s['f1']:>6.3f}  ({si['f1']:.3f})  threshold {t:.2f}")
    loso = os.path.join(tmp, "loso.jsonl")
    with open(loso, "w", encoding="utf-8") as f:
        for r in news_pairs:
            f.write(json.dumps(held_out_preds[r["id"]]) + "\n")
    s = score(bench, "news-dev", os.path.join(bench, "news-dev", "pairs.jsonl"), loso)
    si = score(bench, "news-dev", os.path.join(bench, "news-dev", "pairs.jsonl"), in_sample)
    print(f"{'news-dev, leave-one-story-out':<42} {s['precision']:>6.3f} {s['recall']:>6.3f} {s['f1']:>6.3f}")
    print(f"{'news-dev, in sample (weights from all folds)':<42} {si['precision']:>6.3f} {si['recall']:>6.3f} {si['f1']:>6.3f}")
    w, b, t = full
    print("\nWeights from every fold (for AlignConfig::default):")
    for name, x in zip(features, w):
        print(f"    {name:<14} {x:>8.3f}")
    print(f"    {'bias':<14} {b:>8.3f}\n    threshold      {t:.2f}")
    print("evidence_weights: [" + ", ".join(f"{x:.3f}" for x in w) + f"], evidence_bias: {b:.3f}, evidence_threshold: {t:.2f}")


if __name__ == "__main__":
    main()
