"""Issue 13: a mind map the size of a real day (300 nodes), legible, searchable, undoable, who is where."""

from __future__ import annotations

from typing import Any

from crdt.mindmap import nodes_map
from tests.support.browser import People, screenshot, wait_for_js, wait_until
from tests.support.day_map import DEEP_ID, DEEP_LABEL, day_map
from tests.support.rooms import push_mindmap, server_tree
from tests.support.server import ServerProcess

READABLE_PX = 13  # static/src/mindmap/panzoom.js
# The smallest label as drawn on the screen: its font size times the canvas's zoom.
SMALLEST_LABEL = """() => {
  const scale = new DOMMatrix(getComputedStyle(document.querySelector('.mm-canvas')).transform).a
  const sizes = [...document.querySelectorAll('.mm-label')]
    .map((label) => parseFloat(getComputedStyle(label).fontSize) * scale)
  return Math.min(...sizes)
}"""
IN_VIEW = """(id) => {
  const node = document.querySelector(`[data-id="${id}"] > .mm-node`).getBoundingClientRect()
  const view = document.querySelector('.mm-viewport').getBoundingClientRect()
  return node.left >= view.left && node.right <= view.right
    && node.top >= view.top && node.bottom <= view.bottom
}"""
# Every label of the page's copy of the map, shown or folded away.
LABELS = "[...window.ubiquite.rooms.mindmap.doc.getMap('nodes').values()].map((n) => n.get('label'))"


def _day(web_server: ServerProcess, slug: str) -> Any:
    doc = day_map("Congrès 2026")
    push_mindmap(web_server, f"{slug}.mindmap", doc)
    return doc


def test_three_hundred_nodes_open_legible_at_desk_and_phone_width(
    people: People, web_server: ServerProcess
) -> None:
    doc = _day(web_server, "journee")
    assert len(nodes_map(doc)) == 301
    for width, height in ((1366, 800), (390, 844)):
        page = people.open("/c/journee/carte", name=f"Alice {width}", width=width, height=height)
        page.wait_for_selector("[role=treeitem][data-id=a5]")
        # The first levels are open (the axes), the rest folded until someone unfolds it.
        assert page.locator("[role=treeitem]").count() == 7
        assert page.evaluate(SMALLEST_LABEL) >= READABLE_PX
        assert page.evaluate(IN_VIEW, "root")
        screenshot(page, f"mindmap-day-{width}")
        # Zooming out as far as it goes, and unfolding a whole axis, never shrinks them below that.
        page.focus("[role=treeitem][data-id=root]")
        for _ in range(12):
            page.keyboard.press("-")
        page.locator("[role=treeitem][data-id=a1] > .mm-node .mm-fold").click()
        assert page.locator("[role=treeitem][data-id=a1] [role=treeitem]").count() == 7
        assert page.evaluate(SMALLEST_LABEL) >= READABLE_PX
        assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_search_finds_a_deep_node_unfolds_the_way_and_focuses_it(
    people: People, web_server: ServerProcess
) -> None:
    _day(web_server, "cherche")
    page = people.open("/c/cherche/carte", name="Alice Martin")
    page.wait_for_selector("[role=treeitem][data-id=a5]")
    assert page.locator(f"[data-id={DEEP_ID}]").count() == 0  # folded away
    page.focus("[role=treeitem][data-id=root]")
    page.keyboard.press("/")  # from the map to the search box
    page.keyboard.type("secretaires rançon")  # words in any order, accents or not
    page.wait_for_selector(f".mm-results button[data-id={DEEP_ID}]")
    assert "1 nœud trouvé" in page.locator(".mm-search-count").inner_text()
    page.keyboard.press("Enter")
    wait_for_js(page, f"document.activeElement.dataset.id === '{DEEP_ID}'")
    assert page.evaluate("document.activeElement.querySelector('.mm-label').textContent") == DEEP_LABEL
    assert page.evaluate(IN_VIEW, DEEP_ID)
    assert page.evaluate(SMALLEST_LABEL) >= READABLE_PX
    screenshot(page, "mindmap-day-search")


