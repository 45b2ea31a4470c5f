"""Who is connected to a congress now, across every server process: each process keeps its own people
in the broker, and whoever asks merges the others' with what its own sockets say.

Each process writes, per congress it has people of, one entry in the broker (`Broker.share`): the
people connected to it (id, name, role, site, rooms open). It rewrites the entry half a second after
its people change, and every `refresh` seconds in any case; an entry not rewritten for `lapse`
seconds is gone, so the people of a process killed with -9 vanish within `lapse` (12 s), by Redis's
own clock. A process that stops removes its entries at once.

Why entries that lapse by themselves, read when asked, rather than announcements on the `@nodes`
channel that every process keeps in memory: at 1,000 connections an announcement would make every
process decode every other's people every few seconds whether or not an organiser looks, and a
process started after a crash would know nobody until each other process has spoken again. Here a
process writes one entry per congress per change or renewal (about 70 bytes a person), nothing
else runs until an organiser's page asks, and the reader always sees what Redis holds now: one
round trip and the decoding of the others' entries per poll. docs/scaling.md, "Who is connected".

With the in-process broker there is no other process: the roll is this process's sockets, as
before. When the broker cannot be read, the roll is this process's sockets too, marked `partial`.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from server.broker.base import Broker, BrokerUnavailable
from server.congress.domain import Identity
from server.congress.views import Here, reading_order

log = logging.getLogger(__name__)

REFRESH = 4.0  # seconds: an unchanged entry is written again this often, renewing it
LAPSE = 12.0  # seconds: an entry not renewed for this long is gone (three renewals missed)
SETTLE = 0.5  # seconds: a change waits this long for the next ones, so a join storm writes twice a second


class Present(Protocol):
    """One person connected to this process (server/auth/sockets.py Presence)."""

    @property
    def identity(self) -> Identity: ...

    @property
    def rooms(self) -> list[str]: ...


class Sockets(Protocol):
    """server/auth/sockets.py SocketRegistry: who is connected to this process."""

    def connected(self, congress_id: int) -> Iterable[Present]: ...


@dataclass(frozen=True, slots=True)
class Roll:
    """Who is connected to a congress now, each person once."""

    here: tuple[Here, ...]
    partial: bool = False  # the other processes could not be read: this process's people only


def encode_people(people: Iterable[Here]) -> bytes:
    return json.dumps(
        [[h.participant_id, h.name, h.role, h.site, list(h.rooms)] for h in people],
        ensure_ascii=False,
        separators=(",", ":"),
    ).encode()


def decode_people(data: bytes) -> list[Here]:
    """Another process's entry; ValueError if it is not one (a different version, say).

    Plain type checks rather than a `match` per person: three times cheaper, at 1,000 people 5 ms
    of the event loop instead of 12 (and an entry is decoded only when it changed, see `roll`).
    """
    items = json.loads(data)
    if type(items) is not list:
        raise ValueError("not a list of connected people")
    people = []
    for item in items:
        if type(item) is not list or len(item) != 5:
            raise ValueError(f"not a connected person: {item!r:.80}")
        pid, name, role, site, rooms = item
        if not (type(pid) is int and type(name) is str and type(role) is str and type(site) is str):
            raise ValueError(f"not a connected person: {item!r:.80}")
        if type(rooms) is not list or any(type(room) is not str for room in rooms):
            raise ValueError(f"not a connected person's rooms: {item!r:.80}")
        people.append(Here(pid, name, role, tuple(rooms), site))
    return people


def merge(groups: Iterable[Iterable[Here]]) -> tuple[Here, ...]:
    """Each person once, with every room they have open in any process; sorted by name."""
    by_id: dict[int, Here] = {}
    for group in groups:
        for here in group:
            seen = by_id.get(here.participant_id)
            if seen is None:
                by_id[here.participant_id] = here
            elif not set(here.rooms) <= set(seen.rooms):
                rooms = tuple(sorted({*seen.rooms, *here.rooms}))
                by_id[here.participant_id] = Here(seen.participant_id, seen.name, seen.role, rooms, seen.site)
    return tuple(sorted(by_id.values(), key=lambda h: (reading_order(h.name), h.participant_id)))


def _key(congress_id: int) -> str:
    return f"presence:{congress_id}"


class Attendance:
    def __init__(
        self,
        sockets: Sockets,
        broker: Broker,
        refresh: float = REFRESH,
        lapse: float = LAPSE,
        settle: float = SETTLE,
    ) -> None:
        self.sockets = sockets
        self.broker = broker
        self.refresh = refresh
        self.lapse = lapse
        self.settle = settle
        self._dirty: set[int] = set()  # congresses whose entry must be written again
        # Congress -> when its entry was last written or tried (monotonic): the congresses where an
        # entry of ours may be, to renew, to write again after a Redis restart, to remove at stop.
        self._written: dict[int, float] = {}
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._refused: set[str] = set()  # processes whose entry could not be read, logged once each
        # Each other process's entry as last read, and its people: an entry changes only when its
        # people do (a renewal writes the same bytes), so most polls decode nothing.
        self._decoded: dict[str, tuple[bytes, list[Here]]] = {}
        broker.on_reconnect(self._write_everything)  # Redis restarted: our entries may be gone

    async def start(self) -> None:
        self._task = asyncio.create_task(self._write_forever(), name="attendance")

    async def stop(self) -> None:
        """Remove this process's entries (its sockets are closed by now): its people leave at once."""
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
        for congress_id in list(self._written):
            with contextlib.suppress(BrokerUnavailable):  # else they lapse within `lapse`
                await self.broker.share(_key(congress_id), None, self.lapse)
        self._written.clear()

    def changed(self, congress_id: int) -> None:
        """Someone of this congress connected to or left this process (server/auth/sockets.py)."""
        self._dirty.add(congress_id)
        self._wake.set()

    def mine(self, congress_id: int) -> list[Here]:
        """The people connected to this process now, from its sockets."""
        return [
            Here(
                p.identity.participant_id,
                p.identity.name,
                p.identity.role.value,
                tuple(p.rooms),
                p.identity.site.value,
            )
            for p in self.sockets.connected(congress_id)
        ]

    async def roll(self, congress_id: int) -> Roll:
        """Everyone connected to the congress now, on every process."""
        mine = self.mine(congress_id)  # on the loop: the sockets change there
        try:
            entries = await self.broker.shared(_key(congress_id))  # not ours: the sockets are fresher
        except BrokerUnavailable:
            return Roll(merge([mine]), partial=True)  # the broker logs the outage itself
        return Roll(merge([mine, *(self._people_of(node, data) for node, data in entries.items())]))

    def _people_of(self, node: str, data: bytes) -> list[Here]:
        known = self._decoded.get(node)
        if known is not None and known[0] == data:
            return known[1]
        try:
            people = decode_people(data)
        except ValueError as exc:
            if node not in self._refused:
                self._refused.add(node)
                log.error("ignored the connected people of process %s: %s", node, exc)
            people = []
        if len(self._decoded) > 64:  # processes come and go (a new id at each start): forget them
            self._decoded.clear()
        self._decoded[node] = (data, people)
        return people

    # -- writing this process's entries ------------------------------------------------------

    def _write_everything(self) -> None:
        self._dirty.update(self._written)
        self._wake.set()

    async def _write_forever(self) -> None:
        while True:
            await self._wait()
            now = time.monotonic()
            due = {c for c, at in self._written.items() if now - at >= self.refresh - self.settle}
            todo, self._dirty = self._dirty | due, set()
            for congress_id in sorted(todo):
                try:
                    await self._write(congress_id)
                except BrokerUnavailable:
                    # Tried again at the next renewal, or as soon as the link is back; not before,
                    # so a Redis that is away costs one attempt per change, not a busy loop.
                    self._written[congress_id] = time.monotonic()
                    self._dirty.add(congress_id)

    async def _wait(self) -> None:
        """Until someone came or left (and the next ones settled), or an entry is due for renewal."""
        now = time.monotonic()
        next_due = min((at + self.refresh for at in self._written.values()), default=now + self.refresh)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._wake.wait(), max(0.0, next_due - now))
            await asyncio.sleep(self.settle)
        self._wake.clear()

    async def _write(self, congress_id: int) -> None:
        people = self.mine(congress_id)
        if people:
            await self.broker.share(_key(congress_id), encode_people(people), self.lapse)
            self._written[congress_id] = time.monotonic()
        elif congress_id in self._written:
            await self.broker.share(_key(congress_id), None, self.lapse)
            del self._written[congress_id]
