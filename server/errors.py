"""Errors as small classes: the WebSocket close code they become, and the domain errors the HTTP edge maps.

The HTTP answer of each error is chosen in one place, server/web/errors.py.
"""

from __future__ import annotations


class CloseCode:
    """WebSocket close codes used by the sync endpoint (RFC 6455 and the 4xxx private range)."""

    NORMAL = 1000
    GOING_AWAY = 1001
    UNSUPPORTED_DATA = 1003  # a text frame where binary is expected
    INVALID_PAYLOAD = 1007  # a malformed or refused message or update
    POLICY_VIOLATION = 1008  # rate limit, unsafe content
    MESSAGE_TOO_BIG = 1009
    INTERNAL_ERROR = 1011
    SERVICE_RESTART = 1012
    TRY_AGAIN_LATER = 1013  # the client could not keep up with the room
    UNAUTHORIZED = 4401  # no valid invitation or session
    FORBIDDEN = 4403  # a valid person, but not of this congress
    TOO_MANY = 4429  # too many connections for one person, or failed attempts from one address


class ConnectionRefused(Exception):
    """Close one connection with `code` and a reason the client can show."""

    code: int = CloseCode.POLICY_VIOLATION

    def __init__(self, reason: str, code: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason[:120]  # a close reason must fit in a control frame
        if code is not None:
            self.code = code


class BadMessage(ConnectionRefused):
    code = CloseCode.INVALID_PAYLOAD


class UnsupportedData(ConnectionRefused):
    code = CloseCode.UNSUPPORTED_DATA


class MessageTooBig(ConnectionRefused):
    code = CloseCode.MESSAGE_TOO_BIG


class RateLimited(ConnectionRefused):
    code = CloseCode.POLICY_VIOLATION


class SlowConsumer(ConnectionRefused):
    code = CloseCode.TRY_AGAIN_LATER


class AccessDenied(ConnectionRefused):
    """The door refuses: a close code on a WebSocket, an HTTP status on a route."""

    code = CloseCode.UNAUTHORIZED
    http_status = 401


class Unauthorized(AccessDenied):
    code = CloseCode.UNAUTHORIZED
    http_status = 401


class Forbidden(AccessDenied):
    code = CloseCode.FORBIDDEN
    http_status = 403


class NotYourCongress(Forbidden):
    def __init__(self, reason: str = "not your congress") -> None:
        super().__init__(reason)


class OrganisersOnly(Forbidden):
    def __init__(self, reason: str = "organisers only") -> None:
        super().__init__(reason)


class InvitationOnly(Forbidden):
    """The editors' pages say only this to anyone not of the congress, invited elsewhere or not at all."""

    def __init__(self, reason: str = "invitation only") -> None:
        super().__init__(reason)


class CrossSite(Forbidden):
    """A cookie-carrying request that changes something, sent from another site (server/auth/door.py)."""

    def __init__(self, reason: str = "cross-site request refused") -> None:
        super().__init__(reason)


class TooMany(AccessDenied):
    code = CloseCode.TOO_MANY
    http_status = 429


class DoorUnavailable(AccessDenied):
    """The database could not say who this is: not a refusal, so a client retries (1013 is not 44xx)."""

    code = CloseCode.TRY_AGAIN_LATER
    http_status = 503


class DomainError(ValueError):
    """A request the congress's rules do not allow; the message is shown to the person who asked."""


class BadRequest(DomainError):
    """A request the edge cannot read: a body that is not JSON, a parameter out of its range."""


class NotFound(DomainError):
    """No such thing, or not one this person may see (the two are not told apart)."""


class Conflict(DomainError):
    """The request collides with what is already there (a name already chosen, a run in progress)."""


class Unavailable(DomainError):
    """Something this instance lacks for now (the browser client not built, an export format)."""
