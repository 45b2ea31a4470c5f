"""The history's rows on the congress database: named versions and cached authorship runs.

The SQL implementation of server.history.repository.HistoryRepository. Blocking
calls, run by the service in worker threads (as server.congress.directory).
"""

from __future__ import annotations

import json
import time
from typing import Any

from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from server.history.models import AttributionRow, VersionRow


class HistoryRecords:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def _session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)

    # -- named versions ----------------------------------------------------------------

    def add_version(
        self, congress_id: int, name: str, position: int, created_by: str, created_at: float | None = None
    ) -> VersionRow:
        row = VersionRow(
            congress_id=congress_id,
            name=name,
            position=position,
            created_by=created_by,
            created_at=time.time() if created_at is None else created_at,
        )
        with self._session() as session:
            session.add(row)
            session.commit()
        return row

    def versions(self, congress_id: int) -> list[VersionRow]:
        with self._session() as session:
            query = select(VersionRow).where(VersionRow.congress_id == congress_id)
            return list(session.exec(query.order_by(col(VersionRow.position), col(VersionRow.id))).all())

    def version(self, version_id: int) -> VersionRow | None:
        with self._session() as session:
            return session.get(VersionRow, version_id)

    # -- authorship at checkpoint positions ----------------------------------------------

    def attribution_positions(self, room: str) -> list[int]:
        with self._session() as session:
            query = select(AttributionRow.upto_id).where(AttributionRow.room == room)
            return list(session.exec(query.order_by(col(AttributionRow.upto_id))).all())

    def attribution(self, room: str, upto_id: int) -> list[list[Any]]:
        with self._session() as session:
            query = select(AttributionRow.runs).where(
                AttributionRow.room == room, AttributionRow.upto_id == upto_id
            )
            runs = session.exec(query).first()
        return json.loads(runs) if runs else []

    def save_attributions(self, room: str, runs_at: list[tuple[int, list[list[Any]]]]) -> None:
        for upto_id, runs in runs_at:
            with self._session() as session:
                session.add(AttributionRow(room=room, upto_id=upto_id, runs=json.dumps(runs)))
                try:
                    session.commit()
                except IntegrityError:  # another request cached the same position: same runs
                    session.rollback()
