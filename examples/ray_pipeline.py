#!/usr/bin/env python3
"""Variorum over a corpus with Ray Data: JSON Lines in, one result a set out.

    python examples/ray_pipeline.py CORPUS.jsonl OUT_FOLDER [--links] [--address ADDRESS]

Each line of the corpus is a set as `variorum batch` reads it, with a string
`id`: {"id": "...", "versions": [{"name": ..., "text": ..., "published": ...}]}.
Ray reads it as Arrow, `map_batches` hands each block to
`variorum.compare_batch` (the Rust core, one thread per Ray task, without the
GIL), and the results are written as JSON Lines with `id`, `report` (or with
--links `links`) and `error`: the same results `variorum batch` gives.

Without --address this starts Ray on this machine's cores. On a cluster, start
Ray on each node (`ray start --head` on one, `ray start --address HEAD:6379`
on the others), install the `variorum` wheel on every node, put the corpus
where every node can read it (shared storage or object store: any path or URL
Ray Data reads) and pass `--address auto` from the head node, or the Ray
Client address from elsewhere.
"""
import argparse

import pyarrow as pa
import pyarrow.json as pajson
import ray

import variorum

#: The corpus as Arrow: an explicit schema, so that every block agrees
#: whether or not its sets carry publication times.
CORPUS_SCHEMA = pa.schema([("id", pa.string()), ("versions", variorum.VERSIONS_TYPE)])

#: Sets per call of the core: enough to amortise the call, few enough that
#: memory stays bounded by the blocks in flight.
SETS_PER_BATCH = 64


def compare_sets(table: pa.Table, links: bool) -> pa.Table:
    """One Ray task's share: its sets compared on the one core Ray gave it."""
    return variorum.compare_batch(table, links=links, jobs=1)


def pipeline(corpus: str, links: bool = False) -> "ray.data.Dataset":
    """The corpus compared, lazily: a Ray dataset of id, result and error."""
    sets = ray.data.read_json(
        corpus,
        parse_options=pajson.ParseOptions(explicit_schema=CORPUS_SCHEMA),
        read_options=pajson.ReadOptions(block_size=64 << 20),  # a set must fit in one block
    )
    return sets.map_batches(
        compare_sets,
        fn_kwargs={"links": links},
        batch_format="pyarrow",
        batch_size=SETS_PER_BATCH,
        num_cpus=1,
    )


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus")
    ap.add_argument("out")
    ap.add_argument("--links", action="store_true", help="only the links and figures, as `variorum batch --links`")
    ap.add_argument("--address", help="a running Ray cluster ('auto' on its head node); default: start one here")
    args = ap.parse_args()
    ray.init(address=args.address)
    pipeline(args.corpus, args.links).write_json(args.out)


if __name__ == "__main__":
    main()
