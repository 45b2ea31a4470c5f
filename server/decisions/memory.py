"""Amendments, votes and ballots in memory: server.decisions.repository's contract, for tests.

One lock stands for the database's transactions: the services call in worker
threads, so two ballots may arrive at once here too.
"""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Mapping
from typing import TypeVar

from sqlmodel import SQLModel

from server.decisions.errors import AlreadyVoted, UnknownVote, VoteClosed, VoteOpen
from server.decisions.models import AmendmentRow, BallotRow, NamedChoiceRow, SupportRow, VoteRow
from server.decisions.repository import CHOICES, Decisions

R = TypeVar("R", bound=SQLModel)
_COUNTS = {"for": "count_for", "against": "count_against", "abstain": "count_abstain"}


def _copy(row: R) -> R:
    return row.model_copy()


def _result(vote: VoteRow) -> str:
    if vote.count_for > vote.count_against:
        return "adopted"
    return "rejected" if vote.count_for < vote.count_against else "tied"


class MemoryDecisions:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._amendments: dict[int, AmendmentRow] = {}
        self._supports: dict[tuple[int, int], SupportRow] = {}
        self._votes: dict[int, VoteRow] = {}
        self._ballots: set[tuple[int, int]] = set()
        self._choices: dict[tuple[int, int], str] = {}
        self._ids = itertools.count(1)

    # -- amendments ------------------------------------------------------------------

    def add_amendment(self, row: AmendmentRow) -> AmendmentRow:
        with self._lock:
            stored = row.model_copy(update={"id": next(self._ids), "version": 1})
            self._amendments[stored.id or 0] = stored
            return _copy(stored)

    def amendment(self, amendment_id: int) -> AmendmentRow | None:
        found = self._amendments.get(amendment_id)
        return _copy(found) if found else None

    def amendments(self, congress_id: int) -> list[AmendmentRow]:
        return [_copy(a) for _, a in sorted(self._amendments.items()) if a.congress_id == congress_id]

    def supported_by(self, congress_id: int, participant_id: int) -> set[int]:
        return {
            amendment
            for amendment, person in self._supports
            if person == participant_id and self._amendments[amendment].congress_id == congress_id
        }

    def support(self, amendment_id: int, participant_id: int, on: bool) -> AmendmentRow | None:
        with self._lock:
            row = self._amendments.get(amendment_id)
            if row is None or row.status != "open":
                return None
            key = (amendment_id, participant_id)
            if on and key not in self._supports:
                self._supports[key] = SupportRow(
                    amendment_id=amendment_id, participant_id=participant_id, created_at=time.time()
                )
                row.supporters += 1
                row.version += 1
            elif not on and key in self._supports:
                del self._supports[key]
                row.supporters -= 1
                row.version += 1
            return _copy(row)

    def change_amendment(
        self, amendment_id: int, expect_status: str, **fields: object
    ) -> AmendmentRow | None:
        with self._lock:
            row = self._amendments.get(amendment_id)
            if row is None or row.status != expect_status:
                return None
            for name, value in fields.items():
                setattr(row, name, value)
            row.version += 1
            return _copy(row)

    def set_outdated(self, amendment_id: int, outdated: bool) -> AmendmentRow | None:
        with self._lock:
            row = self._amendments.get(amendment_id)
            if row is None or row.status != "open" or row.outdated == outdated:
                return None
            row.outdated = outdated
            row.version += 1
            return _copy(row)

    # -- votes -----------------------------------------------------------------------

    def open_vote(self, row: VoteRow) -> VoteRow:
        with self._lock:
            if any(v.congress_id == row.congress_id and v.status == "open" for v in self._votes.values()):
                raise VoteOpen("another vote is open in this congress")
            stored = row.model_copy(update={"id": next(self._ids), "version": 1, "status": "open"})
            self._votes[stored.id or 0] = stored
            return _copy(stored)

    def vote(self, vote_id: int) -> VoteRow | None:
        found = self._votes.get(vote_id)
        return _copy(found) if found else None

    def votes(self, congress_id: int) -> list[VoteRow]:
        return [_copy(v) for _, v in sorted(self._votes.items()) if v.congress_id == congress_id]

    def due_votes(self, now: float) -> list[VoteRow]:
        return [
            _copy(v)
            for v in self._votes.values()
            if v.status == "open" and v.closes_at is not None and v.closes_at <= now
        ]

    def cast(self, vote_id: int, participant_id: int, choice: str, now: float, congress_id: int) -> VoteRow:
        if choice not in CHOICES:
            raise ValueError(f"unknown choice {choice!r}")
        with self._lock:
            vote = self._votes.get(vote_id)
            if vote is None or vote.congress_id != congress_id:
                raise UnknownVote()
            if vote.status != "open" or (vote.closes_at is not None and vote.closes_at <= now):
                raise VoteClosed("this vote is closed")
            if (vote_id, participant_id) in self._ballots:
                raise AlreadyVoted("you have already voted")
            self._ballots.add((vote_id, participant_id))
            if not vote.secret:
                self._choices[(vote_id, participant_id)] = choice
            counter = _COUNTS[choice]
            setattr(vote, counter, getattr(vote, counter) + 1)
            vote.cast_count += 1
            vote.version += 1
            return _copy(vote)

    def close_vote(self, vote_id: int, now: float, position: int | None) -> VoteRow | None:
        with self._lock:
            vote = self._votes.get(vote_id)
            if vote is None or vote.status != "open":
                return None
            vote.status = "closed"
            vote.closed_at = now
            vote.position = position
            vote.result = _result(vote)
            vote.version += 1
            return _copy(vote)

    def show_vote(self, vote_id: int, shown: bool) -> VoteRow | None:
        with self._lock:
            vote = self._votes.get(vote_id)
            if vote is None:
                return None
            if vote.shown != shown:
                vote.shown = shown
                vote.version += 1
            return _copy(vote)

    def choice_of(self, vote_id: int, participant_id: int) -> str | None:
        choice = self._choices.get((vote_id, participant_id))
        if choice is not None:
            return choice
        return "cast" if (vote_id, participant_id) in self._ballots else None

    # -- archives --------------------------------------------------------------------

    def everything(self, congress_id: int) -> Decisions:
        amendments = self.amendments(congress_id)
        votes = self.votes(congress_id)
        mine_a = {a.id for a in amendments}
        mine_v = {v.id for v in votes}
        return Decisions(
            amendments,
            [_copy(s) for k, s in sorted(self._supports.items()) if k[0] in mine_a],
            votes,
            [BallotRow(vote_id=v, participant_id=p) for v, p in sorted(self._ballots) if v in mine_v],
            [
                NamedChoiceRow(vote_id=v, participant_id=p, choice=c)
                for (v, p), c in sorted(self._choices.items())
                if v in mine_v
            ],
        )

    def bring_in(self, congress_id: int, decisions: Decisions, people: Mapping[int, int]) -> Decisions:
        with self._lock:
            votes: dict[int, VoteRow] = {}
            for old in decisions.votes:
                votes[old.id or 0] = old.model_copy(
                    update={
                        "id": next(self._ids),
                        "congress_id": congress_id,
                        "opened_by": people[old.opened_by],
                    }
                )
            amendments: dict[int, AmendmentRow] = {}
            for old_a in decisions.amendments:
                decided = None if old_a.decided_by is None else people[old_a.decided_by]
                linked = votes[old_a.vote_id].id if old_a.vote_id in votes else None
                amendments[old_a.id or 0] = old_a.model_copy(
                    update={
                        "id": next(self._ids),
                        "congress_id": congress_id,
                        "author_id": people[old_a.author_id],
                        "decided_by": decided,
                        "vote_id": linked,
                    }
                )
            for vote in votes.values():
                if vote.subject_kind == "amendment" and vote.subject_ref.isdigit():
                    target = amendments.get(int(vote.subject_ref))
                    vote.subject_ref = str(target.id) if target is not None else ""
            supports = [
                SupportRow(
                    amendment_id=amendments[s.amendment_id].id or 0,
                    participant_id=people[s.participant_id],
                    created_at=s.created_at,
                )
                for s in decisions.supports
            ]
            ballots = [
                BallotRow(vote_id=votes[b.vote_id].id or 0, participant_id=people[b.participant_id])
                for b in decisions.ballots
            ]
            choices = [
                NamedChoiceRow(
                    vote_id=votes[c.vote_id].id or 0, participant_id=people[c.participant_id], choice=c.choice
                )
                for c in decisions.choices
            ]
            for v in votes.values():
                self._votes[v.id or 0] = v
            for a in amendments.values():
                self._amendments[a.id or 0] = a
            for s in supports:
                self._supports[(s.amendment_id, s.participant_id)] = s
            self._ballots.update((b.vote_id, b.participant_id) for b in ballots)
            self._choices.update({(c.vote_id, c.participant_id): c.choice for c in choices})
            return Decisions(
                [_copy(a) for a in amendments.values()],
                supports,
                [_copy(v) for v in votes.values()],
                ballots,
                choices,
            )

    def forget_congress(self, congress_id: int) -> None:
        with self._lock:
            amendments = {k for k, a in self._amendments.items() if a.congress_id == congress_id}
            votes = {k for k, v in self._votes.items() if v.congress_id == congress_id}
            self._supports = {k: s for k, s in self._supports.items() if k[0] not in amendments}
            self._ballots = {b for b in self._ballots if b[0] not in votes}
            self._choices = {k: c for k, c in self._choices.items() if k[0] not in votes}
            self._amendments = {k: a for k, a in self._amendments.items() if k not in amendments}
            self._votes = {k: v for k, v in self._votes.items() if k not in votes}
