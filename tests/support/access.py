"""Helpers for access tests: what happens when someone knocks on a room with some credential."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

import websockets

from tests.support.yclient import YClient


@dataclass
class Knock:
    """How a connection attempt ended: synced (with the text it saw) or closed (with code and reason)."""

    client: YClient
    synced: bool
    close_code: int | None
    text: str


async def knock(
    url: str, *, origin: str | None = None, cookie: str | None = None, timeout: float = 10
) -> Knock:
    client = YClient(url, origin=origin, cookie=cookie)
    await client.open()
    assert client._reader is not None
    synced = asyncio.ensure_future(client.synced.wait())
    await asyncio.wait({synced, client._reader}, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
    if not synced.done():
        synced.cancel()
        await asyncio.gather(client._reader, return_exceptions=True)
        return Knock(client, False, client.close_code, str(client.text))
    return Knock(client, True, None, str(client.text))


async def handshake_status(url: str, origin: str | None, cookie: str | None = None) -> int:
    """The HTTP status of a handshake the server refuses before the upgrade (101 if it upgrades)."""
    headers = {"Cookie": f"ubiquite_session={cookie}"} if cookie else None
    try:
        async with websockets.connect(url, origin=origin, additional_headers=headers) as _:  # type: ignore[arg-type]
            return 101
    except websockets.InvalidStatus as refused:
        return int(refused.response.status_code)
