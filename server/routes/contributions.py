"""Contribution and theme routes (JSON over HTTP): writing, reading, import, export, review, mind map.

Anyone of the congress may call the contribution routes (what they get depends
on who they are: server/contributions/service.py); the theme routes and the
import and export are for organisers. A browser's cookie needs the CSRF
header on anything that changes state, as on every route of the closed door.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from crdt.mindmap import build_tree
from server.auth.door import SAFE_METHODS
from server.congress.domain import DomainError, Identity, Phase, room_name
from server.contributions import review
from server.contributions.chart import themes_svg
from server.contributions.classifier import ClassificationBusy
from server.contributions.placement import place_themes
from server.contributions.review import Draft
from server.contributions.service import ImportRefused, NotFound, PhaseClosed, contribution_json
from server.contributions.store import Filter
from server.errors import AccessDenied, Forbidden
from server.web.i18n import language
from server.web.i18n_contributions import words
from server.web.params import json_object as _json

log = logging.getLogger(__name__)
MAX_IMPORT = 20 * 1024 * 1024  # 2,000 contributions of a few sentences are under 2 MB

Handler = Callable[[Request, Any, Identity], Awaitable[Any]]


def _endpoint(
    handler: Handler, *, organiser: bool, status: int = 200
) -> Callable[[Request], Awaitable[Response]]:
    async def endpoint(request: Request) -> Response:
        services = request.app.state.services
        slug = request.path_params["slug"]
        try:
            if organiser:
                identity = await services.door.organiser(request, slug, request.method)
            else:
                caller = await services.door.identify(request)
                unsafe = caller.by_cookie and request.method not in SAFE_METHODS
                if unsafe and not services.door.same_site_request(request):
                    raise Forbidden("cross-site request refused")
                identity = caller.identity
                if identity.congress_slug != slug:
                    raise Forbidden("not your congress")
            result = await handler(request, services, identity)
            if isinstance(result, Response):
                return result
            return JSONResponse(result, status_code=status)
        except AccessDenied as denied:
            return JSONResponse({"error": denied.reason}, status_code=denied.http_status)
        except ImportRefused as refused:
            rows = [{"line": p.line, "reason": p.reason} for p in refused.problems]
            return JSONResponse({"error": str(refused), "rows": rows}, status_code=422)
        except NotFound as exc:
            return JSONResponse({"error": str(exc)}, status_code=404)
        except PhaseClosed as exc:
            return JSONResponse({"error": str(exc)}, status_code=403)
        except ClassificationBusy as exc:
            return JSONResponse({"error": str(exc)}, status_code=409)
        except DomainError as exc:
            return JSONResponse({"error": str(exc)}, status_code=400)

    return endpoint


def member(handler: Handler, status: int = 200) -> Callable[[Request], Awaitable[Response]]:
    return _endpoint(handler, organiser=False, status=status)


def organiser(handler: Handler, status: int = 200) -> Callable[[Request], Awaitable[Response]]:
    return _endpoint(handler, organiser=True, status=status)


# -- contributions ------------------------------------------------------------------------


async def list_contributions(request: Request, services: Any, identity: Identity) -> Any:
    params = request.query_params
    author = params.get("author", "")
    where = Filter(
        query=params.get("q", "")[:200],
        axis=params.get("axis", "")[:200],
        author_id=int(author) if author.isdigit() else None,
        source=params.get("source", "") if params.get("source") in ("browser", "import") else "",
    )
    rows = await asyncio.to_thread(services.contributions.listing, identity, where)
    result: dict[str, Any] = {
        "phase": identity.phase.value,
        "writable": _writable(identity),
        "contributions": [contribution_json(r, author=identity.is_organiser) for r in rows],
    }
    if identity.is_organiser:
        result["axes"] = await asyncio.to_thread(services.contributions.store.axes, identity.congress_id)
    return result


def _writable(identity: Identity) -> bool:
    from server.contributions.service import may_write

    return may_write(identity.role, identity.phase)


async def add_contribution(request: Request, services: Any, identity: Identity) -> Any:
    data = await _json(request)
    row = await asyncio.to_thread(services.contributions.add, identity, identity.phase, data)
    services.warmer.arrived(identity.congress_id)
    return contribution_json(row, author=identity.is_organiser)


async def get_contribution(request: Request, services: Any, identity: Identity) -> Any:
    row = await asyncio.to_thread(services.contributions.own, identity, request.path_params["key"])
    return contribution_json(row, author=identity.is_organiser)


async def edit_contribution(request: Request, services: Any, identity: Identity) -> Any:
    data = await _json(request)
    key = request.path_params["key"]
    row = await asyncio.to_thread(services.contributions.edit, identity, identity.phase, key, data)
    services.warmer.arrived(identity.congress_id)
    return contribution_json(row, author=identity.is_organiser)


async def withdraw_contribution(request: Request, services: Any, identity: Identity) -> Any:
    key = request.path_params["key"]
    await asyncio.to_thread(services.contributions.withdraw, identity, identity.phase, key)
    return {"withdrawn": key}


async def mindmap_links(services: Any, slug: str) -> set[str]:
    room = await services.rooms.get(room_name(slug, "mindmap"))
    return {link for _, node in build_tree(room.doc).walk() for link in node.links}


async def linked_contributions(request: Request, services: Any, identity: Identity) -> Any:
    keys = [k for k in request.query_params.get("ids", "").split(",") if k][:500]
    linked = await mindmap_links(services, identity.congress_slug)
    rows = await asyncio.to_thread(services.contributions.linked, identity, identity.phase, keys, linked)
    return {"contributions": [contribution_json(r, author=identity.is_organiser) for r in rows]}


async def import_contributions(request: Request, services: Any, identity: Identity) -> Any:
    body = await request.body()
    if len(body) > MAX_IMPORT:
        raise DomainError("file too large (20 MB at most)")
    kind = request.headers.get("content-type", "")
    if "json" not in kind and request.query_params.get("format") == "json":
        kind = "application/json"
    service = services.contributions

    def work() -> int:
        return int(
            service.import_rows(
                identity.congress_id, service.parse(body, kind if "json" in kind or "csv" in kind else "")
            )
        )

    count = await asyncio.to_thread(work)
    services.warmer.arrived(identity.congress_id)
    log.info(
        "%d contributions imported into %s by participant %d",
        count,
        identity.congress_slug,
        identity.participant_id,
    )
    return {"imported": count}


async def export_contributions(request: Request, services: Any, identity: Identity) -> Any:
    fmt = "json" if request.query_params.get("format") == "json" else "csv"
    content = await asyncio.to_thread(services.contributions.export, identity.congress_id, fmt)
    media = "application/json" if fmt == "json" else "text/csv"
    filename = f"contributions-{identity.congress_slug}.{fmt}"
    return Response(
        content.encode("utf-8"),
        media_type=f"{media}; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"', "Cache-Control": "no-store"},
    )


# -- themes -------------------------------------------------------------------------------


async def themes_json(services: Any, identity: Identity) -> dict[str, Any]:
    store = services.contributions.store

    def read() -> tuple[list[Draft], Any, list[Any]]:
        return (
            services.contributions.drafts(identity.congress_id),
            store.run_info(identity.congress_id),
            store.search(identity.congress_id),
        )

    drafts, run, rows = await asyncio.to_thread(read)
    by_key = {r.key: r for r in rows}
    placed = {key for d in drafts for key in d.ids()}
    return {
        "themes": [
            {
                "index": i,
                "name": d.name,
                "title": d.title,
                "words": list(d.words),
                "reviewed": d.reviewed,
                "size": len(d.members),
                "contributions": [
                    {
                        "id": m.key,
                        "title": by_key[m.key].title if m.key in by_key else "",
                        "text": by_key[m.key].text if m.key in by_key else "",
                        "author": by_key[m.key].author_name if m.key in by_key else "",
                        "centrality": m.centrality,
                        "pinned": m.pinned,
                        "withdrawn": m.key not in by_key,
                    }
                    for m in d.members
                ],
            }
            for i, d in enumerate(drafts)
        ],
        "run": None
        if run is None
        else {
            "ran_at": run.ran_at,
            "k": run.k,
            "proposed_k": run.proposed_k,
            "contributions": run.contributions,
            "seconds": run.seconds,
        },
        "near_duplicates": []
        if run is None
        else [{"first": a, "second": b, "similarity": s} for a, b, s in json.loads(run.near_duplicates)],
        "unclassified": [r.key for r in rows if r.key not in placed],
        "total": len(rows),
        "running": services.classifier.running,
    }


async def get_themes(request: Request, services: Any, identity: Identity) -> Any:
    return await themes_json(services, identity)


async def run_classification(request: Request, services: Any, identity: Identity) -> Any:
    data = await _json(request)
    k = data.get("k")
    if k in ("", None):
        k = None
    elif not isinstance(k, int) or isinstance(k, bool) or not 1 <= k <= 30:
        raise DomainError("k must be a whole number from 1 to 30")
    service = services.contributions
    if services.classifier.running:
        raise ClassificationBusy("a classification is already running; try again when it ends")
    async with services.classifier.themes_lock(identity.congress_id):
        payload = await asyncio.to_thread(service.classification_input, identity.congress_id, k)
        result = await services.classifier.run(payload)
        await asyncio.to_thread(service.save_classification, identity.congress_id, payload, result)
    log.info(
        "themes of %s computed in %.1f s (%d contributions, %d themes)",
        identity.congress_slug,
        result["seconds"],
        len(payload["contributions"]),
        len(result["themes"]),
    )
    return await themes_json(services, identity)


def _int(data: dict[str, Any], name: str) -> int:
    value = data.get(name)
    if not isinstance(value, int) or isinstance(value, bool):
        raise DomainError(f"{name} must be a theme number")
    return value


def _correction(change: Callable[[dict[str, Any]], Callable[[list[Draft]], list[Draft]]]) -> Handler:
    async def handler(request: Request, services: Any, identity: Identity) -> Any:
        data = await _json(request)
        async with services.classifier.themes_lock(identity.congress_id):
            await asyncio.to_thread(services.contributions.correct, identity.congress_id, change(data))
        return await themes_json(services, identity)

    return handler


rename_theme = _correction(
    lambda d: lambda drafts: review.rename(drafts, _int(d, "theme"), str(d.get("name", "")))
)
merge_themes = _correction(
    lambda d: (
        lambda drafts: review.merge(
            drafts, _int(d, "into"), [_int({"t": t}, "t") for t in d.get("themes") or []]
        )
    )
)
split_theme = _correction(
    lambda d: (
        lambda drafts: review.split(
            drafts, _int(d, "theme"), [str(k) for k in d.get("contributions") or []], str(d.get("name", ""))
        )
    )
)
move_contribution = _correction(
    lambda d: lambda drafts: review.move(drafts, str(d.get("contribution", "")), _int(d, "theme"))
)


async def to_mindmap(request: Request, services: Any, identity: Identity) -> Any:
    data = await _json(request)
    per_theme = data.get("key_contributions", 0)
    if not isinstance(per_theme, int) or not 0 <= per_theme <= 10:
        raise DomainError("key_contributions must be from 0 to 10")

    def read() -> tuple[list[Draft], dict[str, str], str]:
        drafts = services.contributions.drafts(identity.congress_id)
        rows = services.contributions.store.search(identity.congress_id)
        congress = services.directory.congress_by_id(identity.congress_id)
        return drafts, {r.key: r.title or r.text for r in rows}, congress.title if congress else ""

    drafts, titles, subject = await asyncio.to_thread(read)
    if not drafts:
        raise DomainError("no themes yet: run the classification first")
    if identity.phase is Phase.PUBLISHED:
        raise PhaseClosed("the motion is published: the mind map is frozen")
    room = await services.rooms.get(room_name(identity.congress_slug, "mindmap"))
    placed = place_themes(room, drafts, titles, identity.author, subject, per_theme)
    log.info(
        "%d themes placed in %s's mind map by participant %d",
        placed.themes,
        identity.congress_slug,
        identity.participant_id,
    )
    return {"themes": placed.themes, "contributions": placed.contributions}


async def themes_chart(request: Request, services: Any, identity: Identity) -> Any:
    lang = language(request)
    text = words(lang)

    def read() -> tuple[list[Draft], dict[str, float]]:
        drafts = services.contributions.drafts(identity.congress_id)
        rows = services.contributions.store.search(identity.congress_id)
        return drafts, {r.key: r.created_at for r in rows}

    drafts, arrivals = await asyncio.to_thread(read)
    svg = themes_svg(
        [(d.title, [k for k in d.ids() if k in arrivals]) for d in drafts],
        arrivals,
        title=text["chart_title"],
        unsorted_label=text["chart_unsorted"],
        timeline_label=text["chart_timeline"],
        size_label=text["chart_sizes"],
    )
    return Response(svg, media_type="image/svg+xml", headers={"Cache-Control": "no-store"})


ROUTES = [
    Route("/api/congresses/{slug}/contributions", member(list_contributions), methods=["GET"]),
    Route("/api/congresses/{slug}/contributions", member(add_contribution, 201), methods=["POST"]),
    Route("/api/congresses/{slug}/contributions/linked", member(linked_contributions), methods=["GET"]),
    Route("/api/congresses/{slug}/contributions/export", organiser(export_contributions), methods=["GET"]),
    Route(
        "/api/congresses/{slug}/contributions/import", organiser(import_contributions, 201), methods=["POST"]
    ),
    Route("/api/congresses/{slug}/contributions/{key}", member(get_contribution), methods=["GET"]),
    Route("/api/congresses/{slug}/contributions/{key}", member(edit_contribution), methods=["PATCH"]),
    Route("/api/congresses/{slug}/contributions/{key}", member(withdraw_contribution), methods=["DELETE"]),
    Route("/api/congresses/{slug}/themes", organiser(get_themes), methods=["GET"]),
    Route("/api/congresses/{slug}/themes/run", organiser(run_classification), methods=["POST"]),
    Route("/api/congresses/{slug}/themes/rename", organiser(rename_theme), methods=["POST"]),
    Route("/api/congresses/{slug}/themes/merge", organiser(merge_themes), methods=["POST"]),
    Route("/api/congresses/{slug}/themes/split", organiser(split_theme), methods=["POST"]),
    Route("/api/congresses/{slug}/themes/move", organiser(move_contribution), methods=["POST"]),
    Route("/api/congresses/{slug}/themes/mindmap", organiser(to_mindmap), methods=["POST"]),
    Route("/api/congresses/{slug}/themes/chart.svg", organiser(themes_chart), methods=["GET"]),
]
