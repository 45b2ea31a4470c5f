"""The broker seam: carrying a room's updates and presence to the other server processes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Protocol


class MessageKind(Enum):
    UPDATE = "u"
    PRESENCE = "p"


@dataclass(frozen=True, slots=True)
class BrokerMessage:
    room: str
    kind: MessageKind
    payload: bytes  # a Yjs update, or an awareness update of the entries that changed
    node: str  # the process that published it; a process ignores its own messages
    author: str = ""


Deliver = Callable[[BrokerMessage], None]


class Broker(Protocol):
    """Fan-out between processes. `deliver` is called on the event loop, never for own messages."""

    node_id: str

    async def start(self) -> None: ...

    async def stop(self) -> None: ...

    async def subscribe(self, room: str, deliver: Deliver) -> None: ...

    async def unsubscribe(self, room: str) -> None: ...

    def publish(self, message: BrokerMessage) -> None:
        """Queue a message for the other processes; never blocks the caller."""
        ...
