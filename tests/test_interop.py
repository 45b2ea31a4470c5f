"""Clients we did not write join our rooms unchanged: the stock Node Yjs client and pycrdt's Provider."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import pytest
import websockets
from pycrdt import Doc, Provider, Text

from tests.conftest import need
from tests.interop.node_client import NodeYjsClient, node_available
from tests.support.congress import Congress
from tests.support.server import ServerProcess
from tests.support.yclient import YClient

pytestmark = pytest.mark.anyio


class WebSocketChannel:
    """The pycrdt Channel protocol over a `websockets` client connection."""

    def __init__(self, websocket: Any, path: str) -> None:
        self._websocket = websocket
        self._path = path

    @property
    def path(self) -> str:
        return self._path

    def __aiter__(self) -> WebSocketChannel:
        return self

    async def __anext__(self) -> bytes:
        try:
            return bytes(await self._websocket.recv())
        except websockets.ConnectionClosedOK:
            raise StopAsyncIteration from None

    async def send(self, message: bytes) -> None:
        await self._websocket.send(message)

    async def recv(self) -> bytes:
        return bytes(await self._websocket.recv())


@pytest.fixture
async def node_clients(server: ServerProcess) -> AsyncIterator[list[NodeYjsClient]]:
    reason = node_available()
    if reason:
        need(f"the Node Yjs client cannot run: {reason}")
    clients: list[NodeYjsClient] = []
    yield clients
    for client in clients:
        await client.close()


async def _start_node(clients: list[NodeYjsClient], congress: Congress, name: str) -> NodeYjsClient:
    """The stock provider passes the token the documented way: `params`, appended as `?token=`."""
    client = NodeYjsClient()
    server = congress.server
    token = congress.invite(name=name)
    await client.start(
        f"ws://127.0.0.1:{server.port}/ws", congress.room(), name=name, params={"token": token}
    )
    clients.append(client)
    await client.wait_for(lambda event: event["event"] == "synced", timeout=10)
    return client


async def test_pycrdt_provider_joins_edits_and_converges(congress: Congress) -> None:
    async with YClient(congress.url()) as ours:
        ours.text += "Motion : "
        doc: Doc[Any] = Doc()
        text = doc.get("text", type=Text)
        async with (
            websockets.connect(congress.url()) as websocket,
            Provider(doc, WebSocketChannel(websocket, "provider")) as provider,
        ):
            await asyncio.wait_for(provider.synced.wait(), 5)
            assert str(text) == "Motion : "
            text += "adoptée"
            await ours.wait_for_text("Motion : adoptée")
            ours.text += " à l'unanimité"

            async def caught_up() -> None:
                while str(text) != str(ours.text):
                    await asyncio.sleep(0.01)

            await asyncio.wait_for(caught_up(), 5)


async def test_stock_node_client_and_python_client_converge(
    congress: Congress, node_clients: list[NodeYjsClient]
) -> None:
    node = await _start_node(node_clients, congress, "Nadia")
    async with YClient(congress.url()) as python:
        await node.request({"op": "append", "text": "Depuis Node. "}, "done")
        await python.wait_for_text("Depuis Node. ")
        python.text += "Depuis Python."
        for _ in range(200):
            if await node.text() == "Depuis Node. Depuis Python.":
                break
            await asyncio.sleep(0.02)
        assert await node.text() == "Depuis Node. Depuis Python."


async def test_concurrent_typing_by_node_and_python_clients_converges(
    congress: Congress, node_clients: list[NodeYjsClient]
) -> None:
    first = await _start_node(node_clients, congress, "Amina")
    second = await _start_node(node_clients, congress, "Bruno")
    async with YClient(congress.url()) as python:
        typing = [
            first.request({"op": "type", "text": "abcdefghij", "interval_ms": 5}, "done", timeout=20),
            second.request({"op": "type", "text": "0123456789", "interval_ms": 5}, "done", timeout=20),
        ]

        async def python_types() -> None:
            for char in "KLMNOPQRST":
                python.text.insert(len(str(python.text)) // 2, char)
                await asyncio.sleep(0.005)

        await asyncio.gather(*typing, python_types())
        for _ in range(300):
            texts = {await first.text(), await second.text(), str(python.text)}
            if len(texts) == 1:
                break
            await asyncio.sleep(0.02)
        assert len(texts) == 1, texts
        assert sorted(texts.pop()) == sorted("abcdefghij0123456789KLMNOPQRST")


async def test_presence_crosses_between_node_and_python(
    congress: Congress, node_clients: list[NodeYjsClient]
) -> None:
    node = await _start_node(node_clients, congress, "Nadia")
    await node.request({"op": "awareness", "state": {"user": {"name": "Nadia", "site": "salle"}}}, "done")
    # Presence names come from the server's identity of the socket (issue 12): Paul is invited as Paul.
    async with YClient(congress.url(token=congress.invite(name="Paul"))) as python:
        await python.wait_for(lambda: node.client_id in python.peers)
        assert node.client_id is not None
        assert python.peers[node.client_id]["user"]["name"] == "Nadia"
        await python.set_presence({"user": {"name": "Paul", "site": "distance"}})
        event = await node.wait_for(
            lambda e: e["event"] == "awareness_change" and str(python.doc.client_id) in e["states"], timeout=5
        )
        assert event["states"][str(python.doc.client_id)]["user"]["name"] == "Paul"
    await node.wait_for(
        lambda e: e["event"] == "awareness_change" and str(python.doc.client_id) not in e["states"], timeout=5
    )


async def test_stock_node_client_refused_at_the_door_gives_up(
    congress: Congress, node_clients: list[NodeYjsClient]
) -> None:
    """A 44xx close code is what makes the stock provider stop retrying a door that will not open."""
    client = NodeYjsClient()
    node_clients.append(client)
    url = f"ws://127.0.0.1:{congress.server.port}/ws"
    await client.start(url, congress.room(), name="Intrus", params={"token": "not-a-token"})
    closed = await client.wait_for(lambda event: event["event"] == "closed", timeout=10)
    assert closed["code"] == 4401
    assert not any(event["event"] == "synced" for event in client.history)
