"""The distributed path: examples/ray_pipeline.py on a local Ray cluster
started here, over a generated corpus of 2,000 sets, gives exactly what
`variorum batch` gives."""
import json
import os
import time

import pytest
import ray

from conftest import ROOT, batch_lines, make_corpus

SETS = 2000


@pytest.fixture(scope="module")
def cluster():
    # Ray's workers import the pipeline's module by name, as on a real cluster.
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [os.path.join(ROOT, "examples"), os.environ.get("PYTHONPATH")]))
    ray.init(num_cpus=os.cpu_count(), include_dashboard=False, logging_level="ERROR", log_to_driver=False)
    yield
    ray.shutdown()


def test_ray_data_equals_variorum_batch(tmp_path, cli, cluster):
    import ray_pipeline

    path = make_corpus(tmp_path / "corpus.jsonl", SETS)
    started = time.perf_counter()
    expected = batch_lines(cli, path, "--links")
    cli_seconds = time.perf_counter() - started
    started = time.perf_counter()
    rows = ray_pipeline.pipeline(str(path), links=True).take_all()
    ray_seconds = time.perf_counter() - started
    print(f"\n{SETS} sets: variorum batch {cli_seconds:.1f} s, Ray Data {ray_seconds:.1f} s")
    assert len(rows) == SETS == len(expected)
    assert {r["id"] for r in rows} == set(expected)
    for row in rows:
        assert row["error"] is None, row["error"]
        assert json.loads(row["links"]) == expected[row["id"]]["links"], row["id"]
