"""Anchors: relative positions made by the real Yjs resolve here, in UTF-8 bytes, where Yjs resolves them.

The Node part (tests/interop/anchors.mjs) edits one text from three Yjs documents
concurrently, typing runs of accents, emoji and CJK, and anchors positions as a
browser does; Python resolves every anchor in the same document (pycrdt) and
must land on the byte offset of Yjs' own UTF-16 index.
"""

from __future__ import annotations

import base64
import json
import subprocess
from typing import Any

import pytest
from pycrdt import Doc, StickyIndex, Text

from crdt.anchors import Anchor, AnchorError, Resolver, UnknownAnchor, decode_anchor, encode_anchor
from crdt.motion import TEXT
from tests.conftest import need
from tests.interop.node_client import INTEROP_DIR, node_available


def yjs_session(seed: int) -> dict[str, Any]:
    reason = node_available()
    if reason:
        need(f"the Node Yjs client cannot run: {reason}")
    done = subprocess.run(
        ["node", str(INTEROP_DIR / "anchors.mjs"), str(seed)],
        cwd=INTEROP_DIR,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def byte_offset(text: str, index16: int) -> int:
    """Where Yjs' UTF-16 index falls in the UTF-8 text."""
    return len(text.encode("utf-16-le")[: 2 * index16].decode("utf-16-le").encode())


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_every_anchor_a_yjs_client_makes_resolves_where_yjs_resolves_it(seed: int) -> None:
    session = yjs_session(seed)
    doc: Doc[Any] = Doc()
    doc.apply_update(base64.b64decode(session["update"]))
    resolver = Resolver(doc)
    assert resolver.value == session["text"]
    assert any(ord(c) > 0xFFFF for c in session["text"]) and len(session["anchors"]) > 40
    for anchor in session["anchors"]:
        raw = base64.b64decode(anchor["rp"])
        decoded = decode_anchor(raw)
        assert encode_anchor(decoded) == raw  # the very bytes of Y.encodeRelativePosition
        assert decoded.assoc == anchor["assoc"]
        assert resolver.offset(decoded) == byte_offset(session["text"], anchor["index16"]), anchor


def test_pycrdt_alone_counts_inside_an_item_in_utf16_units() -> None:
    """The reason crdt/anchors.py counts the last stretch itself (docs/field-notes.md)."""
    doc: Doc[Any] = Doc(client_id=42)
    text = doc.get(TEXT, type=Text)
    text += "héllo 😀 wörld"  # one item: clocks are UTF-16 units
    anchor = Anchor(42, 9, 0)  # before "w": UTF-16 index 9, byte 12
    naive = StickyIndex.decode(encode_anchor(anchor), text).get_index()
    assert naive == 9
    assert Resolver(doc).offset(anchor) == len("héllo 😀 ".encode()) == 12


def test_an_anchor_follows_its_character_through_concurrent_edits() -> None:
    doc: Doc[Any] = Doc(client_id=7)
    text = doc.get(TEXT, type=Text)
    text += "## Axe\n1. réduire la fracture\n"
    start = Anchor(7, len("## Axe\n1. "), 0)
    end = Anchor(7, len("## Axe\n1. réduire"), 0)
    assert Resolver(doc).passage(start, end)[2] == "réduire"
    other: Doc[Any] = Doc(client_id=8)
    other.apply_update(doc.get_update())
    other_text = other.get(TEXT, type=Text)
    other_text.insert(0, "# Motion 🇫🇷\n")  # before the passage, from another replica
    doc.apply_update(other.get_update())
    first, _last, passage = Resolver(doc).passage(start, end)
    assert passage == "réduire" and first == len("# Motion 🇫🇷\n## Axe\n1. ".encode())
    del text[first : first + len("réduire".encode())]  # the passage itself rewritten
    text.insert(first, "combler")
    # The start's character is gone: it stands where it was, the new words now lie between.
    assert Resolver(doc).passage(start, end)[2] == "combler"


def test_an_anchor_at_the_end_and_one_after_a_character() -> None:
    doc: Doc[Any] = Doc(client_id=3)
    text = doc.get(TEXT, type=Text)
    text += "abc😀"
    resolver = Resolver(doc)
    assert resolver.offset(decode_anchor(encode_anchor(Anchor(None, None, 0)))) == len("abc😀".encode())
    assert resolver.offset(Anchor(3, 3, -1)) == len("abc😀".encode())  # after the emoji's last unit
    assert resolver.offset(Anchor(3, 0, -1)) == 1


def test_unknown_and_malformed_anchors_are_refused_before_pycrdt_sees_them() -> None:
    doc: Doc[Any] = Doc(client_id=3)
    doc.get(TEXT, type=Text).insert(0, "abc")
    resolver = Resolver(doc)
    with pytest.raises(UnknownAnchor):
        resolver.offset(Anchor(3, 3, 0))  # not received yet: pycrdt would panic
    with pytest.raises(UnknownAnchor):
        resolver.offset(Anchor(99, 0, 0))
    for raw in (b"", b"\x00", b"\x09\x01\x01\x00", b"\x01\x04nope\x00", b"\x02\x03\x00\x00", b"\x00" * 80):
        with pytest.raises(AnchorError):
            decode_anchor(raw)
