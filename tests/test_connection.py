"""One connection: direct writes to uvicorn's transport, its fallback, rate limit, bounded queue, 1013."""

from __future__ import annotations

import asyncio
import base64
import os
import socket
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
import uvicorn
import websockets
from starlette.applications import Starlette
from starlette.routing import WebSocketRoute
from starlette.websockets import WebSocket, WebSocketState

from server.errors import CloseCode, RateLimited
from server.realtime.connection import Connection
from server.realtime.stats import RealtimeStats
from server.realtime.transport import binary_frame, direct_writer
from server.settings import Limits
from tests.support.server import free_port

pytestmark = pytest.mark.anyio
Handler = Callable[[WebSocket], Awaitable[None]]


class Served:
    """A tiny Starlette app under an in-process uvicorn, running `handler` for each WebSocket."""

    def __init__(self, handler: Handler, **config: Any) -> None:
        self.port = free_port()

        async def endpoint(websocket: WebSocket) -> None:
            await websocket.accept()
            await handler(websocket)

        app = Starlette(routes=[WebSocketRoute("/ws", endpoint)])
        options = {"ws": "websockets-sansio", "ws_per_message_deflate": False, **config}
        self.server = uvicorn.Server(
            uvicorn.Config(
                app, host="127.0.0.1", port=self.port, log_level="warning", lifespan="off", **options
            )
        )

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/ws"

    async def __aenter__(self) -> Served:
        self._task = asyncio.create_task(self.server.serve(sockets=[self._socket()]))
        while not self.server.started:
            if self._task.done():
                self._task.result()
                raise RuntimeError("uvicorn did not start")
            await asyncio.sleep(0.01)
        return self

    def _socket(self) -> socket.socket:
        sock = socket.socket()
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", self.port))
        return sock

    async def __aexit__(self, *exc: object) -> None:
        self.server.should_exit = True
        await asyncio.wait_for(self._task, 10)


@pytest.fixture
def stats() -> RealtimeStats:
    return RealtimeStats()


@pytest.mark.parametrize("ws", ["websockets-sansio", "wsproto"])
async def test_frames_written_to_the_transport_arrive_whole_and_in_order(ws: str) -> None:
    found: list[bool] = []

    async def handler(websocket: WebSocket) -> None:
        writer = direct_writer(websocket)
        found.append(writer is not None)
        if writer is not None:
            for size in (3, 200, 70_000):  # the three length encodings of RFC 6455
                writer.write(binary_frame(bytes([size % 251]) * size))
        await websocket.send_bytes(b"through starlette")
        await websocket.close()

    async with Served(handler, ws=ws) as served, websockets.connect(served.url, max_size=None) as client:
        received = [await client.recv() for _ in range(4)]
    assert found == [True]
    assert [len(m) for m in received] == [3, 200, 70_000, len("through starlette")]
    assert received[2] == bytes([70_000 % 251]) * 70_000


async def test_no_direct_writes_when_deflate_may_be_on() -> None:
    found: list[object] = []

    async def handler(websocket: WebSocket) -> None:
        found.append(direct_writer(websocket))
        await websocket.close()

    async with (
        Served(handler, ws_per_message_deflate=True) as served,
        websockets.connect(served.url) as client,
    ):
        await client.wait_closed()
    assert found == [None]


class StuckSocket:
    """A Starlette WebSocket stand-in whose peer never reads: every send waits forever."""

    client = None
    application_state = WebSocketState.CONNECTED

    def __init__(self) -> None:
        self.sent: list[bytes] = []
        self.closed_with: int | None = None
        self._never = asyncio.Event()

    async def send_bytes(self, data: bytes) -> None:
        self.sent.append(data)
        await self._never.wait()

    async def close(self, code: int = 1000, reason: str = "") -> None:
        self.closed_with = code


async def test_an_unknown_server_falls_back_to_the_queue_and_a_slow_receiver_gets_1013(
    stats: RealtimeStats,
) -> None:
    socket_ = StuckSocket()
    limits = Limits(max_send_queue_bytes=10_000)
    connection = Connection(socket_, "room", "author", limits, stats)  # type: ignore[arg-type]
    connection.start()
    assert not connection.direct
    for _ in range(30):
        connection.send(b"x" * 1000)
        assert connection.queued_bytes <= limits.max_send_queue_bytes
        await asyncio.sleep(0)
    assert connection.close_code == CloseCode.TRY_AGAIN_LATER
    assert stats.slow_consumer_closes == 1
    assert connection.queued_bytes == 0  # nothing more is kept for it
    connection.send(b"late")  # ignored once closing
    assert stats.frames_sent == 12  # one in the writer task's hands, ten queued, the twelfth over
    await connection.drain_and_close()


def test_rate_limit_refuses_past_the_burst_with_1008(stats: RealtimeStats) -> None:
    limits = Limits(messages_per_second=0.001, message_burst=3)
    connection = Connection(StuckSocket(), "room", "author", limits, stats)  # type: ignore[arg-type]
    for _ in range(3):
        connection.check_rate()
    with pytest.raises(RateLimited) as refused:
        connection.check_rate()
    assert refused.value.code == CloseCode.POLICY_VIOLATION == 1008
    assert stats.rate_limit_closes == 1


async def _silent_client(port: int) -> socket.socket:
    """A WebSocket client that completes the handshake, then never reads again."""
    sock = socket.create_connection(("127.0.0.1", port))
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    key = base64.b64encode(os.urandom(16)).decode()
    sock.sendall(
        f"GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n".encode()
    )
    sock.setblocking(False)
    loop = asyncio.get_running_loop()
    head = b""
    while b"\r\n\r\n" not in head:
        head += await loop.sock_recv(sock, 4096)
    assert b" 101 " in head
    return sock


async def test_a_receiver_that_stops_reading_is_queued_then_closed_with_1013(stats: RealtimeStats) -> None:
    limits = Limits(max_send_queue_bytes=200_000)
    outcome: dict[str, Any] = {}

    async def handler(websocket: WebSocket) -> None:
        connection = Connection(websocket, "room", "author", limits, stats)
        connection.start()
        outcome["direct"] = connection.direct
        highest = 0
        for _ in range(2_000):  # up to 128 MB: far more than the kernel buffers hold
            connection.send(b"u" * 65_536)
            highest = max(highest, connection.queued_bytes)
            if connection.closing:
                break
            await asyncio.sleep(0)
        outcome["code"], outcome["highest"] = connection.close_code, highest
        await connection.drain_and_close()

    async with Served(handler) as served:
        sock = await _silent_client(served.port)
        try:
            for _ in range(500):
                if "code" in outcome:
                    break
                await asyncio.sleep(0.02)
        finally:
            sock.close()
    assert outcome["direct"] is True
    assert outcome["code"] == CloseCode.TRY_AGAIN_LATER
    assert stats.frames_direct > 0 and stats.frames_sent > stats.frames_direct  # then queued
    # Bounded: the queue's limit, plus what the transport held when it paused, plus one frame.
    assert outcome["highest"] <= limits.max_send_queue_bytes + 2 * 65_536 + 64 * 1024
