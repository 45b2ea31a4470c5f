"""Importing participants from a spreadsheet: every bad row with its line and reason, nothing half-done."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from server.congress.csv_import import read_participants
from server.congress.domain import Role, Site
from server.congress.provision import admin
from server.settings import Settings
from tests.support.congress import Congress

GOOD = (
    "\ufeffNom;Rôle;Commune;Département;Présence;Contact\n"
    "Aline Martin;participante;Brest;29;sur place;aline@example.fr\n"
    "Bruno Petit;Organisateur·rice;Ajaccio;2A;à distance;\n"
    "Presse locale;observateur;Nantes;44;;+33 2 40 00 00 00\n"
)
BAD = (
    "name,role,commune,department,site,contact\n"
    "Aline Martin,participant,Brest,29,on site,\n"
    ",participant,Brest,29,,\n"  # line 3: no name
    "Carl Roux,chef,Lyon,69,,\n"  # line 4: unknown role
    "Dina Blanc,participant,Lyon,99,,\n"  # line 5: no department 99
    "Aline Martin,participant,Brest,29,,\n"  # line 6: listed twice
    "Eva Noir,participant,Lyon,69,sur la lune,\n"  # line 7: unknown site
    "Fred Vert,participant,Lyon,69,,not-a-contact\n"  # line 8: bad contact
    "Gus Bleu,participant,Lyon,69,,,extra\n"  # line 9: too many cells
)


def test_a_french_excel_file_is_read() -> None:
    result = read_participants(GOOD.encode("utf-8"))
    assert result.errors == []
    assert [(p.name, p.role, p.site) for p in result.people] == [
        ("Aline Martin", Role.PARTICIPANT, Site.ON_SITE),
        ("Bruno Petit", Role.ORGANISER, Site.REMOTE),
        ("Presse locale", Role.OBSERVER, Site.ON_SITE),
    ]
    assert result.people[1].department == "2A"


def test_every_bad_row_is_reported_with_its_line() -> None:
    result = read_participants(BAD)
    lines = {error.line: error.reason for error in result.errors}
    assert sorted(lines) == [3, 4, 5, 6, 7, 8, 9]
    assert "name is empty" in lines[3]
    assert "chef" in lines[4]
    assert "99" in lines[5]
    assert "twice" in lines[6]
    assert "sur la lune" in lines[7]
    assert "not-a-contact" in lines[8]
    assert "cells" in lines[9]


def test_someone_already_registered_is_a_bad_row() -> None:
    result = read_participants(GOOD, known={("aline martin", "brest")})
    assert [(e.line, "already registered" in e.reason) for e in result.errors] == [(2, True)]


def test_a_file_that_is_not_utf8_or_has_no_name_column_is_refused() -> None:
    assert "UTF-8" in read_participants("nom\nFrançois\n".encode("latin-1")).errors[0].reason
    assert "name column" in read_participants("prénom,ville\nA,B\n").errors[0].reason


def test_cli_import_with_bad_rows_imports_nothing(congress: Congress, tmp_path: Path) -> None:
    bad, good = tmp_path / "bad.csv", tmp_path / "good.csv"
    bad.write_text(BAD)
    good.write_text(GOOD)
    refused = congress.server.cli("participants", "import", str(bad), "--congress", congress.slug)
    assert refused.returncode == 1
    for line in (3, 4, 5, 6, 7, 8, 9):
        assert f"bad.csv:{line}:" in refused.stderr
    assert "nothing imported" in refused.stderr
    assert "Aline Martin" not in _names(congress)
    imported = congress.server.cli("participants", "import", str(good), "--congress", congress.slug)
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.count("/i/") == 3 and "Bruno Petit,organiser," in imported.stdout
    assert {"Aline Martin", "Bruno Petit", "Presse locale"} <= _names(congress)
    again = congress.server.cli("participants", "import", str(good), "--congress", congress.slug)
    assert again.returncode == 1 and "already registered" in again.stderr


@pytest.mark.anyio
async def test_route_import_with_bad_rows_imports_nothing(congress: Congress) -> None:
    auth = {"Authorization": f"Bearer {congress.invite('organiser')}"}
    route = f"/api/congresses/{congress.slug}/participants/import"
    async with httpx.AsyncClient(base_url=congress.server.http) as http:
        refused = await http.post(route, content=BAD.encode(), headers=auth)
        assert refused.status_code == 422
        assert [row["line"] for row in refused.json()["rows"]] == [3, 4, 5, 6, 7, 8, 9]
        people = await http.get(f"/api/congresses/{congress.slug}/participants", headers=auth)
        assert "Aline Martin" not in {p["name"] for p in people.json()}
        imported = await http.post(route, content=GOOD.encode(), headers=auth)
        assert imported.status_code == 201 and imported.json()["imported"] == 3


def _names(congress: Congress) -> set[str]:
    with admin(Settings.from_env(congress.server.env)) as setup:
        found = setup.directory.congress(congress.slug)
        assert found is not None and found.id is not None
        return {p.name for p in setup.directory.participants(found.id)}
