"""Contributions and themes through the real server: intake, phase rules, import, review, mind map.

One server for the module; each test makes its own congress.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from crdt.mindmap import ROOT_ID, Node, add_node, build_tree
from server.congress.provision import admin
from server.contributions.store import ContributionStore
from server.settings import Settings
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
    # The same ids again: refused as a whole, each clash named with its line.
    multiline = 'id,title,text\nnew1,"Deux\nlignes",x\nc002,t,y\n'
    clash = orga("POST", "/contributions/import", content=multiline, headers={"Content-Type": "text/csv"})
    assert clash.json()["rows"] == [{"line": 4, "reason": "id 'c002' is already in this congress"}]
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


def test_closing_the_contributions_phase_blocks_writing_and_editing(
    app: ServerProcess, congress: Congress
) -> None:
    orga, alice, _ = _people(app, congress)
    sent = alice("POST", "/contributions", json={"title": "Fibre", "text": "Partout", "axis": "Inclusion"})
    assert sent.status_code == 201
    key = sent.json()["id"]
    assert alice("GET", "/contributions").json()["writable"] is True
    assert orga("POST", "/phase", json={"phase": "themes"}).status_code == 200

    assert alice("POST", "/contributions", json={"title": "Trop tard", "text": "..."}).status_code == 403
    assert alice("PATCH", f"/contributions/{key}", json={"text": "Changé"}).status_code == 403
    assert alice("DELETE", f"/contributions/{key}").status_code == 403
    mine = alice("GET", "/contributions").json()
    assert mine["writable"] is False and [c["text"] for c in mine["contributions"]] == ["Partout"]


def test_a_participant_neither_sees_nor_changes_another_s_contribution(
    app: ServerProcess, congress: Congress
) -> None:
    orga, alice, bruno = _people(app, congress)
    key = alice("POST", "/contributions", json={"title": "Fibre", "text": "Partout"}).json()["id"]
    bruno("POST", "/contributions", json={"title": "Écoles", "text": "Tablettes"})

    assert [c["title"] for c in bruno("GET", "/contributions").json()["contributions"]] == ["Écoles"]
    assert bruno("GET", f"/contributions/{key}").status_code == 404
    assert bruno("PATCH", f"/contributions/{key}", json={"text": "Piraté"}).status_code == 404
    assert bruno("DELETE", f"/contributions/{key}").status_code == 404
    assert bruno("GET", f"/contributions/linked?ids={key}").json()["contributions"] == []
    assert bruno("GET", "/contributions/export").status_code == 403
    # Alice still has hers, unchanged; the organisers see both, with their authors.
    assert alice("GET", f"/contributions/{key}").json()["text"] == "Partout"
    assert alice("PATCH", f"/contributions/{key}", json={"text": "Partout, vite"}).status_code == 200
    everyone = orga("GET", "/contributions").json()["contributions"]
    assert sorted((c["author"], c["text"]) for c in everyone) == [
        ("Alice", "Partout, vite"),
        ("Bruno", "Tablettes"),
    ]
    assert [c["title"] for c in orga("GET", "/contributions?q=tablette").json()["contributions"]] == [
        "Écoles"
    ]


def _stored_vectors(app: ServerProcess, congress: Congress) -> dict[str, bytes]:
    with admin(Settings.from_env(app.env)) as setup:
        row = setup.directory.congress(congress.slug)
        assert row is not None and row.id is not None
        return ContributionStore(setup.directory.engine).vectors(row.id)


def test_organiser_corrections_survive_a_rerun_on_new_contributions(
    app: ServerProcess, congress: Congress
) -> None:
    orga, _, _ = _people(app, congress)
    orga("POST", "/contributions/import", content=_corpus(slice(0, 40)), headers={"Content-Type": "text/csv"})
    first = orga("POST", "/themes/run", json={"k": 4})
    assert first.status_code == 200, first.text
    themes = first.json()["themes"]
    assert len(themes) == 4 and sum(t["size"] for t in themes) == 40
    # Rename theme 1, move a contribution from theme 3 into it, merge theme 4 into theme 2.
    moved = themes[2]["contributions"][0]["id"]
    assert orga("POST", "/themes/rename", json={"theme": 0, "name": "Inclusion numérique"}).status_code == 200
    assert orga("POST", "/themes/move", json={"contribution": moved, "theme": 0}).status_code == 200
    merged = orga("POST", "/themes/merge", json={"into": 1, "themes": [3]}).json()["themes"]
    assert merged[0]["title"] == "Inclusion numérique" and len(merged) == 3
    kept = {t["title"]: {c["id"] for c in t["contributions"]} for t in merged if t["reviewed"]}
    assert len(_stored_vectors(app, congress)) == 40  # the encoder's work is kept for the next run

    orga(
        "POST", "/contributions/import", content=_corpus(slice(40, 70)), headers={"Content-Type": "text/csv"}
    )
    assert len(orga("GET", "/themes").json()["unclassified"]) == 30
    rerun = orga("POST", "/themes/run", json={}).json()
    after = {t["title"]: {c["id"] for c in t["contributions"]} for t in rerun["themes"]}
    for title, ids in kept.items():
        assert ids <= after[title], title  # every correction kept; new arrivals may join
    assert moved in after["Inclusion numérique"]
    assert rerun["unclassified"] == [] and sum(len(v) for v in after.values()) == 70
    assert len(_stored_vectors(app, congress)) == 70


def test_themes_go_into_the_mind_map_with_their_links(app: ServerProcess, congress: Congress) -> None:
    orga, alice, _ = _people(app, congress)
    orga("POST", "/contributions/import", content=_corpus(slice(0, 20)), headers={"Content-Type": "text/csv"})
    themes = orga("POST", "/themes/run", json={"k": 3}).json()["themes"]
    orga("POST", "/themes/rename", json={"theme": 1, "name": "Cybersécurité"})
    placed = orga("POST", "/themes/mindmap", json={"key_contributions": 2})
    assert placed.status_code == 200 and placed.json() == {"themes": 3, "contributions": 6}
    orga("POST", "/themes/mindmap", json={"key_contributions": 2})  # again: the same branches, updated

    async def read() -> Node:
        async with YClient(congress.url("mindmap", role="observer")) as client:
            return build_tree(client.doc)

    tree = run_async(read)
    assert tree.id == ROOT_ID and len(tree.children) == 3
    for theme, node in zip(themes, tree.children, strict=True):
        assert node.links == [c["id"] for c in theme["contributions"]]
        assert [child.links for child in node.children] == [[c["id"]] for c in theme["contributions"][:2]]
    assert tree.children[1].label == "Cybersécurité"
    # Merged themes placed again: the branch of the theme gone goes too, the others follow.
    orga("POST", "/themes/merge", json={"into": 0, "themes": [2]})
    orga("POST", "/themes/mindmap", json={"key_contributions": 1})
    tree = run_async(read)
    assert [node.label for node in tree.children][1] == "Cybersécurité" and len(tree.children) == 2
    assert [len(node.children) for node in tree.children] == [1, 1]
    # Participants open the ideas behind a branch once the drafts phase is over.
    link = tree.children[0].links[0]
    assert alice("GET", f"/contributions/linked?ids={link}").json()["contributions"] == []
    orga("POST", "/phase", json={"phase": "themes"})
    shown = alice("GET", f"/contributions/linked?ids={link},nope").json()["contributions"]
    assert [c["id"] for c in shown] == [link] and "author" not in shown[0]
    chart = orga("GET", "/themes/chart.svg")
    assert chart.headers["content-type"].startswith("image/svg+xml") and "Cybersécurité" in chart.text


def test_a_link_a_participant_writes_into_the_map_does_not_reveal_a_contribution(
    app: ServerProcess, congress: Congress
) -> None:
    """Issue 12, item 8: anyone may write the map, imported keys are 1, 2, 3…: only the links the
    organisers placed answer, not a link a participant wrote to an idea nobody surfaced."""
    orga, alice, _ = _people(app, congress)
    orga("POST", "/contributions/import", content=_corpus(slice(0, 12)), headers={"Content-Type": "text/csv"})
    orga("POST", "/themes/run", json={"k": 2})
    orga("POST", "/themes/mindmap", json={"key_contributions": 1})
    late = "\n".join(["id,title,text", "secret-1,Note interne,Une idée que personne n'a placée."]) + "\n"
    assert (
        orga("POST", "/contributions/import", content=late, headers={"Content-Type": "text/csv"}).status_code
        == 201
    )
    orga("POST", "/phase", json={"phase": "themes"})

    async def link_by_hand() -> str:
        async with YClient(
            congress.url("mindmap", token=congress.invite("participant", "Curieuse"))
        ) as client:
            placed = build_tree(client.doc).children[0].links[0]
            add_node(client.doc, ROOT_ID, "Mon nœud", links=["secret-1", placed])
            await asyncio.sleep(0.5)  # the server applies it to the room
            return placed

    placed = run_async(link_by_hand)
    assert "secret-1" in {link for _, node in _live_tree(congress).walk() for link in node.links}
    shown = alice("GET", f"/contributions/linked?ids=secret-1,{placed}").json()["contributions"]
    assert [c["id"] for c in shown] == [placed]  # the organisers' link still answers
    everything = orga("GET", "/contributions/linked?ids=secret-1").json()["contributions"]
    assert [c["id"] for c in everything] == ["secret-1"]  # organisers read every contribution anyway


def _live_tree(congress: Congress) -> Node:
    async def read() -> Node:
        async with YClient(congress.url("mindmap", role="observer")) as client:
            return build_tree(client.doc)

    return run_async(read)


def test_contributions_are_encoded_as_they_arrive(app: ServerProcess, congress: Congress) -> None:
    """Classifying then reads stored vectors instead of waiting seconds for the encoder."""
    orga, alice, _ = _people(app, congress)
    orga("POST", "/contributions/import", content=_corpus(slice(0, 30)), headers={"Content-Type": "text/csv"})
    written = alice("POST", "/contributions", json={"title": "Fibre", "text": "La fibre dans chaque hameau."})
    assert written.status_code in (200, 201), written.text
    deadline = time.monotonic() + 60
    while len(_stored_vectors(app, congress)) < 31 and time.monotonic() < deadline:
        time.sleep(0.2)
    assert len(_stored_vectors(app, congress)) == 31  # no classification has run yet
    assert "contributions encoded ahead of classification" in app.log()
