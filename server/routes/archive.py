"""Archive routes: an organiser downloads a congress's whole history, or imports one into this instance.

`GET /api/congresses/{slug}/archive` is for that congress's organisers.
`POST /api/archives` (the zip as body) is for an organiser of any congress
here, like creating a congress: the imported congress is new, and its
importer is made one of its organisers.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from server.archive.format import ArchiveRefused
from server.archive.service import Archives
from server.congress.domain import DomainError, Identity, NewParticipant, Role
from server.congress.models import CongressRow
from server.errors import AccessDenied
from server.routes.publication import organisers
from server.web.layout import SECURITY_HEADERS

log = logging.getLogger(__name__)

MAX_ARCHIVE = 512 * 1024 * 1024


def _archives(services: Any) -> Archives:
    return Archives(
        services.store,
        services.directory,
        services.history.records,
        services.publishing.publications,
        services.settings.checkpoint_every,
    )


async def export_archive(
    request: Request, services: Any, identity: Identity, congress: CongressRow
) -> Response:
    await services.publishing.flush()
    data = await _archives(services).export(congress.slug)
    log.info("congress %s archived by %s (%d bytes)", congress.slug, identity.author, len(data))
    headers = {
        **SECURITY_HEADERS,
        "Content-Disposition": f'attachment; filename="ubiquite-{congress.slug}.zip"',
    }
    return Response(data, media_type="application/zip", headers=headers)


async def import_archive(request: Request) -> Response:
    services = request.app.state.services
    try:
        organiser = await services.door.any_organiser(request, request.method)
        body = await request.body()
        if len(body) > MAX_ARCHIVE:
            raise ArchiveRefused("archive too large")
        slug = request.query_params.get("slug") or None
        imported = await _archives(services).import_(body, slug)
        link = await asyncio.to_thread(_invite_importer, services, organiser, imported.congress)
    except AccessDenied as denied:
        return JSONResponse({"error": denied.reason}, status_code=denied.http_status)
    except DomainError as exc:  # ArchiveRefused included: nothing was imported
        return JSONResponse({"error": str(exc), "imported": False}, status_code=422)
    log.info(
        "archive imported as congress %s by %s: %d updates",
        imported.congress.slug,
        organiser.author,
        imported.updates,
    )
    return JSONResponse(
        {
            "slug": imported.congress.slug,
            "title": imported.congress.title,
            "participants": imported.participants,
            "updates": imported.updates,
            "positions": {str(k): v for k, v in imported.positions.items()},
            "your_link": f"{str(request.base_url).rstrip('/')}/i/{link}",
        },
        status_code=201,
    )


def _invite_importer(services: Any, identity: Identity, congress: CongressRow) -> str:
    """A link to the imported congress for the organiser who imported it."""
    me = services.directory.participant(identity.participant_id)
    assert congress.id is not None
    for person in services.directory.participants(congress.id):
        if person.name == me.name and person.role == Role.ORGANISER.value and person.revoked_at is None:
            return str(services.organising.invite_person(person).token)
    person = NewParticipant(name=me.name, role=Role.ORGANISER, commune=me.commune)
    try:
        return str(services.organising.add_person(congress, person).token)
    except DomainError:  # a participant of the same name and commune is in the archive
        person = NewParticipant(name=me.name, role=Role.ORGANISER, commune=f"{me.commune} (import)")
        return str(services.organising.add_person(congress, person).token)


ROUTES = [
    Route("/api/congresses/{slug}/archive", organisers(export_archive), methods=["GET"]),
    Route("/api/archives", import_archive, methods=["POST"]),
]
