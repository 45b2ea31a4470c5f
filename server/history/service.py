"""The history service: a congress's motion and mind map at any log position, and its named versions.

A position is an id of the update log. Ids are shared by every room, so one
position fixes both documents of a congress at once: the motion and the mind
map as they were when the update with that id was stored. Each document is
rebuilt from its newest checkpoint at or before the position plus the few
updates after it (crdt.replay.doc_at, through server.history.seek), never from
pycrdt's Snapshot.

The live log is batched (server/realtime/extensions/persistence.py): reading "now" flushes it first,
so what an organiser just saw typed is part of the newest position.
"""

from __future__ import annotations

import asyncio
import bisect
import logging
import sys
from dataclasses import dataclass
from typing import Any

from pycrdt import Doc

from crdt.history import Change, Passage, word_diff
from crdt.mindmap import Node, build_tree
from crdt.motion import motion_text
from server import palette
from server.clock import Clock
from server.congress import demo
from server.congress.directory import Directory
from server.congress.domain import DomainError, room_name
from server.history.authorship import Authorship
from server.history.mapauthors import MapAuthors
from server.history.present import Authors
from server.history.records import HistoryRecords
from server.history.repository import HistoryRepository
from server.history.restore import mindmap_restore, motion_restore
from server.history.seek import Seeker
from server.history.timeline import Timeline, build_timeline
from server.realtime.extension import Origin, OriginKind
from server.realtime.extensions.persistence import UpdateLog
from server.realtime.rooms import RoomManager
from server.store.base import LogMark, Store

log = logging.getLogger(__name__)
KINDS = ("motion", "mindmap")


class UnknownVersion(DomainError):
    """No such named version (or position) in this congress."""


@dataclass(frozen=True)
class NamedVersion:
    id: int
    name: str
    position: int
    created_by: str
    created_at: float


@dataclass
class Moment:
    """Both documents of a congress at one position."""

    position: int
    at: float | None  # when the update at (or last before) the position was accepted
    motion: str
    mindmap: Node
    passages: list[Passage] | None = None  # the motion by author, when asked for
    node_authors: dict[str, str] | None = None  # node id → who last named it, when asked for


class Marks:
    """A room's log without the bytes (id, author, time), kept in memory and extended as it grows.

    Kept as columns (ints, interned names and floats are not walked by the garbage collector),
    so a day's 100,000 marks do not lengthen every full collection of the process."""

    def __init__(self) -> None:
        self.ids: list[int] = []
        self.authors: list[str] = []
        self.ats: list[float] = []
        self.times: list[float] = []  # running maximum: bisectable even if clocks of processes differ
        self.room = ""

    def extend(self, marks: list[LogMark]) -> None:
        for mark in marks:
            self.room = mark.room
            self.ids.append(mark.id)
            self.authors.append(sys.intern(mark.author))
            self.ats.append(mark.at)
            self.times.append(max(mark.at, self.times[-1]) if self.times else mark.at)

    def _mark(self, index: int) -> LogMark:
        return LogMark(self.ids[index], self.room, self.authors[index], self.ats[index])

    @property
    def items(self) -> list[LogMark]:
        return [self._mark(i) for i in range(len(self.ids))]

    @property
    def last_id(self) -> int:
        return self.ids[-1] if self.ids else 0

    def after(self, position: int) -> list[LogMark]:
        return [self._mark(i) for i in range(bisect.bisect_right(self.ids, position), len(self.ids))]

    def upto(self, position: int) -> LogMark | None:
        index = bisect.bisect_right(self.ids, position)
        return self._mark(index - 1) if index else None

    def before_time(self, at: float) -> LogMark | None:
        index = bisect.bisect_right(self.times, at)
        return self._mark(index - 1) if index else None


