"""Restoring an old version as a new edit: the smallest change that turns the live document back into it.

Nothing is rewritten: the edit is computed on a copy of the live document and
applied to the room like anyone's keystrokes (fanned out, logged under the
organiser's name, relayed to other processes), so the history keeps every
step and people typing at that moment converge as with any concurrent edit.

The motion is changed word by word (crdt.edits.rewrite_words): words both
versions share are left in place, so what someone types inside them at the
same moment survives. pycrdt indexes text in UTF-8 bytes, so offsets are
counted in bytes. The mind map gets back each node's fields; nodes created
since are soft-deleted; a node moved since is moved back as a new move.
"""

from __future__ import annotations

from typing import Any

from pycrdt import Doc, Map, Text

from crdt.edits import edit_on_copy, rewrite_words
from crdt.mindmap import ROOT_ID, nodes_map
from crdt.motion import TEXT

MOVE_FIELDS = ("parent", "prev_parent", "moved")


def motion_restore(live: Doc[Any], target: str) -> bytes | None:
    """An update that turns the live motion's text into `target`."""

    def change(doc: Doc[Any]) -> None:
        text = doc.get(TEXT, type=Text)
        rewrite_words(text, 0, str(text), target)

    return edit_on_copy(live, change)


def mindmap_restore(live: Doc[Any], target: Doc[Any]) -> bytes | None:
    """An update that gives every node of the live map its fields in `target`."""
    wanted: dict[str, dict[str, Any]] = {k: dict(v) for k, v in (nodes_map(target).to_py() or {}).items()}

    def change(doc: Doc[Any]) -> None:
        nodes = nodes_map(doc)
        lamport = max((int(n.get("moved", 0) or 0) for n in nodes.values()), default=0) + 1
        for node_id, fields in wanted.items():
            if node_id not in nodes:
                nodes[node_id] = Map(fields)
                continue
            entry = nodes[node_id]
            for key, value in fields.items():
                if key not in MOVE_FIELDS and entry.get(key) != value:
                    entry[key] = value
            if entry.get("parent") != fields.get("parent"):
                entry["prev_parent"] = entry.get("parent", "")
                entry["parent"] = fields.get("parent", "")
                entry["moved"] = lamport  # a move made now: it wins over older concurrent moves
        for node_id in list(nodes.keys()):
            if node_id not in wanted and node_id != ROOT_ID and not nodes[node_id].get("deleted"):
                nodes[node_id]["deleted"] = True

    return edit_on_copy(live, change)
