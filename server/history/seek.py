"""Seeking: a room's document at any log position, from the nearest stored state plus a short replay.

The nearest state is the room's newest checkpoint at or before the position
(written every 1,000 updates of the room by the update log), or a seek
point: the state reached every `POINT_EVERY` updates by an earlier seek, for
documents small enough to keep (a mind map: 60-110 KB). Both are kept
in memory once read, within a budget (a day's motion checkpoints are about
30 MB), and so is the log itself (server/history/logcache.py): a warm seek
reads nothing from the database.

What costs then is decoding the state into a document (a day's motion:
300-600 KB, 10 to 50 ms). A slider dragged forward does not pay it: each
room keeps the document of its last seek (its cursor), and a later position
of the same checkpoint interval continues from it with the few updates in
between. The values read at a position (the motion's text, the mind map's
tree) are also kept for the last few positions, for a slider dragged back
and forth.

The log is replayed in causal order (crdt.replay, whose doc_at is the one
document-at-a-position this adds seek points to). Each checkpoint interval
remembers up to where it was found already in order, and seeks there apply
the updates as they are, without inspecting each one.

`motion_text_at` is the one motion-at-a-position: the history pages
(History.text_at), exports and publication (server.publication.versions.motion_at)
all read the motion's Markdown through it.
"""

from __future__ import annotations

import asyncio
import bisect
from collections import OrderedDict, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from pycrdt import Doc

from crdt.motion import motion_text
from crdt.replay import CausalReplay, doc_at
from crdt.updates import CausalGap, inspect_update
from server.history.logcache import LogCache
from server.store.base import LoggedUpdate, Store

POINT_EVERY = 100  # updates between seek points
POINT_MAX_BYTES = 160 * 1024  # larger states are not kept as points (a mind map: 60-110 KB, a motion: 500 KB)
POINTS_BUDGET = 96 * 1024 * 1024
VALUES_KEPT = 48  # values read at recent positions (a motion's text: up to 100 KB each)
T = TypeVar("T")


class SeekPoints:
    """States of rooms at some positions, least recently used dropped first beyond the budget."""

    def __init__(self, budget: int = POINTS_BUDGET) -> None:
        self.budget = budget
        self.size = 0
        self._states: OrderedDict[tuple[str, int], bytes] = OrderedDict()
        self._positions: dict[str, list[int]] = {}

    def before(self, room: str, position: int) -> tuple[int, bytes] | None:
        positions = self._positions.get(room, [])
        index = bisect.bisect_right(positions, position)
        if not index:
            return None
        key = (room, positions[index - 1])
        self._states.move_to_end(key)
        return key[1], self._states[key]

    def add(self, room: str, position: int, state: bytes, max_bytes: int | None = POINT_MAX_BYTES) -> None:
        key = (room, position)
        if key in self._states or (max_bytes is not None and len(state) > max_bytes):
            return
        self._states[key] = state
        bisect.insort(self._positions.setdefault(room, []), position)
        self.size += len(state)
        while self.size > self.budget:
            (old_room, old_position), old_state = self._states.popitem(last=False)
            self._positions[old_room].remove(old_position)
            self.size -= len(old_state)


@dataclass
class _Cursor:
    """The document of a room's last seek, and where it stands."""

    base: int  # the checkpoint interval it belongs to
    position: int
    doc: Doc[Any]


