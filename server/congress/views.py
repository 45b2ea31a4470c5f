"""What the services hand the edge about a congress and its people: plain frozen values, never ORM rows."""

from __future__ import annotations

import datetime as dt
import functools
import unicodedata
from dataclasses import dataclass
from typing import Any

from server.congress.models import CongressRow, DocumentRow, InvitationRow, ParticipantRow


@functools.lru_cache(maxsize=8192)  # the organisers' page sorts the same names every few seconds
def reading_order(name: str) -> str:
    """Names in the order a person reads a list: "Élodie" with the E, not after the Z."""
    return "".join(c for c in unicodedata.normalize("NFD", name.casefold()) if not unicodedata.combining(c))


@dataclass(frozen=True, slots=True)
class Document:
    kind: str
    room: str


@dataclass(frozen=True, slots=True)
class Congress:
    id: int
    slug: str
    title: str
    edition: str
    starts_on: dt.date | None
    ends_on: dt.date | None
    phase: str
    documents: tuple[Document, ...] = ()

    @classmethod
    def of(cls, row: CongressRow, documents: list[DocumentRow] | tuple[()] = ()) -> Congress:
        assert row.id is not None
        return cls(
            row.id,
            row.slug,
            row.title,
            row.edition,
            row.starts_on,
            row.ends_on,
            row.phase,
            tuple(Document(d.kind, d.room) for d in documents),
        )

    def json(self) -> dict[str, Any]:
        return {
            "slug": self.slug,
            "title": self.title,
            "edition": self.edition,
            "starts_on": self.starts_on.isoformat() if self.starts_on else None,
            "ends_on": self.ends_on.isoformat() if self.ends_on else None,
            "phase": self.phase,
            "documents": [{"kind": d.kind, "room": d.room} for d in self.documents],
        }


@dataclass(frozen=True, slots=True)
class Person:
    id: int
    name: str
    role: str
    commune: str
    department: str
    site: str
    contact: str
    revoked: bool
    shared_link: str | None
    claimed: bool
    token: str | None = None  # their newest usable link's, when the organiser may see it
    connected: bool = False

    @classmethod
    def of(cls, row: ParticipantRow, token: str | None = None, connected: bool = False) -> Person:
        assert row.id is not None
        return cls(
            row.id,
            row.name,
            row.role,
            row.commune,
            row.department,
            row.site,
            row.contact,
            row.revoked_at is not None,
            row.group_invitation_id,
            row.claimed_at is not None,
            token,
            connected,
        )


@dataclass(frozen=True, slots=True)
class Member:
    """One name on a shared link."""

    id: int
    name: str
    claimed: bool


@dataclass(frozen=True, slots=True)
class Invitation:
    id: str
    role: str
    participant_id: int | None
    expires_at: float
    revoked: bool
    token: str
    person: Person | None = None  # the person this link was just made for
    names: tuple[Member, ...] | None = None  # a shared link's names

    @classmethod
    def of(
        cls,
        row: InvitationRow,
        token: str,
        person: Person | None = None,
        names: tuple[Member, ...] | None = None,
    ) -> Invitation:
        return cls(
            row.id,
            row.role,
            row.participant_id,
            row.expires_at,
            row.revoked_at is not None,
            token,
            person,
            names,
        )


@dataclass(frozen=True, slots=True)
class Here:
    """Someone connected right now."""

    participant_id: int
    name: str
    role: str
    rooms: tuple[str, ...]
    site: str = "on_site"  # as the organisers registered them (Identity.site)


@dataclass(frozen=True, slots=True)
class Card:
    """One person's invitation on the printable sheet: the link to print for them, if any is valid."""

    person: Person
    token: str | None  # their own newest link, or their shared link's; None: none is usable now
    shared: bool  # a shared link: the person picks their name on opening it


@dataclass(frozen=True, slots=True)
class Closed:
    """What a revocation did: whose access, and how many of their sockets were closed at once."""

    revoked: int | str
    connections_closed: int


@dataclass(frozen=True, slots=True)
class CongressPage:
    """What a member sees on arriving: the congress, and the motion as it is now (Markdown)."""

    congress: Congress
    motion: str
