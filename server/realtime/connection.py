"""One WebSocket on one room: how frames reach it, its bounded queue, and its rate limit.

A frame goes straight to the socket's transport when the transport takes it
at once (server/realtime/transport.py): no task switch, no queue. Otherwise
(the kernel's buffer is full, or the server is not one whose transport we
know) it waits in this connection's queue, which a writer task drains through
Starlette's `send_bytes`, waiting for the socket to drain. Frames never
overtake one another. A receiver whose queue grows past
`max_send_queue_bytes` is closed with 1013 and resynchronises when it
reconnects: memory per socket stays bounded by that queue plus the
transport's high-water mark.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import time
from collections import deque

from starlette.websockets import WebSocket, WebSocketState

from server.errors import CloseCode, ConnectionRefused, RateLimited, SlowConsumer
from server.realtime.stats import RealtimeStats
from server.realtime.transport import DirectWriter, binary_frame, direct_writer
from server.settings import Limits

log = logging.getLogger(__name__)
_ids = itertools.count(1)


class TokenBucket:
    """Allows `rate` events a second on average and bursts of `burst`."""

    __slots__ = ("burst", "rate", "tokens", "updated")

    def __init__(self, rate: float, burst: int) -> None:
        self.rate = rate
        self.burst = float(burst)
        self.tokens = float(burst)
        self.updated = time.monotonic()

    def take(self, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        self.tokens = min(self.burst, self.tokens + (now - self.updated) * self.rate)
        self.updated = now
        if self.tokens < 1.0:
            return False
        self.tokens -= 1.0
        return True


class Connection:
    """Sending never awaits, so fanning out to hundreds never waits on one socket."""

    def __init__(
        self,
        websocket: WebSocket,
        room_name: str,
        author: str,
        limits: Limits,
        stats: RealtimeStats | None = None,
    ) -> None:
        self.id = f"c{next(_ids)}"
        self.websocket = websocket
        self.room_name = room_name
        self.author = author
        self.limits = limits
        self.stats = stats or RealtimeStats()
        self.read_only = False
        self.read_only_reason = ""  # told to the client when read_only (server/auth/sockets.py)
        self.presence_identity: dict[str, str] | None = None  # set by the door (server/auth/sockets.py)
        self.client = f"{websocket.client.host}:{websocket.client.port}" if websocket.client else "?"
        self._direct: DirectWriter | None = None
        self._outbox: deque[bytes] = deque()
        self._queued_bytes = 0
        self._sending = False  # the writer task holds a frame it took from the queue
        self._wake = asyncio.Event()
        self._bucket = TokenBucket(limits.messages_per_second, limits.message_burst)
        self._writer: asyncio.Task[None] | None = None
        self.close_code: int | None = None
        self.close_reason = ""
        self.last_sent = time.monotonic()

    def __repr__(self) -> str:
        return f"<Connection {self.id} room={self.room_name} from {self.client}>"

    @property
    def closing(self) -> bool:
        return self.close_code is not None

    @property
    def direct(self) -> bool:
        """Whether frames can go straight to this socket's transport (else always queued)."""
        return self._direct is not None

    @property
    def queued_bytes(self) -> int:
        """What waits for this receiver: its queue and the transport's unsent bytes."""
        return self._queued_bytes + (self._direct.buffered if self._direct is not None else 0)

    def start(self, direct: bool = True) -> None:
        """Call once the WebSocket is accepted."""
        self._direct = direct_writer(self.websocket) if direct else None
        self._writer = asyncio.create_task(self._write_loop(), name=f"writer-{self.id}")

    def send(self, payload: bytes, frame: bytes | None = None) -> None:
        """Send one message; `frame` is its encoded WebSocket frame, if the caller made it already."""
        if self.close_code is not None:
            return
        self.last_sent = time.monotonic()
        stats = self.stats
        stats.frames_sent += 1
        direct = self._direct
        if direct is not None and not self._outbox and not self._sending and direct.writable:
            direct.write(frame if frame is not None else binary_frame(payload))
            stats.frames_direct += 1
            return
        self._outbox.append(payload)
        self._queued_bytes += len(payload)
        if self._queued_bytes > self.limits.max_send_queue_bytes:
            stats.slow_consumer_closes += 1
            self.refuse(SlowConsumer("too slow to receive the room's updates; reconnect to resync"))
            return
        self._wake.set()

    def check_rate(self) -> None:
        if not self._bucket.take():
            self.stats.rate_limit_closes += 1
            raise RateLimited("too many messages per second")

    def refuse(self, error: ConnectionRefused) -> None:
        """Close this connection, after what is already queued, with the error's code."""
        self.close(error.code, error.reason)

    def close(self, code: int = CloseCode.NORMAL, reason: str = "") -> None:
        if self.close_code is not None:
            return
        self.close_code, self.close_reason = code, reason
        if code not in (CloseCode.NORMAL, CloseCode.GOING_AWAY, CloseCode.SERVICE_RESTART):
            log.warning("closing %r: %d %s", self, code, reason)
        if code == CloseCode.TRY_AGAIN_LATER:
            self._outbox.clear()  # nothing more is worth sending to a receiver this far behind
            self._queued_bytes = 0
        self._wake.set()

    async def drain_and_close(self) -> None:
        """Wait for the writer to send what is queued and the close frame, if any."""
        if self.close_code is None:
            self.close()
        if self._writer is not None:
            try:
                await asyncio.wait_for(asyncio.shield(self._writer), timeout=5)
            except (TimeoutError, asyncio.CancelledError):
                self._writer.cancel()

    async def _write_loop(self) -> None:
        websocket = self.websocket
        try:
            while True:
                await self._wake.wait()
                self._wake.clear()
                while self._outbox:
                    frame = self._outbox.popleft()
                    self._queued_bytes -= len(frame)
                    self._sending = True
                    await websocket.send_bytes(frame)  # waits while the transport is paused
                    self._sending = False
                if self.close_code is not None:
                    break
        except Exception as exc:  # the peer went away mid-send: nothing to tell anyone
            log.debug("send to %r failed: %s", self, exc)
            self._outbox.clear()
            self._queued_bytes = 0
            if self.close_code is None:
                self.close_code = CloseCode.GOING_AWAY
            return
        finally:
            self._sending = False
        if websocket.application_state == WebSocketState.CONNECTED:
            try:
                await websocket.close(self.close_code or CloseCode.NORMAL, self.close_reason)
            except Exception as exc:
                log.debug("close of %r failed: %s", self, exc)
