"""SQLModel tables of amendments, their supports, votes and ballots (issue 15).

Every row that can change carries a `version`, raised by each change in the
same statement, so that the live room (server/decisions/live.py) can tell a
newer state from an older one written concurrently by another process.

A ballot says who voted, never what: the `ballot` table has no choice, no
time and no surrogate id (its key is the vote and the person; SQLite keeps it
in key order, WITHOUT ROWID, so not even the order of casting is kept). The
choices of a named vote are in `named_choice`; a secret vote has only its
counts, raised in the vote's row in the same transaction as the ballot.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, Index, Text, text
from sqlmodel import Field, SQLModel


class AmendmentRow(SQLModel, table=True):
    """A proposed new wording of a passage of the motion (`replace`), or a new proposal (`insert`)."""

    __tablename__ = "amendment"

    id: int | None = Field(default=None, primary_key=True)
    congress_id: int = Field(foreign_key="congress.id", index=True)
    author_id: int = Field(foreign_key="participant.id")
    kind: str = Field(max_length=10)  # "replace" or "insert"
    status: str = Field(default="open", max_length=10)  # open, accepted, rejected, withdrawn
    outdated: bool = False  # the passage no longer reads `original`
    original: str = Field(sa_column=Column(Text, nullable=False))
    text: str = Field(sa_column=Column(Text, nullable=False))
    reason: str = Field(sa_column=Column(Text, nullable=False))
    axis: str = Field(default="", max_length=200)
    # Yjs relative positions (base64 of Y.encodeRelativePosition), see crdt/anchors.py.
    anchor_start: str = Field(max_length=100)
    anchor_end: str = Field(max_length=100)
    supporters: int = 0
    created_at: float
    decided_at: float | None = None
    decided_by: int | None = Field(default=None, foreign_key="participant.id")
    decision_reason: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    vote_id: int | None = Field(default=None, foreign_key="vote.id")
    # The log position of the edit that applied it (accepted), for the history.
    position: int | None = Field(default=None, sa_column=Column(BigInteger, nullable=True))
    version: int = 1


class SupportRow(SQLModel, table=True):
    """One member backing an amendment (once each)."""

    __tablename__ = "amendment_support"

    amendment_id: int = Field(foreign_key="amendment.id", primary_key=True)
    participant_id: int = Field(foreign_key="participant.id", primary_key=True)
    created_at: float


class VoteRow(SQLModel, table=True):
    """A vote on an amendment, a proposal, an axis or the motion; its counts are raised ballot by ballot."""

    __tablename__ = "vote"
    # At most one open vote per congress, decided by the database whichever process asks.
    __table_args__ = (
        Index(
            "uq_vote_one_open",
            "congress_id",
            unique=True,
            sqlite_where=text("status = 'open'"),
            postgresql_where=text("status = 'open'"),
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    congress_id: int = Field(foreign_key="congress.id", index=True)
    subject_kind: str = Field(max_length=10)  # amendment, proposal, axis, motion
    subject_ref: str = Field(default="", max_length=500)
    title: str = Field(max_length=200)
    secret: bool = False
    status: str = Field(default="open", max_length=10)  # open, closed
    opened_by: int = Field(foreign_key="participant.id")
    opened_at: float
    closes_at: float | None = None
    closed_at: float | None = None
    shown: bool = False  # on the projector
    eligible: int = 0  # participants and organisers not revoked when it opened
    cast_count: int = 0
    count_for: int = 0
    count_against: int = 0
    count_abstain: int = 0
    result: str | None = Field(default=None, max_length=10)  # adopted, rejected, tied
    # The log position when it closed: where the history shows it, and the adopted version's.
    position: int | None = Field(default=None, sa_column=Column(BigInteger, nullable=True))
    version: int = 1


class BallotRow(SQLModel, table=True):
    """That a person voted: the vote and the person, nothing else (no choice, no time, no order)."""

    __tablename__ = "ballot"
    __table_args__ = {"sqlite_with_rowid": False}

    vote_id: int = Field(foreign_key="vote.id", primary_key=True)
    participant_id: int = Field(foreign_key="participant.id", primary_key=True)


class NamedChoiceRow(SQLModel, table=True):
    """What a person chose in a named vote (a secret vote has no such row)."""

    __tablename__ = "named_choice"

    vote_id: int = Field(foreign_key="vote.id", primary_key=True)
    participant_id: int = Field(foreign_key="participant.id", primary_key=True)
    choice: str = Field(max_length=10)  # for, against, abstain


TABLES = [
    VoteRow.__table__,  # type: ignore[attr-defined]
    AmendmentRow.__table__,  # type: ignore[attr-defined]
    SupportRow.__table__,  # type: ignore[attr-defined]
    BallotRow.__table__,  # type: ignore[attr-defined]
    NamedChoiceRow.__table__,  # type: ignore[attr-defined]
]
