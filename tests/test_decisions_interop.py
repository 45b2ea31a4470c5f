"""An amendment between real Yjs clients (the npm `yjs` and `y-websocket`, as the browser runs them) and
the real server: anchored by the proposer's Yjs while someone else types around it, it keeps its passage,
is accepted, and every replica ends with the new wording once, written in the log under the proposer."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator

import httpx
import pytest

from tests.conftest import need
from tests.interop.node_client import NodeYjsClient, node_available
from tests.support.congress import Congress
from tests.support.server import ServerProcess

pytestmark = pytest.mark.anyio
MOTION = "## Égalité\n\n1. Réduire la fracture 😀 numérique.\n2. Former les aidants.\n"


@pytest.fixture
async def clients() -> AsyncIterator[list[NodeYjsClient]]:
    reason = node_available()
    if reason:
        need(f"the Node Yjs client cannot run: {reason}")
    started: list[NodeYjsClient] = []
    yield started
    for client in started:
        await client.close()


async def _node(
    clients: list[NodeYjsClient], server: ServerProcess, congress: Congress, token: str
) -> NodeYjsClient:
    client = NodeYjsClient()
    await client.start(f"ws://127.0.0.1:{server.port}/ws", congress.room(), params={"token": token})
    clients.append(client)
    await client.wait_for(lambda event: event["event"] == "synced", timeout=10)
    return client


def units(text: str, index: int) -> int:
    """The UTF-16 index Yjs uses for Python index `index`."""
    return len(text[:index].encode("utf-16-le")) // 2


async def test_an_amendment_keeps_its_passage_through_concurrent_typing_and_is_applied_as_its_author_s(
    server: ServerProcess, clients: list[NodeYjsClient]
) -> None:
    congress = server.congress()
    organiser = congress.invite("organiser", "Olga")
    proposer_token = congress.invite("participant", "Aline")
    typist = await _node(clients, server, congress, congress.invite("participant", "Bruno"))
    proposer = await _node(clients, server, congress, proposer_token)
    await typist.request({"op": "append", "text": MOTION})
    for _ in range(200):
        if await proposer.text() == MOTION:
            break
        await asyncio.sleep(0.02)
    passage = "Réduire la fracture"
    at = MOTION.index(passage)
    start = (await proposer.request({"op": "anchor", "index": units(MOTION, at)}, "anchor"))["rp"]
    end = (await proposer.request({"op": "anchor", "index": units(MOTION, at + len(passage))}, "anchor"))[
        "rp"
    ]

    typed: list[str] = []

    async def type_around(count: int) -> None:
        """Bruno writes before and after the passage while the amendment is made and accepted."""
        for i in range(count):
            word = f"«{i}»"
            typed.append(word)
            if i % 2:
                await typist.request({"op": "insert", "index": 0, "text": word})
            else:
                await typist.request({"op": "append", "text": word})
            await asyncio.sleep(0.01)

    async with httpx.AsyncClient(base_url=server.http) as http:

        async def api(token: str, path: str, body: object = None) -> httpx.Response:
            return await http.post(
                f"/api/c/{congress.slug}/{path}", json=body, headers={"Authorization": f"Bearer {token}"}
            )

        typing = asyncio.create_task(type_around(60))
        await asyncio.sleep(0.1)
        proposed = await api(
            proposer_token,
            "amendments",
            {
                "kind": "replace",
                "start": start,
                "end": end,
                "expected": passage,
                "text": "Combler la fracture",
            },
        )
        assert proposed.status_code == 201, proposed.text
        await asyncio.sleep(0.2)
        accepted = await api(organiser, f"amendments/{proposed.json()['id']}/accept")
        assert accepted.status_code == 200, accepted.text
        await typing
        expected_core = MOTION.replace(passage, "Combler la fracture")
        final: set[str] = set()
        for _ in range(300):
            final = {await typist.text(), await proposer.text()}
            if len(final) == 1 and all(w in next(iter(final)) for w in typed):
                break
            await asyncio.sleep(0.02)
        (text,) = final
        assert text.count("Combler la fracture") == 1 and passage not in text
        assert all(text.count(word) == 1 for word in typed)  # nothing typed around was lost
        stripped = text
        for word in typed:
            stripped = stripped.replace(word, "")
        assert stripped == expected_core
        timeline = (
            await http.get(
                f"/api/congresses/{congress.slug}/history", headers={"Authorization": f"Bearer {organiser}"}
            )
        ).json()
    (decision,) = timeline["decisions"]
    aline = next(p["author"] for p in timeline["people"] if p["name"] == "Aline")
    with sqlite3.connect(server.data_dir / "ubiquite.sqlite3") as db:
        (author,) = db.execute(
            "SELECT author FROM update_log WHERE id = ?", (decision["position"],)
        ).fetchone()
        mine = db.execute("SELECT count(*) FROM update_log WHERE author = ?", (aline,)).fetchone()[0]
    assert author == aline and mine == 1  # the accepted change, and only it, is Aline's edit
