"""Issue 13, bug 1 across processes: a phase change made through one process turns the sockets of
every other process read-only at once (through the broker), not at their next access sweep."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
import websockets

from crdt.protocol import AuthMessage, Reader, decode_message
from tests.support.redis_server import RedisServer
from tests.support.server import ServerProcess

pytestmark = pytest.mark.anyio


@pytest.fixture
def two_processes(
    tmp_path: Path, redis_server: RedisServer, postgres_url: str
) -> Iterator[list[ServerProcess]]:
    env = {
        "REDIS_URL": redis_server.url,
        "DATABASE_URL": postgres_url,
        "SECRET_KEY": uuid.uuid4().hex * 2,
        # The sweep alone would take a minute: only the broker's message can make it in time.
        "UBIQUITE_ACCESS_RECHECK_SECONDS": "60",
    }
    servers = [ServerProcess(tmp_path / f"server-{i}", env=env) for i in range(2)]
    for server in servers:
        server.start()
    yield servers
    for server in servers:
        if server.alive():
            server.stop()


async def _denied(socket: websockets.ClientConnection) -> str:
    while True:
        message = decode_message(await socket.recv())  # type: ignore[arg-type]
        if isinstance(message, AuthMessage):
            reader = Reader(message.payload)
            assert reader.read_var_uint() == 0  # permission denied
            return reader.read_var_string()


async def test_publishing_through_one_process_freezes_the_sockets_of_the_other(
    two_processes: list[ServerProcess],
) -> None:
    first, second = two_processes
    congress = first.congress()
    organiser = congress.invite("organiser", "Olga Orga")
    writer = congress.invite("participant", "Alice Martin")
    url = f"{second.ws(congress.room('motion'))}?token={quote(writer)}"
    async with websockets.connect(url) as socket, httpx.AsyncClient(base_url=first.http) as http:
        await socket.recv()  # the sync has opened: this socket is writable
        for phase in ("themes", "writing", "published"):
            answer = await http.post(
                f"/api/congresses/{congress.slug}/phase",
                json={"phase": phase},
                headers={"Authorization": f"Bearer {organiser}"},
            )
            assert answer.status_code == 200, answer.text
        assert await asyncio.wait_for(_denied(socket), timeout=15) == "published"
