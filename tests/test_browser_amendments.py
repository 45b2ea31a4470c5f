"""Issue 15 in real Chromium: amendments proposed while others type, accepted in the proposer's name;
the pen; one ballot per person whatever the tabs; observers see the vote and cannot vote."""

from __future__ import annotations

import uuid
from typing import Any

from tests.support.browser import People, screenshot, wait_for_js, wait_until
from tests.support.decision_pages import (
    MOTION_TEXT,
    api,
    api_ok,
    organiser_page,
    second_tab,
    select_text,
    to_writing,
    vote,
    wait_text,
)

MOTION = "# Motion 2026\n\n## Égalité d'accès\n\n1. Garantir un accès au très haut débit.\n"
PASSAGE = "un accès au très haut débit"
WORDING = "une connexion à très haut débit pour chaque foyer"
MARK = "document.querySelector('.cm-amendment') && document.querySelector('.cm-amendment').textContent"


def _slug(name: str) -> str:
    return f"{name}-{uuid.uuid4().hex[:6]}"


def _write(page: Any, text: str) -> None:
    page.click(".cm-content")
    page.keyboard.press("Control+End")
    page.keyboard.insert_text(text)


def _propose(page: Any, passage: str, wording: str, reason: str) -> None:
    select_text(page, passage)
    page.get_by_role("button", name="Proposer un amendement").click()
    dialog = page.locator("dialog.propose-dialog")
    dialog.wait_for()
    assert dialog.locator("blockquote").inner_text() == passage
    dialog.locator("textarea[name=text]").fill(wording)
    dialog.locator("textarea[name=reason]").fill(reason)
    dialog.get_by_role("button", name="Envoyer").click()


def test_an_amendment_stays_on_its_passage_while_others_type_and_is_applied_in_its_authors_name(
    people: People,
) -> None:
    slug = _slug("amende")
    olga = people.open(f"/c/{slug}/motion", name="Olga Orga", role="organiser")
    to_writing(olga, slug)
    _write(olga, MOTION)
    alice = people.open(f"/c/{slug}/motion", name="Alice Martin")
    bruno = people.open(f"/c/{slug}/motion", name="Bruno Diallo", site="remote")
    wait_text(alice, MOTION_TEXT, MOTION)

    _propose(alice, PASSAGE, WORDING, "Plus concret")
    alice.wait_for_selector(".amendments-pane .amendment[data-status=open]")
    assert "Amendement envoyé" in alice.inner_text(".decisions-note")

    # Others type before, right against and after the passage: the mark stays on its words.
    bruno.click(".cm-content")
    bruno.keyboard.press("Control+Home")
    bruno.keyboard.insert_text("Préambule. ")
    _write(olga, "2. Former les médiateurs.\n")
    for page in (alice, bruno, olga):
        wait_text(page, MARK, PASSAGE)
    card = bruno.locator(".amendment[data-status=open]")
    assert "par Alice Martin" in card.inner_text() and "Plus concret" in card.inner_text()
    assert "le passage a changé" not in card.inner_text()

    # Bruno supports it; he cannot support twice, Alice cannot support her own.
    card.get_by_role("button", name="Soutenir").click()
    for page in (alice, olga):
        page.wait_for_selector(".amendment:has-text('1 soutien')")
    assert alice.locator(".amendment").get_by_role("button", name="Soutenir").count() == 0

    # The organiser accepts it from the organisers' page: the text changes for everyone.
    queue = organiser_page(people, olga)
    item = queue.locator("#queue .queue-item", has_text="Alice Martin")
    item.get_by_role("button", name="Accepter").click()
    wait_until(queue, lambda: "Amendement accepté" in queue.inner_text("#votes-status"), what="accepted said")
    expected = f"Préambule. {MOTION}2. Former les médiateurs.\n".replace(PASSAGE, WORDING)
    for page in (alice, bruno, olga):
        wait_text(page, MOTION_TEXT, expected)
        page.wait_for_selector(".amendments-decided .amendment[data-status=accepted]", state="attached")
    assert alice.locator(".cm-amendment").count() == 0

    # The history names Alice as the author of the words she brought (the server applies the
    # change word by word: the words kept are still their first writer's), not the organiser.
    passages = api_ok(olga, "GET", f"/api/congresses/{slug}/history/at?authors=1")["authorship"]
    assert "".join(p["text"] for p in passages) == expected
    by_alice = [p["text"] for p in passages if p["name"] == "Alice Martin"]
    assert "".join(by_alice) == "uneconnexionà pour chaque foyer", passages
    assert not any(
        p["name"] == "Olga Orga" and ("connexion" in p["text"] or "foyer" in p["text"]) for p in passages
    )
    screenshot(alice, "amendment-accepted-1366")


