"""The motion at a chosen version: a log position or "current", rebuilt from the store.

This is the one seam through which publication and exports choose a version.
A version is a position of the update log (the state after every update of the
room with an id up to it) or "current" (the log's newest position once the
accepted updates are flushed). Named versions, when the history side provides
them, resolve to a position here too.

The text is the nearest checkpoint plus the updates after it (crdt.history.doc_at);
the contributors are the participants recorded on the room's updates up to the
position ("participant:{id}"), in order of their first edit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from crdt.history import doc_at
from crdt.motion import motion_text
from server.congress.domain import DomainError
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


async def motion_at(store: Store, room: str, position: int | None) -> MotionVersion:
    """The motion text of `room` after its updates up to `position` (None: everything stored)."""
    updates = await store.updates(room, 0, position)
    checkpoint = await store.checkpoint_before(room, position)
    after = checkpoint.upto_id if checkpoint else 0
    doc: Any = doc_at(checkpoint.state if checkpoint else None, (u.data for u in updates if u.id > after))
    try:
        text = str(motion_text(doc))
    except Exception:  # something else stored under the text's name: there is no motion to show
        text = ""
    contributors: dict[int, None] = {}
    for update in updates:
        match = _AUTHOR.fullmatch(update.author)
        if match:
            contributors.setdefault(int(match.group(1)), None)
    last = updates[-1] if updates else None
    return MotionVersion(room, last.id if last else 0, text, last.at if last else None, tuple(contributors))
