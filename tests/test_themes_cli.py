"""`ubiquite themes classify` end to end: file in, themes out, corrections fed back."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from server.cli import main
from tests.themes_corpus import AXES, CORPUS, THEMES_CORPUS, warm_e5


@pytest.fixture(scope="module", autouse=True)
def _e5_vectors_from_the_cache() -> None:
    warm_e5()  # e5 costs 0.1 s a text: the corpora's vectors are committed (tests/themes_corpus.py)


def test_classify_writes_json_and_reports_progress(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "themes.json"
    assert main(["themes", "classify", str(CORPUS), "--k", "6", "--out", str(out)]) == 0
    result = json.loads(out.read_text(encoding="utf-8"))
    assert len(result["themes"]) == 6 and len(result["assignment"]) == 204
    assert all(theme["label"] and theme["contributions"] for theme in result["themes"])
    assert 6 <= len(result["near_duplicates"]) <= 9  # the six known pairs, by the relative rule
    captured = capsys.readouterr()
    assert "embedding: 204/204" in captured.err  # 204 rows: past the progress threshold
    assert str(out) in captured.out


def test_edited_output_fed_back_as_seeds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = tmp_path / "first.json"
    assert main(["themes", "classify", str(CORPUS), "--k", "6", "--out", str(first)]) == 0
    edited = json.loads(first.read_text(encoding="utf-8"))
    edited["themes"][0]["name"] = "Inclusion numérique"
    first.write_text(json.dumps(edited), encoding="utf-8")
    second = tmp_path / "second.json"
    assert main(["themes", "classify", str(CORPUS), "--seeds", str(first), "--out", str(second)]) == 0
    result = json.loads(second.read_text(encoding="utf-8"))
    assert result["themes"][0]["name"] == "Inclusion numérique"
    assert result["assignment"] == json.loads(first.read_text(encoding="utf-8"))["assignment"]


def test_prints_themes_without_out(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    small = tmp_path / "small.csv"
    small.write_text("\n".join(CORPUS.read_text(encoding="utf-8").splitlines()[:41]) + "\n", encoding="utf-8")
    assert main(["themes", "classify", str(small), "--k", "3"]) == 0
    captured = capsys.readouterr()
    assert captured.out.count("Thème ") == 3 and captured.err == ""


def test_bad_rows_fail_with_every_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("id,title,text\n1,a,b\n,c,d\n1,e,f\n", encoding="utf-8")
    assert main(["themes", "classify", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "line 3: empty id" in err and "line 4: duplicate id" in err and "rien n'a été importé" in err


def test_axes_file_guides_the_classification(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "themes.json"
    assert main(["themes", "classify", str(THEMES_CORPUS), "--axes", str(AXES), "--out", str(out)]) == 0
    result = json.loads(out.read_text(encoding="utf-8"))
    with AXES.open(encoding="utf-8") as file:
        names = [row["name"] for row in csv.DictReader(file)]
    assert [t["name"] for t in result["themes"] if not t["other"]] == names
    assert [t["axis"] for t in result["themes"] if not t["other"]] == names
    assert len(result["assignment"]) == 406 and all(
        t["subthemes"] for t in result["themes"] if not t["other"]
    )
    # The same axes as JSON give the same themes; the printed summary keeps its format.
    axes_json = tmp_path / "axes.json"
    with AXES.open(encoding="utf-8") as file:
        axes_json.write_text(json.dumps(list(csv.DictReader(file)), ensure_ascii=False), encoding="utf-8")
    capsys.readouterr()
    assert main(["themes", "classify", str(THEMES_CORPUS), "--axes", str(axes_json)]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith(f"Thème 1 — {names[0]} (") and "Quasi-doublons" in printed


def test_bad_axes_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "axes.csv"
    bad.write_text("name,description\nFibre,partout\nfibre,encore\n", encoding="utf-8")
    assert main(["themes", "classify", str(THEMES_CORPUS), "--axes", str(bad)]) == 1
    assert "twice" in capsys.readouterr().err
