"""Contributions and themes through the real server: intake, phase rules, import, review, mind map.

One server for the module; each test makes its own congress.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from crdt.mindmap import ROOT_ID, build_tree
from tests.support.browser import run_async
from tests.support.congress import Congress
from tests.support.server import ServerProcess
from tests.support.yclient import YClient
from tests.themes_corpus import CORPUS

BAD_CSV = "id,title,text\n1,Fibre,Partout\n,Sans id,texte\n1,Doublon,texte\n2,,\n"


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    process = ServerProcess(tmp_path_factory.mktemp("contributions") / "data").start()
    yield process
    process.stop()


class Person:
    """Someone of a congress calling its JSON routes with their invitation token."""

    def __init__(self, server: ServerProcess, congress: Congress, role: str, name: str) -> None:
        self.api = f"{server.http}/api/congresses/{congress.slug}"
        token = congress.invite(role, name)
        self.client = httpx.Client(headers={"Authorization": f"Bearer {token}"}, timeout=60)

    def __call__(self, method: str, path: str = "", **kwargs: object) -> httpx.Response:
        return self.client.request(method, self.api + path, **kwargs)  # type: ignore[arg-type]


@pytest.fixture
def congress(app: ServerProcess) -> Congress:
    return app.congress()


def _people(app: ServerProcess, congress: Congress) -> tuple[Person, Person, Person]:
    return (
        Person(app, congress, "organiser", "Orga"),
        Person(app, congress, "participant", "Alice"),
        Person(app, congress, "participant", "Bruno"),
    )


def _corpus(rows: slice) -> str:
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    return "\n".join([lines[0], *lines[1:][rows]]) + "\n"


def test_import_with_bad_rows_reports_every_line_and_imports_nothing(
    app: ServerProcess, congress: Congress
) -> None:
    orga, alice, _ = _people(app, congress)
    refused = orga("POST", "/contributions/import", content=BAD_CSV, headers={"Content-Type": "text/csv"})
    assert refused.status_code == 422
    assert refused.json()["rows"] == [
        {"line": 3, "reason": "empty id"},
        {"line": 4, "reason": "duplicate id '1' (first on line 2)"},
        {"line": 5, "reason": "empty title and text"},
    ]
    assert orga("GET", "/contributions").json()["contributions"] == []
    assert alice("POST", "/contributions/import", content=_corpus(slice(0, 3))).status_code == 403

    ok = orga(
        "POST", "/contributions/import", content=_corpus(slice(0, 5)), headers={"Content-Type": "text/csv"}
    )
    assert ok.status_code == 201 and ok.json() == {"imported": 5}
    # The same ids again: refused as a whole, each clash named.
    again = json.dumps([{"id": "c001", "title": "t", "text": "x"}, {"id": "new", "title": "t", "text": "y"}])
    clash = orga("POST", "/contributions/import", content=again, headers={"Content-Type": "application/json"})
    assert clash.status_code == 422 and clash.json()["rows"] == [
        {"line": 1, "reason": "id 'c001' is already in this congress"}
    ]
    exported = orga("GET", "/contributions/export?format=csv")
    assert exported.status_code == 200 and exported.text.startswith("id,title,text,axis,author,source")
    assert exported.text.count("\nc00") == 5
    assert len(orga("GET", "/contributions/export?format=json").json()["contributions"]) == 5


def test_cli_import_with_bad_rows_and_progress(
    app: ServerProcess, congress: Congress, tmp_path: Path
) -> None:
    orga, _, _ = _people(app, congress)
    bad = tmp_path / "bad.csv"
    bad.write_text(BAD_CSV, encoding="utf-8")
    refused = app.cli("contributions", "import", "--congress", congress.slug, str(bad))
    assert refused.returncode == 1
    assert f"{bad}:3: empty id" in refused.stderr and f"{bad}:5: empty title and text" in refused.stderr
    assert orga("GET", "/contributions").json()["contributions"] == []
    good = tmp_path / "good.csv"
    good.write_text(_corpus(slice(0, 40)), encoding="utf-8")
    done = app.cli("contributions", "import", "--congress", congress.slug, str(good))
    assert done.returncode == 0, done.stderr
    assert "import [##############################] 40/40" in done.stderr
    assert len(orga("GET", "/contributions").json()["contributions"]) == 40
