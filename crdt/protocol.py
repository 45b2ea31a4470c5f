"""The y-websocket wire format: lib0 variable-length integers and the sync/awareness messages.

One WebSocket binary message carries exactly one protocol message (the stock
`y-websocket` client reads one message per frame), laid out as:

    varUint message_type  (0 sync, 1 awareness, 2 auth, 3 query awareness)
    sync:       varUint sync_type (0 step 1, 1 step 2, 2 update), varUint8Array payload
    awareness:  varUint8Array awareness_update
    auth:       varUint auth_type, ... (ignored by servers)
    query:      nothing

Every decoder here treats its input as untrusted and raises `ProtocolError` on
anything malformed, truncated or carrying trailing bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

# Values travel to JavaScript clients, whose numbers are exact only up to 2**53.
MAX_SAFE_INTEGER = 2**53 - 1


class ProtocolError(ValueError):
    """The bytes do not form a valid y-websocket message."""


class MessageType(IntEnum):
    SYNC = 0
    AWARENESS = 1
    AUTH = 2
    QUERY_AWARENESS = 3


class SyncType(IntEnum):
    STEP1 = 0
    STEP2 = 1
    UPDATE = 2


class Reader:
    """A cursor over bytes with lib0's decoders."""

    __slots__ = ("data", "pos")

    def __init__(self, data: bytes, pos: int = 0) -> None:
        self.data = data
        self.pos = pos

    @property
    def remaining(self) -> int:
        return len(self.data) - self.pos

    def read_uint8(self) -> int:
        if self.pos >= len(self.data):
            raise ProtocolError("unexpected end of data")
        value = self.data[self.pos]
        self.pos += 1
        return value

    def read_var_uint(self) -> int:
        data, pos, end = self.data, self.pos, len(self.data)
        value = 0
        shift = 0
        while True:
            if pos >= end:
                raise ProtocolError("unexpected end of data in a variable-length integer")
            byte = data[pos]
            pos += 1
            value |= (byte & 0x7F) << shift
            if byte < 0x80:
                break
            shift += 7
            if shift > 63:
                raise ProtocolError("variable-length integer is too long")
        self.pos = pos
        if value > MAX_SAFE_INTEGER:
            raise ProtocolError("integer exceeds 2**53-1, which JavaScript peers cannot represent")
        return value

    def read_var_int(self) -> int:
        """lib0's signed varInt: sign in bit 6 of the first byte."""
        first = self.read_uint8()
        negative = bool(first & 0x40)
        value = first & 0x3F
        shift = 6
        more = first & 0x80
        while more:
            byte = self.read_uint8()
            value |= (byte & 0x7F) << shift
            shift += 7
            more = byte & 0x80
            if shift > 70:
                raise ProtocolError("variable-length integer is too long")
        return -value if negative else value

    def read_bytes(self, length: int) -> bytes:
        end = self.pos + length
        if end > len(self.data):
            raise ProtocolError("length runs past the end of the data")
        chunk = self.data[self.pos : end]
        self.pos = end
        return chunk

    def skip(self, length: int) -> None:
        end = self.pos + length
        if end > len(self.data):
            raise ProtocolError("length runs past the end of the data")
        self.pos = end

    def read_var_bytes(self) -> bytes:
        return self.read_bytes(self.read_var_uint())

    def read_var_string(self) -> str:
        raw = self.read_var_bytes()
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ProtocolError("string is not valid UTF-8") from exc

    def skip_var_bytes(self) -> None:
        self.skip(self.read_var_uint())

    def expect_end(self) -> None:
        if self.pos != len(self.data):
            raise ProtocolError(f"{len(self.data) - self.pos} unexpected trailing bytes")


def encode_var_uint(value: int) -> bytes:
    if value < 0:
        raise ValueError("negative value")
    out = bytearray()
    while value > 0x7F:
        out.append(0x80 | (value & 0x7F))
        value >>= 7
    out.append(value)
    return bytes(out)


