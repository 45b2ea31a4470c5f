"""The rooms of this process: one load per room however many join at once, unloading when idle.

The manager owns the extensions (server/realtime/extension.py) and hands the
same set to every room it loads; the loader (the update log) gives a room its
document and stores everything before the room is dropped.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Sequence
from typing import Any, Protocol

from pycrdt import Doc

from crdt.protocol import encode_awareness
from server.realtime.extension import Extension, Extensions
from server.realtime.room import Room
from server.realtime.stats import RealtimeStats
from server.settings import Settings

log = logging.getLogger(__name__)

# The stock client drops a socket that received nothing for 30 s; an empty
# awareness update is the cheapest message that resets its watchdog.
KEEPALIVE_FRAME = encode_awareness(b"\x00")
KEEPALIVE_AFTER = 15.0


class RoomLoader(Protocol):
    async def load_document(self, room: str) -> Doc[Any]: ...

    async def unload_document(self, room: Room) -> None:
        """Called once a room is idle: make sure all it accepted is stored."""
        ...


class RoomManager:
    """The registry of loaded rooms; one load per room however many join at once."""

    def __init__(self, settings: Settings, loader: RoomLoader, extensions: Sequence[Extension] = ()) -> None:
        self.settings = settings
        self.loader = loader
        self.extensions = Extensions(extensions)
        self.stats = RealtimeStats()
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
        room = Room(name, self.settings, self.extensions, self.stats)
        room._reload = self._reload
        self.rooms[name] = room  # visible (not ready) so relayed messages find it while loading
        try:
            await self.extensions.room_loaded(room)
            room.set_document(await self.loader.load_document(name))
        except BaseException:
            del self.rooms[name]
            try:
                await self.extensions.room_unloaded(room)
            except Exception:
                log.exception("room %s: extensions could not drop a room that failed to load", name)
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
                    await self.extensions.room_unloaded(room)
                    log.info("room %s unloaded", room.name)
            except Exception:
                log.exception("room %s: unload failed; it stays loaded", room.name)
            finally:
                self._unloading.pop(room.name, None)

        self._unloading[room.name] = asyncio.create_task(unload(), name=f"unload-{room.name}")
