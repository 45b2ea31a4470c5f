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
from server.history.present import folded, words_changed
from server.routes.history import clock_time, people, position_of
from server.web import trusted
from server.web.guards import organiser
from server.web.language import language
from server.web.templates import render
from server.words import number, word, words

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
    title = word("activity_title", lang, AREA)
    chart = activity_svg(line.activity, who.names, who.colours, title, history.clock, lang, legend=False)
    times = [await history.time_of(slug, v.position) for v in versions]
    earlier = [None, *versions][: len(versions)]  # each version after the one before it
    figure = _figure(lang)
    steps = line.steps[::-1][:STEPS_SHOWN]
    context = {
        "title": word("timeline", lang, AREA),
        "slug": slug,
        "config": {"slug": slug, "words": words(AREA, lang)},
        "line": line,
        "who": who,
        "counts": {a: _count(lang, "edit", n) for a, n in line.counts.items()},
        "summary": word(
            "summary",
            lang,
            AREA,
            edits=_count(lang, "edit", line.edits),
            people=_count(lang, "person", len(line.authors)),
            span=history.clock.span(line.start, line.end, lang),
        ),
        "chart": trusted.svg(chart),
        "versions": list(zip(versions, times, earlier, strict=True)),
        "steps": steps,
        "steps_more": word("steps_shown", lang, AREA, shown=figure(len(steps)), total=figure(len(line.steps)))
        if len(line.steps) > len(steps)
        else "",
        "when": _when(history, lang),
        "period": lambda start, end: _period(history, lang, start, end),
        "figure": figure,
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
        "config": {
            "slug": slug,
            "position": state.position,
            "words": words(AREA, lang),
            "lang": lang,
            "title": await history.title(slug),  # the map's central subject until someone names it
        },
        "state": state,
        "motion_html": trusted.markdown(state.motion),
        "when": _when(history, lang),
    }
    return render(request, "replay.html", context, area=AREA)


async def compare_page(request: Request, services: Services, identity: Identity) -> Response:
    history = services.history
    slug, lang = identity.congress_slug, language(request)
    query = {key: value for key, value in request.query_params.items() if value}
    for side in ("from", "to"):  # a time of day typed in the form wins over the list's choice
        if query.get(f"{side}_clock"):
            at = await clock_time(history, slug, query[f"{side}_clock"])
            query[side] = str(await history.position_at_time(slug, at))
    latest = await history.latest(slug)
    try:
        new_at = await position_of(history, slug, query, "to")
        old_at = await position_of(history, slug, query, "from") if query.get("from") else None
    except DomainError:
        old_at, new_at = None, latest
    first = await _first_text(history, slug)
    if old_at is None:
        old_at = await _default_start(history, slug, new_at)
    changes = await history.compare(slug, old_at, new_at)
    added, removed = words_changed(changes)
    choices = await _choices(history, slug, lang, first, latest, [old_at, new_at])
    labels = {value: label for value, label, _ in choices}
    figure = _figure(lang)
    context = {
        "title": word("compare", lang, AREA),
        "slug": slug,
        "choices": choices,
        "old": _choice_of(query.get("from"), old_at, latest, choices),
        "new": _choice_of(query.get("to"), new_at, latest, choices),
        "labels": labels,
        "old_time": await history.time_of(slug, old_at),
        "new_time": await history.time_of(slug, new_at),
        "pieces": folded(changes),
        "changed": any(c.op != "equal" for c in changes),
        "summary": word(
            "compare_summary",
            lang,
            AREA,
            added=_count(lang, "added", added),
            removed=_count(lang, "removed", removed),
        ),
        "swap": urlencode({"from": new_at, "to": old_at}),
        "exports": {f: urlencode({"from": old_at, "to": new_at, "format": f}) for f in ("html", "txt")},
        "when": _when(history, lang),
        "figure": figure,
    }
    return render(request, "compare.html", context, area=AREA)


async def _choices(
    history: History, slug: str, lang: str, first: int, latest: int, shown: list[int]
) -> list[tuple[str, str, str]]:
    """What the compare page offers on each side, as (value, label, group): the original text, the
    named versions by name and time, now, and any other position the page was opened at (a step of
    the timeline) by its time and who wrote there. No log position is shown."""
    clock, who = history.clock, await history.authors(slug)
    choices = [(str(first), word("first_text", lang, AREA), "moments")]
    for version in await history.versions(slug):
        when = clock.moment(await history.time_of(slug, version.position), lang)
        label = word("version_option", lang, AREA, name=version.name, when=when)
        choices.append((f"v{version.id}", label, "versions"))
    choices.append(("now", word("now", lang, AREA).capitalize(), "moments"))
    known = {first, latest} | {int(v) for v, _, _ in choices if v.isdigit()}
    positions = {v.position for v in await history.versions(slug)}
    marks = await history.marks(slug)
    for position in shown:
        if position in known or position in positions:
            continue
        found = [mark for m in marks.values() if (mark := m.upto(position)) is not None]
        mark = max(found, key=lambda m: m.id) if found else None
        when = clock.moment(mark.at, lang, seconds=True) if mark else word("at_start", lang, AREA)
        name = who.name(mark.author) if mark else ""
        label = word("moment_option", lang, AREA, when=when, name=name) if name else when
        choices.append((str(position), label, "moments"))
        known.add(position)
    return choices


def _choice_of(asked: str | None, position: int, latest: int, choices: list[tuple[str, str, str]]) -> str:
    """The value the page's lists show: what was asked if it is one of them (a named version, now),
    else the original text, now or the position itself."""
    values = [value for value, _, _ in choices]
    if asked in values:
        return asked
    for value in values:
        if value.isdigit() and int(value) == position:
            return value
    return "now" if position == latest else str(position)


async def _first_text(history: History, slug: str) -> int:
    """The motion as first written: the end of its first step (the demo's seed, a pasted text)."""
    line = await history.timeline(slug)
    return next((s.last for s in sorted(line.steps, key=lambda s: s.first) if s.kind == "motion"), 0)


ROUTES = [
    Route("/c/{slug}/historique", organiser(timeline_page), methods=["GET"]),
    Route("/c/{slug}/rejouer", organiser(replay_page), methods=["GET"]),
    Route("/c/{slug}/comparer", organiser(compare_page), methods=["GET"]),
]


def _figure(lang: str) -> Callable[[float], str]:
    return lambda value: number(value, lang)


def _count(lang: str, what: str, n: int) -> str:
    """ "1 modification", "1 234 modifications" (`what`: edit, person, added, removed; the last two
    say "none" too: "aucun mot ajouté")."""
    if n == 0 and what in ("added", "removed"):
        return word(f"{what}_none", lang, AREA)
    return word(f"{what}_one" if n == 1 else f"{what}_many", lang, AREA, n=number(n, lang))


def _period(history: History, lang: str, start: float, end: float) -> str:
    """When a step happened: its minute, or from its first minute to its last."""
    since, until = history.clock.time_of_day(start, lang), history.clock.time_of_day(end, lang)
    return since if since == until else f"{since} – {until}"


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
    return await _first_text(history, slug)
