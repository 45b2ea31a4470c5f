"""The broker contract, run against the in-process broker and a real Redis; then Redis going away."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable

import pytest

from crdt.protocol import ProtocolError
from server.broker.base import Broker, BrokerMessage, BrokerUnavailable, MessageKind
from server.broker.codec import decode_message, encode_message
from server.broker.memory import MemoryBroker, MemoryHub
from server.broker.redis import RedisBroker
from tests.support.redis_server import RedisServer

pytestmark = pytest.mark.anyio


async def _eventually(predicate: Callable[[], bool], timeout: float = 10.0) -> None:
    async def poll() -> None:
        while not predicate():
            await asyncio.sleep(0.02)

    await asyncio.wait_for(poll(), timeout)


@pytest.fixture(params=["memory", "redis"])
async def pair(request: pytest.FixtureRequest) -> AsyncIterator[tuple[Broker, Broker]]:
    """Two brokers standing for two processes."""
    brokers: tuple[Broker, Broker]
    if request.param == "memory":
        hub = MemoryHub()
        brokers = (MemoryBroker(hub, "a"), MemoryBroker(hub, "b"))
    else:
        redis: RedisServer = request.getfixturevalue("redis_server")
        brokers = (RedisBroker(redis.url, "a"), RedisBroker(redis.url, "b"))
    for broker in brokers:
        await broker.start()
    await _eventually(lambda: all(b.connected for b in brokers))
    yield brokers
    for broker in brokers:
        await broker.stop()


def _update(room: str, payload: bytes, node: str = "a") -> BrokerMessage:
    return BrokerMessage(room, MessageKind.UPDATE, payload, node, "author", seq=len(payload))


async def test_a_room_message_reaches_the_other_process_only(pair: tuple[Broker, Broker]) -> None:
    a, b = pair
    got_a: list[BrokerMessage] = []
    got_b: list[BrokerMessage] = []
    elsewhere: list[BrokerMessage] = []
    await a.subscribe("motion", got_a.append)
    await b.subscribe("motion", got_b.append)
    await b.subscribe("mindmap", elsewhere.append)
    a.publish(_update("motion", b"\x01\x02"))
    await _eventually(lambda: len(got_b) == 1)
    await asyncio.sleep(0.1)
    assert got_b == [_update("motion", b"\x01\x02")]
    assert got_a == [] and elsewhere == []


async def test_messages_arrive_in_the_order_published(pair: tuple[Broker, Broker]) -> None:
    a, b = pair
    got: list[BrokerMessage] = []
    await b.subscribe("motion", got.append)
    for i in range(500):
        a.publish(_update("motion", i.to_bytes(2, "big")))
    await _eventually(lambda: len(got) == 500)
    assert [int.from_bytes(m.payload, "big") for m in got] == list(range(500))


async def test_after_unsubscribe_nothing_more_arrives(pair: tuple[Broker, Broker]) -> None:
    a, b = pair
    got: list[BrokerMessage] = []
    await b.subscribe("motion", got.append)
    await b.unsubscribe("motion")
    a.publish(_update("motion", b"\x01"))
    await asyncio.sleep(0.3)
    assert got == []


async def test_exactly_one_process_wins_a_claim(pair: tuple[Broker, Broker]) -> None:
    a, b = pair
    results = await asyncio.gather(a.claim("adopt:x", 30), b.claim("adopt:x", 30))
    assert sorted(results) == [False, True]
    await a.ping()


async def test_a_claim_is_renewed_by_its_holder_only_and_lapses(pair: tuple[Broker, Broker]) -> None:
    a, b = pair
    assert await a.claim("adopt:y", 0.5)
    assert await a.claim("adopt:y", 0.5)  # the holder renews it
    assert not await b.claim("adopt:y", 0.5)
    await asyncio.sleep(0.7)
    assert await b.claim("adopt:y", 30)  # lapsed: its holder stopped renewing
    assert not await a.claim("adopt:y", 30)


async def test_each_process_shares_one_entry_per_key_and_reads_the_others(
    pair: tuple[Broker, Broker],
) -> None:
    a, b = pair
    await a.share("presence:1", b"people of a", 30)
    await b.share("presence:1", b"people of b", 30)
    await b.share("presence:2", b"elsewhere", 30)
    assert await a.shared("presence:1") == {"b": b"people of b"}  # not its own
    assert await b.shared("presence:1") == {"a": b"people of a"}
    await a.share("presence:1", b"a, later", 30)  # a write replaces the process's entry
    assert await b.shared("presence:1") == {"a": b"a, later"}
    await b.share("presence:1", None, 30)  # removed at once
    assert await a.shared("presence:1") == {}
    assert await b.shared("presence:1") == {"a": b"a, later"}
    assert await a.shared("presence:2") == {"b": b"elsewhere"}
    assert await b.shared("presence:2") == {}
    assert await a.shared("presence:3") == {}


async def test_a_shared_entry_lapses_unless_its_writer_renews_it(pair: tuple[Broker, Broker]) -> None:
    a, b = pair
    await a.share("presence:1", b"a", 0.6)
    await b.share("presence:1", b"b", 30)
    await asyncio.sleep(0.4)
    await a.share("presence:1", b"a", 0.6)  # renewed: another 0.6 s from now
    await asyncio.sleep(0.4)
    assert await b.shared("presence:1") == {"a": b"a"}
    await asyncio.sleep(0.4)  # not renewed (a process killed with -9)
    assert await b.shared("presence:1") == {}
    assert await a.shared("presence:1") == {"b": b"b"}  # renewed or not, the others' stay


async def test_shared_entries_leave_nothing_in_redis_once_every_writer_is_gone(
    redis_server: RedisServer,
) -> None:
    from redis.asyncio import Redis

    a, b = RedisBroker(redis_server.url, "a"), RedisBroker(redis_server.url, "b")
    raw = Redis.from_url(redis_server.url)
    for broker in (a, b):
        await broker.start()
    try:
        await _eventually(lambda: a.connected and b.connected)
        await a.share("presence:1", b"a", 0.3)
        await b.share("presence:1", b"b", 0.5)
        assert len(await raw.keys("ubiquite:shared:*")) == 2  # the entries and their deadlines
        await b.share("presence:1", b"b", 0.5)  # the keys follow the longest-lived entry
        await asyncio.sleep(0.4)
        assert await a.shared("presence:1") == {"b": b"b"}
        await asyncio.sleep(0.3)
        assert await raw.keys("ubiquite:shared:*") == []
        await a.share("presence:2", b"a", 30)
        await a.share("presence:2", None, 30)  # the last entry removed: its keys go with it
        assert await raw.keys("ubiquite:shared:*") == []
    finally:
        await raw.aclose()
        for broker in (a, b):
            await broker.stop()


async def test_shared_entries_refused_at_once_while_redis_is_away(redis_server: RedisServer) -> None:
    broker = RedisBroker(redis_server.url, "a")
    await broker.start()
    try:
        await _eventually(lambda: broker.connected)
        await broker.share("presence:1", b"a", 30)
        redis_server.kill()
        await _eventually(lambda: not broker.connected)
        started = asyncio.get_running_loop().time()
        with pytest.raises(BrokerUnavailable):
            await broker.shared("presence:1")
        with pytest.raises(BrokerUnavailable):
            await broker.share("presence:1", b"a", 30)
        assert asyncio.get_running_loop().time() - started < 0.5
        redis_server.start()  # a Redis that kept nothing
        await _eventually(lambda: broker.connected)
        assert await broker.shared("presence:1") == {}
    finally:
        await broker.stop()


async def test_a_hung_redis_refuses_shared_reads_within_the_read_timeout(redis_server: RedisServer) -> None:
    """SIGSTOP: the link still looks up (the probe waits 10 s here), but no read may wait on it."""
    broker = RedisBroker(redis_server.url, "a", probe_timeout=10.0, read_timeout=0.3)
    await broker.start()
    assert redis_server.process is not None
    try:
        await _eventually(lambda: broker.connected)
        redis_server.process.send_signal(19)  # SIGSTOP
        started = asyncio.get_running_loop().time()
        with pytest.raises(BrokerUnavailable):
            await broker.shared("presence:1")
        assert asyncio.get_running_loop().time() - started < 1.0
    finally:
        redis_server.process.send_signal(18)  # SIGCONT
        await broker.stop()


def test_codec_round_trip_and_refusals() -> None:
    message = BrokerMessage("motion", MessageKind.SYNC_STEP2, b"\x00\x00", "n1", "conn-1", "n2", 42)
    assert decode_message(encode_message(message)) == message
    with pytest.raises(ProtocolError):
        decode_message(b"\x02" + encode_message(message)[1:])  # a newer format
    with pytest.raises(ProtocolError):
        decode_message(encode_message(message) + b"\x00")


async def test_redis_killed_and_restarted_is_reported_and_the_link_rebuilt(
    redis_server: RedisServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="server.broker.redis")
    a, b = RedisBroker(redis_server.url, "a"), RedisBroker(redis_server.url, "b")
    reconnects: list[str] = []
    b.on_reconnect(lambda: reconnects.append("b"))
    got: list[BrokerMessage] = []
    for broker in (a, b):
        await broker.start()
    try:
        await b.subscribe("motion", got.append)
        await _eventually(lambda: a.connected and b.connected)
        first = len(reconnects)
        redis_server.kill()
        await _eventually(lambda: not a.connected and not b.connected)
        with pytest.raises(BrokerUnavailable):
            await b.ping()
        assert "Redis lost" in caplog.text
        redis_server.start()
        await _eventually(lambda: a.connected and b.connected)
        assert len(reconnects) == first + 1
        assert "Redis reachable again" in caplog.text
        a.publish(_update("motion", b"\x07"))  # the room was subscribed again by itself
        await _eventually(lambda: [m.payload for m in got] == [b"\x07"])
    finally:
        for broker in (a, b):
            await broker.stop()


async def test_a_silent_link_counts_as_lost(redis_server: RedisServer) -> None:
    """A Redis that stops answering without closing the socket (SIGSTOP) is noticed by the PING probe."""
    broker = RedisBroker(redis_server.url, "a", probe_interval=0.2, probe_timeout=1.0)
    await broker.start()
    try:
        await _eventually(lambda: broker.connected)
        assert redis_server.process is not None
        redis_server.process.send_signal(19)  # SIGSTOP
        await _eventually(lambda: not broker.connected, timeout=10)
        redis_server.process.send_signal(18)  # SIGCONT
        await _eventually(lambda: broker.connected, timeout=10)
    finally:
        await broker.stop()
