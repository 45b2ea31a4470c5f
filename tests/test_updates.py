"""crdt.updates: reading untrusted Yjs updates before pycrdt does."""

from __future__ import annotations

import contextlib
import random
from typing import Any

import pytest
from pycrdt import Array, Doc, Map, Text

from crdt.protocol import decode_state_vector
from crdt.updates import CausalGap, MalformedUpdate, TooDeep, UpdateError, inspect_update
from tests.support.hostile import HALF_APPLIED_UPDATE, map_updates, nested_value_update, text_updates


def _edits() -> tuple[Doc[Any], list[bytes]]:
    doc: Doc[Any] = Doc()
    updates: list[bytes] = []
    doc.observe(lambda event: updates.append(event.update))
    text = doc.get("text", type=Text)
    text += "Axe 1 : inclusion numérique 😀"
    del text[0:4]
    doc.get("m", type=Map)["node"] = {"label": "Éducation", "links": [1, 2.5, None, True, b"\x00"]}
    doc.get("a", type=Array).append(Text("imbriqué"))
    return doc, updates


def test_clock_ranges_match_the_state_vector_utf16_included() -> None:
    doc, updates = _edits()
    known: dict[int, int] = {}
    for update in updates:
        summary = inspect_update(update)
        summary.check_continues(known)
        for client, (_, end) in summary.ranges.items():
            known[client] = max(known.get(client, 0), end)
    assert known == decode_state_vector(doc.get_state())


def test_deletions_are_reported() -> None:
    doc, _ = _edits()
    assert inspect_update(doc.get_update()).delete_ends == {doc.client_id: 4}


def test_deep_nesting_is_refused_before_pycrdt() -> None:
    assert inspect_update(nested_value_update(10)).struct_count == 1
    with pytest.raises(TooDeep):
        inspect_update(nested_value_update(30_000))


def test_clock_gap_is_refused() -> None:
    _, updates = map_updates(["a", "b", "c"])
    known = {client: end for client, (_, end) in inspect_update(updates[0]).ranges.items()}
    with pytest.raises(CausalGap, match="jumps"):
        inspect_update(updates[2]).check_continues(known)
    inspect_update(updates[1]).check_continues(known)


def test_missing_origin_is_refused() -> None:
    _, updates = text_updates(["a", "b", "c"])
    summary = inspect_update(updates[2])
    with pytest.raises(CausalGap):
        summary.check_continues({})


def test_replayed_update_changes_nothing() -> None:
    doc, updates = _edits()
    state = decode_state_vector(doc.get_state())
    assert not inspect_update(updates[0]).adds_to(state)
    assert inspect_update(updates[0]).adds_to({})


@pytest.mark.parametrize(
    "update",
    [
        b"",
        b"\x01",
        b"\x01\x01\x01\x00\x1f",
        b"\x00\x00\x00",
        b"\x00" + b"\xff" * 12,
        b"\x01\x01\x01\x00\x04\x01",
    ],
)
def test_malformed_bytes_are_refused(update: bytes) -> None:
    with pytest.raises(MalformedUpdate):
        inspect_update(update)


def test_half_applying_update_passes_inspection() -> None:
    """The server's last line of defence (reload the room) is needed: inspection cannot see this."""
    inspect_update(HALF_APPLIED_UPDATE).check_continues({})
    with pytest.raises(RuntimeError):
        Doc().apply_update(HALF_APPLIED_UPDATE)


def test_random_mutations_never_escape_as_anything_but_update_error() -> None:
    _, updates = _edits()
    rng = random.Random(2026)
    for _ in range(3000):
        data = bytearray(rng.choice(updates))
        for _ in range(rng.randint(1, 4)):
            position = rng.randrange(len(data))
            data[position] = rng.randrange(256)
        with contextlib.suppress(UpdateError):
            inspect_update(bytes(data))
