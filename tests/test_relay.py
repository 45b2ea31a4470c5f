"""Several processes in one test (in-process brokers on one hub, one shared store): catching up and dying."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Sequence
from typing import Any

import pytest
from pycrdt import Doc, Text

from crdt.awareness import encode_entry, join_entries
from server.app import Services, build_services, start_services, stop_services
from server.broker.memory import MemoryBroker, MemoryHub
from server.realtime.extension import Origin, OriginKind
from server.realtime.extensions import peers as peers_module
from server.realtime.room import Room, build_doc
from server.settings import Settings
from server.store.base import NewUpdate, RoomLoad, StoreUnavailable
from server.store.memory import MemoryStore

pytestmark = pytest.mark.anyio
TYPIST = Origin(OriginKind.CONNECTION, "typist")


class Cluster:
    def __init__(self) -> None:
        self.hub = MemoryHub()
        self.store = MemoryStore()
        self.nodes: list[Services] = []

    async def add(self, name: str, flush_interval: float = 0.01) -> Services:
        settings = Settings(database_url="memory://", secret_key="relay-tests", flush_interval=flush_interval)
        services = build_services(settings, MemoryBroker(self.hub, name), self.store)
        services.peers.interval, services.peers.timeout = 0.05, 0.5
        await start_services(services)
        self.nodes.append(services)
        return services

    async def kill(self, services: Services) -> None:
        """Gone without a word: its broker and tasks vanish, nothing more is stored."""
        self.nodes.remove(services)
        assert services.peers._task is not None and services.update_log._task is not None
        services.peers._task.cancel()
        services.update_log._task.cancel()
        for adoption in list(services.peers._adoptions):
            adoption.cancel()
        await services.broker.stop()


@pytest.fixture
async def cluster() -> AsyncIterator[Cluster]:
    cluster = Cluster()
    yield cluster
    for services in cluster.nodes:
        await stop_services(services)


def _typing(text: str) -> list[bytes]:
    doc: Doc[Any] = Doc()
    ytext = doc.get("text", type=Text)
    updates: list[bytes] = []
    doc.observe(lambda event: updates.append(event.update))
    for char in text:
        ytext += char
    return updates


def _text(room: Room) -> str:
    return str(room.doc.get("text", type=Text))


async def _eventually(predicate: Callable[[], bool], timeout: float = 10.0) -> None:
    async def poll() -> None:
        while not predicate():
            await asyncio.sleep(0.01)

    await asyncio.wait_for(poll(), timeout)


async def test_a_room_loaded_late_gets_what_is_not_yet_stored(cluster: Cluster) -> None:
    a = await cluster.add("a", flush_interval=3600)  # nothing of a's reaches the store
    b = await cluster.add("b")
    room_a = await a.rooms.get("motion")
    for update in _typing("Axe 1"):
        room_a.apply_update(update, TYPIST)
    room_b = await b.rooms.get("motion")  # loads an empty log, then catches up from a
    await _eventually(lambda: _text(room_b) == "Axe 1")
    await cluster.kill(a)  # a stop would wait out a's flush interval


async def test_a_lost_message_is_caught_up_at_the_next_one(cluster: Cluster) -> None:
    a = await cluster.add("a")
    b = await cluster.add("b")
    room_a, room_b = await a.rooms.get("motion"), await b.rooms.get("motion")
    updates = _typing("Bonjour")
    room_a.apply_update(updates[0], TYPIST)
    await _eventually(lambda: _text(room_b) == "B")
    deliver = cluster.hub.subscribers["motion"].pop("b")  # b stops hearing the room
    for update in updates[1:5]:
        room_a.apply_update(update, TYPIST)
    await asyncio.sleep(0.05)
    cluster.hub.subscribers["motion"]["b"] = deliver
    for update in updates[5:]:
        room_a.apply_update(update, TYPIST)  # builds on what b missed: b asks a for it
    await _eventually(lambda: _text(room_b) == "Bonjour")
    assert b.relay.catch_ups >= 2  # after the load, and after the gap


async def test_presence_of_a_dead_process_goes_and_its_unstored_updates_are_stored_once(
    cluster: Cluster,
) -> None:
    a = await cluster.add("a", flush_interval=3600)
    b = await cluster.add("b")
    c = await cluster.add("c")
    rooms = [await node.rooms.get("motion") for node in (a, b, c)]
    rooms[0].apply_remote_presence("a", join_entries([encode_entry(77, 1, '{"user":"Amina"}')]))
    rooms[1].apply_remote_presence("a", join_entries([encode_entry(77, 1, '{"user":"Amina"}')]))
    updates = _typing("sobriété")
    for update in updates:
        rooms[0].apply_update(update, TYPIST)
    await _eventually(lambda: _text(rooms[1]) == _text(rooms[2]) == "sobriété")
    assert await cluster.store.updates("motion") == []
    await _eventually(lambda: "a" in b.peers.last_seen and "a" in c.peers.last_seen)
    await cluster.kill(a)
    await _eventually(lambda: rooms[1].presence.live_ids() == [], timeout=5)
    await _eventually(lambda: b.peers.adopted + c.peers.adopted == len(updates), timeout=5)
    logged = await cluster.store.updates("motion")
    assert [u.data for u in logged] == updates  # once each, by one survivor, with their author
    assert {u.author for u in logged} == {"typist"}
    assert str(build_doc(None, [u.data for u in logged]).get("text", type=Text)) == "sobriété"


class DatabaseDown(MemoryStore):
    """The shared database, which the test takes away (every read and write of the log fails)."""

    def __init__(self) -> None:
        super().__init__()
        self.down = False

    async def append(self, updates: Sequence[NewUpdate]) -> list[int]:
        if self.down:
            raise StoreUnavailable("database down")
        return await super().append(updates)

    async def load(self, room: str) -> RoomLoad:
        if self.down:
            raise StoreUnavailable("database down")
        return await super().load(room)


async def test_unstored_updates_survive_the_database_down_and_their_first_adopter_dying(
    cluster: Cluster, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(peers_module, "CLAIM_TTL", 0.5)  # a dead holder's claim lapses quickly
    cluster.store = DatabaseDown()
    a = await cluster.add("a", flush_interval=3600)
    b = await cluster.add("b")
    c = await cluster.add("c")
    rooms = [await node.rooms.get("motion") for node in (a, b, c)]
    updates = _typing("écologie")
    for update in updates:
        rooms[0].apply_update(update, TYPIST)
    await _eventually(lambda: _text(rooms[1]) == _text(rooms[2]) == "écologie")
    await _eventually(lambda: "a" in b.peers.last_seen and "a" in c.peers.last_seen)
    cluster.store.down = True
    await cluster.kill(a)
    # One of them holds the claim and retries against the database, the other waits; the holder dies too.
    await _eventually(
        lambda: (
            bool(b.peers._adoptions and c.peers._adoptions)
            and len([node for node in (b, c) if node.peers._awaiting_claim]) == 1
        ),
        timeout=5,
    )
    holder = next(node for node in (b, c) if not node.peers._awaiting_claim)
    await cluster.kill(holder)
    cluster.store.down = False
    await _eventually(lambda: b.peers.adopted + c.peers.adopted == len(updates), timeout=10)
    logged = await cluster.store.updates("motion")
    assert [u.data for u in logged] == updates  # once each, by the survivor that was left


async def test_a_goodbye_reports_everything_stored_and_nothing_is_adopted(cluster: Cluster) -> None:
    a = await cluster.add("a")
    b = await cluster.add("b")
    room_a, room_b = await a.rooms.get("motion"), await b.rooms.get("motion")
    for update in _typing("texte adopté"):
        room_a.apply_update(update, TYPIST)
    await _eventually(lambda: _text(room_b) == "texte adopté")
    cluster.nodes.remove(a)
    await stop_services(a)
    await _eventually(lambda: "a" not in b.peers.last_seen)
    await asyncio.sleep(0.2)
    assert b.peers.adopted == 0
    assert len(await cluster.store.updates("motion")) == len("texte adopté")
