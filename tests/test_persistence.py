"""The update log: batched writes, checkpoints derived from the log, restarts and database hiccups."""

from __future__ import annotations

import asyncio
import signal
import sqlite3
import uuid
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from pycrdt import Doc, Text
from sqlalchemy import text as sql

from server.realtime.extension import Origin, OriginKind
from server.realtime.extensions.persistence import UpdateLog
from server.realtime.room import build_doc
from server.realtime.rooms import RoomManager
from server.settings import Settings
from server.store import open_store
from server.store.base import Store
from server.store.sql import SqlStore
from tests.support.congress import Congress
from tests.support.server import ServerProcess
from tests.support.yclient import NotSynced, YClient

pytestmark = pytest.mark.anyio
TYPIST = Origin(OriginKind.CONNECTION, "typist")


def _keystrokes(count: int) -> tuple[str, list[bytes]]:
    doc: Doc[Any] = Doc()
    text = doc.get("text", type=Text)
    updates: list[bytes] = []
    doc.observe(lambda event: updates.append(event.update))
    for i in range(count):
        text += chr(ord("a") + i % 26)
    return str(text), updates


@pytest.fixture
async def sqlite_store(tmp_path: Path) -> AsyncIterator[Store]:
    store = open_store(f"sqlite:///{tmp_path / 'log.sqlite3'}")
    await store.start()
    yield store
    await store.stop()


async def _manager(store: Store, checkpoint_every: int) -> tuple[UpdateLog, RoomManager]:
    settings = Settings(database_url="memory://", room_idle_seconds=0.2)
    log = UpdateLog(store, flush_interval=0.01, checkpoint_every=checkpoint_every)
    rooms = RoomManager(settings, log, [log])
    await log.start()
    await rooms.start()
    return log, rooms


async def test_every_accepted_update_is_logged_with_its_author(sqlite_store: Store) -> None:
    log, rooms = await _manager(sqlite_store, checkpoint_every=1000)
    room = await rooms.get("motion")
    _, updates = _keystrokes(50)
    for update in updates:
        room.apply_update(update, TYPIST)
    room.apply_update(updates[0], TYPIST)  # a replay changes nothing and is not logged again
    await log.flush()
    logged = await sqlite_store.updates("motion")
    assert [u.data for u in logged] == updates
    assert {u.author for u in logged} == {"typist"}
    await rooms.stop()
    await log.stop()


async def test_checkpoints_equal_the_log_replayed_up_to_them(sqlite_store: Store) -> None:
    log, rooms = await _manager(sqlite_store, checkpoint_every=40)
    room = await rooms.get("motion")
    text, updates = _keystrokes(130)
    for update in updates:
        room.apply_update(update, TYPIST)
    await log.flush()
    await asyncio.sleep(0.2)
    logged = await sqlite_store.updates("motion")
    for position in (logged[39].id, logged[79].id, logged[119].id):
        checkpoint = await sqlite_store.checkpoint_before("motion", position)
        assert checkpoint is not None and checkpoint.upto_id == position
        expected = build_doc(None, [u.data for u in logged if u.id <= position])
        rebuilt = build_doc(checkpoint.state, [])
        assert str(rebuilt.get("text", type=Text)) == str(expected.get("text", type=Text))
    await rooms.stop()
    await log.stop()
    loaded = await sqlite_store.load("motion")
    assert loaded.checkpoint is not None and loaded.updates == []  # the shutdown covered the rest
    assert str(build_doc(loaded.checkpoint.state, []).get("text", type=Text)) == text


async def test_idle_room_is_checkpointed_unloaded_and_reloaded_intact(sqlite_store: Store) -> None:
    log, rooms = await _manager(sqlite_store, checkpoint_every=1000)
    room = await rooms.get("idle")
    text, updates = _keystrokes(30)
    for update in updates:
        room.apply_update(update, TYPIST)
    for _ in range(100):
        if "idle" not in rooms.rooms:
            break
        await asyncio.sleep(0.05)
    assert "idle" not in rooms.rooms
    assert (await sqlite_store.load("idle")).updates == []
    again = await rooms.get("idle")
    assert again is not room and str(again.doc.get("text", type=Text)) == text
    await rooms.stop()
    await log.stop()


async def test_concurrent_first_loads_share_one_room(sqlite_store: Store) -> None:
    log, rooms = await _manager(sqlite_store, checkpoint_every=1000)
    loaded = await asyncio.gather(*(rooms.get("crowd") for _ in range(50)))
    assert len({id(room) for room in loaded}) == 1
    await rooms.stop()
    await log.stop()


