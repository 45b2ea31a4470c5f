"""GET /api/congresses/{slug}/status, the organisers' live figures (server/congress/dashboard.py):
who may read it, what it refuses, and that each figure follows what happens in the congress."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from pycrdt import Doc, Text
from starlette.testclient import TestClient

from crdt.motion import TEXT
from crdt.protocol import encode_update
from server.app import create_app
from server.congress.attendance import Roll
from server.congress.dashboard import Dashboard
from server.congress.domain import Identity, Phase, Role, Site
from server.congress.provision import admin
from server.congress.views import Here
from server.settings import Settings

ORIGIN = "http://testserver"
STATUS = "/api/congresses/tableau/status"


@dataclass
class Board:
    client: TestClient
    tokens: dict[str, str]

    def get(self, who: str | None, path: str = STATUS) -> tuple[int, dict[str, Any]]:
        headers = {"Authorization": f"Bearer {self.tokens[who]}"} if who else {}
        answer = self.client.get(path, headers=headers)
        return answer.status_code, answer.json()


@pytest.fixture(scope="module")
def board(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Board]:
    settings = Settings.from_env(
        {"UBIQUITE_DATA_DIR": str(tmp_path_factory.mktemp("status")), "SECRET_KEY": "status-tests"}
    )
    with admin(settings) as setup:
        congress = setup.ensure_congress("tableau", "Congrès du tableau")
        other = setup.ensure_congress("voisin", "Un autre congrès")
        tokens = {
            "organiser": setup.invite(congress, Role.ORGANISER, "Olga Organise").token,
            "participant": setup.invite(congress, Role.PARTICIPANT, "Paul Participe").token,
            "remote": setup.invite(congress, Role.PARTICIPANT, "Rita Distante", Site.REMOTE).token,
            "observer": setup.invite(congress, Role.OBSERVER, "Le Journal").token,
            "neighbour": setup.invite(other, Role.ORGANISER, "Nina Voisine").token,
        }
    with TestClient(create_app(settings), follow_redirects=False) as client:
        yield Board(client, tokens)


def test_only_the_congress_organisers_read_it(board: Board) -> None:
    assert board.get(None)[0] == 401
    for who in ("participant", "remote", "observer", "neighbour"):
        assert board.get(who)[0] == 403, who
    status, data = board.get("organiser")
    assert status == 200
    assert data["phase"] == "contributions"
    assert set(data) == {"phase", "connected", "here", "contributions", "edits_per_minute", "at", "partial"}
    assert data["partial"] is False  # one process, the in-process broker: its view is the whole view


def test_bad_requests_are_refused_clearly(board: Board) -> None:
    # Another congress's slug, one that is no congress, one no congress could have: not theirs.
    for slug in ("voisin", "inconnu", "PAS%20UN%20SLUG", "a" * 300):
        status, data = board.get("organiser", f"/api/congresses/{slug}/status")
        assert status == 403 and data["error"] == "not your congress", slug
    forged = board.tokens["organiser"][:-4] + "AAAA"
    answer = board.client.get(STATUS, headers={"Authorization": f"Bearer {forged}"})
    assert answer.status_code == 401
    headers = {"Authorization": f"Bearer {board.tokens['organiser']}", "Origin": ORIGIN}
    assert board.client.post(STATUS, headers=headers).status_code == 405  # read only
    # Query parameters change nothing: there are none to take.
    assert board.get("organiser", STATUS + "?minutes=-1&people=%00")[0] == 200


def test_connected_people_on_site_and_remote_follow_the_sockets(board: Board) -> None:
    _, before = board.get("organiser")
    assert before["connected"] == {
        "people": 0,
        "on_site": 0,
        "remote": 0,
        "organisers": 0,
        "participants": 0,
        "observers": 0,
    }
    room = "/ws/tableau.motion?token="
    with (
        board.client.websocket_connect(room + board.tokens["participant"], headers={"Origin": ORIGIN}) as a,
        board.client.websocket_connect(room + board.tokens["remote"], headers={"Origin": ORIGIN}) as b,
    ):
        a.receive_bytes()
        b.receive_bytes()
        _, during = board.get("organiser")
        assert during["connected"]["people"] == 2
        assert (during["connected"]["on_site"], during["connected"]["remote"]) == (1, 1)
        assert during["connected"]["participants"] == 2
        assert [(h["name"], h["site"], h["documents"]) for h in during["here"]] == [
            ("Paul Participe", "on_site", ["motion"]),
            ("Rita Distante", "remote", ["motion"]),
        ]
    deadline = time.monotonic() + 5
    while board.get("organiser")[1]["connected"]["people"] and time.monotonic() < deadline:
        time.sleep(0.05)
    assert board.get("organiser")[1]["connected"]["people"] == 0


def test_contributions_and_edits_per_minute_count_what_arrives(board: Board) -> None:
    _, before = board.get("organiser")
    written = board.client.post(
        "/api/congresses/tableau/contributions",
        json={"title": "Une idée", "text": "Former les aidants."},
        headers={"Authorization": f"Bearer {board.tokens['participant']}", "Origin": ORIGIN},
    )
    assert written.status_code == 201, written.text
    doc: Doc = Doc()
    text = doc.get(TEXT, type=Text)
    url = "/ws/tableau.motion?token=" + board.tokens["participant"]
    with board.client.websocket_connect(url, headers={"Origin": ORIGIN}) as socket:
        socket.receive_bytes()
        for word in ("Une ", "motion ", "écrite."):
            start = doc.get_state()
            text += word
            socket.send_bytes(encode_update(doc.get_update(start)))
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            _, after = board.get("organiser")
            if after["edits_per_minute"] >= before["edits_per_minute"] + 3:
                break
            time.sleep(0.05)
    assert after["contributions"] == before["contributions"] + 1
    assert after["edits_per_minute"] == before["edits_per_minute"] + 3


class _People:
    def __init__(self, here: list[Here], partial: bool = False) -> None:
        self.roll = Roll(tuple(here), partial)

    async def connected(self, me: Identity) -> Roll:
        return self.roll


class _Count:
    def count(self, congress_id: int) -> int:
        return 7


class _Edits:
    def __init__(self) -> None:
        self.asked: list[tuple[str, float]] = []

    async def edits_since(self, slug: str, at: float) -> int:
        self.asked.append((slug, at))
        return 42


@pytest.mark.anyio
async def test_the_dashboard_counts_a_minute_of_edits_and_each_site() -> None:
    here = [
        Here(1, "Aline", "participant", ("x.motion",), "on_site"),
        Here(2, "Bruno", "observer", ("x.mindmap",), "remote"),
        Here(3, "Chloé", "organiser", ("x.motion", "x.mindmap"), "on_site"),
    ]
    edits = _Edits()
    dashboard = Dashboard(_People(here), _Count(), edits, clock=lambda: 1000.0)
    me = Identity(3, "Chloé", Role.ORGANISER, 5, "x", Phase.WRITING)
    live = await dashboard.live(me)
    assert (live.phase, live.contributions, live.edits_per_minute, live.at) == ("writing", 7, 42, 1000.0)
    assert (live.on_site, live.remote, live.by_role("observer")) == (2, 1, 1)
    assert edits.asked == [("x", 940.0)]  # the last minute
    assert not live.partial
    assert (await Dashboard(_People(here, True), _Count(), edits).live(me)).partial
