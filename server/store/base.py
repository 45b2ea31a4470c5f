"""The store seam: the update log and checkpoints of every room, whatever the database."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True, slots=True)
class NewUpdate:
    """An accepted update on its way to the log."""

    room: str
    data: bytes
    author: str
    at: float  # unix time, seconds


@dataclass(frozen=True, slots=True)
class LoggedUpdate:
    id: int  # position in the log; increases in the order updates were stored
    room: str
    data: bytes
    author: str
    at: float


@dataclass(frozen=True, slots=True)
class LogMark:
    """A logged update without its bytes: what a timeline needs."""

    id: int
    room: str
    author: str
    at: float


@dataclass(frozen=True, slots=True)
class CheckpointRecord:
    room: str
    upto_id: int  # the state includes exactly the room's updates with id <= upto_id
    state: bytes
    at: float


@dataclass(frozen=True, slots=True)
class RoomLoad:
    """What loading a room needs: its newest checkpoint and the updates after it."""

    checkpoint: CheckpointRecord | None
    updates: list[LoggedUpdate]


class StoreUnavailable(Exception):
    """The database could not be reached or refused the operation."""


class RoomsNotEmpty(Exception):
    """A whole history was to be written to rooms that already hold updates: nothing was written."""

    def __init__(self, rooms: Sequence[str]) -> None:
        super().__init__(f"the log already holds updates of {', '.join(rooms)}")
        self.rooms = list(rooms)


# What checkpoints a history written at once gets, from its updates with their ids (server/archive).
CheckpointsOf = Callable[[list[LoggedUpdate]], Sequence[CheckpointRecord]]


class Store(Protocol):
    """Durable update log and checkpoints. Implementations must be safe to share by rooms."""

    async def start(self) -> None: ...

    async def stop(self) -> None: ...

    async def append(self, updates: Sequence[NewUpdate]) -> list[int]:
        """Store updates in one transaction; return their ids in the same order."""
        ...

    async def append_history(self, updates: Sequence[NewUpdate], checkpoints_of: CheckpointsOf) -> list[int]:
        """Write the whole log of rooms that hold none yet (an imported archive's) and the checkpoints
        `checkpoints_of` derives from it once its ids are known: all in one transaction, under the
        same room locks as `append`, or nothing and RoomsNotEmpty. Returns the ids in order."""
        ...

    async def load(self, room: str) -> RoomLoad: ...

    async def updates(
        self, room: str, after_id: int = 0, upto_id: int | None = None
    ) -> list[LoggedUpdate]: ...

    async def marks(
        self, rooms: Sequence[str], after_id: int = 0, upto_id: int | None = None
    ) -> list[LogMark]:
        """Who logged what when in `rooms`, in log order, without the updates' bytes."""
        ...

    async def checkpoint_before(self, room: str, upto_id: int | None = None) -> CheckpointRecord | None:
        """The newest checkpoint of `room` covering no update past `upto_id`."""
        ...

    async def checkpoint_positions(self, room: str) -> list[int]:
        """The `upto_id` of every checkpoint of `room`, in order."""
        ...

    async def save_checkpoint(self, checkpoint: CheckpointRecord) -> None: ...

    async def ping(self) -> None:
        """Raise StoreUnavailable unless the database answers."""
        ...
