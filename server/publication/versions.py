"""The motion at a chosen version: a log position or "current", rebuilt from the store.

This is the one seam through which publication and exports choose a version.
A version is a position of the update log (the state after every update of the
room with an id up to it) or "current" (the log's newest position once the
accepted updates are flushed). Named versions, when the history side provides
them, resolve to a position here too.

The text is the history's motion at a position (server.history.seek,
Seeker.motion_text_at), the one the history pages show too; the contributors
are the participants recorded on the room's updates up to the position
("participant:{id}"), in order of their first edit, read from the log's marks
(no update bytes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from server.congress.domain import DomainError
from server.history.seek import Seeker
from server.store.base import Store

CURRENT = "current"
_AUTHOR = re.compile(r"participant:(\d+)")

Version = int | str  # a log position, or CURRENT


class BadVersion(DomainError):
    """A version that is neither a position of the log nor "current"."""


def parse_version(value: str | None) -> Version:
    if value is None or value == "" or value == CURRENT:
        return CURRENT
    try:
        position = int(value)
    except ValueError:
        raise BadVersion(f"version must be a log position (a number) or {CURRENT!r}") from None
    if position < 0:
        raise BadVersion("a log position cannot be negative")
    return position


@dataclass(frozen=True, slots=True)
class MotionVersion:
    room: str
    position: int  # the room's last update at or before the position asked for (0: none)
    text: str
    at: float | None  # time of the room's last update at or before the position
    contributors: tuple[int, ...]  # participant ids, in order of their first edit up to the position


async def motion_at(
    store: Store, room: str, position: int | None, seeker: Seeker | None = None
) -> MotionVersion:
    """The motion text of `room` after its updates up to `position` (None: everything stored).

    `seeker`: the history's, to share its cached states (a fresh one reads the store alone).
    """
    marks = await store.marks([room], 0, position)
    if marks:  # the position the text is read at: the room's last update (None: the log's end)
        position = marks[-1].id if position is not None else None
    text = await (seeker or Seeker(store)).motion_text_at(room, position) if marks else ""
    contributors: dict[int, None] = {}
    for mark in marks:
        match = _AUTHOR.fullmatch(mark.author)
        if match:
            contributors.setdefault(int(match.group(1)), None)
    last = marks[-1] if marks else None
    return MotionVersion(room, last.id if last else 0, text, last.at if last else None, tuple(contributors))
