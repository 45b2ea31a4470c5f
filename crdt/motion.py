"""The motion document: Markdown in one Y.Text, and its outline of axes, proposals and levers.

Axes are `##` headings; proposals are the numbered items below an axis and
levers the items nested under a proposal. The browser builds the same outline
from the same text (static/), so both must follow these rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from pycrdt import Doc, Text

TEXT = "text"  # the name of the motion's Y.Text in its room

_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t#]*$")
_ITEM = re.compile(r"^([ \t]*)(\d{1,9})[.)][ \t]+(.+)$")


def motion_text(doc: Doc[Any]) -> Text:
    return doc.get(TEXT, type=Text)


@dataclass
class OutlineEntry:
    kind: str  # "title", "axis", "proposal" or "lever"
    title: str
    line: int  # 0-based line of the source text
    number: str = ""  # "2" for the second proposal of its axis, "2.1" for its first lever
    children: list[OutlineEntry] = field(default_factory=list)


def outline(markdown: str) -> list[OutlineEntry]:
    """The motion's structure; numbers follow the order of the text, not the numbers typed."""
    top: list[OutlineEntry] = []
    axis: OutlineEntry | None = None
    proposal: OutlineEntry | None = None
    proposal_indent = 0
    in_fence = False
    for index, line in enumerate(markdown.splitlines()):
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        heading = _HEADING.match(line)
        if heading:
            level = len(heading.group(1))
            if level == 1:
                top.append(OutlineEntry("title", heading.group(2), index))
            elif level == 2:
                axis = OutlineEntry("axis", heading.group(2), index, str(_count(top, "axis") + 1))
                top.append(axis)
                proposal = None
            continue
        item = _ITEM.match(line)
        if item is None or axis is None:
            continue
        indent = len(item.group(1).expandtabs(4))
        if proposal is None or indent <= proposal_indent:
            proposal = OutlineEntry("proposal", item.group(3), index, str(len(axis.children) + 1))
            proposal_indent = indent
            axis.children.append(proposal)
        else:
            number = f"{proposal.number}.{len(proposal.children) + 1}"
            proposal.children.append(OutlineEntry("lever", item.group(3), index, number))
    return top


def _count(entries: list[OutlineEntry], kind: str) -> int:
    return sum(1 for entry in entries if entry.kind == kind)
