"""Rooms: one live pycrdt document per room per process, its connections, presence and hooks.

A room applies an update only after `crdt.updates` has read it whole and found
that it builds on what the room already holds, then forwards the very same
bytes and tells its hooks (log, broker). Every update carries its origin, so
a hook can tell a keystroke from a relay (STYLE.md, habit 6).
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from enum import Enum
from typing import Any, Protocol

from pycrdt import Doc

from crdt.awareness import AwarenessEntry, PresenceTable, decode_awareness_update, join_entries
from crdt.protocol import decode_state_vector, encode_awareness
from crdt.replay import doc_at
from crdt.updates import UpdateSummary, inspect_update
from server.connection import Connection
from server.errors import BadMessage
from server.fanout import Fanout
from server.settings import Settings

log = logging.getLogger(__name__)

# The stock client drops a socket that received nothing for 30 s; an empty
# awareness update is the cheapest message that resets its watchdog.
KEEPALIVE_FRAME = encode_awareness(b"\x00")
KEEPALIVE_AFTER = 15.0

ROOM_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,99}")


def valid_room_name(name: str) -> bool:
    return ROOM_NAME.fullmatch(name) is not None


class OriginKind(Enum):
    CONNECTION = "connection"  # a client of this process sent it
    BROKER = "broker"  # another process accepted it and relayed it
    LOCAL = "local"  # the server itself (restore, seeding)


@dataclass(frozen=True, slots=True)
class Origin:
    kind: OriginKind
    author: str
    connection: Connection | None = None


class RoomHooks(Protocol):
    """What a room tells the parts installed around it. Each method must not block."""

    def on_update(self, room: Room, update: bytes, origin: Origin) -> None: ...

    def on_presence(self, room: Room, entries: list[AwarenessEntry], origin: Origin) -> None: ...


class PycrdtFailure(Exception):
    """pycrdt raised while applying: the document may hold part of the update."""


def apply_to_doc(doc: Doc[Any], update: bytes) -> None:
    """Apply, turning every failure pycrdt can raise, panics included, into PycrdtFailure."""
    try:
        doc.apply_update(update)
    except (KeyboardInterrupt, SystemExit, asyncio.CancelledError):
        raise
    except BaseException as exc:  # pyo3_runtime.PanicException derives from BaseException
        raise PycrdtFailure(f"{type(exc).__name__}: {exc}") from exc


build_doc = doc_at  # the one document-at-a-position (crdt/replay.py), under the loader's name


class Room:
    def __init__(self, name: str, settings: Settings, hooks: list[RoomHooks]) -> None:
        self.name = name
        self.settings = settings
        self.hooks = hooks
        self.doc: Doc[Any] = Doc()
        self.clocks: dict[int, int] = {}
        self.connections: set[Connection] = set()
        self.presence = PresenceTable()
        self.fanout = Fanout(
            self.connections,
            settings.fanout_interval,
            settings.presence_interval,
            self.presence.encoded,
            self.presence.owner_of,
            settings.room_frames_per_second,
        )
        self.ready = asyncio.Event()  # cleared while the document is (re)loaded
        self.idle_since: float | None = time.monotonic()
        self.updates_accepted = 0
        self._reload: Callable[[Room], Coroutine[Any, Any, None]] | None = None

    def __repr__(self) -> str:
        return f"<Room {self.name} connections={len(self.connections)}>"

    def set_document(self, doc: Doc[Any]) -> None:
        self.doc = doc
        self.clocks = decode_state_vector(doc.get_state())

    # -- connections -------------------------------------------------------------

    def join(self, connection: Connection) -> None:
        self.connections.add(connection)
        self.idle_since = None

    def leave(self, connection: Connection) -> None:
        self.connections.discard(connection)
        gone = self.presence.remove_owner(connection)
        if gone:
            self._presence_changed(gone, Origin(OriginKind.CONNECTION, connection.author, connection))
        if not self.connections:
            self.idle_since = time.monotonic()

    # -- document ----------------------------------------------------------------

    def apply_update(self, update: bytes, origin: Origin) -> UpdateSummary | None:
        """Apply an untrusted update; return its summary, or None if it changed nothing.

        Raises an UpdateError (malformed, too deep, causal gap) before touching the
        document, or BadMessage if pycrdt itself failed, after scheduling a reload of the
        document so that no half-applied update stays in it.
        """
        summary = inspect_update(update)
        summary.check_continues(self.clocks)
        if not summary.adds_to(self.clocks):
            return None
        try:
            apply_to_doc(self.doc, update)
        except PycrdtFailure as exc:
            log.error("room %s: pycrdt failed on an update from %s: %s", self.name, origin.author, exc)
            self._schedule_reload()
            raise BadMessage("update refused by the document engine") from exc
        clocks = self.clocks
        for client, (_, end) in summary.ranges.items():
            if end > clocks.get(client, 0):
                clocks[client] = end
        self.updates_accepted += 1
        self.fanout.queue_update(update, origin.connection)
        for hook in self.hooks:
            hook.on_update(self, update, origin)
        return summary

    def apply_presence(self, connection: Connection, update: bytes) -> None:
        changed = self.presence.apply(connection, update, identity=connection.presence_identity)
        if changed:
            self._presence_changed(changed, Origin(OriginKind.CONNECTION, connection.author, connection))

    def apply_remote_presence(self, node: str, update: bytes) -> None:
        changed = self.presence.apply_remote(node, decode_awareness_update(update), time.monotonic())
        if changed:
            self._presence_changed(changed, Origin(OriginKind.BROKER, node))

    def forget_node(self, node: str) -> None:
        """Another process is gone: so is the presence of its connections."""
        gone = self.presence.drop_origin(node, time.monotonic())
        if gone:
            self._presence_changed(gone, Origin(OriginKind.BROKER, node))

    def local_presence(self) -> bytes | None:
        """An awareness update of this process's own connections, or None if none announced any."""
        chunks = [
            self.presence.encoded(cid)
            for connection in self.connections
            if (cid := self.presence.owned_id(connection)) is not None
        ]
        return join_entries(chunks) if chunks else None

    def expire_presence(self, max_age: float) -> None:
        gone = self.presence.expire(max_age)
        if gone:
            self._presence_changed(gone, Origin(OriginKind.LOCAL, "server"))

    def _presence_changed(self, client_ids: list[int], origin: Origin) -> None:
        self.fanout.queue_presence(client_ids)
        entries = [entry for cid in client_ids if (entry := self.presence.entry(cid)) is not None]
        for hook in self.hooks:
            hook.on_presence(self, entries, origin)

    def presence_message(self) -> bytes:
        """An awareness message with everyone present now."""
        live = self.presence.live_ids()
        return encode_awareness(join_entries([self.presence.encoded(cid) for cid in live]))

    def state_update(self, state_vector: bytes | None = None) -> bytes:
        return self.doc.get_update(state_vector) if state_vector else self.doc.get_update()

    def _schedule_reload(self) -> None:
        if self._reload is None or not self.ready.is_set():
            return
        self.ready.clear()
        asyncio.get_running_loop().create_task(self._reload(self), name=f"reload-{self.name}")


