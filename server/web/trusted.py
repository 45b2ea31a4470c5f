"""The only HTML a template prints as is, each kind marked trusted in exactly one place.

- Markdown rendered by markdown-it-py with raw HTML off (crdt/render.py), so a
  motion cannot carry a script;
- the SVG charts the server draws itself (server/history/chart.py,
  server/contributions/chart.py), whose every text is escaped there;
- the QR codes of invitation links (segno writes the SVG and escapes its title).

The published motion (its proposals numbered) is marked in its own one place,
server/publication/formats/html.py `edition_context`, which the page and the
HTML export share.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from functools import lru_cache

import segno
from markupsafe import Markup

from crdt.render import render_markdown


def markdown(text: str) -> Markup:
    return Markup(render_markdown(text))  # markdown-it with html=False escapes the source


def svg(drawing: str) -> Markup:
    return Markup(drawing)  # drawn by our chart modules, every label escaped there


@lru_cache(maxsize=2048)  # a link's code does not change: a sheet printed again is drawn at once
def qr_code(data: str, title: str) -> Markup:
    """`data` as a QR code in SVG, sized by the page's CSS (a viewBox, no width or height).

    Error correction M (15 % of the code may be smudged or folded on a printed sheet), the
    standard quiet zone of 4 modules; `role="img"` and the title name it for screen readers."""
    code = segno.make(data, error="m", boost_error=False)
    drawing = code.svg_inline(border=4, title=title, svgclass="qr", lineclass=None, omitsize=True)
    return Markup(drawing.replace("<svg ", '<svg role="img" ', 1))


async def qr_codes(codes: Sequence[tuple[str, str]]) -> list[Markup]:
    """`qr_code` of each (data, title), drawn in a worker thread: a few milliseconds each, so a sheet
    of hundreds would otherwise hold the event loop (and every live room) for seconds."""
    return await asyncio.to_thread(lambda: [qr_code(data, title) for data, title in codes])
