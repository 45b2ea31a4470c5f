"""Contributions in real Chromium: a participant writes, an organiser reviews, the mind map links back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.support.browser import ARTIFACTS, People, screenshot, wait_until
from tests.themes_corpus import CORPUS

SLUG = "idees"


def _api(page: Any, method: str, path: str, body: str = "{}") -> Any:
    """A JSON route called from the page itself (its cookie, its origin, the CSRF header)."""
    return page.evaluate(
        """async ([method, url, body]) => {
            const response = await fetch(url, {method, body: method === 'GET' ? undefined : body,
              headers: {'X-Ubiquite-Request': '1', 'Content-Type': 'application/json'}})
            return [response.status, await response.json()]
        }""",
        [method, f"/api/congresses/{SLUG}{path}", body],
    )


def test_participant_writes_and_organiser_reviews_into_the_mind_map(people: People, tmp_path: Path) -> None:
    alice = people.open(f"/c/{SLUG}/motion", name="Alice Martin")
    alice.goto(f"{people.server.http}/c/{SLUG}/contributions")
    alice.get_by_label("Titre").fill("Des conseillers numériques dans chaque mairie")
    alice.get_by_label("Texte").fill(
        "Financer durablement les conseillers numériques pour accompagner les habitants "
        "dans leurs démarches en ligne, au plus près de chez eux."
    )
    alice.get_by_label("Axe (facultatif)").fill("Inclusion numérique")
    alice.get_by_role("button", name="Envoyer").click()
    alice.wait_for_selector("#mine .card h3:has-text('conseillers numériques')")
    assert alice.locator("#status").text_content() == "Contribution envoyée."
    screenshot(alice, "contributions-participant")

    organiser = people.open(f"/c/{SLUG}/motion", name="Orga Nisatrice", role="organiser")
    organiser.goto(f"{people.server.http}/c/{SLUG}/organisation/themes")
    corpus = tmp_path / "contributions.csv"
    corpus.write_text(
        "\n".join(CORPUS.read_text(encoding="utf-8").splitlines()[:61]) + "\n", encoding="utf-8"
    )
    organiser.set_input_files("#import input[type=file]", str(corpus))
    organiser.locator("#import button").click()
    organiser.wait_for_selector("#status:has-text('60 contribution(s) importée(s)')")
    wait_until(organiser, lambda: organiser.locator("#contributions tbody tr").count() == 61, what="the list")
    organiser.get_by_label("Rechercher").fill("mairie")
    wait_until(
        organiser, lambda: organiser.locator("#contributions tbody tr").count() < 61, what="the search"
    )

    organiser.get_by_label("Nombre de thèmes").fill("4")
    organiser.get_by_role("button", name="Classer les contributions").click()
    organiser.wait_for_selector("article.theme[data-index='3']", timeout=60_000)
    first = organiser.locator("article.theme[data-index='0'] .theme-head input")
    first.fill("Inclusion numérique")
    organiser.locator("article.theme[data-index='0'] .theme-head button").click()
    organiser.wait_for_selector("article.theme[data-index='0'] .badge")
    # Move the first contribution of theme 2 into theme 1 with its "Move to" menu.
    size = organiser.locator("article.theme[data-index='0'] .members li").count()
    moved = organiser.locator("article.theme[data-index='1'] .members li").first.get_attribute("data-id")
    organiser.locator("article.theme[data-index='1'] .members li select").first.select_option("0")
    organiser.wait_for_selector(f"article.theme[data-index='0'] .members li[data-id='{moved}']")
    assert organiser.locator("article.theme[data-index='0'] .members li").count() == size + 1
    assert (
        organiser.locator("article.theme[data-index='0'] .size").text_content() == f"{size + 1} contributions"
    )
    wait_until(
        organiser, lambda: organiser.evaluate("document.getElementById('chart').complete"), what="chart"
    )
    assert organiser.evaluate("document.getElementById('chart').naturalWidth") > 0
    screenshot(organiser, "themes-review")
    organiser.locator("#chart").screenshot(path=str(ARTIFACTS / "themes-chart.png"))
    organiser.locator("article.theme[data-index='1']").screenshot(
        path=str(ARTIFACTS / "themes-review-theme.png")
    )
    organiser.locator("#contributions").screenshot(path=str(ARTIFACTS / "contributions-all.png"))

    organiser.get_by_role("button", name="Placer les thèmes dans la carte mentale").click()
    organiser.wait_for_selector("#status:has-text('4 thème(s) placé(s)')")
    status, _ = _api(organiser, "POST", "/phase", '{"phase": "themes"}')
    assert status == 200

    alice.goto(f"{people.server.http}/c/{SLUG}/carte")
    node = alice.locator("[role=treeitem] > .mm-node:has(> .mm-label:text-is('Inclusion numérique'))")
    node.wait_for()
    node.locator(".mm-links").click()
    alice.wait_for_selector(".mm-linked li strong")
    assert alice.locator(".mm-linked h3").text_content().startswith("Inclusion numérique")
    assert alice.locator(".mm-linked li strong").count() >= 1
    screenshot(alice, "mindmap-linked-contributions")
