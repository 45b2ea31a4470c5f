"""The rooms only the server writes: `{slug}.decisions` for everyone, `{slug}.tally` for organisers.

Pages join them with the standard y-websocket protocol; their sockets are
read-only (server/congress/domain.py read_only_reason), so the server's writes
are the only ones. A write is a Yjs update made on a copy of the room's
document and handed to the room like anyone's (fanned out, logged, relayed to
the other processes through Redis), so a page that reconnects, here or on
another process, finds the state in the document.

Several processes write the same keys. Each writes what it read from the
database after its own commit, and every value carries the row's `version`
(raised by each change): a process writes a key only if the room holds an
older version, and when another process's write arrives (relayed) it
rewrites any key it knows a newer version of. Two concurrent writes may leave
the older one in the document for a moment (Yjs picks one), but the process
holding the newer one rewrites it after seeing the other, so the newest wins
everywhere. Tallies are keyed per process (`{vote}@{process}`): only one
process writes each, and a page takes the largest `cast` per vote.

A process's writes all come from one Yjs client id of its own, so a day of
writes adds one entry to the room's state vector, not one per write.
"""

from __future__ import annotations

import asyncio
import json
import logging
import random
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

from pycrdt import Doc, Map

from server.congress.domain import room_name
from server.decisions.views import Amendment, Pen, Vote
from server.realtime.extension import BaseExtension, Origin, OriginKind, UpdateAccepted
from server.realtime.room import Room
from server.realtime.rooms import RoomManager

log = logging.getLogger(__name__)
AUTHOR = "server"  # the author the log records for these writes
TALLY_INTERVAL = 0.2  # seconds between two tally writes of one vote by one process


@dataclass(frozen=True, slots=True)
class Entry:
    """One key of one map of a live room, and the version its value has."""

    map: str
    key: str
    value: str
    version: int


def amendment_entry(view: Amendment) -> Entry:
    return Entry("amendments", str(view.id), _json(view.json()), view.version)


def vote_entry(view: Vote) -> Entry:
    return Entry("votes", str(view.id), _json(view.json()), view.version)


def pen_entry(view: Pen) -> Entry:
    return Entry("pen", "state", _json(view.json()), view.version)


def tally_entry(view: Vote, node: str) -> Entry:
    return Entry("tallies", f"{view.id}@{node}", _json(view.tally_json()), view.cast)


def stored_version(doc: Doc[Any], entry: Entry) -> int:
    """The version of the value the room holds at the entry's key (-1: none, or unreadable)."""
    value = doc.get(entry.map, type=Map).get(entry.key)
    if not isinstance(value, str):
        return -1
    try:
        data = json.loads(value)
        return int(data["version"] if "version" in data else data["cast"])
    except (ValueError, KeyError, TypeError):
        return -1


@dataclass
class _Throttle:
    dirty: bool = False
    last: float = 0.0
    task: asyncio.Task[None] | None = None


