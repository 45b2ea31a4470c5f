"""Forwarding a room's updates and presence to its connections: batches that grow only under load.

Sending frames, not applying updates, is what costs (docs/field-notes.md, "How
many frames one Python core can send"). The first update after a quiet spell
goes out at once: at the end of the event loop's current pass, so that the
other messages read in the same pass join it. A broadcast is written to every
socket in one synchronous loop, without a task switch per socket, so whatever
arrives while it is being written is read afterwards and goes out in the next
batch together: a batch holds more than one update only when the server is
busy, whatever the size of the room.

Each batch is merged into one update and encoded once (one WebSocket frame
for everyone who sent none of it); each sender in the batch gets the merge of
the others' updates, so nobody's own changes come back. Presence is merged
per tick of `presence_interval`: at once after a quiet spell, then at most
once per interval, for the stock client re-sends what it receives.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Collection

from pycrdt import merge_updates

from crdt.awareness import join_entries
from crdt.protocol import encode_awareness, encode_update
from server.realtime.connection import Connection
from server.realtime.stats import RealtimeStats
from server.realtime.transport import binary_frame


class Pacer:
    """Calls `flush` at most once per `interval`: at once after a quiet spell, else at the next slot."""

    def __init__(self, interval: float, flush: Callable[[], None]) -> None:
        self.interval = interval
        self._flush = flush
        self._handle: asyncio.Handle | None = None
        self._last = 0.0

    def schedule(self) -> None:
        if self._handle is not None:
            return
        loop = asyncio.get_running_loop()
        wait = self._last + self.interval - time.monotonic()
        if wait <= 0:
            self._handle = loop.call_soon(self._run)
        else:
            self._handle = loop.call_later(wait, self._run)

    def _run(self) -> None:
        self._handle = None
        self._last = time.monotonic()
        self._flush()

    def cancel(self) -> None:
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None


class Fanout:
    def __init__(
        self,
        connections: Collection[Connection],
        presence_interval: float,
        encoded_presence: Callable[[int], bytes],
        owner_of: Callable[[int], object],
        stats: RealtimeStats | None = None,
    ) -> None:
        self._connections = connections
        self._updates: list[tuple[bytes, Connection | None]] = []
        self._update_handle: asyncio.Handle | None = None
        self._presence: set[int] = set()
        self._encoded_presence = encoded_presence
        self._owner_of = owner_of
        self._presence_pacer = Pacer(presence_interval, self.flush_presence)
        self.stats = stats or RealtimeStats()

    @property
    def pending_updates(self) -> int:
        return len(self._updates)

    def queue_update(self, update: bytes, sender: Connection | None) -> None:
        self._updates.append((update, sender))
        if self._update_handle is None:
            self._update_handle = asyncio.get_running_loop().call_soon(self.flush_updates)

    def queue_presence(self, client_ids: list[int]) -> None:
        self._presence.update(client_ids)
        self._presence_pacer.schedule()

    def flush(self) -> None:
        """Send everything pending now (before closing the room's sockets)."""
        self._presence_pacer.cancel()
        self.flush_updates()
        self.flush_presence()

    def flush_updates(self) -> None:
        if self._update_handle is not None:
            self._update_handle.cancel()
            self._update_handle = None
        batch, self._updates = self._updates, []
        if not batch:
            return
        self.stats.update_batches += 1
        senders = {sender for _, sender in batch if sender is not None}
        payload = encode_update(_merged([update for update, _ in batch]))
        frame = binary_frame(payload)
        for connection in self._connections:
            if connection not in senders:
                connection.send(payload, frame)
        for sender in senders:
            others = [update for update, origin in batch if origin is not sender]
            if others:
                sender.send(encode_update(_merged(others)))

    def flush_presence(self) -> None:
        changed, self._presence = self._presence, set()
        if not changed:
            return
        self.stats.presence_batches += 1
        chunks = {client_id: self._encoded_presence(client_id) for client_id in changed}
        payload = encode_awareness(join_entries(list(chunks.values())))
        frame = binary_frame(payload)
        owners = {self._owner_of(client_id): client_id for client_id in changed}
        for connection in self._connections:
            own_id = owners.get(connection)
            if own_id is None:
                connection.send(payload, frame)
            else:
                others = [chunk for client_id, chunk in chunks.items() if client_id != own_id]
                if others:
                    connection.send(encode_awareness(join_entries(others)))


def _merged(updates: list[bytes]) -> bytes:
    return updates[0] if len(updates) == 1 else merge_updates(*updates)
