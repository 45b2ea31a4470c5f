"""The contribution pages in the browser: a participant's own contributions, and the organisers' review.

Server-rendered shells (templates/contributions.html, review.html) like the
organisers' page; `assets/contributions.js` and `assets/themes.js` talk to the
JSON routes (server/routes/contributions.py). The words travel in a data
attribute, so the CSP still forbids inline scripts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from server import palette
from server.congress.domain import Identity
from server.web.guards import member, organiser
from server.web.language import language
from server.web.templates import render
from server.words import word, words

if TYPE_CHECKING:
    from server.app import Services


def _config(identity: Identity, lang: str, time_zone: str) -> dict[str, Any]:
    slug = identity.congress_slug
    return {
        "slug": slug,
        "me": identity.participant_id,
        "role": identity.role.value,
        "phase": identity.phase.value,
        "lang": lang,
        "timeZone": time_zone,  # dates in the congress's zone, not the browser's (server/clock.py)
        "words": words("contributions", lang),
        "mindmap": f"/c/{slug}/carte",
        "colours": palette.THEMES,  # the chart's, so a theme has one colour on the page
    }


async def contributions_page(request: Request, services: Services, identity: Identity) -> Response:
    return _page(request, services, identity, "contributions.html", "page_title")


async def review_page(request: Request, services: Services, identity: Identity) -> Response:
    return _page(request, services, identity, "review.html", "review_title")


def _page(request: Request, services: Services, identity: Identity, template: str, title: str) -> Response:
    lang = language(request)
    context = {
        "title": word(title, lang, "contributions"),
        "slug": identity.congress_slug,
        "me": identity,
        "config": _config(identity, lang, services.settings.time_zone),
    }
    return render(request, template, context, area="contributions")


ROUTES = [
    Route("/c/{slug}/contributions", member(contributions_page), methods=["GET"]),
    Route("/c/{slug}/organisation/themes", organiser(review_page), methods=["GET"]),
]
