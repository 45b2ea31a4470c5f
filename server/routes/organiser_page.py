"""The organisers' page in the browser: people, their links, revocation, phase, who is here now.

Server-rendered shell; `assets/organiser.js` talks to the JSON routes. The
words travel in a data attribute (data, not code, so the page's CSP still
forbids every inline script).
"""

from __future__ import annotations

import json
from pathlib import Path

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from server.congress.domain import PHASES
from server.routes.congress import organiser_or_refusal
from server.web.i18n import ORGANISER_MESSAGES, language, translate
from server.web.i18n_contributions import words as contribution_words
from server.web.layout import esc, page

ASSETS = Path(__file__).resolve().parent.parent / "web" / "assets"


async def organiser_page(request: Request) -> Response:
    identity = await organiser_or_refusal(request)
    if isinstance(identity, Response):
        return identity
    slug = request.path_params["slug"]
    lang = language(request)

    def t(key: str) -> str:
        return esc(translate(key, lang, ORGANISER_MESSAGES))

    words = {key: translate(key, lang, ORGANISER_MESSAGES) for key in ORGANISER_MESSAGES}
    words.update({f"phase.{p.value}": translate(f"phase.{p.value}", lang) for p in PHASES})
    words.update(
        {f"role.{r}": translate(f"role.{r}", lang) for r in ("organiser", "participant", "observer")}
    )
    words.update({f"site.{s}": translate(f"site.{s}", lang) for s in ("on_site", "remote")})
    config = json.dumps({"slug": slug, "me": identity.participant_id, "words": words, "lang": lang})
    role_options = "".join(
        f'<option value="{r}">{esc(translate("role." + r, lang))}</option>'
        for r in ("participant", "observer", "organiser")
    )
    site_options = "".join(
        f'<option value="{s}">{esc(translate("site." + s, lang))}</option>' for s in ("on_site", "remote")
    )
    downloads = " ".join(
        f'<a class="export" data-format="{name}" href="/api/congresses/{esc(slug)}/motion.{name}'
        f'?version=current&amp;lang={lang}" download>{name.upper()}</a>'
        for name in ("md", "html", "pdf", "docx")
    )
    body = f"""<div id="config" hidden data-config="{esc(config)}"></div>
<header><h1>{t("title")}</h1><p id="congress"></p>
<p><a href="/c/{esc(slug)}">{esc(translate("congress", lang))}</a> ·
<a href="/c/{esc(slug)}/organisation/themes">{esc(contribution_words(lang)["review_title"])}</a></p></header>
<p id="status" role="status" aria-live="polite"></p>
<section><h2>{t("phase")}</h2><p id="phase"></p><div id="phase-buttons"></div></section>
<section><h2>{t("connected_now")}</h2><ul id="connected"></ul></section>
<section><h2>{t("people")}</h2>
<table id="people"><thead><tr><th scope="col">{t("name")}</th><th scope="col">{t("role")}</th>
<th scope="col">{t("commune")}</th><th scope="col">{t("department")}</th><th scope="col">{t("site")}</th>
<th scope="col">{t("connected")}</th><th scope="col">{t("actions")}</th></tr></thead>
<tbody></tbody></table></section>
<section><h2>{t("add")}</h2><form id="add-person">
<label>{t("name")} <input name="name" required maxlength="200"></label>
<label>{t("role")} <select name="role">{role_options}</select></label>
<label>{t("commune")} <input name="commune" maxlength="200"></label>
<label>{t("department")} <input name="department" maxlength="3" size="4"></label>
<label>{t("site")} <select name="site">{site_options}</select></label>
<label>{t("contact")} <input name="contact" maxlength="200"></label>
<button type="submit">{t("add_button")}</button></form></section>
<section><h2>{t("group")}</h2><form id="shared-link">
<label>{t("role")} <select name="role">{role_options}</select></label>
<label>{t("group_names")} <textarea name="names" rows="5" required></textarea></label>
<button type="submit">{t("group_button")}</button></form>
<h3>{t("shared_links")}</h3><ul id="shared-links"></ul></section>
<section><h2>{t("import")}</h2><p>{t("import_help")}</p><form id="import">
<input type="file" name="file" accept=".csv,text/csv" required aria-label="{t("import")}">
<button type="submit">{t("import_button")}</button></form><ul id="import-errors"></ul></section>
<section><h2>{t("publication")}</h2><p id="publication"></p>
<form id="publish"><label>{t("version")} <input name="version" value="current" size="10"></label>
<button type="submit">{t("publish")}</button> <button type="button" id="unpublish">{t("unpublish")}</button>
</form><p>{t("download_version")} {downloads}</p>
<p><a href="/api/congresses/{esc(slug)}/archive" download>{t("archive")}</a></p></section>"""
    return page(translate("title", lang, ORGANISER_MESSAGES), body, lang, scripts=("organiser.js",))


ROUTES = [
    Route("/c/{slug}/organisation", organiser_page, methods=["GET"]),
    Mount("/assets", StaticFiles(directory=ASSETS), name="assets"),
]
