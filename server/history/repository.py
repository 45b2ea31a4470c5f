"""The history records seam: named versions, and authorship runs cached at checkpoint positions.

`server.history.records.HistoryRecords` keeps them in the SQL database,
`server.history.memory.MemoryHistoryRecords` in memory;
tests/test_history_records_contract.py holds both to the same behaviour.
Blocking calls (the history service runs them in worker threads).
"""

from __future__ import annotations

from typing import Any, Protocol

from server.history.models import VersionRow


class HistoryRepository(Protocol):
    def add_version(
        self, congress_id: int, name: str, position: int, created_by: str, created_at: float | None = None
    ) -> VersionRow:
        """Name a log position (`created_at`: now, unless an archive brings the original time)."""
        ...

    def versions(self, congress_id: int) -> list[VersionRow]:
        """By position, then id."""
        ...

    def version(self, version_id: int) -> VersionRow | None: ...

    def attribution_positions(self, room: str) -> list[int]: ...

    def attribution(self, room: str, upto_id: int) -> list[list[Any]]:
        """The runs [[author, utf-8 length], ...] cached at `upto_id`, or [] if none are."""
        ...

    def save_attributions(self, room: str, runs_at: list[tuple[int, list[list[Any]]]]) -> None:
        """Cache runs at positions; a position already cached keeps its runs (they are the same)."""
        ...
