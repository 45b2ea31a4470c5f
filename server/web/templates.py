"""Every server-rendered page goes through here: a Jinja2 template (autoescaped) extending `base.html`,
the page's language and words, and the security headers.

Values reach templates as plain data; the only HTML a template prints unescaped
is marked once in server/web/trusted.py. See docs/web.md, "How to add a page".
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import partial
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup
from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.templating import Jinja2Templates

from server.web.headers import SECURITY_HEADERS
from server.web.language import language, remember
from server.words import word

HERE = Path(__file__).resolve().parent
PUBLICATION = HERE.parent / "publication" / "formats" / "templates"

# The pages' own scripts: esbuild bundles of static/src/pages/ (static/build.mjs), served from 'self'
# at /static/, which the pages' CSP allows; modules are deferred by nature. The one line to change
# if they move again.
PAGE_SCRIPT = '<script type="module" src="/static/{name}"></script>'


def script(name: str) -> Markup:
    """The tag of one of our page scripts, by file name (`organiser.js`)."""
    return Markup(PAGE_SCRIPT).format(name=name)


environment = jinja2.Environment(
    loader=jinja2.ChoiceLoader(
        [
            jinja2.FileSystemLoader(HERE / "templates"),
            # The published page shows the same article as the HTML export (one template).
            jinja2.PrefixLoader({"publication": jinja2.FileSystemLoader(PUBLICATION)}),
        ]
    ),
    autoescape=True,
    undefined=jinja2.StrictUndefined,  # a missing value is a bug, not an empty string
    trim_blocks=True,
    lstrip_blocks=True,
)
environment.globals["script"] = script
# Configuration for a page's script, in a data attribute: a plain string, escaped like any other.
environment.filters["json_attr"] = lambda value: json.dumps(value, ensure_ascii=False)
templates = Jinja2Templates(env=environment)


def render(
    request: Request,
    name: str,
    context: Mapping[str, Any] | None = None,
    *,
    area: str = "pages",
    status: int = 200,
    headers: Mapping[str, str] | None = None,
) -> HTMLResponse:
    """Page `name` in the request's language; `t(key)` in the template looks in `area`, then `pages`."""
    lang = language(request)
    values = {"lang": lang, "t": partial(word, lang=lang, area=area), **(context or {})}
    response = templates.TemplateResponse(
        request, name, values, status_code=status, headers={**SECURITY_HEADERS, **(headers or {})}
    )
    remember(request, response)
    return response


def document(name: str, **values: Any) -> str:
    """A standalone file (an export to download), not a page: the same autoescaping, no request."""
    return environment.get_template(name).render(**values)
