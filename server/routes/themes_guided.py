"""Routes of issue 14 beside the contribution routes: the congress's axes, merging a
near-duplicate pair into one idea, and the progress of a classification or an encoding.

Same guards as the theme routes (organisers only, CSRF header for a cookie), through
server/routes/contributions.py `organiser`.
"""

from __future__ import annotations

import asyncio
from typing import Any

from starlette.requests import Request
from starlette.routing import Route

from server.congress.domain import DomainError, Identity
from server.routes.contributions import organiser, themes_json
from server.routes.organiser import _json


async def get_axes(request: Request, services: Any, identity: Identity) -> Any:
    return {"axes": await asyncio.to_thread(services.contributions.axes, identity.congress_id)}


async def put_axes(request: Request, services: Any, identity: Identity) -> Any:
    """The whole list at once, in order: [{name, description}], an empty list for none."""
    data = await _json(request)
    items = data.get("axes") if isinstance(data, dict) else data
    axes = await asyncio.to_thread(services.contributions.set_axes, identity, identity.phase, items)
    return {"axes": axes}


async def merge_duplicates(request: Request, services: Any, identity: Identity) -> Any:
    """{keep, other}: one idea from two contributions, both authors kept."""
    data = await _json(request)
    keep, other = data.get("keep"), data.get("other")
    if not isinstance(keep, str) or not isinstance(other, str):
        raise DomainError("keep and other must be contribution ids")
    async with services.classifier.themes_lock(identity.congress_id):
        await asyncio.to_thread(services.contributions.merge_duplicates, identity.congress_id, keep, other)
    return await themes_json(services, identity)


async def status(request: Request, services: Any, identity: Identity) -> Any:
    """What the worker does for this congress: polled by the page while a run or an encoding lasts."""
    progress = services.classifier.progress()
    mine = progress.congress_id == identity.congress_id
    return {
        "running": services.classifier.running and mine,
        "busy": progress.congress_id is not None,  # the worker is busy, maybe for another congress
        "kind": progress.kind if mine else "",
        "step": progress.step if mine else "",
        "done": progress.done if mine else 0,
        "total": progress.total if mine else 0,
    }


ROUTES = [
    Route("/api/congresses/{slug}/axes", organiser(get_axes), methods=["GET"]),
    Route("/api/congresses/{slug}/axes", organiser(put_axes), methods=["PUT"]),
    Route("/api/congresses/{slug}/themes/duplicates/merge", organiser(merge_duplicates), methods=["POST"]),
    Route("/api/congresses/{slug}/themes/status", organiser(status), methods=["GET"]),
]
