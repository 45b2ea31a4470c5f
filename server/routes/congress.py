"""The congress page: who you are, where the congress stands, its documents and the motion as it is now.

The live editors come with the browser client; this page is what a person
sees on arriving, and stays their way in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from server.congress.domain import Identity
from server.web import trusted
from server.web.guards import member
from server.web.templates import render

if TYPE_CHECKING:
    from server.app import Services

# The browser page of each kind of document (server/routes/client.py).
EDITOR_PAGES = {"motion": "motion", "mindmap": "carte"}


async def congress_page(request: Request, services: Services, identity: Identity) -> Response:
    shown = await services.lobby.page(identity)
    context = {
        "title": shown.congress.title,
        "congress": shown.congress,
        "me": identity,
        "editors": EDITOR_PAGES,
        "ws_base": str(request.base_url).replace("http", "ws", 1).rstrip("/"),
        "motion": shown.motion,
        "motion_html": trusted.markdown(shown.motion),
    }
    return render(request, "congress.html", context)


ROUTES = [Route("/c/{slug}", member(congress_page), methods=["GET"])]
