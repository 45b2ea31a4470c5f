"""Votes and pen mode on two real server processes sharing a real Redis and PostgreSQL (issue 15).

Three voters on two processes give the right count once, a second tab on the
other process cannot vote again, and the live rooms on both processes show the
count; pen mode set through one process flips the motion sockets of the other
at once (the access sweep is set to a minute: only the broker can be in time).
"""

from __future__ import annotations

import asyncio
import functools
import json
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from pycrdt import Map

from tests.support.redis_server import RedisServer
from tests.support.server import ServerProcess
from tests.support.yclient import YClient

pytestmark = pytest.mark.anyio


@pytest.fixture
def two_processes(
    tmp_path: Path, redis_server: RedisServer, postgres_url: str
) -> Iterator[list[ServerProcess]]:
    env = {
        "REDIS_URL": redis_server.url,
        "DATABASE_URL": postgres_url,
        "SECRET_KEY": uuid.uuid4().hex * 2,
        "UBIQUITE_ACCESS_RECHECK_SECONDS": "60",
    }
    servers = [ServerProcess(tmp_path / f"server-{i}", env=env) for i in range(2)]
    for server in servers:
        server.start()
    yield servers
    for server in servers:
        if server.alive():
            server.stop()


async def _until(check: Callable[[], bool], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise TimeoutError("not reached in time")
        await asyncio.sleep(0.02)


def _vote_in(client: YClient, vote_id: int) -> dict[str, Any] | None:
    value = client.doc.get("votes", type=Map).get(str(vote_id))
    return json.loads(value) if isinstance(value, str) else None


def _largest_cast(client: YClient, vote_id: int) -> int:
    tallies = client.doc.get("tallies", type=Map).to_py() or {}
    return max((json.loads(v)["cast"] for k, v in tallies.items() if k.startswith(f"{vote_id}@")), default=0)


async def test_three_voters_on_two_processes_are_counted_once_and_seen_on_both(
    two_processes: list[ServerProcess],
) -> None:
    first, second = two_processes
    congress = first.congress()
    organiser = congress.invite("organiser", "Olga Orga")
    voters = [congress.invite("participant", name) for name in ("Aline", "Bruno", "Chloé")]
    watcher = congress.invite("participant", "Denis")

    def room_url(server: ServerProcess, kind: str, token: str) -> str:
        return f"{server.ws(congress.room(kind))}?token={quote(token)}"

    watchers = [YClient(room_url(s, "decisions", watcher)) for s in two_processes]
    tallies = [YClient(room_url(s, "tally", organiser)) for s in two_processes]
    async with httpx.AsyncClient() as http:

        async def post(server: ServerProcess, token: str, path: str, body: Any) -> httpx.Response:
            return await http.post(
                f"{server.http}/api/c/{congress.slug}/{path}",
                json=body,
                headers={"Authorization": f"Bearer {token}"},
            )

        for client in (*watchers, *tallies):
            await client.connect()
        opened = await post(
            first, organiser, "votes", {"subject": {"kind": "motion", "ref": ""}, "title": "Motion"}
        )
        assert opened.status_code == 201, opened.text
        vote = opened.json()["id"]
        casts = await asyncio.gather(
            post(first, voters[0], f"votes/{vote}/ballot", {"choice": "for"}),
            post(second, voters[1], f"votes/{vote}/ballot", {"choice": "for"}),
            post(second, voters[2], f"votes/{vote}/ballot", {"choice": "against"}),
        )
        assert [c.status_code for c in casts] == [201, 201, 201]
        again = await post(second, voters[0], f"votes/{vote}/ballot", {"choice": "against"})  # her other tab
        assert again.status_code == 409 and again.json()["error"] == "already_voted"
        for tally in tallies:  # the organisers' live count, on both processes
            await _until(functools.partial(lambda t: _largest_cast(t, vote) == 3, tally))
        for client in watchers:  # everyone's `cast`, on both processes
            await _until(functools.partial(lambda c: (_vote_in(c, vote) or {}).get("cast") == 3, client))
        closed = await post(second, organiser, f"votes/{vote}/close", None)
        assert (
            closed.json()["counts"] == {"for": 2, "against": 1, "abstain": 0}
            and closed.json()["result"] == "adopted"
        )
        for client in watchers:
            await _until(
                functools.partial(lambda c: (_vote_in(c, vote) or {}).get("status") == "closed", client)
            )
            final = _vote_in(client, vote)
            assert final is not None and final["counts"] == {"for": 2, "against": 1, "abstain": 0}
        # A page that comes (back) later, on either process, finds the result in the document.
        for server in two_processes:
            async with YClient(room_url(server, "decisions", voters[2])) as late:
                await late.synced.wait()
                final = _vote_in(late, vote)
                assert final is not None and final["status"] == "closed" and final["cast"] == 3
        seen = await http.get(
            f"{first.http}/api/c/{congress.slug}/votes/{vote}",
            headers={"Authorization": f"Bearer {voters[1]}"},
        )
        assert seen.json()["cast"] == 3 and seen.json()["my_choice"] == "for"
    for client in (*watchers, *tallies):
        await client.close()


async def test_pen_mode_set_on_one_process_flips_the_sockets_of_the_other(
    two_processes: list[ServerProcess],
) -> None:
    first, second = two_processes
    congress = first.congress()
    organiser = congress.invite("organiser", "Olga Orga")
    holder, writer = congress.invite("participant", "Hélène"), congress.invite("participant", "Wassim")
    sockets = {
        name: YClient(f"{second.ws(congress.room('motion'))}?token={quote(token)}")
        for name, token in (("holder", holder), ("writer", writer))
    }
    mindmap = YClient(f"{second.ws(congress.room('mindmap'))}?token={quote(writer)}")
    for client in (*sockets.values(), mindmap):
        await client.connect()
    async with httpx.AsyncClient(base_url=first.http) as http:
        people = await http.get(
            f"/api/congresses/{congress.slug}/participants", headers={"Authorization": f"Bearer {organiser}"}
        )
        holder_id = next(p["id"] for p in people.json() if p["name"] == "Hélène")

        async def pen(on: bool, holders: list[int]) -> None:
            answer = await http.post(
                f"/api/c/{congress.slug}/pen",
                json={"on": on, "holders": holders},
                headers={"Authorization": f"Bearer {organiser}"},
            )
            assert answer.status_code == 200, answer.text

        await pen(True, [holder_id])
        await _until(lambda: sockets["writer"].auth == [(0, "pen")], timeout=10)
        late = YClient(f"{second.ws(congress.room('motion'))}?token={quote(writer)}")
        await late.connect()
        assert late.auth == [(0, "pen")]  # a page opened in pen mode starts read-only
        sockets["holder"].text += "La plume écrit."
        sockets["writer"].text += "Refusé."
        await late.wait_for_text("La plume écrit.")
        await asyncio.sleep(0.3)
        assert str(late.text) == "La plume écrit."  # the holder's edit only, on every replica
        await pen(False, [])
        await _until(lambda: sockets["writer"].auth == [(0, "pen"), (1, "pen")], timeout=10)
        await late.close()
    assert sockets["holder"].auth == [] and mindmap.auth == []
    for client in (*sockets.values(), mindmap):
        await client.close()
