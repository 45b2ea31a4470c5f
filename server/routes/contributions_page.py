"""The contribution pages in the browser: a participant's own contributions, and the organisers' review.

Server-rendered shells like the organisers' page; `assets/contributions.js` and
`assets/themes.js` talk to the JSON routes (server/routes/contributions.py).
The words travel in a data attribute, so the CSP still forbids inline scripts.
"""

from __future__ import annotations

import json

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from server.auth.door import Door
from server.congress.domain import Identity
from server.contributions.chart import COLOURS
from server.errors import AccessDenied, Forbidden
from server.routes.congress import denied_page, organiser_or_refusal
from server.web.i18n import language
from server.web.i18n_contributions import words
from server.web.layout import esc, page


def _config(identity: Identity, slug: str, lang: str) -> str:
    config = {
        "slug": slug,
        "me": identity.participant_id,
        "role": identity.role.value,
        "phase": identity.phase.value,
        "lang": lang,
        "words": words(lang),
        "mindmap": f"/c/{slug}/carte",
        "colours": COLOURS,  # the chart's, so a theme has one colour on the page
    }
    return f'<div id="config" hidden data-config="{esc(json.dumps(config))}"></div>'


async def contributions_page(request: Request) -> Response:
    door: Door = request.app.state.services.door
    slug = request.path_params["slug"]
    try:
        identity = (await door.identify(request)).identity
        if identity.congress_slug != slug:
            raise Forbidden("not your congress")
    except AccessDenied as denied:
        return denied_page(request, denied)
    lang = language(request)
    w = {key: esc(value) for key, value in words(lang).items()}
    organiser_link = (
        f' · <a href="/c/{esc(slug)}/organisation/themes">{w["review_title"]}</a>'
        if identity.is_organiser
        else ""
    )
    body = f"""{_config(identity, slug, lang)}
<header><h1>{w["page_title"]}</h1><p>{w["intro"]}</p>
<p><a href="/c/{esc(slug)}">{w["back"]}</a>{organiser_link}</p></header>
<p id="status" role="status" aria-live="polite"></p>
<p id="closed" class="notice" hidden></p>
<section id="write"><h2 id="form-title">{w["new"]}</h2>
<form id="contribution" class="stacked">
<label>{w["title"]} <input name="title" maxlength="300" required></label>
<label>{w["text"]} <textarea name="text" rows="6" maxlength="20000" required></textarea></label>
<label>{w["axis"]} <input name="axis" maxlength="200" list="axes"></label>
<datalist id="axes"></datalist>
<p><button type="submit" id="send">{w["send"]}</button>
<button type="button" id="cancel" class="secondary" hidden>{w["cancel"]}</button></p>
</form></section>
<section><h2>{w["mine"]}</h2><ul id="mine" class="cards"></ul></section>"""
    return page(words(lang)["page_title"], body, lang, scripts=("contributions.js",))


async def review_page(request: Request) -> Response:
    identity = await organiser_or_refusal(request)
    if isinstance(identity, Response):
        return identity
    slug = request.path_params["slug"]
    lang = language(request)
    w = {key: esc(value) for key, value in words(lang).items()}
    api = f"/api/congresses/{esc(slug)}"
    body = f"""{_config(identity, slug, lang)}
<header><h1>{w["review_title"]}</h1>
<p><a href="/c/{esc(slug)}/organisation">{w["organiser_page"]}</a> ·
<a href="/c/{esc(slug)}/contributions">{w["page_title"]}</a> ·
<a href="/c/{esc(slug)}/carte">{w["open_map"]}</a></p></header>
<p id="status" role="status" aria-live="polite"></p>
<section id="axes-section"><h2>{w["axes"]}</h2><p>{w["axes_help"]}</p>
<form id="axes-form"><ol id="axes-list" class="axes"></ol>
<p><button type="button" id="add-axis" class="secondary">{w["add_axis"]}</button>
<button type="submit">{w["save_axes"]}</button></p></form></section>
<section id="themes-section"><h2>{w["themes"]}</h2><p>{w["themes_help"]}</p>
<form id="run" class="inline">
<label>{w["k"]} <input name="k" type="number" min="1" max="30" size="4" placeholder="{w["k_auto"]}"></label>
<button type="submit">{w["run"]}</button></form>
<p id="run-info"></p>
<p id="progress-box" hidden><progress id="progress" max="1" value="0"></progress>
<span id="progress-text" role="status" aria-live="polite"></span></p>
<figure id="chart-box" hidden><img id="chart" alt="{w["chart_title"]}">
<figcaption>{w["chart"]}</figcaption></figure>
<div id="themes"></div>
<div id="duplicates"></div>
</section>
<section id="mindmap-section"><h2>{w["mindmap"]}</h2><p>{w["mindmap_help"]}</p>
<form id="place" class="inline">
<label>{w["key_contributions"]}
<input name="key_contributions" type="number" min="0" max="10" value="3" size="3"></label>
<button type="submit">{w["place"]}</button>
<a href="/c/{esc(slug)}/carte">{w["open_map"]}</a></form></section>
<section><h2>{w["all"]}</h2>
<form id="filter" class="inline" role="search">
<label>{w["search"]} <input name="q" type="search"></label>
<label>{w["filter_axis"]} <select name="axis"><option value="">{w["any_axis"]}</option></select></label>
<label>{w["filter_source"]} <select name="source"><option value="">{w["any_source"]}</option>
<option value="browser">{w["source.browser"]}</option>
<option value="import">{w["source.import"]}</option></select></label>
</form>
<p id="count"></p>
<table id="contributions"><thead><tr><th scope="col">{w["title"]}</th><th scope="col">{w["axis_short"]}</th>
<th scope="col">{w["author"]}</th><th scope="col">{w["date"]}</th></tr></thead><tbody></tbody></table>
</section>
<section><h2>{w["import"]}</h2><p>{w["import_help"]}</p>
<form id="import"><input type="file" name="file" accept=".csv,.json,text/csv,application/json" required
 aria-label="{w["import"]}"> <button type="submit">{w["import_button"]}</button></form>
<ul id="import-errors"></ul>
<p>{w["export"]}{w["colon"]}<a href="{api}/contributions/export?format=csv" download>CSV</a> ·
<a href="{api}/contributions/export?format=json" download>JSON</a></p></section>"""
    return page(words(lang)["review_title"], body, lang, scripts=("themes.js",))


ROUTES = [
    Route("/c/{slug}/contributions", contributions_page, methods=["GET"]),
    Route("/c/{slug}/organisation/themes", review_page, methods=["GET"]),
]
