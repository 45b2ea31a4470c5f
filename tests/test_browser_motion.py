"""The motion editor in real Chromium: two people type at once, see each other, and the outline follows."""

from __future__ import annotations

from crdt.motion import outline
from tests.support.browser import People, screenshot, wait_until

MOTION_TEXT = "window.ubiquite.rooms.motion.doc.getText('text').toString()"


def _type_at_end(page: object, text: str) -> None:
    page.click(".cm-content")  # type: ignore[attr-defined]
    page.keyboard.press("Control+End")  # type: ignore[attr-defined]
    page.keyboard.insert_text(text)  # type: ignore[attr-defined]


def test_two_writers_converge_and_see_each_others_cursor(people: People) -> None:
    alice = people.open("/c/ecrire/motion", name="Alice Martin", site="on_site")
    bob = people.open("/c/ecrire/motion", name="Bruno Diallo", site="remote")
    alice.click(".cm-content")
    bob.click(".cm-content")
    # Both type, key by key, at the same time: their keystrokes interleave on the wire.
    for a, b in zip("Inclusion numérique ", "Éducation populaire ", strict=True):
        alice.keyboard.type(a)
        bob.keyboard.type(b)
    texts = lambda: (alice.evaluate(MOTION_TEXT), bob.evaluate(MOTION_TEXT))  # noqa: E731
    wait_until(alice, lambda: texts()[0] == texts()[1] and len(texts()[0]) == 40, what="the same text")
    text = texts()[0]
    assert sorted(text) == sorted("Inclusion numérique Éducation populaire ")

    # Each sees the other's cursor, labelled with their name.
    alice.wait_for_selector(".cm-ySelectionInfo:has-text('Bruno Diallo')")
    bob.wait_for_selector(".cm-ySelectionInfo:has-text('Alice Martin')")
    # And in the list of people present, where they are.
    alice.wait_for_selector(".people li:has-text('Bruno Diallo'):has-text('à distance')")


def test_outline_and_preview_follow_the_text(people: People) -> None:
    alice = people.open("/c/plan/motion", name="Alice Martin")
    bob = people.open("/c/plan/motion", name="Bruno Diallo", site="remote")
    motion = (
        "# Motion du congrès 2026\n\n"
        "## Inclusion numérique\n\n"
        "1. Former les agents d'accueil\n"
        "   1. Un budget dédié\n"
        "2. Ouvrir des lieux de médiation\n\n"
        "## Éducation\n\n"
        "1. Des ateliers dans chaque école\n\n"
        "| Axe | Propositions |\n|---|---|\n| 1 | 2 |\n\n~~retiré~~\n"
    )
    _type_at_end(alice, motion)
    wait_until(bob, lambda: bob.evaluate(MOTION_TEXT) == motion, what="the motion in Bob's page")

    # Bob's outline is the server's outline of the same text (crdt/motion.py).
    expected = []
    for entry in outline(motion):
        expected.append((str(entry.line), entry.title))
        for proposal in entry.children:
            expected.append((str(proposal.line), proposal.title))
            expected.extend((str(lever.line), lever.title) for lever in proposal.children)
    bob.wait_for_selector(".outline-pane button:has-text('Éducation')")
    shown = bob.eval_on_selector_all(
        ".outline-pane button", "bs => bs.map(b => [b.dataset.line, b.textContent])"
    )
    assert [line for line, _ in shown] == [line for line, _ in expected]
    assert all(title in label for (_, label), (_, title) in zip(shown, expected, strict=True))

    # The preview renders like the server: a table and strikethrough, no raw HTML.
    assert bob.locator(".rendered table td").first.inner_text() == "1"
    assert bob.locator(".rendered s").inner_text() == "retiré"

    # Jumping to a section puts the cursor on its line.
    bob.click(".outline-pane button:has-text('Éducation')")
    line = bob.evaluate("document.querySelector('.cm-activeLine').textContent")
    assert line == "## Éducation"
    # Alice sees where Bob is now writing.
    bob.keyboard.press("End")
    bob.keyboard.type(" et culture")
    alice.wait_for_selector(".people li:has-text('Bruno Diallo'):has-text('Axe 2 — Éducation')")
    screenshot(alice, "motion-editor")

    # Undo takes back only one's own edits.
    bob.keyboard.press("Control+z")
    wait_until(alice, lambda: alice.evaluate(MOTION_TEXT) == motion, what="Bob's edit undone")
