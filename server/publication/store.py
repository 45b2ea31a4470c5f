"""Publications: at most one published log position per congress, readable by anyone while it exists.

`PublicationStore` keeps them in the SQL database, `server.publication.memory.MemoryPublications`
in memory; tests/test_publications_contract.py holds both to the same behaviour.
"""

from __future__ import annotations

import time
from typing import Protocol

from sqlalchemy.engine import Engine
from sqlmodel import Session

from server.publication.models import PublicationRow


class PublicationRepository(Protocol):
    def publication(self, congress_id: int) -> PublicationRow | None: ...

    def publish(
        self, congress_id: int, position: int, published_by: str, published_at: float | None = None
    ) -> PublicationRow:
        """Publish `position` (now, unless an archive brings the original time), replacing any other."""
        ...

    def unpublish(self, congress_id: int) -> bool:
        """Withdraw the publication; False if there was none."""
        ...


class PublicationStore:
    """Blocking calls, like the directory's; the publishing service runs them in a worker thread."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def publication(self, congress_id: int) -> PublicationRow | None:
        with Session(self.engine, expire_on_commit=False) as session:
            return session.get(PublicationRow, congress_id)

    def publish(
        self, congress_id: int, position: int, published_by: str, published_at: float | None = None
    ) -> PublicationRow:
        row = PublicationRow(
            congress_id=congress_id,
            position=position,
            published_at=time.time() if published_at is None else published_at,
            published_by=published_by,
        )
        with Session(self.engine, expire_on_commit=False) as session:
            session.merge(row)
            session.commit()
        return row

    def unpublish(self, congress_id: int) -> bool:
        with Session(self.engine) as session:
            row = session.get(PublicationRow, congress_id)
            if row is None:
                return False
            session.delete(row)
            session.commit()
            return True
