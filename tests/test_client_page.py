"""The browser client's pages: the HTML shell and the configuration block its bundle reads."""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request

import pytest

from server.routes.client import ClientUser, bundle_built
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


def test_the_shell_carries_the_config_the_bundle_reads(server: ServerProcess) -> None:
    if not bundle_built():
        pytest.skip("the browser client is not built (scripts/install builds it; it needs npm)")
    status, page = _get(f"{server.http}/c/demo/carte?nom=Alice&site=remote")
    assert status == 200
    config = _config(page)
    assert config["page"] == "mindmap"
    assert config["wsBase"] == f"ws://127.0.0.1:{server.port}/ws"
    assert config["rooms"] == {"motion": "demo.motion", "mindmap": "demo.mindmap"}
    assert config["user"] == {
        "id": "demo:Alice",
        "name": "Alice",
        "role": "participant",
        "site": "remote",
        "colour": ClientUser("demo:Alice", "Alice", "participant", "remote").colour,
    }
    assert config["lang"] == "fr"
    assert config["organiserUrl"] is None


def test_no_name_can_close_the_config_script(server: ServerProcess) -> None:
    if not bundle_built():
        pytest.skip("the browser client is not built")
    status, page = _get(f"{server.http}/c/demo/motion?nom=%3C/script%3E%3Cscript%3Ealert(1)%3C/script%3E")
    assert status == 200
    assert "<script>alert(1)" not in page
    user = _config(page)["user"]
    assert isinstance(user, dict) and user["name"] == "</script><script>alert(1)</script>"


def test_english_only_when_asked_for(server: ServerProcess) -> None:
    if not bundle_built():
        pytest.skip("the browser client is not built")
    _, page = _get(f"{server.http}/c/demo/motion", {"Accept-Language": "de-DE, en;q=0.8, fr;q=0.5"})
    assert _config(page)["lang"] == "en"
    _, page = _get(f"{server.http}/c/demo/motion?lang=fr", {"Accept-Language": "en"})
    assert _config(page)["lang"] == "fr"


def test_an_unknown_page_is_a_404(server: ServerProcess) -> None:
    status, _ = _get(f"{server.http}/c/demo/inconnue")
    assert status == 404
