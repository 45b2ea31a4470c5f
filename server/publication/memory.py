"""Publications in memory: server.publication.store.PublicationRepository's contract, for tests."""

from __future__ import annotations

import time

from server.publication.models import PublicationRow


class MemoryPublications:
    def __init__(self) -> None:
        self._rows: dict[int, PublicationRow] = {}

    def publication(self, congress_id: int) -> PublicationRow | None:
        found = self._rows.get(congress_id)
        return found.model_copy() if found else None

    def publish(
        self, congress_id: int, position: int, published_by: str, published_at: float | None = None
    ) -> PublicationRow:
        row = PublicationRow(
            congress_id=congress_id,
            position=position,
            published_at=time.time() if published_at is None else published_at,
            published_by=published_by,
        )
        self._rows[congress_id] = row
        return row.model_copy()

    def unpublish(self, congress_id: int) -> bool:
        return self._rows.pop(congress_id, None) is not None
