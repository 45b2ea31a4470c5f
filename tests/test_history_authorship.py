"""Authorship as the server computes it (server/history/authorship.py): who wrote each passage of the
motion at a position, from the logged authors, with runs cached at checkpoint positions."""

from __future__ import annotations

from typing import Any

import pytest
from pycrdt import Doc, Text

from crdt.history import Passage
from server.history.authorship import Authorship
from server.history.memory import MemoryHistoryRecords
from server.persistence import UpdateLog
from server.store.base import NewUpdate
from server.store.memory import MemoryStore
from tests.support.writers import concurrent_session, shuffled_log

pytestmark = pytest.mark.anyio
ROOM = "cnen-2026.motion"


class Logged:
    """A log in a memory store, checkpointed every `every` updates (0: never), and its authorship."""

    def __init__(self, log: list[tuple[bytes, str]], every: int = 0) -> None:
        self.log, self.every = log, every
        self.store = MemoryStore()
        self.records = MemoryHistoryRecords()
        self.authorship = Authorship(self.store, self.records)
        self.ids: list[int] = []

    async def write(self) -> Logged:
        self.ids = await self.store.append(
            [NewUpdate(ROOM, u, a, float(i)) for i, (u, a) in enumerate(self.log)]
        )
        if self.every:
            await UpdateLog(self.store, 0.01, self.every).checkpoint(ROOM, whole_chunks_only=False)
        return self

    async def passages(self, index: int = -1) -> list[Passage]:
        return await self.authorship.passages(ROOM, self.ids[index])


async def test_authorship_matches_the_writer_of_each_passage() -> None:
    doc: Doc[Any] = Doc()
    text = doc.get("text", type=Text)
    log: list[tuple[bytes, str]] = []
    author = ["Aïcha"]
    doc.observe(lambda event: log.append((event.update, author[0])))
    text += "Former les aidants. "
    author[0] = "Bruno"
    text.insert(len(b"Former les aidants. "), "Financer les lieux.")
    author[0] = "Chloé"
    text.insert(len(b"Former les "), "très bien ")
    passages = await (await Logged(log).write()).passages()
    assert [(p.author, p.text) for p in passages] == [
        ("Aïcha", "Former les "),
        ("Chloé", "très bien "),
        ("Aïcha", "aidants. "),
        ("Bruno", "Financer les lieux."),
    ]


@pytest.mark.parametrize("seed", range(4))
async def test_authorship_after_concurrent_edits_covers_the_text_exactly(seed: int) -> None:
    log, texts = concurrent_session(seed)
    passages = await (await Logged(log).write()).passages()
    assert "".join(p.text for p in passages) == texts[-1]
    assert {p.author for p in passages} <= {"Aïcha", "Bruno", "Chloé"}


async def test_authorship_survives_a_log_stored_out_of_causal_order() -> None:
    passages = await (await Logged(shuffled_log()).write()).passages()
    assert [(p.author, p.text) for p in passages] == [("Aïcha", "Une motion commune"), ("Bruno", " adoptée")]


async def test_runs_cached_at_checkpoints_give_the_same_passages_as_a_whole_replay() -> None:
    log, texts = concurrent_session(7, steps=400)
    whole = await Logged(log).write()
    cached = await Logged(log, every=60).write()
    first = await cached.passages()  # replays the whole log once, caching runs at every checkpoint
    checkpoints = await cached.store.checkpoint_positions(ROOM)
    assert checkpoints and cached.records.attribution_positions(ROOM) == checkpoints
    for index in [-1, 250, 130, 59, 0]:
        expected = [(p.author, p.text) for p in await whole.passages(index)]
        assert [(p.author, p.text) for p in await cached.passages(index)] == expected
        assert "".join(text for _, text in expected) == texts[index]
    assert [(p.author, p.text) for p in first] == [(p.author, p.text) for p in await whole.passages()]
