"""The decisions seam: amendments and their supports, votes and their ballots.

`server.decisions.store.DecisionStore` keeps them in the SQL database,
`server.decisions.memory.MemoryDecisions` in memory; tests/test_decisions_contract.py
holds both to the same behaviour, on SQLite and PostgreSQL too. Blocking calls
(the services run them in worker threads); rows come back detached.

Whatever several processes may race on is decided by one statement of the
database: a ballot is counted by the same transaction that records it (or
refused), a vote is closed once, an amendment leaves `open` once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol

from server.decisions.models import AmendmentRow, BallotRow, NamedChoiceRow, SupportRow, VoteRow

CHOICES = ("for", "against", "abstain")


@dataclass
class Decisions:
    """Every decision row of one congress, as an archive carries them."""

    amendments: list[AmendmentRow] = field(default_factory=list)
    supports: list[SupportRow] = field(default_factory=list)
    votes: list[VoteRow] = field(default_factory=list)
    ballots: list[BallotRow] = field(default_factory=list)  # by vote, then person: never by time
    choices: list[NamedChoiceRow] = field(default_factory=list)  # named votes only


class DecisionsRepository(Protocol):
    # -- amendments ------------------------------------------------------------------

    def add_amendment(self, row: AmendmentRow) -> AmendmentRow:
        """Store a new amendment (its id is given here); returned with version 1."""
        ...

    def amendment(self, amendment_id: int) -> AmendmentRow | None: ...

    def amendments(self, congress_id: int) -> list[AmendmentRow]:
        """By id (the order they were proposed in)."""
        ...

    def supported_by(self, congress_id: int, participant_id: int) -> set[int]:
        """The amendments of this congress this person supports."""
        ...

    def support(self, amendment_id: int, participant_id: int, on: bool) -> AmendmentRow | None:
        """Add (`on`) or withdraw one person's support of an open amendment; twice is once. The
        count and the version change only when the support did. None: no such open amendment."""
        ...

    def change_amendment(
        self, amendment_id: int, expect_status: str, **fields: object
    ) -> AmendmentRow | None:
        """Set `fields` and raise the version, only if the status is `expect_status` (one statement:
        of two processes deciding at once, one wins); None when it was not."""
        ...

    def set_outdated(self, amendment_id: int, outdated: bool) -> AmendmentRow | None:
        """Mark an open amendment outdated or not; None (nothing changed) if it already was or is
        no longer open."""
        ...

    # -- votes -----------------------------------------------------------------------

    def open_vote(self, row: VoteRow) -> VoteRow:
        """Store a new open vote; VoteOpen if this congress already has one open."""
        ...

    def vote(self, vote_id: int) -> VoteRow | None: ...

    def votes(self, congress_id: int) -> list[VoteRow]:
        """By id."""
        ...

    def due_votes(self, now: float) -> list[VoteRow]:
        """Open votes of any congress whose time ran out (`closes_at` <= `now`)."""
        ...

    def cast(self, vote_id: int, participant_id: int, choice: str, now: float, congress_id: int) -> VoteRow:
        """Record that this person voted and count the choice, in one transaction; its choice is
        kept only if the vote is named. VoteClosed once closed or past `closes_at` (even if nobody
        closed it yet), AlreadyVoted for a second ballot, UnknownVote for no such vote in congress
        `congress_id`; nothing is counted then. Returns the vote as it stands after this ballot."""
        ...

    def close_vote(self, vote_id: int, now: float, position: int | None) -> VoteRow | None:
        """Close an open vote with its result (adopted: more for than against; rejected: fewer;
        tied: as many); None if it was closed already (by another process, or an earlier call)."""
        ...

    def show_vote(self, vote_id: int, shown: bool) -> VoteRow | None:
        """On or off the projector; the version grows if it changed."""
        ...

    def choice_of(self, vote_id: int, participant_id: int) -> str | None:
        """A named vote: the person's choice; a secret one: "cast" once they voted; None before."""
        ...

    # -- archives --------------------------------------------------------------------

    def everything(self, congress_id: int) -> Decisions:
        """Every row of the congress's decisions (ballots by vote then person, never by time)."""
        ...

    def bring_in(self, congress_id: int, decisions: Decisions, people: Mapping[int, int]) -> Decisions:
        """Store an archive's decisions for a congress just imported, in one transaction: every id
        renumbered here, people mapped by `people` (archive id -> this database's), amendments'
        votes and votes' amendments kept pointing at each other. Returns them as stored."""
        ...

    def forget_congress(self, congress_id: int) -> None:
        """Remove every decision row of a congress (an import undone)."""
        ...
