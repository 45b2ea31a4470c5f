"""The closed door: every WebSocket and every private route asks here who is knocking.

A program shows its invitation token (`?token=` on the WebSocket URL, which
is what the stock y-websocket provider's `params` option sends, or an
`Authorization: Bearer` header); a browser shows the session cookie it got
by opening its invitation link. Failures are counted per address; past the
limit a bad credential is answered late, a good one still passes
(server/auth/attempts.py).
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

from sqlalchemy.exc import SQLAlchemyError
from starlette.requests import HTTPConnection
from starlette.responses import Response

from server.auth.access import AccessService
from server.auth.attempts import FailedAttempts
from server.auth.origin import OriginPolicy
from server.auth.sockets import SocketRegistry
from server.auth.tokens import TokenSigner
from server.congress.directory import Directory
from server.congress.domain import Identity
from server.errors import (
    AccessDenied,
    CrossSite,
    DoorUnavailable,
    NotYourCongress,
    OrganisersOnly,
    TooMany,
    Unauthorized,
)
from server.settings import Settings

log = logging.getLogger(__name__)

SESSION_COOKIE = "ubiquite_session"
# Cookie-authenticated requests that change something must carry this header: a form or
# an image on another site cannot add it, and a cross-site fetch that tries needs a
# CORS preflight this server never grants.
CSRF_HEADER = "x-ubiquite-request"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


@dataclass(frozen=True, slots=True)
class Caller:
    identity: Identity
    by_cookie: bool


class Door:
    def __init__(self, settings: Settings, directory: Directory) -> None:
        access_settings = settings.access
        self.settings = settings
        self.directory = directory
        self.access = AccessService(
            directory, TokenSigner(settings.secret_key), access_settings.session_days * 86400
        )
        self.attempts = FailedAttempts(
            access_settings.failed_attempts,
            access_settings.failed_attempts_window,
            access_settings.failed_attempt_delay,
        )
        self.origins = OriginPolicy([*settings.allowed_origins, access_settings.public_url])  # "" is skipped
        self._rooms: dict[int, frozenset[str]] = {}
        self.sockets = SocketRegistry(
            self.access, access_settings.max_connections_per_person, access_settings.recheck_seconds
        )

    async def start(self) -> None:
        await self.sockets.start()

    async def stop(self) -> None:
        await self.sockets.stop()

    def origin_allowed(self, conn: HTTPConnection) -> bool:
        return self.origins.allows(conn.headers.get("origin"), conn.url.scheme, conn.headers.get("host"))

    def same_site_request(self, conn: HTTPConnection) -> bool:
        return conn.headers.get(CSRF_HEADER) == "1" and self.origin_allowed(conn)

    async def identify(self, conn: HTTPConnection) -> Caller:
        token = conn.query_params.get("token") or _bearer(conn)
        secret = conn.cookies.get(SESSION_COOKIE)
        if not token and not secret:
            raise Unauthorized("an invitation is needed")
        try:
            if token:
                return Caller(await asyncio.to_thread(self.access.identify_token, token), by_cookie=False)
            assert secret is not None
            return Caller(await asyncio.to_thread(self.access.identify_session, secret), by_cookie=True)
        except SQLAlchemyError as exc:
            log.error("cannot check who is knocking, the database failed: %s", exc.__class__.__name__)
            raise DoorUnavailable("identity check unavailable; try again shortly") from exc
        except Unauthorized as exc:
            raise await self.refused(conn, "token" if token else "session", exc) from None

    async def refused(self, conn: HTTPConnection, what: str, denied: AccessDenied) -> AccessDenied:
        """Count a bad credential and say how to refuse it: past the limit, late and as "too many".

        Every route or socket that checks a credential itself (an invitation link) ends here
        on failure, so that only failures are counted and slowed, never valid people.
        """
        address = conn.client.host if conn.client else "?"
        failures = self.attempts.record(address)
        over = failures > self.attempts.limit
        log.warning(
            "refused %s %s from %s: %s (failure %d of %d allowed%s)",
            what,
            conn.url.path,
            address,
            denied.reason,
            min(failures, self.attempts.limit),
            self.attempts.limit,
            ", past the limit: answered late" if over else "",
        )
        if not over:
            return denied
        await self.attempts.hold(address)
        return TooMany("too many failed attempts from this address; try again in a few minutes")

    async def admit(self, conn: HTTPConnection, room: str) -> Identity:
        """The identity of a WebSocket about to join `room`, or AccessDenied."""
        identity = (await self.identify(conn)).identity
        try:
            rooms = await self.rooms_of(identity.congress_id)
        except SQLAlchemyError as exc:
            raise DoorUnavailable("identity check unavailable; try again shortly") from exc
        self.access.check_room(room, rooms, identity)
        return identity

    async def rooms_of(self, congress_id: int) -> frozenset[str]:
        """A congress's rooms never change once created: kept after the first look, a query saved per join."""
        rooms = self._rooms.get(congress_id)
        if rooms is None:
            documents = await asyncio.to_thread(self.directory.documents, congress_id)
            rooms = self._rooms[congress_id] = frozenset(d.room for d in documents)
        return rooms

    async def organiser(self, conn: HTTPConnection, slug: str, method: str) -> Identity:
        """An organiser of congress `slug`, checked against cross-site requests when by cookie."""
        identity = await self.member(conn, slug, method)
        if not identity.is_organiser:
            raise OrganisersOnly()
        return identity

    async def member(self, conn: HTTPConnection, slug: str, method: str) -> Identity:
        """Anyone of congress `slug`, checked against cross-site requests when by cookie."""
        identity = await self._checked_caller(conn, method)
        if identity.congress_slug != slug:
            raise NotYourCongress()
        return identity

    async def any_organiser(self, conn: HTTPConnection, method: str) -> Identity:
        """An organiser of some congress of this instance (to create a congress, import an archive)."""
        identity = await self._checked_caller(conn, method)
        if not identity.is_organiser:
            raise OrganisersOnly()
        return identity

    async def _checked_caller(self, conn: HTTPConnection, method: str) -> Identity:
        caller = await self.identify(conn)
        if caller.by_cookie and method not in SAFE_METHODS and not self.same_site_request(conn):
            raise CrossSite()
        return caller.identity

    def set_session_cookie(self, response: Response, conn: HTTPConnection, secret: str, max_age: int) -> None:
        response.set_cookie(
            SESSION_COOKIE,
            secret,
            max_age=max_age,
            path="/",
            httponly=True,  # page scripts never see it: an injected script cannot carry it away
            samesite="lax",  # sent when following a link from an e-mail, not on cross-site posts
            secure=conn.url.scheme == "https",
        )

    def clear_session_cookie(self, response: Response) -> None:
        response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="lax")


def _bearer(conn: HTTPConnection) -> str | None:
    header = conn.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    return value.strip() or None if scheme.lower() == "bearer" else None
