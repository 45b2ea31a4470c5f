"""Placing the themes into the congress's mind map, as one change to the live room.

The change is built on a copy of the room's document and applied to the room
as a local update with the organiser as author: connected browsers receive it,
and the log keeps it like any edit. Placing again updates the same branches
(their ids come from the theme's position) instead of adding new ones.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pycrdt import Doc

from crdt.mindmap import ROOT_ID, add_node, build_tree, ensure_root, nodes_map, rename, set_links
from server.contributions.review import Draft
from server.rooms import Origin, OriginKind, Room

MAX_LABEL = 120


@dataclass(frozen=True)
class Placed:
    themes: int
    contributions: int
    update_bytes: int


def theme_node_id(position: int) -> str:
    return f"theme-{position + 1}"


def contribution_node_id(theme_node: str, key: str) -> str:
    return f"{theme_node}-{hashlib.sha256(key.encode()).hexdigest()[:10]}"


def _label(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1].rstrip() + "…"


def place_themes(
    room: Room,
    drafts: Sequence[Draft],
    titles: dict[str, str],
    author: str,
    subject: str,
    key_contributions: int = 0,
) -> Placed:
    """Add or update one branch per theme (links: all its contributions), and optionally
    a child per key contribution (its most central ones, linked to that one alone)."""
    doc: Doc[Any] = Doc()
    doc.apply_update(room.doc.get_update())
    before = doc.get_state()
    nodes = nodes_map(doc)
    alive = {node.id for _, node in build_tree(doc).walk()}
    placed = 0
    with doc.transaction():
        ensure_root(doc, subject)
        for position, draft in enumerate(drafts):
            if not draft.members:
                continue
            node_id = theme_node_id(position)
            _put(doc, nodes, alive, node_id, ROOT_ID, _label(draft.title), draft.ids())
            for member in draft.members[:key_contributions]:
                label = _label(titles.get(member.key) or member.key)
                _put(
                    doc, nodes, alive, contribution_node_id(node_id, member.key), node_id, label, [member.key]
                )
                placed += 1
    update = doc.get_update(before)
    room.apply_update(update, Origin(OriginKind.LOCAL, author))
    return Placed(sum(1 for d in drafts if d.members), placed, len(update))


def _put(
    doc: Doc[Any], nodes: Any, alive: set[str], node_id: str, parent: str, label: str, links: list[str]
) -> None:
    if node_id in nodes and node_id in alive:
        entry = nodes[node_id]
        if entry.get("label") != label:
            rename(doc, node_id, label)
        set_links(doc, node_id, links)
    else:
        # New, or deleted by someone since: a deleted entry is brought back where it belongs.
        if node_id in nodes:
            del nodes[node_id]
        add_node(doc, parent, label, links=links, node_id=node_id)
