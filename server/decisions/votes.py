"""Votes: opened by an organiser, one ballot per person, closed by an organiser or by the clock.

The database is the authority (server/decisions/repository.py): a ballot is
counted by the transaction that records it, or refused (closed, past its
time, already cast); a vote closes once whichever process asks first, and
that process alone draws the consequences: a motion adopted names the version
"Texte adopté — adopté par N voix contre M, K abstentions" at the position of
the close, an amendment adopted is accepted (applied as its author's edit),
otherwise rejected. A secret vote keeps who voted and its counts, never who
chose what, and nothing logged here names a choice with a person.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from server.congress.domain import Identity
from server.decisions.amendments import AmendmentService
from server.decisions.context import Context, may_write
from server.decisions.errors import NotOpen, Outdated, UnknownAmendment, UnknownVote, VoteClosed
from server.decisions.live import LiveDecisions, amendment_entry, tally_entry, vote_entry
from server.decisions.models import VoteRow
from server.decisions.views import Amendment, Vote
from server.decisions.wording import adopted_version_name, result_sentence
from server.errors import OrganisersOnly
from server.history import History

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Opening:
    """A vote an organiser opens, already bounded by the edge (server/routes/decisions.py)."""

    subject_kind: str  # amendment, proposal, axis, motion
    subject_ref: str
    title: str
    secret: bool
    duration_s: int | None


@dataclass(frozen=True, slots=True)
class Seen:
    """A vote and the asker's own part in it."""

    vote: Vote
    my_choice: str | None


