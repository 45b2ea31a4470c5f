"""Which origins may open a WebSocket or post to a route with a session cookie.

Browsers always send `Origin` on a WebSocket handshake and on a cross-site
POST, and a page cannot forge it; that is what stops another site from using
a participant's cookie. A handshake without `Origin` comes from a program
(Python `websockets`, Node `ws`, curl), which has no cookie of a victim to
abuse: it is let through to the identity check like any other, so it still
needs its own token. `Origin: null` (sandboxed frames, files) is refused
unless listed.
"""

from __future__ import annotations

from collections.abc import Iterable


def _normalise(origin: str) -> str:
    return origin.strip().rstrip("/").lower()


class OriginPolicy:
    def __init__(self, allowed: Iterable[str]) -> None:
        self.allowed = frozenset(_normalise(o) for o in allowed if o.strip())

    def own_origin(self, scheme: str, host: str | None) -> str | None:
        """The origin the request was addressed to: pages this server serves open sockets from it."""
        if not host:
            return None
        secure = scheme in ("https", "wss")
        return f"{'https' if secure else 'http'}://{host}".lower()

    def allows(self, origin: str | None, scheme: str, host: str | None) -> bool:
        if origin is None:
            return True  # not a browser: see the module's docstring
        origin = _normalise(origin)
        return origin in self.allowed or origin == self.own_origin(scheme, host)
