"""The mind map document: a tree of nodes in one Y.Map, and how concurrent edits resolve.

Layout (identical in the browser client, `static/`): the root `Y.Map` named
`nodes` maps a node id to a nested `Y.Map` with the fields

    label       str      the text shown
    parent      str      id of the parent node ("" for the central subject)
    order       float    position among siblings (smaller first; ties by id)
    colour      str      "#rrggbb" (the palette's or another), "" for the default
    links       str      JSON list of contribution ids the node stands for
    deleted     bool     soft delete: the entry stays so history and moves stay meaningful
    moved       int      Lamport counter of the last move (0: never moved)
    prev_parent str      parent before the last move

Each field is its own register, so one person renaming a node while another
moves it keeps both changes. Every replica reads the same map (that is the
CRDT's guarantee), and `build_tree` is a pure function of it, so every replica
shows the same tree. Its rules:

1. A node whose parent does not exist hangs under the central subject.
2. Concurrent moves can form a cycle (A under B here, B under A there). As in
   Kleppmann et al.'s move operation, the later move loses: in each cycle the
   node with the greatest (moved, id) goes back to `prev_parent`, or under the
   central subject if that would still close a cycle. Repeated until no cycle.
3. A deleted node hides its whole branch, except descendants that were moved
   elsewhere: deletion never destroys someone's concurrent work.

A colour goes into CSS and SVG wherever the map is drawn: `url(http://…)`
there made every browser opening the map fetch that address (issue 12).
Anyone who may write the map can write any string, so every reader checks:
`build_tree` (and the browser's `buildTree`) keeps only `valid_colour` values
and shows the default colour otherwise, and this module refuses to write
anything else.
"""

from __future__ import annotations

import json
import re
import secrets
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from pycrdt import Doc, Map

NODES = "nodes"
ROOT_ID = "root"
# The swatches of the page (static/src/mindmap/palette.js), every one a "#rrggbb".
PALETTE = ("#1565c0", "#2e7d32", "#b3261e", "#6a1b9a", "#a04a00", "#00695c", "#ad1457", "#4e342e")
_HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


def valid_colour(value: object) -> bool:
    """A node colour a page may put into CSS: "" (the default), a palette value, or "#rrggbb"."""
    if not isinstance(value, str):
        return False
    return value == "" or value in PALETTE or _HEX_COLOUR.fullmatch(value) is not None


def shown_colour(value: object) -> str:
    """What a renderer draws: the colour if it is valid, else the default ("")."""
    return value if isinstance(value, str) and valid_colour(value) else ""


def _checked_colour(colour: str) -> str:
    if not valid_colour(colour):
        raise ValueError(f"a node colour is a palette value or #rrggbb, not {colour[:40]!r}")
    return colour


@dataclass
class Node:
    id: str
    label: str
    parent: str  # the effective parent after the rules above ("" for the root)
    order: float
    colour: str = ""
    links: list[str] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)

    def walk(self, depth: int = 0) -> Iterator[tuple[int, Node]]:
        yield depth, self
        for child in self.children:
            yield from child.walk(depth + 1)


def nodes_map(doc: Doc[Any]) -> Map[Any]:
    return doc.get(NODES, type=Map)


def ensure_root(doc: Doc[Any], subject: str) -> None:
    nodes = nodes_map(doc)
    if ROOT_ID not in nodes:
        nodes[ROOT_ID] = Map(_fields(subject, "", 0.0))


def _fields(
    label: str, parent: str, order: float, colour: str = "", links: list[str] | None = None
) -> dict[str, Any]:
    return {
        "label": label,
        "parent": parent,
        "order": float(order),
        "colour": _checked_colour(colour),
        "links": json.dumps(links or []),
        "deleted": False,
        "moved": 0,
        "prev_parent": parent,
    }


def add_node(
    doc: Doc[Any],
    parent: str,
    label: str,
    *,
    order: float | None = None,
    colour: str = "",
    links: list[str] | None = None,
    node_id: str | None = None,
) -> str:
    """Add a child of `parent` (last among its siblings unless `order` is given)."""
    nodes = nodes_map(doc)
    node_id = node_id or f"n{secrets.token_hex(6)}"
    if order is None:
        order = _next_order(nodes, parent)
    nodes[node_id] = Map(_fields(label, parent, order, colour, links))
    return node_id


def rename(doc: Doc[Any], node_id: str, label: str) -> None:
    nodes_map(doc)[node_id]["label"] = label


def recolour(doc: Doc[Any], node_id: str, colour: str) -> None:
    nodes_map(doc)[node_id]["colour"] = _checked_colour(colour)


def set_links(doc: Doc[Any], node_id: str, links: list[str]) -> None:
    nodes_map(doc)[node_id]["links"] = json.dumps(links)


def reorder(doc: Doc[Any], node_id: str, order: float) -> None:
    nodes_map(doc)[node_id]["order"] = float(order)


def move(doc: Doc[Any], node_id: str, new_parent: str, order: float | None = None) -> None:
    """Move a node (and its branch) under `new_parent`. Refuses a move into its own branch."""
    if node_id == ROOT_ID:
        raise ValueError("the central subject cannot move")
    tree = build_tree(doc)
    if new_parent == node_id or new_parent in _branch_ids(tree, node_id):
        raise ValueError("a node cannot move into its own branch")
    nodes = nodes_map(doc)
    entry = nodes[node_id]
    lamport = max((int(n.get("moved", 0)) for n in nodes.values()), default=0) + 1
    with doc.transaction():
        entry["prev_parent"] = entry["parent"]
        entry["parent"] = new_parent
        entry["moved"] = lamport
        entry["order"] = float(order if order is not None else _next_order(nodes, new_parent))


