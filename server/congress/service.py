"""What organisers do to a congress: the rules (blocking, for the command line too), and one async
use case per thing an organiser does in the browser, returning plain values (server/congress/views.py).

The async methods run the directory's blocking work in a worker thread here,
so routes never do; they also close the sockets a revocation or a phase
change concerns. The auth side is reached through two small Protocols, so
this package does not import server.auth (that one imports us).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from server.congress.attendance import Attendance, Roll
from server.congress.csv_import import CsvResult, RowError, read_participants
from server.congress.directory import Directory
from server.congress.domain import DomainError, Identity, NewParticipant, Phase, Role
from server.congress.models import CongressRow, InvitationRow, ParticipantRow
from server.congress.people import parse_person
from server.congress.views import Card, Closed, Congress, Invitation, Member, Person, reading_order
from server.errors import BadRequest, NotYourCongress

log = logging.getLogger(__name__)


class ImportRefused(DomainError):
    """Some rows are wrong: nothing was imported."""

    def __init__(self, errors: list[RowError]) -> None:
        super().__init__(f"{len(errors)} bad row(s); nothing imported")
        self.errors = errors


@dataclass(frozen=True, slots=True)
class Invited:
    person: ParticipantRow | None
    invitation: InvitationRow
    token: str


class Inviter(Protocol):
    """The links' side of server/auth/access.py AccessService."""

    def invite(
        self, congress_id: int, role: Role, participant_id: int | None, valid_seconds: float
    ) -> tuple[InvitationRow, str]: ...

    def token_of(self, invitation: InvitationRow) -> str: ...


class Sockets(Protocol):
    """server/auth/sockets.py SocketRegistry: closing the sockets of this process."""

    def disconnect(self, matches: Callable[[Identity], bool], reason: str) -> int: ...

    def refresh_congress(self, congress_id: int) -> None: ...


