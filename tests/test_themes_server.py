"""Issue 14 through the real server: the congress's axes, e5 vectors stored on arrival, progress,
near-duplicates merged into one idea keeping both authors.

One server for the module; each test makes its own congress.
"""

from __future__ import annotations

import csv
import io
import threading
import time
from collections.abc import Iterator

import httpx
import pytest

from server.congress.provision import admin
from server.contributions.store import ContributionStore
from server.settings import Settings
from tests.support.congress import Congress
from tests.support.server import ServerProcess
from tests.themes_corpus import AXES, THEMES_CORPUS, known_duplicates


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    process = ServerProcess(tmp_path_factory.mktemp("themes") / "data").start()
    yield process
    process.stop()


@pytest.fixture
def congress(app: ServerProcess) -> Congress:
    return app.congress()


class Person:
    def __init__(self, server: ServerProcess, congress: Congress, role: str, name: str) -> None:
        self.api = f"{server.http}/api/congresses/{congress.slug}"
        token = congress.invite(role, name)
        self.client = httpx.Client(headers={"Authorization": f"Bearer {token}"}, timeout=120)

    def __call__(self, method: str, path: str = "", **kwargs: object) -> httpx.Response:
        return self.client.request(method, self.api + path, **kwargs)  # type: ignore[arg-type]


def _rows(count: int, authors: bool = False) -> list[dict[str, str]]:
    with THEMES_CORPUS.open(encoding="utf-8") as file:
        rows = list(csv.DictReader(file))[:count]
    if authors:
        for position, row in enumerate(rows):
            row["author"] = f"Auteur {position}"
    return rows


