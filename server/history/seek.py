"""Seeking: a room's document at any log position, from the nearest stored state plus a short replay.

The nearest state is the room's newest checkpoint at or before the position
(written every 1,000 updates of the room by server.persistence), or a seek
point kept in memory: the state reached every `POINT_EVERY` updates by an
earlier seek, for documents small enough to keep (a mind map: a few tens of
KB), within a memory budget. A slider dragged back and forth over the day
then replays tens of updates instead of hundreds.

The log is replayed in causal order (crdt.replay). Each checkpoint interval
remembers up to where it was found already in order, and seeks there apply
the updates as they are, without inspecting each one.
"""

from __future__ import annotations

import asyncio
import bisect
from collections import OrderedDict
from typing import Any

from pycrdt import Doc

from crdt.replay import CausalReplay
from server.store.base import Store

POINT_EVERY = 100  # updates between seek points
POINT_MAX_BYTES = 96 * 1024  # states larger than this are not kept (a day's motion is ~500 KB)
POINTS_BUDGET = 64 * 1024 * 1024


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

    def add(self, room: str, position: int, state: bytes) -> None:
        key = (room, position)
        if key in self._states or len(state) > POINT_MAX_BYTES:
            return
        self._states[key] = state
        bisect.insort(self._positions.setdefault(room, []), position)
        self.size += len(state)
        while self.size > self.budget:
            (old_room, old_position), old_state = self._states.popitem(last=False)
            self._positions[old_room].remove(old_position)
            self.size -= len(old_state)


class Seeker:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.points = SeekPoints()
        # (room, checkpoint position) → up to where that stretch of the log is in causal order
        self._in_order: dict[tuple[str, int], int] = {}

    async def doc_at(self, room: str, position: int | None) -> Doc[Any]:
        checkpoint = await self.store.checkpoint_before(room, position)
        base = checkpoint.upto_id if checkpoint else 0
        start, state = base, checkpoint.state if checkpoint else None
        point = self.points.before(room, position) if position is not None else None
        if point is not None and point[0] > start:
            start, state = point
        updates = await self.store.updates(room, start, position)
        if not updates:
            return await asyncio.to_thread(_apply_in_order, state, [])
        ids = [u.id for u in updates]
        data = [u.data for u in updates]
        if ids[-1] <= self._in_order.get((room, base), 0):
            doc, points = await asyncio.to_thread(_apply_in_order_with_points, state, ids, data)
        else:
            doc, points, in_order = await asyncio.to_thread(_replay_causally, state, ids, data)
            if in_order and start == base:
                self._in_order[(room, base)] = max(self._in_order.get((room, base), 0), ids[-1])
        for at, point_state in points:
            self.points.add(room, at, point_state)
        return doc


def _apply_in_order(state: bytes | None, updates: list[bytes]) -> Doc[Any]:
    doc: Doc[Any] = Doc()
    if state:
        doc.apply_update(state)
    for update in updates:
        doc.apply_update(update)
    return doc


def _apply_in_order_with_points(
    state: bytes | None, ids: list[int], updates: list[bytes]
) -> tuple[Doc[Any], list[tuple[int, bytes]]]:
    doc = _apply_in_order(state, [])
    points: list[tuple[int, bytes]] = []
    keep = True
    for count, (at, update) in enumerate(zip(ids, updates, strict=True), 1):
        doc.apply_update(update)
        if keep and count % POINT_EVERY == 0:
            point = doc.get_update()
            keep = len(point) <= POINT_MAX_BYTES  # a large document: no seek points at all
            if keep:
                points.append((at, point))
    return doc, points


def _replay_causally(
    state: bytes | None, ids: list[int], updates: list[bytes]
) -> tuple[Doc[Any], list[tuple[int, bytes]], bool]:
    """The document (crdt.replay), seek points where nothing waited, and whether all was in order."""
    replay = CausalReplay(state)
    points: list[tuple[int, bytes]] = []
    keep = True
    for count, (at, update) in enumerate(zip(ids, updates, strict=True), 1):
        replay.add(update)
        if keep and count % POINT_EVERY == 0 and not replay.pending:
            point = replay.state()
            keep = len(point) <= POINT_MAX_BYTES
            if keep:
                points.append((at, point))
    return replay.doc, points, replay.reordered == 0
