"""A minimal WebSocket client on asyncio.Protocol, cheap enough to hold hundreds of receivers in one process.

The `websockets` library spends tens of microseconds per received frame (its
assembler, futures, a task per connection); at 500 receivers and tens of
thousands of frames a second the load generator, not the server, would be
measured. This client does only what the benchmark needs: the HTTP upgrade,
unmasked server frames in, masked client frames out, pong and close. Each
frame is timestamped once, when its bytes reach the process, and handed to
`on_binary` untouched; decoding happens after the run.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import hashlib
import os
import random
import struct
import time
from collections.abc import Callable
from typing import Any, cast
from urllib.parse import quote

from pycrdt import Doc, Text, TransactionEvent

from crdt.awareness import encode_entry, join_entries
from crdt.protocol import decode_message, encode_awareness, encode_sync_step1, encode_update

_GUID = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
OP_CONT, OP_TEXT, OP_BINARY, OP_CLOSE, OP_PING, OP_PONG = 0x0, 0x1, 0x2, 0x8, 0x9, 0xA


class HandshakeFailed(ConnectionError):
    """The server did not switch protocols."""


def mask_payload(payload: bytes, key: bytes) -> bytes:
    """XOR with the 4-byte key (RFC 6455 §5.3), one big-integer operation instead of a byte loop."""
    n = len(payload)
    if n == 0:
        return payload
    stream = (key * (n // 4 + 1))[:n]
    return (int.from_bytes(payload, "little") ^ int.from_bytes(stream, "little")).to_bytes(n, "little")


def encode_frame(payload: bytes, opcode: int = OP_BINARY) -> bytes:
    """One final client frame; clients must mask every frame they send."""
    n = len(payload)
    if n < 126:
        header = struct.pack("!BB", 0x80 | opcode, 0x80 | n)
    elif n < 65536:
        header = struct.pack("!BBH", 0x80 | opcode, 0x80 | 126, n)
    else:
        header = struct.pack("!BBQ", 0x80 | opcode, 0x80 | 127, n)
    key = os.urandom(4)
    return header + key + mask_payload(payload, key)


class WsClient(asyncio.Protocol):
    """One WebSocket. Subclasses override `on_binary(payload, received_at)`."""

    def __init__(self, host: str, port: int, path: str) -> None:
        self.host, self.port, self.path = host, port, path
        self.transport: asyncio.Transport | None = None
        self._key = base64.b64encode(os.urandom(16))
        self._handshaking = True
        self._buf = bytearray()
        self._need = 2  # bytes the buffer must hold before parsing is worth trying again
        self._fragments: list[bytes] = []
        self._fragment_opcode = 0
        self.opened: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self.closed: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self.close_code: int | None = None  # as received from the server (1005 if none given)
        self.close_reason = ""
        self.bytes_received = 0
        self.errors: list[str] = []

    # -- what subclasses see -----------------------------------------------------------

    def on_binary(self, payload: bytes, received_at: float) -> None:
        """A complete binary message, stamped with time.perf_counter() of its arrival."""

    # -- sending -------------------------------------------------------------------------

    def send(self, payload: bytes) -> None:
        if self.transport is not None and not self.transport.is_closing():
            self.transport.write(encode_frame(payload))

    def send_raw(self, frame: bytes) -> None:
        """A frame already built by encode_frame (lets callers time the write alone)."""
        if self.transport is not None and not self.transport.is_closing():
            self.transport.write(frame)

    async def close(self, code: int = 1000, timeout: float = 2.0) -> None:
        """Send a close frame, wait for the server's answer, then drop the TCP connection."""
        if self.transport is None:
            return
        if not self.closed.done() and not self.transport.is_closing():
            self.transport.write(encode_frame(struct.pack("!H", code), OP_CLOSE))
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(asyncio.shield(self.closed), timeout)
        self.transport.close()

    # -- asyncio.Protocol ----------------------------------------------------------------

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = cast(asyncio.Transport, transport)  # uvloop's transports are not subclasses
        request = (
            f"GET {self.path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n"
            "Upgrade: websocket\r\nConnection: Upgrade\r\n"
            f"Sec-WebSocket-Key: {self._key.decode()}\r\nSec-WebSocket-Version: 13\r\n\r\n"
        )
        self.transport.write(request.encode())

    def connection_lost(self, exc: Exception | None) -> None:
        if not self.opened.done():
            self.opened.set_exception(HandshakeFailed(f"connection lost during handshake: {exc}"))
        if not self.closed.done():
            if self.close_code is None:
                self.close_code = 1006  # abnormal: no close frame
            self.closed.set_result(None)

    def data_received(self, data: bytes) -> None:
        received_at = time.perf_counter()
        self.bytes_received += len(data)
        if self._handshaking:
            self._buf += data
            if not self._finish_handshake():
                return
            data = bytes(self._buf)
            self._buf.clear()
        elif self._buf:
            self._buf += data
            if len(self._buf) < self._need:
                return  # a large message still arriving: do not rescan it chunk by chunk
            data = bytes(self._buf)
            self._buf.clear()
        self._parse(data, received_at)

    def _finish_handshake(self) -> bool:
        end = self._buf.find(b"\r\n\r\n")
        if end < 0:
            return False
        head = bytes(self._buf[:end]).decode("latin-1")
        del self._buf[: end + 4]
        self._handshaking = False
        expected = base64.b64encode(hashlib.sha1(self._key + _GUID).digest()).decode()
        status = head.split("\r\n", 1)[0]
        if " 101 " not in status + " " or expected not in head:
            self.opened.set_exception(HandshakeFailed(status))
            assert self.transport is not None
            self.transport.close()
            return False
        self.opened.set_result(None)
        return True

    def _parse(self, data: bytes, received_at: float) -> None:
        """Hand over every complete frame in `data`; keep the incomplete tail for later."""
        pos, n = 0, len(data)
        need = 2
        while n - pos >= 2:
            b0, b1 = data[pos], data[pos + 1]
            length, header = b1 & 0x7F, 2
            if length == 126:
                header = 4
                if n - pos < header:
                    need = header
                    break
                length = int.from_bytes(data[pos + 2 : pos + 4], "big")
            elif length == 127:
                header = 10
                if n - pos < header:
                    need = header
                    break
                length = int.from_bytes(data[pos + 2 : pos + 10], "big")
            end = pos + header + length
            if end > n:
                need = end - pos
                break
            if b1 & 0x80:
                self.errors.append("server sent a masked frame")
            payload = data[pos + header : end]
            pos = end
            opcode = b0 & 0x0F
            if opcode == OP_BINARY and b0 & 0x80:
                self.on_binary(payload, received_at)
            else:
                self._other_frame(b0 & 0x80, opcode, payload, received_at)
        if pos < n:
            self._buf += data[pos:]
        self._need = need

    def _other_frame(self, fin: int, opcode: int, payload: bytes, received_at: float) -> None:
        if opcode == OP_PING:
            self.send_raw(encode_frame(payload, OP_PONG))
        elif opcode == OP_PONG:
            pass
        elif opcode == OP_CLOSE:
            self.close_code = int.from_bytes(payload[:2], "big") if len(payload) >= 2 else 1005
            self.close_reason = payload[2:].decode("utf-8", "replace")
            if self.transport is not None and not self.transport.is_closing():
                self.transport.write(encode_frame(payload[:2], OP_CLOSE))
                self.transport.close()
            if not self.closed.done():
                self.closed.set_result(None)
        elif opcode in (OP_BINARY, OP_TEXT):  # first fragment of a fragmented message
            self._fragment_opcode, self._fragments = opcode, [payload]
        elif opcode == OP_CONT:
            self._fragments.append(payload)
            if fin:
                whole, self._fragments = b"".join(self._fragments), []
                if self._fragment_opcode == OP_BINARY:
                    self.on_binary(whole, received_at)
                else:
                    self.errors.append("text message received")
        else:
            self.errors.append(f"unknown opcode {opcode}")