class History:
    def __init__(
        self,
        store: Store,
        update_log: UpdateLog,
        directory: Directory,
        rooms: RoomManager | None = None,
        records: HistoryRepository | None = None,
        clock: Clock | None = None,
    ) -> None:
        self.clock = clock or Clock()  # how its pages and answers show a time (server/clock.py)
        self.store = store
        self.update_log = update_log
        self.directory = directory
        self.rooms = rooms  # for restore: an old version goes back into the live room
        self._records: HistoryRepository | None = records  # made on the directory's database at start
        self._authorship: Authorship | None = None
        self._marks: dict[str, Marks] = {}
        self._congress_ids: dict[str, int] = {}
        self._lock = asyncio.Lock()
        self.seeker = Seeker(store)
        self.map_authors = MapAuthors(self.seeker.log)
        self._warmed: dict[str, asyncio.Task[None]] = {}
        self._timelines: dict[str, tuple[tuple[int, ...], Timeline]] = {}

    async def start(self) -> None:
        if self._records is None:
            self._records = HistoryRecords(self.directory.engine)
        self._authorship = Authorship(self.store, self._records, self.seeker)
        self.update_log.checkpoint_listeners.append(self._checkpointed)

    def _checkpointed(self, room: str) -> None:
        if room.endswith(".motion") and self._authorship is not None:
            self._authorship.checkpointed(room)

    async def warm_authorship(self, slug: str) -> None:
        """Cache the motion's authorship at every checkpoint now (done in the background otherwise)."""
        if self._authorship is not None:
            await self._authorship._warm(room_name(slug, "motion"))

    @property
    def records(self) -> HistoryRepository:
        if self._records is None:
            raise RuntimeError("history not started")
        return self._records

    # -- positions -------------------------------------------------------------------

    async def marks(self, slug: str) -> dict[str, Marks]:
        """Every logged update of the congress's documents, by kind, up to now."""
        await self.update_log.flush()
        async with self._lock:
            found = {}
            for kind in KINDS:
                room = room_name(slug, kind)
                marks = self._marks.setdefault(room, Marks())
                marks.extend(await self.store.marks([room], after_id=marks.last_id))
                found[kind] = marks
            return found

    async def timeline(self, slug: str) -> Timeline:
        """The congress's steps and activity, built again only when the log has grown."""
        marks = await self.marks(slug)
        self.warm(slug)
        key = tuple(m.last_id for m in marks.values())
        known = self._timelines.get(slug)
        if known is None or known[0] != key:
            known = self._timelines[slug] = (
                key,
                build_timeline(marks),
            )
        return known[1]

    def warm(self, slug: str) -> None:
        """Get seeking in the congress ready in the background (once per process and room)."""
        for kind in KINDS:
            room = room_name(slug, kind)
            if room not in self._warmed:
                self._warmed[room] = asyncio.get_running_loop().create_task(self._warm(room))

    async def prepare(self, slug: str) -> None:
        """Get seeking ready now (what `warm` starts in the background)."""
        self.warm(slug)
        await asyncio.gather(*(self._warmed[room_name(slug, kind)] for kind in KINDS))

    async def _warm(self, room: str) -> None:
        try:
            await self.seeker.warm(room)
            if room.endswith(".mindmap"):  # who named each node: the map's log replayed once
                await self.map_authors.named_by(room, self.seeker.log.settled(room))
        except Exception:
            log.exception("seeking in %s not prepared ahead", room)

    async def latest(self, slug: str) -> int:
        """The newest position of the congress (0 while nothing was written)."""
        return max(m.last_id for m in (await self.marks(slug)).values())

    async def edits_since(self, slug: str, at: float) -> int:
        """How many updates of the congress's documents were logged after unix time `at`."""
        marks = await self.marks(slug)
        return sum(len(m.times) - bisect.bisect_right(m.times, at) for m in marks.values())

    async def position_at_time(self, slug: str, at: float) -> int:
        """The newest position accepted at or before unix time `at` (0 before the first edit)."""
        found = [m.before_time(at) for m in (await self.marks(slug)).values()]
        return max((mark.id for mark in found if mark is not None), default=0)

    async def time_of(self, slug: str, position: int) -> float | None:
        cached = [self._marks.get(room_name(slug, kind)) for kind in KINDS]
        known = [m for m in cached if m is not None]
        if len(known) < len(KINDS) or position > max(m.last_id for m in known):
            known = list((await self.marks(slug)).values())  # flushes: only when the position is new
        found = [mark for m in known if (mark := m.upto(position)) is not None]
        return max(found, key=lambda mark: mark.id).at if found else None

    # -- documents at a position --------------------------------------------------------

    async def doc_at(self, room: str, position: int | None = None) -> Doc[Any]:
        """The room's document once the log up to `position` (None: all of it) is applied."""
        if position is None:
            await self.update_log.flush()
        return await self.seeker.doc_at(room, position)

    async def text_at(self, slug: str, position: int | None = None, version: int | None = None) -> str:
        """The motion's Markdown at a position, or at a named version, or now (neither given)."""
        if version is not None:
            position = (await self.version(slug, version)).position
        if position is None:
            await self.update_log.flush()
        return await self.seeker.motion_text_at(room_name(slug, "motion"), position)

    async def mindmap_at(self, slug: str, position: int | None = None) -> Node:
        if position is None:
            await self.update_log.flush()
        return await self.seeker.read_at(room_name(slug, "mindmap"), position, "tree", build_tree)

    async def moment(self, slug: str, position: int | None = None, authors: bool = False) -> Moment:
        """Both documents at `position` (None: now); with `authors`, who wrote each passage of the
        motion (the motion's text is then theirs joined: one replay, not two)."""
        if position is None:
            position = await self.latest(slug)
        at = await self.time_of(slug, position)
        if not authors:
            motion, mindmap = await asyncio.gather(
                self.text_at(slug, position), self.mindmap_at(slug, position)
            )
            return Moment(position, at, motion, mindmap)
        passages, mindmap, node_authors = await asyncio.gather(
            self.authorship(slug, position),
            self.mindmap_at(slug, position),
            self.node_authors(slug, position),
        )
        return Moment(position, at, "".join(p.text for p in passages), mindmap, passages, node_authors)

    async def node_authors(self, slug: str, position: int | None = None) -> dict[str, str]:
        """Node id of the mind map → who last wrote its name ("participant:{id}"), at `position`."""
        if position is None:
            position = await self.latest(slug)
        return await self.map_authors.named_by(room_name(slug, "mindmap"), position)

    async def authorship(self, slug: str, position: int | None = None) -> list[Passage]:
        """The motion at `position` (None: now) in passages, each with its writer ("participant:{id}")."""
        if position is None:
            position = await self.latest(slug)
        if self._authorship is None:
            raise RuntimeError("history not started")
        return await self._authorship.passages(room_name(slug, "motion"), position)

    # -- restore ------------------------------------------------------------------------------

    async def restore(
        self, slug: str, position: int, author: str, kinds: tuple[str, ...] = KINDS
    ) -> dict[str, int | None]:
        """Bring the documents of `position` back as a new edit by `author` on the live rooms.

        Returns, per document, the log position of the restoring edit (None: already equal).
        """
        if self.rooms is None:
            raise RuntimeError("restore needs the live rooms")
        congress = await asyncio.to_thread(self.directory.congress, slug)
        if congress is None:
            raise UnknownVersion("no such congress")
        if congress.phase == "published":
            raise DomainError("the motion is published: its documents are frozen")
        if not 0 <= position <= await self.latest(slug):
            raise DomainError("no such position")
        marks = await self.marks(slug)
        before = {kind: marks[kind].last_id for kind in kinds}
        done: dict[str, int | None] = {}
        for kind in kinds:
            room_id = room_name(slug, kind)
            target = await self.doc_at(room_id, position)
            room = await self.rooms.get(room_id)
            # No await between computing the edit on the live document and applying it.
            if kind == "motion":
                update = motion_restore(room.doc, str(motion_text(target)))
            else:
                update = mindmap_restore(room.doc, target)
            if update is None:
                done[kind] = None
                continue
            room.apply_update(update, Origin(OriginKind.LOCAL, author))
            done[kind] = 0
        marks = await self.marks(slug)  # flushed: the restoring edits are in the log now
        for kind in done:
            if done[kind] is not None:
                done[kind] = next((m.id for m in marks[kind].after(before[kind]) if m.author == author), None)
        return done

    # -- named versions ---------------------------------------------------------------------

    async def congress_id(self, slug: str) -> int:
        if slug not in self._congress_ids:
            congress = await asyncio.to_thread(self.directory.congress, slug)
            if congress is None or congress.id is None:
                raise UnknownVersion("no such congress")
            self._congress_ids[slug] = congress.id
        return self._congress_ids[slug]

    async def name_version(
        self, slug: str, name: str, author: str, position: int | None = None
    ) -> NamedVersion:
        """Name the state at `position`, or the current state (the newest position, flushed)."""
        name = " ".join(name.split())
        if not name or len(name) > 200:
            raise DomainError("a version needs a name of 1 to 200 characters")
        latest = await self.latest(slug)
        if position is None:
            position = latest
        if not 0 <= position <= latest:
            raise DomainError(f"position must be between 0 and {latest}")
        congress_id = await self.congress_id(slug)
        row = await asyncio.to_thread(self.records.add_version, congress_id, name, position, author)
        return _version(row)

    async def title(self, slug: str) -> str:
        congress = await asyncio.to_thread(self.directory.congress, slug)
        if congress is None:
            raise UnknownVersion("no such congress")
        return congress.title

    async def versions(self, slug: str) -> list[NamedVersion]:
        congress_id = await self.congress_id(slug)
        return [_version(row) for row in await asyncio.to_thread(self.records.versions, congress_id)]

    async def version(self, slug: str, version_id: int) -> NamedVersion:
        row = await asyncio.to_thread(self.records.version, version_id)
        if row is None or row.congress_id != await self.congress_id(slug):
            raise UnknownVersion("no such version in this congress")
        return _version(row)

    # -- for the organisers' pages ------------------------------------------------------------

    async def authors(self, slug: str, order: list[str] | None = None) -> Authors:
        """The name and the place in the congress (their colour) behind each author id of this
        congress (`participant:12`); `order`: the authors on the log, most active first."""
        congress_id = await self.congress_id(slug)
        people = await asyncio.to_thread(self.directory.participants, congress_id)
        places = palette.ranks(p.id for p in people if p.id is not None)
        names = {demo.AUTHOR: demo.AUTHOR_NAME} | {f"participant:{p.id}": p.name for p in people}
        ranks = {f"participant:{pid}": place for pid, place in places.items()}
        return Authors(names, ranks, list(order or []))

    async def names(self, slug: str) -> dict[str, str]:
        """The name behind each author id of this congress (`participant:12`)."""
        return (await self.authors(slug)).names

    async def compare(self, slug: str, old: int, new: int) -> list[Change]:
        """The motion's words from position `old` to position `new`."""
        before, after = await asyncio.gather(self.text_at(slug, old), self.text_at(slug, new))
        return word_diff(before, after)


def _version(row: Any) -> NamedVersion:
    return NamedVersion(row.id, row.name, row.position, row.created_by, row.created_at)
