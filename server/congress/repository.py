"""The congress directory seam: congresses, their documents, people, invitations and sessions.

`server.congress.directory.Directory` keeps them in the SQL database,
`server.congress.memory.MemoryDirectory` in memory; tests/test_directory_contract.py
holds both to the same behaviour. Blocking calls (the server runs them in a
worker thread); rows come back detached: changing one changes nothing stored.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Protocol

from server.congress.domain import NewParticipant, Phase, Role
from server.congress.models import CongressRow, DocumentRow, InvitationRow, ParticipantRow, SessionRow

Credential = tuple[SessionRow | None, InvitationRow | None, ParticipantRow | None, CongressRow | None]
Identities = tuple[
    dict[int, ParticipantRow], dict[str, InvitationRow], dict[str, SessionRow], dict[int, CongressRow]
]


class DirectoryRepository(Protocol):
    def create_congress(
        self,
        slug: str,
        title: str,
        edition: str = "",
        starts_on: dt.date | None = None,
        ends_on: dt.date | None = None,
    ) -> CongressRow:
        """A congress and one document (room) of each kind; DomainError for a bad or taken slug."""
        ...

    def import_congress(
        self, congress: CongressRow, people: Sequence[ParticipantRow]
    ) -> tuple[CongressRow, list[ParticipantRow]]:
        """A congress as an archive describes it (phase, dates, times kept) with its documents and its
        people, in one transaction; the rows come back with this database's ids, people in order."""
        ...

    def delete_congress(self, congress_id: int) -> None:
        """Remove a congress, its documents, people, invitations and sessions: an import undone, before
        anything else (log, contributions, versions) refers to it."""
        ...

    def congress(self, slug: str) -> CongressRow | None: ...

    def congress_by_id(self, congress_id: int) -> CongressRow | None: ...

    def congresses(self) -> list[CongressRow]: ...

    def update_congress(self, congress_id: int, **fields: object) -> CongressRow: ...

    def set_phase(self, congress_id: int, target: Phase) -> CongressRow: ...

    def set_pen(
        self, congress_id: int, on: bool, holders: Iterable[int]
    ) -> tuple[CongressRow, list[ParticipantRow]]:
        """Pen mode on or off and exactly these people holding a pen, in one transaction; the
        congress's `pen_version` grows by one. Holders are participants or organisers of this congress,
        not revoked (DomainError otherwise, nothing changed). Returns the congress and the holders,
        by name then id."""
        ...

    def documents(self, congress_id: int) -> list[DocumentRow]: ...

    def document_by_room(self, room: str) -> DocumentRow | None: ...

    def add_participants(
        self, congress_id: int, people: Sequence[NewParticipant], group_invitation_id: str | None = None
    ) -> list[ParticipantRow]: ...

    def participants(self, congress_id: int) -> list[ParticipantRow]:
        """By name, then id."""
        ...

    def participant(self, participant_id: int) -> ParticipantRow | None: ...

    def existing_names(self, congress_id: int) -> set[tuple[str, str]]: ...

    def revoke_participant(self, participant_id: int) -> ParticipantRow: ...

    def claim(self, participant_id: int, group_invitation_id: str) -> ParticipantRow: ...

    def create_invitation(
        self, invitation_id: str, congress_id: int, role: Role, participant_id: int | None, expires_at: int
    ) -> InvitationRow: ...

    def invitation(self, invitation_id: str) -> InvitationRow | None: ...

    def invitations(self, congress_id: int) -> list[InvitationRow]: ...

    def revoke_invitation(self, invitation_id: str) -> InvitationRow: ...

    def group_members(self, invitation_id: str) -> list[ParticipantRow]: ...

    def create_session(
        self, sid: str, participant_id: int, invitation_id: str, expires_at: float
    ) -> SessionRow: ...

    def end_session(self, sid: str) -> None: ...

    def end_sessions_of(self, participant_id: int) -> int: ...

    def credential(self, invitation_id: str | None = None, session_id: str | None = None) -> Credential: ...

    def count_participants(self, congress_id: int) -> int: ...

    def rows_for(
        self, participant_ids: Iterable[int], invitation_ids: Iterable[str], session_ids: Iterable[str]
    ) -> Identities: ...
