"""Archive routes: an organiser downloads a congress's whole history, or imports one into this instance.

`GET /api/congresses/{slug}/archive` is for that congress's organisers.
`POST /api/archives` (the zip as body) is for an organiser of any congress
here, like creating a congress: the imported congress is new, and its
importer is made one of its organisers (server/archive/keeping.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from server.archive.format import ArchiveRefused
from server.congress.domain import Identity
from server.web.guards import any_organiser, organiser
from server.web.headers import SECURITY_HEADERS

if TYPE_CHECKING:
    from server.app import Services

MAX_ARCHIVE = 512 * 1024 * 1024


async def export_archive(request: Request, services: Services, identity: Identity) -> Response:
    data = await services.keeping.export(identity)
    headers = {
        **SECURITY_HEADERS,
        "Content-Disposition": f'attachment; filename="ubiquite-{identity.congress_slug}.zip"',
    }
    return Response(data, media_type="application/zip", headers=headers)


async def import_archive(request: Request, services: Services, identity: Identity) -> Any:
    body = await request.body()
    if len(body) > MAX_ARCHIVE:
        raise ArchiveRefused("archive too large")
    brought = await services.keeping.bring(identity, body, request.query_params.get("slug") or None)
    return {
        "slug": brought.slug,
        "title": brought.title,
        "participants": brought.participants,
        "updates": brought.updates,
        "positions": {str(k): v for k, v in brought.positions.items()},
        "your_link": f"{str(request.base_url).rstrip('/')}/i/{brought.token}",
    }


ROUTES = [
    Route("/api/congresses/{slug}/archive", organiser(export_archive), methods=["GET"]),
    Route("/api/archives", any_organiser(import_archive, 201), methods=["POST"]),
]
