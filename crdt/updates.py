"""Reading Yjs v1 updates before pycrdt does: structure, nesting depth and causal gaps.

pycrdt 0.14 (yrs 0.28) cannot be handed arbitrary bytes (see FIELD-NOTES.md):
deeply nested values crash the process inside `apply_update`, some malformed
updates raise `BaseException`s, and an update that skips ahead in a client's
clock sequence is integrated where Yjs keeps it pending, so Yrs and Yjs
replicas would disagree. `inspect_update` walks the whole update in Python,
following Yjs' `UpdateDecoderV1`, and refuses all of that before the update
reaches pycrdt. It also returns what the update covers, which the room uses to
keep its own state vector and to tell no-ops from real changes.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pycrdt import Doc

from crdt.jsontext import JsonTextError, JsonTooDeep, check_json
from crdt.protocol import ProtocolError, Reader

# Nesting of values inside one update (ContentAny / JSON). Real documents stay
# under ten levels; yrs crashes somewhere past ten thousand.
MAX_VALUE_DEPTH = 64

_BITS5 = 0x1F
_BIT6 = 0x20  # parentSub present
_BIT7 = 0x40  # right origin present
_BIT8 = 0x80  # left origin present

_GC = 0
_SKIP = 10
_CONTENT_DELETED = 1
_CONTENT_JSON = 2
_CONTENT_BINARY = 3
_CONTENT_STRING = 4
_CONTENT_EMBED = 5
_CONTENT_FORMAT = 6
_CONTENT_TYPE = 7
_CONTENT_ANY = 8
_CONTENT_DOC = 9

_TYPE_XML_ELEMENT = 3
_TYPE_XML_HOOK = 5
_MAX_TYPE_REF = 6


class UpdateError(ProtocolError):
    """An update the server refuses to apply."""


class MalformedUpdate(UpdateError):
    """The bytes are not a Yjs v1 update."""


class TooDeep(UpdateError):
    """A value nests deeper than MAX_VALUE_DEPTH."""


class CausalGap(UpdateError):
    """The update depends on operations the document has not seen (Yjs would keep it pending)."""


class EngineFailure(UpdateError):
    """pycrdt itself failed while applying: the document may hold part of the update."""


def apply_to_doc(doc: Doc[Any], update: bytes) -> None:
    """Apply, turning every failure pycrdt can raise, panics included, into EngineFailure."""
    try:
        doc.apply_update(update)
    except (KeyboardInterrupt, SystemExit, asyncio.CancelledError):
        raise
    except BaseException as exc:  # pyo3_runtime.PanicException derives from BaseException
        raise EngineFailure(f"{type(exc).__name__}: {exc}") from exc


@dataclass(slots=True)
class UpdateSummary:
    """What one update covers, in Yjs clocks."""

    # client id -> (first clock, clock after the last struct) of the structs it carries
    ranges: dict[int, tuple[int, int]] = field(default_factory=dict)
    # client id -> clock after the last deleted position it names
    delete_ends: dict[int, int] = field(default_factory=dict)
    # (client, clock) pairs that structs point to: origins and parents
    dependencies: list[tuple[int, int]] = field(default_factory=list)
    has_skip: bool = False
    struct_count: int = 0

    @property
    def is_empty(self) -> bool:
        return not self.ranges and not self.delete_ends

    def adds_to(self, known: Mapping[int, int]) -> bool:
        """Whether applying the update can change a document whose state vector is `known`."""
        if self.delete_ends:
            return True  # deletions cannot be told new or old from clocks alone
        return any(end > known.get(client, 0) for client, (_, end) in self.ranges.items())

    def check_continues(self, known: Mapping[int, int]) -> None:
        """Raise CausalGap unless every struct and deletion builds only on what `known` holds.

        Yjs keeps such updates pending; yrs 0.27+ integrates some of them (y-crdt #632), so
        the server refuses them instead of letting its document drift from the browsers'.
        """
        if self.has_skip:
            raise CausalGap("update contains a skipped range of clocks")
        reach = dict(known)
        for client, (start, end) in self.ranges.items():
            have = known.get(client, 0)
            if start > have:
                raise CausalGap(f"client {client} jumps from clock {have} to {start}")
            reach[client] = max(have, end)
        for client, clock in self.dependencies:
            if clock >= reach.get(client, 0):
                raise CausalGap(f"depends on unknown operation {client}:{clock}")
        for client, end in self.delete_ends.items():
            if end > reach.get(client, 0):
                raise CausalGap(f"deletes unknown operations of client {client}")


def inspect_update(update: bytes, max_depth: int = MAX_VALUE_DEPTH) -> UpdateSummary:
    """Parse a whole v1 update; raise MalformedUpdate or TooDeep, else summarise it."""
    try:
        return _inspect(Reader(update), max_depth)
    except UpdateError:
        raise
    except ProtocolError as exc:
        raise MalformedUpdate(str(exc)) from exc
    except RecursionError as exc:  # pragma: no cover - depth is bounded well below the limit
        raise TooDeep("value nesting too deep") from exc


def _inspect(reader: Reader, max_depth: int) -> UpdateSummary:
    summary = UpdateSummary()
    client_sections = reader.read_var_uint()
    if client_sections > reader.remaining:
        raise MalformedUpdate("update announces more clients than it has bytes")
    for _ in range(client_sections):
        struct_count = reader.read_var_uint()
        client = reader.read_var_uint()
        clock = reader.read_var_uint()
        if client in summary.ranges:
            raise MalformedUpdate(f"client {client} appears twice")
        if struct_count == 0:
            continue
        if struct_count > reader.remaining:
            raise MalformedUpdate("update announces more structs than it has bytes")
        start = clock
        for _ in range(struct_count):
            clock += _read_struct(reader, summary, max_depth)
        summary.ranges[client] = (start, clock)
        summary.struct_count += struct_count
    _read_delete_set(reader, summary)
    reader.expect_end()
    return summary


def _read_struct(reader: Reader, summary: UpdateSummary, max_depth: int) -> int:
    """Read one struct and return its length in clock units."""
    info = reader.read_uint8()
    content_ref = info & _BITS5
    if content_ref == _GC:
        return _positive_length(reader)
    if content_ref == _SKIP:
        summary.has_skip = True
        return _positive_length(reader)
    if info & _BIT8:
        summary.dependencies.append((reader.read_var_uint(), reader.read_var_uint()))
    if info & _BIT7:
        summary.dependencies.append((reader.read_var_uint(), reader.read_var_uint()))
    if not info & (_BIT7 | _BIT8):
        parent_is_root_name = reader.read_var_uint() == 1
        if parent_is_root_name:
            reader.read_var_string()
        else:
            summary.dependencies.append((reader.read_var_uint(), reader.read_var_uint()))
        if info & _BIT6:
            reader.read_var_string()
    return _read_content(reader, content_ref, max_depth)


def _positive_length(reader: Reader) -> int:
    length = reader.read_var_uint()
    if length == 0:
        raise MalformedUpdate("struct of length zero")
    return length


def _read_content(reader: Reader, content_ref: int, max_depth: int) -> int:
    if content_ref == _CONTENT_STRING:
        raw = reader.read_var_bytes()
        if raw.isascii():
            length = len(raw)
        else:
            try:
                length = len(raw.decode("utf-8").encode("utf-16-le")) // 2
            except UnicodeError as exc:
                raise MalformedUpdate("string content is not valid UTF-8") from exc
        if length == 0:
            raise MalformedUpdate("empty string content")
        return length
    if content_ref == _CONTENT_DELETED:
        return _positive_length(reader)
    if content_ref == _CONTENT_ANY:
        count = _positive_length(reader)
        for _ in range(count):
            _skip_any(reader, max_depth)
        return count
    if content_ref == _CONTENT_JSON:
        count = _positive_length(reader)
        for _ in range(count):
            text = reader.read_var_string()
            if text != "undefined":
                _check_json(text, max_depth)
        return count
    if content_ref == _CONTENT_BINARY:
        reader.skip_var_bytes()
        return 1
    if content_ref == _CONTENT_EMBED:
        _check_json(reader.read_var_string(), max_depth)
        return 1
    if content_ref == _CONTENT_FORMAT:
        reader.read_var_string()
        _check_json(reader.read_var_string(), max_depth)
        return 1
    if content_ref == _CONTENT_TYPE:
        type_ref = reader.read_var_uint()
        if type_ref > _MAX_TYPE_REF:
            raise MalformedUpdate(f"unknown shared type {type_ref}")
        if type_ref in (_TYPE_XML_ELEMENT, _TYPE_XML_HOOK):
            reader.read_var_string()
        return 1
    if content_ref == _CONTENT_DOC:
        reader.read_var_string()
        _skip_any(reader, max_depth)
        return 1
    raise MalformedUpdate(f"unknown content type {content_ref}")


def _skip_any(reader: Reader, depth_left: int) -> None:
    """Skip one lib0 `Any` value, refusing nesting deeper than `depth_left`."""
    tag = reader.read_uint8()
    if tag in (127, 126, 121, 120):  # undefined, null, false, true
        return
    if tag == 125:
        reader.read_var_int()
    elif tag == 124:
        reader.skip(4)
    elif tag in (123, 122):
        reader.skip(8)
    elif tag == 119:
        reader.read_var_string()  # yrs refuses invalid UTF-8 halfway through an update
    elif tag == 116:
        reader.skip_var_bytes()
    elif tag in (118, 117):  # object, array
        if depth_left <= 0:
            raise TooDeep("value nesting too deep")
        count = reader.read_var_uint()
        if count > reader.remaining:
            raise MalformedUpdate("collection announces more entries than it has bytes")
        for _ in range(count):
            if tag == 118:
                reader.read_var_string()
            _skip_any(reader, depth_left - 1)
    else:
        raise MalformedUpdate(f"unknown value type {tag}")


def _check_json(text: str, max_depth: int) -> None:
    try:
        check_json(text, max_depth)
    except JsonTooDeep as exc:
        raise TooDeep(str(exc)) from exc
    except JsonTextError as exc:
        raise MalformedUpdate(f"content: {exc}") from exc


def _read_delete_set(reader: Reader, summary: UpdateSummary) -> None:
    clients = reader.read_var_uint()
    if clients > reader.remaining:
        raise MalformedUpdate("delete set announces more clients than it has bytes")
    for _ in range(clients):
        client = reader.read_var_uint()
        ranges = reader.read_var_uint()
        if ranges > reader.remaining:
            raise MalformedUpdate("delete set announces more ranges than it has bytes")
        end = summary.delete_ends.get(client, 0)
        for _ in range(ranges):
            clock = reader.read_var_uint()
            length = reader.read_var_uint()
            end = max(end, clock + length)
        if ranges:
            summary.delete_ends[client] = end


def block_starts(update: bytes) -> dict[int, list[int]]:
    """The first clock of every struct of a (trusted, whole-state) update, per client, ascending.

    A document's own `get_update()` writes its items as it holds them, so these are the
    boundaries of its items (crdt/anchors.py needs where the item holding a character starts).
    """
    reader = Reader(update)
    summary = UpdateSummary()
    starts: dict[int, list[int]] = {}
    for _ in range(reader.read_var_uint()):
        struct_count = reader.read_var_uint()
        client = reader.read_var_uint()
        clock = reader.read_var_uint()
        mine = starts.setdefault(client, [])
        for _ in range(struct_count):
            mine.append(clock)
            clock += _read_struct(reader, summary, MAX_VALUE_DEPTH)
    return starts
