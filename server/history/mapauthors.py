"""Who named each node of the mind map, at any position: its log replayed once, its namings kept.

The replay page colours the map as it colours the motion: each node in the
colour of the person who last wrote its name (who created it, if nobody
renamed it). The map's log is small (about 5,000 updates in a day), so each
room's log is replayed once, in causal order (crdt.replay), with an observer
noting every naming: (position, node, author). The names at a position are
then those notes up to it, folded. The replay goes on as the log grows, up
to its settled part (server/history/logcache.py); a position past it is
answered from a copy, which goes no further.
"""

from __future__ import annotations

import asyncio
import bisect
from collections import defaultdict
from typing import Any

from pycrdt import Map

from crdt.mindmap import NODES
from crdt.replay import CausalReplay
from server.history.logcache import LogCache
from server.store.base import LoggedUpdate


class _Namings:
    """A replay of one map's log and, in order, every naming it saw."""

    def __init__(self, state: bytes | None = None) -> None:
        self.replay = CausalReplay(state, before_apply=self._applying)
        self.position = 0  # the log is replayed up to here
        self.positions: list[int] = []  # of each naming, ascending
        self.nodes: list[str] = []
        self.authors: list[str] = []
        self._author = ""
        self._at = 0
        # Kept for the life of the replay (pycrdt #421: unobserving frees nothing anyway).
        self._subscription = self.replay.doc.get(NODES, type=Map).observe_deep(self._note)

    def copy(self) -> _Namings:
        twin = _Namings(self.replay.state())
        twin.position = self.position
        twin.positions, twin.nodes, twin.authors = list(self.positions), list(self.nodes), list(self.authors)
        for update, author in self.replay.held():
            twin.replay.add(update, author)
        return twin

    def extend(self, updates: list[LoggedUpdate], upto: int) -> None:
        """Replay `updates` (the log after `position`, in order)."""
        for update in updates:
            self._at = update.id  # what it releases, held since, is named at this position
            self.replay.add(update.data, update.author)
        self.position = max(self.position, upto)

    def named_by(self, position: int) -> dict[str, str]:
        end = bisect.bisect_right(self.positions, position)
        return dict(zip(self.nodes[:end], self.authors[:end], strict=True))

    def _applying(self, author: Any) -> None:
        self._author = str(author)

    def _note(self, events: list[Any]) -> None:
        for event in events:
            path = list(event.path)
            if not path:  # nodes added (or replaced) in the map of nodes
                named = [
                    key for key, change in event.keys.items() if change.get("action") in ("add", "update")
                ]
            elif len(path) == 1 and "label" in event.keys:
                named = [str(path[0])]
            else:
                continue
            for node in named:
                self.positions.append(self._at)
                self.nodes.append(node)
                self.authors.append(self._author)


class MapAuthors:
    def __init__(self, log: LogCache) -> None:
        self.log = log
        self._rooms: dict[str, _Namings] = {}
        self._locks: defaultdict[str, asyncio.Lock] = defaultdict(asyncio.Lock)

    async def named_by(self, room: str, position: int) -> dict[str, str]:
        """Node id → the author who last wrote its name, once the log up to `position` is applied."""
        async with self._locks[room]:
            namings = self._rooms.get(room)
            if namings is None:
                namings = self._rooms[room] = await asyncio.to_thread(_Namings)
            if position <= namings.position:
                return namings.named_by(position)
            fetched = await self.log.updates(room, namings.position, position)
            settled = min(position, self.log.settled(room))
            if settled > namings.position:
                await asyncio.to_thread(namings.extend, [u for u in fetched if u.id <= settled], settled)
            if position <= namings.position:
                return namings.named_by(position)
            rest = [u for u in fetched if u.id > namings.position]  # past the settled log

            def on_a_copy() -> dict[str, str]:
                twin = namings.copy()
                twin.extend(rest, position)
                return twin.named_by(position)

            return await asyncio.to_thread(on_a_copy)
