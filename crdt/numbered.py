"""The motion's tokens with its axes, proposals and levers numbered, for the published page and exports.

Numbers come from `crdt.motion.outline` (the order of the text, not the numbers
typed), matched to markdown-it-py's tokens by source line, so the published
page, the exports and the editor's outline always agree. Each numbered token
carries `meta["kind"]` ("axis", "proposal", "lever"), `meta["number"]` and
`meta["anchor"]`; the HTML shows the number as text, so it survives copying,
printing and text extraction.
"""

from __future__ import annotations

import html

from markdown_it.token import Token

from crdt.motion import OutlineEntry, outline
from crdt.render import markdown_parser


def _entries(markdown: str) -> dict[int, tuple[OutlineEntry, str]]:
    """Outline entries by source line, each with the number of its axis."""
    found: dict[int, tuple[OutlineEntry, str]] = {}
    for entry in outline(markdown):
        if entry.kind != "axis":
            continue
        found[entry.line] = (entry, entry.number)
        for proposal in entry.children:
            found[proposal.line] = (proposal, entry.number)
            for lever in proposal.children:
                found[lever.line] = (lever, entry.number)
    return found


def label(kind: str, number: str) -> str:
    """What is shown before the item: "3." for a proposal, "3.1" for a lever."""
    return f"{number}." if kind == "proposal" else number


def numbered_tokens(markdown: str) -> list[Token]:
    tokens = markdown_parser().parse(markdown)
    entries = _entries(markdown)
    lists: list[Token] = []  # open ordered lists, to mark the ones that hold numbered items
    for token in tokens:
        if token.type == "ordered_list_open":
            lists.append(token)
        elif token.type == "ordered_list_close":
            lists.pop()
        if token.type not in ("heading_open", "list_item_open") or not token.map:
            continue
        found = entries.get(token.map[0])
        if found is None:
            continue
        entry, axis = found
        if entry.kind == "axis" and token.tag == "h2":
            token.meta.update(kind="axis", number=entry.number, anchor=f"axe-{entry.number}")
            token.attrSet("id", f"axe-{entry.number}")
        elif entry.kind in ("proposal", "lever") and token.type == "list_item_open" and lists:
            anchor = f"{'proposition' if entry.kind == 'proposal' else 'levier'}-{axis}-{entry.number}"
            anchor = anchor.replace(".", "-")
            token.meta.update(kind=entry.kind, number=entry.number, anchor=anchor, axis=axis)
            token.attrSet("id", anchor)
            token.attrSet("class", entry.kind)
            lists[-1].attrSet("class", "numbered")  # its own markers hidden by the stylesheet
            lists[-1].attrs.pop("start", None)
    return tokens


def render_numbered(markdown: str) -> str:
    """The motion as HTML, each proposal and lever starting with its number in a `span.number`."""
    tokens = numbered_tokens(markdown)
    item: Token | None = None
    out: list[Token] = []
    for token in tokens:
        out.append(token)
        if token.type == "list_item_open":
            item = token if "number" in token.meta else None
        elif token.type == "inline" and item is not None:  # the first line of a numbered item
            number = html.escape(label(item.meta["kind"], item.meta["number"]))
            mark = Token("html_inline", "", 0, content=f'<span class="number">{number}</span> ')
            token.children = [mark, *(token.children or [])]
            item = None
    parser = markdown_parser()
    return str(parser.renderer.render(out, parser.options, {}))
