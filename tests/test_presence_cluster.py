"""Who is connected, across real server processes sharing a Redis of the test's own and PostgreSQL
(server/congress/attendance.py): the organiser's status from either process counts everyone once, a
process killed with -9 takes its people away within the lapse, and with Redis stopped the status
still answers, with this process's people, marked partial."""

from __future__ import annotations

import asyncio
import contextlib
import signal
import time
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest
import websockets

from server.congress.attendance import LAPSE
from server.routes.organiser import PARTIAL_HEADER
from tests.support.congress import Congress
from tests.support.redis_server import RedisServer
from tests.support.server import ServerProcess

pytestmark = pytest.mark.anyio


@pytest.fixture
def pair(tmp_path: Path, redis_server: RedisServer, postgres_url: str) -> Iterator[list[ServerProcess]]:
    env = {"REDIS_URL": redis_server.url, "DATABASE_URL": postgres_url, "SECRET_KEY": uuid.uuid4().hex * 2}
    servers = [ServerProcess(tmp_path / f"server-{i}", env=env) for i in range(2)]
    for server in servers:
        server.start()
    yield servers
    for server in servers:
        if server.alive():
            server.stop()


class Sockets:
    """People's sockets on rooms of one congress, each opened on a chosen process."""

    def __init__(self, congress: Congress) -> None:
        self.congress = congress
        self.stack = contextlib.AsyncExitStack()

    async def open(self, server: ServerProcess, token: str, kind: str = "motion") -> Any:
        url = f"{server.ws(self.congress.room(kind))}?token={quote(token)}"
        socket = await self.stack.enter_async_context(websockets.connect(url))
        await socket.recv()  # the server's sync step 1: the door let them in
        return socket


@pytest.fixture
async def sockets(pair: list[ServerProcess]) -> AsyncIterator[Sockets]:
    crowd = Sockets(pair[0].congress())
    async with crowd.stack:
        yield crowd


async def _status(server: ServerProcess, slug: str, organiser: str, path: str = "status") -> httpx.Response:
    async with httpx.AsyncClient(base_url=server.http, timeout=10) as http:
        return await http.get(
            f"/api/congresses/{slug}/{path}", headers={"Authorization": f"Bearer {organiser}"}
        )


async def _until(
    server: ServerProcess, slug: str, organiser: str, wanted: Callable[[dict[str, Any]], bool], timeout: float
) -> dict[str, Any]:
    """Poll the status as the organisers' page does, until `wanted`; return that answer."""
    deadline = time.monotonic() + timeout
    data: dict[str, Any] = {}
    while time.monotonic() < deadline:
        answer = await _status(server, slug, organiser)
        assert answer.status_code == 200, answer.text
        data = answer.json()
        if wanted(data):
            return data
        await asyncio.sleep(0.2)
    raise AssertionError(f"status never as wanted within {timeout} s: {data}")


def _names(data: dict[str, Any]) -> list[str]:
    return [h["name"] for h in data["here"]]


async def test_the_organiser_counts_everyone_once_from_either_process(
    pair: list[ServerProcess], sockets: Sockets
) -> None:
    first, second = pair
    congress = sockets.congress
    organiser = congress.invite("organiser", "Olga Orga")
    await sockets.open(first, congress.invite("participant", "Amina Sur-Place"))
    await sockets.open(first, congress.invite("participant", "Bruno Distant", site="remote"))
    await sockets.open(second, congress.invite("observer", "Carla Presse"))
    both = congress.invite("participant", "Denis Partout", site="remote")
    await sockets.open(first, both, "motion")
    await sockets.open(second, both, "mindmap")  # one person, a tab on each process
    everyone = ["Amina Sur-Place", "Bruno Distant", "Carla Presse", "Denis Partout"]
    for server in pair:
        data = await _until(server, congress.slug, organiser, lambda d: _names(d) == everyone, timeout=10)
        assert data["partial"] is False
        assert data["connected"] == {
            "people": 4,
            "on_site": 2,
            "remote": 2,
            "organisers": 0,
            "participants": 3,
            "observers": 1,
        }
        denis = data["here"][3]
        assert (denis["documents"], denis["role"], denis["site"]) == (
            ["mindmap", "motion"],
            "participant",
            "remote",
        )
        answer = await _status(server, congress.slug, organiser, "connected")
        assert [h["name"] for h in answer.json()] == everyone and PARTIAL_HEADER not in answer.headers
        people = (await _status(server, congress.slug, organiser, "participants")).json()
        assert sorted(p["name"] for p in people if p["connected"]) == everyone


