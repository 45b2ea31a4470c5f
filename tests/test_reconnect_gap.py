"""Issue 12 item 16: a keystroke that overtakes the client's catch-up after a restart is held, not refused.

A Python client types, the real server restarts (SIGTERM, start again on the
same port and data), the client types on while it is away, then reconnects
the way the stock client can: its sync step 1, then at once a new keystroke,
before the server's step 1 has arrived and been answered with the edits made
while away. That keystroke builds on edits the server has not seen yet (a
causal gap). The server must hold it until the catch-up arrives, not close
with 1007; every keystroke then is in the log once.
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
import websockets
from pycrdt import Doc, Text

from crdt.protocol import (
    SyncMessage,
    SyncType,
    decode_message,
    encode_sync_step1,
    encode_sync_step2,
    encode_update,
)
from crdt.updates import inspect_update
from server.settings import Settings
from server.store.sql import SqlStore
from tests.support.server import ServerProcess
from tests.support.yclient import YClient

pytestmark = pytest.mark.anyio

BEFORE, WHILE_AWAY, ON_RECONNECT = "abcde", "fghij", "k"


class Typist:
    """A document whose own edits are sent by hand, so the test decides what goes out when."""

    def __init__(self) -> None:
        self.doc: Doc[Any] = Doc()
        self.text = self.doc.get("text", type=Text)
        self.unsent: list[bytes] = []
        self._remote = False
        self.doc.observe(lambda event: None if self._remote else self.unsent.append(event.update))

    def type(self, chars: str) -> list[bytes]:
        for char in chars:
            self.text += char
        sent, self.unsent = self.unsent, []
        return sent

    def apply(self, update: bytes) -> None:
        self._remote = True
        try:
            self.doc.apply_update(update)
        finally:
            self._remote = False


async def _session(
    url: str, typist: Typist, first_keys: str, then: str | None
) -> tuple[Any, asyncio.Task[None]]:
    """Open a socket: step 1, then `first_keys` typed at once; answer the server as the stock client does."""
    ws = await websockets.connect(url, max_size=None, compression=None, open_timeout=5)
    await ws.send(encode_sync_step1(typist.doc.get_state()))
    for update in typist.type(first_keys):
        await ws.send(encode_update(update))

    async def read() -> None:
        try:
            async for frame in ws:
                message = decode_message(bytes(frame))  # type: ignore[arg-type]
                if isinstance(message, SyncMessage):
                    if message.sync_type is SyncType.STEP1:
                        await ws.send(encode_sync_step2(typist.doc.get_update(message.payload)))
                        if then:
                            for update in typist.type(then):
                                await ws.send(encode_update(update))
                    else:
                        typist.apply(message.payload)
        except websockets.ConnectionClosed:
            pass

    return ws, asyncio.create_task(read())


async def test_a_keystroke_sent_before_the_catch_up_is_held_until_it_arrives(tmp_path: Path) -> None:
    server = ServerProcess(tmp_path / "data").start()
    try:
        congress = server.congress()
        room = congress.room("motion")
        url = f"{server.ws(room)}?token={quote(congress.invite())}"
        typist = Typist()

        ws, reading = await _session(url, typist, BEFORE, None)
        async with YClient(congress.url()) as witness:
            await witness.wait_for_text(BEFORE)
        server.stop()  # SIGTERM: everything accepted is stored
        await asyncio.gather(reading, return_exceptions=True)
        typist.type(WHILE_AWAY)  # kept by the client, sent in its catch-up (sync step 2)
        server.start()

        ws, reading = await _session(url, typist, ON_RECONNECT, "lmno")
        expected = BEFORE + WHILE_AWAY + ON_RECONNECT + "lmno"
        deadline = time.monotonic() + 15  # "lmno" is typed once the server's step 1 is answered
        while str(typist.text) != expected and not reading.done() and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        async with YClient(congress.url()) as witness:
            await witness.wait_for_text(expected, timeout=15)
        assert ws.close_code is None, f"closed {ws.close_code}: {ws.close_reason}"
        await ws.close()
        await asyncio.gather(reading, return_exceptions=True)

        server.stop()
        store = SqlStore(Settings.from_env(server.env).database_url)
        await store.start()
        try:
            logged = await store.updates(room)
        finally:
            await store.stop()
        clocks: Counter[tuple[int, int]] = Counter()
        for update in logged:
            for client, (start, end) in inspect_update(update.data).ranges.items():
                clocks.update((client, clock) for clock in range(start, end))
        assert len(clocks) == len(expected), "every keystroke is in the log"
        assert set(clocks.values()) == {1}, "and only once"
    finally:
        if server.alive():
            server.stop()


async def test_a_gap_never_filled_is_refused_once_its_time_is_up(tmp_path: Path) -> None:
    server = ServerProcess(tmp_path / "data").start()
    try:
        congress = server.congress()
        url = f"{server.ws(congress.room('motion'))}?token={quote(congress.invite())}"
        typist = Typist()
        typist.type("abc")  # never sent: the next keystroke builds on what the server will never get
        ws = await websockets.connect(url, max_size=None, compression=None, open_timeout=5)
        await ws.send(encode_sync_step1(b"\x00"))  # claims an empty document: no catch-up to give
        for update in typist.type("d"):
            await ws.send(encode_update(update))
        deadline = time.monotonic() + 20
        while ws.close_code is None and time.monotonic() < deadline:
            try:
                await asyncio.wait_for(ws.recv(), 1)  # read and ignore (the server's step 1 is not answered)
            except TimeoutError:
                continue
            except websockets.ConnectionClosed:
                break
        assert ws.close_code == 1007, ws.close_reason
        assert "gap" in (ws.close_reason or "")
    finally:
        server.stop()