class LiveDecisions(BaseExtension):
    """Writes the live rooms, repairs stale keys, and paces the tallies (an extension of the rooms)."""

    def __init__(self, node: str, interval: float = TALLY_INTERVAL) -> None:
        self.node = node  # this process, in the tallies' keys
        self.interval = interval
        self.client_id = random.getrandbits(32)  # the Yjs client of every write of this process
        self.writes = 0
        # Set by server/app.py: the rooms (which hold this extension), every entry of a congress
        # from the database (for a room just loaded), and a vote as the database holds it now.
        self.rooms: RoomManager | None = None
        self.source: Callable[[str], Awaitable[list[Entry]]] | None = None
        self.read_vote: Callable[[int], Awaitable[Vote | None]] | None = None
        self._known: dict[str, dict[tuple[str, str], Entry]] = {}
        self._due: set[str] = set()
        self._throttles: dict[tuple[str, int], _Throttle] = {}
        self._tasks: set[asyncio.Task[None]] = set()

    # -- what the services call after a commit --------------------------------------------

    async def publish(self, slug: str, entries: Sequence[Entry], kind: str = "decisions") -> None:
        """Write these entries (read from the database after a commit) to the congress's room."""
        if self.rooms is None:
            raise RuntimeError("the live rooms are not bound")
        room = await self.rooms.get(room_name(slug, kind))
        self.write(room, entries)

    def ballot_taken(self, slug: str, vote_id: int) -> None:
        """A ballot was counted here: write the vote's tally soon (at once after a quiet spell)."""
        throttle = self._throttles.setdefault((slug, vote_id), _Throttle())
        throttle.dirty = True
        if throttle.task is None:
            throttle.task = self._spawn(
                self._tally_forever(slug, vote_id, throttle), f"tally-{slug}-{vote_id}"
            )

    async def stop(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)

    # -- writing ----------------------------------------------------------------------------

    def write(self, room: Room, entries: Sequence[Entry]) -> None:
        """Write what the room holds an older version of, in one update (nothing if none)."""
        known = self._known.setdefault(room.name, {})
        for entry in entries:
            held = known.get((entry.map, entry.key))
            if held is None or held.version <= entry.version:
                known[(entry.map, entry.key)] = entry
        stale = [e for e in entries if stored_version(room.doc, e) < e.version]
        if not stale:
            return
        copy: Doc[Any] = Doc(client_id=self.client_id)
        copy.apply_update(room.doc.get_update())
        made: list[bytes] = []
        copy.observe(lambda event: made.append(event.update))
        with copy.transaction():
            for entry in stale:
                copy.get(entry.map, type=Map)[entry.key] = entry.value
        for update in made:
            room.apply_update(update, Origin(OriginKind.LOCAL, AUTHOR))
        self.writes += 1

    async def _tally_forever(self, slug: str, vote_id: int, throttle: _Throttle) -> None:
        try:
            while throttle.dirty:
                wait = throttle.last + self.interval - time.monotonic()
                if wait > 0:
                    await asyncio.sleep(wait)
                throttle.dirty = False
                throttle.last = time.monotonic()
                vote = await self.read_vote(vote_id) if self.read_vote else None
                if vote is None:
                    continue
                await self.publish(slug, [tally_entry(vote, self.node)], "tally")
                await self.publish(slug, [vote_entry(vote)])  # its `cast`, and counts if projected
        except Exception:
            log.exception("tally of vote %d in %s not written", vote_id, slug)
        finally:
            throttle.task = None
            if not throttle.dirty:
                self._throttles.pop((slug, vote_id), None)

    # -- Extension: repairs and loads -------------------------------------------------------

    def on_update(self, event: UpdateAccepted) -> None:
        room = event.room
        if event.origin.kind is not OriginKind.BROKER or room.name not in self._known:
            return
        if room.name not in self._due:  # once per turn of the loop, after the room is done
            self._due.add(room.name)
            asyncio.get_running_loop().call_soon(self._repair, room)

    def _repair(self, room: Room) -> None:
        """Another process wrote: rewrite what this process knows a newer version of."""
        self._due.discard(room.name)
        if self.rooms is None or self.rooms.find(room.name) is not room:
            return
        try:
            self.write(room, list(self._known.get(room.name, {}).values()))
        except Exception:
            log.exception("room %s: stale decisions not repaired", room.name)

    async def room_loaded(self, room: Room) -> None:
        if room.name.endswith(".decisions") and self.source is not None:
            self._spawn(self._reconcile(room), f"reconcile-{room.name}")

    async def room_unloaded(self, room: Room) -> None:
        self._known.pop(room.name, None)

    async def _reconcile(self, room: Room) -> None:
        """A room loaded here: bring it to the database's state (an archive just imported, a write
        lost with a process that died before its log was stored)."""
        await room.ready.wait()
        assert self.source is not None
        slug = room.name.rsplit(".", 1)[0]
        try:
            entries = await self.source(slug)
            if self.rooms is not None and self.rooms.find(room.name) is room:
                self.write(room, entries)
        except Exception:
            log.exception("room %s not brought to the database's state", room.name)

    def _spawn(self, work: Awaitable[None], name: str) -> asyncio.Task[None]:
        task = asyncio.ensure_future(work)
        task.set_name(name)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
