"""Issue 13, bug 2: "Carte → plan de la motion" shows what it adds, merges, and is undone in one step.

On the demo it appended the whole map (about 1,750 characters) with no preview and no undo,
writing the four axes already in the motion a second time.
"""

from __future__ import annotations

from typing import Any

from pycrdt import Doc

from crdt.mindmap import ROOT_ID, add_node, build_tree, ensure_root
from crdt.motion import motion_text, outline
from crdt.outline_merge import merge_outline
from server.congress.demo import demo_documents
from tests.support.browser import People, screenshot, wait_until
from tests.support.rooms import push_mindmap, push_motion
from tests.support.server import ServerProcess

MOTION_TEXT = "window.ubiquite.rooms.motion.doc.getText('text').toString()"
MOTION = (
    "# Motion 2026\n\n"
    "## Axe 1 : Inclusion numérique\n\n"
    "1. Former les aidants numériques\n"
    "2. Ouvrir des lieux de médiation\n\n"
    "## Données et souveraineté\n\n"
    "1. Héberger les données publiques en Europe\n"
)


def _map() -> Doc[Any]:
    doc: Doc[Any] = Doc()
    ensure_root(doc, "Congrès 2026")
    inclusion = add_node(doc, ROOT_ID, "Inclusion numérique", node_id="inclusion")
    add_node(doc, inclusion, "Former les aidants numériques")
    add_node(doc, inclusion, "Ouvrir des lieux de médiation")
    add_node(doc, inclusion, "Un chèque numérique pour les familles")
    education = add_node(doc, ROOT_ID, "Éducation au numérique", node_id="education")
    add_node(
        doc,
        add_node(doc, education, "Des ateliers dans chaque école", node_id="ateliers"),
        "Avec les parents",
    )
    data = add_node(doc, ROOT_ID, "Données et souveraineté")
    add_node(doc, data, "Héberger les données publiques en Europe")
    return doc


def _axes(text: str) -> list[str]:
    return [entry.title for entry in outline(text) if entry.kind == "axis"]


def test_the_preview_says_what_is_added_then_the_merge_is_undone_in_one_step(
    people: People, web_server: ServerProcess
) -> None:
    doc = _map()
    push_mindmap(web_server, "fusion.mindmap", doc)
    push_motion(web_server, "fusion.motion", MOTION)
    merged = merge_outline(MOTION, build_tree(doc)).apply(MOTION)  # what Python merges
    alice = people.open("/c/fusion/carte", name="Alice Martin")
    bruno = people.open("/c/fusion/motion", name="Bruno Diallo", site="remote")
    alice.wait_for_selector("[role=treeitem][data-id=education]")
    alice.get_by_role("button", name="Carte → plan de la motion").click()

    # The motion page shows what will be added, and where, before anything is written.
    dialog = alice.get_by_role("dialog", name="Ajouter le plan de la carte à la motion")
    dialog.wait_for()
    additions = dialog.locator(".import-additions li").all_inner_texts()
    assert additions == [
        "Nouvelle proposition « Un chèque numérique pour les familles » — "
        "dans « Axe 1 : Inclusion numérique », après « Ouvrir des lieux de médiation »",
        "Nouvel axe « Éducation au numérique » — avec 1 proposition et 1 levier, "
        "après « Axe 1 : Inclusion numérique »",
    ]
    assert "Déjà dans la motion, gardé tel quel : 2 axes et 3 propositions." in dialog.inner_text()
    assert alice.evaluate(MOTION_TEXT) == MOTION
    screenshot(alice, "outline-preview")
    dialog.get_by_role("button", name="Ajouter à la motion").click()

    # Merged as Python merges: every axis once, in the map's order, nobody's text changed.
    wait_until(bruno, lambda: bruno.evaluate(MOTION_TEXT) == merged, what="the merged motion in Bruno's page")
    assert _axes(merged) == [
        "Axe 1 : Inclusion numérique",
        "Éducation au numérique",
        "Données et souveraineté",
    ]
    notice = alice.locator(".import-notice")
    assert "Plan de la carte ajouté à la motion : 1 axe, 2 propositions et 1 levier." in notice.inner_text()
    screenshot(alice, "outline-merged")

    # "Annuler" in the confirmation: one step, for everyone.
    notice.get_by_role("button", name="Annuler").click()
    wait_until(bruno, lambda: bruno.evaluate(MOTION_TEXT) == MOTION, what="the merge undone in Bruno's page")
    alice.wait_for_selector(".import-notice:has-text('Ajout du plan annulé')")

    # From the motion's own toolbar, and Ctrl+Z: the same single step.
    alice.get_by_role("button", name="Plan de la carte…").click()
    alice.get_by_role("button", name="Ajouter à la motion").click()
    wait_until(alice, lambda: alice.evaluate(MOTION_TEXT) == merged, what="merged again")
    alice.click(".cm-content")
    alice.keyboard.press("Control+z")
    wait_until(bruno, lambda: bruno.evaluate(MOTION_TEXT) == MOTION, what="Ctrl+Z undid the whole merge")


