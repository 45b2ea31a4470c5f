"""The motion as one standalone HTML file, styled for screen and print, with no script and nothing to fetch.

The body is the published page's (`edition_body`), rendered by markdown-it-py
with the proposals numbered (crdt.numbered); the stylesheet is the page's,
inlined.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from crdt.numbered import render_numbered
from server.publication.edition import Edition

STYLESHEET = Path(__file__).resolve().parents[2] / "web" / "assets" / "publication.css"
# What a browser may do with the downloaded file: show it and its inline style, nothing else.
EXPORT_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
)


def esc(value: object) -> str:
    """Text into the file's HTML. Not the web layer's helper: an export format is not a page."""
    return escape(str(value), quote=True)


def edition_body(edition: Edition, downloads: str = "") -> str:
    meta = esc(edition.meta)
    empty = f"<p>{esc(edition.word('empty'))}</p>"
    motion = render_numbered(edition.markdown) if edition.markdown.strip() else empty
    people = "".join(f"<li>{esc(name)}</li>" for name in edition.contributors)
    people_html = f"<ul>{people}</ul>" if people else f"<p>{esc(edition.word('nobody'))}</p>"
    return f"""<article class="publication">
<header class="edition"><h1>{esc(edition.title)}</h1>
{f'<p class="meta">{meta}</p>' if meta else ""}
<p class="meta version">{esc(edition.version)}</p>{downloads}</header>
<section class="motion">
{motion}</section>
<section class="contributors"><h2>{esc(edition.word("contributors"))}</h2>
{people_html}</section>
</article>"""


def write(edition: Edition) -> bytes:
    document = f"""<!doctype html>
<html lang="{edition.lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{EXPORT_CSP}">
<meta name="generator" content="Ubiquité">
<title>{esc(edition.title)} — {esc(edition.word("motion"))}</title>
<style>
body {{ margin: 2rem 1rem; background: #fff; }}
{STYLESHEET.read_text()}</style></head>
<body>
{edition_body(edition)}
</body></html>
"""
    return document.encode()
