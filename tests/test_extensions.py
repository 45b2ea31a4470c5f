"""The extensions of the live rooms are independent: any order gives the same log and Redis traffic."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from pycrdt import Doc, Text

from crdt.awareness import encode_entry, join_entries
from server.broker.base import BrokerMessage, MessageKind
from server.broker.memory import MemoryBroker, MemoryHub
from server.realtime.extension import Extension, Origin, OriginKind
from server.realtime.extensions.peers import PeerWatch
from server.realtime.extensions.persistence import UpdateLog
from server.realtime.extensions.relay import BrokerRelay
from server.realtime.rooms import RoomManager
from server.settings import Settings
from server.store.memory import MemoryStore

pytestmark = pytest.mark.anyio


class RecordingBroker(MemoryBroker):
    def __init__(self, hub: MemoryHub, node_id: str) -> None:
        super().__init__(hub, node_id)
        self.published: list[BrokerMessage] = []

    def publish(self, message: BrokerMessage) -> None:
        self.published.append(message)
        super().publish(message)


def _typing(text: str) -> list[bytes]:
    doc: Doc[Any] = Doc(client_id=4242)
    ytext = doc.get("text", type=Text)
    updates: list[bytes] = []
    doc.observe(lambda event: updates.append(event.update))
    for char in text:
        ytext += char
    return updates


async def _run(order: str) -> tuple[list[tuple[str, bytes, str]], list[tuple[Any, ...]], int, int]:
    """One process with the log and the relay installed in `order`; what it stored and published."""
    store, broker = MemoryStore(), RecordingBroker(MemoryHub(), "node")
    await store.start()
    log = UpdateLog(store, flush_interval=0.001, checkpoint_every=1000)
    peers = PeerWatch(broker, log)
    relay = BrokerRelay(broker, peers)
    installed: dict[str, Extension] = {"log": log, "relay": relay}
    rooms = RoomManager(
        Settings(database_url="memory://"), log, [installed[name] for name in order.split(",")]
    )
    await log.start()
    await rooms.start()
    room = await rooms.get("motion")
    updates = _typing("sobriété")
    for i, update in enumerate(updates):
        kind = [OriginKind.CONNECTION, OriginKind.LOCAL, OriginKind.BROKER][i % 3]
        room.apply_update(update, Origin(kind, f"author-{i % 3}"))
    room.apply_remote_presence("other", join_entries([encode_entry(7, 1, '{"user":"Amina"}')]))
    room.expire_presence(0.0)  # a change of the server's own: published
    await log.flush()
    logged = [(u.room, u.data, u.author) for u in await store.updates("motion")]
    traffic = [(m.room, m.kind, m.payload, m.author, m.seq) for m in broker.published]
    watermark = log.stored_seq
    await rooms.stop()
    await log.stop()
    await store.stop()
    return logged, traffic, watermark, rooms.extensions.sequence


@pytest.mark.parametrize("order", [",".join(p) for p in itertools.permutations(["log", "relay"])])
async def test_any_order_gives_the_same_log_and_the_same_broker_traffic(order: str) -> None:
    reference = await _run("log,relay")
    logged, traffic, watermark, sequence = await _run(order)
    assert (logged, traffic, watermark) == reference[:3]
    updates = [m for m in traffic if m[1] is MessageKind.UPDATE]
    # Relayed updates are neither logged nor published again; the others carry their sequence number.
    assert len(logged) == len(updates) == sequence == 6
    assert [m[4] for m in updates] == list(range(1, 7))
    assert watermark == sequence  # the heartbeat reports the last published number stored
