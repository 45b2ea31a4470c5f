"""How history is shown: participants' names and colours, the mind map and passages as data, diff exports."""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import Any

from crdt.history import Change, Passage
from crdt.mindmap import Node
from server.history.chart import PARIS

# Distinct, dark enough for white text, and distinguishable for the common colour blindnesses first.
PALETTE = (
    "#1565c0", "#b3261e", "#2e7d32", "#6a1b9a", "#a04a00",
    "#00695c", "#ad1457", "#4e342e", "#37474f", "#827717",
)  # fmt: skip


def colours_by_rank(authors: list[str]) -> dict[str, str]:
    """The most active people get the clearest colours; the same colour in the chart and authorship."""
    return {author: PALETTE[index % len(PALETTE)] for index, author in enumerate(authors)}


def css_class(ranked: list[str], author: str) -> str:
    """`c0`…`c9` after the author's rank (ubiquite.css holds the palette), `c-other` if unranked."""
    return f"c{ranked.index(author) % len(PALETTE)}" if author in ranked else "c-other"


def when(at: float | None) -> str:
    return dt.datetime.fromtimestamp(at, PARIS).strftime("%Y-%m-%d %H:%M:%S") if at else ""


def tree_json(node: Node) -> dict[str, Any]:
    return {
        "id": node.id,
        "label": node.label,
        "colour": node.colour,
        "children": [tree_json(child) for child in node.children],
    }


def tree_html(node: Node) -> str:
    children = "".join(f"<li>{tree_html(child)}</li>" for child in node.children)
    label = f'<span class="node">{escape(node.label) or "—"}</span>'
    return label + (f"<ul>{children}</ul>" if children else "")


def passages_json(passages: list[Passage], names: dict[str, str], colours: dict[str, str]) -> list[Any]:
    return [
        {"author": p.author, "name": names.get(p.author, p.author), "colour": colours.get(p.author, "#888"),
         "text": p.text}
        for p in passages
    ]  # fmt: skip


# -- diff ----------------------------------------------------------------------------------


def diff_json(changes: list[Change]) -> list[dict[str, str]]:
    return [{"op": c.op, "text": c.text} for c in changes]


def diff_html(changes: list[Change]) -> str:
    """Insertions in <ins>, deletions in <del>, in a <pre> so that line breaks stay."""
    tags = {"insert": "ins", "delete": "del"}
    out = []
    for change in changes:
        text = escape(change.text)
        out.append(f"<{tags[change.op]}>{text}</{tags[change.op]}>" if change.op in tags else text)
    return f'<pre class="diff">{"".join(out)}</pre>'


def diff_text(changes: list[Change], title: str) -> str:
    """A plain-text word diff, as `git diff --word-diff=plain` writes it: [-gone-]{+new+}."""
    marks = {"insert": ("{+", "+}"), "delete": ("[-", "-]")}
    body = "".join(f"{marks[c.op][0]}{c.text}{marks[c.op][1]}" if c.op in marks else c.text for c in changes)
    return f"# {title}\n# [-supprimé / deleted-] {{+ajouté / inserted+}}\n\n{body}"


def diff_document(changes: list[Change], title: str, lang: str) -> str:
    """A standalone HTML file of the diff, to send or print."""
    return f"""<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{escape(title)}</title>
<style>body{{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;line-height:1.5}}
pre{{white-space:pre-wrap;font-family:inherit}}ins{{background:#d4f7d4;text-decoration:underline}}
del{{background:#fbd5d5;text-decoration:line-through}}</style></head>
<body><h1>{escape(title)}</h1>{diff_html(changes)}</body></html>
"""
