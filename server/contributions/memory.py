"""Contributions and themes in memory: the contract of server.contributions.repository, for tests.

Text matching lower-cases like SQL's `lower()`; SQLite's lower-cases ASCII
only, so a search for "école" does not find "École" there (PostgreSQL and this
twin do): the contract tests keep to what all three agree on.
"""

from __future__ import annotations

import itertools
import secrets
import time
from collections.abc import Callable, Sequence

from server.contributions.models import AxisRow, ContributionRow, ThemeRow, ThemeRunRow
from server.contributions.repository import EVERYTHING, Filter, ImportConflict, encoded_text, text_hash
from server.themes.contributions import Contribution, RowProblem


class MemoryContributionStore:
    def __init__(self) -> None:
        self._rows: dict[int, ContributionRow] = {}
        self._themes: dict[int, list[ThemeRow]] = {}
        self._runs: dict[int, ThemeRunRow] = {}
        self._axes: dict[int, list[AxisRow]] = {}
        # (contribution id, encoder) → (text hash, vector): a changed text no longer matches its hash.
        self._vectors: dict[tuple[int, str], tuple[str, bytes]] = {}
        self._ids = itertools.count(1)

    def _store(self, row: ContributionRow) -> ContributionRow:
        row.id = next(self._ids)
        self._rows[row.id] = row
        return row.model_copy()

    def add(
        self, congress_id: int, author_id: int, author_name: str, title: str, text: str, axis: str
    ) -> ContributionRow:
        now = time.time()
        return self._store(
            ContributionRow(
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
        )

    def _of(self, congress_id: int) -> list[ContributionRow]:
        rows = [r for r in self._rows.values() if r.congress_id == congress_id]
        return sorted(rows, key=lambda r: (r.created_at, r.id or 0))

    def get(self, congress_id: int, key: str) -> ContributionRow | None:
        found = next((r for r in self._of(congress_id) if r.key == key), None)
        return found.model_copy() if found else None

    def update(self, row_id: int, **fields: str) -> ContributionRow:
        row = self._rows[row_id]
        for name, value in fields.items():
            setattr(row, name, value)
        row.updated_at = time.time()
        return row.model_copy()

    def delete(self, row_id: int) -> None:
        self._rows.pop(row_id, None)
        for key in [key for key in self._vectors if key[0] == row_id]:
            del self._vectors[key]

    def search(self, congress_id: int, where: Filter = EVERYTHING) -> list[ContributionRow]:
        def matches(row: ContributionRow) -> bool:
            if where.author_id is not None and row.author_id != where.author_id:
                return False
            if where.axis and row.axis.lower() != where.axis.casefold():
                return False
            if where.source and row.source != where.source:
                return False
            for word in where.query.split():
                wanted = word.casefold()
                fields = (row.title.lower(), row.text.lower(), row.author_name.lower())
                if not any(wanted in field for field in fields) and row.key.lower() != wanted:
                    return False
            return True

        return [row.model_copy() for row in self._of(congress_id) if matches(row)]

    def by_keys(self, congress_id: int, keys: Sequence[str]) -> list[ContributionRow]:
        wanted = set(keys)
        return [r.model_copy() for r in self._of(congress_id) if r.key in wanted]

    def surface(self, congress_id: int, keys: Sequence[str]) -> int:
        wanted, changed = set(keys), 0
        for row in self._of(congress_id):
            if row.key in wanted and not row.surfaced:
                row.surfaced = True
                changed += 1
        return changed

    def count(self, congress_id: int) -> int:
        return len(self._of(congress_id))

    def axes(self, congress_id: int) -> list[str]:
        return sorted({r.axis for r in self._of(congress_id) if r.axis}, key=str.casefold)

    def import_all(
        self,
        congress_id: int,
        contributions: Sequence[Contribution],
        progress: Callable[[int, int], None] | None = None,
        batch: int = 500,
    ) -> int:
        taken = {r.key for r in self._of(congress_id)}
        clashes = [
            RowProblem(position, f"id {c.id!r} is already in this congress")
            for position, c in enumerate(contributions, 1)
            if c.id in taken
        ]
        if clashes:
            raise ImportConflict(clashes)
        now = time.time()
        for start in range(0, len(contributions), batch):
            for c in contributions[start : start + batch]:
                self._store(
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
                )
            if progress is not None:
                progress(min(start + batch, len(contributions)), len(contributions))
        return len(contributions)

    def vectors(self, congress_id: int, encoder: str = "use") -> dict[str, bytes]:
        ids = {r.id for r in self._of(congress_id)}
        return dict(v for (row_id, name), v in self._vectors.items() if row_id in ids and name == encoder)

    def unencoded_texts(self, congress_id: int, encoder: str = "use") -> list[str]:
        stored = self.vectors(congress_id, encoder)
        return sorted({t for t in map(encoded_text, self._of(congress_id)) if text_hash(t) not in stored})

    def save_vectors(self, congress_id: int, by_text_hash: dict[str, bytes], encoder: str = "use") -> int:
        saved = 0
        for row in self._of(congress_id):
            assert row.id is not None
            key = text_hash(encoded_text(row))
            vector = by_text_hash.get(key)
            old = self._vectors.get((row.id, encoder))
            if vector is None or (old is not None and old[0] == key):
                continue
            self._vectors[(row.id, encoder)] = (key, vector)
            saved += 1
        return saved

    def congress_axes(self, congress_id: int) -> list[AxisRow]:
        return [a.model_copy() for a in self._axes.get(congress_id, [])]

    def replace_congress_axes(self, congress_id: int, axes: Sequence[tuple[str, str]]) -> list[AxisRow]:
        self._axes[congress_id] = [
            AxisRow(id=next(self._ids), congress_id=congress_id, position=at, name=name, description=text)
            for at, (name, text) in enumerate(axes)
        ]
        return self.congress_axes(congress_id)

    def merge_into(self, congress_id: int, keep: str, other: str) -> None:
        for row in self._of(congress_id):
            if row.key == other or row.merged_into == other:
                row.merged_into = keep
                row.updated_at = time.time()

    def themes(self, congress_id: int) -> list[ThemeRow]:
        return [t.model_copy() for t in self._themes.get(congress_id, [])]

    def run_info(self, congress_id: int) -> ThemeRunRow | None:
        run = self._runs.get(congress_id)
        return run.model_copy() if run else None

    def replace_themes(
        self, congress_id: int, themes: Sequence[ThemeRow], run: ThemeRunRow | None
    ) -> list[ThemeRow]:
        fresh = [
            ThemeRow(
                id=next(self._ids),
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
        self._themes[congress_id] = fresh
        if run is not None:
            self._runs[congress_id] = run.model_copy()
        return [t.model_copy() for t in fresh]