async def test_locked_database_delays_writes_but_loses_nothing(tmp_path: Path) -> None:
    path = tmp_path / "locked.sqlite3"
    store = SqlStore(f"sqlite:///{path}", sqlite_busy_timeout=0.1)
    await store.start()
    log, rooms = await _manager(store, checkpoint_every=1000)
    room = await rooms.get("locked")
    _, updates = _keystrokes(100)
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")  # another program holds the database: every write fails
    for update in updates[:60]:
        room.apply_update(update, TYPIST)
        await asyncio.sleep(0.005)
    await asyncio.sleep(0.5)
    assert not log.healthy
    blocker.execute("ROLLBACK")
    blocker.close()
    for update in updates[60:]:
        room.apply_update(update, TYPIST)
    await asyncio.wait_for(log.flush(), 30)
    assert log.healthy
    assert [u.data for u in await store.updates("locked")] == updates
    await rooms.stop()
    await log.stop()
    await store.stop()


async def test_connections_cut_by_postgresql_lose_nothing(postgres_url: str) -> None:
    store = SqlStore(postgres_url)
    await store.start()
    room_name = f"hiccup-{uuid.uuid4().hex[:8]}"
    log, rooms = await _manager(store, checkpoint_every=1000)
    room = await rooms.get(room_name)
    _, updates = _keystrokes(200)
    for i, update in enumerate(updates):
        room.apply_update(update, TYPIST)
        if i in (50, 120):
            await asyncio.to_thread(_terminate_other_backends, store)
        await asyncio.sleep(0.002)
    await asyncio.wait_for(log.flush(), 30)
    assert [u.data for u in await store.updates(room_name)] == updates
    await rooms.stop()
    await log.stop()
    await store.stop()


def _terminate_other_backends(store: SqlStore) -> None:
    """Cut every connection of the pool from the server side, as a database restart would."""
    with store.engine.connect() as connection:
        connection.execute(
            sql(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                " AND application_name = ''"
            )
        )


async def _restart_keeps_text(server: ServerProcess) -> None:
    congress = server.congress()
    token = congress.invite()
    async with YClient(congress.url(token=token)) as writer:
        for word in ["Axe", " 1", " :", " sobriété", " numérique"]:
            writer.text += word
            await asyncio.sleep(0.01)
        expected = str(writer.text)
    # uvicorn re-raises the signal once its graceful shutdown is done.
    assert server.stop(signal.SIGTERM) in (0, -signal.SIGTERM)
    assert "everything accepted is stored" in server.log()
    server.start()
    async with YClient(congress.url(token=token)) as reader:
        assert str(reader.text) == expected


async def test_text_survives_a_restart_on_sqlite(server: ServerProcess) -> None:
    await _restart_keeps_text(server)


async def test_text_survives_a_restart_on_postgresql(tmp_path: Path, postgres_url: str) -> None:
    server = ServerProcess(tmp_path / "pg", env={"DATABASE_URL": postgres_url}).start()
    try:
        await _restart_keeps_text(server)
    finally:
        server.stop()


async def test_sigint_also_flushes(congress: Congress) -> None:
    server = congress.server
    async with YClient(congress.url()) as writer:
        writer.text += "dernier mot"
        await asyncio.sleep(0.01)
    server.stop(signal.SIGINT)
    server.start()
    async with YClient(congress.url()) as reader:
        assert str(reader.text) == "dernier mot"


def test_settings_with_secret_generates_once(tmp_path: Path) -> None:
    settings = Settings.from_env({"UBIQUITE_DATA_DIR": str(tmp_path)})
    first = settings.with_secret()
    assert len(first.secret_key) > 40
    assert replace(settings).with_secret().secret_key == first.secret_key


async def test_room_that_cannot_be_loaded_is_refused_with_1013(
    server: ServerProcess, congress: Congress
) -> None:
    url = congress.url()
    database = sqlite3.connect(server.data_dir / "ubiquite.sqlite3")
    database.execute("DROP TABLE update_log")  # the store now fails on every read of the log
    database.close()
    client = YClient(url)
    with pytest.raises(NotSynced):
        await client.connect()
    assert await client.wait_closed() == 1013
    assert "store is unavailable" in client.close_reason
    assert server.alive()


async def test_shutdown_checkpoint_covers_a_room_logged_by_two_processes(sqlite_store: Store) -> None:
    """A checkpoint covers every process's rows; each must still checkpoint its rooms at shutdown."""
    first_log, first_rooms = await _manager(sqlite_store, checkpoint_every=40)
    second_log, second_rooms = await _manager(sqlite_store, checkpoint_every=40)
    first, second = await first_rooms.get("shared"), await second_rooms.get("shared")
    _, updates = _keystrokes(130)
    for i, update in enumerate(updates):
        # Both processes see every update; each logs the ones its own clients sent.
        first.apply_update(update, TYPIST if i % 3 else Origin(OriginKind.BROKER, "typist"))
        second.apply_update(update, Origin(OriginKind.BROKER, "typist") if i % 3 else TYPIST)
        if i % 10 == 0:
            await asyncio.sleep(0.02)  # let both writers commit and checkpoint as they go
    for rooms, log in ((first_rooms, first_log), (second_rooms, second_log)):
        await rooms.stop()
        await log.stop()
    logged = await sqlite_store.updates("shared")
    assert len(logged) == len(updates)
    newest = await sqlite_store.checkpoint_before("shared")
    assert newest is not None and newest.upto_id == logged[-1].id
