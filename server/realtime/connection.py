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

Closing never waits on the peer: a close frame goes out after what is
queued, and if the connection is not over `close_grace` seconds later (a
peer that stopped reading lets neither the writer nor the close through, and
its read loop never returns) the transport is aborted, so its place in the
room and its person's slot are freed (issue 12, item 15).
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
from server.realtime.transport import DirectWriter, abort, binary_frame, direct_writer
from server.settings import Limits

log = logging.getLogger(__name__)
_ids = itertools.count(1)

# How long a closing connection may take to finish before its transport is aborted.
CLOSE_GRACE = 3.0


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
        close_grace: float = CLOSE_GRACE,
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
        self.close_grace = close_grace
        self.finished = False  # drain_and_close has returned: nothing of this socket is left here
        self._serving: asyncio.Task[object] | None = None
        self._abort_timer: asyncio.TimerHandle | None = None
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

    def start(self, direct: bool = True, serving: asyncio.Task[object] | None = None) -> None:
        """Call once the WebSocket is accepted; `serving` is the task reading it (cancelled if
        the connection is stuck closing and its transport cannot be aborted)."""
        self._direct = direct_writer(self.websocket) if direct else None
        self._serving = serving
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
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # closed outside the event loop (a test's fake socket): nothing to time
            return
        self._abort_timer = loop.call_later(self.close_grace, self._abort_if_stuck)

    def _abort_if_stuck(self) -> None:
        self._abort_timer = None
        if self.finished:
            return
        self.stats.aborted_closes += 1
        log.warning(
            "%r still open %.0f s after its close (%d): connection aborted",
            self,
            self.close_grace,
            self.close_code or 0,
        )
        if not abort(self.websocket):  # a server whose transport we do not know: stop waiting on it
            if self._writer is not None:
                self._writer.cancel()
            if self._serving is not None and not self._serving.done():
                self._serving.cancel()

    async def drain_and_close(self) -> None:
        """Wait for the writer to send what is queued and the close frame, if any."""
        if self.close_code is None:
            self.close()
        if self._writer is not None:
            try:
                await asyncio.wait_for(asyncio.shield(self._writer), timeout=5)
            except (TimeoutError, asyncio.CancelledError):
                self._writer.cancel()
        self.finished = True
        if self._abort_timer is not None:
            self._abort_timer.cancel()
            self._abort_timer = None

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
