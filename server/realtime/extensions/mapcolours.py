"""The mind map's colours, enforced in the shared document: an invalid one is put back to the default.

Every renderer already draws only `valid_colour` values (crdt/mindmap.py), but
a client that writes the map can store any string as a node's colour, and the
document keeps it for every other replica, export and tool (issue 12, item 6).
This extension watches the mind-map rooms: it observes each room's node map
(once, on the room's first update here; that first time it also looks at
every node, for colours stored before) and, after an update from one of this
process's clients, any node it saw added or recoloured with an invalid colour
gets "" (the default) in one server update, sent to everyone and logged like
any edit (author `server`). Observing costs only what changed: a scan of the
whole map costs about 7 ms per 1,000 nodes, too much for every keystroke. It
hangs off the room like the log and the relay (server/realtime/extension.py),
so the realtime layer needs no change.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any

from pycrdt import Doc, Map

from crdt.mindmap import nodes_map, valid_colour
from server.realtime.extension import BaseExtension, Origin, OriginKind, UpdateAccepted

if TYPE_CHECKING:
    from server.realtime.room import Room

log = logging.getLogger(__name__)
AUTHOR = "server"
MINDMAP_SUFFIX = ".mindmap"  # room names are "{slug}.{kind}" (server/congress/domain.py room_name)


def invalid_colours(doc: Doc[Any], only: set[str] | None = None) -> list[str]:
    """The ids of the nodes (of `only`, or all) whose stored colour a page must not draw."""
    nodes = nodes_map(doc)
    bad = []
    for node_id in list(nodes.keys()) if only is None else sorted(only):
        entry = nodes.get(node_id)
        if isinstance(entry, Map) and "colour" in entry and not valid_colour(entry.get("colour")):
            bad.append(node_id)
    return bad


def reset_colours(room: Room, node_ids: list[str]) -> None:
    """Give these nodes the default colour, as one update to the room."""
    doc: Doc[Any] = Doc()
    doc.apply_update(room.doc.get_update())
    before = doc.get_state()
    nodes = nodes_map(doc)
    with doc.transaction():
        for node_id in node_ids:
            nodes[node_id]["colour"] = ""
    room.apply_update(doc.get_update(before), Origin(OriginKind.LOCAL, AUTHOR))


class _Watch:
    """One room's document under observation: the nodes added or recoloured since the last look."""

    def __init__(self, doc: Doc[Any]) -> None:
        self.doc = doc
        self.touched: set[str] = set()
        self.everything = True  # the first look reads every node
        self.subscription = nodes_map(doc).observe_deep(self._changed)  # dropped, it would stop

    def _changed(self, events: list[Any]) -> None:
        for event in events:
            path = list(event.path)
            keys = dict(event.keys)
            if not path:  # nodes added (or replaced) in the map itself
                self.touched.update(str(k) for k, change in keys.items() if change.get("action") != "delete")
            elif len(path) == 1 and "colour" in keys:
                self.touched.add(str(path[0]))

    def take(self) -> set[str] | None:
        """What to look at now (None: everything), and start afresh."""
        everything, touched = self.everything, self.touched
        self.everything, self.touched = False, set()
        return None if everything else touched


class MapColours(BaseExtension):
    def __init__(self) -> None:
        self.watches: dict[str, _Watch] = {}
        self.due: set[str] = set()  # rooms to look at on the next turn of the loop

    def on_update(self, event: UpdateAccepted) -> None:
        room = event.room
        if not room.name.endswith(MINDMAP_SUFFIX):
            return
        watch = self.watches.get(room.name)
        if watch is None or watch.doc is not room.doc:  # new here, or its document was reloaded
            watch = self.watches[room.name] = _Watch(room.doc)
        # Our own clients' updates only: a relayed one is repaired by the process its client is
        # on, and our repairs hold only valid colours. Once per turn of the loop, after the room
        # has finished with this update, not from inside its extensions' loop.
        if event.origin.kind is OriginKind.CONNECTION and room.name not in self.due:
            self.due.add(room.name)
            asyncio.get_running_loop().call_soon(self._repair, room, event.origin.author)

    async def room_unloaded(self, room: Room) -> None:
        self.watches.pop(room.name, None)

    def _repair(self, room: Room, author: str) -> None:
        self.due.discard(room.name)
        watch = self.watches.get(room.name)
        if watch is None or watch.doc is not room.doc:
            return
        try:
            bad = invalid_colours(room.doc, watch.take())
            if bad:
                reset_colours(room, bad)
        except Exception:  # a room reloading or closed meanwhile: the renderers still refuse it
            log.exception("room %s: could not reset invalid mind-map colours", room.name)
            return
        if bad:
            log.warning(
                "room %s: %d invalid node colour(s) from %s reset to the default", room.name, len(bad), author
            )
