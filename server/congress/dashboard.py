"""What the organisers' page shows live of their congress: who is connected now (on site or remote, in
which documents), how many contributions arrived, how many edits the documents took in the last minute.

Polled every few seconds by the page (static/src/organiser/live.js), so each figure is cheap: the
sockets of this process, one COUNT, and the history's in-memory marks of the log (extended with what
was logged since the last call). Edits and contributions come from the database, so they count every
process; who is connected is what this process's sockets know (docs/organisers.md says more).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from server.congress.domain import Identity
from server.congress.views import Here

EDIT_WINDOW = 60.0  # seconds: "edits per minute" counts the updates logged in the last minute


class Connected(Protocol):
    """server/congress/service.py Organising: who is connected to the congress now."""

    def connected(self, me: Identity) -> list[Here]: ...


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
        here = tuple(self.people.connected(me))  # on the loop: the sockets change there
        count = await asyncio.to_thread(self.contributions.count, me.congress_id)
        edits = await self.edits.edits_since(me.congress_slug, now - EDIT_WINDOW)
        return Live(me.phase.value, here, count, edits, now)
