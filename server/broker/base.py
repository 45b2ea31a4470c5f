"""The broker seam: carrying a room's updates and presence to the other server processes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Protocol

# The channel of process-level messages (heartbeats, goodbyes). Room names
# start with a letter or digit (server.realtime.room.ROOM_NAME), so it cannot clash.
NODES = "@nodes"


class MessageKind(Enum):
    UPDATE = "u"  # a Yjs update this process accepted
    PRESENCE = "p"  # awareness entries of this process's connections
    SYNC_STEP1 = "1"  # a state vector: "send me what I lack" (catching up after a loss)
    SYNC_STEP2 = "2"  # what the target of a step 1 lacked
    HEARTBEAT = "h"  # on NODES: this process is alive; payload: how much of its log is stored
    BYE = "b"  # on NODES: this process is stopping; payload as for HEARTBEAT
    CONGRESS = "c"  # on NODES: who may write in a congress changed (its phase); payload: its id


@dataclass(frozen=True, slots=True)
class BrokerMessage:
    room: str
    kind: MessageKind
    payload: bytes  # a Yjs update, an awareness update, a state vector, a log watermark
    node: str  # the process that published it; a process ignores its own messages
    author: str = ""
    target: str = ""  # the one process meant to act on it; empty: every process
    seq: int = 0  # for UPDATE: its place among the updates the publishing process logs


Deliver = Callable[[BrokerMessage], None]


class BrokerUnavailable(Exception):
    """The broker cannot be reached right now."""


class Broker(Protocol):
    """Fan-out between processes. `deliver` is called on the event loop, never for own messages."""

    node_id: str

    @property
    def connected(self) -> bool:
        """Whether messages published now reach the other processes."""
        ...

    async def start(self) -> None: ...

    async def stop(self) -> None: ...

    async def subscribe(self, room: str, deliver: Deliver) -> None: ...

    async def unsubscribe(self, room: str) -> None: ...

    def publish(self, message: BrokerMessage) -> None:
        """Queue a message for the other processes; never blocks the caller."""
        ...

    def on_reconnect(self, callback: Callable[[], None]) -> None:
        """Call `callback` each time the link comes back after a loss.

        Messages published by or to this process in between may be lost: the
        callback is where rooms catch up.
        """
        ...

    async def ping(self) -> None:
        """Raise BrokerUnavailable unless the broker answers now."""
        ...

    async def claim(self, key: str, ttl: float) -> bool:
        """True for exactly one of the processes claiming `key` within `ttl` seconds.

        The holder claiming again gets True and `ttl` more seconds: a claim is
        held by renewing it, and lapses when its holder stops (or dies).
        """
        ...

    async def share(self, key: str, value: bytes | None, ttl: float) -> None:
        """Keep `value` as this process's entry under `key` for `ttl` seconds; None removes it.

        Each process has at most one entry per key, and an entry lapses by itself `ttl` seconds
        after its last write: a process that dies without removing its entries (kill -9) loses
        them within `ttl`, so a writer renews what it means to keep. Raise BrokerUnavailable
        unless the broker took it.
        """
        ...

    async def shared(self, key: str) -> dict[str, bytes]:
        """Every other process's entry under `key` that has not lapsed, by the process that wrote it.

        Not this process's own: it knows better, and at 1,000 people it is 70 KB a read.

        Raise BrokerUnavailable unless the broker answers now: a caller then knows it holds only
        what this process knows itself.
        """
        ...
