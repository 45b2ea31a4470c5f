"""Issue 13, bug 4: a named version ("texte adopté") is published from the organisers' page, chosen
from a list, and no earlier error stays beside the new state."""

from __future__ import annotations

from tests.support.browser import People, wait_until
from tests.support.congress import Congress
from tests.test_browser_organiser import _organiser

NAME_VERSION = """async (name) => (await fetch(`/api/congresses/nomme/history/versions`, {
    method: 'POST', credentials: 'same-origin', body: JSON.stringify({name}),
    headers: {'Content-Type': 'application/json', 'X-Ubiquite-Request': '1'}})).status"""


def test_a_named_version_is_published_from_a_list(people: People) -> None:
    writer = people.open("/c/nomme/motion", name="Alice Martin")
    writer.click(".cm-content")
    writer.keyboard.insert_text("# Motion\n\nTexte adopté en séance.\n")
    congress = Congress(people.server, "nomme", "Congrès 2026")
    page, _dialogs = _organiser(people, congress)
    assert page.evaluate(NAME_VERSION, "texte adopté") in (200, 201)
    writer.keyboard.insert_text("Ajout après le vote.\n")

    page.reload()
    page.wait_for_selector("#publish select[name=version] option:has-text('texte adopté')", state="attached")
    # An earlier refusal in the status line (the same person twice)…
    page.fill("#add-person input[name=name]", "Paul Durand")
    page.click("#add-person button[type=submit]")
    wait_until(page, lambda: page.inner_text("#status") == "Lien copié", what="the link copied")
    page.fill("#add-person input[name=name]", "Paul Durand")
    page.click("#add-person button[type=submit]")
    wait_until(page, lambda: page.inner_text("#status").startswith("Erreur"), what="the refusal said")
    page.select_option(
        "#publish select[name=version]",
        label=page.locator("#publish option", has_text="texte adopté").inner_text(),
    )
    page.click("#publish button[type=submit]")
    wait_until(
        page, lambda: page.inner_text("#status") == "Version publiée pour la presse.", what="published"
    )
    assert page.inner_text("#publication").startswith("En ligne pour la presse depuis le ")
    assert "« texte adopté »" in page.inner_text("#publication")
    href = page.locator("a.export[data-format=md]").get_attribute("href") or ""
    assert "named=" in href and "version=" not in href

    public = page.context.new_page()
    public.goto(f"{people.server.http}/p/nomme")
    assert "Texte adopté en séance." in public.inner_text("body")
    assert "Ajout après le vote." not in public.inner_text("body")
    assert not people.errors
