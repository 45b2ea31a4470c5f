"""Issue 13, bugs 5 and 2: keyboard users make no junk nodes, and "Branche → plan" never adds blank lines."""

from __future__ import annotations

from tests.support.browser import People, wait_until

MOTION_TEXT = "window.ubiquite.rooms.motion.doc.getText('text').toString()"
NODES = "document.querySelectorAll('[role=treeitem]').length"


def test_escape_on_a_node_just_created_removes_it_for_everyone(people: People) -> None:
    alice = people.open("/c/touches/carte", name="Alice Martin")
    bruno = people.open("/c/touches/carte", name="Bruno Diallo")
    alice.wait_for_selector("[role=treeitem][data-id=root]")
    alice.focus("[role=treeitem][data-id=root]")
    alice.keyboard.press("Tab")
    alice.keyboard.type("Inclusion")
    alice.keyboard.press("Enter")
    bruno.wait_for_selector(".mm-node:has-text('Inclusion')")

    alice.keyboard.press("Tab")  # a sub-branch of "Inclusion", named "Nouvelle idée" for the moment
    alice.wait_for_selector("input.mm-rename")
    bruno.wait_for_selector(".mm-node:has-text('Nouvelle idée')")
    alice.keyboard.press("Escape")
    bruno.wait_for_selector(".mm-node:has-text('Nouvelle idée')", state="detached")
    assert alice.evaluate(NODES) == 2
    assert alice.locator(".mm-node:has-text('Nouvelle idée')").count() == 0
    # The focus stays in the map, on the node before: the keyboard user carries on from there.
    assert (
        alice.evaluate(
            "document.activeElement.closest('[role=treeitem]').querySelector('.mm-label').textContent"
        )
        == "Inclusion"
    )

    # Emptied then confirmed: the same, nothing left behind.
    alice.keyboard.press("Enter")
    alice.keyboard.press("Control+a")
    alice.keyboard.press("Backspace")
    alice.keyboard.press("Enter")
    wait_until(alice, lambda: alice.evaluate(NODES) == 2, what="the empty node removed")

    # A placeholder that stays (Enter on it as is) is no axis of the motion.
    alice.keyboard.press("Enter")
    alice.keyboard.press("Enter")
    alice.wait_for_selector(".mm-node:has-text('Nouvelle idée')")
    alice.get_by_role("button", name="Carte → plan de la motion").click()
    alice.get_by_role("button", name="Ajouter à la motion").click()
    wait_until(alice, lambda: alice.evaluate(MOTION_TEXT) != "", what="the outline")
    assert alice.evaluate(MOTION_TEXT) == "## Inclusion\n"
    assert not people.errors


def test_branch_to_outline_on_a_leaf_adds_nothing_and_says_so(people: People) -> None:
    alice = people.open("/c/feuille/carte", name="Alice Martin")
    alice.wait_for_selector("[role=treeitem][data-id=root]")
    alice.focus("[role=treeitem][data-id=root]")
    alice.keyboard.press("Tab")
    alice.keyboard.type("Inclusion")
    alice.keyboard.press("Enter")
    alice.locator(".mm-node", has_text="Inclusion").click()
    alice.get_by_role("button", name="Branche → plan de la motion").click()
    alice.wait_for_selector(".notice:has-text('Rien à ajouter')")
    assert alice.locator(".notice:has-text('Plan ajouté')").count() == 0
    assert alice.evaluate(MOTION_TEXT) == ""
