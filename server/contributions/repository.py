"""The contributions seam: ideas sent before congress day, their encoder vectors, the organisers' themes.

`server.contributions.store.ContributionStore` keeps them in the SQL database,
`server.contributions.memory.MemoryContributionStore` in memory;
tests/test_contributions_contract.py holds both to the same behaviour.
Blocking calls; rows come back detached.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from server.contributions.models import AxisRow, ContributionRow, ThemeRow, ThemeRunRow
from server.themes.contributions import Contribution, RowProblem, encoder_input


def text_hash(text: str) -> str:
    """The key CachedEncoder files a text's vector under (server/themes/features.py)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def encoded_text(row: ContributionRow) -> str:
    """What the encoders read of a contribution (server/themes/features.py encoder_input)."""
    return encoder_input(row.title, row.text)


class ImportConflict(ValueError):
    """Rows of an import clash with contributions already stored: nothing was imported."""

    def __init__(self, problems: list[RowProblem]) -> None:
        super().__init__(f"{len(problems)} bad row(s), nothing imported")
        self.problems = problems


@dataclass(frozen=True)
class Filter:
    """What an organiser narrows the list to; empty fields match everything."""

    query: str = ""
    axis: str = ""
    author_id: int | None = None
    source: str = ""


EVERYTHING = Filter()


class ContributionRepository(Protocol):
    def add(
        self, congress_id: int, author_id: int, author_name: str, title: str, text: str, axis: str
    ) -> ContributionRow:
        """A contribution written in the browser, under a new random key."""
        ...

    def get(self, congress_id: int, key: str) -> ContributionRow | None: ...

    def update(self, row_id: int, **fields: str) -> ContributionRow:
        """Change fields; a changed text forgets its vector (it is encoded again on the next run)."""
        ...

    def delete(self, row_id: int) -> None: ...

    def search(self, congress_id: int, where: Filter = EVERYTHING) -> list[ContributionRow]:
        """In the order they were sent (creation time, then id)."""
        ...

    def by_keys(self, congress_id: int, keys: Sequence[str]) -> list[ContributionRow]: ...

    def axes(self, congress_id: int) -> list[str]: ...

    def count(self, congress_id: int) -> int:
        """How many contributions the congress holds."""
        ...

    def surface(self, congress_id: int, keys: Sequence[str]) -> int:
        """Mark these contributions as placed in the mind map by an organiser; how many changed."""
        ...

    def import_all(
        self,
        congress_id: int,
        contributions: Sequence[Contribution],
        progress: Callable[[int, int], None] | None = None,
        batch: int = 500,
    ) -> int:
        """Every contribution or none: ImportConflict when a key is already in the congress."""
        ...

    def vectors(self, congress_id: int, encoder: str = "use") -> dict[str, bytes]:
        """Text hash → `encoder`'s vector (float32 bytes), for every contribution whose vector is stored."""
        ...

    def unencoded_texts(self, congress_id: int, encoder: str = "use") -> list[str]:
        """What the encoders read of each contribution that has no up-to-date `encoder` vector."""
        ...

    def save_vectors(self, congress_id: int, by_text_hash: dict[str, bytes], encoder: str = "use") -> int:
        """Keep each contribution's vector (of its current text) beside it; an older one is replaced."""
        ...

    def congress_axes(self, congress_id: int) -> list[AxisRow]:
        """The axes the organisers wrote, in their order."""
        ...

    def replace_congress_axes(self, congress_id: int, axes: Sequence[tuple[str, str]]) -> list[AxisRow]:
        """(name, description) pairs, in order, replacing the congress's axes."""
        ...

    def merge_into(self, congress_id: int, keep: str, other: str) -> None:
        """`other` (and whatever was merged into it) becomes part of `keep`."""
        ...

    def themes(self, congress_id: int) -> list[ThemeRow]: ...

    def run_info(self, congress_id: int) -> ThemeRunRow | None: ...

    def replace_themes(
        self, congress_id: int, themes: Sequence[ThemeRow], run: ThemeRunRow | None
    ) -> list[ThemeRow]: ...
