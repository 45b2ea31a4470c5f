"""Who may call a route, written once: an organiser of this congress, anyone of it, an organiser of any.

Each guard wraps a handler `(request, services, identity)` into a Starlette
endpoint. The door (server/auth/door.py) says who is knocking and refuses a
cookie-carrying request from another site on anything that changes state; a
refusal is an exception that server/web/errors.py turns into the answer. A
handler returns a Response, or plain data sent as JSON with `status`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, TypeVar, cast

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from server.congress.domain import Identity
from server.errors import CrossSite
from server.web.errors import JSON_FLAG

if TYPE_CHECKING:
    from server.app import Services

Handler = Callable[[Request, "Services", Identity], Awaitable[Any]]
PublicHandler = Callable[[Request, "Services"], Awaitable[Any]]
Endpoint = Callable[[Request], Awaitable[Response]]
T = TypeVar("T")

# What a route asks of its caller, attached to its endpoint (`endpoint.access`) so that the
# access-matrix test (tests/test_access_matrix.py) reads it from the route table: a route whose
# endpoint declares none fails that test. The guards below declare theirs; an endpoint written
# without a guard says what it checks itself with `requires(LEVEL)`.
PUBLIC = "public"  # everyone, no credential
MEMBER = "member"  # anyone of the path's congress (observers: what they may not change is refused)
MEMBER_PAGE = "member_page"  # the editors' pages: the same, but every refusal is one 403
ORGANISER = "organiser"  # an organiser of the path's congress
ANY_ORGANISER = "any_organiser"  # an organiser of some congress here
LINK = "link"  # the invitation token in the path is the credential (/i/{token})
ROOM = "room"  # a WebSocket room: anyone of its congress, observers read only
OPERATOR = "operator"  # loopback or the metrics token; an invitation is never enough
LEVELS = (PUBLIC, MEMBER, MEMBER_PAGE, ORGANISER, ANY_ORGANISER, LINK, ROOM, OPERATOR)


def requires(level: str) -> Callable[[T], T]:
    """Declare what an endpoint (or a mounted app) asks of its caller; it checks it itself."""
    if level not in LEVELS:
        raise ValueError(f"unknown access level {level!r}")

    def mark(endpoint: T) -> T:
        setattr(endpoint, "access", level)  # noqa: B010 (a function has no declared attribute)
        return endpoint

    return mark


def access_of(endpoint: object) -> str | None:
    return getattr(endpoint, "access", None)


def services_of(request: Request) -> Services:
    return cast("Services", request.app.state.services)


def answer(result: Any, status: int = 200) -> Response:
    return result if isinstance(result, Response) else JSONResponse(result, status_code=status)


Identify = Callable[["Services", Request], Awaitable[Identity]]


def _guard(level: str, identify: Identify, handler: Handler, status: int) -> Endpoint:
    """The endpoint that asks the door who is knocking (`identify`), then calls `handler`."""

    async def endpoint(request: Request) -> Response:
        services = services_of(request)
        identity = await identify(services, request)
        return answer(await handler(request, services, identity), status)

    return requires(level)(endpoint)


def organiser(handler: Handler, status: int = 200) -> Endpoint:
    """An organiser of the congress in the path's `{slug}`."""

    async def identify(services: Services, request: Request) -> Identity:
        return await services.door.organiser(request, request.path_params["slug"], request.method)

    return _guard(ORGANISER, identify, handler, status)


def member(handler: Handler, status: int = 200) -> Endpoint:
    """Anyone of the congress in the path's `{slug}` (what they get is the service's business)."""

    async def identify(services: Services, request: Request) -> Identity:
        return await services.door.member(request, request.path_params["slug"], request.method)

    return _guard(MEMBER, identify, handler, status)


def any_organiser(handler: Handler, status: int = 200) -> Endpoint:
    """An organiser of some congress here (creating a congress, importing an archive)."""

    async def identify(services: Services, request: Request) -> Identity:
        return await services.door.any_organiser(request, request.method)

    return _guard(ANY_ORGANISER, identify, handler, status)


def public(handler: PublicHandler, *, json_errors: bool = False) -> Endpoint:
    """No invitation needed (the front page, the published motion). `json_errors` for downloads."""

    async def endpoint(request: Request) -> Response:
        if json_errors:
            request.scope[JSON_FLAG] = True
        return answer(await handler(request, services_of(request)))

    return requires(PUBLIC)(endpoint)


def same_site_form(request: Request, *, origin_required: bool = False) -> None:
    """A form of ours posted by a browser (no CSRF header on a plain form): its Origin must be ours."""
    door = services_of(request).door
    if not door.origin_allowed(request) or (origin_required and request.headers.get("origin") is None):
        raise CrossSite()
