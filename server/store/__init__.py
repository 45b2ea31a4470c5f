"""Pick the store implementation from the database URL's scheme."""

from __future__ import annotations

from server.store.base import Store


def open_store(url: str) -> Store:
    if url.startswith("memory:"):
        from server.store.memory import MemoryStore

        return MemoryStore()
    from server.store.sql import SqlStore

    return SqlStore(url)
