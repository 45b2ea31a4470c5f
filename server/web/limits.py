"""Request bodies are bounded while they stream in, before any route parses them.

uvicorn sets no body limit, and a route that calls `request.body()` holds the
whole body before it can look at the token: one 300 MB request with a forged
token grew the server by about 900 MB (issue 12). This ASGI middleware sits in
front of every route: it refuses a declared `Content-Length` above the route's
limit at once, and counts the `http.request` chunks as the route pulls them,
stopping at the first byte past the limit. The rest of the body is never read.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from server.auth.redact import redact
from server.settings import BodyLimits

log = logging.getLogger(__name__)

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

# The routes that take files (server/routes/organiser.py, contributions.py, archive.py).
_ARCHIVE = re.compile(r"^/api/archives/?$")
_UPLOAD = re.compile(r"^/api/congresses/[^/]+/(participants|contributions)/import/?$")


def limit_for(path: str, limits: BodyLimits) -> tuple[str, int]:
    """The kind of body a path takes and the most bytes it may have."""
    if _ARCHIVE.match(path):
        return "archive", limits.archive_bytes
    if _UPLOAD.match(path):
        return "upload", limits.upload_bytes
    if path.startswith("/api/"):
        return "json", limits.json_bytes
    return "form", limits.form_bytes


class BodyTooLarge(Exception):
    """Raised inside the app's `receive` when the body passes its limit; caught by BodyLimit."""


class BodyLimit:
    """Pure ASGI (not BaseHTTPMiddleware, which would buffer): wraps `receive`, never the body."""

    def __init__(self, app: ASGIApp, limits: BodyLimits) -> None:
        self.app = app
        self.limits = limits

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        kind, limit = limit_for(scope["path"], self.limits)
        declared = _content_length(scope)
        if declared is not None and declared > limit:
            _log_refusal(scope, kind, limit, f"declared {declared} bytes")
            await _too_large(scope, send, limit)
            return
        received = 0
        started = False

        async def bounded_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge()
            return message

        async def watched_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, bounded_receive, watched_send)
        except BodyTooLarge:
            _log_refusal(scope, kind, limit, f"more than {limit} bytes streamed")
            if not started:
                await _too_large(scope, send, limit)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None  # the HTTP parser refuses it before we get here
    return None


def _log_refusal(scope: Scope, kind: str, limit: int, what: str) -> None:
    client = scope.get("client")
    address = client[0] if client else "?"
    log.warning(
        "request body too large, refused with 413: %s %s from %s, %s (%s limit %d bytes)",
        scope.get("method"),
        redact(scope.get("path", "")),  # /i/TOKEN is not written out
        address,
        what,
        kind,
        limit,
    )


async def _too_large(scope: Scope, send: Send, limit: int) -> None:
    megabytes = limit / (1024 * 1024)
    size = f"{megabytes:g} MB" if megabytes >= 1 else f"{limit // 1024} KB"
    if scope["path"].startswith("/api/"):
        body = json.dumps({"error": f"request body too large ({size} at most)"}).encode()
        kind = b"application/json"
    else:
        body = (
            f"Requête trop volumineuse ({size} au plus).\nRequest body too large ({size} at most).\n"
        ).encode()
        kind = b"text/plain; charset=utf-8"
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", kind),
                (b"content-length", str(len(body)).encode()),
                # The rest of the body is not read: the connection cannot carry another request.
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
