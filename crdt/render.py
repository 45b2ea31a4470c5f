"""Rendering the motion's Markdown to HTML with markdown-it-py, for published pages and exports.

The browser preview uses markdown-it (npm) configured the same way: CommonMark,
raw HTML off (a participant cannot inject markup into the published motion),
plus tables and strikethrough.
"""

from __future__ import annotations

from functools import lru_cache

from markdown_it import MarkdownIt


@lru_cache(maxsize=1)
def _renderer() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable(
        ["table", "strikethrough"]
    )


def markdown_parser() -> MarkdownIt:
    """The one configured parser, for callers that work on its tokens (crdt/numbered.py)."""
    return _renderer()


def render_markdown(markdown: str) -> str:
    return _renderer().render(markdown)