async def connect(factory: Callable[[], WsClient], host: str, port: int, timeout: float = 10.0) -> WsClient:
    """Open the TCP connection and wait for the upgrade; the client is ready to send."""
    loop = asyncio.get_running_loop()
    _, client = await loop.create_connection(factory, host, port)
    await asyncio.wait_for(asyncio.shield(client.opened), timeout)
    return client


# -- the benchmark's room clients -----------------------------------------------------------

SYNC, STEP1, STEP2, UPDATE = 0, 0, 1, 2


class Activity:
    """Shared by all clients of a run: when the last update frame arrived anywhere."""

    __slots__ = ("last_update_at",)

    def __init__(self) -> None:
        self.last_update_at = 0.0


class Receiver(WsClient):
    """A light connection: keeps (arrival time, raw message) of each sync step 2 and update.

    No decoding and no document here: at 500 receivers that would cost the load
    generator more than the server. All receivers of one run get the very same
    merged frames, so the messages are decoded once per distinct sequence after
    the run, and latency is computed from the arrival times kept here.
    """

    def __init__(
        self, host: str, port: int, room: str, activity: Activity, process: int = 0, token: str = ""
    ) -> None:
        # The closed door: every connection shows an invitation token, as scripts and bots do.
        super().__init__(host, port, f"/ws/{room}?token={quote(token)}" if token else f"/ws/{room}")
        self.activity = activity
        self.process = process  # which server process it is connected to (--processes 2)
        self.frames: list[tuple[float, bytes]] = []
        self.other_messages = 0  # awareness, keepalives, the server's sync step 1
        self.messages = 0  # every message received, whatever its kind
        self.synced: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        self.presence_id = random.getrandbits(31) + 1  # this connection's awareness client id
        self.presence_clock = 0

    def send_presence(self) -> None:
        """Announce this connection's presence again (a moved cursor), as a browser does."""
        self.presence_clock += 1
        state = f'{{"user":{{"name":"bench {self.presence_id}"}},"cursor":{self.presence_clock}}}'
        entry = encode_entry(self.presence_id, self.presence_clock, state)
        self.send(encode_awareness(join_entries([entry])))

    def on_binary(self, payload: bytes, received_at: float) -> None:
        self.messages += 1
        if len(payload) > 1 and payload[0] == SYNC:
            kind = payload[1]
            if kind == UPDATE:
                self.frames.append((received_at, payload))
                self.activity.last_update_at = received_at
                return
            if kind == STEP2:
                self.frames.append((received_at, payload))
                if not self.synced.done():
                    self.synced.set_result(received_at)
                return
        self.other_messages += 1

    def request_sync(self, state_vector: bytes = b"\x00") -> None:
        """Sync step 1; the default is the empty state vector (we hold nothing)."""
        self.send(encode_sync_step1(state_vector))

    @property
    def closed_by_server(self) -> bool:
        return self.closed.done()