def test_undo_takes_back_my_edit_and_not_the_one_made_at_the_same_time(
    people: People, web_server: ServerProcess
) -> None:
    _day(web_server, "annuler")
    alice = people.open("/c/annuler/carte", name="Alice Martin")
    bruno = people.open("/c/annuler/carte", name="Bruno Diallo", site="remote")
    for page in (alice, bruno):
        page.wait_for_selector("[role=treeitem][data-id=a5]")
    alice.locator("[role=treeitem][data-id=a0] > .mm-node").click()
    alice.keyboard.press("Tab")
    alice.keyboard.type("Idée d'Alice")
    alice.keyboard.press("Enter")
    # At the same time, Bruno renames another axis.
    bruno.locator("[role=treeitem][data-id=a3] > .mm-node").click()
    bruno.keyboard.press("F2")
    bruno.keyboard.press("Control+a")
    bruno.keyboard.type("Sobriété, réparation et réemploi")
    bruno.keyboard.press("Enter")
    wait_until(
        alice, lambda: "Sobriété, réparation et réemploi" in alice.evaluate(LABELS), what="Bruno's rename"
    )
    wait_until(bruno, lambda: "Idée d'Alice" in bruno.evaluate(LABELS), what="Alice's idea")

    alice.keyboard.press("Control+z")  # her idea, named as it was created: one step
    wait_until(bruno, lambda: "Idée d'Alice" not in bruno.evaluate(LABELS), what="Alice's idea undone")
    assert "Sobriété, réparation et réemploi" in alice.evaluate(LABELS)
    assert "Nouvelle idée" not in alice.evaluate(LABELS)
    assert alice.get_by_role("button", name="Annuler").is_disabled()  # nothing more of hers
    labels = [node.label for _, node in server_tree(web_server, "annuler.mindmap").walk()]
    assert "Idée d'Alice" not in labels and "Sobriété, réparation et réemploi" in labels

    alice.get_by_role("button", name="Rétablir").click()
    wait_until(bruno, lambda: "Idée d'Alice" in bruno.evaluate(LABELS), what="Alice's idea redone")


def test_the_others_see_on_which_node_i_am(people: People, web_server: ServerProcess) -> None:
    _day(web_server, "presence")
    alice = people.open("/c/presence/carte", name="Alice Martin")
    bruno = people.open("/c/presence/carte", name="Bruno Diallo", site="remote")
    olivia = people.open("/c/presence/carte", name="Olivia Presse", role="observer")
    alice.wait_for_selector("[role=treeitem][data-id=a2]")
    alice.locator("[role=treeitem][data-id=a2] > .mm-node").click()
    for page in (bruno, olivia):
        mark = page.locator("[role=treeitem][data-id=a2] > .mm-node .mm-person")
        mark.wait_for()
        assert mark.inner_text() == "AM" and mark.get_attribute("title") == "Alice Martin"
        description = page.locator("[role=treeitem][data-id=a2]").get_attribute("aria-description")
        assert description == "Ici : Alice Martin"
    # Nobody is shown their own mark.
    assert alice.locator(".mm-person:has-text('AM')").count() == 0

    # On a node folded away for Bruno, Alice shows on the branch that holds it, then on the node itself.
    alice.fill("#mm-search-input", "rançongiciels")
    alice.keyboard.press("Enter")
    wait_for_js(alice, f"document.activeElement.dataset.id === '{DEEP_ID}'")
    bruno.wait_for_selector("[role=treeitem][data-id=a1] > .mm-node .mm-person:has-text('AM')")
    assert bruno.locator("[role=treeitem][data-id=a2] .mm-person").count() == 0
    bruno.fill("#mm-search-input", "rançongiciels")
    bruno.keyboard.press("Enter")
    bruno.wait_for_selector(f"[role=treeitem][data-id={DEEP_ID}] > .mm-node .mm-person:has-text('AM')")
    screenshot(bruno, "mindmap-day-presence")


def test_at_phone_width_the_map_toolbar_fits_with_touch_sized_buttons(
    people: People, web_server: ServerProcess
) -> None:
    _day(web_server, "poche")
    page = people.open("/c/poche/carte", name="Alice Martin", width=390, height=844)
    page.wait_for_selector("[role=treeitem][data-id=a5]")
    sizes = """() => [...document.querySelectorAll('.mm-toolbar button')]
      .filter((b) => b.getClientRects().length)
      .map((b) => [b.getBoundingClientRect(), b.textContent])
      .map(([r, text]) => [text, r.left, r.right, r.width, r.height])"""
    for state in ("closed", "open"):
        shown = page.evaluate(sizes)
        assert shown, state
        assert all(left >= 0 and right <= 390 for _, left, right, _, _ in shown), shown
        assert all(width >= 44 and height >= 44 for _, _, _, width, height in shown), shown
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        if state == "closed":
            # The most used actions show; the others wait behind "Plus d'outils".
            assert page.get_by_role("button", name="Couleur rouge").is_hidden()
            screenshot(page, "mindmap-toolbar-390")
            page.get_by_role("button", name="Plus d'outils").click()
            assert page.get_by_role("button", name="Plus d'outils").get_attribute("aria-expanded") == "true"
    page.get_by_role("button", name="Couleur rouge").wait_for()
    screenshot(page, "mindmap-toolbar-390-more")
