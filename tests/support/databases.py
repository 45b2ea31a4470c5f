"""The databases a repository's contract runs against: memory (its twin), SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from server.store.sql import SqlStore

KINDS = ["memory", "sqlite", "postgresql"]


async def sql_engine(kind: str, request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Engine]:
    """The engine of a started store (so the schema is at head): a fresh SQLite file, or the shared
    PostgreSQL database `test`, where tests keep apart by unique names (`unique`)."""
    url = (
        f"sqlite:///{tmp_path / 'repository.sqlite3'}"
        if kind == "sqlite"
        else request.getfixturevalue("postgres_url")
    )
    store = SqlStore(url)
    await store.start()
    try:
        yield store.engine
    finally:
        await store.stop()


def unique(prefix: str = "c") -> str:
    """A slug or room name no other test (or earlier run on PostgreSQL) uses."""
    return f"{prefix}-{uuid.uuid4().hex[:12]}"
