"""Putting a document into a room, and reading one back, with a pycrdt client from a browser test."""

from __future__ import annotations

from typing import Any

from pycrdt import Doc

from crdt.mindmap import Node, build_tree, nodes_map
from tests.support.browser import CONGRESS_TITLE, run_async
from tests.support.congress import Congress
from tests.support.server import ServerProcess
from tests.support.yclient import YClient


def room_url(server: ServerProcess, room: str) -> str:
    """The address of `room` ({slug}.{kind}) for a new organiser of that congress, through the door."""
    slug, kind = room.split(".", 1)
    return Congress(server, slug, CONGRESS_TITLE).url(kind, role="organiser")


def push_mindmap(server: ServerProcess, room: str, doc: Doc[Any]) -> None:
    """Send `doc`'s whole state to `room` and wait until the server holds every node."""

    async def push() -> None:
        async with YClient(room_url(server, room)) as client:
            client.doc.apply_update(doc.get_update())  # sent to the server as a local change
            async with YClient(room_url(server, room)) as check:
                await check.wait_for(lambda: len(nodes_map(check.doc)) == len(nodes_map(doc)))

    run_async(push)


def push_motion(server: ServerProcess, room: str, text: str) -> None:
    """Write `text` into the motion of `room` (empty before) and wait until the server holds it."""

    async def push() -> None:
        async with YClient(room_url(server, room)) as client:
            client.text += text
            async with YClient(room_url(server, room)) as check:
                await check.wait_for_text(text)

    run_async(push)


def server_tree(server: ServerProcess, room: str) -> Node:
    """The mind map as a fresh pycrdt client of the room sees it."""

    async def read() -> Node:
        async with YClient(room_url(server, room)) as client:
            return build_tree(client.doc)

    return run_async(read)
