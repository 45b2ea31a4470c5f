"""The congress directory in memory: server.congress.repository's contract, for tests and throwaway runs."""

from __future__ import annotations

import datetime as dt
import itertools
import time
from collections.abc import Iterable, Sequence
from typing import TypeVar

from sqlmodel import SQLModel

from server.congress.domain import (
    DOCUMENT_KINDS,
    DomainError,
    NewParticipant,
    Phase,
    Role,
    check_phase_change,
    check_slug,
    room_name,
)
from server.congress.models import CongressRow, DocumentRow, InvitationRow, ParticipantRow, SessionRow
from server.congress.repository import Credential, Identities

R = TypeVar("R", bound=SQLModel)


def _copy(row: R) -> R:
    """Rows leave detached, as the SQL directory's do: a caller's change stores nothing."""
    return row.model_copy()


def _check_dates(congress: CongressRow) -> None:
    if congress.starts_on and congress.ends_on and congress.ends_on < congress.starts_on:
        raise DomainError("the congress cannot end before it starts")


class MemoryDirectory:
    def __init__(self) -> None:
        self._congresses: dict[int, CongressRow] = {}
        self._documents: dict[int, DocumentRow] = {}
        self._people: dict[int, ParticipantRow] = {}
        self._invitations: dict[str, InvitationRow] = {}
        self._sessions: dict[str, SessionRow] = {}
        self._ids = itertools.count(1)  # one sequence is enough: ids only have to be unique per table

    # -- congresses ------------------------------------------------------------------

    def create_congress(
        self,
        slug: str,
        title: str,
        edition: str = "",
        starts_on: dt.date | None = None,
        ends_on: dt.date | None = None,
    ) -> CongressRow:
        check_slug(slug)
        if not title.strip():
            raise DomainError("a congress needs a title")
        congress = CongressRow(
            slug=slug,
            title=title.strip(),
            edition=edition.strip(),
            starts_on=starts_on,
            ends_on=ends_on,
            phase=Phase.CONTRIBUTIONS.value,
            created_at=time.time(),
        )
        _check_dates(congress)
        if self.congress(slug) is not None:
            raise DomainError(f"a congress named {slug!r} already exists")
        congress.id = next(self._ids)
        self._congresses[congress.id] = congress
        for kind in DOCUMENT_KINDS:
            document = DocumentRow(
                id=next(self._ids), congress_id=congress.id, kind=kind, room=room_name(slug, kind)
            )
            self._documents[document.id or 0] = document
        return _copy(congress)

    def import_congress(
        self, congress: CongressRow, people: Sequence[ParticipantRow]
    ) -> tuple[CongressRow, list[ParticipantRow]]:
        check_slug(congress.slug)
        if self.congress(congress.slug) is not None:
            raise DomainError(f"a congress named {congress.slug!r} already exists")
        row = congress.model_copy(update={"id": next(self._ids)})
        assert row.id is not None
        self._congresses[row.id] = row
        for kind in DOCUMENT_KINDS:
            document = DocumentRow(
                id=next(self._ids), congress_id=row.id, kind=kind, room=room_name(row.slug, kind)
            )
            self._documents[document.id or 0] = document
        rows = [p.model_copy(update={"id": next(self._ids), "congress_id": row.id}) for p in people]
        for person in rows:
            self._people[person.id or 0] = person
        return _copy(row), [_copy(p) for p in rows]

    def delete_congress(self, congress_id: int) -> None:
        people = {i for i, p in self._people.items() if p.congress_id == congress_id}
        self._sessions = {k: s for k, s in self._sessions.items() if s.participant_id not in people}
        self._invitations = {k: i for k, i in self._invitations.items() if i.congress_id != congress_id}
        self._people = {k: p for k, p in self._people.items() if k not in people}
        self._documents = {k: d for k, d in self._documents.items() if d.congress_id != congress_id}
        self._congresses.pop(congress_id, None)

    def congress(self, slug: str) -> CongressRow | None:
        found = next((c for c in self._congresses.values() if c.slug == slug), None)
        return _copy(found) if found else None

    def congress_by_id(self, congress_id: int) -> CongressRow | None:
        found = self._congresses.get(congress_id)
        return _copy(found) if found else None

    def congresses(self) -> list[CongressRow]:
        return [_copy(c) for _, c in sorted(self._congresses.items())]

    def update_congress(self, congress_id: int, **fields: object) -> CongressRow:
        allowed = {"title", "edition", "starts_on", "ends_on"}
        if unknown := set(fields) - allowed:
            raise DomainError(f"cannot change {', '.join(sorted(unknown))}")
        stored = self._congresses.get(congress_id)
        if stored is None:
            raise DomainError("no such congress")
        changed = _copy(stored)
        for name, value in fields.items():
            setattr(changed, name, value)
        _check_dates(changed)
        if not changed.title.strip():
            raise DomainError("a congress needs a title")
        self._congresses[congress_id] = changed
        return _copy(changed)

    def set_phase(self, congress_id: int, target: Phase) -> CongressRow:
        congress = self._congresses.get(congress_id)
        if congress is None:
            raise DomainError("no such congress")
        check_phase_change(Phase(congress.phase), target)
        congress.phase = target.value
        return _copy(congress)

    def set_pen(
        self, congress_id: int, on: bool, holders: Iterable[int]
    ) -> tuple[CongressRow, list[ParticipantRow]]:
        congress = self._congresses.get(congress_id)
        if congress is None:
            raise DomainError("no such congress")
        wanted = set(holders)
        people = [p for p in self._people.values() if p.congress_id == congress_id]
        eligible = {p.id for p in people if p.revoked_at is None and p.role != Role.OBSERVER.value}
        if wanted - eligible:
            raise DomainError("a pen goes only to a participant or organiser of this congress")
        for person in people:
            person.pen_holder = person.id in wanted
        congress.pen_on = on
        congress.pen_version += 1
        holding = sorted((p for p in people if p.pen_holder), key=lambda p: (p.name, p.id or 0))
        return _copy(congress), [_copy(p) for p in holding]

    def documents(self, congress_id: int) -> list[DocumentRow]:
        return [_copy(d) for _, d in sorted(self._documents.items()) if d.congress_id == congress_id]

    def document_by_room(self, room: str) -> DocumentRow | None:
        found = next((d for d in self._documents.values() if d.room == room), None)
        return _copy(found) if found else None

    # -- participants ----------------------------------------------------------------

    def add_participants(
        self, congress_id: int, people: Sequence[NewParticipant], group_invitation_id: str | None = None
    ) -> list[ParticipantRow]:
        now = time.time()
        rows = [
            ParticipantRow(
                id=next(self._ids),
                congress_id=congress_id,
                name=p.name,
                role=p.role.value,
                commune=p.commune,
                department=p.department,
                site=p.site.value,
                contact=p.contact,
                created_at=now,
                group_invitation_id=group_invitation_id,
            )
            for p in people
        ]
        for row in rows:
            self._people[row.id or 0] = row
        return [_copy(row) for row in rows]

    def participants(self, congress_id: int) -> list[ParticipantRow]:
        people = [p for p in self._people.values() if p.congress_id == congress_id]
        return [_copy(p) for p in sorted(people, key=lambda p: (p.name, p.id or 0))]

    def participant(self, participant_id: int) -> ParticipantRow | None:
        found = self._people.get(participant_id)
        return _copy(found) if found else None

    def existing_names(self, congress_id: int) -> set[tuple[str, str]]:
        return {
            (p.name.casefold(), p.commune.casefold())
            for p in self._people.values()
            if p.congress_id == congress_id and p.revoked_at is None
        }

    def revoke_participant(self, participant_id: int) -> ParticipantRow:
        person = self._people.get(participant_id)
        if person is None:
            raise DomainError("no such participant")
        if person.revoked_at is None:
            person.revoked_at = time.time()
        return _copy(person)

    def claim(self, participant_id: int, group_invitation_id: str) -> ParticipantRow:
        person = self._people.get(participant_id)
        if person is None or person.group_invitation_id != group_invitation_id or person.revoked_at:
            raise DomainError("this name is not on this link")
        if person.claimed_at is not None:
            raise DomainError("this name has already been chosen; ask an organiser for your own link")
        person.claimed_at = time.time()
        return _copy(person)

    # -- invitations -----------------------------------------------------------------

    def create_invitation(
        self, invitation_id: str, congress_id: int, role: Role, participant_id: int | None, expires_at: int
    ) -> InvitationRow:
        row = InvitationRow(
            id=invitation_id,
            congress_id=congress_id,
            role=role.value,
            participant_id=participant_id,
            created_at=time.time(),
            expires_at=float(expires_at),
        )
        self._invitations[invitation_id] = row
        return _copy(row)

    def invitation(self, invitation_id: str) -> InvitationRow | None:
        found = self._invitations.get(invitation_id)
        return _copy(found) if found else None

    def invitations(self, congress_id: int) -> list[InvitationRow]:
        found = [i for i in self._invitations.values() if i.congress_id == congress_id]
        return [_copy(i) for i in sorted(found, key=lambda i: i.created_at)]

    def revoke_invitation(self, invitation_id: str) -> InvitationRow:
        row = self._invitations.get(invitation_id)
        if row is None:
            raise DomainError("no such invitation")
        if row.revoked_at is None:
            row.revoked_at = time.time()
        return _copy(row)

    def group_members(self, invitation_id: str) -> list[ParticipantRow]:
        people = [p for p in self._people.values() if p.group_invitation_id == invitation_id]
        return [_copy(p) for p in sorted(people, key=lambda p: p.name)]

    # -- sessions --------------------------------------------------------------------

    def create_session(
        self, sid: str, participant_id: int, invitation_id: str, expires_at: float
    ) -> SessionRow:
        row = SessionRow(
            id=sid,
            participant_id=participant_id,
            invitation_id=invitation_id,
            created_at=time.time(),
            expires_at=expires_at,
        )
        self._sessions[sid] = row
        return _copy(row)

    def end_session(self, sid: str) -> None:
        row = self._sessions.get(sid)
        if row is not None and row.ended_at is None:
            row.ended_at = time.time()

    def end_sessions_of(self, participant_id: int) -> int:
        ended = 0
        for row in self._sessions.values():
            if row.participant_id == participant_id and row.ended_at is None:
                row.ended_at = time.time()
                ended += 1
        return ended

    def credential(self, invitation_id: str | None = None, session_id: str | None = None) -> Credential:
        web_session = self._sessions.get(session_id) if session_id else None
        if web_session is not None:
            invitation_id = web_session.invitation_id
        invitation = self._invitations.get(invitation_id) if invitation_id else None
        person_id = (
            web_session.participant_id if web_session else invitation.participant_id if invitation else None
        )
        person = self._people.get(person_id) if person_id is not None else None
        congress = self._congresses.get(invitation.congress_id) if invitation else None
        return tuple(
            _copy(row) if row is not None else None for row in (web_session, invitation, person, congress)
        )  # type: ignore[return-value]

    def count_participants(self, congress_id: int) -> int:
        return sum(1 for p in self._people.values() if p.congress_id == congress_id)

    def rows_for(
        self, participant_ids: Iterable[int], invitation_ids: Iterable[str], session_ids: Iterable[str]
    ) -> Identities:
        people = {i: _copy(self._people[i]) for i in set(participant_ids) if i in self._people}
        invitations = {i: _copy(self._invitations[i]) for i in set(invitation_ids) if i in self._invitations}
        sessions = {i: _copy(self._sessions[i]) for i in set(session_ids) if i in self._sessions}
        congresses = {
            c: _copy(self._congresses[c])
            for c in {p.congress_id for p in people.values()}
            if c in self._congresses
        }
        return people, invitations, sessions, congresses
