"""How history is shown as data: the mind map, passages and diffs as JSON, the diff as plain text.

The HTML of the same things is in the templates (server/web/templates/history_macros.html).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from crdt.history import Change, Passage
from crdt.mindmap import Node
from server import palette


@dataclass
class Authors:
    """The people behind the author ids of a log (`participant:12`): their names and their places
    in the congress, so their colours are those of the presence list (server/palette.py)."""

    names: dict[str, str]
    ranks: dict[str, int]
    order: list[str] = field(default_factory=list)  # the authors on the log, most active first

    @property
    def colours(self) -> dict[str, str]:
        return {author: self.colour(author) for author in self.order}

    def name(self, author: str) -> str:
        return self.names.get(author, author)

    def colour(self, author: str) -> str:
        rank = self.ranks.get(author)
        return palette.SERVER if rank is None else palette.person_colour(rank)

    def css(self, author: str) -> str:
        """The colour as a class (the pages' CSP refuses inline style attributes)."""
        rank = self.ranks.get(author)
        return "c-server" if rank is None else palette.person_class(rank)

    def json(self, author: str) -> dict[str, str]:
        return {
            "author": author,
            "name": self.name(author),
            "colour": self.colour(author),
            "css": self.css(author),
        }


def tree_json(
    node: Node, named_by: Mapping[str, str] | None = None, who: Authors | None = None
) -> dict[str, Any]:
    """The mind map as the replay draws it; with `named_by` and `who`, who last named each node."""
    drawn: dict[str, Any] = {
        "id": node.id,
        "label": node.label,
        "colour": node.colour,
        "links": node.links,
        "children": [tree_json(child, named_by, who) for child in node.children],
    }
    if named_by is not None and who is not None and node.id in named_by:
        drawn["by"] = who.json(named_by[node.id])
    return drawn


def passages_json(passages: list[Passage], who: Authors) -> list[Any]:
    """Who wrote each passage, in their colour and its class (server/palette.py)."""
    return [{**who.json(p.author), "text": p.text} for p in passages]


# -- diff ----------------------------------------------------------------------------------


def diff_json(changes: list[Change]) -> list[dict[str, str]]:
    return [{"op": c.op, "text": c.text} for c in changes]


def diff_text(changes: list[Change], title: str) -> str:
    """A plain-text word diff, as `git diff --word-diff=plain` writes it: [-gone-]{+new+}."""
    marks = {"insert": ("{+", "+}"), "delete": ("[-", "-]")}
    body = "".join(f"{marks[c.op][0]}{c.text}{marks[c.op][1]}" if c.op in marks else c.text for c in changes)
    return f"# {title}\n# [-supprimé / deleted-] {{+ajouté / inserted+}}\n\n{body}"


# -- the compare page: long unchanged stretches folded away --------------------------------------

CONTEXT_LINES = 3  # unchanged lines (the first and last may be parts of lines) kept around a change


@dataclass
class Piece:
    """A stretch of the diff as the compare page shows it: changes with a few lines around them, or a
    long unchanged stretch folded (`lines` of `text`)."""

    changes: list[Change] = field(default_factory=list)
    folded: bool = False
    text: str = ""
    lines: int = 0


def folded(changes: list[Change], context: int = CONTEXT_LINES) -> list[Piece]:
    """The diff in pieces: every change with `context` lines before and after; longer unchanged
    stretches in between, and at both ends, folded (the page lets them be opened)."""
    pieces: list[Piece] = []
    current = Piece()
    last = len(changes) - 1
    for index, change in enumerate(changes):
        if change.op != "equal":
            current.changes.append(change)
            continue
        lines = change.text.splitlines(keepends=True)
        head = lines[:context] if index > 0 else []
        tail = lines[-context:] if index < last and len(lines) > context else (lines if index < last else [])
        middle = lines[len(head) : len(lines) - len(tail)] if len(lines) > len(head) + len(tail) else []
        if len(middle) <= context:  # not worth folding
            current.changes.append(change)
            continue
        if head:
            current.changes.append(Change("equal", "".join(head)))
        if current.changes:
            pieces.append(current)
        pieces.append(Piece(folded=True, text="".join(middle), lines=len(middle)))
        current = Piece([Change("equal", "".join(tail))] if tail else [])
    if current.changes:
        pieces.append(current)
    return pieces


def words_changed(changes: list[Change]) -> tuple[int, int]:
    """How many words the diff adds and removes."""
    count = {"insert": 0, "delete": 0}
    for change in changes:
        if change.op in count:
            count[change.op] += len(change.text.split())
    return count["insert"], count["delete"]
