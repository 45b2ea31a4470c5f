"""Issue 12 item 14: the update log after a disk-full, and the bound on what it keeps in memory.

The first test uses a real full disk: a small tmpfs holding the SQLite
database, filled by a file until the kernel answers ENOSPC. Accepted updates
pile up; then less space is freed than the whole backlog needs. Writing the
backlog in one transaction never fits; bounded batches store it little by
little, and all of it once the disk has room again.
"""

from __future__ import annotations

import asyncio
import logging
import os
import random
import string
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from pycrdt import Doc, Text

from server.realtime.extension import EditsRefused, Origin, OriginKind
from server.realtime.extensions.persistence import UpdateLog
from server.realtime.room import build_doc
from server.realtime.rooms import RoomManager
from server.settings import Settings
from server.store.base import NewUpdate, StoreUnavailable
from server.store.memory import MemoryStore
from server.store.sql import SqlStore
from tests.conftest import need

pytestmark = pytest.mark.anyio

UPDATES = 150
TAG_BYTES = 10_000  # 150 updates of 10 KB: a backlog of 1.5 MB, on a disk of 4 MB


@pytest.fixture
def small_disk() -> Iterator[Path]:
    if os.geteuid() != 0:
        need("mounting a tmpfs needs root")
    mount_point = Path(tempfile.mkdtemp(prefix="ubiquite-full-disk-"))
    mount = ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount_point)]
    mounted = subprocess.run(mount, check=False)
    if mounted.returncode != 0:
        mount_point.rmdir()
        need("cannot mount a tmpfs here")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)
        mount_point.rmdir()


def _fill(disk: Path) -> Path:
    """Write a file until the disk is full; return it."""
    filler = disk / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            os.write(fd, b"\0" * 4096)
    except OSError:
        pass
    finally:
        os.close(fd)
    return filler


def _tagged_updates(count: int) -> list[tuple[str, bytes]]:
    """(tag, update): each update inserts its tag and 10 KB of letters."""
    doc: Doc[Any] = Doc()
    text = doc.get("text", type=Text)
    updates: list[bytes] = []
    doc.observe(lambda event: updates.append(event.update))
    rng = random.Random(12)
    tags = []
    for i in range(count):
        tag = f"<{i}>"
        tags.append(tag)
        text += tag + "".join(rng.choices(string.ascii_lowercase, k=TAG_BYTES))
    return list(zip(tags, updates, strict=True))


async def _until(predicate: Callable[[], bool], what: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.05)


async def test_a_backlog_larger_than_the_freed_space_drains_batch_by_batch(
    small_disk: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="server.realtime.extensions.persistence")
    store = SqlStore(f"sqlite:///{small_disk / 'log.sqlite3'}")
    await store.start()
    log = UpdateLog(store, flush_interval=0.02, checkpoint_every=100_000)
    await log.start()
    try:
        filler = _fill(small_disk)
        tagged = _tagged_updates(UPDATES)
        for seq, (_, update) in enumerate(tagged, start=1):
            log.record("motion", update, "typist", time.time(), seq)
        await _until(lambda: not log.healthy, "a write to fail on the full disk", 10)

        # Less room than the whole backlog (1.5 MB) needs.
        os.truncate(filler, max(0, filler.stat().st_size - 1_000_000))
        await _until(lambda: log.committed > 0, "the first batches to be stored in the space freed", 15)
        await _until(lambda: not log.healthy, "the freed space to run out before the backlog", 15)
        behind = log.status(time.time())
        assert 0 < behind["backlog"] == UPDATES - log.committed  # /healthz says how far behind

        filler.unlink()
        await asyncio.wait_for(log.flush(), 20)
        logged = await store.updates("motion")
        assert [u.data for u in logged] == [update for _, update in tagged], "each update once, in order"
        text = str(build_doc(None, [u.data for u in logged]).get("text", type=Text))
        assert all(text.count(tag) == 1 for tag, _ in tagged)
        assert log.status(time.time())["backlog"] == 0

        errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
        assert any("disk is full" in message for message in errors), errors
        # Each kind of error once, not once per retry (the retries ran many times).
        kinds = {message.split(": ", 1)[1].split("\n", 1)[0] for message in errors}
        assert len(errors) == len(kinds), errors
    finally:
        await log.stop()
        await store.stop()


class FailingAppends(MemoryStore):
    """A store whose writes fail while `down` (a database gone, a disk full)."""

    def __init__(self) -> None:
        super().__init__()
        self.down = True

    async def append(self, updates: Sequence[NewUpdate]) -> list[int]:
        if self.down:
            raise StoreUnavailable("OperationalError: database or disk is full")
        return await super().append(updates)


async def test_at_its_bound_the_log_refuses_new_edits_but_keeps_every_accepted_one() -> None:
    store = FailingAppends()
    log = UpdateLog(store, flush_interval=0.01, checkpoint_every=100_000, max_backlog_bytes=100_000)
    rooms = RoomManager(Settings(database_url="memory://"), log, [log])
    await log.start()
    try:
        room = await rooms.get("motion")
        tagged = _tagged_updates(20)
        typist = Origin(OriginKind.CONNECTION, "typist")
        accepted = 0
        with pytest.raises(EditsRefused, match="stay in this browser"):
            for _, update in tagged:
                room.apply_update(update, typist)
                accepted += 1
        assert accepted == 10  # 10 updates of 10 KB reach the bound of 100,000 bytes
        assert room.state_update()  # reads go on: the document holds every accepted edit
        behind = log.status(time.time())
        assert behind["refusing_edits"] and behind["backlog"] == accepted

        store.down = False
        await _until(lambda: log.refuses_updates() is None, "the log to drain below half its bound", 10)
        for _, update in tagged[accepted:]:
            room.apply_update(update, typist)
        await asyncio.wait_for(log.flush(), 10)
        assert [u.data for u in await store.updates("motion")] == [update for _, update in tagged]
    finally:
        await log.stop()
