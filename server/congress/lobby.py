"""What a member of a congress reads on arriving: the congress, its documents, the motion as it is now,
and what the live editors need to know about them."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any, Protocol

from pycrdt import Doc

from crdt.mindmap import build_tree
from crdt.motion import motion_text
from server.congress.directory import Directory
from server.congress.domain import Identity, room_name
from server.congress.views import Congress, CongressPage
from server.errors import NotYourCongress


class _Room(Protocol):
    @property
    def doc(self) -> Doc[Any]: ...


class Rooms(Protocol):
    """server/rooms.py RoomManager: a live document by room name, loaded if need be."""

    async def get(self, name: str) -> Any: ...


@dataclass(frozen=True, slots=True)
class EditorSeat:
    """Who opens an editor page, as the browser client shows them."""

    congress: Congress
    site: str  # "on_site" or "remote"


class Lobby:
    def __init__(self, directory: Directory, rooms: Rooms) -> None:
        self.directory = directory
        self.rooms = rooms

    async def congress(self, me: Identity) -> Congress:
        def work() -> Congress:
            row = self.directory.congress_by_id(me.congress_id)
            if row is None:
                raise NotYourCongress()
            return Congress.of(row, self.directory.documents(me.congress_id))

        return await asyncio.to_thread(work)

    async def page(self, me: Identity) -> CongressPage:
        return CongressPage(await self.congress(me), await self.motion(me.congress_slug))

    async def motion(self, slug: str) -> str:
        """The motion's Markdown now; empty if another client stored something else under that name."""
        room: _Room = await self.rooms.get(room_name(slug, "motion"))
        try:
            return str(motion_text(room.doc))
        except Exception:
            return ""

    async def seat(self, me: Identity) -> EditorSeat:
        person = await asyncio.to_thread(self.directory.participant, me.participant_id)
        if person is None:
            raise NotYourCongress()
        return EditorSeat(await self.congress(me), "remote" if person.site == "remote" else "on_site")

    async def map_links(self, slug: str) -> set[str]:
        """Every contribution the congress's mind map links to now."""
        room: _Room = await self.rooms.get(room_name(slug, "mindmap"))
        return {link for _, node in build_tree(room.doc).walk() for link in node.links}
