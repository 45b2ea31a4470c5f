"""Issue 13, bug 1: once the motion is published, every open page is read-only and says why, and
nothing typed that the server dropped is kept in a browser as if it were accepted."""

from __future__ import annotations

from typing import Any

from tests.support.browser import People, wait_for_js, wait_until

MOTION_TEXT = "window.ubiquite.rooms.motion.doc.getText('text').toString()"
EDITABLE = ".cm-content[contenteditable=true]"
API = """async ([method, path, body]) => {
    const r = await fetch(path, {method, credentials: 'same-origin', body: body && JSON.stringify(body),
      headers: {'Content-Type': 'application/json', 'X-Ubiquite-Request': '1'}})
    return [r.status, await r.json().catch(() => null)]
}"""


def _api(page: Any, method: str, path: str, body: object = None) -> Any:
    status, answer = page.evaluate(API, [method, path, body])
    assert status in (200, 201), (path, status, answer)
    return answer


def _move_to(organiser: Any, slug: str, *phases: str) -> None:
    for phase in phases:
        _api(organiser, "POST", f"/api/congresses/{slug}/phase", {"phase": phase})


def test_publishing_freezes_every_open_page_and_keeps_nothing_refused(people: People) -> None:
    organiser = people.open("/c/fige/motion", name="Olga Orga", role="organiser")
    alice = people.open("/c/fige/motion", name="Alice Martin")
    bruno = people.open("/c/fige/motion", name="Bruno Diallo", site="remote")
    alice.click(".cm-content")
    alice.keyboard.insert_text("Texte adopté par le congrès.")
    wait_until(bruno, lambda: bruno.evaluate(MOTION_TEXT) == "Texte adopté par le congrès.", what="the text")

    # Bruno types while his page cannot know yet (offline), then the motion is published.
    bruno.context.set_offline(True)
    bruno.wait_for_selector(".connection[data-state=offline]")
    bruno.click(".cm-content")
    bruno.keyboard.press("End")
    bruno.keyboard.insert_text(" Ajout trop tard.")
    _move_to(organiser, "fige", "themes", "writing", "published")

    # The page open and online turns read-only at once, and says why.
    alice.wait_for_selector(".read-only-banner:has-text('La motion est publiée')")
    assert alice.locator(EDITABLE).count() == 0
    assert "Lecture seule" in alice.locator(".connection").inner_text()

    # Back online, Bruno's page learns it: his late words are shown as not accepted, not kept.
    bruno.context.set_offline(False)
    bruno.wait_for_selector(".read-only-banner textarea.not-accepted", timeout=20_000)  # across a reload
    wait_for_js(bruno, "window.ubiquite && window.ubiquite.rooms.motion.provider.synced")
    assert "Ajout trop tard." in bruno.locator("textarea.not-accepted").input_value()
    assert bruno.evaluate(MOTION_TEXT) == "Texte adopté par le congrès."
    assert bruno.locator(EDITABLE).count() == 0
    bruno.reload()
    wait_for_js(bruno, "window.ubiquite && window.ubiquite.rooms.motion.provider.synced")
    assert bruno.evaluate(MOTION_TEXT) == "Texte adopté par le congrès."
    # Shown until he says he has it.
    bruno.get_by_role("button", name="C'est copié, ne plus l'afficher").click()
    assert bruno.locator("textarea.not-accepted").count() == 0
    bruno.reload()
    bruno.wait_for_selector(".read-only-banner:has-text('La motion est publiée')")
    assert bruno.locator("textarea.not-accepted").count() == 0

    # A page opened after publication is read-only from the start.
    claire = people.open("/c/fige/motion", name="Claire Petit")
    claire.wait_for_selector(".read-only-banner:has-text('La motion est publiée')")
    assert claire.locator(EDITABLE).count() == 0
    assert claire.evaluate(MOTION_TEXT) == "Texte adopté par le congrès."
    assert not people.errors


def test_a_person_revoked_while_typing_is_told_and_shown_what_was_not_accepted(people: People) -> None:
    organiser = people.open("/c/retire/motion", name="Olga Orga", role="organiser")
    bruno = people.open("/c/retire/motion", name="Bruno Diallo", site="remote")
    bruno.context.set_offline(True)
    bruno.wait_for_selector(".connection[data-state=offline]")
    bruno.click(".cm-content")
    bruno.keyboard.insert_text("Écrit après mon départ.")
    people_list = _api(organiser, "GET", "/api/congresses/retire/participants")
    (bruno_id,) = [p["id"] for p in people_list if p["name"] == "Bruno Diallo"]
    _api(organiser, "POST", f"/api/congresses/retire/participants/{bruno_id}/revoke")

    bruno.context.set_offline(False)
    bruno.wait_for_selector(".read-only-banner:has-text('Votre accès à ce congrès a pris fin')")
    assert "Écrit après mon départ." in bruno.locator("textarea.not-accepted").input_value()
    assert bruno.locator(EDITABLE).count() == 0
    assert bruno.evaluate("window.ubiquite.rooms.motion.unsent") == 0
    assert organiser.evaluate(MOTION_TEXT) == ""


def test_an_observer_is_told_why_the_page_is_read_only(people: People) -> None:
    observer = people.open("/c/presse-figee/motion", name="Journal du Centre", role="observer")
    observer.wait_for_selector(".read-only-banner:has-text('observateur·rice')")
    assert observer.locator(EDITABLE).count() == 0
    assert observer.locator("textarea.not-accepted").count() == 0
