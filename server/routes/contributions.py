"""Contribution and theme routes (JSON over HTTP): writing, reading, import, export, review, mind map.

Anyone of the congress may call the contribution routes (what they get depends
on who they are: server/contributions/service.py); the theme routes and the
import and export are for organisers (server/contributions/theming.py). A
browser's cookie needs the CSRF header on anything that changes state, as on
every route of the closed door (server/web/guards.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from server.congress.domain import DomainError, Identity
from server.contributions import review
from server.contributions.review import Draft
from server.contributions.service import Written
from server.contributions.store import Filter
from server.contributions.theming import Board, ChartWords, Correction, Member
from server.web.guards import Handler, member, organiser
from server.web.language import language
from server.web.params import BIGGEST, body, integer, json_object
from server.words import word

if TYPE_CHECKING:
    from server.app import Services

MAX_IMPORT = 20 * 1024 * 1024  # 2,000 contributions of a few sentences are under 2 MB


def contribution_json(row: Written, *, author: bool = False) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": row.key,
        "title": row.title,
        "text": row.text,
        "axis": row.axis,
        "created_at": row.created_at,
        "updated_at": row.updated_at,
        "merged_into": row.merged_into,
    }
    if author:
        data.update({"author": row.author, "author_id": row.author_id, "source": row.source})
    return data


# -- contributions ------------------------------------------------------------------------


async def list_contributions(request: Request, services: Services, identity: Identity) -> Any:
    params = request.query_params
    author = params.get("author", "")
    where = Filter(
        query=params.get("q", "")[:200],
        axis=params.get("axis", "")[:200],
        author_id=integer(author, "author", 0, BIGGEST) if author.isdigit() else None,
        source=params.get("source", "") if params.get("source") in ("browser", "import") else "",
    )
    listing = await services.contributions.browse(identity, where)
    result: dict[str, Any] = {
        "phase": listing.phase.value,
        "writable": listing.writable,
        "contributions": [contribution_json(r, author=identity.is_organiser) for r in listing.contributions],
    }
    if listing.axes is not None:
        result["axes"] = list(listing.axes)
    result["congress_axes"] = list(listing.congress_axes)
    return result


async def add_contribution(request: Request, services: Services, identity: Identity) -> Any:
    written = await services.contributions.write(identity, await json_object(request))
    return contribution_json(written, author=identity.is_organiser)


async def get_contribution(request: Request, services: Services, identity: Identity) -> Any:
    written = await services.contributions.read(identity, request.path_params["key"])
    return contribution_json(written, author=identity.is_organiser)


async def edit_contribution(request: Request, services: Services, identity: Identity) -> Any:
    data = await json_object(request)
    written = await services.contributions.change(identity, request.path_params["key"], data)
    return contribution_json(written, author=identity.is_organiser)


async def withdraw_contribution(request: Request, services: Services, identity: Identity) -> Any:
    key = request.path_params["key"]
    await services.contributions.withdraw(identity, key)
    return {"withdrawn": key}


async def linked_contributions(request: Request, services: Services, identity: Identity) -> Any:
    keys = [k for k in request.query_params.get("ids", "").split(",") if k][:500]
    rows = await services.contributions.behind(identity, keys)
    return {"contributions": [contribution_json(r, author=identity.is_organiser) for r in rows]}


async def import_contributions(request: Request, services: Services, identity: Identity) -> Any:
    data = await body(request, MAX_IMPORT, "file (20 MB at most)")
    kind = request.headers.get("content-type", "")
    if "json" not in kind and request.query_params.get("format") == "json":
        kind = "application/json"
    kind = kind if "json" in kind or "csv" in kind else ""
    return {"imported": await services.contributions.import_file(identity, data, kind)}


async def export_contributions(request: Request, services: Services, identity: Identity) -> Any:
    fmt = "json" if request.query_params.get("format") == "json" else "csv"
    content = await services.contributions.export_file(identity, fmt)
    media = "application/json" if fmt == "json" else "text/csv"
    filename = f"contributions-{identity.congress_slug}.{fmt}"
    return Response(
        content.encode("utf-8"),
        media_type=f"{media}; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"', "Cache-Control": "no-store"},
    )


# -- themes -------------------------------------------------------------------------------


def member_json(m: Member) -> dict[str, Any]:
    return {
        "id": m.key,
        "title": m.title,
        "text": m.text,
        "author": m.author,
        "authors": list(m.authors),
        "withdrawn": m.withdrawn,
    }


def board_json(board: Board) -> dict[str, Any]:
    return {
        "themes": [
            {
                "index": t.index,
                "name": t.name,
                "title": t.title,
                "label": t.label,
                "axis": t.axis,
                "other": t.other,
                "words": list(t.words),
                "reviewed": t.reviewed,
                "size": len(t.members),
                "contributions": [
                    {**member_json(m), "centrality": m.centrality, "pinned": m.pinned} for m in t.members
                ],
                "subthemes": [{"label": sub.label, "contributions": list(sub.keys)} for sub in t.subthemes],
            }
            for t in board.themes
        ],
        "axes": [{"name": a.name, "description": a.description} for a in board.axes],
        "run": None
        if board.run is None
        else {
            "ran_at": board.run.ran_at,
            "k": board.run.k,
            "proposed_k": board.run.proposed_k,
            "contributions": board.run.contributions,
            "seconds": board.run.seconds,
        },
        "near_duplicates": [
            {
                "first": d.first.key,
                "second": d.second.key,
                "similarity": d.similarity,
                "pair": [member_json(d.first), member_json(d.second)],
            }
            for d in board.near_duplicates
        ],
        "unclassified": list(board.unclassified),
        "total": board.total,
        "running": board.running,
    }


async def get_themes(request: Request, services: Services, identity: Identity) -> Any:
    return board_json(await services.theming.board(identity))


async def run_classification(request: Request, services: Services, identity: Identity) -> Any:
    data = await json_object(request)
    k = data.get("k")
    if k in ("", None):
        k = None
    elif not isinstance(k, int) or isinstance(k, bool) or not 1 <= k <= 30:
        raise DomainError("k must be a whole number from 1 to 30")
    return board_json(await services.theming.classify(identity, k))


def _int(data: dict[str, Any], name: str) -> int:
    value = data.get(name)
    if not isinstance(value, int) or isinstance(value, bool):
        raise DomainError(f"{name} must be a theme number")
    return value


def _correction(change: Callable[[dict[str, Any]], Correction]) -> Handler:
    async def handler(request: Request, services: Services, identity: Identity) -> Any:
        data = await json_object(request)
        try:
            return board_json(await services.theming.correct(identity, change(data)))
        except review.Refused as refused:  # said in the organiser's language (review.Refused)
            sentence = word(refused.key, language(request), "contributions", **refused.values)
            raise DomainError(sentence) from refused

    return handler


def _rename(d: dict[str, Any]) -> Correction:
    return lambda drafts: review.rename(drafts, _int(d, "theme"), str(d.get("name", "")))


def _merge(d: dict[str, Any]) -> Correction:
    return lambda drafts: review.merge(
        drafts, _int(d, "into"), [_int({"t": t}, "t") for t in d.get("themes") or []]
    )


def _split(d: dict[str, Any]) -> Correction:
    def change(drafts: list[Draft]) -> list[Draft]:
        keys = [str(k) for k in d.get("contributions") or []]
        return review.split(drafts, _int(d, "theme"), keys, str(d.get("name", "")))

    return change


def _move(d: dict[str, Any]) -> Correction:
    return lambda drafts: review.move(drafts, str(d.get("contribution", "")), _int(d, "theme"))


async def to_mindmap(request: Request, services: Services, identity: Identity) -> Any:
    data = await json_object(request)
    per_theme = data.get("key_contributions", 0)
    if not isinstance(per_theme, int) or not 0 <= per_theme <= 10:
        raise DomainError("key_contributions must be from 0 to 10")
    placed = await services.theming.place(identity, per_theme)
    return {"themes": placed.themes, "contributions": placed.contributions}


async def themes_chart(request: Request, services: Services, identity: Identity) -> Any:
    lang = language(request)

    def w(key: str) -> str:
        return word(key, lang, "contributions")

    labels = ChartWords(w("chart_title"), w("chart_unsorted"), w("chart_timeline"), w("chart_sizes"), lang)
    svg = await services.theming.chart(identity, labels)
    return Response(svg, media_type="image/svg+xml", headers={"Cache-Control": "no-store"})


API = "/api/congresses/{slug}"
ROUTES = [
    Route(API + "/contributions", member(list_contributions), methods=["GET"]),
    Route(API + "/contributions", member(add_contribution, 201), methods=["POST"]),
    Route(API + "/contributions/linked", member(linked_contributions), methods=["GET"]),
    Route(API + "/contributions/export", organiser(export_contributions), methods=["GET"]),
    Route(API + "/contributions/import", organiser(import_contributions, 201), methods=["POST"]),
    Route(API + "/contributions/{key}", member(get_contribution), methods=["GET"]),
    Route(API + "/contributions/{key}", member(edit_contribution), methods=["PATCH"]),
    Route(API + "/contributions/{key}", member(withdraw_contribution), methods=["DELETE"]),
    Route(API + "/themes", organiser(get_themes), methods=["GET"]),
    Route(API + "/themes/run", organiser(run_classification), methods=["POST"]),
    Route(API + "/themes/rename", organiser(_correction(_rename)), methods=["POST"]),
    Route(API + "/themes/merge", organiser(_correction(_merge)), methods=["POST"]),
    Route(API + "/themes/split", organiser(_correction(_split)), methods=["POST"]),
    Route(API + "/themes/move", organiser(_correction(_move)), methods=["POST"]),
    Route(API + "/themes/mindmap", organiser(to_mindmap), methods=["POST"]),
    Route(API + "/themes/chart.svg", organiser(themes_chart), methods=["GET"]),
]
