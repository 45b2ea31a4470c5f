"""Issue 12 item 13: a process killed while PostgreSQL is down loses nothing from the log.

Real processes all the way: a PostgreSQL cluster of the test's own that it
stops and starts, a Redis of its own, two server processes. Writers type
tagged characters on A; the database goes away; they type on; A is killed
with SIGKILL while B's only client reads. B takes A as dead and must store
A's unstored updates, but the database refuses: B has to keep them and store
them once the database is back. Every tag must then be in the log exactly
once, and the log must replay to the text the clients hold.
"""

from __future__ import annotations

import asyncio
import signal
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from pycrdt import Text

from crdt.updates import inspect_update
from server.realtime.room import build_doc
from server.store.sql import SqlStore
from tests.conftest import need
from tests.support.postgres_server import PostgresServer, postgres_server_unavailable
from tests.support.redis_server import RedisServer
from tests.support.server import ServerProcess
from tests.support.yclient import YClient

pytestmark = pytest.mark.anyio

TAGS = ["abcdefghij", "ABCDEFGHIJ"]  # before the outage
OUTAGE_TAGS = ["klmnopqrst", "KLMNOPQRST"]  # typed while the database is down


@pytest.fixture
def own_postgres() -> Iterator[PostgresServer]:
    reason = postgres_server_unavailable()
    if reason:
        need(f"cannot start a PostgreSQL cluster of our own: {reason}")
    server = PostgresServer().start()
    yield server
    server.remove()


async def _type(client: YClient, chars: str) -> None:
    for char in chars:
        client.text += char
        await asyncio.sleep(0.02)


async def _wait(predicate: object, what: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():  # type: ignore[operator]
            return
        await asyncio.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


async def _log(url: str, room: str) -> list[bytes]:
    store = SqlStore(url)
    await store.start()
    try:
        return [u.data for u in await store.updates(room)]
    finally:
        await store.stop()


def _twice_logged(updates: list[bytes]) -> int:
    """How many (client, clock) positions the log holds more than once."""
    seen: Counter[tuple[int, int]] = Counter()
    for data in updates:
        for client, (start, end) in inspect_update(data).ranges.items():
            seen.update((client, clock) for clock in range(start, end))
    return sum(n - 1 for n in seen.values() if n > 1)


async def test_updates_of_a_process_killed_during_a_database_outage_reach_the_log(
    tmp_path: Path, redis_server: RedisServer, own_postgres: PostgresServer
) -> None:
    secret = uuid.uuid4().hex * 2
    env = {"REDIS_URL": redis_server.url, "DATABASE_URL": own_postgres.url, "SECRET_KEY": secret}
    doomed, survivor = (ServerProcess(tmp_path / f"server-{i}", env=env).start() for i in range(2))
    clients: list[YClient] = []
    try:
        congress = doomed.congress()
        room = congress.room("motion")

        def invited(server: ServerProcess) -> YClient:
            return YClient(f"{server.ws(room)}?token={quote(congress.invite())}")

        writers = [await invited(doomed).connect() for _ in TAGS]
        reader = await invited(survivor).connect()
        clients = [*writers, reader]

        await asyncio.gather(*(_type(w, tags) for w, tags in zip(writers, TAGS, strict=True)))
        everything = Counter("".join(TAGS))
        await _wait(lambda: Counter(str(reader.text)) == everything, "the reader to see the first tags", 15)

        own_postgres.stop()
        await asyncio.gather(*(_type(w, tags) for w, tags in zip(writers, OUTAGE_TAGS, strict=True)))
        everything += Counter("".join(OUTAGE_TAGS))
        await _wait(lambda: Counter(str(reader.text)) == everything, "the reader to see every tag", 15)
        await asyncio.sleep(0.2)  # A's log is cut off: nothing more reaches it, whatever we wait
        doomed.stop(signal.SIGKILL)

        # B notices A's silence (6 s) and tries to store A's updates while the database is down.
        await _wait(lambda: "taken as dead" in survivor.log(), "the survivor to take A as dead", 20)
        await _wait(
            lambda: "not stored" in survivor.log() or "kept until the database" in survivor.log(),
            "the survivor's adoption to meet the outage",
            10,
        )
        own_postgres.start()

        expected = str(reader.text)
        logged: list[bytes] = []
        text = ""
        deadline = time.monotonic() + 25
        while time.monotonic() < deadline:
            try:
                logged = await _log(own_postgres.url, room)
            except Exception:  # the database may still be starting
                logged = []
            text = str(build_doc(None, logged).get("text", type=Text))
            if text == expected:
                break
            await asyncio.sleep(0.5)
        missing = everything - Counter(text)
        assert not missing, f"{sum(missing.values())} typed tags are missing from the log: {''.join(missing)}"
        assert text == expected
        assert _twice_logged(logged) == 0, "some updates are in the log twice"
    finally:
        for client in clients:
            await client.close()
        for server in (doomed, survivor):
            if server.alive():
                server.stop()
