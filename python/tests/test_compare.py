"""`variorum.compare`: one set, the report as Python objects."""
import pytest

import variorum

FIRST = "More than 1,100 people crossed the Channel. The Prime Minister spoke."
SECOND = "The Prime Minister spoke. More than 1,200 people crossed the Channel."


def test_report_is_python_objects_in_the_schema():
    report = variorum.compare([FIRST, SECOND])
    assert report["schema_version"] == 2
    assert [d["name"] for d in report["documents"]] == ["Version 1", "Version 2"]
    pair = report["pairs"][0]
    assert {(tuple(l["a"]), tuple(l["b"])) for l in pair["links"]} == {((0,), (1,)), ((1,), (0,))}
    assert any(l["moved"] for l in pair["links"])
    figures = [f["value"] for g in report["numbers"] for f in g["facts"]]
    assert sorted(figures) == [1100.0, 1200.0]


def test_dicts_carry_names_times_and_sentences():
    report = variorum.compare([
        {"name": "wire", "text": FIRST, "published": "2025-03-31T08:00:00Z"},
        {"name": "rewrite", "sentences": ["The Prime Minister spoke.", "Nobody else did."], "published": None},
    ])
    assert [d["name"] for d in report["documents"]] == ["wire", "rewrite"]
    assert [s["text"] for s in report["documents"][1]["segments"]] == ["The Prime Minister spoke.", "Nobody else did."]


def test_options_reach_the_core():
    upper, lower = "The Prime Minister spoke on Monday.", "the prime minister spoke on Monday."

    def tags(**options):
        return {op["tag"] for op in variorum.compare([upper, lower], **options)["pairs"][0]["links"][0]["ops"]}

    assert tags() == {"delete", "insert", "equal"}
    assert tags(ignore_case=True) == {"equal"}
    assert variorum.compare([FIRST, SECOND, FIRST], base=2)["base"] == 2


def test_refusals_are_exceptions_with_the_cores_message():
    with pytest.raises(variorum.CompareError, match="nothing to compare"):
        variorum.compare([])
    with pytest.raises(variorum.CompareError, match="base version 5 does not exist"):
        variorum.compare([FIRST, SECOND], base=5)
    with pytest.raises(variorum.CompareError, match="too large"):
        variorum.compare(["x" * (40 << 20)])
    assert issubclass(variorum.CompareError, ValueError)


def test_wrong_types_are_type_errors():
    with pytest.raises(TypeError, match="version 2 is a int"):
        variorum.compare([FIRST, 7])
    with pytest.raises(ValueError, match="unknown variant `some`"):
        variorum.compare([FIRST], word_diffs="some")
