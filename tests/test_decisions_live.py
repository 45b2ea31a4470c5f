"""The rooms only the server writes, with two processes writing one key at once: the newer version
wins on every replica, whichever write Yjs keeps first (server/decisions/live.py)."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from pycrdt import Doc, Map

from server.decisions.live import Entry, LiveDecisions, stored_version
from server.realtime.extension import BaseExtension, Extensions, Origin, OriginKind, UpdateAccepted
from server.realtime.room import Room
from server.settings import Settings

pytestmark = pytest.mark.anyio
ROOM = "congres.decisions"


class Outbox(BaseExtension):
    """What a process would publish to the broker: the updates it accepted itself."""

    def __init__(self) -> None:
        self.sent: list[bytes] = []

    def on_update(self, event: UpdateAccepted) -> None:
        if event.origin.kind is not OriginKind.BROKER:
            self.sent.append(event.update)


class Process:
    """One server process's copy of the room, its live writer, and what it publishes."""

    def __init__(self, client_id: int) -> None:
        self.live = LiveDecisions(f"node{client_id}")
        self.live.client_id = client_id
        self.outbox = Outbox()
        self.room = Room(ROOM, Settings(database_url="memory://"), Extensions([self.live, self.outbox]))
        self.room.set_document(Doc())
        self.room.ready.set()
        room = self.room

        class Rooms:
            def find(self, name: str) -> Room | None:
                return room if name == ROOM else None

        self.live.rooms = Rooms()  # type: ignore[assignment]

    def vote(self) -> dict[str, Any]:
        value = self.room.doc.get("votes", type=Map).get("7")
        assert isinstance(value, str)
        result: dict[str, Any] = json.loads(value)
        return result


def entry(version: int, cast: int) -> Entry:
    return Entry("votes", "7", json.dumps({"id": 7, "cast": cast, "version": version}), version)


async def relay(a: Process, b: Process) -> None:
    """Deliver what each published to the other (as Redis does), until nothing is left to send."""
    for _ in range(10):
        moved = False
        for source, target in ((a, b), (b, a)):
            while source.outbox.sent:
                update = source.outbox.sent.pop(0)
                target.room.apply_update(update, Origin(OriginKind.BROKER, "other"))
                moved = True
        await asyncio.sleep(0)  # the repairs run on the next turn of the loop
        if not moved and not a.outbox.sent and not b.outbox.sent:
            return


@pytest.mark.parametrize(("newer", "older"), [(10, 20), (20, 10)])  # either client id may win Yjs' tie
async def test_concurrent_writes_of_one_key_end_with_the_newer_version_everywhere(
    newer: int, older: int
) -> None:
    fresh, stale = Process(newer), Process(older)
    fresh.live.write(fresh.room, [entry(5, 3)])  # read from the database after the third ballot
    stale.live.write(stale.room, [entry(4, 2)])  # written at the same moment from an older read
    await relay(fresh, stale)
    assert fresh.vote() == stale.vote() == {"id": 7, "cast": 3, "version": 5}


async def test_a_write_of_an_older_version_than_the_room_holds_changes_nothing() -> None:
    process = Process(30)
    process.live.write(process.room, [entry(6, 4)])
    state = process.room.doc.get_state()
    process.live.write(process.room, [entry(5, 3)])
    assert process.room.doc.get_state() == state and process.vote()["version"] == 6
    assert stored_version(process.room.doc, entry(1, 0)) == 6


async def test_every_write_of_a_process_comes_from_one_yjs_client() -> None:
    process = Process(40)
    for version in range(1, 30):
        process.live.write(process.room, [entry(version, version)])
    from crdt.protocol import decode_state_vector

    assert list(decode_state_vector(process.room.doc.get_state())) == [40]
