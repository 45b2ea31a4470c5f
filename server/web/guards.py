"""Who may call a route, written once: an organiser of this congress, anyone of it, an organiser of any.

Each guard wraps a handler `(request, services, identity)` into a Starlette
endpoint. The door (server/auth/door.py) says who is knocking and refuses a
cookie-carrying request from another site on anything that changes state; a
refusal is an exception that server/web/errors.py turns into the answer. A
handler returns a Response, or plain data sent as JSON with `status`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, cast

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


def services_of(request: Request) -> Services:
    return cast("Services", request.app.state.services)


def answer(result: Any, status: int = 200) -> Response:
    return result if isinstance(result, Response) else JSONResponse(result, status_code=status)


def organiser(handler: Handler, status: int = 200) -> Endpoint:
    """An organiser of the congress in the path's `{slug}`."""

    async def endpoint(request: Request) -> Response:
        services = services_of(request)
        identity = await services.door.organiser(request, request.path_params["slug"], request.method)
        return answer(await handler(request, services, identity), status)

    return endpoint


def member(handler: Handler, status: int = 200) -> Endpoint:
    """Anyone of the congress in the path's `{slug}` (what they get is the service's business)."""

    async def endpoint(request: Request) -> Response:
        services = services_of(request)
        identity = await services.door.member(request, request.path_params["slug"], request.method)
        return answer(await handler(request, services, identity), status)

    return endpoint


def any_organiser(handler: Handler, status: int = 200) -> Endpoint:
    """An organiser of some congress here (creating a congress, importing an archive)."""

    async def endpoint(request: Request) -> Response:
        services = services_of(request)
        identity = await services.door.any_organiser(request, request.method)
        return answer(await handler(request, services, identity), status)

    return endpoint


def public(handler: PublicHandler, *, json_errors: bool = False) -> Endpoint:
    """No invitation needed (the front page, the published motion). `json_errors` for downloads."""

    async def endpoint(request: Request) -> Response:
        if json_errors:
            request.scope[JSON_FLAG] = True
        return answer(await handler(request, services_of(request)))

    return endpoint


def same_site_form(request: Request, *, origin_required: bool = False) -> None:
    """A form of ours posted by a browser (no CSRF header on a plain form): its Origin must be ours."""
    door = services_of(request).door
    if not door.origin_allowed(request) or (origin_required and request.headers.get("origin") is None):
        raise CrossSite()
