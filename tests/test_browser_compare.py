"""Issue 13, bug 7: the compare page lines up the original motion with now, not the empty document."""

from __future__ import annotations

from tests.support.browser import People, wait_until

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
