"""Who someone is: an invitation token or a session secret turned into an Identity, or refused.

Every check reads the database, because only the database knows about a
revocation made by an organiser, the command line or another process.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass

from server import palette
from server.auth.tokens import (
    InvitationClaim,
    TokenError,
    TokenSigner,
    new_invitation_id,
    new_session_secret,
    session_id,
)
from server.congress.directory import Directory
from server.congress.domain import ORGANISERS_ONLY_KINDS, Identity, Phase, Role, Site, room_kind
from server.congress.models import CongressRow, InvitationRow, ParticipantRow, SessionRow
from server.errors import Forbidden, Unauthorized


@dataclass(frozen=True, slots=True)
class OpenedInvitation:
    """What opening a link gives: a person, or (shared role link) the names one may choose from."""

    invitation: InvitationRow
    congress: CongressRow
    identity: Identity | None
    names: list[ParticipantRow]


class AccessService:
    def __init__(self, directory: Directory, signer: TokenSigner, session_seconds: float) -> None:
        self.directory = directory
        self.signer = signer
        self.session_seconds = session_seconds
        # congress id → (participant id, registered at) → place in the congress (server/palette.py)
        self._ranks: dict[int, dict[tuple[int, float], int]] = {}

    # -- invitations -----------------------------------------------------------------

    def invite(
        self, congress_id: int, role: Role, participant_id: int | None, valid_seconds: float
    ) -> tuple[InvitationRow, str]:
        expires = int(time.time() + valid_seconds)
        row = self.directory.create_invitation(
            new_invitation_id(), congress_id, role, participant_id, expires
        )
        return row, self.token_of(row)

    def token_of(self, invitation: InvitationRow) -> str:
        """The token is not stored; it is rebuilt from the row, so an organiser can copy a link again."""
        return self.signer.sign(invitation.id, int(invitation.expires_at))

    def open_invitation(self, token: str, now: float | None = None) -> OpenedInvitation:
        now = time.time() if now is None else now
        claim = self._verify(token, now)
        _, invitation, person, congress = self.directory.credential(invitation_id=claim.invitation_id)
        if invitation is None or congress is None:
            raise Unauthorized("unknown invitation")
        _check_invitation(invitation, now)
        if invitation.participant_id is None:
            names = [p for p in self.directory.group_members(invitation.id) if p.revoked_at is None]
            return OpenedInvitation(invitation, congress, None, names)
        identity = _identity(person, congress, invitation, None, now, self._rank(person))
        return OpenedInvitation(invitation, congress, identity, [])

    def identify_token(self, token: str, now: float | None = None) -> Identity:
        opened = self.open_invitation(token, now)
        if opened.identity is None:
            raise Unauthorized("a shared link names nobody: open it in a browser and choose your name")
        return opened.identity

    def _verify(self, token: str, now: float) -> InvitationClaim:
        """Forged and expired tokens are refused here, without a database query."""
        try:
            claim = self.signer.verify(token)
        except TokenError as exc:
            raise Unauthorized(f"invalid invitation ({exc})") from None
        if claim.expires_at < now:
            raise Unauthorized("invitation expired")
        return claim

    # -- sessions --------------------------------------------------------------------

    def start_session(self, identity: Identity, invitation: InvitationRow) -> tuple[str, float]:
        """Return the secret for the cookie and how long it lives; the database keeps only its hash."""
        secret = new_session_secret()
        expires = min(time.time() + self.session_seconds, invitation.expires_at)
        self.directory.create_session(session_id(secret), identity.participant_id, invitation.id, expires)
        return secret, expires

    def claim_and_start_session(self, token: str, participant_id: int) -> tuple[Identity, str, float]:
        opened = self.open_invitation(token)
        if opened.identity is not None:
            raise Forbidden("this link is for one person already")
        person = self.directory.claim(participant_id, opened.invitation.id)
        identity = _identity(
            person, opened.congress, opened.invitation, None, time.time(), self._rank(person)
        )
        secret, expires = self.start_session(identity, opened.invitation)
        return identity, secret, expires

    def identify_session(self, secret: str, now: float | None = None) -> Identity:
        now = time.time() if now is None else now
        session, invitation, person, congress = self.directory.credential(session_id=session_id(secret))
        if session is None or invitation is None or congress is None:
            raise Unauthorized("unknown session")
        _check_invitation(invitation, now)
        return _identity(person, congress, invitation, session, now, self._rank(person))

    def end_session(self, secret: str) -> None:
        self.directory.end_session(session_id(secret))

    def _rank(self, person: ParticipantRow | None) -> int:
        """The person's place in their congress: its people read once, and again when someone new
        appears (a place never changes: people are never removed, server/palette.py)."""
        if person is None or person.id is None:
            return 0
        key = (person.id, person.created_at)  # with the time, a reused id is someone new
        known = self._ranks.get(person.congress_id, {})
        if key not in known:
            people = self.directory.participants(person.congress_id)
            order = palette.ranks(p.id for p in people if p.id is not None)
            known = {(p.id, p.created_at): order[p.id] for p in people if p.id is not None}
            self._ranks[person.congress_id] = known
        return known.get(key, 0)

    # -- rooms -----------------------------------------------------------------------

    @staticmethod
    def check_room(room: str, rooms_of_congress: frozenset[str], identity: Identity | None = None) -> None:
        # The same answer whether the room exists elsewhere or not at all: nothing to learn by probing.
        if room not in rooms_of_congress:
            raise Forbidden("not a document of your congress")
        # The live tallies of open votes are the organisers' (issue 15, docs/amendments.md).
        if identity is not None and room_kind(room) in ORGANISERS_ONLY_KINDS and not identity.is_organiser:
            raise Forbidden("organisers only")

    # -- the periodic sweep ----------------------------------------------------------

    def recheck(self, identities: Iterable[Identity]) -> dict[Identity, Identity | Unauthorized]:
        """Each identity as it stands now (role or phase may have changed), or why it no longer holds."""
        identities = list(identities)
        people, invitations, sessions, congresses = self.directory.rows_for(
            {i.participant_id for i in identities},
            {i.invitation_id for i in identities if i.invitation_id},
            {i.session_id for i in identities if i.session_id},
        )
        now = time.time()
        result: dict[Identity, Identity | Unauthorized] = {}
        for old in identities:
            person = people.get(old.participant_id)
            invitation = invitations.get(old.invitation_id or "")
            session = sessions.get(old.session_id) if old.session_id else None
            try:
                if invitation is None or person is None or (old.session_id and session is None):
                    raise Unauthorized("access revoked")
                _check_invitation(invitation, now)
                congress = congresses.get(person.congress_id)
                if congress is None:
                    raise Unauthorized("access revoked")
                result[old] = _identity(person, congress, invitation, session, now, self._rank(person))
            except Unauthorized as exc:
                result[old] = exc
        return result


def _check_invitation(invitation: InvitationRow, now: float) -> None:
    if invitation.revoked_at is not None:
        raise Unauthorized("invitation revoked")
    if invitation.expires_at < now:
        raise Unauthorized("invitation expired")


def _identity(
    person: ParticipantRow | None,
    congress: CongressRow,
    invitation: InvitationRow,
    session: SessionRow | None,
    now: float,
    rank: int = 0,
) -> Identity:
    if person is None or person.id is None or person.congress_id != congress.id:
        raise Unauthorized("unknown participant")
    if person.revoked_at is not None:
        raise Unauthorized("access revoked")
    if session is not None:
        if session.ended_at is not None:
            raise Unauthorized("session ended")
        if session.expires_at < now:
            raise Unauthorized("session expired")
    assert congress.id is not None
    return Identity(
        participant_id=person.id,
        name=person.name,
        role=Role(person.role),
        congress_id=congress.id,
        congress_slug=congress.slug,
        phase=Phase(congress.phase),
        session_id=session.id if session else None,
        invitation_id=invitation.id,
        site=Site.REMOTE if person.site == Site.REMOTE.value else Site.ON_SITE,
        pen_on=bool(congress.pen_on),
        pen_holder=bool(person.pen_holder),
        rank=rank,
    )
