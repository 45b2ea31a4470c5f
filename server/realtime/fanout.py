"""Forwarding a room's updates and presence to its connections, few frames and one encoding each.

Sending frames, not applying updates, is what costs (DESIGN.md, "Where the
time goes"). Updates that arrive within `interval` of each other are merged
into one update and encoded once for every connection that did not send any
of them; each sender gets the merge of the others' updates, so nobody's own
changes are echoed back. The first update after a quiet spell goes out at
once; the window widens with the number of receivers so that a room stays
within a budget of frames per second. Presence is paced the same way on a
slower beat.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Collection

from pycrdt import merge_updates

from crdt.awareness import join_entries
from crdt.protocol import encode_awareness, encode_update
from server.realtime.connection import Connection


class Pacer:
    """Calls `flush` at most once per `interval()`: at once after a quiet spell, else at the next slot."""

    def __init__(self, interval: Callable[[], float], flush: Callable[[], None]) -> None:
        self.interval = interval
        self._flush = flush
        self._handle: asyncio.Handle | None = None
        self._last = 0.0

    def schedule(self) -> None:
        if self._handle is not None:
            return
        loop = asyncio.get_running_loop()
        wait = self._last + self.interval() - time.monotonic()
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
        update_interval: float,
        presence_interval: float,
        encoded_presence: Callable[[int], bytes],
        owner_of: Callable[[int], object],
        frames_per_second: float = 20_000.0,
    ) -> None:
        self._connections = connections
        self.frames_per_second = frames_per_second
        self._updates: list[tuple[bytes, Connection | None]] = []
        self._presence: set[int] = set()
        self._encoded_presence = encoded_presence
        self._owner_of = owner_of
        self._update_pacer = Pacer(lambda: self._paced(update_interval), self.flush_updates)
        self._presence_pacer = Pacer(lambda: self._paced(presence_interval), self.flush_presence)
        self.frames_sent = 0

    def _paced(self, interval: float) -> float:
        """Stretch the interval so that one flush to everyone stays within the frame budget.

        Each frame costs a send system call (about 20 µs, the bulk of the server's time at
        hundreds of receivers), so a bigger room trades a few milliseconds for fewer frames.
        """
        return max(interval, len(self._connections) / self.frames_per_second)

    def queue_update(self, update: bytes, sender: Connection | None) -> None:
        self._updates.append((update, sender))
        self._update_pacer.schedule()

    def queue_presence(self, client_ids: list[int]) -> None:
        self._presence.update(client_ids)
        self._presence_pacer.schedule()

    def flush(self) -> None:
        self._update_pacer.cancel()
        self._presence_pacer.cancel()
        self.flush_updates()
        self.flush_presence()

    def flush_updates(self) -> None:
        batch, self._updates = self._updates, []
        if not batch:
            return
        senders = {sender for _, sender in batch if sender is not None}
        everyone = encode_update(_merged([update for update, _ in batch]))
        for connection in self._connections:
            if connection not in senders:
                connection.send(everyone)
                self.frames_sent += 1
        for sender in senders:
            others = [update for update, origin in batch if origin is not sender]
            if others:
                sender.send(encode_update(_merged(others)))
                self.frames_sent += 1

    def flush_presence(self) -> None:
        changed, self._presence = self._presence, set()
        if not changed:
            return
        chunks = {client_id: self._encoded_presence(client_id) for client_id in changed}
        everyone = encode_awareness(join_entries(list(chunks.values())))
        owners = {self._owner_of(client_id): client_id for client_id in changed}
        for connection in self._connections:
            own_id = owners.get(connection)
            if own_id is None:
                connection.send(everyone)
            else:
                others = [chunk for client_id, chunk in chunks.items() if client_id != own_id]
                if not others:
                    continue
                connection.send(encode_awareness(join_entries(others)))
            self.frames_sent += 1


def _merged(updates: list[bytes]) -> bytes:
    return updates[0] if len(updates) == 1 else merge_updates(*updates)
