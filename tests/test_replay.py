"""crdt.replay: a log stored out of causal order still replays to the text its writers saw."""

from __future__ import annotations

import random
import time
from typing import Any

import pytest
from pycrdt import Doc, Text

from crdt.replay import CausalReplay
from server.realtime.extensions.persistence import UpdateLog
from server.store.base import NewUpdate
from server.store.memory import MemoryStore

pytestmark = pytest.mark.anyio


def _one_writer(count: int, seed: int = 0) -> tuple[str, list[bytes]]:
    """One client typing and deleting: every update continues that client's clocks."""
    doc: Doc[Any] = Doc()
    text = doc.get("text", type=Text)
    updates: list[bytes] = []
    doc.observe(lambda event: updates.append(event.update))
    rng = random.Random(seed)
    for i in range(count):
        text.insert(rng.randint(0, len(str(text))), chr(ord("a") + i % 26))
        if i % 7 == 3:
            del text[rng.randint(0, len(str(text)) - 1)]
    return str(text), updates


def _late_block(updates: list[bytes], start: int, end: int) -> list[bytes]:
    """The order a survivor leaves when it stores a dead process's updates after the next ones."""
    return updates[:start] + updates[end:] + updates[start:end]


def test_a_block_stored_late_replays_to_the_same_text() -> None:
    text, updates = _one_writer(200)
    for seed in range(10):
        rng = random.Random(seed)
        start = rng.randint(1, 150)
        replay = CausalReplay()
        for update in _late_block(updates, start, start + rng.randint(1, 40)):
            replay.add(update)
        assert replay.pending == 0
        assert str(replay.doc.get("text", type=Text)) == text


def test_plain_application_of_that_order_is_wrong() -> None:
    """Why the replay exists: pycrdt 0.14 integrates an update that skips ahead (y-crdt #632)."""
    text, updates = _one_writer(200)
    doc: Doc[Any] = Doc()
    for update in _late_block(updates, 60, 80):
        doc.apply_update(update)
    assert str(doc.get("text", type=Text)) != text


def test_add_tells_whether_an_update_was_already_there_deletions_included() -> None:
    _, updates = _one_writer(60)
    deletion = next(u for u in updates if u[0] == 0)  # no structs: a deletion only
    replay = CausalReplay(track_changes=True)
    assert all(replay.add(u) for u in updates if u is not deletion)
    assert replay.add(deletion) is True
    assert replay.add(deletion) is False
    assert replay.add(updates[10]) is False


async def test_checkpoints_are_never_cut_while_an_update_waits() -> None:
    text, updates = _one_writer(120)
    order = _late_block(updates, 30, 45)  # updates 45.. wait for 30..45, stored last
    store = MemoryStore()
    await store.append([NewUpdate("late", u, "typist", time.time()) for u in order])
    log = UpdateLog(store, flush_interval=0.01, checkpoint_every=20)
    await log.checkpoint("late", whole_chunks_only=False)
    logged = await store.updates("late")
    checkpoint = await store.checkpoint_before("late")
    assert checkpoint is not None and checkpoint.upto_id == logged[-1].id
    # Before position 105 the replay holds updates back, so no checkpoint may end there.
    early = await store.checkpoint_before("late", logged[104].id)
    assert early is not None and early.upto_id <= logged[29].id
    loaded = await log.load_document("late")
    assert str(loaded.get("text", type=Text)) == text
