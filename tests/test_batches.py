"""A stretch of the log regrouped by author (crdt/batches.py): the same document, few transactions."""

from __future__ import annotations

from typing import Any

from pycrdt import Doc, Text

from crdt.batches import author_batches
from crdt.replay import CausalReplay
from crdt.updates import inspect_update
from tests.support.congress_day import generate
from tests.support.writers import shuffled_log


def _stretch(log: list[tuple[bytes, str]]) -> list[tuple[bytes, str, Any]]:
    return [(update, author, inspect_update(update)) for update, author in log]


def _applied(batches: list[Any]) -> Doc[Any]:
    doc: Doc[Any] = Doc()
    for batch in batches:
        with doc.transaction():
            for update in batch.updates:
                doc.apply_update(update)
    return doc


def test_a_day_of_ten_writers_is_a_few_batches_for_the_same_text() -> None:
    day = generate(1500, writers=10, seed=4)
    log = [(e.data, e.author) for e in day.edits if e.kind == "motion"]
    batches, held = author_batches({}, _stretch(log))
    assert not held
    assert len(batches) <= 40 < len(log) // 10  # one per writer and run, not one per update
    assert str(_applied(batches).get("text", type=Text)) == day.final_motion
    for author in {a for _, a in log}:  # each author's updates keep their log order
        mine = [u for u, a in log if a == author]
        assert [u for b in batches if b.tag == author for u in b.updates] == mine


def test_what_waits_is_handed_back_as_a_causal_replay_keeps_it() -> None:
    log = shuffled_log()  # Aïcha's second word is stored after everything that builds on it
    batches, held = author_batches({}, _stretch(log[:3]))
    replay = CausalReplay()
    for update, author in log[:3]:
        replay.add(update, author)
    assert [author for _, author in replay.held()] == [author for _, author, _ in held] == ["Aïcha", "Bruno"]
    assert str(_applied(batches).get("text", type=Text)) == str(replay.doc.get("text", type=Text)) == "Une "
    batches, held = author_batches({}, _stretch(log))
    assert not held
    assert str(_applied(batches).get("text", type=Text)) == "Une motion commune adoptée"
