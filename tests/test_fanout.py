"""Fan-out: at once when quiet, batched under load, never an echo, every update exactly once."""

from __future__ import annotations

import asyncio
import random
from typing import Any

import pytest
from pycrdt import Doc, Text

from crdt.protocol import SyncMessage, decode_message
from crdt.updates import inspect_update
from server.realtime.fanout import Fanout
from server.realtime.stats import RealtimeStats
from server.realtime.transport import binary_frame

pytestmark = pytest.mark.anyio


class Receiver:
    """Stands in for a Connection: keeps what it is sent."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.payloads: list[bytes] = []

    def send(self, payload: bytes, frame: bytes | None = None) -> None:
        assert frame is None or frame == binary_frame(payload)
        self.payloads.append(payload)

    def ranges(self) -> list[tuple[int, int, int]]:
        """(client, begin, end) of every update received, in order."""
        found = []
        for payload in self.payloads:
            message = decode_message(payload)
            assert isinstance(message, SyncMessage)
            for client, (begin, end) in inspect_update(message.payload).ranges.items():
                found.append((client, begin, end))
        return found


class Writer:
    """A client document typing one character per update."""

    def __init__(self) -> None:
        self.doc: Doc[Any] = Doc()
        self.text = self.doc.get("text", type=Text)
        self.updates: list[bytes] = []
        self._sub = self.doc.observe(lambda event: self.updates.append(event.update))

    def type(self, char: str) -> bytes:
        self.text += char
        return self.updates[-1]


def _room(count: int) -> tuple[Fanout, list[Receiver], RealtimeStats]:
    receivers = [Receiver(f"r{i}") for i in range(count)]
    stats = RealtimeStats()
    fanout = Fanout(receivers, 0.1, lambda cid: b"", lambda cid: None, stats)  # type: ignore[arg-type]
    return fanout, receivers, stats


async def test_the_first_update_after_a_quiet_spell_goes_out_at_once() -> None:
    fanout, receivers, stats = _room(5)
    writer = Writer()
    fanout.queue_update(writer.type("a"), None)
    await asyncio.sleep(0)  # one pass of the event loop, no timer
    assert all(len(r.payloads) == 1 for r in receivers)
    assert stats.update_batches == 1
    await asyncio.sleep(0.05)
    fanout.queue_update(writer.type("b"), None)
    await asyncio.sleep(0)
    assert all(len(r.payloads) == 2 for r in receivers)


async def test_updates_arriving_in_one_pass_go_out_as_one_batch_encoded_once() -> None:
    fanout, receivers, stats = _room(4)
    writers = [Writer() for _ in range(3)]
    for i, writer in enumerate(writers):
        fanout.queue_update(writer.type("xyz"[i]), receivers[i])  # type: ignore[arg-type]
    await asyncio.sleep(0)
    assert stats.update_batches == 1
    bystander = receivers[3]
    assert len(bystander.payloads) == 1
    doc: Doc[Any] = Doc()
    message = decode_message(bystander.payloads[0])
    assert isinstance(message, SyncMessage)
    doc.apply_update(message.payload)
    assert sorted(str(doc.get("text", type=Text))) == ["x", "y", "z"]


async def test_a_sender_never_gets_its_own_update_back() -> None:
    fanout, receivers, _ = _room(3)
    alice, bob = Writer(), Writer()
    fanout.queue_update(alice.type("a"), receivers[0])  # type: ignore[arg-type]
    await asyncio.sleep(0)
    assert receivers[0].payloads == []
    fanout.queue_update(alice.type("b"), receivers[0])  # type: ignore[arg-type]
    fanout.queue_update(bob.type("c"), receivers[1])  # type: ignore[arg-type]
    await asyncio.sleep(0)
    assert [c for c, _, _ in receivers[0].ranges()] == [bob.doc.client_id]
    assert [c for c, _, _ in receivers[1].ranges()] == [alice.doc.client_id] * 2


async def test_every_receiver_gets_every_other_update_exactly_once() -> None:
    fanout, receivers, stats = _room(8)
    writers = [Writer() for _ in range(5)]  # writer i types on receivers[i]'s socket
    rng = random.Random(11)
    for _pass in range(60):
        for _ in range(rng.randint(0, 4)):  # a few updates per loop pass, some passes empty
            i = rng.randrange(len(writers))
            fanout.queue_update(writers[i].type("k"), receivers[i])  # type: ignore[arg-type]
        await asyncio.sleep(0)
    fanout.flush()
    assert 1 < stats.update_batches < sum(len(w.updates) for w in writers)
    for index, receiver in enumerate(receivers):
        covered: dict[int, bytearray] = {w.doc.client_id: bytearray(len(w.updates)) for w in writers}
        for client, begin, end in receiver.ranges():
            marks = covered[client]
            assert not any(marks[begin:end]), f"{receiver.name} got clocks {begin}..{end} twice"
            marks[begin:end] = b"\x01" * (end - begin)
        for i, writer in enumerate(writers):
            expected = 0 if i == index else len(writer.updates)
            assert sum(covered[writer.doc.client_id]) == expected, (receiver.name, i)
