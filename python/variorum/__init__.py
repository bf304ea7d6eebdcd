"""Variorum: compare several versions of one news story, from Python.

The same Rust core as the page and the command line::

    import variorum
    report = variorum.compare(["First version.", "Second version."])
    report["pairs"][0]["links"]

    table = variorum.compare_batch(sets)        # pyarrow in, pyarrow out

`compare` returns the report as dicts and lists (schema: docs/schema.md);
`compare_batch` takes Arrow record batches or tables with an ``id`` column and
a ``versions`` column (a list of ``{name, text, published}`` structs) and
gives one row per set: the same ``id``, the result as JSON, and the error of
a set the core refused. The core runs on every core (or ``jobs`` threads)
without holding the GIL.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Union

import pyarrow as pa

from . import _engine
from ._engine import CompareError, __version__

__all__ = ["compare", "compare_batch", "CompareError", "VERSIONS_TYPE", "__version__"]

#: The Arrow type of the ``versions`` column ``compare_batch`` reads.
VERSIONS_TYPE = pa.list_(pa.struct([("name", pa.string()), ("text", pa.string()), ("published", pa.string())]))

Version = Union[str, Mapping[str, Any]]


def _options(base: int, presplit: bool, ignore_case: bool, ignore_punctuation: bool,
             ignore_whitespace: bool, word_diffs: str) -> dict:
    return {
        "base": base,
        "presplit": presplit,
        "diff": {"ignore_case": ignore_case, "ignore_punctuation": ignore_punctuation,
                 "ignore_whitespace": ignore_whitespace},
        "word_diffs": word_diffs,
    }


def _version(version: Version, index: int) -> dict:
    if isinstance(version, str):
        return {"name": f"Version {index + 1}", "text": version}
    if isinstance(version, Mapping):
        return {k: v for k, v in version.items() if v is not None}
    raise TypeError(f"version {index + 1} is a {type(version).__name__}: give a str or a dict with 'text'")


def compare(versions: Iterable[Version], *, base: int = 0, presplit: bool = False,
            ignore_case: bool = False, ignore_punctuation: bool = False,
            ignore_whitespace: bool = False, word_diffs: str = "all") -> dict:
    """Compare the versions of one story; the report as dicts and lists.

    Each version is a str or a dict with ``text`` (or ``sentences``) and
    optionally ``name`` and ``published`` (ISO 8601). Raises ``CompareError``
    with the core's message when the core refuses the versions.
    """
    documents = [_version(v, i) for i, v in enumerate(versions)]
    options = _options(base, presplit, ignore_case, ignore_punctuation, ignore_whitespace, word_diffs)
    return _engine.compare(documents, options)


def compare_batch(data: pa.RecordBatch | pa.Table, *, links: bool = False, jobs: int | None = None,
                  base: int = 0, presplit: bool = False, ignore_case: bool = False,
                  ignore_punctuation: bool = False, ignore_whitespace: bool = False,
                  word_diffs: str = "all") -> pa.RecordBatch | pa.Table:
    """Compare every set of a record batch or table; the results, one row a set.

    ``data`` needs an ``id`` column (any type, passed through) and a
    ``versions`` column of type ``VERSIONS_TYPE`` (``name`` and ``published``
    may be missing). The result has ``id``, then ``report`` (the report as
    JSON) or with ``links=True`` ``links`` (only the links and figures, as
    ``variorum batch --links`` writes them), then ``error``: why the core
    refused that set, else null. A refused set never stops the others.
    """
    options = _options(base, presplit, ignore_case, ignore_punctuation, ignore_whitespace, word_diffs)
    if isinstance(data, pa.Table):
        batches = [_compare_record_batch(b, links, jobs, options) for b in data.to_batches()]
        return pa.Table.from_batches(batches, schema=_result_schema(data.schema.field("id").type, links))
    if isinstance(data, pa.RecordBatch):
        return _compare_record_batch(data, links, jobs, options)
    raise TypeError(f"compare_batch takes a pyarrow RecordBatch or Table, not a {type(data).__name__}")


def _compare_record_batch(data: pa.RecordBatch, links: bool, jobs: int | None, options: dict) -> pa.RecordBatch:
    for column in ("id", "versions"):
        if column not in data.schema.names:
            raise ValueError(f"compare_batch needs an '{column}' column; the batch has {data.schema.names}")
    versions = data.column("versions")
    if not (pa.types.is_list(versions.type) or pa.types.is_large_list(versions.type)) \
            or not pa.types.is_struct(versions.type.value_type):
        raise ValueError(f"'versions' must be a list of structs with a 'text' field, not {versions.type}")
    fields = versions.type.value_type
    if fields.get_field_index("text") < 0:
        raise ValueError(f"the versions have no 'text' field: {fields}")
    # Struct-level nulls folded into each field, then plain Python strings.
    children = dict(zip((f.name for f in fields), versions.flatten().flatten()))
    missing = [None] * len(children["text"])

    def strings(name):
        return children[name].cast(pa.string()).to_pylist() if name in children else missing

    results, errors = _engine.compare_columns(
        versions.value_lengths().to_pylist(), strings("name"), strings("text"), strings("published"),
        links, options, jobs)
    return pa.RecordBatch.from_arrays(
        [data.column("id"), pa.array(results, pa.string()), pa.array(errors, pa.string())],
        schema=_result_schema(data.schema.field("id").type, links))


def _result_schema(id_type: pa.DataType, links: bool) -> pa.Schema:
    return pa.schema([("id", id_type), ("links" if links else "report", pa.string()), ("error", pa.string())])
