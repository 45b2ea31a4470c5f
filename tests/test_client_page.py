"""The browser client's pages: the HTML shell and the configuration block its bundle reads."""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request

import pytest

from server import palette
from server.routes.client import bundle_built
from tests.conftest import need
from tests.support.congress import Congress
from tests.support.server import ServerProcess


def _get(url: str, headers: dict[str, str] | None = None) -> tuple[int, str]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def _config(page: str) -> dict[str, object]:
    match = re.search(r'<script type="application/json" id="ubiquite-config">(.*?)</script>', page, re.S)
    assert match, page
    return dict(json.loads(match.group(1)))


def _page(server: ServerProcess, path: str, token: str, **headers: str) -> tuple[int, str]:
    """A page as the invited person gets it (a bearer token here; browsers carry the session cookie)."""
    return _get(f"{server.http}{path}", {"Authorization": f"Bearer {token}", **headers})


@pytest.fixture(autouse=True)
def _built() -> None:
    if not bundle_built():
        need("the browser client is not built (scripts/install builds it; it needs npm)")


def test_the_shell_carries_the_config_the_bundle_reads(server: ServerProcess, congress: Congress) -> None:
    token = congress.invite(name="Alice", site="remote")
    status, page = _page(server, f"/c/{congress.slug}/carte", token)
    assert status == 200
    config = _config(page)
    assert config["page"] == "mindmap"
    assert config["wsBase"] == f"ws://127.0.0.1:{server.port}/ws"
    assert config["rooms"] == {"motion": congress.room("motion"), "mindmap": congress.room("mindmap")}
    user = config["user"]
    assert isinstance(user, dict)
    assert (user["name"], user["role"], user["site"]) == ("Alice", "participant", "remote")
    assert user["id"].startswith("participant:")
    assert user["colour"] in palette.PEOPLE  # her place in the congress's colours (tests/test_palette.py)
    assert config["lang"] == "fr"
    assert config["organiserUrl"] is None


def test_organisers_get_their_page_in_the_config(server: ServerProcess, congress: Congress) -> None:
    _, page = _page(server, f"/c/{congress.slug}/motion", congress.invite("organiser"))
    assert _config(page)["organiserUrl"] == f"/c/{congress.slug}/organisation"


def test_no_invitation_and_other_congress_are_refused(server: ServerProcess, congress: Congress) -> None:
    status, page = _get(f"{server.http}/c/{congress.slug}/motion")
    assert status == 403 and "ubiquite-config" not in page
    stranger = server.congress().invite()
    status, page = _page(server, f"/c/{congress.slug}/motion", stranger)
    assert status == 403 and "ubiquite-config" not in page


def test_no_name_can_close_the_config_script(server: ServerProcess, congress: Congress) -> None:
    token = congress.invite(name="</script><script>alert(1)</script>")
    status, page = _page(server, f"/c/{congress.slug}/motion", token)
    assert status == 200
    assert "<script>alert(1)" not in page
    user = _config(page)["user"]
    assert isinstance(user, dict) and user["name"] == "</script><script>alert(1)</script>"


def test_english_only_when_asked_for(server: ServerProcess, congress: Congress) -> None:
    token = congress.invite()
    path = f"/c/{congress.slug}/motion"
    _, page = _page(server, path, token, **{"Accept-Language": "de-DE, en;q=0.8, fr;q=0.5"})
    assert _config(page)["lang"] == "en"
    _, page = _page(server, path + "?lang=fr", token, **{"Accept-Language": "en"})
    assert _config(page)["lang"] == "fr"


def test_an_unknown_page_is_a_404(server: ServerProcess, congress: Congress) -> None:
    status, _ = _page(server, f"/c/{congress.slug}/inconnue", congress.invite())
    assert status == 404
