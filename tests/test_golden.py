"""The golden fixtures of tests/golden/: Python reads them as written, and they are up to date.

The same files are read by static/test/golden.test.js, which checks that the browser's
ports of crdt/mindmap.py and crdt/motion.py give the same trees and outlines.
"""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest

from tests.golden import make_golden

FILES = {"mindmaps": make_golden.MINDMAPS, "motions": make_golden.MOTIONS, "merges": make_golden.MERGES}


def _cases(name: str) -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = json.loads(FILES[name].read_text(encoding="utf-8"))["cases"]
    return cases


def _updates(case: dict[str, Any]) -> list[bytes]:
    return [base64.b64decode(update) for update in case["updates"]]


def test_the_committed_fixtures_are_what_the_script_writes_now() -> None:
    for path, content in make_golden.render().items():
        assert path.read_text(encoding="utf-8") == content, (
            f"{path.name} is stale: run .venv/bin/python -m tests.golden.make_golden and commit it"
        )


@pytest.mark.parametrize("case", _cases("mindmaps"), ids=lambda case: case["name"])
def test_python_builds_the_mind_map_the_fixture_holds(case: dict[str, Any]) -> None:
    read = make_golden.read_mindmap(_updates(case), list(case["branch_outlines"]))
    assert read["tree"] == case["tree"]
    assert read["outline"] == case["outline"]
    assert read["branch_outlines"] == case["branch_outlines"]


@pytest.mark.parametrize("case", _cases("motions"), ids=lambda case: case["name"])
def test_python_outlines_the_motion_the_fixture_holds(case: dict[str, Any]) -> None:
    assert make_golden.read_motion(_updates(case)) == {"text": case["text"], "outline": case["outline"]}


@pytest.mark.parametrize("case", _cases("merges"), ids=lambda case: case["name"])
def test_python_merges_the_map_into_the_motion_as_the_fixture_holds(case: dict[str, Any]) -> None:
    read = make_golden.read_merge(_updates(case), case["motion"], case["branch"])
    assert read == {key: case[key] for key in ("merged", "inserted", "additions", "kept")}


def _ids(node: dict[str, Any]) -> list[str]:
    return [node["id"]] + [i for child in node["children"] for i in _ids(child)]


def test_the_fixtures_cover_what_they_claim() -> None:
    """Guards the cases themselves: a change to the rules that empties a case shows here."""
    maps = {case["name"]: case for case in _cases("mindmaps")}
    moved = _ids(maps["concurrent_moves"]["tree"])
    assert sorted(moved) == ["root", "t", "u", "v", "w", "x", "y"]  # every node once, no cycle lost
    shown = _ids(maps["deleted"]["tree"])
    assert "saved" in shown and not {"doomed", "hidden", "leaf"} & set(shown)
    assert [c["id"] for c in maps["reordered"]["tree"]["children"]] == ["b", "c", "a", "Z", "\uffff", "😀"]
    colours = {c["id"]: c["colour"] for c in maps["hostile_colours"]["tree"]["children"]}
    assert maps["hostile_colours"]["tree"]["colour"] == ""  # url(…) is drawn as the default
    assert colours == dict.fromkeys(colours, "") | {"upper": "#ABCDEF"} and len(colours) == 8
    motions = {case["name"]: case for case in _cases("motions")}
    numbering = motions["numbering"]["outline"]
    assert [p["number"] for p in numbering[0]["children"]] == ["1", "2", "3", "4", "5", "6"]
    assert [lever["number"] for lever in numbering[0]["children"][2]["children"]] == ["3.1", "3.2", "3.3"]
    merges = {case["name"]: case for case in _cases("merges")}
    assert merges["demo_again"]["inserted"] == [] and merges["demo_again"]["kept"]["axis"] == 4
    assert all(merges[name]["inserted"] for name in merges if name != "demo_again")
