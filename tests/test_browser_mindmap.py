"""The mind map in real Chromium: edits travel between browsers, and browsers resolve the tree like Python."""

from __future__ import annotations

from typing import Any

from pycrdt import Doc, Map

from crdt.mindmap import ROOT_ID, Node, add_node, build_tree, delete, ensure_root, move, nodes_map, to_outline
from tests.support.browser import People, screenshot, wait_for_js, wait_until
from tests.support.rooms import push_mindmap, server_tree
from tests.support.server import ServerProcess

# The tree as the page shows it: li[data-id] > .mm-node > .mm-label, then ul.mm-group > li…
SHOWN_TREE = """() => {
  const read = (li) => ({
    id: li.dataset.id,
    label: li.querySelector(':scope > .mm-node > .mm-label').textContent,
    children: [...li.querySelectorAll(':scope > .mm-group > li')].map(read),
  })
  return read(document.querySelector('[role=tree] > li'))
}"""
MOTION_TEXT = "window.ubiquite.rooms.motion.doc.getText('text').toString()"


def _shape(node: Node) -> dict[str, Any]:
    return {"id": node.id, "label": node.label, "children": [_shape(child) for child in node.children]}


def _labels(shape: dict[str, Any]) -> Any:
    return (shape["label"], [_labels(child) for child in shape["children"]])


def _sync(a: Doc[Any], b: Doc[Any]) -> None:
    a.apply_update(b.get_update(a.get_state()))
    b.apply_update(a.get_update(b.get_state()))


def _tangled_map() -> Doc[Any]:
    """Concurrent moves that close cycles, a deleted branch with a rescued child, an orphan, tied orders."""
    alice: Doc[Any] = Doc()
    ensure_root(alice, "Congrès 2026")
    for node_id, label in [("a", "Inclusion"), ("b", "Éducation"), ("c", "Données"), ("d", "Sécurité")]:
        add_node(alice, ROOT_ID, label, node_id=node_id)
    add_node(alice, "a", "Former les agents", node_id="a1")
    add_node(alice, "a", "Lieux de médiation", node_id="a2", order=1.0)  # same order as a1: ties go by id
    add_node(alice, "d", "Cybersécurité des communes", node_id="d1")
    bob: Doc[Any] = Doc()
    carol: Doc[Any] = Doc()
    _sync(alice, bob)
    _sync(alice, carol)
    move(alice, "a", "b")  # a under b here…
    move(bob, "b", "c")  # …b under c there…
    move(carol, "c", "a")  # …and c under a: a three-way cycle once merged
    delete(alice, "d")  # d's branch goes, but d1 moved away at the same time survives
    move(bob, "d1", "c")
    nodes_map(carol)["orphan"] = Map(
        {"label": "Sans parent", "parent": "ghost", "order": 5.0, "colour": "", "links": "[]",
         "deleted": False, "moved": 0, "prev_parent": "ghost"}
    )  # fmt: skip
    _sync(alice, bob)
    _sync(bob, carol)
    _sync(alice, carol)
    return alice


def test_the_browser_shows_the_tree_python_builds(people: People, web_server: ServerProcess) -> None:
    doc = _tangled_map()
    push_mindmap(web_server, "tangle.mindmap", doc)
    expected = _shape(build_tree(doc))
    page = people.open("/c/tangle/carte", name="Alice Martin")
    page.wait_for_selector("[role=treeitem][data-id=orphan]")
    assert page.evaluate(SHOWN_TREE) == expected

    # "Map → motion outline" into an empty motion writes exactly crdt.mindmap.to_outline, once the
    # motion page has shown what it adds and the person agreed.
    page.get_by_role("button", name="Carte → plan de la motion").click()
    page.get_by_role("button", name="Ajouter à la motion").click()
    wait_until(page, lambda: page.evaluate(MOTION_TEXT) == to_outline(build_tree(doc)), what="the outline")


