"""How history is shown as data: the mind map, passages and diffs as JSON, the diff as plain text.

The HTML of the same things is in the templates (server/web/templates/history_macros.html).
"""

from __future__ import annotations

from typing import Any

from crdt.history import Change, Passage
from crdt.mindmap import Node
from server.palette import person_class, person_colour


def tree_json(node: Node) -> dict[str, Any]:
    return {
        "id": node.id,
        "label": node.label,
        "colour": node.colour,
        "children": [tree_json(child) for child in node.children],
    }


def passages_json(passages: list[Passage], names: dict[str, str]) -> list[Any]:
    """Who wrote each passage, in their colour and its class (server/palette.py)."""
    return [
        {"author": p.author, "name": names.get(p.author, p.author), "colour": person_colour(p.author),
         "css": person_class(p.author), "text": p.text}
        for p in passages
    ]  # fmt: skip


# -- diff ----------------------------------------------------------------------------------


def diff_json(changes: list[Change]) -> list[dict[str, str]]:
    return [{"op": c.op, "text": c.text} for c in changes]


def diff_text(changes: list[Change], title: str) -> str:
    """A plain-text word diff, as `git diff --word-diff=plain` writes it: [-gone-]{+new+}."""
    marks = {"insert": ("{+", "+}"), "delete": ("[-", "-]")}
    body = "".join(f"{marks[c.op][0]}{c.text}{marks[c.op][1]}" if c.op in marks else c.text for c in changes)
    return f"# {title}\n# [-supprimé / deleted-] {{+ajouté / inserted+}}\n\n{body}"
