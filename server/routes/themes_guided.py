"""Routes of issue 14 beside the theme routes: the congress's axes, merging a near-duplicate pair
into one idea, and the progress of a classification or an encoding (server/contributions/theming.py).

Organisers only, like the theme routes; a cookie needs the CSRF header (server/web/guards.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.routing import Route

from server.congress.domain import DomainError, Identity
from server.contributions.theming import Axis
from server.routes.contributions import API, board_json
from server.web.guards import organiser
from server.web.params import json_object

if TYPE_CHECKING:
    from server.app import Services


def axes_json(axes: tuple[Axis, ...]) -> dict[str, Any]:
    return {"axes": [{"name": a.name, "description": a.description} for a in axes]}


async def get_axes(request: Request, services: Services, identity: Identity) -> Any:
    return axes_json(await services.theming.axes(identity))


async def put_axes(request: Request, services: Services, identity: Identity) -> Any:
    """The whole list at once, in order: {"axes": [{name, description}]}, an empty list for none."""
    data = await json_object(request)
    return axes_json(await services.theming.set_axes(identity, data.get("axes")))


async def merge_duplicates(request: Request, services: Services, identity: Identity) -> Any:
    """{keep, other}: one idea from two contributions, both authors kept."""
    data = await json_object(request)
    keep, other = data.get("keep"), data.get("other")
    if not isinstance(keep, str) or not isinstance(other, str):
        raise DomainError("keep and other must be contribution ids")
    return board_json(await services.theming.merge_duplicates(identity, keep, other))


async def status(request: Request, services: Services, identity: Identity) -> Any:
    """What the worker does for this congress: polled by the page while a run or an encoding lasts."""
    now = services.theming.progress(identity)
    return {
        "running": now.running,
        "busy": now.busy,
        "kind": now.kind,
        "step": now.step,
        "done": now.done,
        "total": now.total,
    }


ROUTES = [
    Route(API + "/axes", organiser(get_axes), methods=["GET"]),
    Route(API + "/axes", organiser(put_axes), methods=["PUT"]),
    Route(API + "/themes/duplicates/merge", organiser(merge_duplicates), methods=["POST"]),
    Route(API + "/themes/status", organiser(status), methods=["GET"]),
]