class VoteService:
    def __init__(
        self, context: Context, amendments: AmendmentService, history: History, live: LiveDecisions
    ) -> None:
        self.context = context
        self.repository = context.repository
        self.amendments = amendments
        self.history = history
        self.live = live
        # Told of every vote opened here with a closing time (server/decisions/closer.py).
        self.on_timed: Callable[[str, Vote], None] | None = None
        self.closed_here = 0

    # -- reading ------------------------------------------------------------------------

    async def list(self, me: Identity) -> list[Seen]:
        rows = await asyncio.to_thread(self.repository.votes, me.congress_id)
        return [await self._seen(me, await self._current(me.congress_slug, row)) for row in rows]

    async def get(self, me: Identity, vote_id: int) -> Seen:
        return await self._seen(me, await self._row(me, vote_id))

    # -- what organisers do ---------------------------------------------------------------

    async def open(self, me: Identity, opening: Opening) -> Vote:
        _organiser(me)
        may_write(me)
        amendment = None
        if opening.subject_kind == "amendment":
            if not opening.subject_ref.isdigit():
                raise UnknownAmendment()
            amendment = await self.context.amendment(me, int(opening.subject_ref))
            if amendment.status != "open":
                raise NotOpen("this amendment was already decided or withdrawn")
        now = time.time()
        row = VoteRow(
            congress_id=me.congress_id,
            subject_kind=opening.subject_kind,
            subject_ref=opening.subject_ref,
            title=opening.title,
            secret=opening.secret,
            opened_by=me.participant_id,
            opened_at=now,
            closes_at=now + opening.duration_s if opening.duration_s else None,
            eligible=await self.context.voters(me.congress_id),
        )
        stored = await asyncio.to_thread(self.repository.open_vote, row)
        view = Vote.of(stored)
        await self.live.publish(me.congress_slug, [vote_entry(view)])
        if amendment is not None and amendment.id is not None:
            linked = await asyncio.to_thread(
                self.repository.change_amendment, amendment.id, "open", vote_id=view.id
            )
            if linked is not None:
                people = await self.context.people(me.congress_id)
                await self.live.publish(me.congress_slug, [amendment_entry(Amendment.of(linked, people))])
        if view.closes_at is not None and self.on_timed is not None:
            self.on_timed(me.congress_slug, view)
        log.info("vote %d opened in %s (%s, %s)", view.id, me.congress_slug, view.subject_kind, _kind(view))
        return view

    async def close(self, me: Identity, vote_id: int) -> Vote:
        _organiser(me)
        row = await self._row(me, vote_id)
        if row.status == "open":
            row = await self.close_now(me.congress_slug, row)
        return Vote.of(row)

    async def show(self, me: Identity, vote_id: int, shown: bool) -> Vote:
        _organiser(me)
        await self._row(me, vote_id)
        row = await asyncio.to_thread(self.repository.show_vote, vote_id, shown)
        assert row is not None
        view = Vote.of(row)
        await self.live.publish(me.congress_slug, [vote_entry(view)])
        return view

    # -- what everyone who votes does -------------------------------------------------------

    async def ballot(self, me: Identity, vote_id: int, choice: str) -> None:
        """One statement decides (server/decisions/repository.py cast): a vote of another congress is
        not found, a closed one or one past its time counts nothing."""
        may_write(me)
        now = time.time()
        try:
            await asyncio.to_thread(
                self.repository.cast, vote_id, me.participant_id, choice, now, me.congress_id
            )
        except VoteClosed:
            await self._row(me, vote_id)  # its time ran out: whoever comes first closes it
            raise
        self.live.ballot_taken(me.congress_slug, vote_id)

    # -- closing -----------------------------------------------------------------------------

    async def close_now(self, slug: str, row: VoteRow) -> VoteRow:
        """Close an open vote; the process whose close the database took draws its consequences."""
        assert row.id is not None
        position = await self.history.latest(slug)  # flushed: the text as it is at the close
        closed = await asyncio.to_thread(self.repository.close_vote, row.id, time.time(), position)
        if closed is None:  # another process (or request) closed it first
            again = await asyncio.to_thread(self.repository.vote, row.id)
            assert again is not None
            return again
        self.closed_here += 1
        await self._settle(slug, Vote.of(closed))
        return closed

    async def _settle(self, slug: str, vote: Vote) -> None:
        await self.live.publish(slug, [vote_entry(vote)])
        await self.live.publish(slug, [tally_entry(vote, self.live.node)], "tally")
        result = vote.result or "tied"
        log.info("vote %d in %s closed: %s, %d cast of %d", vote.id, slug, result, vote.cast, vote.eligible)
        opener = vote.opened_by
        if vote.subject_kind == "motion" and result == "adopted":
            await self.history.name_version(
                slug, adopted_version_name(vote.counts), f"participant:{opener}", vote.position
            )
        elif vote.subject_kind == "amendment" and vote.subject_ref.isdigit():
            row = await asyncio.to_thread(self.repository.amendment, int(vote.subject_ref))
            if row is None or row.status != "open":
                return
            sentence = result_sentence(result, vote.counts, "fr")
            try:
                if result == "adopted":
                    await self.amendments.apply(slug, row, opener, sentence)
                else:
                    await self.amendments.refuse(slug, row.id or 0, opener, sentence)
            except Outdated:
                log.warning("vote %d adopted amendment %s, whose passage was rewritten", vote.id, row.id)
            except NotOpen:
                pass  # decided meanwhile by an organiser

    # -- internals -----------------------------------------------------------------------------

    async def _row(self, me: Identity, vote_id: int) -> VoteRow:
        """A vote of the asker's congress (another congress's is not found), closed if its time ran out."""
        row = await asyncio.to_thread(self.repository.vote, vote_id)
        if row is None or row.congress_id != me.congress_id:
            raise UnknownVote()
        return await self._current(me.congress_slug, row)

    async def _current(self, slug: str, row: VoteRow) -> VoteRow:
        if row.status == "open" and row.closes_at is not None and row.closes_at <= time.time():
            return await self.close_now(slug, row)
        return row

    async def _seen(self, me: Identity, row: VoteRow) -> Seen:
        assert row.id is not None
        choice = await asyncio.to_thread(self.repository.choice_of, row.id, me.participant_id)
        return Seen(Vote.of(row), choice)


def _organiser(me: Identity) -> None:
    if not me.is_organiser:
        raise OrganisersOnly()


def _kind(vote: Vote) -> str:
    return "secret" if vote.secret else "named"
