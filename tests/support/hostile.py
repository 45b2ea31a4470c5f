"""Hand-made hostile updates: the shapes FIELD-NOTES.md reports pycrdt 0.14 cannot survive."""

from __future__ import annotations

from typing import Any

from pycrdt import Doc, Map, Text

from crdt.protocol import encode_var_string, encode_var_uint

# Found by fuzzing: passes every structural check, then yrs raises RuntimeError
# ("block parent ... must be deleted or share") part way through applying it.
HALF_APPLIED_UPDATE = bytes.fromhex(
    "0107f09fa8abab8a870300010104746578740884f09fa8abab8a870302026c6f84f09fa8abab8a8703040620776f"
    "726c642801016d01610175027c3f800000760101627c40000000c4f09fa8abab8a870304f09fa8abab8a870305027a"
    "7a2701016d0163020452f09fa8abab8a87030e017801f09fa8abab8a8703010003"
)
HALF_APPLIED_CLIENT = 1719991416786928


def nested_value_update(depth: int, client: int = 424242, root: str = "m", key: str = "k") -> bytes:
    """A map entry whose value is an array nested `depth` times (ContentAny)."""
    value = b"\x75\x01" * depth + b"\x7d\x00"  # array of one element ... innermost the integer 0
    info = 8 | 0x20  # ContentAny, with a parentSub (map key)
    struct = bytes([info]) + b"\x01" + encode_var_string(root) + encode_var_string(key) + b"\x01" + value
    return encode_var_uint(1) + encode_var_uint(1) + encode_var_uint(client) + b"\x00" + struct + b"\x00"


def text_updates(pieces: list[str]) -> tuple[int, list[bytes]]:
    """One update per appended piece of text, from one fresh client."""
    doc: Doc[Any] = Doc()
    text = doc.get("text", type=Text)
    updates: list[bytes] = []
    doc.observe(lambda event: updates.append(event.update))
    for piece in pieces:
        text += piece
    return doc.client_id, updates


def map_updates(keys: list[str]) -> tuple[int, list[bytes]]:
    """One update per map entry: no item origin, so only the client clock orders them."""
    doc: Doc[Any] = Doc()
    entries = doc.get("m", type=Map)
    updates: list[bytes] = []
    doc.observe(lambda event: updates.append(event.update))
    for key in keys:
        entries[key] = key
    return doc.client_id, updates
