"""The other server processes: which are alive, and what they accepted that may never reach the log.

Every process publishes a heartbeat each `interval` on the broker's NODES
channel, carrying the sequence number up to which its log has stored the
updates it accepted (its watermark); relayed updates carry their own number
(server/realtime/extension.py). A process keeps the updates others relayed
until their watermark passes them.

A process that says goodbye, or whose heartbeats stop for `timeout` while
this process's own link is up (not while it is itself cut off: then it cannot
tell), is gone:

- the presence of its connections is removed from every room here, and so
  from every client of this process (the relay, told through `on_gone`);
- the updates it relayed but did not report stored (a `kill -9` loses up to
  one flush interval of them, which other processes already applied, so their
  authors will never send them again) are logged by exactly one survivor,
  the one that holds the broker claim on the dead process, after checking
  the log for those it stored after its last heartbeat (UpdateLog.adopt).
  A database or Redis outage only delays this: the holder retries until
  stored, and every other survivor keeps the same updates and adopts them
  in turn once the claim lapses, in case the holder died too (idempotent:
  the log is checked first). docs/scaling.md, "Processes that die".
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import defaultdict, deque
from collections.abc import Callable
from typing import Protocol

from crdt.protocol import ProtocolError, Reader, encode_var_uint
from server.broker.base import NODES, Broker, BrokerMessage, BrokerUnavailable, MessageKind
from server.store.base import NewUpdate, StoreUnavailable

log = logging.getLogger(__name__)

# Relayed updates kept per process while its log is behind (its database down).
MAX_KEPT = 200_000
# The claim on a dead process's updates lapses this long after its holder stops renewing it.
CLAIM_TTL = 30.0
RETRY_DELAYS = (0.2, 5.0)  # first and longest wait between attempts to claim or store
# How long `stop` waits for adoptions still retrying before leaving them to the other survivors.
STOP_WAIT = 5.0


class StoredLog(Protocol):
    """What the heartbeat needs of this process's update log (extensions/persistence.py)."""

    @property
    def stored_seq(self) -> int: ...

    async def adopt(self, room: str, orphans: list[NewUpdate]) -> int: ...


