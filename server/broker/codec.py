"""Broker messages as bytes on the wire between processes."""

from __future__ import annotations

from crdt.protocol import ProtocolError, Reader, encode_var_bytes, encode_var_string, encode_var_uint
from server.broker.base import BrokerMessage, MessageKind

VERSION = 1  # first byte; a process refuses what a newer version publishes instead of misreading it


def encode_message(message: BrokerMessage) -> bytes:
    return b"".join(
        (
            bytes((VERSION,)),
            encode_var_string(message.kind.value),
            encode_var_string(message.room),
            encode_var_string(message.node),
            encode_var_string(message.author),
            encode_var_string(message.target),
            encode_var_uint(message.seq),
            encode_var_bytes(message.payload),
        )
    )


def decode_message(data: bytes) -> BrokerMessage:
    """Raise ProtocolError for anything but one message this version writes."""
    reader = Reader(data)
    version = reader.read_uint8()
    if version != VERSION:
        raise ProtocolError(f"broker message version {version}, expected {VERSION}")
    try:
        kind = MessageKind(reader.read_var_string())
    except ValueError as exc:
        raise ProtocolError(f"unknown broker message kind: {exc}") from exc
    room = reader.read_var_string()
    node = reader.read_var_string()
    author = reader.read_var_string()
    target = reader.read_var_string()
    seq = reader.read_var_uint()
    payload = reader.read_var_bytes()
    reader.expect_end()
    return BrokerMessage(room, kind, payload, node, author, target, seq)
