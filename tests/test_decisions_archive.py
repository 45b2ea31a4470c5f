"""Archive format version 2 carries amendments, supports, votes and ballots (a secret vote's ballots stay
unlinkable to a choice); version 1 still imports; a file whose decisions do not hold together is refused."""

from __future__ import annotations

import hashlib
import io
import json
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from server.app import create_app
from server.settings import Settings
from tests.support.decisions import Hall, open_hall


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    data: Path = tmp_path_factory.mktemp("archive2")
    settings = Settings.from_env({"UBIQUITE_DATA_DIR": str(data), "SECRET_KEY": "archive-tests"})
    with TestClient(create_app(settings), follow_redirects=False) as test_client:
        yield test_client


@pytest.fixture
def archived(client: TestClient) -> tuple[Hall, bytes]:
    """A congress that amended and voted (named and secret), and its archive."""
    hall = open_hall(client)
    body = {
        **hall.passage("Réduire la fracture"),
        "kind": "replace",
        "text": "Combler la fracture",
        "reason": "r",
    }
    amendment = hall.api("aline", "POST", "amendments", body).json()
    hall.api("bruno", "POST", f"amendments/{amendment['id']}/support").raise_for_status()
    vote = hall.api(
        "organiser",
        "POST",
        "votes",
        {"subject": {"kind": "amendment", "ref": str(amendment["id"])}, "title": "A1"},
    ).json()
    for who in ("aline", "bruno"):
        hall.api(who, "POST", f"votes/{vote['id']}/ballot", {"choice": "for"}).raise_for_status()
    hall.api("organiser", "POST", f"votes/{vote['id']}/close").raise_for_status()
    secret = hall.api(
        "organiser",
        "POST",
        "votes",
        {"subject": {"kind": "motion", "ref": ""}, "title": "Motion", "secret": True},
    ).json()
    for who, choice in (("aline", "against"), ("chloe", "for"), ("bruno", "for")):
        hall.api(who, "POST", f"votes/{secret['id']}/ballot", {"choice": choice}).raise_for_status()
    hall.api("organiser", "POST", f"votes/{secret['id']}/close").raise_for_status()
    hall.api("organiser", "POST", "pen", {"on": True, "holders": [hall.ids["chloe"]]}).raise_for_status()
    data = client.get(
        f"/api/congresses/{hall.slug}/archive",
        headers={"Authorization": f"Bearer {hall.tokens['organiser']}"},
    )
    assert data.status_code == 200
    return hall, data.content


def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zipped:
        return {name: zipped.read(name) for name in zipped.namelist()}


