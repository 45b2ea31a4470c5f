"""Opening an invitation link: a session cookie, then the congress; and signing out.

The token is in the path (`/i/TOKEN`) so that the link works from any mail
client; the log filter (server.auth.redact) keeps it out of the logs, the page
sends no Referer, and the browser is redirected off the token URL at once.
The steps are server/auth/entry.py's; refusals become pages in server/web/errors.py.
"""

from __future__ import annotations

import time
from urllib.parse import parse_qs

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from server.auth.door import SESSION_COOKIE
from server.auth.entry import Session
from server.congress.domain import Identity
from server.web.guards import LINK, PUBLIC, requires, same_site_form, services_of
from server.web.headers import SECURITY_HEADERS
from server.web.language import language
from server.web.params import body, integer
from server.web.templates import render
from server.words import word


def landing(identity: Identity) -> str:
    """Organisers land on their page, everyone else in the congress."""
    base = f"/c/{identity.congress_slug}"
    return base + "/organisation" if identity.is_organiser else base


def _signed_in(request: Request, session: Session) -> Response:
    response = RedirectResponse(landing(session.identity), status_code=303, headers=SECURITY_HEADERS)
    max_age = max(1, int(session.expires - time.time()))
    services_of(request).door.set_session_cookie(response, request, session.secret, max_age=max_age)
    return response


@requires(LINK)
async def open_invitation(request: Request) -> Response:
    opened = await services_of(request).entry.open(request.path_params["token"], request)
    if opened.session is not None:
        return _signed_in(request, opened.session)
    if opened.current is not None and opened.arriving is not None:
        return _ask_before_switching(request, opened.congress_title, opened.current, opened.arriving)
    if not opened.names:
        nobody = {"title": opened.congress_title, "heading": opened.congress_title, "keys": ["nobody_left"]}
        return render(request, "message.html", nobody, status=409)
    choose = {
        "title": opened.congress_title,
        "congress": opened.congress_title,
        "names": opened.names,
        "signed_in": opened.current is not None,
    }
    return render(request, "choose_name.html", choose)


def _ask_before_switching(request: Request, title: str, current: Identity, arriving: Identity) -> Response:
    """The browser is signed in as someone else: say so, and switch only on a form of ours."""
    context = {"title": title, "congress": title, "current": current.name, "arriving": arriving.name}
    return render(request, "switch_person.html", {**context, "back": landing(current)})


@requires(LINK)
async def claim_name(request: Request) -> Response:
    """The forms behind a link: "yes, sign me in as that person", or this person's name on a shared one."""
    same_site_form(request)
    form = parse_qs((await body(request)).decode("utf-8", "replace"))
    if form.get("switch") == ["1"]:
        same_site_form(request, origin_required=True)  # a browser's POST always says where it is from
        opened = await services_of(request).entry.open(request.path_params["token"], request, confirmed=True)
        if opened.session is None:  # a shared link: its names are chosen on the other form
            return RedirectResponse(request.url.path, status_code=303, headers=SECURITY_HEADERS)
        return _signed_in(request, opened.session)
    participant_id = integer(form.get("participant", [""])[0], "participant")
    session = await services_of(request).entry.claim(request.path_params["token"], participant_id)
    return _signed_in(request, session)


@requires(PUBLIC)  # a form of ours; with no session it signs nobody out
async def sign_out(request: Request) -> Response:
    """End the session (its open sockets close too) and forget the cookie."""
    same_site_form(request, origin_required=True)
    services = services_of(request)
    await services.entry.sign_out(request.cookies.get(SESSION_COOKIE))
    title = word("logout", language(request))
    context = {"title": title, "keys": ["signed_out"], "page_script": "forget.js"}
    response = render(request, "message.html", context)
    services.door.clear_session_cookie(response)
    # Laptops in the room are shared: the browser drops the documents it kept for offline use
    # (IndexedDB), its cached pages and the service worker along with the session.
    response.headers["Clear-Site-Data"] = '"cache", "storage"'
    return response
