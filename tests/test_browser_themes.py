"""The organisers' themes page in real Chromium (issue 14): axes written in the page, progress while
contributions are encoded, themes per axis without internal scores, a near-duplicate pair side by
side merged into one idea with both authors."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from server.themes.labels import tidy
from tests.support.browser import People, screenshot, wait_until
from tests.themes_corpus import AXES, THEMES_CORPUS, known_duplicates

SLUG = "axes"


def _corpus(tmp_path: Path, count: int) -> tuple[Path, dict[str, str]]:
    with THEMES_CORPUS.open(encoding="utf-8") as file:
        rows = list(csv.DictReader(file))[:count]
    authors = {row["id"]: f"Élu·e {i}" for i, row in enumerate(rows)}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", "title", "text", "axis", "author"])
    writer.writerows([row["id"], row["title"], row["text"], row["axis"], authors[row["id"]]] for row in rows)
    path = tmp_path / "contributions.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    return path, authors


def test_axes_progress_and_a_pair_merged_in_the_page(people: People, tmp_path: Path) -> None:
    page = people.open(f"/c/{SLUG}/motion", name="Orga Nisatrice", role="organiser")
    page.goto(f"{people.server.http}/c/{SLUG}/organisation/themes")
    with AXES.open(encoding="utf-8") as file:
        axes = list(csv.DictReader(file))
    for axis in axes:
        page.get_by_role("button", name="Ajouter un axe").click()
        page.locator("#axes-list .axis input[name=axis-name]").last.fill(axis["name"])
        page.locator("#axes-list .axis input[name=axis-description]").last.fill(axis["description"])
    page.get_by_role("button", name="Enregistrer les axes").click()
    page.wait_for_selector(f"#status:has-text('{len(axes)} axe(s) enregistré(s)')")

    path, authors = _corpus(tmp_path, 110)
    page.set_input_files("#import input[type=file]", str(path))
    page.locator("#import button").click()
    page.wait_for_selector("#status:has-text('110 contribution(s) importée(s)')")
    # Encoding 110 contributions with e5 takes seconds: the page shows how far it is.
    page.wait_for_selector(
        "#progress-text:has-text('Préparation des contributions arrivées')", timeout=30_000
    )
    page.wait_for_selector("#progress-box", state="hidden", timeout=90_000)

    page.get_by_role("button", name="Classer les contributions").click()
    page.wait_for_selector("article.theme[data-index='6']", timeout=60_000)
    titles = [
        page.locator(f"article.theme[data-index='{i}'] .theme-head input").input_value() for i in range(7)
    ]
    assert titles == [axis["name"] for axis in axes]
    assert page.locator("article.theme .subthemes li").count() >= 2
    themes_text = page.locator("#themes").inner_text()
    assert "centralité" not in themes_text and not re.search(r"\b0[.,]\d\d\b", themes_text)

    ids = set(authors)
    known = [pair for pair in known_duplicates(THEMES_CORPUS) if pair <= ids]
    pair = page.locator("li.duplicate").first
    pair.wait_for()
    first, second = pair.get_attribute("data-pair").split()  # type: ignore[union-attr]
    assert frozenset((first, second)) in known
    assert pair.locator(".duplicate-side").count() == 2
    screenshot(page, "themes-axes-duplicates")
    pair.get_by_role("button", name="Fusionner en une idée").click()
    page.wait_for_selector("#status:has-text('Fusionnées en une idée.')")
    kept = page.locator(f"article.theme .members li[data-id='{first}'] .meta")
    wait_until(page, lambda: authors[second] in (kept.text_content() or ""), what="both authors")
    assert authors[first] in (kept.text_content() or "")
    assert page.locator(f"article.theme .members li[data-id='{second}']").count() == 0
    screenshot(page, "themes-axes-merged")
    # A proposed sub-theme becomes a theme of its own in one click.
    count = page.locator("article.theme").count()
    sub = page.locator("article.theme[data-index='0'] .subthemes li").first
    label = (sub.text_content() or "").rsplit(" (", 1)[0]
    sub.get_by_role("button", name="en faire un thème").click()
    page.wait_for_selector(f"article.theme[data-index='{count}']")
    assert page.locator("article.theme[data-index='1'] .theme-head input").input_value() == label


def test_themes_read_as_a_person_writes_and_each_correction_is_confirmed(
    people: People, tmp_path: Path
) -> None:
    """Issue 13: labels are phrases, no internal id or score, French numbers, and a rename, a merge
    or a refusal is said where the eye is (the status line, a toast)."""
    slug = "sans-axes"
    page = people.open(f"/c/{slug}/motion", name="Orga Nisatrice", role="organiser")
    page.goto(f"{people.server.http}/c/{slug}/organisation/themes")
    path, _ = _corpus(tmp_path, 48)
    page.set_input_files("#import input[type=file]", str(path))
    page.locator("#import button").click()
    page.wait_for_selector("#status:has-text('48 contribution(s) importée(s)')")
    page.wait_for_selector("#progress-box", state="hidden", timeout=90_000)
    page.fill("#run input[name=k]", "4")
    page.get_by_role("button", name="Classer les contributions").click()
    page.wait_for_selector("article.theme[data-index='3']", timeout=60_000)

    with THEMES_CORPUS.open(encoding="utf-8") as file:
        titles = {tidy(row["title"]) for row in list(csv.DictReader(file))[:48]}
    names = [
        page.locator(f"article.theme[data-index='{i}'] .theme-head input").input_value() for i in range(4)
    ]
    assert all(name in titles for name in names), names  # a contribution's title, not "ia, intelligence, …"
    cards = page.locator("#themes").inner_text()
    assert not re.search(r"\bt\d{3}\b", cards)  # the contributions' keys stay out of sight
    assert "centralit" not in cards and not re.search(r"\b0[.,]\d{2}\b", cards)
    assert "la plus représentative du thème" in cards
    assert re.search(r"\d+ contributions\b", page.inner_text("article.theme[data-index='0'] .size"))

    first = page.locator("article.theme[data-index='0']")
    first.locator(".theme-head input").fill("Élu·es et opérateurs")
    first.get_by_role("button", name="Renommer").click()
    page.wait_for_selector("#status[role=status]:has-text('Thème renommé : « Élu·es et opérateurs ».')")
    assert page.get_attribute("#status", "data-kind") == "done"
    screenshot(page, "themes-renamed")

    page.locator("article.theme[data-index='2'] input[name=merge]").check()
    page.locator("article.theme[data-index='1']").get_by_role(
        "button", name="Fusionner les thèmes cochés dans celui-ci"
    ).click()
    page.wait_for_selector("#status:has-text('1 thème(s) fusionné(s) dans')")
    wait_until(page, lambda: page.locator("article.theme").count() == 3, what="three themes left")

    page.locator("article.theme[data-index='0']").get_by_role(
        "button", name="Fusionner les thèmes cochés dans celui-ci"
    ).click()
    page.wait_for_selector("#status:has-text('Erreur : Cochez « à fusionner » sur au moins un autre thème.')")
    assert page.get_attribute("#status", "data-kind") == "error"
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # nothing wider than a phone
    screenshot(page, "themes-refused-390")
