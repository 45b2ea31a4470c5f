"""The browser client's pages: an HTML shell carrying the JSON configuration that the bundle reads.

The bundle (static/src, built into static/dist by scripts/install) draws the
motion editor, the mind map and the projector view from that configuration:
which rooms to join, who the person is and in which language to speak.
"""

from __future__ import annotations

import asyncio
import html
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from server.auth.door import Door
from server.auth.presence import user_colour
from server.congress.domain import room_name
from server.errors import AccessDenied

DIST = Path(__file__).resolve().parents[2] / "static" / "dist"
# URL segment (French first) → the page the bundle draws.
PAGES = {"motion": "motion", "carte": "mindmap", "projecteur": "projector"}
PAGE_TITLES = {
    "motion": ("Motion", "Motion"),
    "mindmap": ("Carte mentale", "Mind map"),
    "projector": ("Projection", "Projector"),
}
LANG_COOKIE = "ubiquite_lang"


def bundle_built() -> bool:
    """scripts/install builds static/dist; without npm it cannot, and the pages say so."""
    return (DIST / "app.js").exists()


Role = Literal["organiser", "participant", "observer"]
Site = Literal["on_site", "remote"]


@dataclass(frozen=True)
class ClientUser:
    id: str
    name: str
    role: Role
    site: Site

    @property
    def colour(self) -> str:
        """The same colour for a person on every page and every visit (and in presence)."""
        return user_colour(self.id)


@dataclass(frozen=True)
class ClientConfig:
    """What the bundle needs to know; built by `client_config` from the person's session."""

    user: ClientUser
    congress_slug: str
    congress_title: str
    rooms: dict[str, str]  # {"motion": room name, "mindmap": room name}
    organiser_url: str | None = None

    def page_json(self, request: Request, page: str, lang: str) -> dict[str, Any]:
        base = f"/c/{self.congress_slug}"
        return {
            "page": page,
            "wsBase": _ws_base(request),
            "rooms": self.rooms,
            "user": {
                "id": self.user.id,
                "name": self.user.name,
                "role": self.user.role,
                "site": self.user.site,
                "colour": self.user.colour,
            },
            "congress": {"slug": self.congress_slug, "title": self.congress_title},
            "lang": lang,
            "organiserUrl": self.organiser_url,
            "urls": {
                "motion": f"{base}/motion",
                "mindmap": f"{base}/carte",
                "projector": f"{base}/projecteur",
            },
        }


async def client_config(request: Request) -> ClientConfig | None:
    """The configuration for the person behind `request`'s session, or None if they may not see
    this congress (no or bad session, revoked, another congress)."""
    services = request.app.state.services
    door: Door = services.door
    slug = request.path_params["slug"]
    try:
        identity = (await door.identify(request)).identity
    except AccessDenied:
        return None
    if identity.congress_slug != slug:
        return None
    congress = await asyncio.to_thread(door.directory.congress, slug)
    person = await asyncio.to_thread(door.directory.participant, identity.participant_id)
    if congress is None or person is None:
        return None
    site: Site = "remote" if person.site == "remote" else "on_site"
    return ClientConfig(
        user=ClientUser(identity.author, identity.name, identity.role.value, site),  # type: ignore[arg-type]
        congress_slug=slug,
        congress_title=congress.title,
        rooms={"motion": room_name(slug, "motion"), "mindmap": room_name(slug, "mindmap")},
        organiser_url=f"/c/{slug}/organisation" if identity.is_organiser else None,
    )


def language(request: Request) -> str:
    """`?lang=` (remembered in a cookie), else the browser's preference between French and English."""
    chosen = request.query_params.get("lang") or request.cookies.get(LANG_COOKIE)
    if chosen in ("fr", "en"):
        return chosen
    for part in request.headers.get("accept-language", "").split(","):
        tag = part.split(";")[0].strip().lower()
        if tag.startswith(("fr", "en")):
            return tag[:2]
    return "fr"


async def client_page(request: Request) -> Response:
    page = PAGES.get(request.path_params["page"])
    lang = language(request)
    if page is None:
        return _message(lang, 404, ("Page inconnue", "Unknown page"))
    if not bundle_built():
        return _message(
            lang,
            503,
            (
                "Le client n'est pas construit : lancez scripts/install.",
                "The client is not built: run scripts/install.",
            ),
        )
    config = await client_config(request)
    if config is None:
        return _message(lang, 403, ("Accès sur invitation", "Invitation only"))
    response = HTMLResponse(_shell(config.page_json(request, page, lang), config.congress_title, lang))
    if request.query_params.get("lang") == lang:
        response.set_cookie(LANG_COOKIE, lang, max_age=365 * 86400, samesite="lax")
    return response


def _shell(config: dict[str, Any], congress_title: str, lang: str) -> str:
    title = PAGE_TITLES[config["page"]][1 if lang == "en" else 0]
    # `<` escaped so that no value (a congress title, a name) can close the script element.
    data = json.dumps(config, ensure_ascii=False).replace("<", "\\u003c")
    version = _bundle_version()
    return f"""<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)} — {html.escape(congress_title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/static/app.css?v={version}">
</head><body>
<noscript>Ubiquité a besoin de JavaScript. / <span lang="en">Ubiquité needs JavaScript.</span></noscript>
<script type="application/json" id="ubiquite-config">{data}</script>
<script type="module" src="/static/app.js?v={version}"></script>
</body></html>"""


def _bundle_version() -> str:
    """Changes with each build, so browsers and the offline cache never mix two bundles."""
    return str(int((DIST / "app.js").stat().st_mtime))


def _message(lang: str, status: int, text: tuple[str, str]) -> HTMLResponse:
    message = html.escape(text[1 if lang == "en" else 0])
    return HTMLResponse(
        f'<!doctype html><html lang="{lang}"><meta charset="utf-8"><title>Ubiquité</title>'
        f"<p>{message}</p></html>",
        status_code=status,
    )


def _ws_base(request: Request) -> str:
    scheme = "wss" if request.url.scheme == "https" else "ws"
    return f"{scheme}://{request.url.netloc}/ws"


async def service_worker(request: Request) -> Response:
    """At the site's root so that it may serve the pages under /c/ when the network is gone."""
    path = DIST / "sw.js"
    if not path.exists():
        return Response(status_code=404)
    return FileResponse(path, media_type="text/javascript", headers={"Cache-Control": "no-cache"})


def client_routes() -> list[BaseRoute]:
    return [
        Route("/c/{slug}/{page}", client_page, methods=["GET"]),
        Route("/sw.js", service_worker, methods=["GET"]),
        Mount("/static", StaticFiles(directory=DIST, check_dir=False), name="static"),
    ]
