"""The organisers' page in real Chromium on two server processes: it counts a participant connected to
the other process, and says "vue partielle : un seul serveur" while Redis is stopped, until it is back.
(A module of its own: Playwright's sync API and the anyio tests of tests/test_presence_cluster.py do
not share a module.)"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support.browser import People, wait_until
from tests.support.congress import Congress
from tests.support.redis_server import RedisServer
from tests.support.server import ServerProcess

SHOTS = Path("/tmp/shots/presence")
LIVE_WAIT = 15.0  # seconds: a poll every 3 s, Redis's loss noticed, and its return


@pytest.fixture
def pair(tmp_path: Path, redis_server: RedisServer, postgres_url: str) -> Iterator[list[ServerProcess]]:
    env = {"REDIS_URL": redis_server.url, "DATABASE_URL": postgres_url, "SECRET_KEY": uuid.uuid4().hex * 2}
    servers = [ServerProcess(tmp_path / f"server-{i}", env=env).start() for i in range(2)]
    yield servers
    for server in servers:
        server.stop()


def _organiser_page(chromium: Any, server: ServerProcess, congress: Congress, width: int, lang: str) -> Any:
    token = congress.invite("organiser", f"Olga Orga {width}")
    context = chromium.new_context(locale="fr-FR", viewport={"width": width, "height": 900})
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.goto(f"{server.http}/i/{token}")
    page.goto(f"{server.http}/c/{congress.slug}/organisation{lang}")
    page.wait_for_selector("#people tbody tr")
    return page


def _wait(page: Any, check: Callable[[Any], bool], what: str) -> None:
    wait_until(page, lambda: check(page), LIVE_WAIT, what)


def _connected(count: str) -> Callable[[Any], bool]:
    return lambda page: bool(page.inner_text("#live-connected") == count)


def _partial(page: Any) -> bool:
    return bool(page.locator("#live-partial").is_visible())


def _shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.locator("#direct").scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def test_the_page_counts_the_other_process_and_says_when_its_view_is_partial(
    chromium: Any, pair: list[ServerProcess], redis_server: RedisServer
) -> None:
    here, elsewhere = pair
    congress = Congress(here, None, "Congrès 2026")
    crowd = People(chromium, elsewhere)
    crowd.open(
        f"/c/{congress.slug}/motion", name="Bruno Ailleurs", site="remote"
    )  # invited first: in the table
    wide = _organiser_page(chromium, here, congress, 1366, "")
    narrow = _organiser_page(chromium, here, congress, 390, "?lang=en")
    try:
        bruno = wide.locator("#people tbody tr", has_text="Bruno Ailleurs")
        for page in (wide, narrow):
            _wait(page, _connected("1"), "Bruno counted")
            assert page.locator("#live-partial").is_hidden()
        assert "Bruno Ailleurs" in wide.inner_text("#connected")
        wait_until(wide, lambda: bruno.get_attribute("data-connected") == "1", LIVE_WAIT, "his row connected")

        redis_server.stop()
        for page in (wide, narrow):
            _wait(page, _partial, "the notice")
        assert wide.inner_text("#live-partial").startswith("Vue partielle : un seul serveur.")
        assert narrow.inner_text("#live-partial").startswith("Partial view: one server only.")
        assert wide.inner_text("#live-connected") == "0"  # Bruno's process cannot be heard
        _shot(wide, "partial-1366")
        _shot(narrow, "partial-390")

        redis_server.start()
        for page in (wide, narrow):
            _wait(page, lambda p: not _partial(p), "the notice gone")
            _wait(page, _connected("1"), "Bruno back")
        _shot(wide, "whole-1366")
    finally:
        crowd.close()
        wide.context.close()
        narrow.context.close()
    assert not crowd.errors, crowd.errors