class PeerWatch:
    def __init__(
        self,
        broker: Broker,
        update_log: StoredLog | None,
        interval: float = 1.0,
        timeout: float = 6.0,
    ) -> None:
        self.broker = broker
        self.update_log = update_log
        # Told the id of a process taken as gone (the relay removes its presence from the rooms).
        self.on_gone: list[Callable[[str], None]] = []
        # Told when another process changed who may write in a congress (server/auth/sockets.py).
        self.on_congress: list[Callable[[int], None]] = []
        self.interval = interval
        self.timeout = timeout
        self.last_seen: dict[str, float] = {}
        self.adopted = 0
        self._unstored: dict[str, deque[tuple[int, NewUpdate]]] = defaultdict(deque)
        self._judging_since = time.monotonic()
        self._task: asyncio.Task[None] | None = None
        self._adoptions: set[asyncio.Task[None]] = set()
        self._awaiting_claim: set[asyncio.Task[None]] = set()  # adoptions another survivor holds
        broker.on_reconnect(self.link_restored)

    async def start(self) -> None:
        await self.broker.subscribe(NODES, self.deliver)
        self._judging_since = time.monotonic()
        self._task = asyncio.create_task(self._beat_forever(), name="peer-heartbeat")

    async def stop(self) -> None:
        """Say goodbye with the final watermark (call after the log has stored what it could)."""
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
        self.broker.publish(self._status(MessageKind.BYE))
        for task in self._awaiting_claim:
            task.cancel()  # nothing in progress here: the holder, or the others, will finish
        if self._adoptions:
            _, unfinished = await asyncio.wait(self._adoptions, timeout=STOP_WAIT)
            for task in unfinished:
                # Its claim lapses within CLAIM_TTL and another survivor, which kept the same
                # updates, stores them; with no survivor left they are lost with this process.
                log.error("shutdown: %s unfinished; left to the other processes", task.get_name())
                task.cancel()
            await asyncio.gather(*unfinished, return_exceptions=True)

    @property
    def unstored(self) -> int:
        """Updates other processes relayed that they have not reported stored yet."""
        return sum(len(kept) for kept in self._unstored.values())

    def relayed(self, message: BrokerMessage) -> None:
        """Keep an update another process accepted until it reports it stored."""
        if message.seq <= 0:
            return
        kept = self._unstored[message.node]
        kept.append((message.seq, NewUpdate(message.room, message.payload, message.author, time.time())))
        if len(kept) > MAX_KEPT:
            kept.popleft()

    def link_restored(self) -> None:
        # Silence while this process was cut off says nothing about the others.
        now = time.monotonic()
        self._judging_since = now
        for node in self.last_seen:
            self.last_seen[node] = now

    def congress_changed(self, congress_id: int) -> None:
        """Tell the other processes to re-read the access of this congress's sockets now."""
        self.broker.publish(
            BrokerMessage(NODES, MessageKind.CONGRESS, encode_var_uint(congress_id), self.broker.node_id)
        )

    def deliver(self, message: BrokerMessage) -> None:
        try:
            watermark = Reader(message.payload).read_var_uint()
        except ProtocolError:
            log.error("malformed %s from process %s", message.kind.name, message.node)
            return
        if message.kind is MessageKind.HEARTBEAT:
            if message.node not in self.last_seen:
                log.info("process %s is up", message.node)
            self.last_seen[message.node] = time.monotonic()
            self._stored_upto(message.node, watermark)
        elif message.kind is MessageKind.BYE:
            log.info("process %s stopped", message.node)
            self._gone(message.node, watermark)
        elif message.kind is MessageKind.CONGRESS:
            for listener in self.on_congress:
                listener(watermark)  # the payload is a congress id here

    # -- internals -------------------------------------------------------------------

    def _status(self, kind: MessageKind) -> BrokerMessage:
        watermark = self.update_log.stored_seq if self.update_log else 0
        return BrokerMessage(NODES, kind, encode_var_uint(watermark), self.broker.node_id)

    def _stored_upto(self, node: str, watermark: int) -> None:
        kept = self._unstored.get(node)
        while kept and kept[0][0] <= watermark:
            kept.popleft()

    async def _beat_forever(self) -> None:
        while True:
            self.broker.publish(self._status(MessageKind.HEARTBEAT))
            await asyncio.sleep(self.interval)
            now = time.monotonic()
            if not self.broker.connected or now - self._judging_since < self.timeout:
                continue
            for node, seen in list(self.last_seen.items()):
                if now - seen > self.timeout:
                    log.warning("process %s silent for %.1f s: taken as dead", node, now - seen)
                    self._gone(node, None)

    def _gone(self, node: str, watermark: int | None) -> None:
        self.last_seen.pop(node, None)
        for listener in self.on_gone:
            listener(node)
        if watermark is not None:
            self._stored_upto(node, watermark)
        orphans = [update for _, update in self._unstored.pop(node, ())]
        if orphans and self.update_log is not None:
            task = asyncio.create_task(self._adopt(node, orphans), name=f"adopt-{node}")
            self._adoptions.add(task)
            task.add_done_callback(self._adoptions.discard)

    async def _adopt(self, node: str, orphans: list[NewUpdate]) -> None:
        """Store a dead process's unstored updates, however long the database or Redis stays away.

        Every survivor keeps them until it has adopted them itself: the one
        holding the claim stores them, retrying until the database answers and
        renewing the claim meanwhile; the others wait for the claim to lapse
        (its holder finished, or died too) and then adopt the same updates
        again, which stores nothing twice (UpdateLog.adopt checks the log first).
        """
        assert self.update_log is not None
        key = f"adopt:{node}"
        delay = RETRY_DELAYS[0]
        reported: set[str] = set()
        me = asyncio.current_task()
        assert me is not None
        self._awaiting_claim.add(me)
        try:
            while True:
                try:
                    if await self.broker.claim(key, ttl=CLAIM_TTL):
                        break
                    await asyncio.sleep(CLAIM_TTL / 2)  # another survivor stores them; take over if it stops
                    continue
                except BrokerUnavailable as exc:
                    _once(
                        reported,
                        "claim",
                        "%d unstored updates of process %s wait for Redis to be claimed: %s",
                        len(orphans),
                        node,
                        exc,
                    )
                await asyncio.sleep(delay)
                delay = min(RETRY_DELAYS[1], delay * 2)
        finally:
            self._awaiting_claim.discard(me)
        renewing = asyncio.create_task(self._renew(key), name=f"adopt-claim-{node}")
        try:
            by_room: dict[str, list[NewUpdate]] = defaultdict(list)
            for orphan in orphans:
                by_room[orphan.room].append(orphan)
            for room, updates in by_room.items():
                stored = await self._adopt_room(node, room, updates, reported)
                self.adopted += stored
                if stored:
                    log.warning(
                        "room %s: process %s ended before storing %d updates it accepted; stored them here",
                        room,
                        node,
                        stored,
                    )
        finally:
            renewing.cancel()
            await asyncio.gather(renewing, return_exceptions=True)

    async def _adopt_room(self, node: str, room: str, updates: list[NewUpdate], reported: set[str]) -> int:
        """UpdateLog.adopt, again and again until the database answers (nothing is dropped)."""
        assert self.update_log is not None
        delay = RETRY_DELAYS[0]
        while True:
            try:
                return await self.update_log.adopt(room, updates)
            except StoreUnavailable as exc:
                _once(
                    reported,
                    "store",
                    "room %s: %d updates of process %s kept until the database answers: %s",
                    room,
                    len(updates),
                    node,
                    exc,
                )
            await asyncio.sleep(delay)
            delay = min(RETRY_DELAYS[1], delay * 2)

    async def _renew(self, key: str) -> None:
        while True:
            await asyncio.sleep(CLAIM_TTL / 3)
            try:
                if not await self.broker.claim(key, ttl=CLAIM_TTL):
                    log.error(
                        "claim %s was taken over (Redis lost it?): two survivors may adopt at once", key
                    )
            except BrokerUnavailable as exc:
                log.warning("claim %s not renewed: %s", key, exc)


def _once(reported: set[str], kind: str, message: str, *args: object) -> None:
    """Log the first failure of each kind; the retries that follow would only repeat it."""
    if kind not in reported:
        reported.add(kind)
        log.error(message, *args)
