"""Organiser routes of the history (JSON, plus the chart and diff exports): timeline, positions, versions,
diff, restore.

Organisers only, like the replay itself: the log says who typed what behind
closed doors, and restoring changes everyone's text. A position is a log id;
`version=ID` or `time=UNIX` are accepted wherever a position is.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from crdt.history import word_diff
from crdt.render import render_markdown
from server.congress.domain import DomainError, Identity
from server.errors import AccessDenied, BadRequest
from server.history import History
from server.history.chart import activity_svg
from server.history.present import (
    colours_by_rank,
    css_class,
    diff_document,
    diff_json,
    diff_text,
    passages_json,
    tree_json,
    when,
)
from server.web.params import json_object as _json

Handler = Callable[[Request, Any, Identity], Awaitable[Any]]


def organisers(handler: Handler) -> Callable[[Request], Awaitable[Response]]:
    """JSON for plain values; a handler may also return its own Response (SVG, files)."""

    async def endpoint(request: Request) -> Response:
        services = request.app.state.services
        try:
            identity = await services.door.organiser(request, request.path_params["slug"], request.method)
            result = await handler(request, services, identity)
        except AccessDenied as denied:
            return JSONResponse({"error": denied.reason}, status_code=denied.http_status)
        except DomainError as exc:
            return JSONResponse({"error": str(exc)}, status_code=400)
        return result if isinstance(result, Response) else JSONResponse(result)

    return endpoint


@dataclass
class People:
    names: dict[str, str]
    colours: dict[str, str]
    order: list[str]

    def css(self, author: str) -> str:
        """The colour as a class (the pages' CSP refuses inline style attributes)."""
        return css_class(self.order, author)


async def people(services: Any, identity: Identity, authors: list[str]) -> People:
    """Names of the authors on the log, and colours by activity (the same in chart and authorship)."""
    rows = await asyncio.to_thread(services.directory.participants, identity.congress_id)
    names = {f"participant:{p.id}": p.name for p in rows}
    return People(names, colours_by_rank(authors), authors)


async def position_of(history: History, slug: str, query: Any, key: str = "position") -> int:
    """The position a request names: `position`, `version` (a named version's id) or `time`; else now."""
    try:
        if query.get(key) not in (None, "", "now"):
            value = str(query[key])
            if value.startswith("v"):
                return (await history.version(slug, int(value[1:]))).position
            return int(value)
        if query.get("version"):
            return (await history.version(slug, int(query["version"]))).position
        if query.get("time"):
            return await history.position_at_time(slug, float(query["time"]))
    except ValueError:
        raise BadRequest(f"{key} must be a log position, v<version id> or now") from None
    return await history.latest(slug)


def version_json(version: Any, names: dict[str, str]) -> dict[str, Any]:
    return {
        "id": version.id,
        "name": version.name,
        "position": version.position,
        "created_by": names.get(version.created_by, version.created_by),
        "created_at": version.created_at,
    }


async def timeline(request: Request, services: Any, identity: Identity) -> Any:
    history: History = services.history
    slug = identity.congress_slug
    line = await history.timeline(slug)
    who = await people(services, identity, line.authors)
    versions = await history.versions(slug)
    return {
        "first": line.first,
        "last": line.last,
        "start": line.start,
        "end": line.end,
        "edits": line.edits,
        "people": [
            {"author": a, "name": who.names.get(a, a), "colour": who.colours[a], "css": who.css(a)}
            for a in who.order
        ],
        "steps": [
            {
                "kind": s.kind,
                "author": s.author,
                "name": who.names.get(s.author, s.author),
                "first": s.first,
                "last": s.last,
                "start": s.start,
                "end": s.end,
                "edits": s.edits,
            }
            for s in line.steps
        ],
        "versions": [version_json(v, who.names) for v in versions],
    }


async def moment(request: Request, services: Any, identity: Identity) -> Any:
    history: History = services.history
    slug = identity.congress_slug
    position = await position_of(history, slug, request.query_params)
    state = await history.moment(slug, position)
    result: dict[str, Any] = {
        "position": state.position,
        "at": state.at,
        "when": when(state.at),
        "motion": {"markdown": state.motion, "html": render_markdown(state.motion)},
        "mindmap": tree_json(state.mindmap),
    }
    if request.query_params.get("authors") == "1":
        line = await history.timeline(slug)
        who = await people(services, identity, line.authors)
        passages = await history.authorship(slug, position)
        result["authorship"] = passages_json(passages, who.names, who.colours)
        for passage in result["authorship"]:
            passage["css"] = who.css(passage["author"])
    return result


async def list_versions(request: Request, services: Any, identity: Identity) -> Any:
    who = await people(services, identity, [])
    return [version_json(v, who.names) for v in await services.history.versions(identity.congress_slug)]


async def name_version(request: Request, services: Any, identity: Identity) -> Any:
    data = await _json(request)
    history: History = services.history
    position = data.get("position")
    if position is not None and not isinstance(position, int):
        raise BadRequest("position must be a log position (an integer) or absent for now")
    version = await history.name_version(
        identity.congress_slug, str(data.get("name", "")), identity.author, position
    )
    return JSONResponse(version_json(version, {identity.author: identity.name}), status_code=201)


async def diff(request: Request, services: Any, identity: Identity) -> Any:
    history: History = services.history
    slug = identity.congress_slug
    query = request.query_params
    old_at = await position_of(history, slug, query, "from")
    new_at = await position_of(history, slug, query, "to")
    old, new = await asyncio.gather(history.text_at(slug, old_at), history.text_at(slug, new_at))
    changes = word_diff(old, new)
    title = f"{slug} : {old_at} → {new_at}"
    fmt = query.get("format", "json")
    filename = f"{slug}-diff-{old_at}-{new_at}"
    if fmt == "html":
        return Response(
            diff_document(changes, title, "fr"),
            media_type="text/html; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{filename}.html"'},
        )
    if fmt == "txt":
        return Response(
            diff_text(changes, title),
            media_type="text/plain; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{filename}.txt"'},
        )
    return {"from": old_at, "to": new_at, "changes": diff_json(changes)}


async def restore(request: Request, services: Any, identity: Identity) -> Any:
    data = await _json(request)
    history: History = services.history
    slug = identity.congress_slug
    position = await position_of(history, slug, {k: str(v) for k, v in data.items() if k != "documents"})
    kinds = tuple(data.get("documents") or ("motion", "mindmap"))
    if not set(kinds) <= {"motion", "mindmap"}:
        raise BadRequest("documents must be among motion and mindmap")
    done = await history.restore(slug, position, identity.author, kinds)
    return {"restored_from": position, "edits": done}


async def chart(request: Request, services: Any, identity: Identity) -> Any:
    line = await services.history.timeline(identity.congress_slug)
    who = await people(services, identity, line.authors)
    svg = activity_svg(line.activity, who.names, who.colours, "Modifications par minute et par personne")
    return Response(svg, media_type="image/svg+xml", headers={"Cache-Control": "no-store"})


BASE = "/api/congresses/{slug}/history"
ROUTES = [
    Route(BASE, organisers(timeline), methods=["GET"]),
    Route(BASE + "/at", organisers(moment), methods=["GET"]),
    Route(BASE + "/versions", organisers(list_versions), methods=["GET"]),
    Route(BASE + "/versions", organisers(name_version), methods=["POST"]),
    Route(BASE + "/diff", organisers(diff), methods=["GET"]),
    Route(BASE + "/restore", organisers(restore), methods=["POST"]),
    Route(BASE + "/activity.svg", organisers(chart), methods=["GET"]),
]
