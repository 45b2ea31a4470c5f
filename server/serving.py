"""How `ubiquite serve` runs uvicorn: limits against slow and piled-up connections (docs/deployment.md).

uvicorn closes an idle keep-alive connection, but it starts no timer while a
request's headers arrive: 40 connections sending one header line every 10 s
stayed open for good (issue 12, item 4). `HeaderDeadline` arms a deadline
when a connection opens and after each response, and clears it once a
request's headers are complete (or the connection became a WebSocket); a
connection still sending headers at the deadline is closed. Sending more
bytes does not push the deadline back.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from uvicorn.protocols.http.h11_impl import H11Protocol

from server.settings import ServerLimits, Settings

try:  # uvicorn[standard] brings httptools, the parser uvicorn prefers when it is there
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol as _Base
except ImportError:  # pragma: no cover - a bare uvicorn
    _Base = H11Protocol  # type: ignore[assignment,misc]

log = logging.getLogger(__name__)

# uvicorn builds the protocol itself (`http=` takes a class), so the deadline cannot come by
# constructor: `serve` sets it before uvicorn starts; a worker process (spawned, so a fresh
# import) reads it from the same environment the first time a connection opens.
_limits: ServerLimits | None = None


def configure(limits: ServerLimits) -> None:
    global _limits
    _limits = limits


def _header_seconds() -> float:
    global _limits
    if _limits is None:
        _limits = Settings.from_env().serving
    return _limits.header_seconds


class HeaderDeadline(_Base):  # type: ignore[misc,valid-type]
    """uvicorn's HTTP protocol, closing a connection whose request headers do not arrive in time."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.header_seconds = _header_seconds()
        self._deadline: asyncio.TimerHandle | None = None
        self._armed_for: object = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self._deadline is None:
            return
        upgraded = self.transport.get_protocol() is not self
        if upgraded or self.transport.is_closing() or self.cycle is not self._armed_for:
            self._disarm()  # headers complete: the request (or the WebSocket) runs its course

    def on_response_complete(self) -> None:
        super().on_response_complete()
        # The next request on this connection gets its own deadline, unless a pipelined one,
        # its headers already in, has just started.
        if not self.transport.is_closing() and not self._in_flight():
            self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _arm(self) -> None:
        self._disarm()
        self._armed_for = self.cycle
        self._deadline = self.loop.call_later(self.header_seconds, self._too_slow)

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _in_flight(self) -> bool:
        return self.cycle is not None and not self.cycle.response_complete

    def _too_slow(self) -> None:
        self._deadline = None
        if self.cycle is not self._armed_for or self._in_flight() or self.transport.is_closing():
            return
        client = f"{self.client[0]}:{self.client[1]}" if self.client else "?"
        log.info("closed %s: its request headers did not arrive within %g s", client, self.header_seconds)
        self.transport.close()


def uvicorn_options(limits: ServerLimits) -> dict[str, Any]:
    """The uvicorn.run keyword arguments that bound connections."""
    configure(limits)
    return {
        "http": HeaderDeadline,
        "timeout_keep_alive": limits.keep_alive_seconds,
        "limit_concurrency": limits.max_concurrency,
        "h11_max_incomplete_event_size": limits.max_header_bytes,
    }
