"""Pen mode: for the final reading only the organisers and the people they name write the motion.

Everyone else's motion sockets turn read-only with the reason "pen" (the path
of `published` and `observer`: server/congress/domain.py read_only_reason,
server/auth/sockets.py), on every process at once: the process that changes it
re-reads its own sockets and tells the others through the broker, as a phase
change does (docs/congress-day.md). The mind map stays open to all. Whoever may
write again is told so. The state is on the congress and its people's rows,
so every identity read from the database carries it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Protocol

from server.congress.domain import DomainError, Identity, Role
from server.decisions.context import Context, pen_of
from server.decisions.errors import UnknownPerson
from server.decisions.live import LiveDecisions, pen_entry
from server.decisions.views import Pen
from server.errors import OrganisersOnly


class Sockets(Protocol):
    """server/auth/sockets.py SocketRegistry: re-read who may write, here and on every process."""

    async def refresh_congress_now(self, congress_id: int) -> None: ...


class PenService:
    def __init__(self, context: Context, live: LiveDecisions, sockets: Sockets | None = None) -> None:
        self.context = context
        self.directory = context.directory
        self.live = live
        self.sockets = sockets

    async def show(self, me: Identity) -> Pen:
        return await self.context.pen(me.congress_id)

    async def set(self, me: Identity, on: bool, holders: Sequence[int]) -> Pen:
        if not me.is_organiser:
            raise OrganisersOnly()
        people = await asyncio.to_thread(self.directory.participants, me.congress_id)
        may_hold = {p.id for p in people if p.revoked_at is None and p.role != Role.OBSERVER.value}
        if unknown := sorted(set(holders) - may_hold):
            raise UnknownPerson(f"no participant or organiser {unknown[0]} here to give a pen to")
        try:
            congress, rows = await asyncio.to_thread(self.directory.set_pen, me.congress_id, on, holders)
        except DomainError as exc:  # revoked meanwhile
            raise UnknownPerson(str(exc)) from exc
        pen = pen_of(congress, rows)
        if self.sockets is not None:
            await self.sockets.refresh_congress_now(me.congress_id)
        await self.live.publish(me.congress_slug, [pen_entry(pen)])
        return pen
