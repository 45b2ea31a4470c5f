"""One WebSocket on one room: its outgoing queue, its writer task and its rate limit."""

from __future__ import annotations

import asyncio
import itertools
import logging
import time
from collections import deque

from starlette.websockets import WebSocket, WebSocketState

from server.errors import CloseCode, ConnectionRefused, RateLimited, SlowConsumer
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
    """Frames are queued without awaiting, so fanning out to hundreds never waits on one socket.

    A single long-lived writer task per connection drains the queue; a receiver
    that falls further behind than `max_send_queue_bytes` is closed with 1013
    and resynchronises when it reconnects.
    """

    def __init__(self, websocket: WebSocket, room_name: str, author: str, limits: Limits) -> None:
        self.id = f"c{next(_ids)}"
        self.websocket = websocket
        self.room_name = room_name
        self.author = author
        self.limits = limits
        self.read_only = False
        self.presence_identity: dict[str, str] | None = None  # set by the door (server/auth/sockets.py)
        self.client = f"{websocket.client.host}:{websocket.client.port}" if websocket.client else "?"
        self._outbox: deque[bytes] = deque()
        self._queued_bytes = 0
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

    def start(self) -> None:
        self._writer = asyncio.create_task(self._write_loop(), name=f"writer-{self.id}")

    def send(self, frame: bytes) -> None:
        if self.close_code is not None:
            return
        self._outbox.append(frame)
        self._queued_bytes += len(frame)
        self.last_sent = time.monotonic()
        if self._queued_bytes > self.limits.max_send_queue_bytes:
            self.refuse(SlowConsumer("too slow to receive the room's updates; reconnect to resync"))
            return
        self._wake.set()

    def check_rate(self) -> None:
        if not self._bucket.take():
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
                    await websocket.send_bytes(frame)
                if self.close_code is not None:
                    break
        except Exception as exc:  # the peer went away mid-send: nothing to tell anyone
            log.debug("send to %r failed: %s", self, exc)
            self._outbox.clear()
            if self.close_code is None:
                self.close_code = CloseCode.GOING_AWAY
            return
        if websocket.application_state == WebSocketState.CONNECTED:
            try:
                await websocket.close(self.close_code or CloseCode.NORMAL, self.close_reason)
            except Exception as exc:
                log.debug("close of %r failed: %s", self, exc)
