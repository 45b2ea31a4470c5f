"""A y-websocket client on pycrdt for the tests: one document, its text, its presence."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import websockets
from pycrdt import Doc, Text

from crdt.awareness import decode_awareness_update, encode_entry, join_entries
from crdt.protocol import (
    AuthMessage,
    AwarenessMessage,
    Reader,
    SyncMessage,
    SyncType,
    decode_message,
    encode_awareness,
    encode_sync_step1,
    encode_sync_step2,
    encode_update,
)


class NotSynced(ConnectionError):
    """The server closed the connection before the initial sync."""


class YClient:
    """Speaks the protocol the way the stock client does, but never re-sends others' presence."""

    def __init__(
        self,
        url: str,
        *,
        text_name: str = "text",
        origin: str | None = None,
        cookie: str | None = None,
        failover: list[str] | None = None,
    ) -> None:
        """With `failover`, a lost connection is re-opened on the next of `[url, *failover]` that answers."""
        self.url = url
        self.origin = origin
        self.cookie = cookie
        self.urls = [url, *(failover or [])]
        self.redials = failover is not None
        self.reconnects = 0
        self._closing = False
        self._presence: dict[str, Any] | None = None
        self._redial: asyncio.Task[None] | None = None
        self.doc: Doc[Any] = Doc()
        self.text = self.doc.get(text_name, type=Text)
        self.synced = asyncio.Event()
        self.peers: dict[int, Any] = {}
        self.received_frames = 0
        self.auth: list[tuple[int, str]] = []  # the auth messages received: (type, reason)
        self.close_code: int | None = None
        self.close_reason = ""
        self._ws: Any = None
        self._reader: asyncio.Task[None] | None = None
        self._remote = False
        self._presence_clock = 0
        self.doc.observe(self._on_local_change)

    async def open(self) -> YClient:
        """Open the socket and start reading, without waiting for the sync (a refused client never syncs)."""
        await self._open(self.url)
        return self

    async def connect(self, timeout: float = 10.0) -> YClient:
        await self.open()
        assert self._reader is not None
        synced = asyncio.create_task(self.synced.wait())
        await asyncio.wait({synced, self._reader}, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
        synced.cancel()
        if not self.synced.is_set():
            if self._reader.done():
                raise NotSynced(f"closed before sync: {self.close_code} {self.close_reason}")
            raise TimeoutError("no sync step 2 from the server")
        return self

    async def _open(self, url: str) -> None:
        self.synced.clear()
        headers = {"Cookie": f"ubiquite_session={self.cookie}"} if self.cookie else None
        self._ws = await websockets.connect(
            url,
            max_size=None,
            compression=None,
            open_timeout=5,
            origin=self.origin,  # type: ignore[arg-type]
            additional_headers=headers,
        )
        self.url = url
        self._reader = asyncio.create_task(self._read())
        # As the stock client: our state vector (the server answers with what we lack and
        # asks for what it lacks, which is how edits made while away reach it), then who we are.
        # The server may already have closed a refused connection.
        await self.send_raw(encode_sync_step1(self.doc.get_state()))
        if self._presence is not None:
            await self.set_presence(self._presence)

    async def _redial_forever(self) -> None:
        attempt = self.urls.index(self.url) if self.url in self.urls else 0
        while not self._closing:
            attempt += 1
            try:
                await self._open(self.urls[attempt % len(self.urls)])
            except (OSError, TimeoutError, websockets.InvalidHandshake, websockets.ConnectionClosed):
                await asyncio.sleep(0.1)
                continue
            self.reconnects += 1
            return

    async def __aenter__(self) -> YClient:
        return await self.connect()

    async def __aexit__(self, *_exc: object) -> None:
        await self.close()

    async def close(self) -> None:
        self._closing = True
        if self._redial is not None:
            self._redial.cancel()
            await asyncio.gather(self._redial, return_exceptions=True)
        if self._ws is not None:
            await self._ws.close()
        if self._reader is not None:
            await asyncio.gather(self._reader, return_exceptions=True)

    async def send_raw(self, frame: bytes | str) -> bool:
        """Send any frame; False if the server had already closed the connection."""
        try:
            await self._ws.send(frame)
        except websockets.ConnectionClosed:
            return False
        return True

    async def set_presence(self, state: dict[str, Any] | None) -> None:
        self._presence = state
        self._presence_clock += 1
        entry = encode_entry(self.doc.client_id, self._presence_clock, json.dumps(state))
        await self._ws.send(encode_awareness(join_entries([entry])))

    async def wait_closed(self, timeout: float = 5.0) -> int | None:
        assert self._reader is not None
        await asyncio.wait_for(asyncio.shield(self._reader), timeout)
        return self.close_code

    async def wait_for_text(self, expected: str, timeout: float = 10.0) -> None:
        async def poll() -> None:
            while str(self.text) != expected:
                await asyncio.sleep(0.01)

        try:
            await asyncio.wait_for(poll(), timeout)
        except TimeoutError:
            raise AssertionError(f"text is {str(self.text)!r}, expected {expected!r}") from None

    async def wait_for(self, predicate: Any, timeout: float = 10.0) -> None:
        async def poll() -> None:
            while not predicate():
                await asyncio.sleep(0.01)

        await asyncio.wait_for(poll(), timeout)

    def _on_local_change(self, event: Any) -> None:
        if self._remote or self._ws is None:
            return
        asyncio.get_running_loop().create_task(self.send_raw(encode_update(event.update)))

    def _apply(self, update: bytes) -> None:
        self._remote = True
        try:
            self.doc.apply_update(update)
        finally:
            self._remote = False

    async def _read(self) -> None:
        try:
            async for frame in self._ws:
                self.received_frames += 1
                message = decode_message(frame)
                if isinstance(message, SyncMessage):
                    if message.sync_type is SyncType.STEP1:
                        await self._ws.send(encode_sync_step2(self.doc.get_update(message.payload)))
                    else:
                        self._apply(message.payload)
                        if message.sync_type is SyncType.STEP2:
                            self.synced.set()
                elif isinstance(message, AuthMessage):
                    reader = Reader(message.payload)
                    self.auth.append((reader.read_var_uint(), reader.read_var_string()))
                elif isinstance(message, AwarenessMessage):
                    for entry in decode_awareness_update(message.update):
                        if entry.client_id == self.doc.client_id:
                            continue
                        if entry.state == "null":
                            self.peers.pop(entry.client_id, None)
                        else:
                            self.peers[entry.client_id] = json.loads(entry.state)
        except websockets.ConnectionClosed:
            pass
        finally:
            if self._ws.close_code is not None:
                self.close_code = self._ws.close_code
                self.close_reason = self._ws.close_reason or ""
            if self.redials and not self._closing:
                self._redial = asyncio.get_running_loop().create_task(self._redial_forever())
