"""Merging the mind map's outline into the motion: only what the motion lacks, where it belongs.

"Carte → plan de la motion" used to append the whole outline (`to_outline`) to the end of the
motion: on the demo it wrote the four axes already there a second time (issue 13, bug 2).
The merge reads the motion's axes (`##` headings) and, under each, its numbered items nested
by indentation (proposals, levers and deeper), then walks the map level by level. An entry of
the map is already in the motion when a sibling there has the same `heading_key` (its words,
without case, accents, punctuation or an "Axe 2 :" prefix); then only what is below it is
merged. Every other entry is new and is inserted, with everything below it:

- after the block of the sibling that precedes it on the map, if that one is in the motion;
- else before the first sibling that follows it on the map and is in the motion;
- else after the last sibling the motion has at that place, or after its parent (an axis's
  heading and text, an item's block), or, for an axis, after the motion's last line.

Consecutive new siblings go in together, in the map's order. Nothing the motion holds is
changed or moved, and items are not renumbered: the outline and the rendering number by
position (crdt/motion.py); the number written for a new item is its position there.

The browser's port, static/src/motion/merge.js, must give the same result
(tests/golden/merges.json, static/test/golden.test.js).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from crdt.mindmap import Node, one_line, outline_items, outline_start, worded

# crdt/motion.py's rules, with the parts of an item's marker kept to find where its text starts.
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t#]*$")
_ITEM = re.compile(r"^([ \t]*)(\d{1,9}[.)][ \t]+)(.+)$")
_BULLET = re.compile(r"^([ \t]*)[-*+](?:[ \t]|$)")
_PREFIX = ("axe", "axis")  # "Axe 2 : Inclusion" is the axis "Inclusion"

KINDS = ("axis", "proposal", "lever")


def heading_key(title: str) -> str:
    """What two entries must share to be one: their words, lower case, without accents or punctuation."""
    text = unicodedata.normalize("NFKD", title.lower())
    kept = "".join(
        (char if char.isalnum() else " ") for char in text if not unicodedata.category(char).startswith("M")
    )
    words = kept.split(" ")
    words = [word for word in words if word]
    if len(words) > 2 and words[0] in _PREFIX and words[1].isdecimal():
        words = words[2:]
    return " ".join(words)


def kind_at(depth: int) -> str:
    """Depth 1 under the start is an axis, 2 a proposal, anything deeper a lever."""
    return KINDS[min(depth, 3) - 1]


@dataclass(frozen=True)
class Insertion:
    offset: int  # in the motion's text as it was read (characters)
    text: str


@dataclass(frozen=True)
class Addition:
    """One entry of the map the motion lacks, for the preview: what, under what, next to what."""

    kind: str  # "axis", "proposal" or "lever"
    title: str
    parent: str  # the motion's entry it goes under ("" for an axis)
    after: str  # the entry it follows once inserted ("" when it follows none of its siblings)
    before: str  # when it follows none: the motion's entry it goes before ("" at the end)
    below: dict[str, int]  # how many entries come with it, by kind


@dataclass
class Merge:
    insertions: list[Insertion] = field(default_factory=list)  # by offset; ties in this order
    additions: list[Addition] = field(default_factory=list)
    kept: dict[str, int] = field(default_factory=dict)  # the map's entries already in the motion

    @property
    def empty(self) -> bool:
        return not self.insertions

    def apply(self, markdown: str) -> str:
        pieces: list[str] = []
        position = 0
        for insertion in self.insertions:
            pieces += [markdown[position : insertion.offset], insertion.text]
            position = insertion.offset
        return "".join(pieces) + markdown[position:]


@dataclass
class _Line:
    start: int
    end: int  # just after its text, before its line break
    broken: bool  # a line break follows it
    kind: str  # "blank", "heading", "item", "bullet", "code" (a fence and what is in it) or "text"
    indent: int = 0  # columns before its first character (a tab to the next multiple of 4)
    content: int = 0  # an item's: the column its text starts at
    level: int = 0  # a heading's
    title: str = ""  # a heading's or an item's text


@dataclass
class _Entry:
    title: str
    line: int
    last: int  # the last line of its block
    indent: int = 0
    content: int = 0
    children: list[_Entry] = field(default_factory=list)

    @property
    def key(self) -> str:
        return heading_key(self.title)


def _columns(text: str) -> int:
    return len(text.expandtabs(4))


def _read_lines(markdown: str) -> list[_Line]:
    """Each line with its kind, read as crdt/motion.py reads it (line breaks, fences)."""
    lines = []
    offset = 0
    fence: int | None = None  # the indent of the open fence's first line
    for piece in markdown.splitlines(keepends=True):
        body = piece.splitlines()[0]
        line = _Line(offset, offset + len(body), len(body) < len(piece), "code")
        offset += len(piece)
        lead = body[: len(body) - len(body.lstrip(" \t"))]
        line.indent = _columns(lead)
        if body.lstrip().startswith(("```", "~~~")):
            fence = line.indent if fence is None else None
        elif fence is not None:
            line.indent = fence  # inside a fence: part of what the fence belongs to
        elif not body.strip():
            line.kind = "blank"
        elif heading := _HEADING.match(body):
            line.kind, line.level, line.title = "heading", len(heading.group(1)), heading.group(2)
        elif item := _ITEM.match(body):
            line.kind, line.title = "item", item.group(3)
            line.content = _columns(item.group(1) + item.group(2))
        elif _BULLET.match(body):
            line.kind = "bullet"
        else:
            line.kind = "text"
        lines.append(line)
    return lines


def _read_axes(lines: list[_Line]) -> list[_Entry]:
    """The axes (`##`), each with its items nested by indentation, and where each block ends."""
    axes: list[_Entry] = []
    axis: _Entry | None = None
    open_items: list[_Entry] = []
    for index, line in enumerate(lines):
        if line.kind == "heading":
            open_items = []  # a heading ends any list
            if line.level <= 2:
                axis = _Entry(line.title, index, index) if line.level == 2 else None
                if axis is not None:
                    axes.append(axis)
                continue
        if axis is None:
            continue
        if line.kind != "blank":
            axis.last = index
        if line.kind == "item":
            while open_items and open_items[-1].indent >= line.indent:
                open_items.pop()
            item = _Entry(line.title, index, index, line.indent, line.content)
            (open_items[-1].children if open_items else axis.children).append(item)
            open_items.append(item)
    for axis in axes:
        _close_blocks(lines, axis.children, axis.last)
    return axes


def _close_blocks(lines: list[_Line], items: list[_Entry], stop: int) -> None:
    """Set where each item's block ends: its continuation lines and what is nested in it."""
    for item in items:
        previous = lines[item.line]
        for index in range(item.line + 1, stop + 1):
            line = lines[index]
            if line.kind == "heading":
                break
            if line.kind in ("item", "bullet") and line.indent <= item.indent:
                break
            # Less indented than its text: only a paragraph's lazy continuation line stays in it.
            lazy = line.kind == "text" and previous.kind in ("text", "item", "bullet")
            if line.kind in ("text", "code") and line.indent < item.content and not lazy:
                break
            if line.kind != "blank":
                item.last = index
            previous = line
        _close_blocks(lines, item.children, item.last)


