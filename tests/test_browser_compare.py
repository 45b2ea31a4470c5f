"""Issue 13, bug 7: the compare page lines up the original motion with now, not the empty document."""

from __future__ import annotations

import asyncio
import re

from tests.support.browser import People, run_async, screenshot, wait_until
from tests.support.congress import Congress
from tests.support.yclient import YClient

MOTION_TEXT = "window.ubiquite.rooms.motion.doc.getText('text').toString()"
ORIGINAL = "# Motion\n\n## Inclusion\n\n1. Former les agents.\n"


def test_compare_opens_on_what_changed_since_the_original_motion(people: People) -> None:
    organiser = people.open("/c/compare/motion", name="Olga Orga", role="organiser")
    organiser.click(".cm-content")
    organiser.keyboard.insert_text(ORIGINAL)  # the motion as first written (pasted, or the demo's seed)
    organiser.wait_for_timeout(2500)  # a pause: the next edits are another step of the day
    bruno = people.open("/c/compare/motion", name="Bruno Diallo")
    wait_until(bruno, lambda: bruno.evaluate(MOTION_TEXT) == ORIGINAL, what="the original")
    bruno.click(".cm-content")
    bruno.keyboard.press("Control+End")
    bruno.keyboard.insert_text("2. Ouvrir les données.\n")
    wait_until(organiser, lambda: "Ouvrir" in organiser.evaluate(MOTION_TEXT), what="Bruno's line")
    organiser.wait_for_timeout(300)

    page = organiser.context.new_page()
    page.goto(f"{people.server.http}/c/compare/comparer")  # as the history's menu opens it
    inserted = " ".join(page.locator("#diff ins").all_inner_texts())
    assert "Ouvrir les données." in inserted
    assert "Former les agents" not in inserted
    assert "Former les agents" in page.inner_text("#diff")


def test_compare_is_chosen_by_version_names_and_folds_what_did_not_change(people: People) -> None:
    """Issue 13: two log positions typed in boxes; now each side is a named version, the original
    text, now or a time, the page counts the words and folds the long unchanged stretches."""
    congress = Congress(people.server, "versions-noms", "Congrès 2026")
    token = congress.invite("participant", "Inès Diallo")
    lines = "".join(f"{n}. Proposition {n} pour les communes.\n" for n in range(1, 41))

    async def write(text: str, at: int | None = None) -> None:
        async with YClient(congress.url("motion", token=token)) as client:
            if at is None:
                client.text.insert(0, text)
            else:
                client.text.insert(len(str(client.text)[:at].encode()), text)
            await asyncio.sleep(0.4)

    run_async(lambda: write(f"# Motion\n\n## Inclusion\n\n{lines}"))
    page = people.open(f"/c/{congress.slug}/motion", name="Olga Orga", role="organiser")
    api = f"{people.server.http}/api/congresses/{congress.slug}/history/versions"
    named = page.request.post(api, data={"name": "texte déposé"}, headers={"X-Ubiquite-Request": "1"})
    assert named.status == 201, named.text()
    motion = run_async(lambda: _text(congress, token))
    run_async(
        lambda: write("très ", motion.index("pour les communes.\n30.") + len("pour les communes.\n30. "))
    )

    page.goto(f"{people.server.http}/c/{congress.slug}/comparer")
    options = page.locator("#from option").all_inner_texts()
    assert any(o.startswith("texte déposé — ") and "2026" in o for o in options), options
    assert {"Texte initial", "Maintenant"} <= set(options)
    page.select_option("#from", label=next(o for o in options if o.startswith("texte déposé")))
    page.select_option("#to", label="Maintenant")
    page.get_by_role("button", name="Comparer", exact=True).click()
    page.wait_for_selector("#diff ins")
    assert page.locator("#diff ins").all_inner_texts() == ["très "]
    assert "1 mot ajouté, aucun supprimé." in page.inner_text("main")
    assert page.locator("#diff details.unchanged").count() == 2  # before and after the change
    assert "Proposition 38" not in page.locator("#diff").inner_text()  # folded, until opened
    page.locator("#diff details.unchanged summary").last.click()
    assert "Proposition 38" in page.locator("#diff").inner_text()
    assert not re.search(r"\bposition\b", page.inner_text("main"), re.IGNORECASE)  # no log position shown
    screenshot(page, "compare-versions")
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, "compare-versions-390")


async def _text(congress: Congress, token: str) -> str:
    async with YClient(congress.url("motion", token=token)) as client:
        return str(client.text)
