"""Amendments: proposed on a passage of the motion, supported, withdrawn, accepted or rejected.

The server checks a proposal against its own copy of the motion (the passage
between the anchors must read what the browser saw), and an acceptance
against the text as it is at that moment: an amendment whose passage has
been rewritten since is marked outdated, never applied to the wrong words.
An accepted amendment becomes an edit of the motion by its author (the log
records `participant:{author}`), made through the room like any keystroke.
Which process decides is the database's business: an amendment leaves
`open` once (server/decisions/repository.py).
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass

from crdt.anchors import Resolver
from server.congress.domain import Identity, room_name
from server.decisions.anchors import Located, axis_proposals, insertion, locate, replacement
from server.decisions.context import Context, may_write
from server.decisions.errors import (
    AnchorUnknown,
    BadAnchor,
    Invalid,
    NotOpen,
    NotYours,
    Outdated,
    OwnAmendment,
    PassageChanged,
)
from server.decisions.live import LiveDecisions, amendment_entry
from server.decisions.models import AmendmentRow
from server.decisions.views import Amendment, Amendments
from server.errors import OrganisersOnly
from server.history import History
from server.realtime.extension import Origin, OriginKind
from server.realtime.room import Room
from server.realtime.rooms import RoomManager

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Proposal:
    """What a member proposes, already bounded by the edge (server/routes/decisions.py)."""

    kind: str  # "replace" or "insert"
    start: str  # base64 relative positions
    end: str
    expected: str
    text: str
    reason: str
    axis: str


class AmendmentService:
    def __init__(self, context: Context, rooms: RoomManager, history: History, live: LiveDecisions) -> None:
        self.context = context
        self.repository = context.repository
        self.rooms = rooms
        self.history = history
        self.live = live

    async def list(self, me: Identity) -> Amendments:
        rows = await asyncio.to_thread(self.repository.amendments, me.congress_id)
        people = await self.context.people(me.congress_id)
        mine = await asyncio.to_thread(self.repository.supported_by, me.congress_id, me.participant_id)
        pen = await self.context.pen(me.congress_id)
        return Amendments(tuple(Amendment.of(row, people) for row in rows), frozenset(mine), pen)

    async def supports(self, me: Identity) -> set[int]:
        """The amendments the asker backs."""
        return await asyncio.to_thread(self.repository.supported_by, me.congress_id, me.participant_id)

    async def propose(self, me: Identity, proposal: Proposal) -> Amendment:
        may_write(me)
        room = await self._motion(me.congress_slug)
        where = locate(room.doc, proposal.start, proposal.end)
        if proposal.kind == "insert":
            if axis_proposals(where.markdown, proposal.axis) is None:
                raise Invalid(f"no axis titled {proposal.axis!r} in the motion", "axis", "rule_axis")
            if where.text:
                raise Invalid(
                    "a new proposal goes at one point: the two anchors must meet", "end", "rule_meet"
                )
        elif where.text != proposal.expected:
            raise PassageChanged("the passage no longer reads what you selected")
        elif proposal.text == proposal.expected:
            raise Invalid("the new wording is the same as the passage", "text", "rule_differs")
        row = AmendmentRow(
            congress_id=me.congress_id,
            author_id=me.participant_id,
            kind=proposal.kind,
            original=where.text,
            text=proposal.text,
            reason=proposal.reason,
            axis=proposal.axis,
            anchor_start=proposal.start,
            anchor_end=proposal.end,
            created_at=time.time(),
        )
        stored = await asyncio.to_thread(self.repository.add_amendment, row)
        return await self._published(me.congress_slug, stored)

    async def support(self, me: Identity, amendment_id: int, on: bool) -> tuple[Amendment, bool]:
        """Back an amendment (or stop); returns it with whether the asker backs it now."""
        may_write(me)
        row = await self.context.amendment(me, amendment_id)
        if row.author_id == me.participant_id:
            raise OwnAmendment("your own amendment is yours already")
        changed = await asyncio.to_thread(self.repository.support, amendment_id, me.participant_id, on)
        if changed is None:
            raise NotOpen("this amendment is no longer open")
        return await self._published(me.congress_slug, changed), on

    async def withdraw(self, me: Identity, amendment_id: int) -> Amendment:
        row = await self.context.amendment(me, amendment_id)
        if row.author_id != me.participant_id:
            raise NotYours("only its author withdraws an amendment")
        changed = await asyncio.to_thread(
            self.repository.change_amendment, amendment_id, "open", status="withdrawn", decided_at=time.time()
        )
        if changed is None:
            raise NotOpen("this amendment is no longer open")
        return await self._published(me.congress_slug, changed)

    async def accept(self, me: Identity, amendment_id: int) -> Amendment:
        _organiser(me)
        may_write(me)
        row = await self.context.amendment(me, amendment_id)
        return await self.apply(me.congress_slug, row, me.participant_id, "")

    async def reject(self, me: Identity, amendment_id: int, reason: str) -> Amendment:
        _organiser(me)
        await self.context.amendment(me, amendment_id)
        return await self.refuse(me.congress_slug, amendment_id, me.participant_id, reason)

    # -- deciding (the organisers' routes, and closing a vote on an amendment) ------------------

    async def apply(self, slug: str, row: AmendmentRow, decided_by: int, reason: str) -> Amendment:
        """Accept an open amendment: its edit goes into the motion as its author's, once."""
        assert row.id is not None
        if row.status != "open":
            raise NotOpen("this amendment is no longer open")
        room = await self._motion(slug)
        if self._edit(room, row) is None:  # a first look: nothing to claim if it cannot apply
            await self.mark_outdated(slug, row.id, True)
            raise Outdated("the passage was rewritten since this amendment was proposed")
        before = await self.history.latest(slug)
        claimed = await asyncio.to_thread(
            self.repository.change_amendment,
            row.id,
            "open",
            status="accepted",
            outdated=False,
            decided_at=time.time(),
            decided_by=decided_by,
            decision_reason=reason,
        )
        if claimed is None:
            raise NotOpen("this amendment was decided meanwhile")
        # Computed again on the text as it is now (others typed while the claim was stored),
        # and applied in the same step: no await between reading the passage and the edit.
        edit = self._edit(room, row)
        if edit is None:
            reopened = await asyncio.to_thread(
                self.repository.change_amendment,
                row.id,
                "accepted",
                status="open",
                outdated=True,
                decided_at=None,
                decided_by=None,
                decision_reason="",
            )
            if reopened is not None:
                await self._published(slug, reopened)
            raise Outdated("the passage was rewritten while this amendment was being accepted")
        author = f"participant:{row.author_id}"
        if edit:
            room.apply_update(edit, Origin(OriginKind.LOCAL, author))
        marks = await self.history.marks(slug)  # flushed: the edit is in the log now
        position = next((m.id for m in marks["motion"].after(before) if m.author == author), None)
        placed = await asyncio.to_thread(
            self.repository.change_amendment, row.id, "accepted", position=position
        )
        log.info("amendment %d accepted in %s, applied at position %s as %s", row.id, slug, position, author)
        return await self._published(slug, placed or claimed)

    async def refuse(self, slug: str, amendment_id: int, decided_by: int, reason: str) -> Amendment:
        changed = await asyncio.to_thread(
            self.repository.change_amendment,
            amendment_id,
            "open",
            status="rejected",
            decided_at=time.time(),
            decided_by=decided_by,
            decision_reason=reason,
        )
        if changed is None:
            raise NotOpen("this amendment is no longer open")
        return await self._published(slug, changed)

    async def mark_outdated(self, slug: str, amendment_id: int, outdated: bool) -> Amendment | None:
        changed = await asyncio.to_thread(self.repository.set_outdated, amendment_id, outdated)
        return await self._published(slug, changed) if changed else None

    async def check_passages(self, slug: str) -> int:
        """Mark outdated the open amendments whose passage no longer reads their original (and
        not outdated those that read it again); returns how many changed. The motion is read
        where it is loaded: the process whose people typed looks (server/decisions/watch.py)."""
        room = self.rooms.find(room_name(slug, "motion"))
        congress = await asyncio.to_thread(self.context.directory.congress, slug)
        if room is None or congress is None or congress.id is None:
            return 0
        rows = [
            r for r in await asyncio.to_thread(self.repository.amendments, congress.id) if r.status == "open"
        ]
        if not rows:
            return 0
        resolver = Resolver(room.doc)  # one look at the text for all of them, no await until done
        verdicts = []
        for row in rows:
            try:
                reads = _reads(locate(room.doc, row.anchor_start, row.anchor_end, resolver), row)
            except (AnchorUnknown, BadAnchor):
                continue  # not resolvable here now: leave it as it is
            if reads == row.outdated:
                verdicts.append((row.id or 0, not reads))
        changed = 0
        for amendment_id, outdated in verdicts:
            changed += await self.mark_outdated(slug, amendment_id, outdated) is not None
        return changed

    # -- internals -----------------------------------------------------------------------------

    def _edit(self, room: Room, row: AmendmentRow) -> bytes | None:
        """The edit applying `row` to the live motion: None if its passage changed, b"" if there is
        nothing to change."""
        where = locate(room.doc, row.anchor_start, row.anchor_end)
        if not _reads(where, row):
            return None
        if row.kind == "insert":
            return insertion(room.doc, where, row.axis, row.text) or b""
        return replacement(room.doc, where, row.text) or b""

    async def _motion(self, slug: str) -> Room:
        return await self.rooms.get(room_name(slug, "motion"))

    async def _published(self, slug: str, row: AmendmentRow) -> Amendment:
        """The amendment as stored, written to the live room too."""
        view = Amendment.of(row, await self.context.people(row.congress_id))
        await self.live.publish(slug, [amendment_entry(view)])
        return view


def _reads(where: Located, row: AmendmentRow) -> bool:
    if row.kind == "insert":
        return not where.text and axis_proposals(where.markdown, row.axis) is not None
    return where.text == row.original


def _organiser(me: Identity) -> None:
    if not me.is_organiser:
        raise OrganisersOnly()
