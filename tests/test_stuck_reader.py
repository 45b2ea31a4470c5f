"""Issue 12 item 15: a client that never reads is really closed, and its place freed.

A raw TCP client does the WebSocket handshake with a small receive buffer and
then never reads a byte, while someone else writes to the room. The server
must close it (1013: too slow) and, since the socket itself never drains,
stop waiting for it: drop it from the room and free its per-person slot. The
slot is checked with the same person's next connection, the limit being one.
"""

from __future__ import annotations

import asyncio
import base64
import os
import socket
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.support.server import ServerProcess
from tests.support.yclient import NotSynced, YClient

pytestmark = pytest.mark.anyio

CHUNK = "x" * 2_000_000  # a paste of 2 MB: the room's queue for the stuck socket fills in a few


@pytest.fixture
def one_socket_each(tmp_path: Path) -> Iterator[ServerProcess]:
    server = ServerProcess(tmp_path / "data", env={"UBIQUITE_MAX_CONNECTIONS_PER_PERSON": "1"}).start()
    yield server
    server.stop()


def _stuck_socket(server: ServerProcess, path: str) -> socket.socket:
    """A WebSocket that completes the handshake and then never reads again."""
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)  # before connect: a small window
    sock.connect(("127.0.0.1", server.port))
    key = base64.b64encode(os.urandom(16)).decode()
    sock.sendall(
        (
            f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\nUpgrade: websocket\r\n"
            f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n"
        ).encode()
    )
    answer = b""
    while b"\r\n\r\n" not in answer:
        chunk = sock.recv(1024)
        assert chunk, f"closed during the handshake: {answer!r}"
        answer += chunk
    assert answer.startswith(b"HTTP/1.1 101"), answer
    return sock


async def _connects(url: str) -> bool:
    client = YClient(url)
    try:
        await client.connect(timeout=10)
    except NotSynced:
        return False
    finally:
        await client.close()
    return True


async def test_a_socket_that_never_reads_is_dropped_and_frees_its_slot(
    one_socket_each: ServerProcess,
) -> None:
    server = one_socket_each
    congress = server.congress()
    room = congress.room("motion")
    token = congress.invite()
    stuck = _stuck_socket(server, f"/ws/{room}?token={quote(token)}")
    try:
        assert not await _connects(f"{server.ws(room)}?token={quote(token)}"), "the limit of one is not held"
        async with YClient(congress.url()) as writer:
            freed = False
            deadline = time.monotonic() + 25
            while not freed and time.monotonic() < deadline:
                for _ in range(2):  # pasted, then deleted: the room writes 2 MB each time
                    writer.text.insert(0, CHUNK)
                    writer.text.clear()
                await asyncio.sleep(0.3)
                freed = await _connects(f"{server.ws(room)}?token={quote(token)}")
        assert freed, "the socket that never reads still holds its person's slot"
        assert "too slow to receive" in server.log()
    finally:
        stuck.close()
