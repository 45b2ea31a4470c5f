"""Issue 13, the motion page: a formatting bar, a skip link into the editor, the editor first on a phone."""

from __future__ import annotations

from typing import Any

from crdt.motion import outline
from tests.support.browser import People, screenshot, wait_for_js, wait_until

MOTION_TEXT = "window.ubiquite.rooms.motion.doc.getText('text').toString()"
PRESSED = """() => Object.fromEntries([...document.querySelectorAll('.format-group button')]
  .map((b) => [b.className.replace('format-', ''), b.getAttribute('aria-pressed')]))"""


def _line(page: Any, number: int) -> None:
    """Put the cursor at the end of line `number` (1-based) of the editor, as a person would."""
    page.locator(".cm-line").nth(number - 1).click()
    page.keyboard.press("End")


def test_the_formatting_bar_writes_the_motions_structure_as_edits_everyone_gets(people: People) -> None:
    alice = people.open("/c/forme/motion", name="Alice Martin")
    bruno = people.open("/c/forme/motion", name="Bruno Diallo", site="remote")
    alice.click(".cm-content")
    alice.keyboard.insert_text("Inclusion numérique\nFormer les agents\nUn budget dédié\nAvant tout")
    toolbar = alice.get_by_role("toolbar", name="Outils de la motion")
    _line(alice, 1)
    toolbar.get_by_role("button", name="Axe").click()
    _line(alice, 2)
    alice.keyboard.press("Control+Shift+7")  # Proposition, as a numbered list in Google Docs
    _line(alice, 3)
    toolbar.get_by_role("button", name="Levier").click()
    # Bold on a selection: the words "Avant tout".
    _line(alice, 4)
    alice.keyboard.press("Shift+Home")
    alice.keyboard.press("Control+b")
    expected = "## Inclusion numérique\n1. Former les agents\n   1. Un budget dédié\n**Avant tout**"
    wait_until(
        bruno, lambda: bruno.evaluate(MOTION_TEXT) == expected, what="the formatted motion in Bruno's page"
    )
    [axis] = outline(expected)
    assert (axis.title, axis.children[0].title, axis.children[0].children[0].title) == (
        "Inclusion numérique",
        "Former les agents",
        "Un budget dédié",
    )
    bruno.wait_for_selector(".outline-pane .outline-lever button:has-text('Un budget dédié')")

    # The buttons say what the selection is: on the lever, "Levier" is pressed.
    _line(alice, 3)
    assert alice.evaluate(PRESSED) == {
        "axis": "false",
        "proposal": "false",
        "lever": "true",
        "bold": "false",
        "list": "false",
    }
    assert toolbar.get_by_role("button", name="Axe").get_attribute("aria-keyshortcuts") == "Control+Alt+2"
    # One tab stop for the whole toolbar; the arrows go through it.
    assert alice.locator(".motion-toolbar button[tabindex='0']").count() == 1
    toolbar.get_by_role("button", name="Axe").focus()
    alice.keyboard.press("ArrowRight")
    assert alice.evaluate("document.activeElement.textContent") == "Proposition"
    screenshot(alice, "motion-format-bar")

    # A format is one undo step of one's own: Bruno types meanwhile, Alice's Ctrl+Z takes back
    # her bold only.
    bruno.click(".cm-content")
    bruno.keyboard.press("Control+End")
    bruno.keyboard.insert_text("\nAjouté par Bruno")
    wait_until(alice, lambda: "Ajouté par Bruno" in alice.evaluate(MOTION_TEXT), what="Bruno's line")
    _line(alice, 1)
    alice.keyboard.press("Control+z")
    after = expected.replace("**Avant tout**", "Avant tout") + "\nAjouté par Bruno"
    wait_until(bruno, lambda: bruno.evaluate(MOTION_TEXT) == after, what="only Alice's bold undone")


def test_a_skip_link_takes_the_keyboard_straight_into_the_editor(people: People) -> None:
    alice = people.open("/c/saut/motion", name="Alice Martin")
    alice.keyboard.press("Tab")
    assert alice.evaluate("document.activeElement.textContent") == "Aller au contenu"
    alice.keyboard.press("Tab")
    assert alice.evaluate("document.activeElement.textContent") == "Aller à l'éditeur de la motion"
    alice.keyboard.press("Enter")
    wait_for_js(alice, "document.activeElement.classList.contains('cm-content')")
    alice.keyboard.type("Tapé sans souris")
    wait_until(alice, lambda: alice.evaluate(MOTION_TEXT) == "Tapé sans souris", what="typing in the editor")


def test_at_phone_width_the_editor_comes_first_and_nothing_overflows(people: People) -> None:
    alice = people.open("/c/telephone/motion", name="Alice Martin", width=390, height=844)
    alice.click(".cm-content")
    alice.keyboard.insert_text("# Motion\n\n## Inclusion\n\n1. Former\n")
    top = "(selector) => document.querySelector(selector).getBoundingClientRect().top"
    assert alice.evaluate(top, ".editor-pane") < alice.evaluate(top, ".outline-pane")
    assert alice.evaluate(top, ".outline-pane") < alice.evaluate(top, ".preview-pane")
    assert alice.evaluate("document.documentElement.scrollWidth") <= 390
    sizes = alice.eval_on_selector_all(
        ".motion-toolbar button", "bs => bs.map(b => [b.offsetWidth, b.offsetHeight])"
    )
    assert sizes and all(width >= 44 and height >= 44 for width, height in sizes), sizes
    screenshot(alice, "motion-390")
