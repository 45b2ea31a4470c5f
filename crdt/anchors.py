"""Anchors in the motion: Yjs relative positions, read and resolved to UTF-8 byte offsets.

A browser anchors an amendment with `Y.encodeRelativePosition` (a position
that follows its characters while others type); pycrdt's `StickyIndex`
encodes and decodes the very same bytes. The wire format (lib0 encoding):

- `0`, client, clock: the position sticks to the character with that id;
- `1`, a root type's name: the end of that type;
- `2`, client, clock: the end of a type nested in that item (not the motion's);

then `assoc` as a signed varInt (0: before that character, -1: after the one
before; absent in Yjs before 13.5, meaning 0).

pycrdt 0.14 (yrs 0.28) resolves such a position in mixed units (docs/field-notes.md):
the characters before the anchored item count in UTF-8 bytes, but the
offset inside that item counts in UTF-16 units (Yjs clocks). Outside ASCII
the index is wrong, and asking pycrdt to make a position at a byte offset
past a multi-byte character panics. So anchors are made only by the
browser, and resolved here: pycrdt says where the anchored item starts
(an offset of 0 inside it is exact), and the rest is counted on the text
itself, UTF-16 unit by unit.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Any

from pycrdt import Doc, StickyIndex, Text

from crdt.motion import TEXT
from crdt.protocol import ProtocolError, Reader, decode_state_vector, encode_var_string, encode_var_uint
from crdt.updates import block_starts

MAX_ANCHOR_BYTES = 64  # a relative position is a few bytes; a root name at most the motion's


class AnchorError(ProtocolError):
    """Bytes that are not a relative position into the motion's text."""


class UnknownAnchor(AnchorError):
    """The position names a character this document has not received yet."""


@dataclass(frozen=True, slots=True)
class Anchor:
    """One decoded relative position: sticking to a character (`client`, `clock`) or at the end."""

    client: int | None
    clock: int | None
    assoc: int  # 0: before the character (Yjs' default); negative: after the one before it

    @property
    def at_end(self) -> bool:
        return self.client is None


def decode_anchor(data: bytes) -> Anchor:
    if not 2 <= len(data) <= MAX_ANCHOR_BYTES:
        raise AnchorError("not a relative position")
    reader = Reader(data)
    kind = reader.read_var_uint()
    client: int | None = None
    clock: int | None = None
    if kind == 0:
        client, clock = reader.read_var_uint(), reader.read_var_uint()
    elif kind == 1:
        if reader.read_var_string() != TEXT:
            raise AnchorError("the position is in another document than the motion")
    elif kind == 2:
        raise AnchorError("the position is inside a nested type, not in the motion's text")
    else:
        raise AnchorError(f"unknown relative position kind {kind}")
    assoc = reader.read_var_int() if reader.remaining else 0
    reader.expect_end()
    return Anchor(client, clock, -1 if assoc < 0 else 0)


def encode_anchor(anchor: Anchor) -> bytes:
    """The bytes Yjs' `encodeRelativePosition` writes for this position."""
    if anchor.client is None or anchor.clock is None:
        head = encode_var_uint(1) + encode_var_string(TEXT)
    else:
        head = encode_var_uint(0) + encode_var_uint(anchor.client) + encode_var_uint(anchor.clock)
    return head + (b"\x41" if anchor.assoc < 0 else b"\x00")  # lib0 varInt: -1 is 0x41


def utf8_length_of_units(raw: bytes, start: int, units: int) -> int:
    """How many UTF-8 bytes of `raw`, from byte `start`, make `units` UTF-16 code units."""
    size = 0
    for char in raw[start:].decode("utf-8", errors="strict"):
        if units <= 0:
            break
        units -= 2 if ord(char) > 0xFFFF else 1
        size += len(char.encode())
    if units > 0:
        raise AnchorError("the position is past the end of the text")
    return size


class Resolver:
    """One look at a motion document, to resolve any number of anchors against it.

    Built and used without awaiting in between: the offsets are those of the document as it is.
    """

    def __init__(self, doc: Doc[Any]) -> None:
        self.doc = doc
        self.text: Text = doc.get(TEXT, type=Text)
        self.raw = str(self.text).encode()
        self.clocks = decode_state_vector(doc.get_state())
        self._starts: dict[int, list[int]] | None = None

    @property
    def value(self) -> str:
        return self.raw.decode()

    def offset(self, anchor: Anchor) -> int:
        """The UTF-8 byte offset in the text where `anchor` stands now (Yjs' own answer, in bytes)."""
        if anchor.client is None or anchor.clock is None:
            return len(self.raw)
        if anchor.clock >= self.clocks.get(anchor.client, 0):
            raise UnknownAnchor(f"character {anchor.client}:{anchor.clock} not received yet")
        after = self._pycrdt(anchor.client, anchor.clock, 0)
        before = self._pycrdt(anchor.client, anchor.clock, -1)
        if before != after + 1:
            return after  # that character is deleted: both are where it was, and exact
        start_clock = self._block_start(anchor.client, anchor.clock)
        start = self._pycrdt(anchor.client, start_clock, 0)  # an offset of 0 in its item: exact
        inside = anchor.clock - start_clock
        if after - start != inside:
            raise AnchorError("the text's items are not where its encoded state says")
        return start + utf8_length_of_units(self.raw, start, inside + (1 if anchor.assoc < 0 else 0))

    def passage(self, start: Anchor, end: Anchor) -> tuple[int, int, str]:
        """Byte offsets of the passage between two anchors, and its text ("" once they crossed)."""
        first, last = self.offset(start), self.offset(end)
        if last < first:
            return first, first, ""
        return first, last, self.raw[first:last].decode()

    def _pycrdt(self, client: int, clock: int, assoc: int) -> int:
        try:
            index = StickyIndex.decode(encode_anchor(Anchor(client, clock, assoc)), self.text)
            return int(index.get_index())
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException as exc:  # pyo3's PanicException is a BaseException (docs/field-notes.md)
            raise AnchorError(f"pycrdt could not resolve {client}:{clock}: {exc}") from exc

    def _block_start(self, client: int, clock: int) -> int:
        if self._starts is None:
            self._starts = block_starts(self.doc.get_update())
        starts = self._starts.get(client, [])
        found = bisect.bisect_right(starts, clock)
        if not found:
            raise AnchorError(f"no item holds {client}:{clock}")
        return starts[found - 1]
