#!/usr/bin/env python3
"""A generated corpus of version sets, as JSON Lines for `variorum batch`.

    python3 bench/corpus.py N OUT.jsonl [--seed S]

Built from the seed articles, reproducibly (fixed seed): revision chains
(each revision drops, moves, splits or rewords a sentence and changes a
figure of the one before, an hour later) and multi-outlet sets (three to five of the seed
articles). Used by bench/batch.py and the Python package's pipeline test.
"""
import argparse
import json
import os
import random
import re

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def seeds():
    folder = os.path.join(ROOT, "seeds")
    return [open(os.path.join(folder, f), encoding="utf-8").read() for f in sorted(os.listdir(folder)) if f[:3].isdigit()]


def revise(text, rng):
    """One revision: a sentence dropped, moved, split or reworded, a figure changed."""
    sentences = re.split(r"(?<=[.!?])\s+", text)
    k = rng.randrange(len(sentences))
    edit = rng.choice(["drop", "move", "split", "reword"])
    if edit == "drop" and len(sentences) > 3:
        del sentences[k]
    elif edit == "move":
        sentences.insert(rng.randrange(len(sentences)), sentences.pop(k))
    elif edit == "split" and ", " in sentences[k]:
        head, tail = sentences[k].split(", ", 1)
        sentences[k:k + 1] = [head + ".", tail[:1].upper() + tail[1:]]
    else:
        words = sentences[k].split()
        if words:
            words[rng.randrange(len(words))] = rng.choice(["reportedly", "officials", "on Monday", "sharply"])
        sentences[k] = " ".join(words)
    text = " ".join(sentences)
    return re.sub(r"\d[\d,]*", lambda m: str(int(m.group(0).replace(",", "")) + rng.randrange(1, 9)), text, count=1)


def corpus(n, path, rng):
    base = seeds()
    pairs = 0
    with open(path, "w", encoding="utf-8") as out:
        for k in range(n):
            if k % 2 == 0:
                text = rng.choice(base)
                versions = [text]
                for _ in range(rng.randrange(2, 6)):
                    versions.append(revise(versions[-1], rng))
                versions = [{"name": f"r{i}", "text": t, "published": f"2025-03-31T{8 + i:02d}:00:00Z"}
                            for i, t in enumerate(versions)]
            else:
                versions = [{"name": f"outlet{i}", "text": t} for i, t in enumerate(rng.sample(base, rng.randrange(3, 6)))]
            pairs += len(versions) * (len(versions) - 1) // 2
            out.write(json.dumps({"id": f"set{k}", "versions": versions}) + "\n")
    return pairs


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sets", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    pairs = corpus(args.sets, args.out, random.Random(args.seed))
    print(f"{args.sets} sets, {pairs} version pairs: {args.out}")


if __name__ == "__main__":
    main()
