"""What the organisers' page shows live of their congress: who is connected now (on site or remote, in
which documents), how many contributions arrived, how many edits the documents took in the last minute.

Polled every few seconds by the page (static/src/organiser/live.js), so each figure is cheap: who is
connected, from this process's sockets and one read of the other processes' entries in the broker
(server/congress/attendance.py), one COUNT, and the history's in-memory marks of the log (extended
with what was logged since the last call). Every figure counts every process; when the broker cannot
be read, who is connected is this process's people only and says so (`partial`).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from server.congress.attendance import Roll
from server.congress.domain import Identity
from server.congress.views import Here

EDIT_WINDOW = 60.0  # seconds: "edits per minute" counts the updates logged in the last minute


class Connected(Protocol):
    """server/congress/service.py Organising: who is connected to the congress now, on every process."""

    async def connected(self, me: Identity) -> Roll: ...


class ContributionCount(Protocol):
    """server/contributions/store.py ContributionStore (blocking)."""

    def count(self, congress_id: int) -> int: ...


class EditLog(Protocol):
    """server/history/service.py History."""

    async def edits_since(self, slug: str, at: float) -> int: ...


@dataclass(frozen=True, slots=True)
class Live:
    phase: str
    here: tuple[Here, ...]
    contributions: int
    edits_per_minute: int
    at: float  # when these figures were read (unix seconds)
    partial: bool = False  # `here` is this process's people only: the other processes could not be read

    @property
    def on_site(self) -> int:
        return sum(1 for h in self.here if h.site == "on_site")

    @property
    def remote(self) -> int:
        return sum(1 for h in self.here if h.site == "remote")

    def by_role(self, role: str) -> int:
        return sum(1 for h in self.here if h.role == role)


class Dashboard:
    def __init__(
        self,
        people: Connected,
        contributions: ContributionCount,
        edits: EditLog,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.people = people
        self.contributions = contributions
        self.edits = edits
        self.clock = clock

    async def live(self, me: Identity) -> Live:
        now = self.clock()
        # At once: Redis answers while the database counts.
        roll, count, edits = await asyncio.gather(
            self.people.connected(me),
            asyncio.to_thread(self.contributions.count, me.congress_id),
            self.edits.edits_since(me.congress_slug, now - EDIT_WINDOW),
        )
        return Live(me.phase.value, roll.here, count, edits, now, roll.partial)
