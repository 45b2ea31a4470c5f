"""The organisers' themes page in real Chromium (issue 14): axes written in the page, progress while
contributions are encoded, themes per axis without internal scores, a near-duplicate pair side by
side merged into one idea with both authors."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

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
