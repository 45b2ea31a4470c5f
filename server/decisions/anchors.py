"""Where an amendment's passage stands in the live motion, and the edit that applies it.

The anchors are the browser's Yjs relative positions (crdt/anchors.py). An
edit is computed on a copy of the live document and handed to the room like
anyone's keystrokes (server/history/restore.py does the same for a restore),
word by word (crdt.edits.rewrite_words): the words the old and the new wording
share stay in place, so what someone types inside or around the passage at
that moment survives. pycrdt counts in UTF-8 bytes, and so do these offsets.
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass
from typing import Any

from pycrdt import Doc

from crdt.anchors import Anchor, AnchorError, Resolver, UnknownAnchor, decode_anchor
from crdt.edits import edit_on_copy, rewrite_words
from crdt.motion import motion_text, outline
from crdt.protocol import ProtocolError
from server.decisions.errors import AnchorUnknown, BadAnchor

_ITEM = re.compile(r"^[ \t]*\d{1,9}[.)][ \t]+\S")


@dataclass(frozen=True, slots=True)
class Located:
    """A passage of the live text: its byte offsets and what it reads now."""

    first: int
    last: int
    text: str
    markdown: str


def anchor_of(encoded: str) -> Anchor:
    """A base64 relative position, or BadAnchor."""
    try:
        return decode_anchor(base64.b64decode(encoded, validate=True))
    except (binascii.Error, ProtocolError) as exc:
        raise BadAnchor(f"not a relative position into the motion: {exc}") from exc


def locate(doc: Doc[Any], start: str, end: str, resolver: Resolver | None = None) -> Located:
    """What lies between two anchors in `doc` now; AnchorUnknown for characters not received yet.
    One `resolver` (of `doc`, made without awaiting since) serves many passages."""
    first_anchor, last_anchor = anchor_of(start), anchor_of(end)
    resolver = resolver or Resolver(doc)
    try:
        first, last, text = resolver.passage(first_anchor, last_anchor)
    except UnknownAnchor as exc:
        raise AnchorUnknown(str(exc)) from exc
    except AnchorError as exc:
        raise BadAnchor(str(exc)) from exc
    return Located(first, last, text, resolver.value)


def axis_proposals(markdown: str, axis: str) -> int | None:
    """How many proposals the axis titled `axis` has (None: no such axis heading)."""
    wanted = " ".join(axis.split()).casefold()
    for entry in outline(markdown):
        if entry.kind == "axis" and " ".join(entry.title.split()).casefold() == wanted:
            return len(entry.children)
    return None


def replacement(live: Doc[Any], where: Located, new: str) -> bytes | None:
    """The smallest word-level edit turning the passage at `where` into `new`."""
    return edit_on_copy(live, lambda doc: rewrite_words(motion_text(doc), where.first, where.text, new))


def proposal_line(markdown: str, at: int, axis: str, wording: str) -> str:
    """A new proposal as it goes in at byte `at`: on a line of its own, numbered as the axis's next
    proposal unless it already starts like an item (the outline renumbers them anyway)."""
    line = wording.strip()
    if not _ITEM.match(line):
        line = f"{(axis_proposals(markdown, axis) or 0) + 1}. {line}"
    raw = markdown.encode()
    before, after = raw[:at], raw[at:]
    if before and not before.endswith(b"\n"):
        line = "\n" + line
    if not after.startswith(b"\n"):  # the next line, or the end of a text that ends without one
        line += "\n"
    return line


def insertion(live: Doc[Any], where: Located, axis: str, wording: str) -> bytes | None:
    """The edit inserting a new proposal where the (empty) passage `where` stands."""
    line = proposal_line(where.markdown, where.first, axis, wording)
    return edit_on_copy(live, lambda doc: motion_text(doc).insert(where.first, line))
