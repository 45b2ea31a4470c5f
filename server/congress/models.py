"""SQLModel tables of congresses, their documents, participants, invitations and sessions."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Column, Index, UniqueConstraint
from sqlalchemy import Date as SqlDate
from sqlmodel import Field, SQLModel


class CongressRow(SQLModel, table=True):
    __tablename__ = "congress"

    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(max_length=48, unique=True)
    title: str = Field(max_length=200)
    edition: str = Field(default="", max_length=100)
    starts_on: dt.date | None = Field(default=None, sa_column=Column(SqlDate, nullable=True))
    ends_on: dt.date | None = Field(default=None, sa_column=Column(SqlDate, nullable=True))
    phase: str = Field(default="contributions", max_length=20)
    created_at: float
    # Pen mode (issue 15, server/decisions/pen.py): while on, only organisers and the people
    # holding a pen write the motion; `pen_version` grows with each change (the live room's order).
    pen_on: bool = False
    pen_version: int = 0


class DocumentRow(SQLModel, table=True):
    """One live document of a congress, and the room that holds it."""

    __tablename__ = "congress_document"
    __table_args__ = (UniqueConstraint("congress_id", "kind", name="uq_document_congress_kind"),)

    id: int | None = Field(default=None, primary_key=True)
    congress_id: int = Field(foreign_key="congress.id", index=True)
    kind: str = Field(max_length=40)
    room: str = Field(max_length=100, unique=True)


class ParticipantRow(SQLModel, table=True):
    __tablename__ = "participant"
    __table_args__ = (Index("ix_participant_congress_name", "congress_id", "name"),)

    id: int | None = Field(default=None, primary_key=True)
    congress_id: int = Field(foreign_key="congress.id")
    name: str = Field(max_length=200)
    role: str = Field(max_length=20)
    commune: str = Field(default="", max_length=200)
    department: str = Field(default="", max_length=3)
    site: str = Field(default="on_site", max_length=10)
    contact: str = Field(default="", max_length=200)
    created_at: float
    revoked_at: float | None = None
    # Set when a shared role link was used to say "this is me"; nobody else can then take the name.
    claimed_at: float | None = None
    # The shared role link that lists this person, if any.
    group_invitation_id: str | None = Field(default=None, max_length=40, index=True)
    # Named by the organisers to write the motion in pen mode (issue 15).
    pen_holder: bool = False


class InvitationRow(SQLModel, table=True):
    """A link: for one person (participant_id set) or shared by a role's list of names.

    The token itself is never stored: it is this id, the expiry and an HMAC of
    both, so it can be shown again from the row and the secret key.
    """

    __tablename__ = "invitation"

    id: str = Field(primary_key=True, max_length=40)
    congress_id: int = Field(foreign_key="congress.id", index=True)
    role: str = Field(max_length=20)
    participant_id: int | None = Field(default=None, foreign_key="participant.id", index=True)
    created_at: float
    expires_at: float
    revoked_at: float | None = None


class SessionRow(SQLModel, table=True):
    """A browser session opened with an invitation; the cookie holds a secret whose hash is the id."""

    __tablename__ = "web_session"

    id: str = Field(primary_key=True, max_length=64)
    participant_id: int = Field(foreign_key="participant.id", index=True)
    invitation_id: str = Field(max_length=40)
    created_at: float
    expires_at: float
    ended_at: float | None = None


TABLES = [
    CongressRow.__table__,  # type: ignore[attr-defined]
    DocumentRow.__table__,  # type: ignore[attr-defined]
    ParticipantRow.__table__,  # type: ignore[attr-defined]
    InvitationRow.__table__,  # type: ignore[attr-defined]
    SessionRow.__table__,  # type: ignore[attr-defined]
]
