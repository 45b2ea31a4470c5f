"""The Redis broker: pub/sub between processes, a link that knows when it was broken, and says so.

Redis pub/sub is at-most-once: whatever is published while a subscriber's
connection is down, or while Redis restarts, is gone. This broker does not
try to hide that; it makes every loss visible instead, and the relay catches
the rooms up (server/realtime/extensions/relay.py: a state-vector exchange between processes):

- redis-py's own silent reconnects are turned off (no retries), so a broken
  connection always surfaces here; a new subscriber connection is opened,
  every room subscribed again, and the reconnect callbacks run.
- the subscriber connection PINGs itself every `probe_interval`: a link that
  went quiet without an error (a half-open socket) counts as lost after
  `probe_timeout`.
- a failed publish breaks the link too, so the same catch-up runs even when
  only the publishing connection was hurt.

Publishing never blocks a room: messages are queued and one task sends them
in pipelines, in order. While Redis is away up to `max_queued` messages wait
(older ones are dropped; the catch-up covers them).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
import uuid
from collections import deque
from collections.abc import Callable
from typing import Any

from redis.asyncio import Redis
from redis.asyncio.client import PubSub
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff
from redis.exceptions import RedisError

from crdt.protocol import ProtocolError
from server.broker.base import BrokerMessage, BrokerUnavailable, Deliver
from server.broker.codec import decode_message, encode_message

log = logging.getLogger(__name__)

_FAILURES = (RedisError, OSError, TimeoutError)

# Extend a claim only for its holder (Broker.claim).
_RENEW = """
if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end
return 0
"""

# The processes' shared entries (Broker.share) under one key: a hash of node -> value and a sorted
# set of node -> the instant (Redis's own clock, in ms) its entry lapses. Redis 7.0 has no expiry
# per hash field, and one key per process would need a scan to be found. The writer drops the
# entries that lapsed and keeps both keys exactly as long as their longest-lived entry, so once
# every writer is gone nothing is left behind. Both keys are named in KEYS and share a hash tag.
_NOW_AND_PRUNE = """
local t = redis.call('time')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local lapsed = redis.call('zrangebyscore', KEYS[2], '-inf', now)
if #lapsed > 0 then
  redis.call('hdel', KEYS[1], unpack(lapsed))
  redis.call('zremrangebyscore', KEYS[2], '-inf', now)
end
"""
_SHARE = (
    _NOW_AND_PRUNE
    + """
if #ARGV < 3 then
  redis.call('hdel', KEYS[1], ARGV[1])
  redis.call('zrem', KEYS[2], ARGV[1])
else
  redis.call('hset', KEYS[1], ARGV[1], ARGV[3])
  redis.call('zadd', KEYS[2], now + tonumber(ARGV[2]), ARGV[1])
end
local last = redis.call('zrange', KEYS[2], -1, -1, 'WITHSCORES')
if last[2] then
  redis.call('pexpireat', KEYS[1], last[2])
  redis.call('pexpireat', KEYS[2], last[2])
else
  redis.call('del', KEYS[1], KEYS[2])
