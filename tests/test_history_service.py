"""server.history: both documents rebuilt at any position of a long generated log, and named versions."""

from __future__ import annotations

import random
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from server.congress.directory import Directory
from server.history import History
from server.persistence import UpdateLog
from server.store.base import NewUpdate
from server.store.sql import SqlStore
from tests.support.congress_day import CongressDay, generate, text_digest, tree_digest

pytestmark = pytest.mark.anyio
SLUG = "jour"
SAMPLE = sorted(random.Random(7).sample(range(3000), 60))


class Day:
    def __init__(self, history: History, day: CongressDay, ids: list[int]) -> None:
        self.history, self.day, self.ids = history, day, ids


@pytest.fixture
async def logged_day(tmp_path: Path) -> AsyncIterator[Day]:
    """3,000 generated updates in a SQLite log, checkpointed every 200 updates of a room."""
    store = SqlStore(f"sqlite:///{tmp_path / 'history.db'}")
    await store.start()
    directory = Directory(store.engine)
    directory.create_congress(SLUG, "Congrès du jour")
    day = generate(3000, writers=5, seed=3, record=set(SAMPLE))
    ids = await store.append([NewUpdate(f"{SLUG}.{e.kind}", e.data, e.author, e.at) for e in day.edits])
    update_log = UpdateLog(store, flush_interval=0.01, checkpoint_every=200)
    for kind in ("motion", "mindmap"):
        await update_log.checkpoint(f"{SLUG}.{kind}", whole_chunks_only=False)
    history = History(store, update_log, directory)
    await history.start()
    yield Day(history, day, ids)
    await store.stop()


async def test_random_positions_rebuild_what_the_server_held_live(logged_day: Day) -> None:
    for index in SAMPLE:
        moment = await logged_day.history.moment(SLUG, logged_day.ids[index])
        motion, mindmap = logged_day.day.recorded[index]
        assert text_digest(moment.motion) == motion, f"motion differs after update {index}"
        assert tree_digest(moment.mindmap) == mindmap, f"mind map differs after update {index}"


async def test_text_now_is_the_end_of_the_log(logged_day: Day) -> None:
    assert await logged_day.history.text_at(SLUG) == logged_day.day.final_motion
    assert await logged_day.history.latest(SLUG) == logged_day.ids[-1]


async def test_a_named_version_opens_the_text_of_its_position(logged_day: Day) -> None:
    history = logged_day.history
    position = logged_day.ids[1234]
    version = await history.name_version(SLUG, "  texte soumis   au vote ", "participant:1", position)
    assert version.name == "texte soumis au vote"
    assert [v.id for v in await history.versions(SLUG)] == [version.id]
    assert await history.text_at(SLUG, version=version.id) == await history.text_at(SLUG, position)


async def test_time_and_position_find_each_other(logged_day: Day) -> None:
    history, day = logged_day.history, logged_day.day
    edit = day.edits[500]
    assert await history.position_at_time(SLUG, edit.at) == logged_day.ids[500]
    assert await history.time_of(SLUG, logged_day.ids[500]) == edit.at
    assert await history.position_at_time(SLUG, day.edits[0].at - 1) == 0


async def test_seeks_stay_right_when_the_log_is_out_of_causal_order(tmp_path: Path) -> None:
    """An update logged before the one it builds on (a process died with its batch): every seek, the
    first one of a stretch and the faster ones after it, rebuilds what a causal replay does."""
    from crdt.motion import motion_text
    from crdt.replay import doc_at

    store = SqlStore(f"sqlite:///{tmp_path / 'shuffled.db'}")
    await store.start()
    directory = Directory(store.engine)
    directory.create_congress(SLUG, "Congrès du jour")
    day = generate(400, writers=3, seed=9, mindmap_share=0)
    edits = list(day.edits)
    i = next(i for i in range(110, 390) if len({e.author for e in edits[i : i + 3]}) == 1)
    edits[i], edits[i + 1], edits[i + 2] = edits[i + 2], edits[i], edits[i + 1]  # one writer's, shuffled
    ids = await store.append([NewUpdate(f"{SLUG}.{e.kind}", e.data, e.author, e.at) for e in edits])
    update_log = UpdateLog(store, flush_interval=0.01, checkpoint_every=100)
    await update_log.checkpoint(f"{SLUG}.motion", whole_chunks_only=False)
    history = History(store, update_log, directory)
    await history.start()
    motion = [e.data for e in edits if e.kind == "motion"]
    motion_ids = [i for i, e in zip(ids, edits, strict=True) if e.kind == "motion"]
    for _ in range(2):  # the second pass takes the in-order path where it may
        for index in [*range(100, 300, 7), i, i + 1, i + 2]:
            expected = str(motion_text(doc_at(None, motion[: index + 1])))
            assert await history.text_at(SLUG, motion_ids[index]) == expected, index
    await store.stop()
