"""The publications' contract against the SQL store (SQLite, PostgreSQL) and the in-memory twin."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from server.congress.directory import Directory
from server.publication.memory import MemoryPublications
from server.publication.store import PublicationRepository, PublicationStore
from tests.support.databases import KINDS, sql_engine, unique

pytestmark = pytest.mark.anyio


@pytest.fixture(params=KINDS)
async def publications(
    request: pytest.FixtureRequest, tmp_path: Path
) -> AsyncIterator[tuple[PublicationRepository, list[int]]]:
    """The publications and two congresses of theirs (the SQL table's foreign key needs them)."""
    if request.param == "memory":
        yield MemoryPublications(), [1, 2]
        return
    async for engine in sql_engine(request.param, request, tmp_path):
        directory = Directory(engine)
        ids = [directory.create_congress(unique(), "Congrès").id or 0 for _ in range(2)]
        yield PublicationStore(engine), ids


async def test_one_publication_per_congress(publications: tuple[PublicationRepository, list[int]]) -> None:
    store, (congress, other) = publications
    assert store.publication(congress) is None
    first = store.publish(congress, 120, "participant:1")
    assert first.position == 120 and first.published_by == "participant:1" and first.published_at > 1e9
    again = store.publish(congress, 2**40, "participant:2", published_at=7.0)  # replaces the first
    assert again.published_at == 7.0
    found = store.publication(congress)
    assert found is not None and (found.position, found.published_by, found.published_at) == (
        2**40,
        "participant:2",
        7.0,
    )
    assert store.publication(other) is None
    assert store.unpublish(congress) is True
    assert store.unpublish(congress) is False
    assert store.publication(congress) is None
