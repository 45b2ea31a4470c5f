"""A room's log kept in memory once read, so that a seek reads no update from the database.

A slider dragged over the day asks for hundreds of positions, each needing
the up to 1,000 updates after a checkpoint: one query each, 10 to 20 ms on
a busy machine (scripts/bench_history). The whole log of a day's motion is
about 3 MB (95,000 updates), so it is read once and extended as it grows.

What is kept is only the part of the log that can no longer change. With
several processes writing PostgreSQL at once, an id taken by a transaction
that commits later than a higher one becomes visible after it. Updates are
stored within moments of being accepted, so an update accepted more than
`SETTLE_SECONDS` before a read is stored by then, and so is every update with
a smaller id, in any room (ids come from one sequence): the largest such id
seen is the horizon, and a room's log is complete up to it once read after.
Reads past the horizon go to the store each time. Rooms past the budget are
dropped, least recently used first, and read again on demand.
"""

from __future__ import annotations

import bisect
import sys
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

from server.store.base import LoggedUpdate, Store

SETTLE_SECONDS = 10.0
BUDGET_BYTES = 64 * 1024 * 1024
OVERHEAD = 120  # bytes of Python objects per update beyond its data


@dataclass
class _RoomLog:
    """Columns, not one object per update: a day's 100,000 objects would be walked by every full
    garbage collection of the process (measured: pauses of 150 to 300 ms)."""

    room: str
    ids: list[int] = field(default_factory=list)
    data: list[bytes] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    ats: list[float] = field(default_factory=list)
    complete: int = 0  # every update of the room with an id up to this one is held
    size: int = 0

    def between(self, after_id: int, upto_id: int | None) -> list[LoggedUpdate]:
        start = bisect.bisect_right(self.ids, after_id)
        end = len(self.ids) if upto_id is None else bisect.bisect_right(self.ids, upto_id)
        room = self.room
        return [
            LoggedUpdate(self.ids[i], room, self.data[i], self.authors[i], self.ats[i])
            for i in range(start, end)
        ]


class LogCache:
    def __init__(
        self,
        store: Store,
        budget: int = BUDGET_BYTES,
        settle: float = SETTLE_SECONDS,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.store = store
        self.budget = budget
        self.settle = settle
        self.clock = clock
        self.horizon = 0  # no update with an id up to this one can still appear, in any room
        self._rooms: OrderedDict[str, _RoomLog] = OrderedDict()
        self.size = 0

    def settled(self, room: str) -> int:
        """The position up to which the room's log is held and can no longer change."""
        log = self._rooms.get(room)
        return log.complete if log is not None else 0

    async def updates(self, room: str, after_id: int = 0, upto_id: int | None = None) -> list[LoggedUpdate]:
        """What `Store.updates` answers, from memory for the settled part of the log."""
        log = self._rooms.get(room)
        if log is None:
            log = self._rooms[room] = _RoomLog(room)
        self._rooms.move_to_end(room)
        if upto_id is not None and upto_id <= log.complete:
            return log.between(after_id, upto_id)
        asked_at = self.clock()
        start = log.complete
        fresh = await self.store.updates(room, start, upto_id)
        settled_before = asked_at - self.settle
        for update in fresh:  # in id order, and so (nearly) in time order
            if update.at <= settled_before:
                self.horizon = max(self.horizon, update.id)
        if self._rooms.get(room) is log and log.complete == start:  # not dropped or extended meanwhile
            self._keep(log, fresh, self.horizon if upto_id is None else min(upto_id, self.horizon))
        return log.between(after_id, start) + [u for u in fresh if u.id > after_id]

    def _keep(self, log: _RoomLog, fresh: list[LoggedUpdate], complete: int) -> None:
        if complete <= log.complete:
            return
        for update in fresh:
            if update.id > complete:
                break
            log.ids.append(update.id)
            log.data.append(update.data)
            log.authors.append(sys.intern(update.author))
            log.ats.append(update.at)
            size = len(update.data) + OVERHEAD
            log.size += size
            self.size += size
        log.complete = complete
        while self.size > self.budget and len(self._rooms) > 1:
            _, old = self._rooms.popitem(last=False)
            self.size -= old.size
