"""What a live room tells its extensions: one event per accepted update, one per presence change.

Extensions (the update log, the Redis relay: `server/realtime/extensions/`)
hang off every room. Each is handed the same immutable event and reads
nothing of another, so the order they are installed in does not matter: the
one figure two of them share, an update's place in this process's sequence
(which the relay publishes and the log reports stored), is fixed by the room
manager before any of them is called. Every event carries its origin, so an
extension tells a keystroke from a relay (docs/realtime.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Protocol

from crdt.awareness import AwarenessEntry

if TYPE_CHECKING:
    from server.realtime.connection import Connection
    from server.realtime.room import Room


class OriginKind(Enum):
    CONNECTION = "connection"  # a client of this process sent it
    BROKER = "broker"  # another process accepted it and relayed it
    LOCAL = "local"  # the server itself (restore, placing themes)


@dataclass(frozen=True, slots=True)
class Origin:
    kind: OriginKind
    author: str
    connection: Connection | None = None


@dataclass(frozen=True, slots=True)
class UpdateAccepted:
    room: Room
    update: bytes
    origin: Origin
    # Its place among the updates this process accepted itself (from its clients or the server),
    # counted from 1 since start; 0 for an update another process accepted and relayed.
    seq: int


@dataclass(frozen=True, slots=True)
class PresenceChanged:
    room: Room
    entries: list[AwarenessEntry]  # the entries now (a removed one is absent)
    origin: Origin


class EditsRefused(Exception):
    """An extension cannot take new edits now (the log's backlog is at its bound); the reason says why."""


class Extension(Protocol):
    """Told of every room's events. Each method returns at once: slow work goes to a task of its own."""

    def refuses_updates(self) -> str | None:
        """Why a client's new edit must be refused now, or None (asked before it is applied)."""
        ...

    def on_update(self, event: UpdateAccepted) -> None: ...

    def on_presence(self, event: PresenceChanged) -> None: ...

    async def room_loaded(self, room: Room) -> None:
        """The room is registered, its document not loaded yet (`room.ready` is still clear)."""
        ...

    async def room_unloaded(self, room: Room) -> None: ...


class BaseExtension:
    """Every hook a no-op: an extension overrides the ones it needs."""

    def refuses_updates(self) -> str | None:
        return None

    def on_update(self, event: UpdateAccepted) -> None:
        pass

    def on_presence(self, event: PresenceChanged) -> None:
        pass

    async def room_loaded(self, room: Room) -> None:
        pass

    async def room_unloaded(self, room: Room) -> None:
        pass


class Extensions:
    """The installed extensions and this process's update sequence, shared by all its rooms."""

    def __init__(self, installed: Sequence[Extension] = ()) -> None:
        self.installed = tuple(installed)
        self.sequence = 0  # the last `seq` given out

    def check_accepting(self) -> None:
        """Raise EditsRefused if an extension cannot take a client's new edit now."""
        for extension in self.installed:
            reason = extension.refuses_updates()
            if reason is not None:
                raise EditsRefused(reason)

    def update_accepted(self, room: Room, update: bytes, origin: Origin) -> None:
        seq = 0
        if origin.kind is not OriginKind.BROKER:
            self.sequence += 1
            seq = self.sequence
        event = UpdateAccepted(room, update, origin, seq)
        for extension in self.installed:
            extension.on_update(event)

    def presence_changed(self, room: Room, entries: list[AwarenessEntry], origin: Origin) -> None:
        event = PresenceChanged(room, entries, origin)
        for extension in self.installed:
            extension.on_presence(event)

    async def room_loaded(self, room: Room) -> None:
        for extension in self.installed:
            await extension.room_loaded(room)

    async def room_unloaded(self, room: Room) -> None:
        for extension in self.installed:
            await extension.room_unloaded(room)
