"""Contributions and themes on the SQL database: blocking calls, run in a worker thread by the routes.

An import is one transaction: every row or none. Vectors are cached per
contribution, so a classification encodes only what is new or changed.
"""

from __future__ import annotations

import json
import secrets
import time
from collections.abc import Callable, Sequence

from sqlalchemy import func, or_
from sqlmodel import col, select

from server.contributions.models import TABLES, ContributionRow, ThemeRow, ThemeRunRow
from server.contributions.repository import EVERYTHING, Filter, ImportConflict, encoded_text, text_hash
from server.store.tables import BoundTables
from server.themes.contributions import Contribution, RowProblem

__all__ = ["ContributionStore", "Filter", "ImportConflict", "dumps", "encoded_text", "text_hash"]


class ContributionStore(BoundTables):
    tables = TABLES
    label = "contribution store"

    # -- contributions ---------------------------------------------------------------

    def add(
        self, congress_id: int, author_id: int, author_name: str, title: str, text: str, axis: str
    ) -> ContributionRow:
        now = time.time()
        row = ContributionRow(
            congress_id=congress_id,
            key=f"w{secrets.token_hex(5)}",
            author_id=author_id,
            author_name=author_name,
            title=title,
            text=text,
            axis=axis,
            source="browser",
            created_at=now,
            updated_at=now,
        )
        with self._session() as session:
            session.add(row)
            session.commit()
        return row

    def get(self, congress_id: int, key: str) -> ContributionRow | None:
        with self._session() as session:
            query = select(ContributionRow).where(
                ContributionRow.congress_id == congress_id, ContributionRow.key == key
            )
            return session.exec(query).first()

    def update(self, row_id: int, **fields: str) -> ContributionRow:
        with self._session() as session:
            row = session.get(ContributionRow, row_id)
            assert row is not None
            for name, value in fields.items():
                setattr(row, name, value)
            if row.vector_key != text_hash(encoded_text(row)):
                row.vector_key, row.vector = None, None  # the text changed: encode it again next run
            row.updated_at = time.time()
            session.add(row)
            session.commit()
            return row

    def delete(self, row_id: int) -> None:
        with self._session() as session:
            row = session.get(ContributionRow, row_id)
            if row is not None:
                session.delete(row)
                session.commit()

    def search(self, congress_id: int, where: Filter = EVERYTHING) -> list[ContributionRow]:
        query = select(ContributionRow).where(ContributionRow.congress_id == congress_id)
        if where.author_id is not None:
            query = query.where(ContributionRow.author_id == where.author_id)
        if where.axis:
            query = query.where(func.lower(ContributionRow.axis) == where.axis.casefold())
        if where.source:
            query = query.where(ContributionRow.source == where.source)
        for word in where.query.split():
            pattern = f"%{word.casefold()}%"
            query = query.where(
                or_(
                    func.lower(ContributionRow.title).like(pattern),
                    func.lower(ContributionRow.text).like(pattern),
                    func.lower(ContributionRow.author_name).like(pattern),
                    func.lower(ContributionRow.key) == word.casefold(),
                )
            )
        with self._session() as session:
            return list(
                session.exec(query.order_by(col(ContributionRow.created_at), col(ContributionRow.id)))
            )

    def by_keys(self, congress_id: int, keys: Sequence[str]) -> list[ContributionRow]:
        with self._session() as session:
            query = select(ContributionRow).where(
                ContributionRow.congress_id == congress_id, col(ContributionRow.key).in_(list(keys))
            )
            return list(session.exec(query))

    def axes(self, congress_id: int) -> list[str]:
        with self._session() as session:
            query = (
                select(ContributionRow.axis)
                .where(ContributionRow.congress_id == congress_id, ContributionRow.axis != "")
                .distinct()
            )
            return sorted(set(session.exec(query)), key=str.casefold)

    def import_all(
        self,
        congress_id: int,
        contributions: Sequence[Contribution],
        progress: Callable[[int, int], None] | None = None,
        batch: int = 500,
    ) -> int:
        """Store every contribution in one transaction, or raise ImportConflict and store none."""
        keys = [c.id for c in contributions]
        with self._session() as session:
            taken: set[str] = set()
            for start in range(0, len(keys), batch):
                query = select(ContributionRow.key).where(
                    ContributionRow.congress_id == congress_id,
                    col(ContributionRow.key).in_(keys[start : start + batch]),
                )
                taken.update(session.exec(query))
            if taken:
                raise ImportConflict(
                    [
                        RowProblem(position, f"id {c.id!r} is already in this congress")  # row, not line
                        for position, c in enumerate(contributions, 1)
                        if c.id in taken
                    ]
                )
            now = time.time()
            for start in range(0, len(contributions), batch):
                session.add_all(
                    ContributionRow(
                        congress_id=congress_id,
                        key=c.id,
                        author_name=c.author,
                        title=c.title,
                        text=c.text,
                        axis=c.axis,
                        source="import",
                        created_at=now,
                        updated_at=now,
                    )
                    for c in contributions[start : start + batch]
                )
                session.flush()
                if progress is not None:
                    progress(min(start + batch, len(contributions)), len(contributions))
            session.commit()
        return len(contributions)

    # -- vectors ---------------------------------------------------------------------

    def vectors(self, congress_id: int) -> dict[str, bytes]:
        """Text hash → the encoder's vector (float32 bytes), for every contribution whose vector is known."""
        with self._session() as session:
            query = select(ContributionRow.vector_key, ContributionRow.vector).where(
                ContributionRow.congress_id == congress_id, col(ContributionRow.vector).is_not(None)
            )
            return {key: data for key, data in session.exec(query) if key and data}

    def unencoded_texts(self, congress_id: int) -> list[str]:
        """What the encoder reads of each contribution whose vector is not stored yet."""
        with self._session() as session:
            query = select(ContributionRow).where(
                ContributionRow.congress_id == congress_id, col(ContributionRow.vector).is_(None)
            )
            return sorted({encoded_text(row) for row in session.exec(query)})

    def save_vectors(self, congress_id: int, by_text_hash: dict[str, bytes]) -> int:
        """Keep each contribution's vector next to it (those whose text still has that hash)."""
        if not by_text_hash:
            return 0
        saved = 0
        with self._session() as session:
            query = select(ContributionRow).where(
                ContributionRow.congress_id == congress_id, col(ContributionRow.vector).is_(None)
            )
            for row in session.exec(query):
                key = text_hash(encoded_text(row))
                vector = by_text_hash.get(key)
                if vector is not None:
                    row.vector_key = key
                    row.vector = vector
                    session.add(row)
                    saved += 1
            session.commit()
        return saved

    # -- themes ----------------------------------------------------------------------

    def themes(self, congress_id: int) -> list[ThemeRow]:
        with self._session() as session:
            query = select(ThemeRow).where(ThemeRow.congress_id == congress_id)
            return list(session.exec(query.order_by(col(ThemeRow.position), col(ThemeRow.id))))

    def run_info(self, congress_id: int) -> ThemeRunRow | None:
        with self._session() as session:
            return session.get(ThemeRunRow, congress_id)

    def replace_themes(
        self, congress_id: int, themes: Sequence[ThemeRow], run: ThemeRunRow | None
    ) -> list[ThemeRow]:
        """The new set of themes (after a run or a correction), in one transaction."""
        with self._session() as session:
            for old in session.exec(select(ThemeRow).where(ThemeRow.congress_id == congress_id)):
                session.delete(old)
            session.flush()
            fresh = [
                ThemeRow(
                    congress_id=congress_id,
                    position=position,
                    name=t.name,
                    words=t.words,
                    members=t.members,
                    reviewed=t.reviewed,
                )
                for position, t in enumerate(themes)
            ]
            session.add_all(fresh)
            if run is not None:
                existing = session.get(ThemeRunRow, congress_id)
                if existing is not None:
                    session.delete(existing)
                    session.flush()
                session.add(run)
            session.commit()
            return fresh


def dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)