class Seeker:
    def __init__(self, store: Store, log: LogCache | None = None) -> None:
        self.store = store
        self.log = log or LogCache(store)
        self.points = SeekPoints()
        # (room, checkpoint position) → up to where that stretch of the log is in causal order
        self._in_order: dict[tuple[str, int], int] = {}
        self._checkpoints: dict[str, list[int]] = {}  # room → 0 and its checkpoint positions
        self._cursors: dict[str, _Cursor] = {}
        self._values: OrderedDict[tuple[str, int, str], Any] = OrderedDict()
        self._locks: defaultdict[str, asyncio.Lock] = defaultdict(asyncio.Lock)

    async def warm(self, room: str) -> None:
        """Get every seek of `room` ready: checkpoint states and the log in memory and, for every
        checkpoint interval, whether the log is in causal order there (one pass over the log
        reading clocks only, about 6 µs an update). The history pages call it when opened, in the
        background."""
        positions = [0, *await self.store.checkpoint_positions(room)]
        self._checkpoints[room] = positions
        for base in positions[1:]:
            known = self.points.before(room, base)
            if known is None or known[0] != base:
                checkpoint = await self.store.checkpoint_before(room, base)
                if checkpoint is not None and checkpoint.upto_id == base:
                    self.points.add(room, base, checkpoint.state, max_bytes=None)
        updates = await self.log.updates(room, 0, positions[-1] if len(positions) > 1 else None)
        ids = [u.id for u in updates]
        in_order = await asyncio.to_thread(_intervals_in_order, positions, ids, [u.data for u in updates])
        for base, end in in_order.items():
            self._in_order[(room, base)] = max(self._in_order.get((room, base), 0), end)

    async def checkpoint_positions(self, room: str, position: int | None = None) -> list[int]:
        """The room's checkpoint positions, 0 first, all those at or before `position` (None: all)."""
        positions = self._checkpoints.get(room)
        if positions is None or position is None or position > positions[-1] + self._reread_after(positions):
            positions = self._checkpoints[room] = [0, *await self.store.checkpoint_positions(room)]
        return positions

    async def checkpoint_state(self, room: str, position: int) -> bytes | None:
        """The state of the checkpoint at exactly `position` (kept in memory once read)."""
        known = self.points.before(room, position)
        if known is not None and known[0] == position:
            return known[1]
        checkpoint = await self.store.checkpoint_before(room, position)
        if checkpoint is None or checkpoint.upto_id != position:
            return None
        self.points.add(room, position, checkpoint.state, max_bytes=None)
        return checkpoint.state

    def in_order(self, room: str, base: int, upto: int) -> bool:
        """Whether the log from checkpoint `base` up to `upto` is known to be in causal order."""
        return upto <= self._in_order.get((room, base), 0)

    async def _checkpoint_position(self, room: str, position: int) -> int:
        """The newest checkpoint position at or before `position` (0: none); checkpoints are only
        ever added past the newest, so the list is read again only for a position past its end."""
        positions = await self.checkpoint_positions(room, position)
        return positions[bisect.bisect_right(positions, position) - 1]

    @staticmethod
    def _reread_after(positions: list[int]) -> int:
        return 0 if len(positions) < 2 else positions[-1] - positions[-2]

    async def _state_before(self, room: str, position: int | None) -> tuple[int, int, bytes | None]:
        """(checkpoint position, position of the state to start from, that state)."""
        if position is None:
            checkpoint = await self.store.checkpoint_before(room, None)
            base = checkpoint.upto_id if checkpoint else 0
            return base, base, checkpoint.state if checkpoint else None
        base = await self._checkpoint_position(room, position)
        known = self.points.before(room, position)
        if known is not None and known[0] >= base:
            return base, known[0], known[1]
        if not base:
            return 0, 0, None
        checkpoint = await self.store.checkpoint_before(room, base)
        if checkpoint is None or checkpoint.upto_id != base:  # not expected: checkpoints stay
            self._checkpoints.pop(room, None)
            checkpoint = await self.store.checkpoint_before(room, position)
            base = checkpoint.upto_id if checkpoint else 0
        if checkpoint is None:
            return 0, 0, None
        self.points.add(room, base, checkpoint.state, max_bytes=None)
        return base, base, checkpoint.state

    async def motion_text_at(self, room: str, position: int | None) -> str:
        """The motion's Markdown in `room` once the log up to `position` (None: all of it) is applied."""
        return await self.read_at(room, position, "text", motion_markdown)

    async def read_at(self, room: str, position: int | None, key: str, read: Callable[[Doc[Any]], T]) -> T:
        """`read` of the room's document at `position` (None: now), run in a worker thread.

        `key` names what `read` reads: the value at a position is kept for the next asks.
        The document is the room's cursor, never handed out: it goes on to the next seek.
        """
        if position is None:
            return await asyncio.to_thread(read, await self.doc_at(room, None))
        cached = self._values.get((room, position, key))
        if cached is not None:
            self._values.move_to_end((room, position, key))
            return cached  # type: ignore[no-any-return]
        async with self._locks[room]:
            base, start, state = await self._state_before(room, position)
            cursor = self._cursors.get(room)
            if (
                cursor is not None
                and cursor.base == base
                and start <= cursor.position <= position
                and self.in_order(room, base, position)
            ):
                updates = await self.log.updates(room, cursor.position, position)
                value = await asyncio.to_thread(_continue, cursor, updates, position, read)
                if position > self.log.settled(room):  # an earlier id may still come: start afresh
                    self._cursors.pop(room, None)
            else:
                self._cursors.pop(room, None)
                doc = await self._replay(room, base, start, state, position)
                value = await asyncio.to_thread(read, doc)
                if position <= self.log.settled(room):  # the log up to it can no longer change
                    self._cursors[room] = _Cursor(base, position, doc)
        if position > self.log.settled(room):
            return value
        self._values[(room, position, key)] = value
        while len(self._values) > VALUES_KEPT:
            self._values.popitem(last=False)
        return value

    async def doc_at(self, room: str, position: int | None) -> Doc[Any]:
        """A document of the room's own at `position` (None: all of the log), for the caller to keep."""
        base, start, state = await self._state_before(room, position)
        return await self._replay(room, base, start, state, position)

    async def _replay(
        self, room: str, base: int, start: int, state: bytes | None, position: int | None
    ) -> Doc[Any]:
        updates = await self.log.updates(room, start, position)
        if not updates:
            return await asyncio.to_thread(doc_at, state, [])
        ids = [u.id for u in updates]
        data = [u.data for u in updates]
        # Encoding a state costs milliseconds for a large document: no seek points from one.
        every = POINT_EVERY if state is None or len(state) < POINT_MAX_BYTES else 0
        if self.in_order(room, base, ids[-1]):
            doc, points = await asyncio.to_thread(_apply_in_order_with_points, state, ids, data, every)
        else:
            doc, points, in_order = await asyncio.to_thread(_replay_causally, state, ids, data, every)
            if in_order and start == base:
                self._in_order[(room, base)] = max(self._in_order.get((room, base), 0), ids[-1])
        for at, point_state in points:
            self.points.add(room, at, point_state)
        return doc


