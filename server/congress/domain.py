"""What a congress is, independent of storage: phases, roles, slugs and the rooms of its documents."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from server import palette
from server.errors import DomainError as DomainError  # re-exported: the congress's rules raise it


class Phase(StrEnum):
    CONTRIBUTIONS = "contributions"
    THEMES = "themes"
    WRITING = "writing"
    PUBLISHED = "published"


PHASES = list(Phase)


class Role(StrEnum):
    ORGANISER = "organiser"
    PARTICIPANT = "participant"
    OBSERVER = "observer"


class Site(StrEnum):
    ON_SITE = "on_site"
    REMOTE = "remote"


# Every congress has these live documents; each is one room named `{slug}.{kind}`.
# People write the first two (their history is the log's, archives carry it); the server alone
# writes the other two, from its database (issue 15, server/decisions/live.py): the decisions
# everyone follows, and the organisers' live tallies.
WRITTEN_KINDS = ("motion", "mindmap")
SERVER_KINDS = ("decisions", "tally")
DOCUMENT_KINDS = WRITTEN_KINDS + SERVER_KINDS
ORGANISERS_ONLY_KINDS = ("tally",)

# No dot in a slug, so `{slug}.{kind}` always splits back unambiguously, and the
# room name stays inside server.realtime.room.ROOM_NAME (letters, digits, `.`, `_`, `-`).
SLUG = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?")


def check_slug(slug: str) -> str:
    if not SLUG.fullmatch(slug):
        raise DomainError(
            f"invalid slug {slug!r}: lower-case letters, digits and dashes, at most 48, "
            "starting and ending with a letter or digit"
        )
    return slug


def room_name(slug: str, kind: str) -> str:
    return f"{slug}.{kind}"


def check_phase_change(current: Phase, target: Phase) -> None:
    """One step forward or back: a published motion cannot fall back to contributions by a misclick."""
    distance = PHASES.index(target) - PHASES.index(current)
    if abs(distance) != 1:
        raise DomainError(
            f"phase can only move one step, from {current.value} to "
            + " or ".join(p.value for p in _neighbours(current))
        )


def _neighbours(phase: Phase) -> list[Phase]:
    index = PHASES.index(phase)
    return [PHASES[i] for i in (index - 1, index + 1) if 0 <= i < len(PHASES)]


SERVER_WRITES = "server"  # the reason of a socket on a room only the server writes: never told


def read_only_reason(identity: Identity, kind: str) -> str:
    """Why a person's socket on a room of kind `kind` is read-only, as the client names it
    ("" when they may write). Observers never write; once published nobody does; in pen mode
    (issue 15) only organisers and pen holders write the motion, the mind map stays open."""
    if kind in SERVER_KINDS:
        return SERVER_WRITES
    if identity.phase is Phase.PUBLISHED:
        return "published"
    if identity.role is Role.OBSERVER:
        return "observer"
    if kind == "motion" and identity.pen_on and not identity.is_organiser and not identity.pen_holder:
        return "pen"
    return ""


def room_kind(room: str) -> str:
    """The kind of a room named `{slug}.{kind}`."""
    return room.rsplit(".", 1)[-1]


@dataclass(frozen=True, slots=True)
class Identity:
    """Who is behind a request or a socket, as established by a session or an invitation token."""

    participant_id: int
    name: str
    role: Role
    congress_id: int
    congress_slug: str
    phase: Phase
    # What proves it, so that revoking exactly that ends exactly these connections.
    session_id: str | None = None
    invitation_id: str | None = None
    # On site or remote, as the organisers registered them: shown to others by the server, never
    # taken from what a client says about itself (crdt/awareness.py with_identity).
    site: Site = Site.ON_SITE
    # Pen mode of the congress and whether this person holds a pen (server/decisions/pen.py),
    # read with the congress and the person like the phase and the role.
    pen_on: bool = False
    pen_holder: bool = False
    # The person's place in their congress, in the order people were registered: their colour
    # everywhere (server/palette.py), set by the server, never by a client.
    rank: int = 0

    @property
    def colour(self) -> str:
        return palette.person_colour(self.rank)

    @property
    def author(self) -> str:
        """The author recorded on every update this person sends (never a Yjs client id)."""
        return f"participant:{self.participant_id}"

    @property
    def is_organiser(self) -> bool:
        return self.role is Role.ORGANISER


@dataclass(frozen=True, slots=True)
class NewParticipant:
    """A person to register, already validated (by the CSV reader or the organiser route)."""

    name: str
    role: Role
    commune: str = ""
    department: str = ""
    site: Site = Site.ON_SITE
    contact: str = ""
