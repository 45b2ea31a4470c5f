"""Issue 15 across two processes (Redis, PostgreSQL): three people vote from pages served by either
process; the organisers' page and the projector show the right count, once, live and then final."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support.browser import People, screenshot, wait_until
from tests.support.congress import Congress
from tests.support.decision_pages import api_ok, organiser_page, to_writing, vote
from tests.support.redis_server import RedisServer
from tests.support.server import ServerProcess

LIVE = "#vote-now .live-count"
COUNT = ".projected-counts [data-choice={}] .count-number"


@pytest.fixture
def two_processes(
    tmp_path: Path, redis_server: RedisServer, postgres_url: str
) -> Iterator[list[ServerProcess]]:
    # Processes sharing a database share the key that signs invitations (README).
    env = {"REDIS_URL": redis_server.url, "DATABASE_URL": postgres_url, "SECRET_KEY": uuid.uuid4().hex * 2}
    servers = [ServerProcess(tmp_path / f"server-{i}", env=env) for i in range(2)]
    for server in servers:
        server.start()
    yield servers
    for server in servers:
        if server.alive():
            server.stop()


def test_three_voters_on_two_processes_counted_once_on_the_organisers_page_and_the_projector(
    chromium: Any, two_processes: list[ServerProcess]
) -> None:
    first, second = two_processes
    slug = f"vote-{uuid.uuid4().hex[:6]}"
    Congress(first, slug, "Congrès 2026")
    on_first, on_second = People(chromium, first), People(chromium, second)
    try:
        olga = on_first.open(f"/c/{slug}/motion", name="Olga Orga", role="organiser")
        to_writing(olga, slug)
        alice = on_first.open(f"/c/{slug}/motion", name="Alice Martin")
        bruno = on_second.open(f"/c/{slug}/motion", name="Bruno Diallo", site="remote", width=390)
        claire = on_second.open(f"/c/{slug}/motion", name="Claire Petit", site="remote")
        screen = on_second.open(
            f"/c/{slug}/projecteur", name="Écran de la salle", role="observer", width=1366
        )
        queue = organiser_page(on_first, olga)

        # The organiser opens a named vote on the whole motion from the organisers' page.
        form = queue.locator("#open-vote")
        form.locator("select[name=kind]").select_option("motion")
        assert form.locator("input[name=title]").input_value() == "Adoption de la motion"
        form.get_by_role("button", name="Ouvrir le vote").click()
        wait_until(queue, lambda: "Vote ouvert" in queue.inner_text("#votes-status"), what="vote opened")
        queue.locator("#vote-now").get_by_role("button", name="Afficher au projecteur").click()
        screen.wait_for_selector(".projected-vote[data-status=open]")
        for page in (alice, bruno, claire):
            page.wait_for_selector(".vote-panel[data-status=open]")

        vote(alice, "for")
        vote(bruno, "against")
        vote(claire, "for")
        for page in (alice, bruno, claire):
            page.wait_for_selector(".vote-panel .vote-done")

        # Live, on the organisers' page (tally room) and on the projector (the shown vote's counts).
        wait_until(
            queue,
            lambda: queue.inner_text(LIVE).endswith("Pour 2 · Contre 1 · Abstention 0"),
            what="the live count",
        )
        wait_until(
            screen,
            lambda: (
                [screen.inner_text(COUNT.format(c)) for c in ("for", "against", "abstain")] == ["2", "1", "0"]
            ),
            what="the projected count",
        )
        assert screen.inner_text(".projected-participation").lower() == "ont voté : 3 sur 4"  # Olga too
        screenshot(queue, "vote-live-organiser-1366")
        screenshot(screen, "vote-live-projector-1366")

        queue.locator("#vote-now").get_by_role("button", name="Clore le vote").click()
        result = "Adopté par 2 voix contre 1, 0 abstention"
        wait_until(
            queue,
            lambda: result in queue.inner_text("#votes-past"),
            what="the result on the organisers' page",
        )
        screen.wait_for_selector(f".projected-result:has-text('{result}')")
        for page in (alice, bruno, claire):
            page.wait_for_selector(f".vote-panel .vote-result:has-text('{result}')")
        votes = api_ok(olga, "GET", f"/api/c/{slug}/votes")["votes"]
        assert [(v["cast"], v["counts"]) for v in votes] == [(3, {"for": 2, "against": 1, "abstain": 0})]
        screenshot(screen, "vote-result-projector-1366")
    finally:
        errors = on_first.errors + on_second.errors
        on_first.close()
        on_second.close()
    assert not errors, errors