end
return 1
"""
)
# Read only: what has lapsed is skipped here, and dropped by the next write; so is the reader's own.
_SHARED = """
local t = redis.call('time')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local live = redis.call('zrangebyscore', KEYS[2], '(' .. string.format('%d', now), '+inf')
if #live == 0 then return {} end
local values = redis.call('hmget', KEYS[1], unpack(live))
local found = {}
for i, node in ipairs(live) do
  if values[i] and node ~= ARGV[1] then
    found[#found + 1] = node
    found[#found + 1] = values[i]
  end
end
return found
"""


class LinkBroken(Exception):
    """The link to Redis must be rebuilt (a failed publish, an unanswered PING)."""


class RedisBroker:
    def __init__(
        self,
        url: str,
        node_id: str | None = None,
        prefix: str = "ubiquite",
        probe_interval: float = 1.0,
        probe_timeout: float = 3.0,
        retry_delays: tuple[float, float] = (0.1, 1.0),
        max_queued: int = 20_000,
        read_timeout: float = 1.0,
    ) -> None:
        self.url = url
        self.node_id = node_id or uuid.uuid4().hex[:12]
        self.prefix = prefix
        self.probe_interval = probe_interval
        self.probe_timeout = probe_timeout
        self.retry_delays = retry_delays
        self.max_queued = max_queued
        # A shared read or write that takes longer counts as failed: the organisers' page polls
        # them and must rather say "one server only" than wait for a Redis that hangs.
        self.read_timeout = read_timeout
        self.messages_dropped = 0
        self._client: Redis | None = None
        self._pubsub: PubSub | None = None
        self._rooms: dict[str, Deliver] = {}
        self._confirmations: dict[bytes, asyncio.Future[None]] = {}
        self._outbox: deque[tuple[bytes, bytes]] = deque()
        self._wake = asyncio.Event()
        self._up = asyncio.Event()
        self._broken: str | None = None
        self._lost_at: float | None = None  # set while the link is down
        self._callbacks: list[Callable[[], None]] = []
        self._tasks: list[asyncio.Task[None]] = []

    # -- Broker ------------------------------------------------------------------------

    @property
    def connected(self) -> bool:
        return self._up.is_set()

    @property
    def queued(self) -> int:
        """Messages published here and not yet handed to Redis (how far the relay is behind)."""
        return len(self._outbox)

    async def start(self) -> None:
        # No retries inside redis-py: a reconnect it made on its own would hide a loss.
        self._client = Redis.from_url(
            self.url,
            retry=Retry(NoBackoff(), 0),
            socket_connect_timeout=2.0,
            socket_timeout=5.0,
            health_check_interval=0,
        )
        self._tasks = [
            asyncio.create_task(self._listen_forever(), name="redis-listener"),
            asyncio.create_task(self._publish_forever(), name="redis-publisher"),
        ]

    async def stop(self, timeout: float = 2.0) -> None:
        """Send what is queued (a goodbye, last presence) if Redis is there, then close."""
        if self.connected and self._outbox:
            deadline = time.monotonic() + timeout
            while self._outbox and self.connected and time.monotonic() < deadline:
                await asyncio.sleep(0.01)
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        await self._close_pubsub()
        if self._client is not None:
            with contextlib.suppress(*_FAILURES):
                await self._client.aclose()

    async def subscribe(self, room: str, deliver: Deliver) -> None:
        """Return once Redis confirmed the subscription (or the link is down: the reconnect catches up)."""
        self._rooms[room] = deliver
        pubsub = self._pubsub
        if pubsub is None or not self.connected:
            return
        channel = self._channel(room)
        confirmed = asyncio.get_running_loop().create_future()
        self._confirmations[channel] = confirmed
        try:
            await pubsub.subscribe(channel)
            await asyncio.wait_for(asyncio.shield(confirmed), self.probe_timeout)
        except (*_FAILURES, LinkBroken) as exc:
            self._break(f"subscribe failed: {exc}")
        finally:
            self._confirmations.pop(channel, None)

    async def unsubscribe(self, room: str) -> None:
        self._rooms.pop(room, None)
        pubsub = self._pubsub
        if pubsub is not None and self.connected:
            try:
                await pubsub.unsubscribe(self._channel(room))
            except _FAILURES as exc:
                self._break(f"unsubscribe failed: {exc}")

    def publish(self, message: BrokerMessage) -> None:
        if len(self._outbox) >= self.max_queued:
            self._outbox.popleft()
            self.messages_dropped += 1
        self._outbox.append((self._channel(message.room), encode_message(message)))
        self._wake.set()

    def on_reconnect(self, callback: Callable[[], None]) -> None:
        self._callbacks.append(callback)

    async def ping(self) -> None:
        if self._client is None:
            raise BrokerUnavailable("not started")
        try:
            await asyncio.wait_for(self._client.ping(), 2.0)
        except _FAILURES as exc:
            raise BrokerUnavailable(f"{type(exc).__name__}: {exc}") from exc
        if not self.connected:
            raise BrokerUnavailable("subscriber link is being re-established")

    async def claim(self, key: str, ttl: float) -> bool:
        assert self._client is not None, "not started"
        try:
            name, ttl_ms = f"{self.prefix}:claim:{key}", max(1, int(ttl * 1000))
            won = await self._client.set(name, self.node_id, nx=True, px=ttl_ms)
            if not won:  # ours already? then renew it, atomically
                won = await self._client.eval(_RENEW, 1, name, self.node_id, ttl_ms)
        except _FAILURES as exc:
            raise BrokerUnavailable(f"{type(exc).__name__}: {exc}") from exc
        return bool(won)

    async def share(self, key: str, value: bytes | None, ttl: float) -> None:
        args: list[str | bytes | int] = [self.node_id, max(1, int(ttl * 1000))]
        if value is not None:
            args.append(value)
        await self._script(_SHARE, key, args)

    async def shared(self, key: str) -> dict[str, bytes]:
        found = await self._script(_SHARED, key, [self.node_id])
        return {found[i].decode(): found[i + 1] for i in range(0, len(found), 2)}

    async def _script(self, script: str, key: str, args: list[str | bytes | int]) -> Any:
        """Run one of the shared entries' scripts on `key`'s two Redis keys, or BrokerUnavailable."""
        if self._client is None:
            raise BrokerUnavailable("not started")
        if not self.connected:  # known down: answer at once instead of waiting on a dead socket
            raise BrokerUnavailable("Redis link is down")
        base = f"{self.prefix}:shared:{{{key}}}"
        try:
            call = self._client.eval(script, 2, base, f"{base}:until", *args)
            return await asyncio.wait_for(call, self.read_timeout)  # type: ignore[arg-type]
        except _FAILURES as exc:
            raise BrokerUnavailable(f"{type(exc).__name__}: {exc}") from exc

    # -- the subscriber link ---------------------------------------------------------------

    def _channel(self, room: str) -> bytes:
        return f"{self.prefix}:{room}".encode()

    def _break(self, reason: str) -> None:
        """Mark the link broken: the listener rebuilds it and the rooms catch up."""
        if self._broken is None:
            self._broken = reason

    async def _listen_forever(self) -> None:
        delay = self.retry_delays[0]
        while True:
            try:
                await self._connect()
                delay = self.retry_delays[0]
                await self._read_until_broken()
            except asyncio.CancelledError:
                raise
            except (*_FAILURES, LinkBroken) as exc:
                self._went_down(f"{type(exc).__name__}: {exc}")
            await self._close_pubsub()
            await asyncio.sleep(delay)
            delay = min(self.retry_delays[1], delay * 2)

    async def _connect(self) -> None:
        assert self._client is not None
        self._broken = None
        if self._lost_at is not None:
            # Pooled connections from before the loss are dead too: the first publish
            # on one would fail and break the new link at once.
            await self._client.connection_pool.disconnect()
        pubsub = self._client.pubsub()
        self._pubsub = pubsub
        # The own channel keeps the connection in subscribed mode even with no room
        # loaded, so PING answers arrive as messages like everything else.
        channels = [self._channel(f"@node:{self.node_id}")] + [self._channel(room) for room in self._rooms]
        await pubsub.subscribe(*channels)
        await pubsub.ping()
        deadline = time.monotonic() + self.probe_timeout
        while True:  # wait for the PING answer: every SUBSCRIBE before it is confirmed
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise LinkBroken("Redis did not confirm the subscriptions")
            message = await pubsub.get_message(timeout=remaining)
            if message is not None and message["type"] == "pong":
                break
            if message is not None and message["type"] == "message":
                self._handle(message)
        self._went_up()

    async def _read_until_broken(self) -> None:
        pubsub = self._pubsub
        assert pubsub is not None
        heard = next_probe = time.monotonic()
        while self._broken is None:
            message = await pubsub.get_message(timeout=self.probe_interval / 2)
            now = time.monotonic()
            if message is not None:
                heard = now
                kind = message["type"]
                if kind == "message":
                    self._handle(message)
                elif kind == "subscribe":
                    confirmed = self._confirmations.get(message["channel"])
                    if confirmed is not None and not confirmed.done():
                        confirmed.set_result(None)
            if now - heard > self.probe_timeout:
                raise LinkBroken(f"no answer from Redis for {now - heard:.1f} s")
            if now >= next_probe:
                await pubsub.ping()
                next_probe = now + self.probe_interval
        raise LinkBroken(self._broken)

    def _handle(self, raw: dict[str, Any]) -> None:
        try:
            message = decode_message(raw["data"])
        except ProtocolError as exc:
            log.error("ignored a malformed message on %r: %s", raw.get("channel"), exc)
            return
        if message.node == self.node_id:
            return
        deliver = self._rooms.get(message.room)
        if deliver is None:
            return
        try:
            deliver(message)
        except Exception:
            log.exception("room %s: delivering a %s message failed", message.room, message.kind.name)

    def _went_up(self) -> None:
        lost_at, self._lost_at = self._lost_at, None
        self._up.set()
        self._wake.set()
        if lost_at is None:
            log.info("Redis connected (%s), process %s", _safe(self.url), self.node_id)
        else:
            log.warning(
                "Redis reachable again after %.1f s; %d rooms catching up",
                time.monotonic() - lost_at,
                len(self._rooms),
            )
        # Also after the first connection: rooms loaded while Redis was unreachable at start.
        for callback in self._callbacks:
            try:
                callback()
            except Exception:
                log.exception("a Redis reconnect callback failed")

    def _went_down(self, reason: str) -> None:
        if self._lost_at is None:
            log.warning(
                "Redis lost (%s): updates still reach this process's clients and the log; "
                "other processes will catch up when it is back",
                reason,
            )
            self._lost_at = time.monotonic()
        self._up.clear()
        for confirmed in self._confirmations.values():
            if not confirmed.done():
                confirmed.set_exception(LinkBroken(reason))

    async def _close_pubsub(self) -> None:
        pubsub, self._pubsub = self._pubsub, None
        if pubsub is not None:
            with contextlib.suppress(*_FAILURES):
                await pubsub.aclose()

    # -- publishing ------------------------------------------------------------------------

    async def _publish_forever(self) -> None:
        while True:
            await self._wake.wait()
            self._wake.clear()
            while self._outbox:
                await self._up.wait()
                batch, self._outbox = self._outbox, deque()
                try:
                    await self._send(batch)
                except _FAILURES as exc:
                    self._outbox.extendleft(reversed(batch))  # resent in order once the link is back
                    while len(self._outbox) > self.max_queued:
                        self._outbox.popleft()
                        self.messages_dropped += 1
                    self._break(f"publish failed: {type(exc).__name__}: {exc}")
                    self._up.clear()  # wait for the listener to rebuild the link

    async def _send(self, batch: deque[tuple[bytes, bytes]]) -> None:
        assert self._client is not None
        async with self._client.pipeline(transaction=False) as pipe:
            for channel, data in batch:
                pipe.publish(channel, data)
            await pipe.execute()


def _safe(url: str) -> str:
    """A Redis URL without its password, for logs."""
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        return f"{scheme}://***@{rest.split('@', 1)[1]}"
    return url
