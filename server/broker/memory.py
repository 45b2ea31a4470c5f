"""The in-process broker: the default for one process, and several 'processes' in one test."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections import defaultdict
from collections.abc import Callable

from server.broker.base import BrokerMessage, Deliver


class MemoryHub:
    """What several MemoryBrokers share, standing in for Redis between them."""

    def __init__(self) -> None:
        self.subscribers: dict[str, dict[str, Deliver]] = defaultdict(dict)
        self.claims: dict[str, tuple[str, float]] = {}  # key -> (holder, monotonic expiry)
        # key -> node -> (value, monotonic expiry): the processes' shared entries (Broker.share)
        self.entries: dict[str, dict[str, tuple[bytes, float]]] = defaultdict(dict)


class MemoryBroker:
    """Never loses a message, so it never calls its reconnect callbacks."""

    def __init__(self, hub: MemoryHub | None = None, node_id: str | None = None) -> None:
        self.hub = hub or MemoryHub()
        self.node_id = node_id or uuid.uuid4().hex[:12]

    @property
    def connected(self) -> bool:
        return True

    @property
    def queued(self) -> int:
        return 0  # delivered on the next pass of the loop

    async def start(self) -> None:
        pass

    async def stop(self) -> None:
        for subscribers in self.hub.subscribers.values():
            subscribers.pop(self.node_id, None)

    async def subscribe(self, room: str, deliver: Deliver) -> None:
        self.hub.subscribers[room][self.node_id] = deliver

    async def unsubscribe(self, room: str) -> None:
        self.hub.subscribers[room].pop(self.node_id, None)

    def publish(self, message: BrokerMessage) -> None:
        loop = asyncio.get_running_loop()
        for node, deliver in list(self.hub.subscribers.get(message.room, {}).items()):
            if node != message.node:
                loop.call_soon(deliver, message)

    def on_reconnect(self, callback: Callable[[], None]) -> None:
        pass

    async def ping(self) -> None:
        pass

    async def claim(self, key: str, ttl: float) -> bool:
        now = time.monotonic()
        holder = self.hub.claims.get(key)
        if holder is not None and holder[0] != self.node_id and holder[1] > now:
            return False
        self.hub.claims[key] = (self.node_id, now + ttl)
        return True

    async def share(self, key: str, value: bytes | None, ttl: float) -> None:
        entries = self.hub.entries[key]
        if value is None:
            entries.pop(self.node_id, None)
        else:
            entries[self.node_id] = (value, time.monotonic() + ttl)

    async def shared(self, key: str) -> dict[str, bytes]:
        now = time.monotonic()
        entries = self.hub.entries.get(key, {})
        for node in [node for node, (_, until) in entries.items() if until <= now]:
            del entries[node]  # lapsed: its writer stopped renewing it
        return {node: value for node, (value, _) in entries.items() if node != self.node_id}
