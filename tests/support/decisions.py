"""A congress in this process for the decisions' tests: its people, its motion, its anchors, its API.

Built through the application's own services (the same rows a CLI invite
makes) in a TestClient, so requests cross the real door, guards and error
table. The motion is written by one Yjs client (WRITER) in one transaction,
so a character's UTF-16 index is its clock, and an anchor is (WRITER, index):
what `Y.createRelativePositionFromTypeIndex` gives a browser for that text.
"""

from __future__ import annotations

import base64
import uuid
from dataclasses import dataclass, field
from typing import Any

from pycrdt import Doc, Map, Text
from starlette.testclient import TestClient

from crdt.anchors import Anchor, encode_anchor
from crdt.motion import TEXT
from server.congress.domain import NewParticipant, Phase, Role, room_name
from server.realtime.extension import Origin, OriginKind

WRITER = 77
MOTION = """# Motion 2026

## Égalité d’accès au numérique

1. Réduire la fracture numérique dans les territoires ruraux.
2. Former 10 000 aidants 😀 d’ici 2028.

## Souveraineté

1. Héberger les données publiques en Europe.
"""
PEOPLE = {
    "organiser": Role.ORGANISER,
    "aline": Role.PARTICIPANT,
    "bruno": Role.PARTICIPANT,
    "chloe": Role.PARTICIPANT,
    "observer": Role.OBSERVER,
    "revoked": Role.PARTICIPANT,
}


def anchor_at(text: str, index: int, assoc: int = 0) -> str:
    """The base64 relative position before the character at Python index `index` of `text` as
    WRITER typed it (its UTF-16 index is its clock); past the end: the end of the text."""
    units = len(text[:index].encode("utf-16-le")) // 2
    if index >= len(text):
        return base64.b64encode(encode_anchor(Anchor(None, None, 0))).decode()
    return base64.b64encode(encode_anchor(Anchor(WRITER, units, assoc))).decode()


@dataclass
class Hall:
    client: TestClient
    slug: str
    congress_id: int
    tokens: dict[str, str]
    ids: dict[str, int]
    motion: str = MOTION
    other_slug: str = ""
    other_token: str = ""
    other_vote: int = 0
    log: list[str] = field(default_factory=list)

    @property
    def services(self) -> Any:
        return self.client.app.state.services  # type: ignore[attr-defined]

    def api(self, who: str, method: str, path: str, body: Any = None) -> Any:
        token = self.other_token if who == "stranger" else self.tokens[who]
        return self.client.request(
            method,
            f"/api/c/{self.slug}/{path}",
            json=body,
            headers={"Authorization": f"Bearer {token}"},
        )

    def passage(self, words: str) -> dict[str, str]:
        """The anchors and expected text of a passage of the original motion, as a browser sends them."""
        start = self.motion.index(words)
        return {
            "start": anchor_at(self.motion, start),
            "end": anchor_at(self.motion, start + len(words)),
            "expected": words,
        }

    def text(self) -> str:
        async def read() -> str:
            room = await self.services.rooms.get(room_name(self.slug, "motion"))
            return str(room.doc.get(TEXT, type=Text))

        return str(self.client.portal.call(read))  # type: ignore[union-attr]

    def edit(self, change: Any, author: str = "participant:0") -> None:
        """Change the live motion as another replica would: `change(text)` on a copy, applied to the room."""

        async def apply() -> None:
            room = await self.services.rooms.get(room_name(self.slug, "motion"))
            copy: Doc[Any] = Doc()
            copy.apply_update(room.doc.get_update())
            made: list[bytes] = []
            copy.observe(lambda event: made.append(event.update))
            with copy.transaction():
                change(copy.get(TEXT, type=Text))
            for update in made:
                room.apply_update(update, Origin(OriginKind.LOCAL, author))

        self.client.portal.call(apply)  # type: ignore[union-attr]

    def live(self, kind: str = "decisions") -> dict[str, dict[str, Any]]:
        """The maps of a server-written room as this process holds it."""

        async def read() -> dict[str, dict[str, Any]]:
            room = await self.services.rooms.get(room_name(self.slug, kind))
            names = ("amendments", "votes", "pen") if kind == "decisions" else ("tallies",)
            return {name: dict(room.doc.get(name, type=Map).to_py() or {}) for name in names}

        result: dict[str, dict[str, Any]] = self.client.portal.call(read)  # type: ignore[union-attr]
        return result


def open_hall(client: TestClient, motion: str = MOTION) -> Hall:
    services = client.app.state.services  # type: ignore[attr-defined]
    slug = f"h-{uuid.uuid4().hex[:10]}"
    directory = services.directory
    congress = directory.create_congress(slug, "Congrès des décisions")
    assert congress.id is not None
    directory.set_phase(congress.id, Phase.THEMES)
    directory.set_phase(congress.id, Phase.WRITING)
    tokens: dict[str, str] = {}
    ids: dict[str, int] = {}
    for key, role in PEOPLE.items():
        invited = services.organising.add_person(congress, NewParticipant(key.capitalize(), role))
        assert invited.person is not None and invited.person.id is not None
        tokens[key], ids[key] = invited.token, invited.person.id
    directory.revoke_participant(ids["revoked"])
    hall = Hall(client, slug, congress.id, tokens, ids, motion)
    other = directory.create_congress(f"o-{uuid.uuid4().hex[:10]}", "Un autre congrès")
    organiser = services.organising.add_person(other, NewParticipant("Orla", Role.ORGANISER))
    stranger = services.organising.add_person(other, NewParticipant("Sam", Role.PARTICIPANT))
    hall.other_slug, hall.other_token = other.slug, stranger.token
    opened = client.post(
        f"/api/c/{other.slug}/votes",
        json={"subject": {"kind": "motion", "ref": ""}, "title": "Ailleurs", "secret": False},
        headers={"Authorization": f"Bearer {organiser.token}"},
    )
    assert opened.status_code == 201, opened.text
    hall.other_vote = opened.json()["id"]

    async def seed() -> None:
        room = await services.rooms.get(room_name(slug, "motion"))
        doc: Doc[Any] = Doc(client_id=WRITER)
        doc.get(TEXT, type=Text).insert(0, motion)
        room.apply_update(doc.get_update(), Origin(OriginKind.LOCAL, f"participant:{ids['organiser']}"))

    client.portal.call(seed)  # type: ignore[union-attr]
    return hall
