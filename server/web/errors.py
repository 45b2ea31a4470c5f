"""Domain errors become HTTP answers here, and only here: JSON for the API, a page for a browser.

Routes and services raise (server/errors.py, and the DomainError subclasses of
each package); the Starlette exception handlers below choose the status and
the shape. A route never catches an error only to answer it.
"""

from __future__ import annotations

import logging
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from server.archive.format import ArchiveRefused
from server.congress.service import ImportRefused as PeopleRefused
from server.contributions.classifier import ClassificationBusy
from server.contributions.service import ImportRefused as ContributionsRefused
from server.contributions.service import NotFound as ContributionNotFound
from server.contributions.service import PhaseClosed
from server.decisions.errors import Coded, Invalid
from server.errors import (
    AccessDenied,
    Conflict,
    CrossSite,
    DomainError,
    Forbidden,
    InvitationOnly,
    NotFound,
    OrganisersOnly,
    Unavailable,
)
from server.publication.formats import FormatUnavailable, UnknownFormat
from server.web.language import language
from server.web.templates import render
from server.words import table, word

log = logging.getLogger(__name__)

# Most specific first; a DomainError not listed is a 400 (the request broke a rule).
STATUS: tuple[tuple[type[Exception], int], ...] = (
    (PeopleRefused, 422),
    (ContributionsRefused, 422),
    (ArchiveRefused, 422),
    (ContributionNotFound, 404),
    (NotFound, 404),
    (UnknownFormat, 404),
    (PhaseClosed, 403),
    (ClassificationBusy, 409),
    (Conflict, 409),
    (FormatUnavailable, 503),
    (Unavailable, 503),
    (DomainError, 400),
)
JSON_FLAG = "ubiquite.json_errors"


def status_of(exc: Exception) -> int:
    if isinstance(exc, AccessDenied):
        return exc.http_status
    for kind, status in STATUS:
        if isinstance(exc, kind):
            return status
    return 500


def body_of(exc: Exception, lang: str = "fr") -> dict[str, Any]:
    """The JSON answer: always `error`, and what else a client needs to show the problem."""
    if isinstance(exc, Coded):
        return {"error": exc.error_code, "message": coded_message(exc, lang)}
    if isinstance(exc, AccessDenied):
        return {"error": exc.reason}
    body: dict[str, Any] = {"error": str(exc)}
    if isinstance(exc, PeopleRefused):
        body["rows"] = [{"line": e.line, "reason": e.reason} for e in exc.errors]
    elif isinstance(exc, ContributionsRefused):
        body["rows"] = [{"line": p.line, "reason": p.reason} for p in exc.problems]
    elif isinstance(exc, ArchiveRefused):
        body["imported"] = False
    return body


def coded_message(exc: Coded, lang: str) -> str:
    """The sentence of a coded refusal (issue 15) in the asker's language, naming the field if one."""
    if isinstance(exc, Invalid) and exc.field:
        rule = word(exc.rule, lang, "decisions", **exc.values) if exc.rule else ""
        return word("invalid_field", lang, "decisions", field=exc.field, rule=rule)
    return word(exc.error_code, lang, "decisions")


def answers_json(request: Request) -> bool:
    """The API answers in JSON; so do the routes that asked to (downloads, marked by server/web/guards.py)."""
    return request.url.path.startswith("/api/") or bool(request.scope.get(JSON_FLAG))


async def on_error(request: Request, exc: Exception) -> Response:
    status = status_of(exc)
    if not isinstance(exc, AccessDenied):
        log.info("%s %s refused (%d): %s", request.method, request.url.path, status, exc)
    if answers_json(request):
        return JSONResponse(body_of(exc, language(request)), status_code=status)
    return error_page(request, exc, status)


def error_page(request: Request, exc: Exception, status: int) -> Response:
    """The page a browser gets: on an invitation link, why the link failed; elsewhere, the door's words."""
    if request.url.path.startswith("/i/"):
        reason = exc.reason if isinstance(exc, AccessDenied) else str(exc)
        lines = [reason, "ask_organiser"] if isinstance(exc, AccessDenied) else [reason]
        return _page(request, "link_refused", lines, status)
    if isinstance(exc, OrganisersOnly):
        return _page(request, "organisers_only", [], status)
    if isinstance(exc, CrossSite):
        return _page(request, "cross_site", [], status)
    if isinstance(exc, AccessDenied):
        mine = isinstance(exc, Forbidden) and not isinstance(exc, InvitationOnly)
        key = "not_yours" if mine else "need_invitation"
        return _page(request, key, ["need_invitation_text"], status)
    if status == 404:
        return _page(request, "not_found", [], status)
    return _page(request, "bad_request" if status < 500 else "unavailable", [str(exc)], status)


def _page(request: Request, heading: str, lines: list[str], status: int) -> Response:
    """`lines` are words of the catalogue, or already a sentence (an error's own message)."""
    known = table("pages")
    keys = [line for line in lines if line in known]
    sentences = [line for line in lines if line not in known]
    title = word(heading, language(request))
    context = {"title": title, "heading": title, "lines": sentences, "keys": keys}
    return render(request, "message.html", context, status=status)


def exception_handlers() -> dict[Any, Any]:
    return {AccessDenied: on_error, DomainError: on_error, FormatUnavailable: on_error}