class Organising:
    def __init__(
        self,
        directory: Directory,
        access: Inviter,
        invitation_seconds: float,
        sockets: Sockets | None = None,  # none on the command line: no socket is open there
        attendance: Attendance | None = None,  # who is connected, on every process; none there either
    ) -> None:
        self.directory = directory
        self.access = access
        self.invitation_seconds = invitation_seconds
        self.sockets = sockets
        self.attendance = attendance

    # -- the rules (blocking) ------------------------------------------------------------

    def congress(self, slug: str) -> CongressRow:
        congress = self.directory.congress(slug)
        if congress is None:
            raise DomainError(f"no congress {slug!r}")
        return congress

    def add_person(self, congress: CongressRow, person: NewParticipant) -> Invited:
        """Register one person and give them their own link."""
        assert congress.id is not None
        known = self.directory.existing_names(congress.id)
        if (person.name.casefold(), person.commune.casefold()) in known:
            raise DomainError(f"{person.name} ({person.commune or 'no commune'}) is already registered")
        (row,) = self.directory.add_participants(congress.id, [person])
        return self.invite_person(row)

    def invite_person(self, person: ParticipantRow) -> Invited:
        """A new link for someone already registered (the old ones stay valid until revoked)."""
        assert person.id is not None
        if person.revoked_at is not None:
            raise DomainError(f"{person.name}'s access was revoked")
        invitation, token = self.access.invite(
            person.congress_id, Role(person.role), person.id, self.invitation_seconds
        )
        return Invited(person, invitation, token)

    def invite_group(
        self, congress: CongressRow, role: Role, names: list[str]
    ) -> tuple[Invited, list[ParticipantRow]]:
        """One shared link for a role; each person on the list picks their own name when opening it."""
        assert congress.id is not None
        people = [parse_person({"name": name, "role": role.value}) for name in names if name.strip()]
        if not people:
            raise DomainError("a shared link needs at least one name")
        known = self.directory.existing_names(congress.id)
        doubles = [p.name for p in people if (p.name.casefold(), "") in known]
        if doubles or len({p.name.casefold() for p in people}) != len(people):
            raise DomainError(f"names already registered or listed twice: {', '.join(doubles) or '(twice)'}")
        invitation, token = self.access.invite(congress.id, role, None, self.invitation_seconds)
        rows = self.directory.add_participants(congress.id, people, group_invitation_id=invitation.id)
        return Invited(None, invitation, token), rows

    def import_csv(self, congress: CongressRow, data: bytes | str) -> list[Invited]:
        """All the rows, each with its own link, or ImportRefused listing every bad row."""
        assert congress.id is not None
        result: CsvResult = read_participants(data, self.directory.existing_names(congress.id))
        if result.errors:
            raise ImportRefused(result.errors)
        rows = self.directory.add_participants(congress.id, result.people)
        return [self.invite_person(row) for row in rows]

    def current_links(self, congress: CongressRow) -> dict[int, Invited]:
        """Each person's newest usable link, by participant id, so an organiser can copy it again."""
        assert congress.id is not None
        newest: dict[int, Invited] = {}
        now = time.time()
        for invitation in self.directory.invitations(congress.id):
            if invitation.revoked_at is not None or invitation.expires_at < now:
                continue
            if invitation.participant_id is not None:
                newest[invitation.participant_id] = Invited(
                    None, invitation, self.access.token_of(invitation)
                )
        return newest

    def invite_importer(self, me: Identity, congress: CongressRow) -> str:
        """A link to an imported congress for the organiser who imported it (their own name there)."""
        mine = self.directory.participant(me.participant_id)
        assert congress.id is not None and mine is not None
        for person in self.directory.participants(congress.id):
            if person.name == mine.name and person.role == Role.ORGANISER.value and person.revoked_at is None:
                return self.invite_person(person).token
        new = NewParticipant(name=mine.name, role=Role.ORGANISER, commune=mine.commune)
        try:
            return self.add_person(congress, new).token
        except DomainError:  # a participant of the same name and commune is in the archive
            new = NewParticipant(name=mine.name, role=Role.ORGANISER, commune=f"{mine.commune} (import)")
            return self.add_person(congress, new).token

    # -- use cases (async, for the edge) ---------------------------------------------------

    def _row(self, me: Identity) -> CongressRow:
        row = self.directory.congress_by_id(me.congress_id)
        if row is None:
            raise NotYourCongress()
        return row

    def _view(self, row: CongressRow) -> Congress:
        assert row.id is not None
        return Congress.of(row, self.directory.documents(row.id))

    def _invitation(self, invited: Invited) -> Invitation:
        person = Person.of(invited.person) if invited.person is not None else None
        return Invitation.of(invited.invitation, invited.token, person)

    async def show(self, me: Identity) -> Congress:
        return await asyncio.to_thread(lambda: self._view(self._row(me)))

    async def update(self, me: Identity, fields: dict[str, str | dt.date | None]) -> Congress:
        def work() -> Congress:
            return self._view(self.directory.update_congress(me.congress_id, **fields))

        return await asyncio.to_thread(work)

    async def change_phase(self, me: Identity, target: Phase) -> Congress:
        await asyncio.to_thread(self.directory.set_phase, me.congress_id, target)
        log.info(
            "congress %s moved to phase %s by participant %d",
            me.congress_slug,
            target.value,
            me.participant_id,
        )
        if self.sockets is not None:
            self.sockets.refresh_congress(me.congress_id)  # frozen or unfrozen at once
        return await self.show(me)

    async def people(self, me: Identity) -> list[Person]:
        """Everyone of the congress, with their newest link and whether they are connected now."""

        here = {h.participant_id for h in (await self.connected(me)).here}

        def work() -> list[Person]:
            links = self.current_links(self._row(me))
            return [
                Person.of(p, links[p.id].token if p.id in links else None, p.id in here)
                for p in self.directory.participants(me.congress_id)
            ]

        return await asyncio.to_thread(work)

    async def invitation_cards(self, me: Identity) -> list[Card]:
        """Everyone not revoked, each with the link to print for them (the organisers' sheet)."""

        def work() -> list[Card]:
            links = self.current_links(self._row(me))
            now = time.time()
            shared = {
                row.id: self.access.token_of(row)
                for row in self.directory.invitations(me.congress_id)
                if row.participant_id is None and row.revoked_at is None and row.expires_at >= now
            }
            cards = []
            for row in self.directory.participants(me.congress_id):
                if row.revoked_at is not None or row.id is None:
                    continue
                if row.group_invitation_id is not None:
                    token = shared.get(row.group_invitation_id)
                    cards.append(Card(Person.of(row, token), token, True))
                else:
                    token = links[row.id].token if row.id in links else None
                    cards.append(Card(Person.of(row, token), token, False))
            return sorted(cards, key=lambda c: (reading_order(c.person.name), c.person.id))

        return await asyncio.to_thread(work)

    async def register(self, me: Identity, person: NewParticipant) -> Invitation:
        return await asyncio.to_thread(lambda: self._invitation(self.add_person(self._row(me), person)))

    async def import_people(self, me: Identity, data: bytes) -> list[Invitation]:
        def work() -> list[Invitation]:
            return [self._invitation(i) for i in self.import_csv(self._row(me), data)]

        invitations = await asyncio.to_thread(work)
        log.info("%d participants imported into %s", len(invitations), me.congress_slug)
        return invitations

    async def _person(self, me: Identity, participant_id: int) -> ParticipantRow:
        person = await asyncio.to_thread(self.directory.participant, participant_id)
        if person is None or person.congress_id != me.congress_id:
            raise BadRequest("no such participant in this congress")
        return person

    async def revoke_person(self, me: Identity, participant_id: int) -> Closed:
        """Revoke a person: their access, their sessions, and their open sockets, at once."""
        person = await self._person(me, participant_id)
        if person.id == me.participant_id:
            raise BadRequest("you cannot revoke yourself")
        await asyncio.to_thread(self.directory.revoke_participant, participant_id)
        await asyncio.to_thread(self.directory.end_sessions_of, participant_id)
        closed = self._disconnect(lambda i: i.participant_id == participant_id, "access revoked")
        log.info("participant %s revoked by participant %d", participant_id, me.participant_id)
        return Closed(participant_id, closed)

    async def new_link(self, me: Identity, participant_id: int) -> Invitation:
        person = await self._person(me, participant_id)
        return self._invitation(await asyncio.to_thread(self.invite_person, person))

    async def invitations(self, me: Identity) -> list[Invitation]:
        def work() -> list[Invitation]:
            result = []
            for row in self.directory.invitations(me.congress_id):
                names = None
                if row.participant_id is None:
                    members = self.directory.group_members(row.id)
                    names = tuple(Member(m.id, m.name, m.claimed_at is not None) for m in members if m.id)
                result.append(Invitation.of(row, self.access.token_of(row), names=names))
            return result

        return await asyncio.to_thread(work)

    async def shared_link(self, me: Identity, role: Role, names: list[str]) -> Invitation:
        def work() -> Invitation:
            invited, people = self.invite_group(self._row(me), role, names)
            members = tuple(Member(p.id, p.name, False) for p in people if p.id is not None)
            return Invitation.of(invited.invitation, invited.token, names=members)

        return await asyncio.to_thread(work)

    async def revoke_invitation(self, me: Identity, invitation_id: str) -> Closed:
        row = await asyncio.to_thread(self.directory.invitation, invitation_id)
        if row is None or row.congress_id != me.congress_id:
            raise BadRequest("no such invitation in this congress")
        if row.participant_id == me.participant_id and me.invitation_id == row.id:
            raise BadRequest("this is the link you are signed in with")
        await asyncio.to_thread(self.directory.revoke_invitation, invitation_id)
        closed = self._disconnect(lambda i: i.invitation_id == invitation_id, "invitation revoked")
        return Closed(invitation_id, closed)

    async def connected(self, me: Identity) -> Roll:
        """Who is connected to the congress now, on every process (server/congress/attendance.py)."""
        return Roll(()) if self.attendance is None else await self.attendance.roll(me.congress_id)

    async def create_congress(
        self, me: Identity, slug: str, title: str, edition: str
    ) -> tuple[Congress, str]:
        """Next year's edition; the organiser asking becomes its first organiser (their link's token)."""

        def work() -> tuple[Congress, str]:
            mine = self.directory.participant(me.participant_id)
            assert mine is not None
            row = self.directory.create_congress(slug, title, edition)
            organiser = parse_person(
                {
                    "name": mine.name,
                    "role": Role.ORGANISER.value,
                    "commune": mine.commune,
                    "department": mine.department,
                    "site": mine.site,
                    "contact": mine.contact,
                }
            )
            return self._view(row), self.add_person(row, organiser).token

        return await asyncio.to_thread(work)

    def _disconnect(self, matches: Callable[[Identity], bool], reason: str) -> int:
        return 0 if self.sockets is None else self.sockets.disconnect(matches, reason)