async def test_people_who_leave_another_process_leave_the_status(
    pair: list[ServerProcess], sockets: Sockets
) -> None:
    first, second = pair
    congress = sockets.congress
    organiser = congress.invite("organiser", "Olga Orga")
    await sockets.open(first, congress.invite("participant", "Amina Reste"))
    leaving = await sockets.open(second, congress.invite("participant", "Bruno Part"))
    await _until(first, congress.slug, organiser, lambda d: d["connected"]["people"] == 2, timeout=10)
    await leaving.close()
    data = await _until(first, congress.slug, organiser, lambda d: d["connected"]["people"] == 1, timeout=5)
    assert _names(data) == ["Amina Reste"]


async def test_a_process_killed_takes_its_people_away_within_the_lapse(
    pair: list[ServerProcess], sockets: Sockets
) -> None:
    survivor, doomed = pair
    congress = sockets.congress
    organiser = congress.invite("organiser", "Olga Orga")
    await sockets.open(survivor, congress.invite("participant", "Amina Survit"))
    for n in range(3):
        await sockets.open(doomed, congress.invite("participant", f"Personne Perdue {n}"))
    await _until(survivor, congress.slug, organiser, lambda d: d["connected"]["people"] == 4, timeout=10)
    doomed.stop(signal.SIGKILL)  # no goodbye, no removal: only the lapse takes them away
    killed = time.monotonic()
    data = await _until(
        survivor, congress.slug, organiser, lambda d: _names(d) == ["Amina Survit"], timeout=20
    )
    gone_after = time.monotonic() - killed
    assert gone_after <= LAPSE + 2, f"their people stayed {gone_after:.1f} s"
    assert data["partial"] is False  # Redis is there: the survivor's view is whole


async def test_with_redis_stopped_the_status_answers_this_process_s_people_marked_partial(
    pair: list[ServerProcess], sockets: Sockets, redis_server: RedisServer
) -> None:
    first, second = pair
    congress = sockets.congress
    organiser = congress.invite("organiser", "Olga Orga")
    await sockets.open(first, congress.invite("participant", "Amina Ici"))
    await sockets.open(second, congress.invite("participant", "Bruno Ailleurs"))
    await _until(first, congress.slug, organiser, lambda d: d["connected"]["people"] == 2, timeout=10)
    redis_server.stop()
    data = await _until(first, congress.slug, organiser, lambda d: d["partial"], timeout=10)
    assert _names(data) == ["Amina Ici"]
    assert data["phase"] == "contributions" and data["contributions"] == 0  # the rest still answers
    started = time.monotonic()
    answer = await _status(first, congress.slug, organiser, "connected")
    assert time.monotonic() - started < 2.0, "the route waited for the Redis that is away"
    assert answer.status_code == 200 and answer.headers[PARTIAL_HEADER] == "1"
    assert [h["name"] for h in answer.json()] == ["Amina Ici"]
    # Redis back, empty (it keeps nothing on disk): every process writes its people again at once.
    redis_server.start()
    data = await _until(first, congress.slug, organiser, lambda d: not d["partial"], timeout=15)
    data = await _until(first, congress.slug, organiser, lambda d: d["connected"]["people"] == 2, timeout=3)
    assert _names(data) == ["Amina Ici", "Bruno Ailleurs"]
