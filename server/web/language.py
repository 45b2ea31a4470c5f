"""The one language choice of every page: `?lang=`, then the cookie it left, then the browser's preference."""

from __future__ import annotations

from starlette.requests import HTTPConnection
from starlette.responses import Response

from server.words import LANGUAGES

LANG_COOKIE = "ubiquite_lang"
DEFAULT = "fr"  # the congress is French; English for whoever asks for it first


def language(conn: HTTPConnection) -> str:
    """`?lang=` wins, then the cookie a previous `?lang=` left, then the first of French or English
    in Accept-Language; French otherwise."""
    chosen = conn.query_params.get("lang") or conn.cookies.get(LANG_COOKIE)
    if chosen in LANGUAGES:
        return chosen
    for part in conn.headers.get("accept-language", "").split(","):
        tag = part.split(";")[0].strip().lower()
        if tag.startswith(LANGUAGES):
            return tag[:2]
    return DEFAULT


def remember(conn: HTTPConnection, response: Response) -> None:
    """A `?lang=` choice sticks for the next pages (links between pages do not all carry it)."""
    asked = conn.query_params.get("lang")
    if asked in LANGUAGES and conn.cookies.get(LANG_COOKIE) != asked:
        response.set_cookie(LANG_COOKIE, asked, max_age=365 * 86400, samesite="lax")