def encode_var_bytes(payload: bytes) -> bytes:
    return encode_var_uint(len(payload)) + payload


def encode_var_string(text: str) -> bytes:
    return encode_var_bytes(text.encode("utf-8"))


@dataclass(frozen=True, slots=True)
class SyncMessage:
    sync_type: SyncType
    payload: bytes  # a state vector for step 1, an update for step 2 and update


@dataclass(frozen=True, slots=True)
class AwarenessMessage:
    update: bytes


@dataclass(frozen=True, slots=True)
class AuthMessage:
    """Sent by servers to deny permission; a client's auth message carries nothing we use."""

    payload: bytes


@dataclass(frozen=True, slots=True)
class QueryAwarenessMessage:
    pass


Message = SyncMessage | AwarenessMessage | AuthMessage | QueryAwarenessMessage


def decode_message(data: bytes) -> Message:
    """Decode one y-websocket message, rejecting anything not exactly one well-formed message."""
    reader = Reader(data)
    kind = reader.read_var_uint()
    message: Message
    if kind == MessageType.SYNC:
        sync_type = reader.read_var_uint()
        if sync_type not in (SyncType.STEP1, SyncType.STEP2, SyncType.UPDATE):
            raise ProtocolError(f"unknown sync message type {sync_type}")
        message = SyncMessage(SyncType(sync_type), reader.read_var_bytes())
    elif kind == MessageType.AWARENESS:
        message = AwarenessMessage(reader.read_var_bytes())
    elif kind == MessageType.AUTH:
        message = AuthMessage(data[reader.pos :])
        reader.pos = len(data)
    elif kind == MessageType.QUERY_AWARENESS:
        message = QueryAwarenessMessage()
    else:
        raise ProtocolError(f"unknown message type {kind}")
    reader.expect_end()
    return message


def encode_sync_step1(state_vector: bytes) -> bytes:
    return bytes((MessageType.SYNC, SyncType.STEP1)) + encode_var_bytes(state_vector)


def encode_sync_step2(update: bytes) -> bytes:
    return bytes((MessageType.SYNC, SyncType.STEP2)) + encode_var_bytes(update)


def encode_update(update: bytes) -> bytes:
    return bytes((MessageType.SYNC, SyncType.UPDATE)) + encode_var_bytes(update)


def encode_awareness(awareness_update: bytes) -> bytes:
    return bytes((MessageType.AWARENESS,)) + encode_var_bytes(awareness_update)


def encode_query_awareness() -> bytes:
    return bytes((MessageType.QUERY_AWARENESS,))


def encode_permission_denied(reason: str) -> bytes:
    """y-protocols' auth message "permission denied" (auth type 0) with a reason string: the stock
    client only logs it; ours (static/src/provider.js) turns the page read-only and says why."""
    return bytes((MessageType.AUTH, 0)) + encode_var_string(reason)


def encode_permission_granted(reason: str) -> bytes:
    """The auth message with type 1, which y-protocols does not define: a socket that was told it was
    read-only may write again (pen mode off, issue 15). The stock client ignores an auth type it does
    not know; ours (static/src/provider.js) takes it as "writable"."""
    return bytes((MessageType.AUTH, 1)) + encode_var_string(reason)


def decode_state_vector(state_vector: bytes) -> dict[int, int]:
    """A Yjs state vector: varUint count, then (client, clock) pairs."""
    reader = Reader(state_vector)
    count = reader.read_var_uint()
    if count > reader.remaining:  # each entry takes at least two bytes
        raise ProtocolError("state vector announces more entries than it holds")
    clocks: dict[int, int] = {}
    for _ in range(count):
        client = reader.read_var_uint()
        clocks[client] = reader.read_var_uint()
    reader.expect_end()
    return clocks


def encode_state_vector(clocks: dict[int, int]) -> bytes:
    parts = [encode_var_uint(len(clocks))]
    for client, clock in clocks.items():
        parts.append(encode_var_uint(client))
        parts.append(encode_var_uint(clock))
    return b"".join(parts)
