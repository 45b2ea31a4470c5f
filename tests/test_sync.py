"""The sync endpoint with real clients over real sockets: joining, editing, converging, presence."""

from __future__ import annotations

import asyncio
import random

import pytest

from tests.support.congress import Congress
from tests.support.server import ServerProcess
from tests.support.yclient import YClient

pytestmark = pytest.mark.anyio


async def test_two_clients_converge(congress: Congress) -> None:
    async with YClient(congress.url()) as alice, YClient(congress.url()) as bob:
        alice.text += "Bonjour"
        await bob.wait_for_text("Bonjour")
        bob.text += " à tous"
        await alice.wait_for_text("Bonjour à tous")


async def test_twenty_clients_typing_at_once_converge(congress: Congress) -> None:
    tokens = congress.invite_many(20)
    clients = [await YClient(congress.url(token=token)).connect() for token in tokens]
    rng = random.Random(7)

    async def type_words(client: YClient, number: int) -> None:
        for i in range(15):
            position = rng.randint(0, len(str(client.text)))
            client.text.insert(position, f"<{number}.{i}>")
            await asyncio.sleep(rng.uniform(0, 0.02))

    await asyncio.gather(*(type_words(c, n) for n, c in enumerate(clients)))
    expected_length = sum(len(f"<{n}.{i}>") for n in range(20) for i in range(15))

    async def converged() -> None:
        while True:
            texts = {str(c.text) for c in clients}
            if len(texts) == 1 and len(texts.pop()) == expected_length:
                return
            await asyncio.sleep(0.05)

    await asyncio.wait_for(converged(), 15)
    for client in clients:
        await client.close()


async def test_own_updates_are_not_echoed(congress: Congress) -> None:
    async with YClient(congress.url()) as alice, YClient(congress.url()) as bob:
        frames_before = alice.received_frames
        alice.text += "x"
        await bob.wait_for_text("x")
        await asyncio.sleep(0.2)
        assert alice.received_frames == frames_before


async def test_presence_reaches_others_and_leaves_with_its_owner(congress: Congress) -> None:
    async with YClient(congress.url()) as alice:
        # Presence names come from the server's identity of the socket (issue 12): Bob is invited as Bob.
        bob = await YClient(congress.url(token=congress.invite(name="Bob"))).connect()
        await bob.set_presence({"user": {"name": "Bob", "site": "remote"}})
        await alice.wait_for(lambda: bob.doc.client_id in alice.peers)
        assert alice.peers[bob.doc.client_id]["user"]["name"] == "Bob"
        await bob.close()
        await alice.wait_for(lambda: bob.doc.client_id not in alice.peers)


async def test_a_late_joiner_gets_the_text_and_who_is_here(congress: Congress) -> None:
    async with YClient(congress.url()) as alice:
        alice.text += "Axe 1"
        await alice.set_presence({"user": {"name": "Alice"}})
        await asyncio.sleep(0.2)
        async with YClient(congress.url()) as carol:
            assert str(carol.text) == "Axe 1"
            await carol.wait_for(lambda: alice.doc.client_id in carol.peers)


async def test_concurrent_first_joins_all_sync(server: ServerProcess) -> None:
    """Many clients join a room nobody has opened yet, at the same instant, many times."""
    for _attempt in range(15):
        congress = server.congress()
        urls = [congress.url(token=token) for token in congress.invite_many(8)]
        clients = await asyncio.wait_for(
            asyncio.gather(*(YClient(url).connect(timeout=5) for url in urls)), 15
        )
        clients[0].text += "ok"
        for client in clients:
            await client.wait_for_text("ok")
        await asyncio.gather(*(c.close() for c in clients))