def test_node_added_renamed_moved_in_one_browser_appears_in_the_other(people: People) -> None:
    alice = people.open("/c/carte/carte", name="Alice Martin")
    bob = people.open("/c/carte/carte", name="Bruno Diallo", site="remote")
    alice.wait_for_selector("[role=treeitem][data-id=root]")
    alice.focus("[role=treeitem][data-id=root]")
    for key, label in [("Tab", "Inclusion"), ("Enter", "Éducation"), ("Tab", "Ateliers")]:
        alice.keyboard.press(key)  # Tab: a sub-branch, Enter: a sibling; each opens its name for typing
        alice.keyboard.press("Control+a")
        alice.keyboard.type(label)
        alice.keyboard.press("Enter")
    expect: Any = ("Congrès 2026", [("Inclusion", []), ("Éducation", [("Ateliers", [])])])
    wait_until(bob, lambda: _labels(bob.evaluate(SHOWN_TREE)) == expect, what="Alice's nodes in Bob's map")

    # Bob renames with F2 and drags "Ateliers" onto "Inclusion".
    bob.locator(".mm-node", has_text="Éducation").click()
    bob.keyboard.press("F2")
    bob.keyboard.press("Control+a")
    bob.keyboard.type("Éducation populaire")
    bob.keyboard.press("Enter")
    bob.drag_and_drop(".mm-node:has-text('Ateliers')", ".mm-node:has-text('Inclusion')")
    expect = ("Congrès 2026", [("Inclusion", [("Ateliers", [])]), ("Éducation populaire", [])])
    wait_until(
        alice, lambda: _labels(alice.evaluate(SHOWN_TREE)) == expect, what="Bob's edits in Alice's map"
    )

    # Colour and delete, by the toolbar.
    alice.locator(".mm-node", has_text="Ateliers").click()
    alice.get_by_role("button", name="Couleur rouge").click()
    bob.wait_for_selector("[role=treeitem][style*='#b3261e'] > .mm-node:has-text('Ateliers')")
    alice.locator(".mm-node", has_text="Ateliers").click()
    alice.keyboard.press("Enter")
    alice.keyboard.press("Control+a")
    alice.keyboard.type("Lieux de médiation")
    alice.keyboard.press("Enter")
    alice.locator(".mm-node", has_text="Éducation populaire").click()
    alice.keyboard.press("Tab")
    alice.keyboard.press("Control+a")
    alice.keyboard.type("Dans chaque école")
    alice.keyboard.press("Enter")
    bob.wait_for_selector(".mm-node:has-text('Dans chaque école')")
    screenshot(bob, "mindmap")
    bob.locator(".mm-node", has_text="Lieux de médiation").click()
    bob.keyboard.press("Delete")
    alice.wait_for_selector(".mm-node:has-text('Lieux de médiation')", state="detached")


def test_concurrent_moves_in_two_browsers_never_break_the_tree(
    people: People, web_server: ServerProcess
) -> None:
    seed: Doc[Any] = Doc()
    ensure_root(seed, "Congrès 2026")
    add_node(seed, ROOT_ID, "Inclusion", node_id="x")
    add_node(seed, ROOT_ID, "Éducation", node_id="y")
    push_mindmap(web_server, "cycle.mindmap", seed)
    alice = people.open("/c/cycle/carte", name="Alice Martin")
    bob = people.open("/c/cycle/carte", name="Bruno Diallo")
    for page in (alice, bob):
        page.wait_for_selector("[role=treeitem][data-id=y]")
        page.context.set_offline(True)
        wait_for_js(page, "!window.ubiquite.rooms.mindmap.provider.wsconnected")
    # Offline, each drags one branch onto the other: once merged they would be each other's parent.
    alice.drag_and_drop(".mm-node:has-text('Éducation')", ".mm-node:has-text('Inclusion')")
    bob.drag_and_drop(".mm-node:has-text('Inclusion')", ".mm-node:has-text('Éducation')")
    assert _labels(alice.evaluate(SHOWN_TREE))[1] == [("Inclusion", [("Éducation", [])])]
    assert _labels(bob.evaluate(SHOWN_TREE))[1] == [("Éducation", [("Inclusion", [])])]
    for page in (alice, bob):
        page.context.set_offline(False)
    wait_until(
        alice,
        lambda: (
            alice.evaluate(SHOWN_TREE)
            == bob.evaluate(SHOWN_TREE)
            == _shape(server_tree(web_server, "cycle.mindmap"))
        ),
        what="both browsers and the server on one tree",
    )
    shown = alice.evaluate(SHOWN_TREE)
    ids = []
    stack = [shown]
    while stack:
        node = stack.pop()
        ids.append(node["id"])
        stack.extend(node["children"])
    assert sorted(ids) == ["root", "x", "y"]  # one tree, every node once, none lost in a cycle


def test_a_colour_that_is_not_a_colour_is_never_fetched(people: People, web_server: ServerProcess) -> None:
    """A node colour `url(…)` went into CSS unchecked and every browser fetched it (issue 12, item 6)."""
    beacon = f"{web_server.http}/beacon-{id(people)}"
    doc: Doc[Any] = Doc()
    ensure_root(doc, "Congrès")
    add_node(doc, ROOT_ID, "Axe vert", node_id="green", colour="#2e7d32")
    add_node(doc, ROOT_ID, "Piège", node_id="trap")
    nodes_map(doc)[ROOT_ID]["colour"] = f"url({beacon})"  # the root's colour is its background
    nodes_map(doc)["trap"]["colour"] = f"url({beacon}-child)"
    push_mindmap(web_server, "beacon.mindmap", doc)
    page = people.open("/c/beacon/carte", name="Alice Martin")
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.reload()
    page.wait_for_selector("[role=treeitem][data-id=trap]")
    branch = "(id) => document.querySelector(`[data-id=${id}]`).style.getPropertyValue('--branch')"
    assert page.evaluate(branch, "green") == "#2e7d32"
    assert "url(" not in page.evaluate(branch, ROOT_ID) and "url(" not in page.evaluate(branch, "trap")
    page.wait_for_timeout(300)  # a background image would have been requested by now
    assert not [url for url in fetched if "/beacon-" in url]
