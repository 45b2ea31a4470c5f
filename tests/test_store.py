"""The store contract, run against every implementation: memory, SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from server.store import open_store
from server.store.base import (
    CheckpointRecord,
    LoggedUpdate,
    NewUpdate,
    RoomsNotEmpty,
    Store,
    StoreUnavailable,
)
from server.store.sql import SqlStore

pytestmark = pytest.mark.anyio


@pytest.fixture(params=["memory", "sqlite", "postgresql"])
async def store(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Store]:
    if request.param == "memory":
        url = "memory://"
    elif request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'store.sqlite3'}"
    else:
        url = request.getfixturevalue("postgres_url")
    opened = open_store(url)
    await opened.start()
    yield opened
    await opened.stop()


def _room() -> str:
    return f"room-{uuid.uuid4().hex[:12]}"


async def test_append_returns_increasing_ids_in_order(store: Store) -> None:
    room = _room()
    ids = await store.append([NewUpdate(room, bytes([i]), f"author-{i}", 1000.0 + i) for i in range(5)])
    assert ids == sorted(ids) and len(set(ids)) == 5
    logged = await store.updates(room)
    assert [u.data for u in logged] == [bytes([i]) for i in range(5)]
    assert [u.author for u in logged] == [f"author-{i}" for i in range(5)]
    assert [u.id for u in logged] == ids


async def test_rooms_are_kept_apart(store: Store) -> None:
    first, second = _room(), _room()
    await store.append([NewUpdate(first, b"a", "x", 1.0), NewUpdate(second, b"b", "y", 2.0)])
    assert [u.data for u in await store.updates(first)] == [b"a"]
    assert [u.data for u in await store.updates(second)] == [b"b"]


async def test_load_starts_from_the_newest_checkpoint(store: Store) -> None:
    room = _room()
    ids = await store.append([NewUpdate(room, bytes([i]), "a", float(i)) for i in range(6)])
    await store.save_checkpoint(CheckpointRecord(room, ids[2], b"state-3", 10.0))
    await store.save_checkpoint(CheckpointRecord(room, ids[1], b"state-2", 9.0))
    loaded = await store.load(room)
    assert loaded.checkpoint is not None and loaded.checkpoint.state == b"state-3"
    assert [u.id for u in loaded.updates] == ids[3:]


async def test_checkpoint_before_a_position(store: Store) -> None:
    room = _room()
    ids = await store.append([NewUpdate(room, bytes([i]), "a", float(i)) for i in range(6)])
    await store.save_checkpoint(CheckpointRecord(room, ids[1], b"early", 1.0))
    await store.save_checkpoint(CheckpointRecord(room, ids[4], b"late", 2.0))
    early = await store.checkpoint_before(room, ids[3])
    assert early is not None and early.state == b"early"
    assert await store.checkpoint_before(room, ids[0]) is None
    assert [u.id for u in await store.updates(room, ids[1], ids[3])] == ids[2:4]


async def test_same_checkpoint_twice_is_harmless(store: Store) -> None:
    room = _room()
    (first,) = await store.append([NewUpdate(room, b"a", "a", 1.0)])
    await store.save_checkpoint(CheckpointRecord(room, first, b"s", 1.0))
    await store.save_checkpoint(CheckpointRecord(room, first, b"s", 2.0))
    assert (await store.load(room)).checkpoint is not None


async def test_unknown_room_loads_empty(store: Store) -> None:
    loaded = await store.load(_room())
    assert loaded.checkpoint is None and loaded.updates == []


async def test_unreachable_database_is_reported_clearly() -> None:
    store = SqlStore("postgresql://nobody@127.0.0.1:1/none")
    with pytest.raises(StoreUnavailable, match="cannot open the database"):
        await store.start()


async def test_postgresql_appends_to_one_room_wait_for_the_previous_commit(postgres_url: str) -> None:
    """A room's ids must become visible in order, or a checkpoint could skip a late commit."""
    store = SqlStore(postgres_url)
    await store.start()
    room = _room()
    try:
        with store.engine.connect() as other:  # another process, mid-append to the same room
            other.execute(text("SELECT pg_advisory_xact_lock(hashtextextended(:room, 0))"), {"room": room})
            append = asyncio.ensure_future(store.append([NewUpdate(room, b"\x01", "b", 1.0)]))
            await asyncio.sleep(0.5)
            assert not append.done()
            other.rollback()  # its transaction ends: the lock is released
        assert len(await asyncio.wait_for(append, 10)) == 1
        other_room = await store.append([NewUpdate(_room(), b"\x02", "c", 1.0)])
        assert len(other_room) == 1
    finally:
        await store.stop()


def _checkpoint_every(step: int) -> Any:
    """Checkpoints of a written history: a fake state naming the ids covered, every `step` updates."""

    def checkpoints_of(logged: list[LoggedUpdate]) -> list[CheckpointRecord]:
        by_room: dict[str, list[LoggedUpdate]] = {}
        for update in logged:
            by_room.setdefault(update.room, []).append(update)
        return [
            CheckpointRecord(room, updates[i].id, f"upto-{updates[i].id}".encode(), 5.0)
            for room, updates in by_room.items()
            for i in range(step - 1, len(updates), step)
        ]

    return checkpoints_of


async def test_a_whole_history_is_written_with_its_checkpoints(store: Store) -> None:
    motion, mindmap = _room(), _room()
    updates = [NewUpdate(motion if i % 3 else mindmap, bytes([i]), f"p:{i}", 100.0 + i) for i in range(9)]
    ids = await store.append_history(updates, _checkpoint_every(2))
    assert ids == sorted(ids) and len(set(ids)) == 9
    logged = await store.updates(motion)
    assert [u.data for u in logged] == [bytes([i]) for i in range(9) if i % 3]
    assert [(u.author, u.at) for u in logged][:2] == [("p:1", 101.0), ("p:2", 102.0)]
    motion_ids = [u.id for u in logged]
    assert await store.checkpoint_positions(motion) == motion_ids[1::2]
    newest = await store.checkpoint_before(motion)
    assert newest is not None and newest.state == f"upto-{motion_ids[-1]}".encode()
    assert len(await store.checkpoint_positions(mindmap)) == 1


async def test_a_history_is_not_written_over_rooms_that_hold_updates(store: Store) -> None:
    busy, free = _room(), _room()
    await store.append([NewUpdate(busy, b"live", "a", 1.0)])
    with pytest.raises(RoomsNotEmpty, match=busy):
        await store.append_history(
            [NewUpdate(free, b"x", "a", 1.0), NewUpdate(busy, b"y", "a", 1.0)], _checkpoint_every(1)
        )
    assert await store.updates(free) == [] and await store.checkpoint_positions(free) == []
    assert [u.data for u in await store.updates(busy)] == [b"live"]


async def test_postgresql_a_history_waits_for_a_live_append_to_its_room(postgres_url: str) -> None:
    store = SqlStore(postgres_url)
    await store.start()
    room = _room()
    try:
        with store.engine.connect() as other:  # a process mid-append to the room
            other.execute(text("SELECT pg_advisory_xact_lock(hashtextextended(:room, 0))"), {"room": room})
            written = asyncio.ensure_future(
                store.append_history([NewUpdate(room, b"\x01", "b", 1.0)], _checkpoint_every(1))
            )
            await asyncio.sleep(0.5)
            assert not written.done()
            other.rollback()
        assert len(await asyncio.wait_for(written, 10)) == 1
    finally:
        await store.stop()
