"""Every server-rendered page, found from the route table: the security headers, `?lang=en`, the template.

The list of pages is generated from server.app.routes(), so a page added
later is checked without anyone adding it here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.routing import Route

from server.app import routes
from server.routes.client import PAGES
from server.web.headers import SECURITY_HEADERS
from tests.support.site import Site, open_site

NOT_PAGES = (
    "/api/",
    "/ws/",
    "/healthz",
    "/metrics",
    "/sw.js",
    "/favicon.",
)  # JSON, sockets, plain text, a script, the icon


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    yield from open_site(tmp_path_factory.mktemp("pages"))


def page_paths(site: Site) -> list[str]:
    """Every GET route that answers HTML, with its parameters filled in."""
    paths: list[str] = []
    for route in routes():
        if not isinstance(route, Route) or "GET" not in (route.methods or ()):
            continue
        path = route.path
        if path.startswith(NOT_PAGES) or "{format}" in path:
            continue
        path = path.replace("{slug}", site.slug).replace("{token}", site.shared)
        if "{page}" in path:
            paths.extend(path.replace("{page}", segment) for segment in PAGES)
        else:
            paths.append(path)
    return paths


def test_the_route_table_yields_every_kind_of_page(site: Site) -> None:
    paths = page_paths(site)
    for expected in (
        "/",
        "/c/edge",
        "/c/edge/organisation",
        "/c/edge/motion",
        "/c/edge/historique",
        "/p/edge",
    ):
        assert expected in paths
    assert len(paths) >= 13


def test_every_page_carries_the_security_headers(site: Site) -> None:
    for path in page_paths(site):
        response = site.client.get(path, headers=site.bearer(site.organiser))
        assert response.headers["content-type"].startswith("text/html"), path
        for name, value in SECURITY_HEADERS.items():
            if name == "Content-Security-Policy":
                assert "frame-ancestors 'none'" in response.headers[name], path
                assert "script-src 'unsafe-inline'" not in response.headers[name], path
            else:
                assert response.headers[name] == value, (path, name)


def test_refusals_and_errors_carry_them_too(site: Site) -> None:
    for path, headers in [
        ("/c/edge/organisation", {}),  # no invitation
        ("/c/edge/organisation", site.bearer(site.participant)),  # not an organiser
        ("/c/edge/motion", site.bearer(site.stranger)),  # another congress
        ("/c/edge/inconnue", site.bearer(site.participant)),
        ("/p/ailleurs", {}),  # nothing published
        ("/i/not-a-token", {}),
    ]:
        response = site.client.get(path, headers=headers)
        assert response.status_code >= 400, path
        assert response.headers["content-type"].startswith("text/html"), path
        assert response.headers["X-Content-Type-Options"] == "nosniff", path
        assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"], path


def test_the_editors_csp_allows_their_bundle_worker_and_socket_only(site: Site) -> None:
    for segment in PAGES:
        response = site.client.get(f"/c/edge/{segment}", headers=site.bearer(site.participant))
        assert response.status_code == 200
        csp = response.headers["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "worker-src 'self'" in csp
        assert "connect-src 'self' ws://testserver wss://testserver" in csp
        assert "script-src 'self';" in csp and "unsafe-eval" not in csp  # inline styles only (headers.py)
        assert response.headers["Referrer-Policy"] == "same-origin"
        assert response.headers["Cache-Control"] == "no-store"
        assert '<script type="module" src="/static/app.js' in response.text


def test_every_page_honours_lang_en(site: Site) -> None:
    for path in page_paths(site):
        site.client.cookies.clear()  # the choice of the previous page's ?lang=en sticks, by design
        french = site.client.get(path, headers=site.bearer(site.organiser))
        english = site.client.get(path + "?lang=en", headers=site.bearer(site.organiser))
        assert '<html lang="fr">' in french.text, path
        assert '<html lang="en">' in english.text, path
        if path != "/":  # the front page's title is the name, the same in both
            assert french.text != english.text, path
    site.client.cookies.clear()


def test_lang_en_sticks_in_a_cookie_for_the_next_pages(site: Site) -> None:
    first = site.client.get("/?lang=en")
    assert "ubiquite_lang=en" in first.headers["set-cookie"]
    later = site.client.get("/c/edge", headers=site.bearer(site.participant))
    assert '<html lang="en">' in later.text and "You are" in later.text
    site.client.cookies.clear()
    assert '<html lang="fr">' in site.client.get("/").text


def test_no_page_builds_html_by_hand() -> None:
    """HTML comes from the templates: no escaping helper or f-string markup is left in the routes."""
    server = Path(__file__).resolve().parents[1] / "server"
    for path in [*server.glob("routes/*.py"), *server.glob("web/*.py")]:
        source = path.read_text()
        assert "html.escape" not in source and "esc(" not in source, path
        assert not re.search(r"f[\"'][^\"']*<(p|h1|h2|div|li|a|section)\b", source), path
