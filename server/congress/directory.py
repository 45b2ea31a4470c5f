"""The congress directory on the SQL database: congresses, documents, people, invitations, sessions.

Blocking calls on purpose: the command line uses them as they are, and the
server calls them in a worker thread (they are rare next to keystrokes).
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterable, Sequence

from sqlalchemy import func
from sqlalchemy.exc import IntegrityError
from sqlmodel import col, select

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
from server.congress.models import (
    TABLES,
    CongressRow,
    DocumentRow,
    InvitationRow,
    ParticipantRow,
    SessionRow,
)
from server.store.tables import BoundTables


class Directory(BoundTables):
    tables = TABLES
    label = "directory"

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
        if starts_on and ends_on and ends_on < starts_on:
            raise DomainError("the congress cannot end before it starts")
        with self._session() as session:
            congress = CongressRow(
                slug=slug,
                title=title.strip(),
                edition=edition.strip(),
                starts_on=starts_on,
                ends_on=ends_on,
                phase=Phase.CONTRIBUTIONS.value,
                created_at=time.time(),
            )
            session.add(congress)
            try:
                session.flush()
            except IntegrityError:
                raise DomainError(f"a congress named {slug!r} already exists") from None
            assert congress.id is not None
            for kind in DOCUMENT_KINDS:
                session.add(DocumentRow(congress_id=congress.id, kind=kind, room=room_name(slug, kind)))
            session.commit()
            return congress

    def import_congress(
        self, congress: CongressRow, people: Sequence[ParticipantRow]
    ) -> tuple[CongressRow, list[ParticipantRow]]:
        check_slug(congress.slug)
        with self._session() as session:
            row = CongressRow(**congress.model_dump(exclude={"id"}))
            session.add(row)
            try:
                session.flush()
            except IntegrityError:
                raise DomainError(f"a congress named {congress.slug!r} already exists") from None
            assert row.id is not None
            for kind in DOCUMENT_KINDS:
                session.add(DocumentRow(congress_id=row.id, kind=kind, room=room_name(row.slug, kind)))
            rows = [ParticipantRow(**{**p.model_dump(exclude={"id"}), "congress_id": row.id}) for p in people]
            session.add_all(rows)
            session.commit()
            return row, rows

    def delete_congress(self, congress_id: int) -> None:
        with self._session() as session:
            people = select(ParticipantRow.id).where(ParticipantRow.congress_id == congress_id)
            for model, where in (
                (SessionRow, col(SessionRow.participant_id).in_(people)),
                (InvitationRow, InvitationRow.congress_id == congress_id),
                (ParticipantRow, ParticipantRow.congress_id == congress_id),
                (DocumentRow, DocumentRow.congress_id == congress_id),
                (CongressRow, CongressRow.id == congress_id),
            ):
                for found in session.exec(select(model).where(where)).all():  # type: ignore[call-overload]
                    session.delete(found)
                session.flush()  # in this order: each row's references are gone before it
            session.commit()

    def congress(self, slug: str) -> CongressRow | None:
        with self._session() as session:
            return session.exec(select(CongressRow).where(CongressRow.slug == slug)).first()

    def congress_by_id(self, congress_id: int) -> CongressRow | None:
        with self._session() as session:
            return session.get(CongressRow, congress_id)

    def congresses(self) -> list[CongressRow]:
        with self._session() as session:
            return list(session.exec(select(CongressRow).order_by(col(CongressRow.id))).all())

    def update_congress(self, congress_id: int, **fields: object) -> CongressRow:
        allowed = {"title", "edition", "starts_on", "ends_on"}
        if unknown := set(fields) - allowed:
            raise DomainError(f"cannot change {', '.join(sorted(unknown))}")
        with self._session() as session:
            congress = session.get(CongressRow, congress_id)
            if congress is None:
                raise DomainError("no such congress")
            for name, value in fields.items():
                setattr(congress, name, value)
            if congress.starts_on and congress.ends_on and congress.ends_on < congress.starts_on:
                raise DomainError("the congress cannot end before it starts")
            if not congress.title.strip():
                raise DomainError("a congress needs a title")
            session.add(congress)
            session.commit()
            return congress

    def set_phase(self, congress_id: int, target: Phase) -> CongressRow:
        with self._session() as session:
            congress = session.get(CongressRow, congress_id)
            if congress is None:
                raise DomainError("no such congress")
            check_phase_change(Phase(congress.phase), target)
            congress.phase = target.value
            session.add(congress)
            session.commit()
            return congress

    def set_pen(
        self, congress_id: int, on: bool, holders: Iterable[int]
    ) -> tuple[CongressRow, list[ParticipantRow]]:
        wanted = set(holders)
        with self._session() as session:
            congress = session.get(CongressRow, congress_id)
            if congress is None:
                raise DomainError("no such congress")
            people = session.exec(
                select(ParticipantRow).where(ParticipantRow.congress_id == congress_id)
            ).all()
            eligible = {p.id for p in people if p.revoked_at is None and p.role != Role.OBSERVER.value}
            if wanted - eligible:
                raise DomainError("a pen goes only to a participant or organiser of this congress")
            for person in people:
                if person.pen_holder != (person.id in wanted):
                    person.pen_holder = person.id in wanted
                    session.add(person)
            congress.pen_on = on
            congress.pen_version += 1
            session.add(congress)
            session.commit()
            return congress, sorted((p for p in people if p.pen_holder), key=lambda p: (p.name, p.id or 0))

    def documents(self, congress_id: int) -> list[DocumentRow]:
        with self._session() as session:
            query = select(DocumentRow).where(DocumentRow.congress_id == congress_id)
            return list(session.exec(query.order_by(col(DocumentRow.id))).all())

    def document_by_room(self, room: str) -> DocumentRow | None:
        with self._session() as session:
            return session.exec(select(DocumentRow).where(DocumentRow.room == room)).first()

    # -- participants ----------------------------------------------------------------

    def add_participants(
        self,
        congress_id: int,
        people: Sequence[NewParticipant],
        group_invitation_id: str | None = None,
    ) -> list[ParticipantRow]:
        """All or nothing, in one transaction."""
        now = time.time()
        rows = [
            ParticipantRow(
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
        with self._session() as session:
            session.add_all(rows)
            session.commit()
        return rows

    def participants(self, congress_id: int) -> list[ParticipantRow]:
        with self._session() as session:
            query = select(ParticipantRow).where(ParticipantRow.congress_id == congress_id)
            return list(session.exec(query.order_by(col(ParticipantRow.name), col(ParticipantRow.id))).all())

    def participant(self, participant_id: int) -> ParticipantRow | None:
        with self._session() as session:
            return session.get(ParticipantRow, participant_id)

    def existing_names(self, congress_id: int) -> set[tuple[str, str]]:
        """(name, commune) of everyone registered, case-folded, to spot a second registration."""
        with self._session() as session:
            query = select(ParticipantRow.name, ParticipantRow.commune).where(
                ParticipantRow.congress_id == congress_id, col(ParticipantRow.revoked_at).is_(None)
            )
            return {(name.casefold(), commune.casefold()) for name, commune in session.exec(query).all()}

    def revoke_participant(self, participant_id: int) -> ParticipantRow:
        with self._session() as session:
            person = session.get(ParticipantRow, participant_id)
            if person is None:
                raise DomainError("no such participant")
            if person.revoked_at is None:
                person.revoked_at = time.time()
                session.add(person)
                session.commit()
            return person

    def claim(self, participant_id: int, group_invitation_id: str) -> ParticipantRow:
        """Take a name from a shared role link: once only, so nobody else can then pass for that person."""
        with self._session() as session:
            person = session.get(ParticipantRow, participant_id)
            if person is None or person.group_invitation_id != group_invitation_id or person.revoked_at:
                raise DomainError("this name is not on this link")
            if person.claimed_at is not None:
                raise DomainError("this name has already been chosen; ask an organiser for your own link")
            person.claimed_at = time.time()
            session.add(person)
            session.commit()
            return person

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
        with self._session() as session:
            session.add(row)
            session.commit()
        return row

    def invitation(self, invitation_id: str) -> InvitationRow | None:
        with self._session() as session:
            return session.get(InvitationRow, invitation_id)

    def invitations(self, congress_id: int) -> list[InvitationRow]:
        with self._session() as session:
            query = select(InvitationRow).where(InvitationRow.congress_id == congress_id)
            return list(session.exec(query.order_by(col(InvitationRow.created_at))).all())

    def revoke_invitation(self, invitation_id: str) -> InvitationRow:
        with self._session() as session:
            row = session.get(InvitationRow, invitation_id)
            if row is None:
                raise DomainError("no such invitation")
            if row.revoked_at is None:
                row.revoked_at = time.time()
                session.add(row)
                session.commit()
            return row

    def group_members(self, invitation_id: str) -> list[ParticipantRow]:
        with self._session() as session:
            query = select(ParticipantRow).where(ParticipantRow.group_invitation_id == invitation_id)
            return list(session.exec(query.order_by(col(ParticipantRow.name))).all())

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
        with self._session() as session:
            session.add(row)
            session.commit()
        return row

    def end_session(self, sid: str) -> None:
        with self._session() as session:
            row = session.get(SessionRow, sid)
            if row is not None and row.ended_at is None:
                row.ended_at = time.time()
                session.add(row)
                session.commit()

    def end_sessions_of(self, participant_id: int) -> int:
        with self._session() as session:
            rows = session.exec(
                select(SessionRow).where(
                    SessionRow.participant_id == participant_id, col(SessionRow.ended_at).is_(None)
                )
            ).all()
            for row in rows:
                row.ended_at = time.time()
                session.add(row)
            session.commit()
            return len(rows)

    def credential(
        self, invitation_id: str | None = None, session_id: str | None = None
    ) -> tuple[SessionRow | None, InvitationRow | None, ParticipantRow | None, CongressRow | None]:
        """A session or invitation with its person and congress, in one round trip: every handshake asks."""
        with self._session() as session:
            web_session = session.get(SessionRow, session_id) if session_id else None
            if web_session is not None:
                invitation_id = web_session.invitation_id
            invitation = session.get(InvitationRow, invitation_id) if invitation_id else None
            person_id = (
                web_session.participant_id
                if web_session
                else invitation.participant_id
                if invitation
                else None
            )
            person = session.get(ParticipantRow, person_id) if person_id is not None else None
            congress = session.get(CongressRow, invitation.congress_id) if invitation else None
            return web_session, invitation, person, congress

    def count_participants(self, congress_id: int) -> int:
        with self._session() as session:
            query = select(func.count()).where(ParticipantRow.congress_id == congress_id)
            return int(session.exec(query).one())

    def rows_for(
        self, participant_ids: Iterable[int], invitation_ids: Iterable[str], session_ids: Iterable[str]
    ) -> tuple[
        dict[int, ParticipantRow], dict[str, InvitationRow], dict[str, SessionRow], dict[int, CongressRow]
    ]:
        """Everything needed to re-check many identities in one round trip (the periodic sweep)."""
        with self._session() as session:
            people = {
                p.id: p
                for p in session.exec(
                    select(ParticipantRow).where(col(ParticipantRow.id).in_(list(participant_ids)))
                ).all()
                if p.id is not None
            }
            invitations = {
                i.id: i
                for i in session.exec(
                    select(InvitationRow).where(col(InvitationRow.id).in_(list(invitation_ids)))
                )
            }
            sessions = {
                s.id: s
                for s in session.exec(select(SessionRow).where(col(SessionRow.id).in_(list(session_ids))))
            }
            congress_ids = {p.congress_id for p in people.values()}
            congresses = {
                c.id: c
                for c in session.exec(select(CongressRow).where(col(CongressRow.id).in_(congress_ids)))
                if c.id is not None
            }
            return people, invitations, sessions, congresses
