"""Writing an encoded frame straight to a socket's transport, when uvicorn's protocol allows it.

The one module that knows uvicorn's internals. Starlette's `send_bytes` is an
awaitable per frame and, through a writer task, a task switch per socket:
about 10.5 µs of CPU per frame, against 5.5 µs when the same encoded bytes
are written to each transport (docs/field-notes.md, "How many frames one
Python core can send"). A fan-out encodes one WebSocket frame per batch and
hands those bytes to `DirectWriter.write` for every socket whose transport
takes them at once; anything else (a paused transport, a closing socket, a
server other than uvicorn's `websockets-sansio` or `wsproto` protocols,
permessage-deflate on) makes `direct_writer` answer None or `writable`
False, and the connection falls back to Starlette's `send_bytes` in its
writer task, which waits for the transport to drain.

Raw frames are safe beside the protocol's own writes (pings, pongs, close):
every write is a whole frame, and a server frame carries no state the
protocol tracks (no masking, no compression when deflate is off).
"""

from __future__ import annotations

import logging
import struct
from typing import Any

from starlette.websockets import WebSocket

log = logging.getLogger(__name__)

# uvicorn's protocol classes whose state this module reads (same attribute names in both).
KNOWN_PROTOCOLS = ("WebSocketsSansIOProtocol", "WSProtocol")
_MAX_UNWRAP = 8


def binary_frame(payload: bytes) -> bytes:
    """One final, unmasked binary frame (RFC 6455 §5.2): what a server sends."""
    n = len(payload)
    if n < 126:
        return struct.pack("!BB", 0x82, n) + payload
    if n < 65536:
        return struct.pack("!BBH", 0x82, 126, n) + payload
    return struct.pack("!BBQ", 0x82, 127, n) + payload


class DirectWriter:
    """Writes frames to one uvicorn WebSocket protocol's transport, or says it cannot at once."""

    __slots__ = ("_protocol", "_transport")

    def __init__(self, protocol: Any) -> None:
        self._protocol = protocol
        self._transport = protocol.transport

    @property
    def writable(self) -> bool:
        """True while a frame written now goes out in order and without waiting."""
        p = self._protocol
        return (
            p.handshake_complete
            and not p.close_sent
            and not p.disconnected
            and p.writable.is_set()  # cleared by the transport above its high-water mark
            and not self._transport.is_closing()
        )

    def write(self, frame: bytes) -> None:
        self._transport.write(frame)

    @property
    def buffered(self) -> int:
        """Bytes accepted by the transport and not yet sent by the kernel."""
        return int(self._transport.get_write_buffer_size())


def direct_writer(websocket: WebSocket) -> DirectWriter | None:
    """A DirectWriter for this accepted WebSocket, or None if its server is not one we know."""
    protocol = _protocol_of(getattr(websocket, "_send", None))
    if protocol is None:
        return None
    try:
        if protocol.config.ws_per_message_deflate:
            return None  # the client may expect compressed frames; leave them to the protocol
        if getattr(protocol, "initial_response", None) or getattr(protocol, "response_started", False):
            return None
        writer = DirectWriter(protocol)
        _ = writer.writable, writer.buffered  # every attribute read at least once, here
    except AttributeError as exc:  # another uvicorn version: fall back, say so once per socket
        log.debug("direct writes unavailable for %s: %s", type(protocol).__name__, exc)
        return None
    return writer


def abort(websocket: WebSocket) -> bool:
    """Drop the TCP connection now, unsent bytes and all; False if its transport is not one we know.

    A close waits for the socket to drain, and a peer that never reads never
    lets it: uvicorn's protocol then sees the connection lost, so a pending
    `receive` answers a disconnect and a blocked `send` raises.
    """
    protocol = _protocol_of(getattr(websocket, "_send", None))
    transport = getattr(protocol, "transport", None)
    if transport is None:
        return False
    transport.abort()
    return True


def _protocol_of(send: Any) -> Any:
    """uvicorn's protocol behind the `send` Starlette holds, through Starlette's wrappers.

    uvicorn hands the application its protocol's bound `send`; Starlette's
    exception middleware and routing wrap it in closures whose free variable
    is named `send` (starlette/_exception_handler.py).
    """
    for _ in range(_MAX_UNWRAP):
        if send is None:
            return None
        owner = getattr(send, "__self__", None)
        if owner is not None and type(owner).__name__ in KNOWN_PROTOCOLS:
            return owner
        code, cells = getattr(send, "__code__", None), getattr(send, "__closure__", None)
        if code is None or not cells or "send" not in code.co_freevars:
            return None
        send = cells[code.co_freevars.index("send")].cell_contents
    return None
