"""The congress page: who you are, where the congress stands, its documents and the motion as it is now.

The live editors come with the browser client; this page is what a person
sees on arriving, and stays their way in.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from pycrdt import Doc
from starlette.requests import Request
from starlette.responses import Response

from crdt.motion import motion_text
from crdt.render import render_markdown
from server.auth.door import Door
from server.congress.domain import Identity, room_name
from server.congress.models import CongressRow, DocumentRow
from server.errors import AccessDenied, Forbidden
from server.web.i18n import language, translate
from server.web.i18n_contributions import words as contribution_words
from server.web.layout import esc, page

# The browser page of each kind of document (server/routes/client.py).
EDITOR_PAGES = {"motion": "motion", "mindmap": "carte"}


def denied_page(request: Request, denied: AccessDenied) -> Response:
    lang = language(request)
    key = "not_yours" if isinstance(denied, Forbidden) else "need_invitation"
    body = f"<h1>{esc(translate(key, lang))}</h1><p>{esc(translate('need_invitation_text', lang))}</p>"
    return page(translate(key, lang), body, lang, status=denied.http_status)


async def organiser_or_refusal(request: Request) -> Identity | Response:
    """The organiser behind a request for a page of `/c/{slug}/...`, or the page refusing them."""
    door: Door = request.app.state.services.door
    try:
        return await door.organiser(request, request.path_params["slug"], "GET")
    except AccessDenied as denied:
        return denied_page(request, denied)


async def congress_page(request: Request) -> Response:
    services = request.app.state.services
    door: Door = services.door
    slug = request.path_params["slug"]
    try:
        identity = (await door.identify(request)).identity
        if identity.congress_slug != slug:
            raise Forbidden("not your congress")
    except AccessDenied as denied:
        return denied_page(request, denied)
    congress = await asyncio.to_thread(door.directory.congress, slug)
    documents = await asyncio.to_thread(door.directory.documents, identity.congress_id)
    assert congress is not None
    motion = await _motion_markdown(services.rooms, slug)
    return page(congress.title, _body(request, identity, congress, documents, motion), language(request))


async def _motion_markdown(rooms: Any, slug: str) -> str:
    room = await rooms.get(room_name(slug, "motion"))
    doc: Doc[Any] = room.doc
    try:
        return str(motion_text(doc))
    except Exception:  # another client stored something else under that name: show nothing
        return ""


def _document_link(kind: str, base: str, t: Callable[[str], str]) -> str:
    """The document's name, a link to its live editor when the browser client has one."""
    if kind not in EDITOR_PAGES:
        return f"<strong>{esc(kind)}</strong>"
    return f'<a href="{base}/{EDITOR_PAGES[kind]}"><strong>{t("doc." + kind)}</strong></a>'


def _body(
    request: Request, identity: Identity, congress: CongressRow, documents: list[DocumentRow], motion: str
) -> str:
    lang = language(request)

    def t(key: str) -> str:
        return esc(translate(key, lang))

    ws_base = str(request.base_url).replace("http", "ws", 1).rstrip("/")
    dates = " – ".join(str(d) for d in (congress.starts_on, congress.ends_on) if d)
    base = f"/c/{esc(congress.slug)}"
    items = "".join(
        f"<li>{_document_link(d.kind, base, t)} — "
        f"{t('live_address')}{t('colon')}<code>{esc(ws_base)}/ws/{esc(d.room)}</code></li>"
        for d in documents
    )
    items += f'<li><a href="{base}/projecteur"><strong>{t("doc.projector")}</strong></a></li>'
    mine = esc(contribution_words(lang)["mine"])
    items += f'<li><a href="{base}/contributions"><strong>{mine}</strong></a></li>'
    organiser_link = (
        f'<p><a href="/c/{esc(congress.slug)}/organisation">{t("organiser_page")}</a> · '
        f'<a href="/c/{esc(congress.slug)}/historique">{t("history")}</a> · '
        f'<a href="/c/{esc(congress.slug)}/rejouer">{t("replay")}</a></p>'
        if identity.is_organiser
        else ""
    )
    rendered = render_markdown(motion) if motion.strip() else f"<p>{t('motion_empty')}</p>"
    return f"""<header><h1>{esc(congress.title)}</h1>
<p>{t("edition")}{t("colon")}{esc(congress.edition or "—")} · {t("dates")}{t("colon")}{esc(dates or "—")}
 · {t("phase")}{t("colon")}<strong>{t("phase." + congress.phase)}</strong></p></header>
<section class="whoami"><p>{t("you_are")} <strong>{esc(identity.name)}</strong>,
 {t("role." + identity.role.value)}.</p>{organiser_link}
<form method="post" action="/logout"><button type="submit">{t("logout")}</button></form></section>
<section><h2>{t("documents")}</h2><ul>{items}</ul></section>
<section class="motion"><h2>{t("motion_now")}</h2>{rendered}</section>"""
