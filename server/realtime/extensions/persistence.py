"""The update log, an extension of the live rooms: batched writes off the hot path, checkpoints from the log.

A keystroke never waits for the disk: accepted updates are queued and one
writer task commits them in batches every `flush_interval`. A database error
keeps the batch and retries, so a hiccup delays writes but loses nothing.
Each transaction holds at most `MAX_BATCH_UPDATES` updates or
`MAX_BATCH_BYTES`: a backlog larger than the space a full disk gets back
still drains, batch by batch (issue 12, item 14). Each new kind of error is
logged once per outage, not every retry. The queue is bounded: past
`max_backlog_bytes` the rooms refuse new edits from their clients (who keep
them and send them again when they reconnect) until half of it is stored
(docs/realtime.md, "The update log when the database fails").
`stored_seq` is the sequence number (server/realtime/extension.py) up to which
this process's updates are all committed: its heartbeat tells the other
processes (extensions/peers.py).

Checkpoints are computed from the log itself (previous checkpoint + the next
`checkpoint_every` updates in log order), never from the live document, so a
checkpoint at position k is exactly the state after the updates up to k: what
history seeking needs, and true whichever process wrote the updates.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import defaultdict
from collections.abc import Callable
from typing import Any, TypedDict

from pycrdt import Doc

from crdt.replay import CausalReplay
from server.realtime.extension import BaseExtension, OriginKind, UpdateAccepted
from server.realtime.room import Room, build_doc
from server.store.base import CheckpointRecord, LoggedUpdate, NewUpdate, Store, StoreUnavailable

log = logging.getLogger(__name__)

MAX_RETRY_DELAY = 5.0
# One transaction of the writer holds at most this much (a full disk frees space little by little).
MAX_BATCH_UPDATES = 500
MAX_BATCH_BYTES = 256 * 1024
# Accepted updates waiting for the database, in bytes, before the rooms refuse new edits.
MAX_BACKLOG_BYTES = 64 * 1024 * 1024


class LogBehind(TypedDict):
    """How far behind the log is (/healthz)."""

    backlog: int  # accepted updates not stored yet
    backlog_bytes: int
    oldest_seconds: float  # since the oldest of them was accepted
    refusing_edits: bool  # the backlog reached its bound


def error_kind(exc: Exception) -> str:
    """What tells two failures apart in the log: the message's first line, numbers left out."""
    first = str(exc).split("\n", 1)[0]
    return "".join("#" if c.isdigit() else c for c in first)[:200]


def _checkpoint_states(
    checkpoint: bytes | None, updates: list[LoggedUpdate], step: int, whole_chunks_only: bool
) -> list[tuple[int, int, bytes]]:
    """(upto_id, updates covered, state) for every `step` updates past `checkpoint`.

    A checkpoint is cut only where no replayed update is held back waiting for an
    earlier one logged later (crdt.replay): its state must be exactly the log up
    to its position, and a held-back update would be skipped by a load from it.
    """
    replay = CausalReplay(checkpoint)
    states: list[tuple[int, int, bytes]] = []
    count = 0
    for update in updates:
        replay.add(update.data)
        count += 1
        if count >= step and not replay.pending:
            states.append((update.id, count, replay.state()))
            count = 0
    if count and not whole_chunks_only and not replay.pending:
        states.append((updates[-1].id, count, replay.state()))
    return states