def rewritten(data: bytes, change: Callable[[dict[str, bytes], dict[str, Any]], None]) -> bytes:
    """The archive with members changed by `change(members, manifest)`, its digests made to match."""
    found = members(data)
    manifest = json.loads(found.pop("manifest.json"))
    change(found, manifest)
    manifest["files"] = {
        name: {"bytes": len(content), "sha256": hashlib.sha256(content).hexdigest()}
        for name, content in found.items()
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zipped:
        zipped.writestr("manifest.json", json.dumps(manifest))
        for name, content in found.items():
            zipped.writestr(name, content)
    return out.getvalue()


def bring(hall: Hall, data: bytes, slug: str) -> Any:
    return hall.client.post(
        f"/api/archives?slug={slug}",
        content=data,
        headers={"Authorization": f"Bearer {hall.tokens['organiser']}"},
    )


def test_an_archive_carries_the_decisions_and_a_secret_vote_stays_unlinkable(
    archived: tuple[Hall, bytes],
) -> None:
    hall, data = archived
    found = members(data)
    assert json.loads(found["manifest.json"])["version"] == 2
    decisions = json.loads(found["decisions.json"])
    named, secret = decisions["votes"]
    assert [(c["vote_id"], c["choice"]) for c in decisions["choices"]] == [(named["id"], "for")] * 2
    ballots = [b for b in decisions["ballots"] if b["vote_id"] == secret["id"]]
    assert [b["participant_id"] for b in ballots] == sorted(b["participant_id"] for b in ballots)
    assert set(ballots[0]) == {"vote_id", "participant_id"}  # no choice, no time
    assert (secret["count_for"], secret["count_against"]) == (2, 1)
    rooms = {json.loads(line)["room"] for line in found["updates.jsonl"].splitlines()}
    assert rooms <= {"motion", "mindmap"}  # the server-written rooms are made again from the decisions

    slug = f"copie-{int(time.time() * 1000) % 10**8}"
    imported = bring(hall, data, slug)
    assert imported.status_code == 201, imported.text
    link = imported.json()["your_link"].rsplit("/", 1)[1]  # the importer is an organiser of the copy
    copy = Hall(hall.client, slug, 0, {"organiser": link}, {})
    (amendment,) = copy.api("organiser", "GET", "amendments").json()["amendments"]
    assert (amendment["status"], amendment["supporters"], amendment["author"]["name"]) == (
        "accepted",
        1,
        "Aline",
    )
    votes = copy.api("organiser", "GET", "votes").json()["votes"]
    assert [(v["title"], v["result"], v["cast"]) for v in votes] == [
        ("A1", "adopted", 2),
        ("Motion", "adopted", 3),
    ]
    assert amendment["vote_id"] == votes[0]["id"] and votes[0]["subject"]["ref"] == str(amendment["id"])
    assert copy.api("organiser", "GET", "amendments").json()["pen"]["holders"][0]["name"] == "Chloe"
    deadline = time.time() + 5
    while time.time() < deadline and len(copy.live()["votes"]) < 2:  # written again from the tables
        time.sleep(0.05)
    live = copy.live()
    assert {json.loads(v)["title"] for v in live["votes"].values()} == {"A1", "Motion"}
    assert json.loads(live["amendments"][str(amendment["id"])])["status"] == "accepted"


def test_a_version_1_archive_still_imports_as_a_congress_that_decided_nothing(
    archived: tuple[Hall, bytes],
) -> None:
    hall, data = archived

    def as_version_1(found: dict[str, bytes], manifest: dict[str, Any]) -> None:
        del found["decisions.json"]
        manifest["version"] = 1
        congress = json.loads(found["congress.json"])
        congress.pop("pen_on")
        found["congress.json"] = json.dumps(congress).encode()
        people = [
            {k: v for k, v in p.items() if k != "pen_holder"} for p in json.loads(found["participants.json"])
        ]
        found["participants.json"] = json.dumps(people).encode()

    slug = f"v1-{int(time.time() * 1000) % 10**8}"
    imported = bring(hall, rewritten(data, as_version_1), slug)
    assert imported.status_code == 201, imported.text
    copy = Hall(hall.client, slug, 0, {"organiser": imported.json()["your_link"].rsplit("/", 1)[1]}, {})
    assert copy.api("organiser", "GET", "amendments").json()["amendments"] == []
    assert "Combler la fracture" in copy.text()  # the log itself came over whole


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("choice_on_secret", "a secret vote carries no choice"),
        ("counts", "its counts are not its ballots"),
        ("stranger", "is not in participants.json"),
        ("twice", "voted twice"),
        ("bad_field", "decisions.json, votes 1: title"),
        ("version_3", "reads versions 1 and 2"),
    ],
)
def test_an_archive_whose_decisions_do_not_hold_together_imports_nothing(
    archived: tuple[Hall, bytes], case: str, message: str
) -> None:
    hall, data = archived

    def spoil(found: dict[str, bytes], manifest: dict[str, Any]) -> None:
        decisions = json.loads(found["decisions.json"])
        named, secret = decisions["votes"]
        if case == "choice_on_secret":
            voter = next(b["participant_id"] for b in decisions["ballots"] if b["vote_id"] == secret["id"])
            decisions["choices"].append({"vote_id": secret["id"], "participant_id": voter, "choice": "for"})
        elif case == "counts":
            secret["count_for"] += 1
        elif case == "stranger":
            decisions["supports"][0]["participant_id"] = 987654
        elif case == "twice":
            decisions["ballots"].append(dict(decisions["ballots"][0]))
        elif case == "bad_field":
            named["title"] = ["not", "a", "title"]
        else:
            manifest["version"] = 3
        found["decisions.json"] = json.dumps(decisions).encode()

    slug = f"bad-{case.replace('_', '-')}"
    answer = bring(hall, rewritten(data, spoil), slug)
    assert answer.status_code == 422 and message in answer.json()["error"], answer.text
    assert hall.services.directory.congress(slug) is None