def _continue(
    cursor: _Cursor, updates: list[LoggedUpdate], position: int, read: Callable[[Doc[Any]], T]
) -> T:
    """Move the cursor on to `position` (a stretch known to be in causal order), then read it."""
    for update in updates:
        cursor.doc.apply_update(update.data)
    cursor.position = position
    return read(cursor.doc)


def motion_markdown(doc: Doc[Any]) -> str:
    try:
        return str(motion_text(doc))
    except Exception:  # something else stored under the text's name: there is no motion to show
        return ""


def _intervals_in_order(positions: list[int], ids: list[int], updates: list[bytes]) -> dict[int, int]:
    """Checkpoint position → the last id of its interval, for the intervals whose updates all
    continue what came before them in log order.

    An interval holding an update that waits (and all that depends on it, logged before what it
    waits for) is left out: a checkpoint is never cut while something waits (extensions/persistence.py),
    so what is out of order stays inside one interval, and the clocks at the next checkpoint are
    the maximum seen.
    """
    clocks: dict[int, int] = {}
    result: dict[int, int] = {}
    dirty: set[int] = set()
    for at, update in zip(ids, updates, strict=True):
        base = positions[bisect.bisect_left(positions, at) - 1]
        summary = inspect_update(update)
        try:
            summary.check_continues(clocks)
        except CausalGap:
            dirty.add(base)
        for client, (_, end) in summary.ranges.items():
            clocks[client] = max(clocks.get(client, 0), end)
        if base not in dirty:
            result[base] = at
    return {base: end for base, end in result.items() if base not in dirty}


def _apply_in_order_with_points(
    state: bytes | None, ids: list[int], updates: list[bytes], every: int
) -> tuple[Doc[Any], list[tuple[int, bytes]]]:
    """What doc_at gives for a stretch of the log known to be in causal order, without inspecting
    each update, and the seek points on the way."""
    doc = doc_at(state, [])
    points: list[tuple[int, bytes]] = []
    keep = every > 0
    for count, (at, update) in enumerate(zip(ids, updates, strict=True), 1):
        doc.apply_update(update)
        if keep and count % every == 0:
            point = doc.get_update()
            keep = len(point) <= POINT_MAX_BYTES  # a large document: no seek points at all
            if keep:
                points.append((at, point))
    return doc, points


def _replay_causally(
    state: bytes | None, ids: list[int], updates: list[bytes], every: int
) -> tuple[Doc[Any], list[tuple[int, bytes]], bool]:
    """The document (crdt.replay), seek points where nothing waited, and whether all was in order."""
    replay = CausalReplay(state)
    points: list[tuple[int, bytes]] = []
    keep = every > 0
    for count, (at, update) in enumerate(zip(ids, updates, strict=True), 1):
        replay.add(update)
        if keep and count % every == 0 and not replay.pending:
            point = replay.state()
            keep = len(point) <= POINT_MAX_BYTES
            if keep:
                points.append((at, point))
    return replay.doc, points, replay.reordered == 0
