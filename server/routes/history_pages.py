"""The organisers' history pages: timeline (with the activity chart), replay, and word-by-word comparison.

Server-rendered (templates/timeline.html, replay.html, compare.html); the
replay's controls are `assets/replay.js`, which reads its words and the
congress from a data attribute and the states from the JSON routes
(server/routes/history.py). Every page works without script at the position
its URL names.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from server.congress.domain import DomainError, Identity
from server.history import History
from server.history.chart import activity_svg
from server.routes.history import people, position_of
from server.web import trusted
from server.web.guards import organiser
from server.web.language import language
from server.web.templates import render
from server.words import word, words

if TYPE_CHECKING:
    from server.app import Services

STEPS_SHOWN = 300
AREA = "history"


async def timeline_page(request: Request, services: Services, identity: Identity) -> Response:
    history = services.history
    slug, lang = identity.congress_slug, language(request)
    line = await history.timeline(slug)
    who = await people(history, slug, line.authors)
    versions = await history.versions(slug)
    zone = history.clock.zone
    chart = activity_svg(line.activity, who.names, who.colours, word("activity_title", lang, AREA), zone)
    times = [await history.time_of(slug, v.position) for v in versions]
    context = {
        "title": word("timeline", lang, AREA),
        "slug": slug,
        "config": {"slug": slug, "words": words(AREA, lang)},
        "line": line,
        "who": who,
        "chart": trusted.svg(chart),
        "versions": list(zip(versions, times, strict=True)),
        "steps": line.steps[::-1][:STEPS_SHOWN],
        "when": _when(history, lang),
        "clock": lambda at: history.clock.time_of_day(at, lang),
        "decisions": await services.record.events(identity.congress_id, lang),  # issue 15
    }
    return render(request, "timeline.html", context, area=AREA)


async def replay_page(request: Request, services: Services, identity: Identity) -> Response:
    history = services.history
    slug, lang = identity.congress_slug, language(request)
    try:
        position = await position_of(history, slug, request.query_params)
    except DomainError:
        position = await history.latest(slug)
    state = await history.moment(slug, position)
    context = {
        "title": word("replay", lang, AREA),
        "slug": slug,
        "config": {"slug": slug, "position": state.position, "words": words(AREA, lang), "lang": lang},
        "state": state,
        "motion_html": trusted.markdown(state.motion),
        "when": _when(history, lang),
    }
    return render(request, "replay.html", context, area=AREA)


async def compare_page(request: Request, services: Services, identity: Identity) -> Response:
    history = services.history
    slug, lang = identity.congress_slug, language(request)
    query = request.query_params
    latest = await history.latest(slug)
    try:
        new_at = await position_of(history, slug, query, "to")
        old_at = await position_of(history, slug, query, "from") if query.get("from") else None
    except DomainError:
        old_at, new_at = None, latest
    if old_at is None:
        old_at = await _default_start(history, slug, new_at)
    changes = await history.compare(slug, old_at, new_at)
    context = {
        "title": word("compare", lang, AREA),
        "slug": slug,
        "old_at": old_at,
        "new_at": new_at,
        "old_time": await history.time_of(slug, old_at),
        "new_time": await history.time_of(slug, new_at),
        "versions": await history.versions(slug),
        "changes": changes,
        "changed": any(c.op != "equal" for c in changes),
        "exports": {f: urlencode({"from": old_at, "to": new_at, "format": f}) for f in ("html", "txt")},
        "when": _when(history, lang),
    }
    return render(request, "compare.html", context, area=AREA)


ROUTES = [
    Route("/c/{slug}/historique", organiser(timeline_page), methods=["GET"]),
    Route("/c/{slug}/rejouer", organiser(replay_page), methods=["GET"]),
    Route("/c/{slug}/comparer", organiser(compare_page), methods=["GET"]),
]


def _when(history: History, lang: str) -> Callable[[float | None], str]:
    """A time as the history's pages show it: the day and the time to the second, in words."""
    return lambda at: history.clock.moment(at, lang, seconds=True)


async def _default_start(history: History, slug: str, until: int) -> int:
    """What "compare" starts from when not told: the newest named version before `until`, else the
    motion as first written (the end of its first step). From position 0, the empty document, the
    whole motion read as inserted, the original text included (issue 13)."""
    earlier = [v.position for v in await history.versions(slug) if v.position < until]
    if earlier:
        return max(earlier)
    line = await history.timeline(slug)
    return next((s.last for s in sorted(line.steps, key=lambda s: s.first) if s.kind == "motion"), 0)
