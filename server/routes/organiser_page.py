"""The organisers' page in the browser: people, their links, revocation, phase, who is here now.

Server-rendered shell (templates/organiser.html); `assets/organiser.js` talks
to the JSON routes. The words travel in a data attribute (data, not code, so
the page's CSP still forbids every inline script).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from server.congress.domain import PHASES, Identity
from server.web.guards import PUBLIC, organiser, requires
from server.web.language import language
from server.web.templates import render
from server.words import word, words

if TYPE_CHECKING:
    from server.app import Services

ASSETS = Path(__file__).resolve().parent.parent / "web" / "assets"


async def organiser_page(request: Request, services: Services, identity: Identity) -> Response:
    slug, lang = identity.congress_slug, language(request)
    shown = words("organiser", lang)
    shown.update({f"phase.{p.value}": word(f"phase.{p.value}", lang) for p in PHASES})
    shown.update({f"role.{r}": word(f"role.{r}", lang) for r in ("organiser", "participant", "observer")})
    shown.update({f"site.{s}": word(f"site.{s}", lang) for s in ("on_site", "remote")})
    config = {"slug": slug, "me": identity.participant_id, "words": shown, "lang": lang}
    context = {"title": word("title", lang, "organiser"), "slug": slug, "config": config}
    return render(request, "organiser.html", context, area="organiser")


ROUTES = [
    Route("/c/{slug}/organisation", organiser(organiser_page), methods=["GET"]),
    Mount("/assets", requires(PUBLIC)(StaticFiles(directory=ASSETS)), name="assets"),
]
