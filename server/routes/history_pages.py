"""The organisers' history pages: timeline (with the activity chart), replay, and word-by-word comparison.

Server-rendered (French first) under the pages' CSP; the replay's controls are
`assets/replay.js`, which reads its words and the congress from a data
attribute and the states from the JSON routes (server/routes/history.py).
Every page works without script at the position its URL names.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from crdt.history import word_diff
from crdt.render import render_markdown
from server.congress.domain import DomainError, Identity
from server.errors import AccessDenied, Forbidden
from server.history import History
from server.history.chart import activity_svg, clock
from server.history.present import diff_html, tree_html, when
from server.routes.congress import denied_page
from server.routes.history import People, people, position_of, version_json
from server.web.i18n import HISTORY_MESSAGES, language, translate
from server.web.layout import esc, page

STEPS_SHOWN = 300


async def _organiser(request: Request) -> Identity | Response:
    try:
        return await request.app.state.services.door.organiser(request, request.path_params["slug"], "GET")
    except AccessDenied as denied:
        if isinstance(denied, Forbidden) and "organisers" in denied.reason:
            lang = language(request)
            body = f"<h1>{esc(translate('organisers_only', lang, HISTORY_MESSAGES))}</h1>"
            return page(translate("replay", lang, HISTORY_MESSAGES), body, lang, status=403)
        return denied_page(request, denied)


def _words(lang: str) -> Callable[[str], str]:
    return lambda key: esc(translate(key, lang, HISTORY_MESSAGES))


def _nav(slug: str, t: Callable[[str], str]) -> str:
    base = f"/c/{esc(slug)}"
    return (
        f'<nav class="history-nav"><a href="{base}">{esc("← ")}{t("motion")}</a>'
        f'<a href="{base}/historique">{t("timeline")}</a><a href="{base}/rejouer">{t("replay")}</a>'
        f'<a href="{base}/comparer">{t("compare")}</a></nav>'
    )


async def timeline_page(request: Request) -> Response:
    identity = await _organiser(request)
    if isinstance(identity, Response):
        return identity
    services = request.app.state.services
    history: History = services.history
    slug, lang = identity.congress_slug, language(request)
    t = _words(lang)
    line = await history.timeline(slug)
    who = await people(services, identity, line.authors)
    versions = await history.versions(slug)
    chart = activity_svg(
        line.activity, who.names, who.colours, translate("activity_title", lang, HISTORY_MESSAGES)
    )
    base = f"/c/{esc(slug)}"
    times = [await history.time_of(slug, v.position) for v in versions]
    version_rows = "".join(
        f"<tr><td>{esc(v.name)}</td><td>{esc(when(at))}</td>"
        f"<td>{v.position}</td><td>{esc(version_json(v, who.names)['created_by'])}</td>"
        f'<td><a href="{base}/rejouer?position={v.position}">{t("open")}</a> · '
        f'<a href="{base}/comparer?from=v{v.id}&amp;to=now">{t("compare_now")}</a></td></tr>'
        for v, at in zip(versions, times, strict=True)
    )
    versions_html = (
        f"<table><thead><tr><th>{t('name')}</th><th>{t('when')}</th><th>{t('position')}</th>"
        f"<th>{t('named_by')}</th><th></th></tr></thead><tbody>{version_rows}</tbody></table>"
        if versions
        else f"<p>{t('no_versions')}</p>"
    )
    steps = _steps_table(line.steps[::-1][:STEPS_SHOWN], who, base, t)
    config = json.dumps({"slug": slug, "words": _all_words(lang)})
    body = f"""<div id="config" hidden data-config="{esc(config)}"></div>
<header><h1>{t("timeline")}</h1>{_nav(slug, t)}
<p>{line.edits} {t("edits").lower()} · {esc(when(line.start))} – {esc(when(line.end))}</p></header>
<p id="status" role="status" aria-live="polite"></p>
<section><h2>{t("activity")}</h2>{chart}</section>
<section><h2>{t("versions")}</h2>{versions_html}
<form id="name-version"><label>{t("name")} <input name="name" required maxlength="200"
 placeholder="{t("name_placeholder")}"></label><button type="submit">{t("name_now")}</button></form></section>
<section><h2>{t("steps")}</h2><p>{t("steps_help")}</p>{steps}</section>"""
    return page(translate("timeline", lang, HISTORY_MESSAGES), body, lang, scripts=("history.js",))


def _steps_table(steps: list[Any], who: People, base: str, t: Callable[[str], str]) -> str:
    if not steps:
        return f"<p>{t('no_edits')}</p>"
    rows = "".join(
        f"<tr><td>{esc(clock(s.start))}–{esc(clock(s.end))}</td>"
        f'<td><span class="swatch {who.css(s.author)}"></span>'
        f"{esc(who.names.get(s.author, s.author))}</td><td>{t(s.kind)}</td><td>{s.edits}</td>"
        f'<td><a href="{base}/rejouer?position={s.last}">{t("replay")}</a> · '
        f'<a href="{base}/comparer?from={max(s.first - 1, 0)}&amp;to={s.last}">{t("compare")}</a></td></tr>'
        for s in steps
    )
    return (
        f"<table><thead><tr><th>{t('when')}</th><th>{t('who')}</th><th>{t('document')}</th>"
        f"<th>{t('edits')}</th><th></th></tr></thead><tbody>{rows}</tbody></table>"
    )


def _all_words(lang: str) -> dict[str, str]:
    return {key: translate(key, lang, HISTORY_MESSAGES) for key in HISTORY_MESSAGES}


async def replay_page(request: Request) -> Response:
    identity = await _organiser(request)
    if isinstance(identity, Response):
        return identity
    services = request.app.state.services
    history: History = services.history
    slug, lang = identity.congress_slug, language(request)
    t = _words(lang)
    try:
        position = await position_of(history, slug, request.query_params)
    except DomainError:
        position = await history.latest(slug)
    state = await history.moment(slug, position)
    config = json.dumps({"slug": slug, "position": state.position, "words": _all_words(lang), "lang": lang})
    body = f"""<div id="config" hidden data-config="{esc(config)}"></div>
