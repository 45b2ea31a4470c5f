"""The whole application in this process (Starlette's TestClient), with a congress and its people,
for tests of the HTTP edge that need no real server process."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from starlette.testclient import TestClient

from server.app import create_app
from server.congress.domain import Role
from server.congress.provision import admin
from server.settings import Settings


@dataclass
class Site:
    client: TestClient
    slug: str
    organiser: str  # tokens
    participant: str
    stranger: str  # a participant of another congress
    shared: str  # a shared link's token, whose names are still free

    def bearer(self, token: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {token}"}


def open_site(data_dir: Path) -> Iterator[Site]:
    settings = Settings.from_env({"UBIQUITE_DATA_DIR": str(data_dir), "SECRET_KEY": "edge-tests-secret"})
    with admin(settings) as setup:
        congress = setup.ensure_congress("edge", "Congrès des bords")
        other = setup.ensure_congress("ailleurs", "Un autre congrès")
        organiser = setup.invite(congress, Role.ORGANISER, "Olga Organise").token
        participant = setup.invite(congress, Role.PARTICIPANT, "Paul Participe").token
        stranger = setup.invite(other, Role.PARTICIPANT, "Sam Ailleurs").token
        shared, _people = setup.organising.invite_group(congress, Role.PARTICIPANT, ["Le Monde", "Libé"])
    with TestClient(create_app(settings), follow_redirects=False) as client:
        yield Site(client, "edge", organiser, participant, stranger, shared.token)
