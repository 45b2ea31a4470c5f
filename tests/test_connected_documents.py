"""Who is "here" counts the documents people are in, not the rooms only the server writes.

Every page follows `{slug}.decisions`, and the organisers' page also `{slug}.tally` (issue 15): an
organiser with only that page open is not in any document, and a participant on the motion page is
in the motion, not in "decisions" (server/auth/sockets.py SocketRegistry.connected).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient, WebSocketTestSession

from server.app import create_app
from server.congress.domain import Role
from server.congress.provision import admin
from server.settings import Settings

ORIGIN = "http://testserver"


@pytest.fixture
def hall(tmp_path: Path) -> Iterator[tuple[TestClient, dict[str, str]]]:
    settings = Settings.from_env({"UBIQUITE_DATA_DIR": str(tmp_path), "SECRET_KEY": "here-tests"})
    with admin(settings) as setup:
        congress = setup.ensure_congress("salle", "Congrès de la salle")
        tokens = {
            "organiser": setup.invite(congress, Role.ORGANISER, "Olga Organise").token,
            "participant": setup.invite(congress, Role.PARTICIPANT, "Paul Participe").token,
        }
    with TestClient(create_app(settings), follow_redirects=False) as client:
        yield client, tokens


def test_the_rooms_only_the_server_writes_do_not_make_a_person_here(
    hall: tuple[TestClient, dict[str, str]],
) -> None:
    client, tokens = hall

    def socket(room: str, who: str) -> WebSocketTestSession:
        return client.websocket_connect(f"/ws/salle.{room}?token={tokens[who]}", headers={"Origin": ORIGIN})

    with (
        socket("decisions", "organiser") as a,
        socket("tally", "organiser") as b,
        socket("decisions", "participant") as c,
        socket("motion", "participant") as d,
    ):
        for ws in (a, b, c, d):
            ws.receive_bytes()
        answer = client.get(
            "/api/congresses/salle/status", headers={"Authorization": f"Bearer {tokens['organiser']}"}
        )
        assert answer.status_code == 200, answer.text
        status = answer.json()
        assert [(h["name"], h["documents"]) for h in status["here"]] == [("Paul Participe", ["motion"])]
        assert status["connected"]["people"] == 1 and status["connected"]["organisers"] == 0
