"""Issue 13, bug 6: the theme cards get their chart colours under the page's own CSP (no inline style=)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.support.browser import People
from tests.test_browser_themes import _corpus


def test_theme_colours_are_not_refused_by_the_csp(people: People, tmp_path: Path) -> None:
    page = people.open("/c/couleurs/motion", name="Orga Nisatrice", role="organiser")
    refused: list[str] = []

    def console(message: Any) -> None:
        if "Content Security Policy" in message.text or "Refused to apply" in message.text:
            refused.append(message.text)

    page.on("console", console)
    page.goto(f"{people.server.http}/c/couleurs/organisation/themes")
    path, _authors = _corpus(tmp_path, 16)
    page.set_input_files("#import input[type=file]", str(path))
    page.locator("#import button").click()
    page.wait_for_selector("#status:has-text('16 contribution(s) importée(s)')")
    page.wait_for_selector("#progress-box", state="hidden", timeout=90_000)
    page.get_by_role("button", name="Classer les contributions").click()
    page.wait_for_selector("article.theme[data-index='0']", timeout=60_000)

    card = page.locator("article.theme[data-index='0']")
    theme = card.evaluate("el => getComputedStyle(el).getPropertyValue('--theme').trim()")
    swatch = card.locator(".swatch").first.evaluate("el => getComputedStyle(el).backgroundColor")
    assert theme.startswith("#"), theme
    red, green, blue = (int(theme[k : k + 2], 16) for k in (1, 3, 5))
    assert swatch == f"rgb({red}, {green}, {blue})"
    assert refused == []
