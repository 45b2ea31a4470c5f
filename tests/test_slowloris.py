"""`ubiquite serve` closes connections whose headers trickle in (issue 12, item 4)."""

from __future__ import annotations

import asyncio
import socket
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from server.serving import HeaderDeadline, uvicorn_options
from server.settings import ServerLimits, Settings
from tests.support.server import ServerProcess
from tests.support.yclient import YClient

HEADER_TIMEOUT = 1.5
DRIP = 0.5  # one header line this often: each one alone is quick, the request never ends


@pytest.fixture
def guarded(tmp_path: Path) -> Iterator[ServerProcess]:
    process = ServerProcess(tmp_path / "data", env={"UBIQUITE_HEADER_TIMEOUT": str(HEADER_TIMEOUT)}).start()
    yield process
    process.stop()


def _drip_headers(port: int, lines: int) -> int:
    """Send a request one header line at a time; return how many lines went out before the server closed."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        for sent in range(lines):
            time.sleep(DRIP)
            try:
                sock.sendall(f"X-Slow-{sent}: 1\r\n".encode())
                sock.settimeout(0.01)
                if sock.recv(1) == b"":
                    return sent
            except TimeoutError:
                continue
            except OSError:
                return sent
            finally:
                sock.settimeout(10)
    return lines


def test_a_connection_dripping_headers_is_closed(guarded: ServerProcess) -> None:
    lines = 40  # 20 s of dripping: far past the 1.5 s deadline
    sent = _drip_headers(guarded.port, lines)
    assert sent < lines, "the server kept a connection that never finished its headers"
    assert "request headers did not arrive within 1.5 s" in guarded.log()
    with urllib.request.urlopen(guarded.http + "/healthz", timeout=5) as response:
        assert response.status == 200  # a prompt request is served as before


def test_a_keep_alive_connection_serves_request_after_request(guarded: ServerProcess) -> None:
    request = b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
    with socket.create_connection(("127.0.0.1", guarded.port), timeout=10) as sock:
        sock.sendall(request * 2)  # pipelined: the second request's headers are in with the first
        replies = _answers(sock, b"", 2)
        time.sleep(HEADER_TIMEOUT / 3)
        sock.sendall(request)  # prompt, on the same connection: a fresh deadline, served
        _answers(sock, replies, 3)


def _answers(sock: socket.socket, replies: bytes, count: int) -> bytes:
    """Read until `count` whole /healthz answers (a JSON object each) have arrived."""
    while replies.count(b"HTTP/1.1 200") < count or not replies.endswith(b"}"):
        chunk = sock.recv(65536)
        assert chunk, f"closed after {replies.count(b'HTTP/1.1 200')} answer(s)"
        replies += chunk
    return replies


@pytest.mark.anyio
async def test_a_websocket_outlives_the_header_deadline(guarded: ServerProcess) -> None:
    congress = guarded.congress()
    client = await YClient(congress.url()).connect()
    await asyncio.sleep(HEADER_TIMEOUT * 2)
    assert client.close_code is None
    await client.close()


def test_serve_passes_the_limits_to_uvicorn() -> None:
    limits = Settings.from_env(
        {
            "UBIQUITE_KEEP_ALIVE_TIMEOUT": "3",
            "UBIQUITE_MAX_CONCURRENCY": "100",
            "UBIQUITE_HEADER_TIMEOUT": "4",
        }
    ).serving
    assert limits == ServerLimits(header_seconds=4.0, keep_alive_seconds=3, max_concurrency=100)
    options = uvicorn_options(limits)
    assert options["http"] is HeaderDeadline
    assert (options["timeout_keep_alive"], options["limit_concurrency"]) == (3, 100)
