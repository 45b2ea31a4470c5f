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

from crdt.mindmap import (
    ROOT_ID,
    Node,
    add_node,
    build_tree,
    delete,
    ensure_root,
    nodes_map,
    rename,
    set_links,
)
from server.contributions.review import Draft
from server.realtime.extension import Origin, OriginKind
from server.realtime.room import Room

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
    shown = {node.id: node for _, node in build_tree(doc).walk()}
    alive = set(shown)
    placed = 0
    wanted: set[str] = set()
    with doc.transaction():
        ensure_root(doc, subject)
        for position, draft in enumerate(drafts):
            if not draft.members:
                continue
            node_id = theme_node_id(position)
            wanted.add(node_id)
            _put(doc, nodes, alive, node_id, ROOT_ID, _label(draft.title), draft.ids())
            for member in draft.members[:key_contributions]:
                label = _label(titles.get(member.key) or member.key)
                child = contribution_node_id(node_id, member.key)
                wanted.add(child)
                _put(doc, nodes, alive, child, node_id, label, [member.key])
                placed += 1
        _tidy(doc, shown, wanted)
    update = doc.get_update(before)
    room.apply_update(update, Origin(OriginKind.LOCAL, author))
    return Placed(sum(1 for d in drafts if d.members), placed, len(update))


def _tidy(doc: Doc[Any], shown: dict[str, Node], wanted: set[str]) -> None:
    """Remove what an earlier placement made and this one does not (themes merged since, key
    contributions that changed), unless someone has since hung their own branches under it."""
    for node_id, node in shown.items():
        if not node_id.startswith("theme-") or node_id in wanted:
            continue
        branch = [n.id for _, n in node.walk()]
        if all((n == node_id or n.startswith(node_id + "-")) and n not in wanted for n in branch):
            delete(doc, node_id)


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
