"""Opening an invitation link: a session cookie, then the congress; and signing out.

The token is in the path (`/i/TOKEN`) so that the link works from any mail
client; the log filter (server.auth.redact) keeps it out of the logs, the page
sends no Referer, and the browser is redirected off the token URL at once.
"""

from __future__ import annotations

import asyncio
import logging
import time
from urllib.parse import parse_qs

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from server.auth.door import SESSION_COOKIE, Door
from server.congress.domain import DomainError, Identity
from server.errors import AccessDenied
from server.web.i18n import language, translate
from server.web.layout import SECURITY_HEADERS, esc, page

log = logging.getLogger(__name__)


def landing(identity: Identity) -> str:
    """Organisers land on their page, everyone else in the congress."""
    base = f"/c/{identity.congress_slug}"
    return base + "/organisation" if identity.is_organiser else base


def refused_page(request: Request, denied: AccessDenied) -> Response:
    lang = language(request)
    body = (
        f"<h1>{esc(translate('link_refused', lang))}</h1>"
        f"<p>{esc(denied.reason)}</p><p>{esc(translate('ask_organiser', lang))}</p>"
    )
    return page(translate("link_refused", lang), body, lang, status=denied.http_status)


async def _open(request: Request, door: Door, token: str) -> Response:
    try:
        return await _open_valid(request, door, token)
    except AccessDenied as denied:  # counted; a valid link from the same address still opens
        raise await door.refused(request, "invitation link", denied) from None


async def _open_valid(request: Request, door: Door, token: str) -> Response:
    opened = await asyncio.to_thread(door.access.open_invitation, token)
    if opened.identity is not None:
        secret, expires = await asyncio.to_thread(
            door.access.start_session, opened.identity, opened.invitation
        )
        log.info(
            "session opened for participant %d of %s", opened.identity.participant_id, opened.congress.slug
        )
        return _signed_in(request, door, opened.identity, secret, expires)
    lang = language(request)
    names = [p for p in opened.names if p.claimed_at is None]
    if not names:
        body = f"<h1>{esc(opened.congress.title)}</h1><p>{esc(translate('nobody_left', lang))}</p>"
        return page(opened.congress.title, body, lang, status=409)
    choices = "".join(
        f'<li><label><input type="radio" name="participant" value="{p.id}" required> '
        f"{esc(p.name)}</label></li>"
        for p in names
    )
    body = f"""<h1>{esc(opened.congress.title)}</h1>
<h2>{esc(translate("choose_name", lang))}</h2>
<p>{esc(translate("choose_name_text", lang))}</p>
<form method="post"><ul class="choices">{choices}</ul>
<button type="submit">{esc(translate("enter", lang))}</button></form>"""
    return page(translate("choose_name", lang), body, lang)


def _signed_in(request: Request, door: Door, identity: Identity, secret: str, expires: float) -> Response:
    response = RedirectResponse(landing(identity), status_code=303, headers=SECURITY_HEADERS)
    door.set_session_cookie(response, request, secret, max_age=max(1, int(expires - time.time())))
    return response


async def open_invitation(request: Request) -> Response:
    door: Door = request.app.state.services.door
    try:
        return await _open(request, door, request.path_params["token"])
    except AccessDenied as denied:
        return refused_page(request, denied)


async def claim_name(request: Request) -> Response:
    """The form of a shared link: this person says which name on the list is theirs."""
    door: Door = request.app.state.services.door
    lang = language(request)
    if not door.origin_allowed(request):
        return page(translate("link_refused", lang), "<p>cross-site request refused</p>", lang, status=403)
    form = parse_qs((await request.body()).decode("utf-8", "replace"))
    try:
        participant_id = int(form.get("participant", [""])[0])
    except ValueError:
        return page(
            translate("choose_name", lang), f"<p>{esc(translate('choose_name', lang))}</p>", lang, 400
        )
    try:
        identity, secret, expires = await asyncio.to_thread(
            door.access.claim_and_start_session, request.path_params["token"], participant_id
        )
    except AccessDenied as denied:
        return refused_page(request, denied)
    except DomainError as exc:
        body = f"<h1>{esc(translate('link_refused', lang))}</h1><p>{esc(exc)}</p>"
        return page(translate("link_refused", lang), body, lang, status=409)
    log.info("participant %d chose their name on a shared link", identity.participant_id)
    return _signed_in(request, door, identity, secret, expires)


async def sign_out(request: Request) -> Response:
    """End the session (its open sockets close too) and forget the cookie."""
    door: Door = request.app.state.services.door
    lang = language(request)
    if not door.origin_allowed(request) or request.headers.get("origin") is None:
        return page(translate("logout", lang), "<p>cross-site request refused</p>", lang, status=403)
    secret = request.cookies.get(SESSION_COOKIE)
    if secret:
        try:
            identity = await asyncio.to_thread(door.access.identify_session, secret)
            door.sockets.disconnect(lambda i: i.session_id == identity.session_id, "signed out")
        except AccessDenied:
            pass
        await asyncio.to_thread(door.access.end_session, secret)
    response = page(
        translate("logout", lang),
        f"<p>{esc(translate('signed_out', lang))}</p>",
        lang,
        scripts=("forget.js",),
    )
    door.clear_session_cookie(response)
    # Laptops in the room are shared: the browser drops the documents it kept for offline use
    # (IndexedDB), its cached pages and the service worker along with the session.
    response.headers["Clear-Site-Data"] = '"cache", "storage"'
    return response
