"""Request bodies are bounded while they stream in, before any parsing (issue 12, item 1)."""

from __future__ import annotations

import json
import select
import socket
from pathlib import Path
from typing import Any

import pytest

from server.app import create_app
from server.settings import BodyLimits, Settings
from server.web.limits import limit_for
from tests.support.server import ServerProcess

CHUNK = 64 * 1024
FIFTY_MB = 50 * 1024 * 1024


class StreamedBody:
    """An ASGI `receive` that hands out a body chunk by chunk and counts what the app pulled."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.pulled = 0

    async def __call__(self) -> dict[str, Any]:
        if self.pulled >= self.total:
            return {"type": "http.disconnect"}
        size = min(CHUNK, self.total - self.pulled)
        self.pulled += size
        return {"type": "http.request", "body": b"p" * size, "more_body": self.pulled < self.total}


async def _post(
    app: Any, path: str, body: StreamedBody, headers: list[tuple[bytes, bytes]]
) -> dict[str, Any]:
    sent: list[dict[str, Any]] = []

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"testserver"), *headers],
        "client": ("203.0.113.7", 40000),
        "server": ("testserver", 80),
        "app": app,
    }
    await app(scope, body, send)
    start = next(m for m in sent if m["type"] == "http.response.start")
    content = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return {"status": start["status"], "headers": dict(start["headers"]), "body": content}


@pytest.fixture
def app(tmp_path: Path) -> Any:
    return create_app(Settings(database_url="memory:", secret_key="k" * 32, data_dir=tmp_path))


@pytest.mark.anyio
async def test_a_forged_token_cannot_make_the_app_read_fifty_megabytes(app: Any) -> None:
    body = StreamedBody(FIFTY_MB)  # chunked: no Content-Length to refuse it by
    headers = [(b"content-type", b"application/x-www-form-urlencoded")]
    response = await _post(app, "/i/forged-token", body, headers)
    limit = BodyLimits().form_bytes
    assert response["status"] == 413
    assert body.pulled <= limit + CHUNK, f"the app read {body.pulled} bytes of a {limit}-byte limit"
    assert "trop volumineuse" in response["body"].decode()


@pytest.mark.anyio
async def test_a_declared_length_over_the_limit_is_refused_before_reading(app: Any) -> None:
    body = StreamedBody(FIFTY_MB)
    headers = [(b"content-type", b"application/json"), (b"content-length", str(FIFTY_MB).encode())]
    response = await _post(app, "/api/congresses/x/participants", body, headers)
    assert response["status"] == 413
    assert body.pulled == 0
    assert "too large" in json.loads(response["body"])["error"]


@pytest.mark.anyio
async def test_a_body_under_the_limit_reaches_the_route(app: Any) -> None:
    body = StreamedBody(BodyLimits().form_bytes // 2)
    response = await _post(
        app, "/i/forged-token", body, [(b"content-type", b"application/x-www-form-urlencoded")]
    )
    assert response["status"] == 400  # the route read it all, and found no participant in it
    assert body.pulled == body.total


def test_each_route_kind_has_its_limit() -> None:
    limits = BodyLimits(form_bytes=1, json_bytes=2, upload_bytes=3, archive_bytes=4)
    assert limit_for("/i/abc", limits) == ("form", 1)
    assert limit_for("/logout", limits) == ("form", 1)
    assert limit_for("/api/congresses/x/phase", limits) == ("json", 2)
    assert limit_for("/api/congresses/x/participants/import", limits) == ("upload", 3)
    assert limit_for("/api/congresses/x/contributions/import", limits) == ("upload", 3)
    assert limit_for("/api/archives", limits) == ("archive", 4)


def test_a_real_server_answers_413_without_taking_the_whole_body(tmp_path: Path) -> None:
    server = ServerProcess(tmp_path / "data").start()
    try:
        with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
            sock.sendall(
                b"POST /i/forged-token HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                b"Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n"
            )
            chunk = f"{CHUNK:x}\r\n".encode() + b"p" * CHUNK + b"\r\n"
            sent = 0
            answered = False
            while sent < FIFTY_MB:
                readable, _, _ = select.select([sock], [], [], 0)
                if readable:
                    answered = True
                    break
                try:
                    sock.sendall(chunk)
                except OSError:  # the server closed its side after answering
                    answered = True
                    break
                sent += CHUNK
            assert answered, "the server took all 50 MB without answering"
            reply = sock.recv(65536)
        assert reply.startswith(b"HTTP/1.1 413"), reply[:200]
        assert sent < FIFTY_MB
        assert "request body too large" in server.log()
        assert "forged-token" not in server.log()
    finally:
        server.stop()
