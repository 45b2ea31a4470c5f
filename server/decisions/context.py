"""What every decision service reads about a congress: its row, its people's names, who may vote, the pen.

Blocking reads run in worker threads here, so the services above stay async
and the routes never touch the database.
"""

from __future__ import annotations

import asyncio

from server.congress.directory import Directory
from server.congress.domain import Identity, Phase, Role
from server.congress.models import CongressRow, ParticipantRow
from server.decisions.errors import Frozen, ObserverRefused, UnknownAmendment
from server.decisions.live import Entry, amendment_entry, pen_entry, vote_entry
from server.decisions.models import AmendmentRow
from server.decisions.repository import DecisionsRepository
from server.decisions.views import Amendment, Pen, PersonRef, Vote


def may_write(me: Identity) -> None:
    """Proposing, supporting, voting: what observers do not do, and nobody once published."""
    if me.role is Role.OBSERVER:
        raise ObserverRefused()
    if me.phase is Phase.PUBLISHED:
        raise Frozen()


def pen_of(congress: CongressRow, holders: list[ParticipantRow]) -> Pen:
    return Pen(congress.pen_on, tuple(PersonRef(h.id or 0, h.name) for h in holders), congress.pen_version)


class Context:
    def __init__(self, repository: DecisionsRepository, directory: Directory) -> None:
        self.repository = repository
        self.directory = directory

    async def people(self, congress_id: int) -> dict[int, str]:
        """Everyone of the congress by id, revoked people too (they may have proposed or decided)."""
        rows = await asyncio.to_thread(self.directory.participants, congress_id)
        return {p.id: p.name for p in rows if p.id is not None}

    async def voters(self, congress_id: int) -> int:
        """How many may vote now: participants and organisers not revoked (never observers)."""
        rows = await asyncio.to_thread(self.directory.participants, congress_id)
        return sum(1 for p in rows if p.revoked_at is None and p.role != Role.OBSERVER.value)

    async def pen(self, congress_id: int) -> Pen:
        def read() -> Pen:
            congress = self.directory.congress_by_id(congress_id)
            assert congress is not None
            people = self.directory.participants(congress_id)
            return pen_of(congress, [p for p in people if p.pen_holder])

        return await asyncio.to_thread(read)

    async def amendment(self, me: Identity, amendment_id: int) -> AmendmentRow:
        """An amendment of the asker's congress, or UnknownAmendment (another congress's too)."""
        row = await asyncio.to_thread(self.repository.amendment, amendment_id)
        if row is None or row.congress_id != me.congress_id:
            raise UnknownAmendment()
        return row

    async def entries(self, slug: str) -> list[Entry]:
        """Every entry of the congress's live room, as the database holds them now."""
        congress = await asyncio.to_thread(self.directory.congress, slug)
        if congress is None or congress.id is None:
            return []
        people = await self.people(congress.id)
        amendments = await asyncio.to_thread(self.repository.amendments, congress.id)
        votes = await asyncio.to_thread(self.repository.votes, congress.id)
        return [
            *(amendment_entry(Amendment.of(row, people)) for row in amendments),
            *(vote_entry(Vote.of(row)) for row in votes),
            pen_entry(await self.pen(congress.id)),
        ]
