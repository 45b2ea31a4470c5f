"""crdt.protocol: the y-websocket framing, byte for byte as the stock client writes it."""

from __future__ import annotations

import pytest
from pycrdt import Doc, create_sync_message, create_update_message

from crdt.protocol import (
    MAX_SAFE_INTEGER,
    AuthMessage,
    AwarenessMessage,
    ProtocolError,
    QueryAwarenessMessage,
    Reader,
    SyncMessage,
    SyncType,
    decode_message,
    decode_state_vector,
    encode_state_vector,
    encode_sync_step1,
    encode_update,
    encode_var_uint,
)


@pytest.mark.parametrize("value", [0, 1, 127, 128, 300, 2**32, MAX_SAFE_INTEGER])
def test_var_uint_round_trip(value: int) -> None:
    assert Reader(encode_var_uint(value)).read_var_uint() == value


def test_integers_javascript_cannot_hold_are_refused() -> None:
    with pytest.raises(ProtocolError, match="2\\*\\*53"):
        Reader(encode_var_uint(2**53)).read_var_uint()


def test_our_frames_match_pycrdts() -> None:
    doc: Doc = Doc()
    assert encode_sync_step1(doc.get_state()) == create_sync_message(doc)
    assert encode_update(b"\x01\x02") == create_update_message(b"\x01\x02")


def test_decode_each_message_kind() -> None:
    assert decode_message(b"\x00\x00\x01\x00") == SyncMessage(SyncType.STEP1, b"\x00")
    assert decode_message(b"\x00\x02\x02\x00\x00") == SyncMessage(SyncType.UPDATE, b"\x00\x00")
    assert decode_message(b"\x01\x01\x00") == AwarenessMessage(b"\x00")
    assert decode_message(b"\x03") == QueryAwarenessMessage()
    assert isinstance(decode_message(b"\x02\x00\x01x"), AuthMessage)


@pytest.mark.parametrize(
    "frame", [b"", b"\x07", b"\x00\x03\x00", b"\x00\x00\x05\x00", b"\x03\x00", b"\x00\x00"]
)
def test_malformed_frames_raise_protocol_error(frame: bytes) -> None:
    with pytest.raises(ProtocolError):
        decode_message(frame)


def test_state_vector_round_trip() -> None:
    clocks = {1: 5, 2**40: 7}
    assert decode_state_vector(encode_state_vector(clocks)) == clocks
    with pytest.raises(ProtocolError):
        decode_state_vector(b"\x05\x01")
