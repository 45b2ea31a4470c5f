"""Issue 13, item 9: the history names the demo's first edits, never "server:demo"."""

from __future__ import annotations

from pathlib import Path

import pytest

from server.congress.demo import AUTHOR, seed_demo
from server.congress.directory import Directory
from server.history import History
from server.realtime.extensions.persistence import UpdateLog
from server.store.sql import SqlStore

pytestmark = pytest.mark.anyio


async def test_the_demo_author_has_a_name(tmp_path: Path) -> None:
    store = SqlStore(f"sqlite:///{tmp_path / 'demo.db'}")
    await store.start()
    try:
        directory = Directory(store.engine)
        directory.create_congress("demo", "Démo")
        await seed_demo(store, "demo")
        history = History(store, UpdateLog(store, flush_interval=0.01, checkpoint_every=200), directory)
        await history.start()
        names = await history.names("demo")
        assert names[AUTHOR] == "Ubiquité (démo)"
        authors = {passage.author for passage in await history.authorship("demo")}
        assert authors == {AUTHOR}
    finally:
        await store.stop()
