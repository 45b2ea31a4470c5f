"""The only HTML a template prints as is, each kind marked trusted in exactly one place.

- Markdown rendered by markdown-it-py with raw HTML off (crdt/render.py), so a
  motion cannot carry a script;
- the SVG charts the server draws itself (server/history/chart.py,
  server/contributions/chart.py), whose every text is escaped there.

The published motion (its proposals numbered) is marked in its own one place,
server/publication/formats/html.py `edition_context`, which the page and the
HTML export share.
"""

from __future__ import annotations

from markupsafe import Markup

from crdt.render import render_markdown


def markdown(text: str) -> Markup:
    return Markup(render_markdown(text))  # markdown-it with html=False escapes the source


def svg(drawing: str) -> Markup:
    return Markup(drawing)  # drawn by our chart modules, every label escaped there
