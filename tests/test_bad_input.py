"""Every bad frame closes its sender with a clear code; the room and the process carry on."""

from __future__ import annotations

import asyncio
import urllib.request
from collections.abc import Awaitable, Callable

import pytest
import websockets
from pycrdt import Map

from crdt.awareness import encode_entry, join_entries
from crdt.protocol import (
    decode_state_vector,
    encode_awareness,
    encode_query_awareness,
    encode_update,
    encode_var_uint,
)
from tests.support.congress import Congress
from tests.support.hostile import (
    HALF_APPLIED_CLIENT,
    HALF_APPLIED_UPDATE,
    map_updates,
    nested_value_update,
    text_updates,
)
from tests.support.server import ServerProcess
from tests.support.yclient import YClient

pytestmark = pytest.mark.anyio


async def _assert_room_carries_on(server: ServerProcess, congress: Congress, witness: YClient) -> None:
    """Another client still edits and converges, and the server still answers."""
    async with YClient(congress.url()) as other:
        await other.wait_for_text(str(witness.text))
        other.text += " suite"
        await witness.wait_for_text(str(other.text))
    assert server.alive()
    with urllib.request.urlopen(server.http + "/healthz", timeout=2) as response:
        assert response.status == 200


async def _expect_close(
    congress: Congress, attack: Callable[[YClient], Awaitable[object]], code: int, timeout: float = 5.0
) -> YClient:
    witness = await YClient(congress.url()).connect()
    witness.text += "Texte commun"
    attacker = await YClient(congress.url()).connect()
    await attacker.wait_for_text("Texte commun")
    await attack(attacker)
    assert await attacker.wait_closed(timeout) == code, attacker.close_reason
    await _assert_room_carries_on(congress.server, congress, witness)
    await witness.close()
    return attacker


async def test_text_frame_is_refused_with_1003(congress: Congress) -> None:
    attacker = await _expect_close(congress, lambda c: c.send_raw("hello"), 1003)
    assert "text frames" in attacker.close_reason


@pytest.mark.parametrize(
    "frame",
    [b"\x09", b"\x00\x07\x00", b"\x00\x02\x05ab", b"\x01\x05\x00", b"\x03\x00", b""],
    ids=["unknown-type", "unknown-sync-type", "truncated", "truncated-awareness", "trailing", "empty"],
)
async def test_malformed_messages_are_refused_with_1007(congress: Congress, frame: bytes) -> None:
    await _expect_close(congress, lambda c: c.send_raw(frame), 1007)


async def test_garbage_update_is_refused_with_1007(congress: Congress) -> None:
    await _expect_close(congress, lambda c: c.send_raw(encode_update(b"\x01\x01\x01\x00\x1f")), 1007)


async def test_deeply_nested_update_is_refused_before_it_can_crash_the_process(congress: Congress) -> None:
    bomb = encode_update(nested_value_update(30_000))
    attacker = await _expect_close(congress, lambda c: c.send_raw(bomb), 1008)
    assert "deep" in attacker.close_reason


async def test_clock_gap_is_refused_and_never_applied(congress: Congress) -> None:
    _, updates = map_updates(["a", "b", "c"])

    async def attack(client: YClient) -> None:
        await client.send_raw(encode_update(updates[0]))
        await client.send_raw(encode_update(updates[2]))

    # Held first, as Yjs keeps a pending update (server/realtime/held.py): refused once its time is up.
    attacker = await _expect_close(congress, attack, 1007, timeout=20)
    assert "gap" in attacker.close_reason
    async with YClient(congress.url()) as reader:
        assert reader.doc.get("m", type=Map).to_py() == {"a": "a"}


async def test_missing_dependency_is_refused(congress: Congress) -> None:
    _, updates = text_updates(["a", "b"])
    await _expect_close(congress, lambda c: c.send_raw(encode_update(updates[1])), 1007, timeout=20)


async def test_update_that_pycrdt_half_applies_is_rolled_back(congress: Congress) -> None:
    await _expect_close(congress, lambda c: c.send_raw(encode_update(HALF_APPLIED_UPDATE)), 1007)
    async with YClient(congress.url()) as reader:
        assert str(reader.text) == "Texte commun suite"
        assert HALF_APPLIED_CLIENT not in decode_state_vector(reader.doc.get_state())  # nothing of it
    congress.server.stop()
    congress.server.start()
    async with YClient(congress.url()) as reader:
        assert str(reader.text) == "Texte commun suite"


async def test_invalid_awareness_state_is_refused(congress: Congress) -> None:
    async def attack(client: YClient) -> None:
        entry = encode_entry(client.doc.client_id, 1, "{not json")
        await client.send_raw(encode_awareness(join_entries([entry])))

    await _expect_close(congress, attack, 1007)


async def test_oversized_message_is_refused_with_1009(congress: Congress) -> None:
    huge = b"\x00\x02" + encode_var_uint(5_000_000) + b"\x00" * 5_000_000
    await _expect_close(congress, lambda c: c.send_raw(huge), 1009)


async def test_message_flood_is_refused_with_1008(congress: Congress) -> None:
    async def flood(client: YClient) -> None:
        for _ in range(1000):
            if not await client.send_raw(encode_query_awareness()):
                return

    attacker = await _expect_close(congress, flood, 1008)
    assert "too many" in attacker.close_reason


@pytest.mark.parametrize("name", ["bad%20name", "a" * 101, "-dash-first", "%C3%A9t%C3%A9"])
async def test_invalid_room_name_is_refused_before_the_upgrade(server: ServerProcess, name: str) -> None:
    with pytest.raises(websockets.InvalidStatus) as refused:
        await websockets.connect(server.ws(name))
    assert refused.value.response.status_code == 400
    assert server.alive()


async def test_many_bad_clients_do_not_disturb_a_writing_pair(congress: Congress) -> None:
    tokens = congress.invite_many(10)
    async with YClient(congress.url()) as alice, YClient(congress.url()) as bob:

        async def attacker(number: int) -> None:
            client = await YClient(congress.url(token=tokens[number])).connect()
            await client.send_raw(encode_update(nested_value_update(1000 + number)))
            await client.wait_closed()

        typing = asyncio.gather(*(_type(alice, f"a{i} ") for i in range(30)))
        await asyncio.gather(typing, *(attacker(n) for n in range(10)))
        await bob.wait_for_text(str(alice.text))
        assert str(alice.text).count("a") == 30


async def _type(client: YClient, piece: str) -> None:
    client.text += piece
    await asyncio.sleep(0.005)
