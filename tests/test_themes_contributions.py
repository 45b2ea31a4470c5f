"""Loading contributions: every bad row reported with its line, nothing half-imported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from server.themes.contributions import Contribution, ContributionFileError, load_contributions
from tests.themes_corpus import CORPUS


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_corpus_loads_with_extra_columns_ignored() -> None:
    contributions = load_contributions(CORPUS)
    assert len(contributions) == 204
    assert contributions[0].id == "c001" and contributions[0].title == "Souveraineté industrielle"


def test_csv_with_byte_order_mark_and_multiline_text(tmp_path: Path) -> None:
    path = write(
        tmp_path, "c.csv", '\ufeffid,title,text\n1,Fibre,"Deux lignes,\navec virgule"\n2,Écoles,Tablettes\n'
    )
    assert load_contributions(path) == [
        Contribution("1", "Fibre", "Deux lignes,\navec virgule"),
        Contribution("2", "Écoles", "Tablettes"),
    ]


def test_every_bad_row_is_reported_with_its_line(tmp_path: Path) -> None:
    content = (
        "id,title,text\n"  # line 1
        "1,Bon,Une idée\n"  # 2
        ",Sans id,Texte\n"  # 3
        '2,"Texte\nsur deux lignes",ok\n'  # 4-5
        "3,,\n"  # 6
        "1,Doublon,Autre idée\n"  # 7
        "4,Trop,de,cellules\n"  # 8
    )
    with pytest.raises(ContributionFileError) as caught:
        load_contributions(write(tmp_path, "bad.csv", content))
    problems = [(p.line, p.reason.split(" ")[0]) for p in caught.value.problems]
    assert problems == [(3, "empty"), (6, "empty"), (7, "duplicate"), (8, "more")]
    assert "nothing imported" in str(caught.value) and "line 7: duplicate id '1'" in str(caught.value)


def test_missing_column_is_one_clear_problem(tmp_path: Path) -> None:
    with pytest.raises(ContributionFileError) as caught:
        load_contributions(write(tmp_path, "c.csv", "id,titre,texte\n1,a,b\n"))
    assert len(caught.value.problems) == 1 and "title, text" in caught.value.problems[0].reason


def test_not_utf8_names_the_line(tmp_path: Path) -> None:
    with pytest.raises(ContributionFileError) as caught:
        load_contributions(write(tmp_path, "c.csv", "id,title,text\n1,a,b\n2,caf\xe9,c\n".encode("latin-1")))
    assert caught.value.problems[0].line == 3 and "UTF-8" in caught.value.problems[0].reason


def test_json_list_and_its_bad_items(tmp_path: Path) -> None:
    good = [{"id": 1, "title": "Fibre", "text": "Partout"}]
    assert load_contributions(write(tmp_path, "c.json", json.dumps(good))) == [
        Contribution("1", "Fibre", "Partout")
    ]
    bad = [*good, {"id": "2", "title": "Sans texte"}, "pas un objet"]
    with pytest.raises(ContributionFileError) as caught:
        load_contributions(write(tmp_path, "bad.json", json.dumps(bad)))
    assert [(p.line, p.reason) for p in caught.value.problems] == [
        (2, "missing text"),
        (3, "not an object with id, title and text"),
    ]