class Writer(Receiver):
    """A real client: a pycrdt document, one transaction and one update message per keystroke."""

    def __init__(
        self, host: str, port: int, room: str, activity: Activity, process: int = 0, token: str = ""
    ) -> None:
        super().__init__(host, port, room, activity, process, token)
        self.doc: Doc[Any] = Doc()
        self.text = self.doc.get("text", type=Text)
        # send_times[c] is when the keystroke with Yjs clock c left: one ASCII character is one clock.
        self.send_times: list[float] = []
        self._typing = False
        self._typed: bytes | None = None
        self._subscription = self.doc.observe(self._on_transaction)

    @property
    def client_id(self) -> int:
        return int(self.doc.client_id)

    def request_sync(self, state_vector: bytes | None = None) -> None:
        super().request_sync(self.doc.get_state() if state_vector is None else state_vector)

    def _on_transaction(self, event: TransactionEvent) -> None:
        if self._typing:  # remote updates applied below must not be sent back
            self._typed = event.update

    def on_binary(self, payload: bytes, received_at: float) -> None:
        super().on_binary(payload, received_at)
        if len(payload) > 1 and payload[0] == SYNC and payload[1] in (STEP2, UPDATE):
            try:
                self.doc.apply_update(decode_message(payload).payload)  # type: ignore[union-attr]
            except Exception as exc:
                self.errors.append(f"could not apply a received update: {exc}")

    def type_key(self, char: str) -> None:
        """One keystroke at the end of the text: its own transaction, update and frame."""
        self._typing = True
        try:
            self.text += char
        finally:
            self._typing = False
        update, self._typed = self._typed, None
        assert update is not None
        frame = encode_frame(encode_update(update))
        self.send_times.append(time.perf_counter())
        self.send_raw(frame)
