"""CSV cells that a spreadsheet would run as formulas are neutralised (issue 12, item 9)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import httpx
import pytest

from server.spreadsheet import SafeDictWriter, SafeWriter, safe_cell
from tests.support.congress import Congress

FORMULAS = ['=HYPERLINK("http://evil.example/")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tx", "\rx"]


@pytest.mark.parametrize("value", FORMULAS)
def test_a_cell_starting_a_formula_is_prefixed(value: str) -> None:
    assert safe_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["Fibre partout", "", "a=b", "Loi n° 2024-1", 42, None])
def test_other_cells_are_unchanged(value: object) -> None:
    assert safe_cell(value) == value


def test_both_writers_neutralise_every_value_but_not_the_header() -> None:
    out = io.StringIO()
    SafeWriter(out).writerow(["=1", "ok"])
    dict_out = io.StringIO()
    writer = SafeDictWriter(dict_out, ["-title", "text"])
    writer.writeheader()
    writer.writerow({"-title": "@x", "text": "y"})
    assert list(csv.reader(io.StringIO(out.getvalue()))) == [["'=1", "ok"]]
    assert list(csv.reader(io.StringIO(dict_out.getvalue()))) == [["-title", "text"], ["'@x", "y"]]


def test_the_contributions_export_neutralises_a_formula_title(congress: Congress) -> None:
    auth = {"Authorization": f"Bearer {congress.invite('participant', 'Alice')}"}
    orga = {"Authorization": f"Bearer {congress.invite('organiser', 'Orga')}"}
    api = f"{congress.server.http}/api/congresses/{congress.slug}/contributions"
    with httpx.Client(timeout=30) as http:
        added = http.post(api, json={"title": FORMULAS[0], "text": "=1+1"}, headers=auth)
        assert added.status_code == 201, added.text
        exported = http.get(api + "/export?format=csv", headers=orga)
        assert exported.status_code == 200
        as_json = http.get(api + "/export?format=json", headers=orga).json()
    rows = list(csv.DictReader(io.StringIO(exported.text)))
    assert rows[0]["title"] == "'" + FORMULAS[0] and rows[0]["text"] == "'=1+1"
    assert as_json["contributions"][0]["title"] == FORMULAS[0]  # JSON is no spreadsheet: kept as typed


def test_the_cli_participants_output_neutralises_a_formula_name(congress: Congress, tmp_path: Path) -> None:
    people = tmp_path / "people.csv"
    people.write_text('name,role\n=HYPERLINK("http://evil.example/"),participant\n', encoding="utf-8")
    imported = congress.server.cli("participants", "import", str(people), "--congress", congress.slug)
    assert imported.returncode == 0, imported.stderr
    rows = list(csv.reader(io.StringIO(imported.stdout)))
    assert rows[1][0] == '\'=HYPERLINK("http://evil.example/")'
