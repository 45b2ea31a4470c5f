"""The history records' contract (named versions, cached authorship) against SQL (SQLite, PostgreSQL)
and the in-memory twin."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from server.congress.directory import Directory
from server.history.memory import MemoryHistoryRecords
from server.history.records import HistoryRecords
from server.history.repository import HistoryRepository
from tests.support.databases import KINDS, sql_engine, unique

pytestmark = pytest.mark.anyio


@pytest.fixture(params=KINDS)
async def records(
    request: pytest.FixtureRequest, tmp_path: Path
) -> AsyncIterator[tuple[HistoryRepository, int]]:
    """The records and a congress of theirs (the SQL table's foreign key needs one)."""
    if request.param == "memory":
        yield MemoryHistoryRecords(), 1
        return
    async for engine in sql_engine(request.param, request, tmp_path):
        congress = Directory(engine).create_congress(unique(), "Congrès")
        assert congress.id is not None
        yield HistoryRecords(engine), congress.id


async def test_named_versions_are_listed_by_position(records: tuple[HistoryRepository, int]) -> None:
    store, congress = records
    late = store.add_version(congress, "texte adopté", 900, "participant:1")
    early = store.add_version(congress, "texte soumis", 2**40, "participant:2", created_at=12.5)
    first = store.add_version(congress, "premier jet", 10, "participant:1")
    assert late.id is not None and early.created_at == 12.5 and late.created_at > 1_000_000_000
    assert [v.name for v in store.versions(congress)] == ["premier jet", "texte adopté", "texte soumis"]
    assert store.versions(congress)[-1].position == 2**40  # past 32 bits: PostgreSQL logs get there
    found = store.version(first.id or 0)
    assert found is not None and (found.name, found.position, found.created_by) == (
        "premier jet",
        10,
        "participant:1",
    )
    assert store.version(10**8) is None
    assert store.versions(congress + 10**6) == []


async def test_authorship_runs_are_cached_once_per_position(records: tuple[HistoryRepository, int]) -> None:
    store, _congress = records
    room = f"{unique()}.motion"
    assert store.attribution_positions(room) == [] and store.attribution(room, 5) == []
    store.save_attributions(
        room, [(20, [["participant:1", 4], ["participant:2", 3]]), (10, [["participant:1", 2]])]
    )
    store.save_attributions(room, [(10, [["participant:9", 99]])])  # cached already: kept as it was
    assert store.attribution_positions(room) == [10, 20]
    assert store.attribution(room, 10) == [["participant:1", 2]]
    assert store.attribution(room, 20) == [["participant:1", 4], ["participant:2", 3]]
    assert store.attribution_positions(f"{unique()}.motion") == []
