"""Several real server processes on one room through a real Redis of the test's own and PostgreSQL.

Each test types with unique characters, so "nothing missing, nothing
duplicated" is a comparison of character multisets, and checks the log in the
shared database replayed from scratch against what the clients hold.
"""

from __future__ import annotations

import asyncio
import signal
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from pycrdt import Text

from server.rooms import build_doc
from server.store.sql import SqlStore
from tests.conftest import need
from tests.interop.node_client import NodeYjsClient, node_available
from tests.support.redis_server import RedisServer
from tests.support.server import ServerProcess
from tests.support.yclient import YClient

pytestmark = pytest.mark.anyio

ALPHABETS = ["abcdefghij", "ABCDEFGHIJ", "0123456789", "klmnopqrst", "KLMNOPQRST", "uvwxyzUVWX"]


@pytest.fixture
def cluster(tmp_path: Path, redis_server: RedisServer, postgres_url: str) -> Iterator[list[ServerProcess]]:
    # Processes sharing a database must share the key that signs invitations (README).
    env = {"REDIS_URL": redis_server.url, "DATABASE_URL": postgres_url, "SECRET_KEY": uuid.uuid4().hex * 2}
    servers = [ServerProcess(tmp_path / f"server-{i}", env=env) for i in range(2)]
    for server in servers:
        server.start()
    yield servers
    for server in servers:
        if server.alive():
            server.stop()


class Door:
    """One congress in the shared database, and addresses of its motion on each process."""

    def __init__(self, cluster: list[ServerProcess]) -> None:
        self.congress = cluster[0].congress()
        self.room = self.congress.room("motion")

    def url(self, server: ServerProcess, token: str | None = None) -> str:
        return f"{server.ws(self.room)}?token={quote(token or self.congress.invite())}"

    def client(self, server: ServerProcess, *failover: ServerProcess, name: str | None = None) -> YClient:
        """A person's client; with failover servers, it reconnects to them with the same token."""
        token = self.congress.invite(name=name)
        backups = [self.url(other, token) for other in failover]
        return YClient(self.url(server, token), failover=backups if failover else None)


async def _type(client: YClient, chars: str, interval: float) -> None:
    for char in chars:
        client.text += char
        await asyncio.sleep(interval)


async def _converged(
    replicas: list[YClient] | list[NodeYjsClient], expected: Counter[str], timeout: float
) -> str:
    """Wait until every replica holds the same text made of exactly `expected`; return it."""

    async def current() -> set[str]:
        return {str(r.text) if isinstance(r, YClient) else await r.text() for r in replicas}

    deadline = time.monotonic() + timeout
    seen: set[str] = set()
    while time.monotonic() < deadline:
        seen = await current()
        if len(seen) == 1 and Counter(next(iter(seen))) == expected:
            return seen.pop()
        await asyncio.sleep(0.05)
    raise AssertionError(f"replicas did not converge on {sum(expected.values())} characters: {seen}")


async def _logged_text(postgres_url: str, room: str, expected: str, timeout: float = 20.0) -> None:
    """The log, replayed from scratch, gives `expected` (waiting for batches and adoption)."""
    store = SqlStore(postgres_url)
    await store.start()
    text = ""
    try:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            updates = await store.updates(room)
            text = str(build_doc(None, [u.data for u in updates]).get("text", type=Text))
            if text == expected:
                return
            await asyncio.sleep(0.2)
    finally:
        await store.stop()
    raise AssertionError(f"log replays to {text!r}, clients hold {expected!r}")


async def _each(tabs: list[NodeYjsClient], op: str, text: Callable[[int], str]) -> None:
    await asyncio.gather(*(tab.request({"op": op, "text": text(i)}) for i, tab in enumerate(tabs)))


