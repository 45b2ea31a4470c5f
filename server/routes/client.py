"""The browser client's pages: an HTML shell carrying the JSON configuration that the bundle reads.

The bundle (static/src, built into static/dist by scripts/install) draws the
motion editor, the mind map and the projector view from that configuration:
which rooms to join, who the person is and in which language to speak. The
shell is templates/editor.html, under the editors' CSP (server/web/headers.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from starlette.requests import Request
from starlette.responses import FileResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from server.congress.domain import Identity, Phase, room_name
from server.errors import AccessDenied, InvitationOnly, NotFound, Unavailable
from server.web.guards import MEMBER_PAGE, PUBLIC, requires, services_of
from server.web.headers import editor_headers
from server.web.language import language
from server.web.templates import render

if TYPE_CHECKING:
    from server.app import Services

DIST = Path(__file__).resolve().parents[2] / "static" / "dist"
# URL segment (French first) → the page the bundle draws.
PAGES = {"motion": "motion", "carte": "mindmap", "projecteur": "projector"}


def bundle_built() -> bool:
    """scripts/install builds static/dist; without npm it cannot, and the pages say so (503)."""
    return (DIST / "app.js").exists()


Role = Literal["organiser", "participant", "observer"]
Site = Literal["on_site", "remote"]


@dataclass(frozen=True)
class ClientUser:
    id: str
    name: str
    role: Role
    site: Site
    colour: str  # the person's own in their congress (server/palette.py), as in presence and history


@dataclass(frozen=True)
class ClientConfig:
    """What the bundle needs to know; built by `client_config` from the person's session."""

    user: ClientUser
    congress_slug: str
    congress_title: str
    rooms: dict[str, str]  # {"motion": room name, "mindmap": room name}
    organiser_url: str | None = None
    frozen: bool = False  # the motion is published: the page opens read-only, saying why

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
            "frozen": self.frozen,
            "urls": {
                "motion": f"{base}/motion",
                "mindmap": f"{base}/carte",
                "projector": f"{base}/projecteur",
            },
        }


async def client_config(services: Services, identity: Identity) -> ClientConfig:
    """The configuration for a member of the congress."""
    seat = await services.lobby.seat(identity)
    slug = identity.congress_slug
    site: Site = "remote" if seat.site == "remote" else "on_site"
    return ClientConfig(
        user=ClientUser(identity.author, identity.name, identity.role.value, site, identity.colour),  # type: ignore[arg-type]
        congress_slug=slug,
        congress_title=seat.congress.title,
        rooms={"motion": room_name(slug, "motion"), "mindmap": room_name(slug, "mindmap")},
        organiser_url=f"/c/{slug}/organisation" if identity.is_organiser else None,
        frozen=identity.phase is Phase.PUBLISHED,
    )


@requires(MEMBER_PAGE)
async def client_page(request: Request) -> Response:
    page = PAGES.get(request.path_params["page"])
    if page is None:
        raise NotFound("unknown page")
    if not bundle_built():
        raise Unavailable("the client is not built: run scripts/install")
    services = services_of(request)
    try:
        identity = await services.door.member(request, request.path_params["slug"], "GET")
    except AccessDenied as denied:  # one answer, 403, whoever is not of this congress
        raise InvitationOnly() from denied
    config = await client_config(services, identity)
    context = {
        "page": page,
        "congress_title": config.congress_title,
        "config": config.page_json(request, page, language(request)),
        "version": _bundle_version(),
    }
    return render(request, "editor.html", context, headers=editor_headers(request))


def _bundle_version() -> str:
    """Changes with each build, so browsers and the offline cache never mix two bundles."""
    return str(int((DIST / "app.js").stat().st_mtime))


def _ws_base(request: Request) -> str:
    scheme = "wss" if request.url.scheme == "https" else "ws"
    return f"{scheme}://{request.url.netloc}/ws"


@requires(PUBLIC)
async def service_worker(request: Request) -> Response:
    """At the site's root so that it may serve the pages under /c/ when the network is gone."""
    path = DIST / "sw.js"
    if not path.exists():
        return Response(status_code=404)
    return FileResponse(path, media_type="text/javascript", headers={"Cache-Control": "no-cache"})


FAVICON = Path(__file__).resolve().parent.parent / "web" / "assets" / "favicon.svg"


@requires(PUBLIC)
async def favicon(request: Request) -> Response:
    """The site's icon, at the address every browser asks for whatever the page says (an SVG)."""
    return FileResponse(FAVICON, media_type="image/svg+xml", headers={"Cache-Control": "max-age=86400"})


def client_routes() -> list[BaseRoute]:
    return [
        Route("/c/{slug}/{page}", client_page, methods=["GET"]),
        Route("/sw.js", service_worker, methods=["GET"]),
        Route("/favicon.ico", favicon, methods=["GET"]),
        Route("/favicon.svg", favicon, methods=["GET"]),
        Mount("/static", requires(PUBLIC)(StaticFiles(directory=DIST, check_dir=False)), name="static"),
    ]
