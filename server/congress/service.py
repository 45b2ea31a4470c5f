"""What organisers do to a congress, whoever asks (a route or the command line): rules, then the directory.

Blocking, like the directory underneath; routes call it in a worker thread.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from server.auth.access import AccessService
from server.congress.csv_import import CsvResult, RowError, read_participants
from server.congress.directory import Directory
from server.congress.domain import DomainError, NewParticipant, Role
from server.congress.models import CongressRow, InvitationRow, ParticipantRow
from server.congress.people import parse_person


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


class Organising:
    def __init__(self, directory: Directory, access: AccessService, invitation_seconds: float) -> None:
        self.directory = directory
        self.access = access
        self.invitation_seconds = invitation_seconds

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
