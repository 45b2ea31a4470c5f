"""The numbered motion as a flat list of blocks of styled runs, for the writers that are not HTML (PDF, DOCX).

Walks crdt.numbered's markdown-it-py tokens, so the numbers, the emphasis and
the structure are exactly those of the published page.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markdown_it.token import Token

from crdt.numbered import label, numbered_tokens


@dataclass(frozen=True, slots=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    strike: bool = False
    code: bool = False
    href: str | None = None


@dataclass
class Block:
    kind: str  # "heading", "paragraph", "item", "code" or "rule"
    runs: list[Run] = field(default_factory=list)
    level: int = 0  # heading level
    depth: int = 0  # how many lists enclose it
    label: str = ""  # "2." or "2.1" for numbered proposals and levers, "•" or "3." for other items
    role: str = ""  # "axis", "proposal" or "lever" when the motion's outline numbers it
    anchor: str = ""
    quote: bool = False

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


_ITEM_ENDS = ("list_item_close", "fence", "code_block", "bullet_list_open", "ordered_list_open")


def motion_blocks(markdown: str) -> list[Block]:
    blocks: list[Block] = []
    lists: list[list[int]] = []  # per open list: [is ordered, next ordinal]
    pending_item: Block | None = None  # an item whose first paragraph is still to come
    quotes = 0
    for token in numbered_tokens(markdown):
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            start = token.attrGet("start")
            lists.append([kind == "ordered_list_open", int(start) if start is not None else 1])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "list_item_open":
            ordered, ordinal = lists[-1]
            lists[-1][1] += 1
            if "number" in token.meta:
                text_label, role = label(token.meta["kind"], token.meta["number"]), token.meta["kind"]
            else:
                text_label, role = (f"{ordinal}." if ordered else "•"), ""
            pending_item = Block(
                "item",
                depth=len(lists),
                label=text_label,
                role=role,
                anchor=token.meta.get("anchor", ""),
                quote=quotes > 0,
            )
        elif kind == "blockquote_open":
            quotes += 1
        elif kind == "blockquote_close":
            quotes -= 1
        elif kind == "heading_open":
            blocks.append(
                Block(
                    "heading",
                    level=int(token.tag[1]),
                    role=token.meta.get("kind", ""),
                    anchor=token.meta.get("anchor", ""),
                )
            )
        elif kind == "paragraph_open":
            if pending_item is not None:
                blocks.append(pending_item)
                pending_item = None
            else:
                blocks.append(Block("paragraph", depth=len(lists), quote=quotes > 0))
        elif kind == "inline":
            blocks[-1].runs.extend(inline_runs(token.children or []))
        elif kind in ("fence", "code_block"):
            blocks.append(Block("code", [Run(token.content.rstrip("\n"), code=True)], depth=len(lists)))
        elif kind == "hr":
            blocks.append(Block("rule"))
        elif kind == "tr_open":
            blocks.append(Block("paragraph", depth=len(lists)))
        elif kind in ("th_open", "td_open") and blocks[-1].runs:
            blocks[-1].runs.append(Run(" | "))
        if pending_item is not None and kind in _ITEM_ENDS:
            blocks.append(pending_item)  # an item with no paragraph of its own
            pending_item = None
    return blocks


def inline_runs(children: list[Token]) -> list[Run]:
    runs: list[Run] = []
    bold = italic = strike = 0
    href: str | None = None
    for child in children:
        kind = child.type
        if kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold -= 1
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic -= 1
        elif kind == "s_open":
            strike += 1
        elif kind == "s_close":
            strike -= 1
        elif kind == "link_open":
            href = str(child.attrGet("href") or "") or None
        elif kind == "link_close":
            href = None
        elif kind in ("text", "code_inline", "softbreak", "hardbreak", "image"):
            text = {"softbreak": " ", "hardbreak": "\n"}.get(kind, child.content)
            runs.append(Run(text, bold > 0, italic > 0, strike > 0, kind == "code_inline", href))
    return runs