class _Merger:
    def __init__(self, markdown: str) -> None:
        self.lines = _read_lines(markdown)
        self.axes = _read_axes(self.lines)
        self.merge = Merge(kept=dict.fromkeys(KINDS, 0))
        self._placed: list[tuple[int, int, str]] = []

    def result(self) -> Merge:
        self._placed.sort(key=lambda placed: placed[:2])
        self.merge.insertions = [Insertion(offset, text) for offset, _, text in self._placed]
        return self.merge

    def siblings(self, nodes: list[Node], existing: list[_Entry], parent: _Entry | None, depth: int) -> None:
        """Merge the map's `nodes` into the motion's `existing` entries of one parent."""
        known: dict[str, _Entry] = {}
        for entry in existing:
            known.setdefault(entry.key, entry)
        run: list[Node] = []
        previous: _Entry | None = None
        for node in nodes:
            match = known.get(heading_key(node.label))
            if match is None:
                run.append(node)
                continue
            if run:
                self._place(run, previous, match, existing, parent, depth)
                run = []
            self.merge.kept[kind_at(depth)] += 1
            self.siblings(worded(node.children), match.children, match, depth + 1)
            previous = match
        if run:
            self._place(run, previous, None, existing, parent, depth)

    def _place(
        self,
        run: list[Node],
        previous: _Entry | None,
        following: _Entry | None,
        existing: list[_Entry],
        parent: _Entry | None,
        depth: int,
    ) -> None:
        """Insert consecutive new siblings at the one place the module's rules give them."""
        anchor = previous or (None if following else (existing[-1] if existing else None))
        first = existing.index(anchor) + 2 if anchor else (existing.index(following) + 1 if following else 1)
        indent = existing[0].indent if existing else (parent.content if parent and depth > 2 else 0)
        blocks = [self._block(node, first + k, indent, depth) for k, node in enumerate(run)]
        text = ("\n\n" if depth == 1 else "\n").join(blocks)
        if following and not previous:
            line = self.lines[following.line]
            self._insert(line.start, text + ("\n\n" if depth == 1 else "\n"))
        else:
            after = anchor.last if anchor else (parent.last if parent else self._last_written())
            loose = depth == 1 or (depth == 2 and not existing)  # axes, and the first list under an axis
            self._insert_after(after, text, loose)
        for k, node in enumerate(run):
            self.merge.additions.append(
                Addition(
                    kind_at(depth),
                    one_line(node.label),
                    parent.title if parent else "",
                    one_line(run[k - 1].label) if k else (anchor.title if anchor else ""),
                    following.title if following and not previous and not k else "",
                    dict(Counter(kind_at(depth + d) for d, _ in _below(node))),
                )
            )

    def _block(self, node: Node, number: int, indent: int, depth: int) -> str:
        if depth == 1:
            children = enumerate(worded(node.children), 1)
            items = [line for n, child in children for line in outline_items(child, n, 0)]
            return "\n".join([f"## {one_line(node.label)}", *(["", *items] if items else [])])
        return "\n".join(outline_items(node, number, indent))

    def _last_written(self) -> int | None:
        written = [index for index, line in enumerate(self.lines) if line.kind != "blank"]
        return written[-1] if written else None

    def _insert_after(self, index: int | None, text: str, loose: bool) -> None:
        """After line `index` (None: an empty motion), a blank line around it when `loose`."""
        if index is None:
            self._insert(0, text + "\n")
            return
        line = self.lines[index]
        following = self.lines[index + 1] if index + 1 < len(self.lines) else None
        gap = "\n\n" if loose else "\n"
        last = following is None and not line.broken  # the text ends there: end it with a line break
        touching = loose and following is not None and following.kind != "blank"
        self._insert(line.end, gap + text + ("\n" if last or touching else ""))

    def _insert(self, offset: int, text: str) -> None:
        self._placed.append((offset, len(self._placed), text))


def _below(node: Node, depth: int = 1) -> list[tuple[int, Node]]:
    found = []
    for child in worded(node.children):
        found.append((depth, child))
        found.extend(_below(child, depth + 1))
    return found


def merge_outline(markdown: str, tree: Node, branch: str | None = None) -> Merge:
    """What to insert in `markdown` so that it holds the outline of the map (or of one branch)."""
    merger = _Merger(markdown)
    merger.siblings(worded(outline_start(tree, branch).children), merger.axes, None, 1)
    return merger.result()
