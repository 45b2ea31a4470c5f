"""Named versions and cached authorship in memory: server.history.repository's contract, for tests."""

from __future__ import annotations

import copy
import itertools
import time
from typing import Any

from server.history.models import VersionRow


class MemoryHistoryRecords:
    def __init__(self) -> None:
        self._versions: dict[int, VersionRow] = {}
        self._runs: dict[tuple[str, int], list[list[Any]]] = {}
        self._ids = itertools.count(1)

    def add_version(
        self, congress_id: int, name: str, position: int, created_by: str, created_at: float | None = None
    ) -> VersionRow:
        row = VersionRow(
            id=next(self._ids),
            congress_id=congress_id,
            name=name,
            position=position,
            created_by=created_by,
            created_at=time.time() if created_at is None else created_at,
        )
        self._versions[row.id or 0] = row
        return row.model_copy()

    def versions(self, congress_id: int) -> list[VersionRow]:
        found = [v for v in self._versions.values() if v.congress_id == congress_id]
        return [v.model_copy() for v in sorted(found, key=lambda v: (v.position, v.id or 0))]

    def version(self, version_id: int) -> VersionRow | None:
        found = self._versions.get(version_id)
        return found.model_copy() if found else None

    def attribution_positions(self, room: str) -> list[int]:
        return sorted(at for r, at in self._runs if r == room)

    def attribution(self, room: str, upto_id: int) -> list[list[Any]]:
        return copy.deepcopy(self._runs.get((room, upto_id), []))

    def save_attributions(self, room: str, runs_at: list[tuple[int, list[list[Any]]]]) -> None:
        for upto_id, runs in runs_at:
            self._runs.setdefault((room, upto_id), copy.deepcopy(runs))
