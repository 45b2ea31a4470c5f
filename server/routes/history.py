"""Organiser routes of the history (JSON, plus the chart and diff exports): timeline, positions, versions,
diff, restore.

Organisers only, like the replay itself: the log says who typed what behind
closed doors, and restoring changes everyone's text. A position is a log id;
`version=ID` or `time=UNIX` are accepted wherever a position is.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from server.congress.domain import Identity
from server.errors import BadRequest
from server.history import History
from server.history.chart import activity_svg
from server.history.present import Authors, diff_json, diff_text, passages_json, tree_json
from server.web import trusted
from server.web.guards import organiser
from server.web.language import language
from server.web.params import integer, json_object
from server.web.templates import document
from server.words import word

if TYPE_CHECKING:
    from server.app import Services


async def people(history: History, slug: str, authors: list[str]) -> Authors:
    """Names of the authors on the log; each person's colour is theirs everywhere (server/palette.py)."""
    return await history.authors(slug, authors)


async def position_of(history: History, slug: str, query: Mapping[str, Any], key: str = "position") -> int:
    """The position a request names: `position`, `version` (a named version's id) or `time`; else now."""
    value = query.get(key)
    if value not in (None, "", "now"):
        text = str(value)
        if text.startswith("v"):
            return (await history.version(slug, integer(text[1:], f"{key} version id"))).position
        if not text.lstrip("-").isdigit():
            raise BadRequest(f"{key} must be a log position, v<version id> or now")
        return integer(text, key)
    if query.get("version"):
        return (await history.version(slug, integer(query["version"], "version"))).position
    if query.get("time"):
        try:
            at = float(query["time"])
        except ValueError:
            raise BadRequest("time must be a Unix time in seconds") from None
        if not math.isfinite(at):
            raise BadRequest("time must be a Unix time in seconds")
        return await history.position_at_time(slug, at)
    if query.get("clock"):
        return await history.position_at_time(slug, await clock_time(history, slug, str(query["clock"])))
    return await history.latest(slug)


async def clock_time(history: History, slug: str, clock: str) -> float:
    """`clock` ("14:05" or "14:05:30") on the day the congress first wrote, in the congress's time
    zone (server/clock.py), not the browser's: the times the pages show are the congress's."""
    try:
        hour, minute, *rest = (int(part) for part in clock.split(":"))
        moment = dt.time(hour, minute, rest[0] if rest else 0)
    except (ValueError, TypeError):
        raise BadRequest("clock must be a time of day, HH:MM or HH:MM:SS") from None
    start = (await history.timeline(slug)).start
    day = history.clock.local(start).date() if start else dt.datetime.now(history.clock.zone).date()
    return dt.datetime.combine(day, moment, tzinfo=history.clock.zone).timestamp()


def version_json(version: Any, names: dict[str, str], when: str = "") -> dict[str, Any]:
    """A named version; `when`: the time of its position in words, as the pages show it."""
    return {
        "id": version.id,
        "name": version.name,
        "position": version.position,
        "created_by": names.get(version.created_by, version.created_by),
        "created_at": version.created_at,
        "when": when,
    }


async def timeline(request: Request, services: Services, identity: Identity) -> Any:
    history = services.history
    slug, lang = identity.congress_slug, language(request)
    line = await history.timeline(slug)
    who = await people(history, slug, line.authors)
    versions = await history.versions(slug)
    return {
        "first": line.first,
        "last": line.last,
        "start": line.start,
        "end": line.end,
        "edits": line.edits,
        "people": [who.json(a) for a in who.order],
        "steps": [
            {
                "kind": s.kind,
                "author": s.author,
                "name": who.name(s.author),
                "first": s.first,
                "last": s.last,
                "start": s.start,
                "end": s.end,
                "edits": s.edits,
            }
            for s in line.steps
        ],
        "versions": [
            version_json(v, who.names, history.clock.moment(await history.time_of(slug, v.position), lang))
            for v in versions
        ],
        # Issue 15: closed votes and decided amendments, as events of the day.
        "decisions": [
            e.json() for e in await services.record.events(identity.congress_id, language(request))
        ],
    }


