"""The replay page in real Chromium: motion and mind map as they were, stepping, authorship, shared URL."""

from __future__ import annotations

import asyncio
from typing import Any

from crdt import mindmap
from tests.support.browser import People, run_async, screenshot, wait_until
from tests.support.congress import Congress
from tests.support.yclient import YClient


def _write_history(congress: Congress) -> None:
    """Two participants write, through their own invitations: three steps of the day."""

    async def write() -> None:
        alice_token = congress.invite("participant", "Aïcha Benali")
        bruno_token = congress.invite("participant", "Bruno Morel")
        async with YClient(congress.url("motion", token=alice_token)) as alice:
            alice.text.insert(0, "## Inclusion numérique\n\n1. Former les élu·es.\n")
            await asyncio.sleep(0.3)
            async with YClient(congress.url("motion", token=bruno_token)) as bruno:
                await bruno.wait_for_text(str(alice.text))
                bruno.text.insert(len(str(bruno.text).encode()), "2. Ouvrir les données publiques.\n")
                await alice.wait_for(lambda: "données" in str(alice.text))
        async with YClient(congress.url("mindmap", token=alice_token)) as map_client:
            mindmap.ensure_root(map_client.doc, "Motion 2026")
            mindmap.add_node(map_client.doc, mindmap.ROOT_ID, "Inclusion")
            await asyncio.sleep(0.5)  # the server logs in batches; the replay flushes what it reads

    run_async(write)


def _organiser_page(people: People, congress: Congress, path: str) -> Any:
    token = congress.invite("organiser", "Odile Organisatrice")
    context = people.browser.new_context(locale="fr-FR", viewport={"width": 1400, "height": 900})
    people.contexts.append(context)
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.on("pageerror", lambda error: people.errors.append(f"organiser: {error}"))
    page.goto(f"{people.server.http}/i/{token}")
    page.goto(f"{people.server.http}{path}")
    if "rejouer" in path:
        page.wait_for_selector("body[data-ready='1']")
    return page


def test_replay_steps_through_the_day_and_the_url_holds_the_position(people: People) -> None:
    congress = Congress(people.server, "rejeu", "Congrès 2026")
    _write_history(congress)
    page = _organiser_page(people, congress, f"/c/{congress.slug}/rejouer")
    motion, tree = page.locator("#motion"), page.locator("#mindmap")
    # Now: both documents as they are.
    assert "Ouvrir les données publiques" in motion.inner_text()
    assert "Inclusion" in tree.inner_text()

    # One change back: the mind map loses its node, the motion keeps both proposals.
    now = int(page.evaluate("document.body.dataset.position"))
    page.click("#previous")
    wait_until(page, lambda: int(page.evaluate("document.body.dataset.position")) < now, what="a step back")
    page.click("#previous")
    wait_until(page, lambda: "Ouvrir" not in motion.inner_text(), what="Bruno's proposal gone")
    assert "Former les élu·es" in motion.inner_text()
    assert "Inclusion" not in tree.inner_text()
    position = page.evaluate("document.body.dataset.position")
    assert f"position={position}" in page.url

    # Coloured by author, with a legend of who wrote it.
    page.check("#authors")
    page.wait_for_selector("#legend li:has-text('Aïcha Benali')")
    assert "authors=1" in page.url
    assert page.locator("#motion .by").count() >= 1

    # The URL is shareable: opened again, it shows the same moment.
    shared = page.url
    page.goto(shared)
    page.wait_for_selector("body[data-ready='1']")
    assert page.evaluate("document.body.dataset.position") == position
    assert "Ouvrir" not in page.locator("#motion").inner_text()
    page.wait_for_selector("#legend li:has-text('Aïcha Benali')")
    screenshot(page, "replay-authorship")

    # Play runs to the end of the day, then stops.
    page.uncheck("#authors")
    page.select_option("#speed", "10")
    page.click("#play")
    wait_until(page, lambda: "Inclusion" in page.locator("#mindmap").inner_text(), what="the end of the day")
    wait_until(page, lambda: "Lecture" in page.inner_text("#play"), what="play to stop at the end")
    assert "Ouvrir les données publiques" in page.locator("#motion").inner_text()
    screenshot(page, "replay")


def test_timeline_page_shows_the_chart_and_names_a_version(people: People) -> None:
    congress = Congress(people.server, "chronologie", "Congrès 2026")
    _write_history(congress)
    page = _organiser_page(people, congress, f"/c/{congress.slug}/historique")
    assert page.locator("svg.activity rect").count() > 2
    assert "Bruno Morel" in page.inner_text("table")
    page.fill("#name-version input[name=name]", "texte adopté")
    page.click("#name-version button")
    page.wait_for_selector("td:has-text('texte adopté')")
    screenshot(page, "timeline")
    page.click("a:has-text('Comparer avec maintenant')")
    page.wait_for_selector("#diff")