def test_a_passage_rewritten_while_proposing_is_said_and_the_wording_kept(people: People) -> None:
    slug = _slug("reecrit")
    olga = people.open(f"/c/{slug}/motion", name="Olga Orga", role="organiser")
    to_writing(olga, slug)
    _write(olga, MOTION)
    alice = people.open(f"/c/{slug}/motion", name="Alice Martin")
    wait_text(alice, MOTION_TEXT, MOTION)
    select_text(alice, PASSAGE)
    alice.get_by_role("button", name="Proposer un amendement").click()
    alice.locator("dialog textarea[name=text]").fill(WORDING)
    # Olga rewrites the passage before Alice sends.
    olga.evaluate(
        "([from, len]) => window.ubiquite.rooms.motion.doc.getText('text').delete(from, len)",
        [MOTION.index("très"), len("très ")],
    )
    wait_text(alice, MOTION_TEXT, MOTION.replace("très ", ""))
    alice.locator("dialog").get_by_role("button", name="Envoyer").click()
    alice.wait_for_selector(
        "dialog .propose-problem:has-text('Le passage a changé pendant que vous écriviez')"
    )
    assert alice.locator("dialog textarea[name=text]").input_value() == WORDING
    screenshot(alice, "passage-changed-1366")
    # Select again: the wording comes back in the dialog.
    alice.locator("dialog").get_by_role("button", name="Sélectionner à nouveau").click()
    select_text(alice, "un accès au haut débit")
    alice.get_by_role("button", name="Proposer un amendement").click()
    assert alice.locator("dialog textarea[name=text]").input_value() == WORDING
    alice.locator("dialog").get_by_role("button", name="Envoyer").click()
    alice.wait_for_selector(".amendment[data-status=open]")
    assert api_ok(alice, "GET", f"/api/c/{slug}/amendments")["amendments"][0]["original"] == (
        "un accès au haut débit"
    )


def test_one_ballot_per_person_whatever_the_tabs_and_observers_told_they_do_not_vote(people: People) -> None:
    slug = _slug("un-vote")
    olga = people.open(f"/c/{slug}/motion", name="Olga Orga", role="organiser")
    to_writing(olga, slug)
    alice = people.open(f"/c/{slug}/motion", name="Alice Martin")
    presse = people.open(f"/c/{slug}/motion", name="Journal du Centre", role="observer", width=390)
    tab = second_tab(people, alice, f"/c/{slug}/motion")
    opened = api_ok(
        olga,
        "POST",
        f"/api/c/{slug}/votes",
        {"subject": {"kind": "motion", "ref": ""}, "title": "Adoption", "secret": False, "duration_s": None},
    )
    for page in (alice, tab, presse):
        page.wait_for_selector(".vote-panel[data-status=open]")

    vote(alice, "for")
    alice.wait_for_selector(".vote-panel .vote-done:has-text('Vous avez voté : Pour.')")
    # The other tab did not know yet: its try is refused and said, and it then shows the first choice.
    vote(tab, "against")
    tab.wait_for_selector(".vote-panel .vote-note:has-text('Vous avez déjà voté')")
    tab.wait_for_selector(".vote-panel .vote-done:has-text('Vous avez voté : Pour.')")
    screenshot(tab, "already-voted-1366")

    # The observer sees the vote, has no buttons, is told why, and the server refuses them too.
    assert presse.locator(".vote-panel button.choice").count() == 0
    assert "vous ne votez pas" in presse.inner_text(".vote-panel")
    status, _ = api(presse, "POST", f"/api/c/{slug}/votes/{opened['id']}/ballot", {"choice": "for"})
    assert status == 403
    screenshot(presse, "vote-observer-390")

    closed = api_ok(olga, "POST", f"/api/c/{slug}/votes/{opened['id']}/close")
    assert closed["counts"] == {"for": 1, "against": 0, "abstain": 0}
    for page in (alice, tab, presse):
        page.wait_for_selector(".vote-result:has-text('Adopté par 1 voix contre 0, 0 abstention')")
    # Too late now: said, not counted.
    status, answer = api(alice, "POST", f"/api/c/{slug}/votes/{opened['id']}/ballot", {"choice": "abstain"})
    assert status == 409, answer


def test_pen_mode_makes_a_participants_editor_read_only_with_the_banner_while_the_organiser_types(
    people: People,
) -> None:
    slug = _slug("plume")
    olga = people.open(f"/c/{slug}/motion", name="Olga Orga", role="organiser")
    to_writing(olga, slug)
    _write(olga, MOTION)
    alice = people.open(f"/c/{slug}/motion", name="Alice Martin", width=390)
    wait_text(alice, MOTION_TEXT, MOTION)
    queue = organiser_page(people, olga)
    queue.locator("#pen-on").click()
    wait_until(
        queue, lambda: "Lecture finale activée" in queue.inner_text("#votes-status"), what="pen on said"
    )

    alice.wait_for_selector(".read-only-banner:has-text('Lecture finale')")
    alice.wait_for_selector(".cm-content[aria-readonly=true]")
    olga.locator(".pen-notice", has_text="seule l'organisation écrit").wait_for()
    alice.click(".cm-content")
    alice.keyboard.insert_text("Refusé ")
    _write(olga, "2. Écrit pendant la lecture finale.\n")
    expected = MOTION + "2. Écrit pendant la lecture finale.\n"
    wait_text(alice, MOTION_TEXT, expected)
    wait_text(olga, MOTION_TEXT, expected)
    # Alice can still propose an amendment on a passage.
    select_text(alice, "pendant la lecture finale")
    assert alice.get_by_role("button", name="Proposer un amendement").is_enabled()
    screenshot(alice, "pen-participant-390")

    # The pen put down: Alice writes again, without reloading.
    queue.locator("#pen-off").click()
    alice.wait_for_selector(".read-only-banner", state="hidden")
    alice.wait_for_selector(".cm-content:not([aria-readonly])")
    _write(alice, "3. De nouveau libre.\n")
    wait_text(olga, MOTION_TEXT, expected + "3. De nouveau libre.\n")
    assert not alice.evaluate("window.ubiquite.rooms.motion.readOnly")
    wait_for_js(alice, "window.ubiquite.rooms.motion.unsent === 0")
