"""Authorship at any position: attribution runs cached at checkpoint positions, plus a short replay.

The runs (author, UTF-8 length) reached at each checkpoint position are stored
the first time a replay passes it (table `attribution`). Authorship at a
position is then the runs of the newest cached checkpoint at or before it, the
checkpoint's state, and the at most `checkpoint_every` updates after. The
author is the participant the server recorded on each logged update.

What costs is the delta of each transaction, for which yrs walks the whole
text (docs/field-notes.md): about a millisecond per update on a day's motion.
So the updates after the checkpoint are applied in a few transactions, one
per author and run (crdt/batches.py: 8 to 11 for 1,000 updates by 10
writers), which gives the same passages. And each room keeps the document of
its last answer with its runs (its cursor): a slider dragged forward, or the
replay playing, continues from there with the few updates in between,
without decoding the checkpoint again; the passages of the last few
positions are kept too.
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from pycrdt import Doc, Text

from crdt.batches import author_batches
from crdt.history import Attribution, Passage
from crdt.motion import TEXT
from crdt.protocol import decode_state_vector
from crdt.updates import UpdateSummary, inspect_update
from server.history.repository import HistoryRepository
from server.history.seek import Seeker
from server.store.base import LoggedUpdate, Store

log = logging.getLogger(__name__)
Columns = tuple[list[str], list[int]]  # runs as authors and lengths (crdt.history.Attribution.columns)
RUNS_KEPT = 16  # checkpoints whose runs stay decoded in memory (a day's motion: about 5,000 runs each)
PASSAGES_KEPT = 32


class _Replay:
    """A document replayed from a checkpoint with who wrote each of its bytes, moved on by batches."""

    def __init__(self, base: int, state: bytes | None, runs: Columns) -> None:
        self.base = base
        self.position = base
        self.doc: Doc[Any] = Doc()
        if state:
            self.doc.apply_update(state)
        self.clocks = decode_state_vector(self.doc.get_state())
        self.text = self.doc.get(TEXT, type=Text)
        self.attribution = Attribution.from_columns(*runs)
        self.held: list[tuple[bytes, str, UpdateSummary]] = []  # what waits for an update not yet logged
        self._author = ""
        # The yrs event itself, reading only its delta: pycrdt's wrapper also converts the target and
        # the path of every event, which doubles the cost (yrs already walks the text for each delta).
        self._subscription = self.text.integrated.observe(
            lambda event: self.attribution.apply(event.delta, self._author)
        )

    def advance(
        self, updates: Sequence[LoggedUpdate], marks: set[int]
    ) -> tuple[list[Passage], list[tuple[int, list[list[Any]]]]]:
        """Apply `updates` (the log after `position`, in order): the passages then, and the runs
        reached at each of `marks` where nothing waited."""
        reached: list[tuple[int, list[list[Any]]]] = []
        stretch: list[tuple[bytes, str, UpdateSummary]] = []
        for update in updates:
            stretch.append((update.data, update.author, inspect_update(update.data)))
            if update.id in marks:
                self._apply(stretch)
                stretch = []
                if not self.held:
                    reached.append((update.id, self.attribution.runs))
        self._apply(stretch)
        if updates:
            self.position = updates[-1].id
        return self.attribution.passages(str(self.text)), reached

    def _apply(self, stretch: list[tuple[bytes, str, UpdateSummary]]) -> None:
        if not stretch and not self.held:
            return
        batches, self.held = author_batches(self.clocks, self.held + stretch)
        for batch in batches:
            self._author = batch.tag
            with self.doc.transaction():
                for update in batch.updates:
                    self.doc.apply_update(update)


@dataclass
class _Room:
    cached: set[int] = field(default_factory=set)  # checkpoint positions whose runs are stored
    cursor: _Replay | None = None


class Authorship:
    def __init__(self, store: Store, records: HistoryRepository, seeker: Seeker | None = None) -> None:
        self.store = store
        self.records = records
        self.seeker = seeker or Seeker(store)
        self._locks: dict[str, asyncio.Lock] = defaultdict(asyncio.Lock)
        self._warming: dict[str, asyncio.Task[None]] = {}
        self._rooms: dict[str, _Room] = {}
        self._runs: OrderedDict[tuple[str, int], Columns] = OrderedDict()
        # (authors, texts): two lists, not thousands of objects for every collection to walk
        self._passages: OrderedDict[tuple[str, int], tuple[list[str], list[str]]] = OrderedDict()

    def checkpointed(self, room: str) -> None:
        """New checkpoints of `room`: extend the cached runs to them in the background, so that no
        organiser waits for a day's replay."""
        if room in self._warming:
            return
        task = asyncio.get_running_loop().create_task(self._warm(room), name=f"authorship-{room}")
        self._warming[room] = task
        task.add_done_callback(lambda _t: self._warming.pop(room, None))

    async def _warm(self, room: str) -> None:
        try:
            positions = await self.seeker.checkpoint_positions(room)
            if len(positions) > 1:
                await self.passages(room, positions[-1])
        except Exception:
            log.exception("authorship of %s not cached ahead", room)

    async def passages(self, room: str, position: int) -> list[Passage]:
        """The room's text at `position` cut into passages, each with the participant who wrote it."""
        known = self._passages.get((room, position))
        if known is not None:
            self._passages.move_to_end((room, position))
            return [Passage(author, text) for author, text in zip(*known, strict=True)]
        async with self._locks[room]:  # one replay per room at a time; the next reuses its runs
            state = self._rooms.setdefault(room, _Room())
            checkpoints = [c for c in await self.seeker.checkpoint_positions(room, position) if c]
            if not state.cached.issuperset(c for c in checkpoints if c <= position):
                state.cached = set(await asyncio.to_thread(self.records.attribution_positions, room))
            start = max((c for c in checkpoints if c <= position and c in state.cached), default=0)
            to_cache = {c for c in checkpoints if start < c <= position and c not in state.cached}
            replay, state.cursor = state.cursor, None  # a replay that fails half-way is never used again
            if (
                replay is None
                or not start <= replay.position <= position
                or any(c <= replay.position for c in to_cache)
            ):
                replay = await self._start(room, start)
            updates = await self.seeker.log.updates(room, replay.position, position)
            passages, reached = await asyncio.to_thread(replay.advance, updates, to_cache)
            if reached:
                await asyncio.to_thread(self.records.save_attributions, room, reached)
                state.cached.update(at for at, _ in reached)
            if position <= self.seeker.log.settled(room):  # no earlier id can still appear: go on from here
                state.cursor = replay
                self._passages[(room, position)] = ([p.author for p in passages], [p.text for p in passages])
                while len(self._passages) > PASSAGES_KEPT:
                    self._passages.popitem(last=False)
            return passages

    async def _start(self, room: str, start: int) -> _Replay:
        """A replay at checkpoint `start` (0: the empty document) with the runs cached there."""
        if not start:
            return await asyncio.to_thread(_Replay, 0, None, ([], []))
        runs = self._runs.get((room, start))
        if runs is None:
            stored = await asyncio.to_thread(self.records.attribution, room, start)
            runs = self._runs[(room, start)] = ([str(a) for a, _ in stored], [int(n) for _, n in stored])
            while len(self._runs) > RUNS_KEPT:
                self._runs.popitem(last=False)
        else:
            self._runs.move_to_end((room, start))
        state = await self.seeker.checkpoint_state(room, start)
        if state is None:
            raise RuntimeError(f"the checkpoint of {room} at {start} is gone")
        return await asyncio.to_thread(_Replay, start, state, runs)
