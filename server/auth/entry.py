"""Coming in and going out: opening an invitation link, choosing one's name on a shared link, signing out.

The use cases behind `/i/{token}` and `/logout` (server/routes/invitations.py):
the failed-attempt count, the session, the sockets to close. Blocking
directory work runs in a worker thread here, not in the route.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

from starlette.requests import HTTPConnection

from server.auth.door import SESSION_COOKIE, Door
from server.congress.domain import Identity
from server.errors import AccessDenied, Conflict, DomainError

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Session:
    identity: Identity
    secret: str
    expires: float


@dataclass(frozen=True, slots=True)
class Name:
    id: int
    name: str


@dataclass(frozen=True, slots=True)
class Opened:
    """A link opened: a session (a personal link), or the names still free on a shared one."""

    congress_title: str
    session: Session | None
    names: tuple[Name, ...] = ()
    # The browser is signed in as someone else: who it is now and who the link would make it.
    # Nothing is switched until the person confirms on our page (login CSRF, docs/security.md).
    current: Identity | None = None
    arriving: Identity | None = None


class Entry:
    def __init__(self, door: Door) -> None:
        self.door = door

    async def open(self, token: str, conn: HTTPConnection, *, confirmed: bool = False) -> Opened:
        """Open a link. If the browser's session is someone else's, ask first unless `confirmed`:
        a link on another site must not silently sign an organiser in as another person."""
        try:
            return await self._open(token, await self.current(conn), confirmed)
        except AccessDenied as denied:  # counted; a valid link from the same address still opens
            raise await self.door.refused(conn, "invitation link", denied) from None

    async def current(self, conn: HTTPConnection) -> Identity | None:
        """Who the browser's session cookie says it is now (None: no session, or not a valid one)."""
        secret = conn.cookies.get(SESSION_COOKIE)
        if not secret:
            return None
        try:
            return await asyncio.to_thread(self.door.access.identify_session, secret)
        except AccessDenied:
            return None

    async def _open(self, token: str, current: Identity | None, confirmed: bool) -> Opened:
        access = self.door.access
        opened = await asyncio.to_thread(access.open_invitation, token)
        if opened.identity is None:
            free = tuple(
                Name(p.id, p.name) for p in opened.names if p.claimed_at is None and p.id is not None
            )
            return Opened(opened.congress.title, None, free, current=current)
        if current is not None and current.participant_id != opened.identity.participant_id and not confirmed:
            return Opened(opened.congress.title, None, current=current, arriving=opened.identity)
        secret, expires = await asyncio.to_thread(access.start_session, opened.identity, opened.invitation)
        log.info(
            "session opened for participant %d of %s", opened.identity.participant_id, opened.congress.slug
        )
        return Opened(opened.congress.title, Session(opened.identity, secret, expires))

    async def claim(self, token: str, participant_id: int) -> Session:
        """The person behind a shared link says which name is theirs; the name is theirs only once."""
        try:
            identity, secret, expires = await asyncio.to_thread(
                self.door.access.claim_and_start_session, token, participant_id
            )
        except AccessDenied:
            raise
        except DomainError as exc:  # the name was taken meanwhile, or is not on this link
            raise Conflict(str(exc)) from exc
        log.info("participant %d chose their name on a shared link", identity.participant_id)
        return Session(identity, secret, expires)

    async def sign_out(self, secret: str | None) -> None:
        """End the session; its open sockets close too."""
        if not secret:
            return
        access = self.door.access
        try:
            identity = await asyncio.to_thread(access.identify_session, secret)
            self.door.sockets.disconnect(lambda i: i.session_id == identity.session_id, "signed out")
        except AccessDenied:
            pass
        await asyncio.to_thread(access.end_session, secret)