def test_the_merge_is_computed_again_if_the_motion_changed_under_the_preview(
    people: People, web_server: ServerProcess
) -> None:
    doc = _map()
    push_mindmap(web_server, "entretemps.mindmap", doc)
    push_motion(web_server, "entretemps.motion", MOTION)
    alice = people.open("/c/entretemps/motion", name="Alice Martin")
    bruno = people.open("/c/entretemps/motion", name="Bruno Diallo")
    alice.get_by_role("button", name="Plan de la carte…").click()
    dialog = alice.get_by_role("dialog")
    dialog.wait_for()
    assert dialog.locator(".import-additions li").count() == 2
    # Meanwhile Bruno writes the new axis himself.
    bruno.click(".cm-content")
    bruno.keyboard.press("Control+End")
    bruno.keyboard.insert_text("\n## Éducation au numérique\n")
    wait_until(alice, lambda: "## Éducation au numérique" in alice.evaluate(MOTION_TEXT), what="Bruno's axis")
    dialog.get_by_role("button", name="Ajouter à la motion").click()
    dialog.locator(".import-changed").wait_for()  # said, and not applied yet
    assert (
        dialog.locator(".import-additions li")
        .all_inner_texts()[1]
        .startswith("Nouvelle proposition « Des ateliers dans chaque école »")
    )
    dialog.get_by_role("button", name="Ajouter à la motion").click()
    wait_until(
        alice, lambda: alice.evaluate(MOTION_TEXT).count("## Éducation au numérique") == 1, what="merged"
    )
    assert "1. Des ateliers dans chaque école" in alice.evaluate(MOTION_TEXT)


def test_on_the_demo_the_map_adds_nothing_to_the_motion_drawn_from_it(
    people: People, web_server: ServerProcess
) -> None:
    """The bug as filed: the demo's motion already holds the demo's map, and its axes came twice."""
    mindmap, motion = demo_documents()
    maps: Doc[Any] = Doc()
    maps.apply_update(mindmap)
    texts: Doc[Any] = Doc()
    texts.apply_update(motion)
    push_mindmap(web_server, "demonstration.mindmap", maps)
    push_motion(web_server, "demonstration.motion", str(motion_text(texts)))
    alice = people.open("/c/demonstration/carte", name="Alice Martin")
    alice.wait_for_selector(".mm-node:has-text('Sobriété numérique')")
    alice.get_by_role("button", name="Carte → plan de la motion").click()
    alice.wait_for_selector(".notice:has-text('Rien à ajouter : la motion contient déjà tout ce plan.')")
    assert alice.url.endswith("/carte")  # nothing to preview: the map page says so itself
    assert alice.evaluate(MOTION_TEXT) == str(motion_text(texts))


def test_branch_to_outline_merges_the_branch_below_its_own_title(
    people: People, web_server: ServerProcess
) -> None:
    doc = _map()
    push_mindmap(web_server, "branche.mindmap", doc)
    push_motion(web_server, "branche.motion", MOTION)
    alice = people.open("/c/branche/carte", name="Alice Martin")
    alice.locator(".mm-node", has_text="Éducation au numérique").click()
    alice.get_by_role("button", name="Branche → plan de la motion").click()
    dialog = alice.get_by_role("dialog", name="Ajouter la branche « Éducation au numérique » à la motion")
    dialog.wait_for()
    dialog.get_by_role("button", name="Ajouter à la motion").click()
    expected = merge_outline(MOTION, build_tree(doc), "education").apply(MOTION)
    wait_until(alice, lambda: alice.evaluate(MOTION_TEXT) == expected, what="the branch merged")
    assert "## Des ateliers dans chaque école\n\n1. Avec les parents\n" in expected
