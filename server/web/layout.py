"""The shell of every server-rendered page: language, stylesheet, and headers that keep it private."""

from __future__ import annotations

import html

from starlette.responses import HTMLResponse

# No inline script may run: each page's code is a module of ours built from static/src/pages/
# (served from 'self' at /static/, which `default-src 'self'` allows), and nothing else.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; connect-src 'self'; img-src 'self' data:; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
    # An invitation link must never leak through a Referer to another site. Not "no-referrer":
    # under it browsers send `Origin: null` with our own forms' POSTs (sign-out, name choice),
    # which the origin check then refuses.
    "Referrer-Policy": "same-origin",
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
}


def page(
    title: str,
    body: str,
    lang: str,
    status: int = 200,
    scripts: tuple[str, ...] = (),
    styles: tuple[str, ...] = (),
) -> HTMLResponse:
    """`body` is trusted HTML built by the caller, who escapes every value with `esc`."""
    # Bundles of static/src/pages/ built by static/build.mjs; modules are deferred by nature.
    script_tags = "".join(f'<script type="module" src="/static/{esc(s)}"></script>' for s in scripts)
    script_tags += "".join(f'<link rel="stylesheet" href="/assets/{esc(s)}">' for s in styles)
    document = f"""<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)} · Ubiquité</title>
<link rel="stylesheet" href="/assets/ubiquite.css">{script_tags}</head>
<body><main>
{body}
</main></body></html>"""
    return HTMLResponse(document, status_code=status, headers=SECURITY_HEADERS)


def esc(value: object) -> str:
    return html.escape(str(value), quote=True)
