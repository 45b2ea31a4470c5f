"""The replay page in real Chromium: motion and mind map as they were, stepping, authorship, shared URL."""

from __future__ import annotations

import asyncio
from typing import Any

from crdt import mindmap
from server.clock import Clock
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


WRITERS = [
    f"{first} {last}"
    for first, last in zip(
        ["Aïcha", "Bruno", "Chloé", "Didier", "Émilie", "Farid", "Gaëlle", "Hugo"],
        ["Benali", "Morel", "Dubois", "Lefèvre", "Roux", "Haddad", "Le Bihan", "Garnier"],
        strict=True,
    )
]


def _rgb(colour: str) -> str:
    """ "#1565c0" as a browser's computed style says it: "rgb(21, 101, 192)"."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


def _write_together(congress: Congress) -> dict[str, str]:
    """Eight people write the motion and the map at once; what colour each one's presence showed."""
    tokens = {name: congress.invite("participant", name) for name in WRITERS}

    async def write() -> dict[str, str]:
        clients = [await YClient(congress.url("motion", token=tokens[name])).connect() for name in WRITERS]
        for client in clients:
            await client.set_presence({"user": {"name": "anyone", "color": "#000000"}, "page": "motion"})
        for name, client in zip(WRITERS, clients, strict=True):
            await client.wait_for(lambda c=client: len(str(c.text)) >= len(str(clients[0].text)))
            client.text.insert(len(str(client.text).encode()), f"- Proposition de {name}.\n")
            await asyncio.sleep(0.15)
        await clients[0].wait_for(lambda: all(peer.get("user") for peer in clients[0].peers.values()))
        await clients[-1].wait_for(lambda: len(clients[-1].peers) == len(WRITERS) - 1)
        seen = {
            p["user"]["name"]: p["user"]["color"] for c in (clients[0], clients[-1]) for p in c.peers.values()
        }
        async with YClient(congress.url("mindmap", token=tokens[WRITERS[1]])) as bruno:
            mindmap.ensure_root(bruno.doc, "Motion 2026")
            mindmap.add_node(bruno.doc, mindmap.ROOT_ID, "Inclusion")
            await asyncio.sleep(0.3)
        async with YClient(congress.url("mindmap", token=tokens[WRITERS[2]])) as chloe:
            await chloe.wait_for(lambda: len(mindmap.build_tree(chloe.doc).children) == 1)
            mindmap.add_node(chloe.doc, mindmap.ROOT_ID, "Cybersécurité")
            await asyncio.sleep(0.5)
        for client in clients:
            await client.close()
        return seen

    return run_async(write)


def test_the_history_shows_people_by_name_in_their_presence_colours(people: People) -> None:
    """Issue 13: "participant:3" and two people sharing a colour (a hash into a few colours); the
    timeline, the replay's motion and its map now show each name in that person's presence colour."""
    congress = Congress(people.server, "couleurs", "Congrès 2026")
    presence = _write_together(congress)
    assert set(presence) == set(WRITERS) and len(set(presence.values())) == len(WRITERS)

    page = _organiser_page(people, congress, f"/c/{congress.slug}/historique")
    assert "participant:" not in page.inner_text("main")
    for name in WRITERS:
        swatch = page.locator(".people-counts li", has_text=name).locator(".swatch")
        assert swatch.evaluate("e => getComputedStyle(e).backgroundColor") == _rgb(presence[name]), name
    # The chart ends at the last edit's minute, not at "now" nor half an hour later.
    line = page.request.get(f"{people.server.http}/api/congresses/{congress.slug}/history").json()
    end = Clock().time_of_day((int(line["end"] // 60) + 1) * 60, "fr")
    assert page.locator("svg.activity text").all_text_contents()[-3] == end  # then the two counts
    screenshot(page, "timeline-colours")

    page.goto(f"{people.server.http}/c/{congress.slug}/rejouer?authors=1")
    page.wait_for_selector("body[data-ready='1']")
    assert "participant:" not in page.inner_text("main")
    for name in WRITERS:
        passage = page.locator(f"#motion .by[title='{name}']").first
        assert passage.evaluate("e => getComputedStyle(e).borderBottomColor") == _rgb(presence[name]), name
    # The map is drawn as the map (the live map's view), each node in the colour of who named it.
    assert page.locator("#mindmap [role=tree] .mm-node").count() == 3
    assert page.locator("#mindmap .mindmap-tree").count() == 0
    for label, name in (("Inclusion", WRITERS[1]), ("Cybersécurité", WRITERS[2])):
        item = page.locator("#mindmap [role=treeitem]", has_text=label).last
        assert item.evaluate("e => e.style.getPropertyValue('--author')") == presence[name]
        # Who named it is part of the item's accessible name, as words in its content (no aria-label).
        assert name in item.locator(":scope > .mm-node > .mm-by-name").text_content()
    assert set(page.locator("#map-legend li").all_inner_texts()) >= {WRITERS[1], WRITERS[2]}
    screenshot(page, "replay-colours")
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, "replay-colours-390")
