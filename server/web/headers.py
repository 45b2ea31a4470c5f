"""The headers every server-rendered page carries: what may run in it, and what leaks out of it."""

from __future__ import annotations

from starlette.requests import HTTPConnection

# No inline script may run: a page's code is a file of ours, and nothing else.
PAGE_CSP = (
    "default-src 'self'; connect-src 'self'; img-src 'self' data:; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": PAGE_CSP,
    # An invitation link must never leak through a Referer to another site. Not "no-referrer":
    # under it browsers send `Origin: null` with our own forms' POSTs (sign-out, name choice),
    # which the origin check then refuses.
    "Referrer-Policy": "same-origin",
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
}


def editor_csp(conn: HTTPConnection) -> str:
    """The live editors' pages: the module bundle and its service worker from here, and the WebSocket
    of this very host (spelled out: older browsers do not count ws: as 'self'). Inline styles are
    allowed, scripts are not: CodeMirror writes its theme as <style> elements and y-codemirror
    colours each remote selection with a style attribute; without them the editor loses its
    `white-space: pre-wrap` and typed spaces turn into no-break spaces (tests/test_browser_motion.py)."""
    host = conn.url.netloc
    return (
        f"default-src 'self'; script-src 'self'; worker-src 'self'; style-src 'self' 'unsafe-inline'; "
        f"connect-src 'self' ws://{host} wss://{host}; img-src 'self' data:; "
        "frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
    )


def editor_headers(conn: HTTPConnection) -> dict[str, str]:
    return {**SECURITY_HEADERS, "Content-Security-Policy": editor_csp(conn)}
