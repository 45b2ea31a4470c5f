"""Putting a document into a room, and reading one back, with a pycrdt client from a browser test."""

from __future__ import annotations

from typing import Any

from pycrdt import Doc

from crdt.mindmap import Node, build_tree, nodes_map
from tests.support.browser import run_async
from tests.support.server import ServerProcess
from tests.support.yclient import YClient


def push_mindmap(server: ServerProcess, room: str, doc: Doc[Any]) -> None:
    """Send `doc`'s whole state to `room` and wait until the server holds every node."""

    async def push() -> None:
        async with YClient(server.ws(room)) as client:
            client.doc.apply_update(doc.get_update())  # sent to the server as a local change
            async with YClient(server.ws(room)) as check:
                await check.wait_for(lambda: len(nodes_map(check.doc)) == len(nodes_map(doc)))

    run_async(push)


def server_tree(server: ServerProcess, room: str) -> Node:
    """The mind map as a fresh pycrdt client of the room sees it."""

    async def read() -> Node:
        async with YClient(server.ws(room)) as client:
            return build_tree(client.doc)

    return run_async(read)
