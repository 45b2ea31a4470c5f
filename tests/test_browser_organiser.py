"""The organisers' page in real Chromium: its bundle (static/src/pages/organiser.js) drives the API."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.support.browser import People, screenshot, wait_until
from tests.support.congress import Congress


def _organiser(people: People, congress: Congress) -> tuple[Any, list[str]]:
    token = congress.invite("organiser", "Olga Orga")
    context = people.browser.new_context(locale="fr-FR", viewport={"width": 1400, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    people.contexts.append(context)
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.on("pageerror", lambda error: people.errors.append(f"organiser: {error}"))
    dialogs: list[str] = []

    def answer(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.accept()

    page.on("dialog", answer)
    page.goto(f"{people.server.http}/i/{token}")
    page.goto(f"{people.server.http}/c/{congress.slug}/organisation")
    page.wait_for_selector("#people tbody tr:has-text('Olga Orga')")
    return page, dialogs


def test_the_organiser_page_adds_revokes_and_moves_the_phase(people: People, tmp_path: Path) -> None:
    congress = Congress(people.server, "orga-page", "Congrès 2026")
    page, dialogs = _organiser(people, congress)
    assert page.locator("script[type=module][src='/static/organiser.js']").count() == 1
    assert "Congrès 2026" in page.inner_text("#congress")
    assert page.inner_text("#phase") == "contributions"

    # Adding a person creates their link and copies it.
    page.fill("#add-person input[name=name]", "Paul Durand")
    page.fill("#add-person input[name=commune]", "Brest")
    page.click("#add-person button[type=submit]")
    row = page.locator("#people tbody tr", has_text="Paul Durand")
    row.wait_for()
    assert "Brest" in row.inner_text()
    wait_until(page, lambda: page.inner_text("#status") == "Lien copié", what="the link copied")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith(f"{people.server.http}/i/")

    # The same person twice: the server refuses, the page says why in French.
    page.fill("#add-person input[name=name]", "Paul Durand")
    page.fill("#add-person input[name=commune]", "Brest")
    page.click("#add-person button[type=submit]")
    wait_until(page, lambda: page.inner_text("#status").startswith("Erreur : "), what="the refusal said")

    # Revoking asks first, then marks the row.
    row.get_by_role("button", name="Révoquer").click()
    page.wait_for_selector("#people tbody tr.revoked:has-text('Paul Durand')")
    assert dialogs == ["Révoquer l'accès de Paul Durand ? Ses connexions seront fermées."]

    # A CSV with a bad line imports nothing and lists the line.
    bad = tmp_path / "people.csv"
    bad.write_text("nom,rôle\nJeanne Roux,participant\nLuc,pape\n", encoding="utf-8")
    page.set_input_files("#import input[type=file]", str(bad))
    page.click("#import button[type=submit]")
    page.wait_for_selector("#import-errors li")
    assert page.inner_text("#status").startswith("Rien n'a été importé :")
    assert "ligne 3" in page.inner_text("#import-errors")

    # The next phase, one click away.
    page.click("#phase-buttons button:has-text('thèmes')")
    wait_until(page, lambda: page.inner_text("#phase") == "thèmes", what="the phase moved")
    screenshot(page, "organiser")