class RoomLoader(Protocol):
    async def load_document(self, room: str) -> Doc[Any]: ...

    async def unload_document(self, room: Room) -> None:
        """Called once a room is idle: make sure all it accepted is stored."""
        ...


class RoomLifecycle(Protocol):
    """Told when a room enters and leaves this process (the broker subscribes here)."""

    async def room_loaded(self, room: Room) -> None: ...

    async def room_unloaded(self, room: Room) -> None: ...


class RoomManager:
    """The registry of loaded rooms; one load per room however many join at once."""

    def __init__(
        self,
        settings: Settings,
        loader: RoomLoader,
        hooks: list[RoomHooks],
        lifecycle: list[RoomLifecycle] | None = None,
    ) -> None:
        self.settings = settings
        self.loader = loader
        self.hooks = hooks
        self.lifecycle = lifecycle or []
        self.rooms: dict[str, Room] = {}
        self._loading: dict[str, asyncio.Task[Room]] = {}
        self._sweeper: asyncio.Task[None] | None = None
        self._unloading: dict[str, asyncio.Task[None]] = {}

    async def start(self) -> None:
        self._sweeper = asyncio.create_task(self._sweep_forever(), name="room-sweeper")

    async def stop(self) -> None:
        if self._sweeper is not None:
            self._sweeper.cancel()
        for room in list(self.rooms.values()):
            room.fanout.flush()
            for connection in list(room.connections):
                connection.close(1012, "server restarting")
        for task in list(self._unloading.values()):
            await asyncio.gather(task, return_exceptions=True)

    async def get(self, name: str) -> Room:
        """The loaded room, loading it first if needed. Concurrent callers share one load."""
        pending_unload = self._unloading.get(name)
        if pending_unload is not None:
            await asyncio.gather(pending_unload, return_exceptions=True)
        task = self._loading.get(name)
        if task is None:
            room = self.rooms.get(name)
            if room is not None:
                await room.ready.wait()  # only a reload clears it, and always sets it again
                return room
            task = asyncio.create_task(self._load(name), name=f"load-{name}")
            self._loading[name] = task
            task.add_done_callback(lambda _t: self._loading.pop(name, None))
        return await asyncio.shield(task)

    def find(self, name: str) -> Room | None:
        """The room if it is loaded and ready, without loading it."""
        room = self.rooms.get(name)
        return room if room is not None and room.ready.is_set() else None

    async def _load(self, name: str) -> Room:
        room = Room(name, self.settings, self.hooks)
        room._reload = self._reload
        self.rooms[name] = room  # visible (not ready) so relayed messages find it while loading
        try:
            for listener in self.lifecycle:
                await listener.room_loaded(room)
            room.set_document(await self.loader.load_document(name))
        except BaseException:
            del self.rooms[name]
            raise
        room.ready.set()
        log.info("room %s loaded (%d clients in its state)", name, len(room.clocks))
        return room

    async def _reload(self, room: Room) -> None:
        """Replace a document pycrdt may have half-changed by the stored one."""
        try:
            await self.loader.unload_document(room)
            room.set_document(await self.loader.load_document(room.name))
            log.warning("room %s reloaded from the store after a failed update", room.name)
        finally:
            room.ready.set()

    async def _sweep_forever(self) -> None:
        """Unload idle rooms, keep quiet connections alive and drop stale presence tombstones."""
        interval = min(5.0, max(0.5, self.settings.room_idle_seconds / 4))
        while True:
            await asyncio.sleep(interval)
            now = time.monotonic()
            for room in list(self.rooms.values()):
                room.presence.forget_tombstones(120.0, now)
                for connection in room.connections:
                    if now - connection.last_sent >= KEEPALIVE_AFTER:
                        connection.send(KEEPALIVE_FRAME)
                if room.idle_since is not None and now - room.idle_since >= self.settings.room_idle_seconds:
                    self._start_unload(room)

    def _start_unload(self, room: Room) -> None:
        if room.name in self._unloading:
            return

        async def unload() -> None:
            try:
                room.fanout.flush()
                await self.loader.unload_document(room)
                if not room.connections and self.rooms.get(room.name) is room:
                    del self.rooms[room.name]
                    for listener in self.lifecycle:
                        await listener.room_unloaded(room)
                    log.info("room %s unloaded", room.name)
            except Exception:
                log.exception("room %s: unload failed; it stays loaded", room.name)
            finally:
                self._unloading.pop(room.name, None)

        self._unloading[room.name] = asyncio.create_task(unload(), name=f"unload-{room.name}")