class UpdateLog(BaseExtension):
    """Logs what a room accepted (an Extension) and loads rooms from the log (a RoomLoader)."""

    def __init__(
        self,
        store: Store,
        flush_interval: float,
        checkpoint_every: int,
        max_backlog_bytes: int = MAX_BACKLOG_BYTES,
    ) -> None:
        self.store = store
        self.flush_interval = flush_interval
        self.checkpoint_every = checkpoint_every
        self.max_backlog_bytes = max_backlog_bytes
        self._pending: list[NewUpdate] = []
        self._pending_bytes = 0
        self._paused = False  # the backlog reached its bound: rooms refuse new edits
        self._errors_logged: set[str] = set()  # kinds of error logged since the log last caught up
        self._pending_seq: list[int] = []  # each pending update's sequence number (0: adopted)
        self._submitted = 0
        self._committed = 0
        self.stored_seq = 0
        self._since_checkpoint: dict[str, int] = defaultdict(int)
        self._wake = asyncio.Event()
        self._progress = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._stopping = False
        self.healthy = True
        # Told the room's name after new checkpoints are stored (history caches authorship there).
        self.checkpoint_listeners: list[Callable[[str], None]] = []

    # -- lifecycle -----------------------------------------------------------------

    async def start(self) -> None:
        self._task = asyncio.create_task(self._write_forever(), name="update-log-writer")

    async def stop(self, timeout: float = 30.0) -> None:
        """Commit everything still queued, then checkpoint every room with uncovered updates."""
        self._stopping = True
        self._wake.set()
        try:
            await asyncio.wait_for(self.flush(), timeout)
        except TimeoutError:
            log.error("shutdown: %d accepted updates could not be stored", len(self._pending))
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
        # Every room this process knew, whatever its own count says: with several processes
        # a checkpoint also covers the others' rows, so the count can reach 0 while some of
        # this process's updates are still uncovered. A room with nothing new costs one query.
        for room in list(self._since_checkpoint):
            try:
                await self.checkpoint(room, whole_chunks_only=False)
            except StoreUnavailable as exc:
                log.warning("shutdown: checkpoint of %s skipped: %s", room, exc)

    # -- Extension -------------------------------------------------------------------

    def on_update(self, event: UpdateAccepted) -> None:
        if event.origin.kind is OriginKind.BROKER:
            return  # the process that accepted it logs it
        self.record(event.room.name, event.update, event.origin.author, time.time(), event.seq)

    def record(self, room: str, update: bytes, author: str, at: float, seq: int = 0) -> None:
        self._pending.append(NewUpdate(room, update, author, at))
        self._pending_seq.append(seq)
        self._pending_bytes += len(update)
        self._submitted += 1
        if not self._paused and self._pending_bytes >= self.max_backlog_bytes:
            self._paused = True
            log.error(
                "update log %d bytes behind (%d updates, bound %d): new edits refused until half is stored",
                self._pending_bytes,
                len(self._pending),
                self.max_backlog_bytes,
            )
        self._wake.set()

    def refuses_updates(self) -> str | None:
        """Why the rooms must refuse new edits now (the backlog at its bound), or None."""
        if not self._paused:
            return None
        return (
            "the server cannot store edits right now; yours stay in this browser and are sent on reconnecting"
        )

    @property
    def submitted(self) -> int:
        """How many updates were handed to the log since start (the last one's place in line)."""
        return self._submitted

    @property
    def committed(self) -> int:
        """How many of the first submitted updates are stored."""
        return self._committed

    @property
    def backlog(self) -> int:
        """Accepted updates not stored yet (a metric: how far the log is behind)."""
        return len(self._pending)

    @property
    def backlog_bytes(self) -> int:
        return self._pending_bytes

    def status(self, now: float) -> LogBehind:
        """How far behind the log is, for /healthz."""
        return LogBehind(
            backlog=len(self._pending),
            backlog_bytes=self._pending_bytes,
            oldest_seconds=round(self.oldest_pending_age(now), 1),
            refusing_edits=self._paused,
        )

    def oldest_pending_age(self, now: float) -> float:
        """Seconds since the oldest update not stored yet was accepted (0 when none waits)."""
        return max(0.0, now - self._pending[0].at) if self._pending else 0.0

    # Presence is never persisted: BaseExtension.on_presence does nothing.

    # -- RoomLoader ------------------------------------------------------------------

    async def load_document(self, room: str) -> Doc[Any]:
        await self.flush()
        stored = await self.store.load(room)
        checkpoint = stored.checkpoint.state if stored.checkpoint else None
        doc = await asyncio.to_thread(build_doc, checkpoint, [u.data for u in stored.updates])
        self._since_checkpoint[room] = len(stored.updates)
        return doc

    async def unload_document(self, room: Room) -> None:
        await self.flush()
        if room.name in self._since_checkpoint:  # see stop(): the count alone is not enough
            await self.checkpoint(room.name, whole_chunks_only=False)
        self._since_checkpoint.pop(room.name, None)

    async def adopt(self, room: str, orphans: list[NewUpdate]) -> int:
        """Log the updates of a dead process that its log lacks; return how many were missing.

        The dead process may have stored some of them after its last heartbeat:
        each is checked against the log replayed, and only what adds to it is
        logged, so the log keeps every accepted update once. They land after
        later updates of the same writers; the causal replay puts them back in
        place (crdt.replay).
        """
        await self.flush()
        stored = await self.store.load(room)

        def missing() -> list[NewUpdate]:
            replay = CausalReplay(stored.checkpoint.state if stored.checkpoint else None, track_changes=True)
            for logged in stored.updates:
                replay.add(logged.data)
            return [orphan for orphan in orphans if replay.add(orphan.data)]

        found = await asyncio.to_thread(missing)
        for orphan in found:
            self.record(orphan.room, orphan.data, orphan.author, orphan.at)
        await self.flush()
        return len(found)

    # -- writing ---------------------------------------------------------------------

    async def flush(self) -> None:
        """Return once every update submitted before the call is committed."""
        target = self._submitted
        while self._committed < target:
            self._progress.clear()
            self._wake.set()
            await self._progress.wait()

    async def _write_forever(self) -> None:
        delay = 0.0
        while True:
            await self._wake.wait()
            self._wake.clear()
            if not self._stopping:
                await asyncio.sleep(max(self.flush_interval, delay))
            while self._pending:  # batch after batch, without waiting, while the writes succeed
                batch = self._next_batch()
                try:
                    await self.store.append(batch)
                except StoreUnavailable as exc:
                    delay = min(MAX_RETRY_DELAY, max(0.2, delay * 2))
                    self._failed(exc)
                    self._wake.set()
                    break
                delay = 0.0
                self._stored(batch)
                await self._checkpoint_due_rooms()

    def _next_batch(self) -> list[NewUpdate]:
        size = 0
        count = 0
        for update in self._pending[:MAX_BATCH_UPDATES]:
            if count and size + len(update.data) > MAX_BATCH_BYTES:
                break
            size += len(update.data)
            count += 1
        return self._pending[:count]

    def _failed(self, exc: StoreUnavailable) -> None:
        kind = error_kind(exc)
        if kind not in self._errors_logged:  # each new kind once; retries would repeat it
            self._errors_logged.add(kind)
            log.error(
                "database unavailable, %d updates (%d bytes) kept for retry: %s",
                len(self._pending),
                self._pending_bytes,
                exc,
            )
        self.healthy = False

    def _stored(self, batch: list[NewUpdate]) -> None:
        if not self.healthy and "recovered" not in self._errors_logged:
            self._errors_logged.add("recovered")
            log.warning(
                "database writes succeed again; %d queued updates left to store",
                len(self._pending) - len(batch),
            )
        self.healthy = True
        if len(batch) == len(self._pending) and self._errors_logged:
            # The outage is over once nothing waits: the next failure is news again.
            log.warning("update log caught up: every accepted update is stored")
            self._errors_logged.clear()
        del self._pending[: len(batch)]
        self._pending_bytes -= sum(len(update.data) for update in batch)
        self.stored_seq = max(self.stored_seq, *self._pending_seq[: len(batch)])
        del self._pending_seq[: len(batch)]
        self._committed += len(batch)
        self._progress.set()
        for update in batch:
            self._since_checkpoint[update.room] += 1
        if self._paused and self._pending_bytes <= self.max_backlog_bytes // 2:
            self._paused = False
            log.warning("update log down to %d bytes behind: rooms accept edits again", self._pending_bytes)

    async def _checkpoint_due_rooms(self) -> None:
        for room, count in list(self._since_checkpoint.items()):
            if count >= self.checkpoint_every:
                try:
                    await self.checkpoint(room, whole_chunks_only=True)
                except StoreUnavailable as exc:
                    log.warning("checkpoint of %s postponed: %s", room, exc)

    async def checkpoint(self, room: str, whole_chunks_only: bool) -> None:
        """Write checkpoints every `checkpoint_every` logged updates past the newest one.

        With `whole_chunks_only` false, a last checkpoint also covers the remainder.
        """
        previous = await self.store.checkpoint_before(room)
        updates = await self.store.updates(room, previous.upto_id if previous else 0)
        if not updates:
            return
        states = await asyncio.to_thread(
            _checkpoint_states,
            previous.state if previous else None,
            updates,
            self.checkpoint_every,
            whole_chunks_only,
        )
        for upto_id, covered, state in states:
            await self.store.save_checkpoint(CheckpointRecord(room, upto_id, state, time.time()))
            self._since_checkpoint[room] = max(0, self._since_checkpoint[room] - covered)
        if states and not self._stopping:
            for listener in self.checkpoint_listeners:
                listener(room)
