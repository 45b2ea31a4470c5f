"""Publication and export: the press's page of the published version, downloads, and the organisers' routes.

`/p/{slug}` and `/p/{slug}/motion.{format}` need no invitation, and exist only
while an organiser has published a version. Everything under
`/api/congresses/{slug}/` is for that congress's organisers (server.auth.door).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from server.congress.domain import DomainError, Identity
from server.congress.models import CongressRow
from server.errors import AccessDenied, Forbidden
from server.history.service import UnknownVersion
from server.publication.edition import Edition
from server.publication.formats import FORMATS, FormatUnavailable, UnknownFormat, export, get_format
from server.publication.formats.html import EXPORT_CSP, edition_body
from server.publication.models import PublicationRow
from server.publication.versions import BadVersion, Version, parse_version
from server.web.i18n import language
from server.web.layout import SECURITY_HEADERS, esc, page

log = logging.getLogger(__name__)

NOT_PUBLISHED = {
    "fr": ("Rien n'est publié ici", "Aucune version de cette motion n'est publiée pour l'instant."),
    "en": ("Nothing is published here", "No version of this motion is published yet."),
}
FORMAT_NAMES = {"md": "Markdown", "html": "HTML", "pdf": "PDF", "docx": "Word (DOCX)"}


def _lang(request: Request) -> str:
    asked = request.query_params.get("lang")
    return asked if asked in ("fr", "en") else language(request)


def download(edition: Edition, data: bytes, name: str) -> Response:
    fmt = get_format(name)
    headers = {
        **SECURITY_HEADERS,
        "Content-Disposition": f'attachment; filename="{edition.file_stem}.{fmt.name}"',
    }
    if fmt.name == "html":
        headers["Content-Security-Policy"] = EXPORT_CSP
    return Response(data, media_type=fmt.media_type, headers=headers)


async def _export(edition: Edition, name: str) -> Response:
    data = await asyncio.to_thread(export, edition, name)
    return download(edition, data, name)


# -- for anyone, once published -----------------------------------------------------------


def _not_published(lang: str) -> Response:
    title, text = NOT_PUBLISHED["en" if lang == "en" else "fr"]
    return page(title, f"<h1>{esc(title)}</h1><p>{esc(text)}</p>", lang, status=404)


async def published_page(request: Request) -> Response:
    slug, lang = request.path_params["slug"], _lang(request)
    edition = await request.app.state.services.publishing.published_edition(slug, lang)
    if edition is None:
        return _not_published(lang)
    links = " ".join(
        f'<a href="/p/{esc(slug)}/motion.{name}?lang={lang}" download>{esc(FORMAT_NAMES[name])}</a>'
        for name in FORMATS
    )
    label = esc(edition.word("downloads") + edition.word("colon"))
    downloads = f'<nav class="downloads"><p>{label}{links}</p></nav>'
    return page(edition.title, edition_body(edition, downloads), lang, styles=("publication.css",))


async def published_download(request: Request) -> Response:
    slug, lang = request.path_params["slug"], _lang(request)
    try:
        name = get_format(request.path_params["format"]).name
    except UnknownFormat as exc:
        return JSONResponse({"error": str(exc)}, status_code=404)
    edition = await request.app.state.services.publishing.published_edition(slug, lang)
    if edition is None:
        return _not_published(lang)
    try:
        return await _export(edition, name)
    except FormatUnavailable as exc:
        return JSONResponse({"error": str(exc)}, status_code=503)


# -- organisers ----------------------------------------------------------------------------

Handler = Callable[[Request, Any, Identity, CongressRow], Awaitable[Response]]


def organisers(handler: Handler) -> Callable[[Request], Awaitable[Response]]:
    async def endpoint(request: Request) -> Response:
        services = request.app.state.services
        try:
            identity = await services.door.organiser(request, request.path_params["slug"], request.method)
            congress = await asyncio.to_thread(services.directory.congress_by_id, identity.congress_id)
            if congress is None:
                raise Forbidden("not your congress")
            return await handler(request, services, identity, congress)
        except AccessDenied as denied:
            return JSONResponse({"error": denied.reason}, status_code=denied.http_status)
        except UnknownFormat as exc:
            return JSONResponse({"error": str(exc)}, status_code=404)
        except DomainError as exc:
            return JSONResponse({"error": str(exc)}, status_code=400)
        except FormatUnavailable as exc:
            return JSONResponse({"error": str(exc)}, status_code=503)

    return endpoint


def publication_json(request: Request, congress: CongressRow, row: PublicationRow | None) -> dict[str, Any]:
    if row is None:
        return {"published": False}
    return {
        "published": True,
        "position": row.position,
        "published_at": row.published_at,
        "published_by": row.published_by,
        "url": f"{str(request.base_url).rstrip('/')}/p/{congress.slug}",
    }


async def get_publication(
    request: Request, services: Any, identity: Identity, congress: CongressRow
) -> Response:
    row = await asyncio.to_thread(services.publishing.publication, congress.id)
    return JSONResponse(publication_json(request, congress, row))


async def publish(request: Request, services: Any, identity: Identity, congress: CongressRow) -> Response:
    from server.web.params import json_object as _json

    data = await _json(request)
    raw, named = data.get("version"), data.get("named")
    version = await _chosen(services, congress, None if raw is None else str(raw), named)
    row = await services.publishing.publish(congress, version, identity.author)
    return JSONResponse(publication_json(request, congress, row))


async def unpublish(request: Request, services: Any, identity: Identity, congress: CongressRow) -> Response:
    removed = await asyncio.to_thread(services.publishing.unpublish, congress.id)
    if removed:
        log.info("congress %s: publication withdrawn by %s", congress.slug, identity.author)
    return JSONResponse({"published": False, "withdrawn": removed})


async def export_version(
    request: Request, services: Any, identity: Identity, congress: CongressRow
) -> Response:
    name = get_format(request.path_params["format"]).name
    query = request.query_params
    version = await _chosen(services, congress, query.get("version"), query.get("named"))
    edition = await services.publishing.edition(congress, version, _lang(request))
    return await _export(edition, name)


async def _chosen(services: Any, congress: CongressRow, version: str | None, named: object) -> Version:
    """A log position, "current", or the position of a named version ("texte adopté") of the history."""
    if named is None or named == "":
        return parse_version(version)
    try:
        version_id = int(str(named))
    except ValueError:
        raise BadVersion("named must be the id of a named version") from None
    try:
        return (await services.history.version(congress.slug, version_id)).position
    except UnknownVersion as exc:
        raise BadVersion(str(exc)) from exc


ROUTES = [
    Route("/p/{slug}", published_page, methods=["GET"]),
    Route("/p/{slug}/motion.{format}", published_download, methods=["GET"]),
    Route("/api/congresses/{slug}/publication", organisers(get_publication), methods=["GET"]),
    Route("/api/congresses/{slug}/publication", organisers(publish), methods=["POST"]),
    Route("/api/congresses/{slug}/publication", organisers(unpublish), methods=["DELETE"]),
    Route("/api/congresses/{slug}/motion.{format}", organisers(export_version), methods=["GET"]),
]