def _csv(rows: list[dict[str, str]]) -> str:
    out = io.StringIO()
    columns = ["id", "title", "text", "axis", *(["author"] if rows and "author" in rows[0] else [])]
    writer = csv.DictWriter(out, columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def _axes() -> list[dict[str, str]]:
    with AXES.open(encoding="utf-8") as file:
        return [{"name": row["name"], "description": row["description"]} for row in csv.DictReader(file)]


def _stored(app: ServerProcess, congress: Congress, encoder: str) -> int:
    with admin(Settings.from_env(app.env)) as setup:
        row = setup.directory.congress(congress.slug)
        assert row is not None and row.id is not None
        return len(ContributionStore(setup.directory.engine).vectors(row.id, encoder))


def _import(orga: Person, rows: list[dict[str, str]]) -> None:
    response = orga("POST", "/contributions/import", content=_csv(rows), headers={"Content-Type": "text/csv"})
    assert response.status_code == 201, response.text


def test_axes_are_the_organisers_to_write(app: ServerProcess, congress: Congress) -> None:
    orga = Person(app, congress, "organiser", "Orga")
    alice = Person(app, congress, "participant", "Alice")
    assert orga("GET", "/axes").json() == {"axes": []}
    assert alice("GET", "/axes").status_code in (403, 404)
    assert alice("PUT", "/axes", json={"axes": _axes()}).status_code in (403, 404)
    twice = orga("PUT", "/axes", json={"axes": [{"name": "Fibre"}, {"name": "fibre"}]})
    assert twice.status_code == 400 and "twice" in twice.json()["error"]
    assert orga("PUT", "/axes", json={"axes": [{"description": "sans nom"}]}).status_code == 400
    assert orga("PUT", "/axes", json={"axes": "Fibre"}).status_code == 400
    saved = orga("PUT", "/axes", json={"axes": _axes()})
    assert saved.status_code == 200 and saved.json()["axes"] == _axes()
    assert orga("GET", "/axes").json()["axes"] == _axes()
    # Contributors are offered the axes when they pick one (a hint for the classification).
    assert alice("GET", "/contributions").json()["congress_axes"] == [a["name"] for a in _axes()]
    assert orga("PUT", "/axes", json={"axes": _axes()[:2]}).json()["axes"] == _axes()[:2]  # edited after


def test_classified_by_axes_with_vectors_stored_on_arrival_and_progress_shown(
    app: ServerProcess, congress: Congress
) -> None:
    orga = Person(app, congress, "organiser", "Orga")
    _import(orga, _rows(120))
    # The contributions are encoded on arrival by both encoders; the page polls the progress.
    seen: list[dict[str, object]] = []
    deadline = time.monotonic() + 120
    while _stored(app, congress, "e5") < 120 and time.monotonic() < deadline:
        status = orga("GET", "/themes/status").json()
        if status["kind"]:
            seen.append(status)
        time.sleep(0.3)
    assert _stored(app, congress, "e5") == 120 and _stored(app, congress, "use") == 120
    encoding = [s for s in seen if s["kind"] == "encode" and s["step"] == "embedding e5"]
    assert encoding and all(0 < int(s["done"]) <= int(s["total"]) == 120 for s in encoding)  # type: ignore[call-overload]
    assert orga("GET", "/themes/status").json()["kind"] == ""

    # Axes written after the contributions arrived: the next run is guided by them.
    orga("PUT", "/axes", json={"axes": _axes()})
    result: dict[str, httpx.Response] = {}
    runner = threading.Thread(target=lambda: result.setdefault("run", orga("POST", "/themes/run", json={})))
    runner.start()
    runner.join(120)
    run = result["run"]
    assert run.status_code == 200, run.text
    themes = run.json()["themes"]
    names = [t["title"] for t in themes if not t["other"]]
    assert names == [a["name"] for a in _axes()]
    assert all(t["axis"] == t["title"] for t in themes if not t["other"])
    assert sum(t["size"] for t in themes) == 120
    assert any(t["subthemes"] for t in themes)
    # Labels: phrases written by people (a contribution's title), never keyword lists.
    titles = {row["id"]: row["title"] for row in _rows(120)}
    for theme in themes:
        assert theme["label"] in {titles[c["id"]] for c in theme["contributions"]} or not theme["size"]

    # A correction on an axis theme is kept by the next run.
    moved = themes[0]["contributions"][0]["id"]
    assert orga("POST", "/themes/move", json={"contribution": moved, "theme": 2}).status_code == 200
    rerun = orga("POST", "/themes/run", json={}).json()["themes"]
    assert moved in {c["id"] for c in rerun[2]["contributions"]}
    assert [t["title"] for t in rerun if not t["other"]] == names


def test_a_near_duplicate_pair_merged_into_one_idea_keeps_both_authors(
    app: ServerProcess, congress: Congress
) -> None:
    orga = Person(app, congress, "organiser", "Orga")
    rows = _rows(160, authors=True)
    ids = {row["id"] for row in rows}
    known = [sorted(pair) for pair in known_duplicates(THEMES_CORPUS) if pair <= ids]
    assert known
    _import(orga, rows)
    orga("PUT", "/axes", json={"axes": _axes()})
    data = orga("POST", "/themes/run", json={}).json()
    flagged = {frozenset((d["first"], d["second"])): d for d in data["near_duplicates"]}
    pair = next(flagged[frozenset(p)] for p in known if frozenset(p) in flagged)
    first, second = pair["pair"]
    assert first["id"] == pair["first"] and first["text"] and second["text"]  # side by side
    merged = orga("POST", "/themes/duplicates/merge", json={"keep": pair["first"], "other": pair["second"]})
    assert merged.status_code == 200, merged.text
    after = merged.json()
    cards = {c["id"]: c for t in after["themes"] for c in t["contributions"]}
    assert pair["second"] not in cards
    authors = {row["id"]: row["author"] for row in rows}
    assert cards[pair["first"]]["authors"] == [authors[pair["first"]], authors[pair["second"]]]
    assert (pair["first"], pair["second"]) not in {
        (d["first"], d["second"]) for d in after["near_duplicates"]
    }
    again = orga("POST", "/themes/duplicates/merge", json={"keep": pair["first"], "other": pair["second"]})
    assert again.status_code == 400
    # The next run counts the idea once; nothing was deleted (the export still has both rows).
    rerun = orga("POST", "/themes/run", json={}).json()
    assert rerun["run"]["contributions"] == 159
    assert pair["second"] in orga("GET", "/contributions/export").text


def test_a_refused_correction_is_said_in_the_organisers_language(
    app: ServerProcess, congress: Congress
) -> None:
    """Issue 13: a French page was told "no theme 3"; the refusal is a sentence of the catalogue."""
    orga = Person(app, congress, "organiser", "Orga")
    french = orga("POST", "/themes/rename", json={"theme": 2, "name": "Inclusion"})
    assert french.status_code == 400
    assert french.json()["error"] == "Il n'y a pas de thème 3."
    english = orga("POST", "/themes/merge?lang=en", json={"into": 0, "themes": []})
    assert english.status_code == 400
    assert english.json()["error"] == "There is no theme 1."