async def moment(request: Request, services: Services, identity: Identity) -> Any:
    history = services.history
    slug = identity.congress_slug
    position = await position_of(history, slug, request.query_params)
    authors = request.query_params.get("authors") == "1"
    state = await history.moment(slug, position, authors=authors)
    who = await history.authors(slug)
    result: dict[str, Any] = {
        "position": state.position,
        "at": state.at,
        "when": history.clock.moment(state.at, language(request), seconds=True),
        "motion": {"markdown": state.motion, "html": str(trusted.markdown(state.motion))},
        "mindmap": tree_json(state.mindmap, state.node_authors, who),
    }
    if state.passages is not None:
        result["authorship"] = passages_json(state.passages, who)
    return result


async def list_versions(request: Request, services: Services, identity: Identity) -> Any:
    slug = identity.congress_slug
    names = await services.history.names(slug)
    return [version_json(v, names) for v in await services.history.versions(slug)]


async def name_version(request: Request, services: Services, identity: Identity) -> Any:
    data = await json_object(request)
    position = data.get("position")
    if position is not None:
        if not isinstance(position, int) or isinstance(position, bool):
            raise BadRequest("position must be a log position (an integer) or absent for now")
        position = integer(position, "position")
    version = await services.history.name_version(
        identity.congress_slug, str(data.get("name", "")), identity.author, position
    )
    return JSONResponse(version_json(version, {identity.author: identity.name}), status_code=201)


async def diff(request: Request, services: Services, identity: Identity) -> Any:
    history = services.history
    slug = identity.congress_slug
    query = request.query_params
    old_at = await position_of(history, slug, query, "from")
    new_at = await position_of(history, slug, query, "to")
    changes = await history.compare(slug, old_at, new_at)
    lang = language(request)
    since, until = [
        history.clock.moment(await history.time_of(slug, p), lang, seconds=True) for p in (old_at, new_at)
    ]
    since = since or word("at_start", lang, "history")  # before the first edit: no time to say
    title = f"{await history.title(slug)}{word('colon', lang, 'history')}{since} → {until}"
    fmt = query.get("format", "json")
    filename = f"{slug}-diff-{old_at}-{new_at}"
    if fmt == "html":
        return Response(
            document("diff_export.html", changes=changes, title=title, lang=lang),
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


async def restore(request: Request, services: Services, identity: Identity) -> Any:
    data = await json_object(request)
    history = services.history
    slug = identity.congress_slug
    position = await position_of(history, slug, {k: str(v) for k, v in data.items() if k != "documents"})
    kinds = tuple(data.get("documents") or ("motion", "mindmap"))
    if not set(kinds) <= {"motion", "mindmap"}:
        raise BadRequest("documents must be among motion and mindmap")
    done = await history.restore(slug, position, identity.author, kinds)
    return {"restored_from": position, "edits": done}


async def chart(request: Request, services: Services, identity: Identity) -> Any:
    line = await services.history.timeline(identity.congress_slug)
    who = await people(services.history, identity.congress_slug, line.authors)
    lang = language(request)
    title = word("activity_title", lang, "history")
    svg = activity_svg(line.activity, who.names, who.colours, title, services.history.clock, lang)
    return Response(svg, media_type="image/svg+xml", headers={"Cache-Control": "no-store"})


BASE = "/api/congresses/{slug}/history"
ROUTES = [
    Route(BASE, organiser(timeline), methods=["GET"]),
    Route(BASE + "/at", organiser(moment), methods=["GET"]),
    Route(BASE + "/versions", organiser(list_versions), methods=["GET"]),
    Route(BASE + "/versions", organiser(name_version), methods=["POST"]),
    Route(BASE + "/diff", organiser(diff), methods=["GET"]),
    Route(BASE + "/restore", organiser(restore), methods=["POST"]),
    Route(BASE + "/activity.svg", organiser(chart), methods=["GET"]),
]
