"""Roles in the interface: observers read live and cannot edit; organisers reach their page; the projector."""

from __future__ import annotations

from pycrdt import Doc

from crdt.mindmap import ROOT_ID, add_node, ensure_root
from tests.support.browser import CONGRESS_TITLE, People, screenshot, wait_until
from tests.support.congress import Congress
from tests.support.rooms import push_mindmap
from tests.support.server import ServerProcess

MOTION_TEXT = "window.ubiquite.rooms.motion.doc.getText('text').toString()"
MOTION = "# Motion du congrès 2026\n\n## Inclusion numérique\n\n1. Former les agents d'accueil\n"


def test_an_observer_sees_everything_live_and_has_no_way_to_edit(people: People) -> None:
    writer = people.open("/c/presse/motion", name="Alice Martin")
    writer.click(".cm-content")
    writer.keyboard.insert_text(MOTION)
    observer = people.open("/c/presse/motion", name="Journal du Centre", role="observer")
    observer.wait_for_selector(".rendered h2:has-text('Inclusion numérique')")
    assert observer.locator(".cm-content, [contenteditable=true], textarea, input").count() == 0
    assert observer.get_by_role("button", name="Annuler").count() == 0
    assert "Lecture seule" in observer.locator(".connection").inner_text()

    observer.goto(observer.url.replace("/motion", "/carte"))
    observer.wait_for_selector("[role=treeitem][data-id=root]")
    assert observer.get_by_role("button", name="Ajouter une sous-branche").count() == 0
    assert observer.locator(".mm-toolbar .edit-group, .mm-toolbar .history-group").count() == 0
    assert observer.locator(".mm-node[draggable=true]").count() == 0
    observer.focus("[role=treeitem][data-id=root]")
    for key in ("Tab", "Enter", "F2", "Delete"):
        observer.keyboard.press(key)
    assert observer.locator("[role=treeitem]").count() == 1
    assert observer.locator("input:not([type=search])").count() == 0  # searching the map reads only


def test_an_observers_forced_edit_reaches_nobody(people: People, web_server: ServerProcess) -> None:
    """Past the interface: an edit made on the observer's document itself stays on that page."""
    writer = people.open("/c/huisclos/motion", name="Alice Martin")
    writer.click(".cm-content")
    writer.keyboard.insert_text(MOTION)
    observer = people.open("/c/huisclos/motion", name="Journal du Centre", role="observer")
    wait_until(observer, lambda: observer.evaluate(MOTION_TEXT) == MOTION, what="the observer's copy")
    observer.evaluate("window.ubiquite.rooms.motion.doc.getText('text').insert(0, 'FORCÉ ')")
    assert observer.evaluate(MOTION_TEXT).startswith("FORCÉ ")
    writer.keyboard.insert_text("2. Une proposition de plus\n")
    expected = MOTION + "2. Une proposition de plus\n"
    wait_until(writer, lambda: writer.evaluate(MOTION_TEXT) == expected, what="the writer's text")
    # The writer's next edit reached the observer, and the observer's reached neither the
    # writer nor the server (a latecomer, and the log it loads from).
    wait_until(observer, lambda: "Une proposition de plus" in observer.evaluate(MOTION_TEXT), what="relay")
    assert "FORCÉ" not in writer.evaluate(MOTION_TEXT)
    latecomer = people.open("/c/huisclos/motion", name="Bruno Diallo")
    wait_until(latecomer, lambda: latecomer.evaluate(MOTION_TEXT) == expected, what="the latecomer's text")


def test_organisers_have_their_page_one_click_away(people: People) -> None:
    organiser = people.open("/c/orga/motion", name="Claire Organisatrice", role="organiser")
    participant = people.open("/c/orga/motion", name="Alice Martin")
    assert participant.locator("nav a", has_text="organisat").count() == 0
    link = organiser.locator("nav a", has_text="Page des organisateur·rices")
    assert link.get_attribute("href") == "/c/orga/organisation"


def test_the_projector_follows_where_people_write(people: People, web_server: ServerProcess) -> None:
    themes: Doc = Doc()
    ensure_root(themes, "Congrès 2026")
    for theme, ideas in [
        ("Inclusion numérique", ["Former les agents", "Lieux de médiation"]),
        ("Éducation", ["Ateliers à l'école"]),
        ("Données publiques", ["Ouvrir les données", "Souveraineté", "Hébergement local"]),
    ]:
        branch = add_node(themes, ROOT_ID, theme)
        for idea in ideas:
            add_node(themes, branch, idea)
    push_mindmap(web_server, "salle.mindmap", themes)
    writer = people.open("/c/salle/motion", name="Alice Martin")
    writer.click(".cm-content")
    writer.keyboard.insert_text(MOTION + "".join(f"{n}. Proposition numéro {n}\n" for n in range(2, 16)))
    projector = people.open(
        "/c/salle/projecteur", name="Écran de la salle", role="observer", width=1280, height=720
    )
    projector.wait_for_selector(".projected li:has-text('Proposition numéro 15')")
    writer.keyboard.press("Control+End")
    writer.keyboard.insert_text("\n## Éducation\n\n1. Des ateliers dans chaque école\n")
    written = projector.locator(".being-written")
    written.wait_for()
    assert "Des ateliers dans chaque école" in written.inner_text()

    def on_screen() -> bool:
        box = written.bounding_box()
        return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= 720

    wait_until(projector, on_screen, what="the projector scrolled to the new text")
    screenshot(projector, "projector-motion")

    projector.keyboard.press("m")
    projector.wait_for_selector(".projected-map .mm-node:has-text('Hébergement local')")
    screenshot(projector, "projector-mindmap")


def test_opening_another_persons_link_asks_first_and_the_form_switches(people: People) -> None:
    """Issue 12, item 10: the confirmation form is ours, so Chromium's same-site POST passes the guard."""
    organiser = people.open("/c/bascule/motion", name="Olga Orga", role="organiser")
    token = Congress(people.server, "bascule", CONGRESS_TITLE).invite("participant", "Paul Durand")
    organiser.goto(f"{people.server.http}/i/{token}")
    organiser.wait_for_selector("text=Vous êtes connecté·e en tant que Olga Orga.")
    organiser.get_by_role("link", name="Rester connecté·e en tant que Olga Orga").click()
    organiser.wait_for_url("**/c/bascule/organisation")
    organiser.goto(f"{people.server.http}/i/{token}")
    organiser.get_by_role("button", name="Me connecter en tant que Paul Durand").click()
    organiser.wait_for_url("**/c/bascule")
    assert "Paul Durand" in organiser.locator("main").inner_text()