<header><h1>{t("replay")}</h1>{_nav(slug, t)}</header>
<p id="status" role="status" aria-live="polite"></p>
<div class="replay-controls" id="controls">
<input type="range" id="slider" aria-label="{t("slider")}" min="0" max="0" step="1" value="0" disabled>
<button type="button" id="previous" class="secondary" title="{t("previous")}">« {t("previous")}</button>
<button type="button" id="play">▶ {t("play")}</button>
<button type="button" id="next" class="secondary" title="{t("next")}">{t("next")} »</button>
<label>{t("speed")} <select id="speed"><option value="1">1×</option><option value="2">2×</option>
<option value="5">5×</option><option value="10">10×</option><option value="50">50×</option></select></label>
<label>{t("go_time")} <input type="time" id="time" step="1"></label><button type="button" id="go-time"
 class="secondary">{t("go")}</button>
<label>{t("go_version")} <select id="versions"><option value="">{t("choose")}</option></select></label>
<label><input type="checkbox" id="authors"> {t("authors")}</label>
<span class="where" id="where">{t("position")} {state.position} · {esc(when(state.at))}</span>
</div>
<div class="replay-controls">
<form id="name-version"><label>{t("name")} <input name="name" required maxlength="200"
 placeholder="{t("name_placeholder")}"></label><button type="submit">{t("name_version")}</button></form>
<button type="button" id="restore" class="secondary">{t("restore")}</button>
<a id="compare" href="/c/{esc(slug)}/comparer?from={state.position}&amp;to=now">{t("compare_now")}</a>
</div>
<div class="panes"><section aria-labelledby="motion-title"><h2 id="motion-title">{t("motion")}</h2>
<div id="legend"></div><div id="motion">{render_markdown(state.motion)}</div></section>
<section aria-labelledby="mindmap-title"><h2 id="mindmap-title">{t("mindmap")}</h2>
<div id="mindmap" class="mindmap-tree">{tree_html(state.mindmap)}</div></section></div>"""
    return page(translate("replay", lang, HISTORY_MESSAGES), body, lang, scripts=("replay.js",))


async def compare_page(request: Request) -> Response:
    identity = await _organiser(request)
    if isinstance(identity, Response):
        return identity
    services = request.app.state.services
    history: History = services.history
    slug, lang = identity.congress_slug, language(request)
    t = _words(lang)
    query = request.query_params
    latest = await history.latest(slug)
    try:
        old_at = await position_of(history, slug, query, "from") if query.get("from") else 0
        new_at = await position_of(history, slug, query, "to")
    except DomainError:
        old_at, new_at = 0, latest
    old, new = await asyncio.gather(history.text_at(slug, old_at), history.text_at(slug, new_at))
    changes = word_diff(old, new)
    shown = diff_html(changes) if any(c.op != "equal" for c in changes) else f"<p>{t('no_change')}</p>"
    versions = await history.versions(slug)
    options = "".join(f'<option value="v{v.id}">{esc(v.name)} ({v.position})</option>' for v in versions)
    api = f"/api/congresses/{esc(slug)}/history/diff?"
    exports = {
        fmt: api + esc(urlencode({"from": old_at, "to": new_at, "format": fmt})) for fmt in ("html", "txt")
    }
    body = f"""<header><h1>{t("compare")}</h1>{_nav(slug, t)}</header>
<form method="get" class="replay-controls">
<label>{t("from")} <input name="from" value="{old_at}" list="refs" size="8"></label>
<label>{t("to")} <input name="to" value="{new_at}" list="refs" size="8"></label>
<datalist id="refs"><option value="now">{t("now")}</option>{options}</datalist>
<button type="submit">{t("compare")}</button></form>
<p>{t("from")} {old_at} ({esc(when(await history.time_of(slug, old_at)))}) {t("to").lower()} {new_at}
 ({esc(when(await history.time_of(slug, new_at)))}). {t("legend")}</p>
<p><a href="{exports["html"]}">{t("export_html")}</a> · <a href="{exports["txt"]}">{t("export_txt")}</a></p>
<section id="diff">{shown}</section>"""
    return page(translate("compare", lang, HISTORY_MESSAGES), body, lang)


ROUTES = [
    Route("/c/{slug}/historique", timeline_page, methods=["GET"]),
    Route("/c/{slug}/rejouer", replay_page, methods=["GET"]),
    Route("/c/{slug}/comparer", compare_page, methods=["GET"]),
]
