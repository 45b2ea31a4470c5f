"""Authorship at any position: attribution runs cached at checkpoint positions, plus a short replay.

Replaying a whole day through a text observer costs seconds (FIELD-NOTES.md:
26 µs per update), so the runs (author, UTF-8 length) reached at each
checkpoint position are stored the first time a replay passes it. Authorship
at a position is then the runs of the newest cached checkpoint at or before
it, the checkpoint's state, and the at most `checkpoint_every` updates after.
The author is the participant the server recorded on each logged update.
"""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from pycrdt import Text

from crdt.history import Attribution, Passage
from crdt.motion import TEXT
from crdt.replay import CausalReplay
from server.history.repository import HistoryRepository
from server.store.base import LoggedUpdate, Store

log = logging.getLogger(__name__)


class Authorship:
    def __init__(self, store: Store, records: HistoryRepository) -> None:
        self.store = store
        self.records = records
        self._locks: dict[str, asyncio.Lock] = defaultdict(asyncio.Lock)
        self._warming: dict[str, asyncio.Task[None]] = {}

    def checkpointed(self, room: str) -> None:
        """New checkpoints of `room`: extend the cached runs to them in the background, so that no
        organiser waits for a day's replay (yrs walks the whole text for each update's delta)."""
        if room in self._warming:
            return
        task = asyncio.get_running_loop().create_task(self._warm(room), name=f"authorship-{room}")
        self._warming[room] = task
        task.add_done_callback(lambda _t: self._warming.pop(room, None))

    async def _warm(self, room: str) -> None:
        try:
            positions = await self.store.checkpoint_positions(room)
            if positions:
                await self.passages(room, positions[-1])
        except Exception:
            log.exception("authorship of %s not cached ahead", room)

    async def passages(self, room: str, position: int) -> list[Passage]:
        """The room's text at `position` cut into passages, each with the participant who wrote it."""
        async with self._locks[room]:  # one cold replay per room at a time; the next reuses its runs
            checkpoints = await self.store.checkpoint_positions(room)
            cached = set(await asyncio.to_thread(self.records.attribution_positions, room))
            start = max((c for c in checkpoints if c <= position and c in cached), default=0)
            runs: list[list[Any]] = []
            state = None
            if start:
                runs = await asyncio.to_thread(self.records.attribution, room, start)
                checkpoint = await self.store.checkpoint_before(room, start)
                assert checkpoint is not None and checkpoint.upto_id == start
                state = checkpoint.state
            updates = await self.store.updates(room, start, position)
            to_cache = {c for c in checkpoints if start < c <= position and c not in cached}
            passages, reached = await asyncio.to_thread(_replay, state, runs, updates, to_cache)
            if reached:
                await asyncio.to_thread(self.records.save_attributions, room, reached)
            return passages


def _replay(
    state: bytes | None, runs: list[list[Any]], updates: Sequence[LoggedUpdate], to_cache: set[int]
) -> tuple[list[Passage], list[tuple[int, list[list[Any]]]]]:
    attribution = Attribution(runs)
    author = [""]
    replay = CausalReplay(state, before_apply=lambda tag: author.__setitem__(0, tag))
    text = replay.doc.get(TEXT, type=Text)
    # The yrs event itself, reading only its delta: pycrdt's wrapper also converts the target and
    # the path of every event, which doubles the cost (yrs already walks the text for each delta).
    subscription = text.integrated.observe(lambda event: attribution.apply(event.delta, author[0]))
    reached: list[tuple[int, list[list[Any]]]] = []
    for update in updates:
        replay.add(update.data, update.author)
        if update.id in to_cache and not replay.pending:
            reached.append((update.id, attribution.runs))
    del subscription
    return attribution.passages(str(text)), reached
