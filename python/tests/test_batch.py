"""`variorum.compare_batch`: Arrow in, Arrow out, the same results as
`variorum batch`, bad sets reported on their rows, the GIL released."""
import json
import threading
import time

import pyarrow as pa
import pyarrow.json as pajson
import pytest

import variorum
from conftest import batch_lines, make_corpus

SCHEMA = pa.schema([("id", pa.string()), ("versions", variorum.VERSIONS_TYPE)])


def read(path):
    return pajson.read_json(path, parse_options=pajson.ParseOptions(explicit_schema=SCHEMA))


@pytest.mark.parametrize("links", [False, True])
def test_same_results_as_variorum_batch(tmp_path, cli, links):
    path = make_corpus(tmp_path / "corpus.jsonl", 60)
    table = read(path)
    out = variorum.compare_batch(table, links=links)
    assert isinstance(out, pa.Table) and out.num_rows == 60
    column = "links" if links else "report"
    assert out.schema.names == ["id", column, "error"]
    expected = batch_lines(cli, path, *(["--links"] if links else []))
    for row in out.to_pylist():
        assert row["error"] is None
        assert json.loads(row[column]) == expected[row["id"]][column], row["id"]


def test_a_bad_set_is_reported_on_its_row_and_the_others_go_on():
    batch = pa.RecordBatch.from_pylist([
        {"id": 1, "versions": [{"name": "a", "text": "One. Two."}, {"name": "b", "text": "One. Three."}]},
        {"id": 2, "versions": None},
        {"id": 3, "versions": []},
        {"id": 4, "versions": [{"name": "a", "text": None}]},
        {"id": 5, "versions": [None]},
        {"id": 6, "versions": [{"text": "Alone."}]},
    ], schema=pa.schema([("id", pa.int64()), ("versions", variorum.VERSIONS_TYPE)]))
    out = variorum.compare_batch(batch, links=True)
    assert isinstance(out, pa.RecordBatch)
    rows = {r["id"]: r for r in out.to_pylist()}
    assert json.loads(rows[1]["links"])["pairs"][0]["links"][0]["kind"] == "identical"
    assert rows[2]["error"] == "no versions: the set is null"
    assert rows[3]["error"] == "nothing to compare: give at least one version"
    assert rows[4]["error"] == rows[5]["error"] == "version 1 has no text"
    assert rows[6]["error"] is None and json.loads(rows[6]["links"])["pairs"] == []


def test_slices_and_optional_fields():
    versions = pa.array([[{"text": "A. B."}, {"text": "A. C."}], [{"text": "X."}, {"text": "X."}]],
                        pa.list_(pa.struct([("text", pa.string())])))
    batch = pa.RecordBatch.from_arrays([pa.array(["p", "q"]), versions], names=["id", "versions"]).slice(1)
    out = variorum.compare_batch(batch).to_pylist()
    assert [r["id"] for r in out] == ["q"]
    report = json.loads(out[0]["report"])
    assert [s["text"] for d in report["documents"] for s in d["segments"]] == ["X.", "X."]


def test_malformed_batches_are_refused_clearly():
    with pytest.raises(ValueError, match="needs an 'id' column"):
        variorum.compare_batch(pa.table({"versions": [[{"text": "a"}]]}))
    with pytest.raises(ValueError, match="'versions' must be a list of structs"):
        variorum.compare_batch(pa.table({"id": [1], "versions": ["just text"]}))
    with pytest.raises(ValueError, match="no 'text' field"):
        variorum.compare_batch(pa.table({"id": [1], "versions": [[{"body": "a"}]]}))
    with pytest.raises(TypeError, match="RecordBatch or Table"):
        variorum.compare_batch([{"id": 1}])


def test_the_gil_is_released_while_the_core_works(tmp_path):
    table = read(make_corpus(tmp_path / "corpus.jsonl", 300))
    started = time.perf_counter()
    variorum.compare_batch(table, jobs=1)
    alone = time.perf_counter() - started
    worker = threading.Thread(target=variorum.compare_batch, args=(table,), kwargs={"jobs": 1})
    longest_wait, last = 0.0, time.perf_counter()
    worker.start()
    while worker.is_alive():  # this thread keeps running unless the call holds the GIL
        now = time.perf_counter()
        longest_wait, last = max(longest_wait, now - last), now
    assert alone > 0.2, "the corpus is too small to tell"
    assert longest_wait < alone / 2, f"this thread waited {longest_wait:.2f} s of a {alone:.2f} s call"
