"""Edits the server makes as a person would: computed on a copy, handed to the room as one update.

Restoring a version (server/history/restore.py) and accepting an amendment
(server/decisions/anchors.py) both change a live document on someone's behalf.
Neither touches the room's document directly: the change is made on a copy and
its update goes through the room like anyone's keystrokes (fanned out, logged
under that person's name, relayed to other processes).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pycrdt import Doc, Text

from crdt.history import word_diff


def edit_on_copy(live: Doc[Any], change: Callable[[Doc[Any]], None]) -> bytes | None:
    """The update of `change` made on a copy of `live`, or None if it changed nothing."""
    copy: Doc[Any] = Doc()
    copy.apply_update(live.get_update())
    sent: list[bytes] = []
    copy.observe(lambda event: sent.append(event.update))
    with copy.transaction():
        change(copy)
    return sent[0] if sent else None


def rewrite_words(text: Text, at: int, old: str, new: str) -> None:
    """Turn the passage `old`, which starts at UTF-8 byte `at` of `text`, into `new`, word by word.

    Words both share are left in place, so what someone types inside them at the
    same moment survives. pycrdt indexes text in UTF-8 bytes, so offsets are bytes.
    """
    offset = at
    for step in word_diff(old, new):
        size = len(step.text.encode())
        if step.op == "equal":
            offset += size
        elif step.op == "delete":
            del text[offset : offset + size]
        else:
            text.insert(offset, step.text)
            offset += size
