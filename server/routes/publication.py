"""Publication and export: the press's page of the published version, downloads, and the organisers' routes.

`/p/{slug}` and `/p/{slug}/motion.{format}` need no invitation, and exist only
while an organiser has published a version. Everything under
`/api/congresses/{slug}/` is for that congress's organisers (server/web/guards.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from server.congress.domain import Identity
from server.errors import BadRequest, NotFound
from server.history.service import UnknownVersion
from server.publication.edition import Edition
from server.publication.formats import FORMATS, get_format
from server.publication.formats.html import EXPORT_CSP, edition_context
from server.publication.service import Published
from server.publication.versions import BadVersion, Version, parse_version
from server.web.guards import organiser, public
from server.web.headers import SECURITY_HEADERS
from server.web.language import language
from server.web.params import BIGGEST, integer, json_object
from server.web.templates import render
from server.words import word

if TYPE_CHECKING:
    from server.app import Services

FORMAT_NAMES = {"md": "Markdown", "html": "HTML", "pdf": "PDF", "docx": "Word (DOCX)"}
PUBLIC_ORDER = ("pdf", "docx", "html", "md")  # what the press reaches for first


def _public_rank(name: str) -> int:
    return PUBLIC_ORDER.index(name) if name in PUBLIC_ORDER else len(PUBLIC_ORDER)


class NotPublished(NotFound):
    """Nothing of this congress is published (or there is no such congress: the same to the public)."""


def download(edition: Edition, data: bytes, name: str) -> Response:
    fmt = get_format(name)
    headers = {
        **SECURITY_HEADERS,
        "Content-Disposition": f'attachment; filename="{edition.file_stem}.{fmt.name}"',
    }
    if fmt.name == "html":
        headers["Content-Security-Policy"] = EXPORT_CSP
    return Response(data, media_type=fmt.media_type, headers=headers)


# -- for anyone, once published -----------------------------------------------------------


async def published_page(request: Request, services: Services) -> Response:
    slug, lang = request.path_params["slug"], language(request)
    public = await services.publishing.public_edition(slug, lang)
    if public is None:  # or no such congress: the same page, so the public learns nothing of either
        return render(request, "published_none.html", {"title": word("not_published", lang)}, status=404)
    edition = public.edition
    written = word("version_at", lang, "publication", when=edition.moment) if edition.moment else ""
    context: dict[str, Any] = {
        **edition_context(edition),
        "title": edition.title,
        "slug": slug,
        "formats": [(name, FORMAT_NAMES[name]) for name in sorted(FORMATS, key=_public_rank)],
        "published_on": public.published_on,
        "version_line": " — ".join(
            v for v in (word("published_on", lang, "publication", when=public.published_on), written) if v
        ),
    }
    return render(request, "published.html", context, area="publication")


async def published_download(request: Request, services: Services) -> Response:
    slug, lang = request.path_params["slug"], language(request)
    name = get_format(request.path_params["format"]).name
    edition = await services.publishing.published_edition(slug, lang)
    if edition is None:
        raise NotPublished("nothing is published here")
    return download(edition, await services.publishing.download(edition, name), name)


# -- organisers ----------------------------------------------------------------------------


def publication_json(request: Request, row: Published | None) -> dict[str, Any]:
    if row is None:
        return {"published": False}
    return {
        "published": True,
        "position": row.position,
        "published_at": row.published_at,
        "published_by": row.published_by,
        "url": f"{str(request.base_url).rstrip('/')}/p/{row.slug}",
    }


async def get_publication(request: Request, services: Services, identity: Identity) -> Any:
    return publication_json(request, await services.publishing.publication(identity))


async def publish(request: Request, services: Services, identity: Identity) -> Any:
    data = await json_object(request)
    raw, named = data.get("version"), data.get("named")
    version = await _chosen(services, identity, None if raw is None else str(raw), named)
    return publication_json(request, await services.publishing.publish(identity, version))


async def unpublish(request: Request, services: Services, identity: Identity) -> Any:
    return {"published": False, "withdrawn": await services.publishing.unpublish(identity)}


async def export_version(request: Request, services: Services, identity: Identity) -> Response:
    name = get_format(request.path_params["format"]).name
    query = request.query_params
    version = await _chosen(services, identity, query.get("version"), query.get("named"))
    edition = await services.publishing.edition(identity, version, language(request))
    return download(edition, await services.publishing.download(edition, name), name)


async def _chosen(services: Services, identity: Identity, version: str | None, named: object) -> Version:
    """A log position, "current", or the position of a named version ("texte adopté") of the history."""
    if named is None or named == "":
        if version is not None and version.lstrip("-").isdigit():
            integer(version, "version", -BIGGEST)  # a clear 400 for a number no log can hold
        return parse_version(version)
    try:
        version_id = integer(named, "named")
    except BadRequest:
        raise BadVersion("named must be the id of a named version") from None
    try:
        return (await services.history.version(identity.congress_slug, version_id)).position
    except UnknownVersion as exc:
        raise BadVersion(str(exc)) from exc


ROUTES = [
    Route("/p/{slug}", public(published_page), methods=["GET"]),
    Route("/p/{slug}/motion.{format}", public(published_download, json_errors=True), methods=["GET"]),
    Route("/api/congresses/{slug}/publication", organiser(get_publication), methods=["GET"]),
    Route("/api/congresses/{slug}/publication", organiser(publish), methods=["POST"]),
    Route("/api/congresses/{slug}/publication", organiser(unpublish), methods=["DELETE"]),
    Route("/api/congresses/{slug}/motion.{format}", organiser(export_version), methods=["GET"]),
]
