#!/usr/bin/env python3
"""Segmentation, quotations and figures on news-dev, scored by the benchmark's own tools.

    python3 bench/extract.py [--bench DIR]      (default DIR: ../shared/bench)
    python3 bench/extract.py --keep OUT         also keep the three prediction files in OUT

Runs `variorum compare --format json` once per story (every outlet's raw
article a version, one fixed configuration), translates the report into the
formats of `tools/seg_score.py`, `tools/quote_score.py` and
`tools/fact_score.py` (tools/README.md), runs them, and prints each scorer's
summary line.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def variorum_binary():
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "variorum-cli"], cwd=ROOT, check=True)
    return os.path.join(ROOT, "target", "release", "variorum")


def stories(gold):
    return sorted(d for d in os.listdir(gold) if os.path.isdir(os.path.join(gold, d, "articles")))


def char_offset(raw_bytes, byte):
    """A UTF-8 byte offset as a character offset."""
    return len(raw_bytes[:byte].decode("utf-8", errors="ignore"))


# The report gives a length in metres, so that "40 miles" meets "64km"; the
# gold gives it in the unit written ("the 35-km mark": 35).
METRES = [("kilomet", 1000.0), ("km", 1000.0), ("centimet", 0.01), ("cm", 0.01), ("mile", 1609.344),
          ("foot", 0.3048), ("feet", 0.3048), ("ft", 0.3048), ("yard", 0.9144)]


def as_written(fact):
    if fact["unit"] != "length":
        return fact["value"]
    text = fact["text"].lower()
    per = next((m for name, m in METRES if name in text), 1.0)
    return round(fact["value"] / per, 6)


def predictions(exe, gold):
    seg = {"docs": {}}
    quotes = {"groups": []}
    facts = {"facts": [], "conflicts": []}
    for story in stories(gold):
        folder = os.path.join(gold, story, "articles")
        files = sorted(f for f in os.listdir(folder) if f.endswith(".txt"))
        paths = [os.path.join(folder, f) for f in files]
        out = subprocess.run([exe, "compare", "--format", "json"] + paths, check=True, capture_output=True)
        report = json.loads(out.stdout)
        keys = [f"{story}/{f[:-4]}" for f in files]
        raws = [open(p, "rb").read() for p in paths]
        for key, doc in zip(keys, report["documents"]):
            seg["docs"][key] = [s["text"] for s in doc["segments"]]
        for g in report["quotes"]:
            quotes["groups"].append({
                "instances": [{"doc": keys[q["doc"]], "text": q["text"]} for q in g["quotes"]],
                "variants_differ": g["variant"],
            })
        for n, g in enumerate(report["numbers"]):
            group = f"{story}/{n}"
            for f in g["facts"]:
                segment = report["documents"][f["doc"]]["segments"][f["segment"]]
                at = segment["text"].find(f["text"])
                start = None
                if at >= 0:
                    byte = segment["span"]["utf8"][0] + len(segment["text"][:at].encode("utf-8"))
                    start = char_offset(raws[f["doc"]], byte)
                facts["facts"].append({"doc": keys[f["doc"]], "text": f["text"], "value": as_written(f),
                                       "unit": f["unit"], "group": group, "start": start})
            if g["disagreement"] in ("value", "qualifier"):
                facts["conflicts"].append([group])
    return seg, quotes, facts


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bench", default=os.path.join(ROOT, "..", "shared", "bench"))
    ap.add_argument("--keep", help="write the prediction files to this folder")
    args = ap.parse_args()
    bench = os.path.abspath(args.bench)
    gold = os.path.join(bench, "news-dev")
    tools = os.path.join(bench, "tools")
    if not os.path.isdir(tools):
        sys.exit(f"no scorers at {tools}: pass --bench DIR (the folder with news-dev/ and tools/)")
    out = args.keep or tempfile.mkdtemp(prefix="variorum-extract-")
    os.makedirs(out, exist_ok=True)
    seg, quotes, facts = predictions(variorum_binary(), gold)
    for name, scorer, data in [("segmentation", "seg_score.py", seg), ("quotations", "quote_score.py", quotes),
                               ("figures", "fact_score.py", facts)]:
        path = os.path.join(out, f"{name}.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False)
        line = subprocess.run([sys.executable, os.path.join(tools, scorer), gold, path, "-q"],
                              check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1]
        print(f"{name:<13} {line}")


if __name__ == "__main__":
    main()