async def test_clients_on_two_processes_converge_and_see_each_other(
    cluster: list[ServerProcess], postgres_url: str
) -> None:
    door = Door(cluster)
    # Presence names come from the server's identity of the socket (issue 12): the first is Amina.
    clients = [
        await door.client(cluster[i % 2], name="Amina" if i == 0 else None).connect() for i in range(6)
    ]
    try:
        await asyncio.gather(*(_type(c, ALPHABETS[i], 0.01) for i, c in enumerate(clients)))
        text = await _converged(list(clients), Counter("".join(ALPHABETS)), timeout=10)
        await clients[0].set_presence({"user": {"name": "Amina", "site": "salle"}})
        await clients[1].wait_for(lambda: clients[0].doc.client_id in clients[1].peers, timeout=10)
        assert clients[1].peers[clients[0].doc.client_id]["user"]["name"] == "Amina"
        await clients[0].close()
        await clients[1].wait_for(lambda: clients[0].doc.client_id not in clients[1].peers, timeout=10)
        await _logged_text(postgres_url, door.room, text)
    finally:
        for client in clients:
            await client.close()


async def test_redis_killed_and_restarted_while_typing(
    cluster: list[ServerProcess], redis_server: RedisServer, postgres_url: str
) -> None:
    door = Door(cluster)
    clients = [await door.client(cluster[i % 2]).connect() for i in range(4)]
    try:
        typing = asyncio.gather(*(_type(c, ALPHABETS[i] * 3, 0.1) for i, c in enumerate(clients)))
        await asyncio.sleep(0.7)
        redis_server.kill()
        await asyncio.sleep(1.5)  # both processes keep serving their own clients
        redis_server.start()
        back = time.monotonic()
        await typing
        text = await _converged(list(clients), Counter("".join(ALPHABETS[:4]) * 3), timeout=10)
        assert time.monotonic() - back < 5.0, "replicas took more than 5 s after Redis came back"
        for server in cluster:
            assert "Redis lost" in server.log() and "Redis reachable again" in server.log()
        await _logged_text(postgres_url, door.room, text)
    finally:
        for client in clients:
            await client.close()


async def test_kill_9_of_a_process_while_its_clients_type(
    cluster: list[ServerProcess], postgres_url: str
) -> None:
    doomed, survivor = cluster
    door = Door(cluster)
    clients = [
        await door.client(doomed, survivor).connect(),
        await door.client(doomed, survivor).connect(),
        await door.client(survivor).connect(),
    ]
    try:
        typing = asyncio.gather(*(_type(c, ALPHABETS[i] * 3, 0.05) for i, c in enumerate(clients)))
        await asyncio.sleep(0.6)
        doomed.stop(signal.SIGKILL)
        await typing
        await clients[0].wait_for(lambda: clients[0].reconnects > 0 and clients[1].reconnects > 0)
        text = await _converged(list(clients), Counter("".join(ALPHABETS[:3]) * 3), timeout=15)
        await _logged_text(postgres_url, door.room, text, timeout=30)  # the survivor adopts within ~6 s
    finally:
        for client in clients:
            await client.close()


async def test_every_process_restarted_with_tabs_left_open(
    cluster: list[ServerProcess], postgres_url: str
) -> None:
    reason = node_available()
    if reason:
        need(f"the Node Yjs client cannot run: {reason}")
    door = Door(cluster)
    tabs = [NodeYjsClient() for _ in range(4)]
    try:
        for i, tab in enumerate(tabs):
            token = door.congress.invite()
            await tab.start(
                f"ws://127.0.0.1:{cluster[i % 2].port}/ws",
                door.room,
                name=f"tab-{i}",
                params={"token": token},
            )
            await tab.wait_for(lambda event: event["event"] == "synced")
        await _each(tabs, "type", lambda i: ALPHABETS[i][:5])
        await _converged(list(tabs), Counter("".join(a[:5] for a in ALPHABETS[:4])), timeout=10)
        for server in cluster:
            server.stop(signal.SIGTERM)
        # Typed while no server runs: kept by each tab and sent when it reconnects.
        await _each(tabs, "append", lambda i: ALPHABETS[i][5:8])
        for server in cluster:
            server.start()
        for tab in tabs:
            await tab.wait_for(lambda event: event["event"] == "synced", timeout=20)
        await _each(tabs, "type", lambda i: ALPHABETS[i][8:])
        text = await _converged(list(tabs), Counter("".join(ALPHABETS[:4])), timeout=15)
        await _logged_text(postgres_url, door.room, text)
    finally:
        for tab in tabs:
            await tab.close()
