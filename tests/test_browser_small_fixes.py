"""Issue 13, item 9 (the smaller ones): the icon, the words a participant gets on the organisers'
page, the offline count, the replay slider from the keyboard."""

from __future__ import annotations

from tests.support.browser import People, wait_until
from tests.support.congress import Congress
from tests.test_browser_history import _organiser_page, _write_history


def test_the_site_has_an_icon(people: People) -> None:
    page = people.open("/c/icone/motion", name="Alice Martin")
    answer = page.request.get(f"{people.server.http}/favicon.ico")
    assert answer.status == 200
    assert answer.headers["content-type"].startswith("image/svg+xml")
    assert b"<svg" in answer.body()


def test_a_participant_on_the_organisers_page_is_told_it_is_for_organisers(people: People) -> None:
    page = people.open("/c/reserve/motion", name="Alice Martin")
    answer = page.goto(f"{people.server.http}/c/reserve/organisation")
    assert answer is not None and answer.status == 403
    text = page.inner_text("body")
    assert "réservée à l'équipe d'organisation" in text
    assert "pas le vôtre" not in text


def test_the_offline_badge_counts_a_phrase_as_one_change(people: People) -> None:
    alice = people.open("/c/phrase/motion", name="Alice Martin", site="remote")
    alice.context.set_offline(True)
    alice.wait_for_selector(".connection[data-state=offline]")
    alice.click(".cm-content")
    alice.keyboard.type("Une phrase entière, tapée touche par touche.")
    alice.wait_for_selector(".connection[data-unsent='1']")
    assert "1 modification non envoyée" in alice.locator(".connection").inner_text()
    alice.context.set_offline(False)
    alice.wait_for_selector(".connection[data-state=connected][data-unsent='0']")


def test_the_replay_slider_moves_from_change_to_change_with_the_arrow_keys(people: People) -> None:
    congress = Congress(people.server, "fleches", "Congrès 2026")
    _write_history(congress)
    page = _organiser_page(people, congress, f"/c/{congress.slug}/rejouer")
    now = int(page.evaluate("document.body.dataset.position"))
    page.focus("#slider")
    page.keyboard.press("ArrowLeft")
    wait_until(
        page, lambda: int(page.evaluate("document.body.dataset.position")) < now, what="one change back"
    )
    back = int(page.evaluate("document.body.dataset.position"))
    page.keyboard.press("ArrowRight")
    wait_until(
        page, lambda: int(page.evaluate("document.body.dataset.position")) > back, what="one change on"
    )
    page.keyboard.press("Home")
    wait_until(page, lambda: "Ouvrir" not in page.locator("#motion").inner_text(), what="the first change")
    assert "étape 1 sur" in (page.get_attribute("#slider", "aria-valuetext") or "")  # no log position
