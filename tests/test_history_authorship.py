"""Authorship as the server computes it (server/history/authorship.py): who wrote each passage of the
motion at a position, from the logged authors, with runs cached at checkpoint positions."""

from __future__ import annotations

import random
from typing import Any

import pytest
from pycrdt import Doc, Text

from crdt.history import Attribution, Passage
from crdt.replay import CausalReplay
from server.history.authorship import Authorship
from server.history.memory import MemoryHistoryRecords
from server.realtime.extensions.persistence import UpdateLog
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


def plain_passages(log: list[tuple[bytes, str]]) -> list[list[tuple[str, str]]]:
    """The reference, after each update of the log: one transaction per update, in causal order, each
    delta given to its own author (as authorship was computed before crdt/batches.py)."""
    attribution = Attribution()
    author = [""]
    replay = CausalReplay(before_apply=lambda tag: author.__setitem__(0, tag))
    text = replay.doc.get("text", type=Text)
    subscription = text.observe(lambda event: attribution.apply(event.delta, author[0]))
    after_each = []
    for update, who in log:
        replay.add(update, who)
        after_each.append([(p.author, p.text) for p in attribution.passages(str(text))])
    del subscription
    return after_each


def _late(log: list[tuple[bytes, str]], rng: random.Random) -> list[tuple[bytes, str]]:
    """Some updates stored well after the ones that follow them (a process died with its batch)."""
    moved = list(log)
    for _ in range(len(log) // 25):
        index = rng.randrange(len(moved) - 30)
        moved.insert(index + rng.randint(5, 30), moved.pop(index))
    return moved


@pytest.mark.parametrize(("seed", "out_of_order"), [(1, False), (2, False), (3, True), (4, True)])
async def test_the_fast_path_gives_the_authorship_of_the_plain_replay(seed: int, out_of_order: bool) -> None:
    """Batches of one author, cached runs, the cursor moved forward or started again: the passages
    at every position asked, in any order, are those of the plain replay up to that position."""
    rng = random.Random(seed)
    log, _ = concurrent_session(seed, writers=4, steps=700)
    if out_of_order:
        log = _late(log, rng)
    logged = await Logged(log, every=90).write()
    plain = plain_passages(log)
    forward = list(range(0, len(log), 7))
    jumps = [rng.randrange(len(log)) for _ in range(40)]
    backward = forward[::-1][:30]
    for index in [*jumps[:20], *forward, *backward, *jumps[20:], len(log) - 1]:
        got = [(p.author, p.text) for p in await logged.passages(index)]
        assert got == plain[index], index
