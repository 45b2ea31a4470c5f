"""Contributions and themes on the SQL database: blocking calls, run in a worker thread by the routes.

An import is one transaction: every row or none. Each encoder's vector of each
contribution is stored beside it (table contribution_vector), computed when it
arrives, so a classification encodes only what is new or changed.
"""

from __future__ import annotations

import json
import secrets
import time
from collections.abc import Callable, Sequence

from sqlalchemy import func, or_
from sqlalchemy.exc import IntegrityError
from sqlmodel import col, select

from server.contributions.models import TABLES, AxisRow, ContributionRow, ThemeRow, ThemeRunRow, VectorRow
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
            # A changed text is encoded again: its old vectors no longer match its hash.
            row.updated_at = time.time()
            session.add(row)
            session.commit()
            return row

    def delete(self, row_id: int) -> None:
        with self._session() as session:
            row = session.get(ContributionRow, row_id)
            if row is not None:
                for vector in session.exec(select(VectorRow).where(VectorRow.contribution_id == row_id)):
                    session.delete(vector)
                session.flush()
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

    def surface(self, congress_id: int, keys: Sequence[str]) -> int:
        changed = 0
        with self._session() as session:
            for start in range(0, len(keys), 500):
                query = select(ContributionRow).where(
                    ContributionRow.congress_id == congress_id,
                    col(ContributionRow.key).in_(list(keys[start : start + 500])),
                    col(ContributionRow.surfaced).is_(False),
                )
                for row in session.exec(query):
                    row.surfaced = True
                    session.add(row)
                    changed += 1
            session.commit()
        return changed

    def count(self, congress_id: int) -> int:
        """How many contributions the congress holds (the organisers' live figures)."""
        with self._session() as session:
            query = select(func.count()).select_from(ContributionRow)
            return int(session.exec(query.where(ContributionRow.congress_id == congress_id)).one())

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

    def vectors(self, congress_id: int, encoder: str = "use") -> dict[str, bytes]:
        """Text hash → `encoder`'s vector (float32 bytes), for every contribution whose vector is stored."""
        with self._session() as session:
            query = select(VectorRow.text_hash, VectorRow.vector).where(
                VectorRow.congress_id == congress_id, VectorRow.encoder == encoder
            )
            return dict(session.exec(query).all())

    def unencoded_texts(self, congress_id: int, encoder: str = "use") -> list[str]:
        """What the encoders read of each contribution that has no up-to-date `encoder` vector."""
        stored = self.vectors(congress_id, encoder)
        texts = {encoded_text(row) for row in self.search(congress_id)}
        return sorted(text for text in texts if text_hash(text) not in stored)

    def save_vectors(self, congress_id: int, by_text_hash: dict[str, bytes], encoder: str = "use") -> int:
        """Keep each contribution's vector beside it (those whose text still has that hash);
        a vector of an older version of the text is replaced."""
        if not by_text_hash:
            return 0
        # A classification and an encoding on arrival may save the same vectors at once:
        # the loser of the race reads again what the winner stored.
        for attempt in range(3):
            try:
                return self._save_vectors(congress_id, by_text_hash, encoder)
            except IntegrityError:
                if attempt == 2:
                    raise
        return 0

    def _save_vectors(self, congress_id: int, by_text_hash: dict[str, bytes], encoder: str) -> int:
        saved = 0
        with self._session() as session:
            query = select(VectorRow).where(
                VectorRow.congress_id == congress_id, VectorRow.encoder == encoder
            )
            existing = {v.contribution_id: v for v in session.exec(query)}
            rows = session.exec(select(ContributionRow).where(ContributionRow.congress_id == congress_id))
            for row in rows:
                assert row.id is not None
                key = text_hash(encoded_text(row))
                vector = by_text_hash.get(key)
                old = existing.get(row.id)
                if vector is None or (old is not None and old.text_hash == key):
                    continue
                if old is None:
                    old = VectorRow(
                        contribution_id=row.id,
                        congress_id=congress_id,
                        encoder=encoder,
                        text_hash=key,
                        vector=vector,
                    )
                else:
                    old.text_hash, old.vector = key, vector
                session.add(old)
                saved += 1
            session.commit()
        return saved

    # -- axes ------------------------------------------------------------------------

    def congress_axes(self, congress_id: int) -> list[AxisRow]:
        """The axes the organisers wrote, in their order (not the free-text `axis` of contributions)."""
        with self._session() as session:
            query = select(AxisRow).where(AxisRow.congress_id == congress_id)
            return list(session.exec(query.order_by(col(AxisRow.position))))

    def replace_congress_axes(self, congress_id: int, axes: Sequence[tuple[str, str]]) -> list[AxisRow]:
        with self._session() as session:
            for old in session.exec(select(AxisRow).where(AxisRow.congress_id == congress_id)):
                session.delete(old)
            session.flush()
            fresh = [
                AxisRow(congress_id=congress_id, position=position, name=name, description=description)
                for position, (name, description) in enumerate(axes)
            ]
            session.add_all(fresh)
            session.commit()
            for row in fresh:
                session.refresh(row)
            return fresh

    # -- near-duplicates merged --------------------------------------------------------

    def merge_into(self, congress_id: int, keep: str, other: str) -> None:
        """`other` (and whatever was merged into it) becomes part of `keep`, in one transaction."""
        with self._session() as session:
            query = select(ContributionRow).where(
                ContributionRow.congress_id == congress_id,
                or_(col(ContributionRow.key) == other, col(ContributionRow.merged_into) == other),
            )
            for row in session.exec(query):
                row.merged_into = keep
                row.updated_at = time.time()
                session.add(row)
            session.commit()

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
                    label=t.label,
                    axis=t.axis,
                    other=t.other,
                    subthemes=t.subthemes,
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
