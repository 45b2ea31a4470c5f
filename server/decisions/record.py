"""The decisions as the record tells them: events of the history, results of the published text.

The history's timeline shows every closed vote and every amendment decided or
withdrawn, with when, where in the log and by whom; the published page and the
exports carry the results of the votes closed up to their version, in words
("Adoption de la motion : adopté par 87 voix contre 12, 5 abstentions").
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

from server.decisions.context import Context
from server.decisions.views import Amendment, Vote
from server.decisions.wording import AREA, result_sentence
from server.words import word

QUOTED = 80  # characters of an amendment's wording quoted in an event


@dataclass(frozen=True, slots=True)
class Event:
    kind: str  # "vote" or "amendment"
    at: float
    position: int | None  # where in the log (a vote's close, an accepted amendment's edit)
    subject: str  # "Vote « Adoption de la motion »", "Amendement d'Aline : « … »"
    outcome: str  # "adopté par 87 voix contre 12, 5 abstentions", "accepté"
    by: str  # who decided (the organiser, or the vote's opener), "" if nobody

    def json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "at": self.at,
            "position": self.position,
            "subject": self.subject,
            "outcome": self.outcome,
            "by": self.by,
        }


def vote_result(vote: Vote, lang: str) -> str:
    """ "Adoption de la motion : adopté par 2 voix contre 1, 0 abstention (scrutin secret)"."""
    sentence = result_sentence(vote.result or "tied", vote.counts, lang)
    secret = f" ({word('secret_ballot', lang, AREA)})" if vote.secret else ""
    return f"{vote.title}{word('colon', lang, AREA)}{sentence}{secret}"


class Record:
    def __init__(self, context: Context) -> None:
        self.context = context
        self.repository = context.repository

    async def events(self, congress_id: int, lang: str) -> list[Event]:
        """Closed votes and decided amendments, in the order they happened."""
        people = await self.context.people(congress_id)
        votes = await asyncio.to_thread(self.repository.votes, congress_id)
        amendments = await asyncio.to_thread(self.repository.amendments, congress_id)
        found = [_vote_event(Vote.of(row), people, lang) for row in votes if row.status == "closed"]
        found += [
            _amendment_event(Amendment.of(row, people), lang)
            for row in amendments
            if row.status != "open" and row.decided_at is not None
        ]
        return sorted(found, key=lambda event: event.at)

    async def results(self, congress_id: int, position: int | None, lang: str) -> tuple[str, ...]:
        """The results of the votes closed up to log position `position` (None: all of them)."""
        votes = [Vote.of(row) for row in await asyncio.to_thread(self.repository.votes, congress_id)]
        closed = [
            v
            for v in votes
            if not v.is_open and (position is None or v.position is None or v.position <= position)
        ]
        return tuple(vote_result(v, lang) for v in sorted(closed, key=lambda v: v.closed_at or 0))


def _vote_event(vote: Vote, people: dict[int, str], lang: str) -> Event:
    secret = f" ({word('secret_ballot', lang, AREA)})" if vote.secret else ""
    return Event(
        "vote",
        vote.closed_at or vote.opened_at,
        vote.position,
        word("event_vote", lang, AREA, title=vote.title),
        result_sentence(vote.result or "tied", vote.counts, lang) + secret,
        people.get(vote.opened_by, ""),
    )


def _amendment_event(amendment: Amendment, lang: str) -> Event:
    wording = amendment.text if len(amendment.text) <= QUOTED else amendment.text[: QUOTED - 1] + "…"
    outcome = word(f"status_{amendment.status}", lang, AREA)
    if amendment.decision_reason:
        outcome += f" — {amendment.decision_reason}"
    return Event(
        "amendment",
        amendment.decided_at or amendment.created_at,
        amendment.position,
        word("event_amendment", lang, AREA, author=amendment.author.name, text=wording),
        outcome,
        amendment.decided_by.name if amendment.decided_by else amendment.author.name,
    )