def delete(doc: Doc[Any], node_id: str) -> None:
    if node_id == ROOT_ID:
        raise ValueError("the central subject cannot be deleted")
    nodes_map(doc)[node_id]["deleted"] = True


def _next_order(nodes: Map[Any], parent: str) -> float:
    orders = [float(n["order"]) for n in nodes.values() if n.get("parent") == parent]
    return max(orders, default=0.0) + 1.0


@dataclass(frozen=True)
class _Raw:
    parent: str
    prev_parent: str
    moved: int
    deleted: bool


def effective_parents(raw: dict[str, _Raw]) -> dict[str, str]:
    """Apply rules 1 and 2: every node gets a parent that leads to the root without a cycle."""
    parents = {
        node_id: (r.parent if r.parent in raw else ROOT_ID)
        for node_id, r in raw.items()
        if node_id != ROOT_ID
    }
    reverted: set[str] = set()
    while True:
        cycle = _find_cycle(parents)
        if cycle is None:
            return parents
        loser = max(cycle, key=lambda n: (raw[n].moved, n))
        previous = raw[loser].prev_parent
        if loser in reverted or previous not in raw or previous == loser:
            parents[loser] = ROOT_ID
        else:
            parents[loser] = previous
            reverted.add(loser)


def _find_cycle(parents: dict[str, str]) -> list[str] | None:
    state: dict[str, int] = {}  # 1 on the current path, 2 known to reach the root
    for start in sorted(parents):
        path: list[str] = []
        node = start
        while node != ROOT_ID and state.get(node) is None:
            state[node] = 1
            path.append(node)
            node = parents[node]
        if node != ROOT_ID and state.get(node) == 1:
            return path[path.index(node) :]
        for seen in path:
            state[seen] = 2
    return None


def build_tree(doc: Doc[Any]) -> Node:
    """The tree every replica shows for this document state (rules in the module docstring)."""
    # The whole map as JSON in one call into yrs: `to_py()` pays a Python transaction per field
    # (9 ms for 200 nodes against under 1 ms), which a replay slider feels.
    loaded = json.loads(str(nodes_map(doc)))
    data = {node_id: dict(fields) for node_id, fields in loaded.items() if isinstance(fields, dict)}
    data.setdefault(ROOT_ID, _fields("", "", 0.0))
    raw = {
        node_id: _Raw(
            str(d.get("parent", "")),
            str(d.get("prev_parent", "")),
            int(d.get("moved", 0)),
            bool(d.get("deleted", False)),
        )
        for node_id, d in data.items()
    }
    parents = effective_parents(raw)
    built = {
        node_id: Node(
            node_id,
            str(d.get("label", "")),
            parents.get(node_id, ""),
            float(d.get("order", 0.0)),
            shown_colour(d.get("colour", "")),
            _links(d.get("links")),
        )
        for node_id, d in data.items()
    }
    for node_id, parent in parents.items():
        built[parent].children.append(built[node_id])
    for node in built.values():
        node.children.sort(key=lambda child: (child.order, child.id))
        node.children = [child for child in node.children if not raw[child.id].deleted]
    return built[ROOT_ID]


def _links(value: Any) -> list[str]:
    try:
        links = json.loads(value) if isinstance(value, str) else []
    except ValueError:
        return []
    return [str(link) for link in links] if isinstance(links, list) else []


def _branch_ids(tree: Node, node_id: str) -> set[str]:
    for _, node in tree.walk():
        if node.id == node_id:
            return {n.id for _, n in node.walk()}
    return set()


def to_outline(tree: Node, branch: str | None = None) -> str:
    """The motion's outline from the map: axes (`##`) from the first level, numbered items below."""
    lines: list[str] = []
    for axis in worded(outline_start(tree, branch).children):
        lines.append(f"## {one_line(axis.label)}")
        lines.append("")
        for number, proposal in enumerate(worded(axis.children), 1):
            lines.extend(outline_items(proposal, number, indent=0))
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def outline_start(tree: Node, branch: str | None) -> Node:
    """The node whose children become the axes: the central subject, or `branch` ("Branche → plan")."""
    if branch is None:
        return tree
    for _, node in tree.walk():
        if node.id == branch:
            return node
    raise KeyError(branch)


# The labels a new node starts with in the interface (server/words/client.json "newIdea").
PLACEHOLDERS = frozenset({"Nouvelle idée", "New idea"})


def worded(nodes: list[Node]) -> list[Node]:
    """Leave out nodes nobody wrote anything in: blank or still the placeholder, nothing below."""
    return [n for n in nodes if n.children or (one_line(n.label) and one_line(n.label) not in PLACEHOLDERS)]


def outline_items(node: Node, number: int, indent: int) -> list[str]:
    """`node` as item `number` at `indent` columns, its children nested under its text."""
    lines = [f"{' ' * indent}{number}. {one_line(node.label)}"]
    for child_number, child in enumerate(worded(node.children), 1):
        lines.extend(outline_items(child, child_number, indent + len(f"{number}. ")))
    return lines


def one_line(label: str) -> str:
    return " ".join(label.split())
