"""The motion as one standalone HTML file, styled for screen and print, with no script and nothing to fetch.

The body is the published page's article (templates/edition.html, which the
page /p/{slug} includes too), rendered by markdown-it-py with the proposals
numbered (crdt.numbered); the stylesheet is the page's, inlined.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from crdt.numbered import render_numbered
from server.publication.edition import Edition

TEMPLATES = Path(__file__).resolve().parent / "templates"
STYLESHEET = Path(__file__).resolve().parents[2] / "web" / "assets" / "publication.css"
# What a browser may do with the downloaded file: show it and its inline style, nothing else.
EXPORT_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
)
_environment = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, undefined=jinja2.StrictUndefined
)


def edition_context(edition: Edition) -> dict[str, Any]:
    """What templates/edition.html needs. The one place the numbered motion's HTML is marked trusted:
    markdown-it-py with raw HTML off escapes the motion's text (crdt/render.py)."""
    return {"edition": edition, "motion_html": Markup(render_numbered(edition.markdown))}


def write(edition: Edition) -> bytes:
    template = _environment.get_template("motion.html")
    context = {**edition_context(edition), "csp": EXPORT_CSP, "stylesheet": Markup(STYLESHEET.read_text())}
    return (template.render(context) + "\n").encode()
