"""The organisers' page in real Chromium: its bundle (static/src/pages/organiser.js) drives the API,
confirms every phase step in a dialog, keeps its live figures and the "Connecté·e" column fresh, and
opens the printable invitations."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.support.browser import People, screenshot, wait_until
from tests.support.congress import Congress

LIVE_WAIT = 8.0  # seconds: the page polls every 3 s, plus a socket's way in and out


def _organiser(
    people: People, congress: Congress, width: int = 1400, name: str = "Olga Orga"
) -> tuple[Any, list[str]]:
    token = congress.invite("organiser", name)
    context = people.browser.new_context(locale="fr-FR", viewport={"width": width, "height": 900})
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
    page.wait_for_selector(f"#people tbody tr:has-text('{name}')")
    return page, dialogs


def _phase(page: Any) -> str:
    return str(page.get_attribute("#stepper li[aria-current=step]", "data-phase"))


def _row(page: Any, name: str) -> Any:
    return page.locator("#people tbody tr", has_text=name)


def test_the_organiser_page_adds_revokes_and_imports(people: People, tmp_path: Path) -> None:
    congress = Congress(people.server, "orga-page", "Congrès 2026")
    page, dialogs = _organiser(people, congress)
    assert page.locator("script[type=module][src='/static/organiser.js']").count() == 1
    assert "Congrès 2026" in page.inner_text("#congress")
    assert _phase(page) == "contributions"

    # Adding a person creates their link and copies it.
    page.fill("#add-person input[name=name]", "Paul Durand")
    page.fill("#add-person input[name=commune]", "Brest")
    page.click("#add-person button[type=submit]")
    row = _row(page, "Paul Durand")
    row.wait_for()
    assert "Brest" in row.inner_text()
    wait_until(page, lambda: page.inner_text("#status") == "Lien copié", what="the link copied")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith(f"{people.server.http}/i/")

    # A new link is another link, and the page says the old one still works.
    row.get_by_role("button", name="Nouveau lien pour Paul Durand").click()
    wait_until(page, lambda: page.inner_text("#status").startswith("Nouveau lien créé"), what="renewed")
    renewed = page.evaluate("navigator.clipboard.readText()")
    assert renewed.startswith(f"{people.server.http}/i/") and renewed != copied

    # The same person twice: the server refuses, the page says why in French.
    page.fill("#add-person input[name=name]", "Paul Durand")
    page.fill("#add-person input[name=commune]", "Brest")
    page.click("#add-person button[type=submit]")
    wait_until(page, lambda: page.inner_text("#status").startswith("Erreur : "), what="the refusal said")

    # The search and the filters narrow the table.
    page.fill("#people-filter input[name=q]", "durand brest")
    wait_until(page, lambda: page.locator("#people tbody tr:visible").count() == 1, what="the search")
    assert page.inner_text("#people-count") == "1 personne(s) affichée(s) sur 2"
    page.fill("#people-filter input[name=q]", "")
    page.select_option("#people-filter select[name=role]", "organiser")
    wait_until(page, lambda: not row.is_visible(), what="the role filter")
    page.select_option("#people-filter select[name=role]", "")

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
    screenshot(page, "organiser")


def test_every_phase_step_is_confirmed_and_cancel_changes_nothing(people: People) -> None:
    congress = Congress(people.server, "orga-etapes", "Congrès 2026")
    page, _dialogs = _organiser(people, congress)
    dialog = page.locator("#phase-dialog")

    # Cancel: the dialog said who and what, and the phase stays, on the page and on the server.
    page.click("#phase-next")
    assert dialog.is_visible()
    assert page.inner_text("#phase-dialog-title") == "Clore les contributions ?"
    assert "participant·es" in page.inner_text("#phase-dialog-who")
    assert "ne pourront plus déposer" in page.inner_text("#phase-dialog-what")
    page.get_by_role("button", name="Annuler").click()
    assert not dialog.is_visible()
    wait_until(page, lambda: page.inner_text("#status") == "Étape inchangée.", what="cancel said")
    assert _phase(page) == "contributions"
    assert page.evaluate(f"fetch('/api/congresses/{congress.slug}').then(r => r.json())")["phase"] == (
        "contributions"
    )
    # Escape cancels too (the native dialog).
    page.click("#phase-next")
    page.keyboard.press("Escape")
    assert not dialog.is_visible() and _phase(page) == "contributions"

    # Confirm moves one step; each step forward is asked again.
    for target, title in [
        ("themes", "Clore les contributions ?"),
        ("writing", "Ouvrir la journée d'écriture ?"),
        ("published", "Figer la motion et la carte pour tout le monde ?"),
    ]:
        page.click("#phase-next")
        assert page.inner_text("#phase-dialog-title") == title
        page.click("#phase-confirm")

        def moved(target: str = target) -> bool:
            return _phase(page) == target

        wait_until(page, moved, what=f"the phase moved to {target}")
    assert "tout le monde" in page.inner_text("#phase-dialog-who")
    assert "ne publie rien pour la presse" in page.inner_text("#phase-dialog-note")
    assert page.locator("#phase-next").is_hidden()  # nothing after "motion publiée"
    assert page.locator("#stepper li.done").count() == 3
    screenshot(page, "organiser-published")

    # Going back is confirmed as well, and says what reopens.
    page.click("#phase-back")
    assert page.inner_text("#phase-dialog-title") == "Rouvrir l'écriture de la motion ?"
    page.get_by_role("button", name="Annuler").click()
    assert _phase(page) == "published"
    page.click("#phase-back")
    page.click("#phase-confirm")
    wait_until(page, lambda: _phase(page) == "writing", what="the phase went back")
    assert page.inner_text("#phase-back") == "Revenir à « thèmes »"


def test_the_connected_column_and_live_figures_follow_people_coming_and_going(people: People) -> None:
    """Issue 13, item 9: the "Connecté·e" column never refreshed once the page had loaded."""
    congress = Congress(people.server, "orga-direct", "Congrès 2026")
    congress.invite("participant", "Aline Martin", "remote")
    page, _dialogs = _organiser(people, congress)
    row = _row(page, "Aline Martin")
    row.wait_for()
    assert "non" in row.locator(".connected-cell").inner_text()
    wait_until(page, lambda: page.inner_text("#live-connected") == "0", what="the first figures")

    writer = people.open(f"/c/{congress.slug}/motion", name="Aline Martin", site="remote")
    cell = row.locator(".connected-cell")
    wait_until(page, lambda: "oui" in cell.inner_text(), LIVE_WAIT, "Aline shown connected")
    assert page.inner_text("#live-connected") == "1" and page.inner_text("#live-remote") == "1"
    assert "Aline Martin" in page.inner_text("#connected") and "la motion" in page.inner_text("#connected")
    page.check("#people-filter input[name=connected]")
    assert row.is_visible() and page.locator("#people tbody tr:visible").count() == 1

    writer.click(".cm-content")
    writer.keyboard.insert_text("# Motion\n\nUne phrase écrite en direct.\n")
    wait_until(page, lambda: page.inner_text("#live-edits") not in ("0", "–"), LIVE_WAIT, "edits counted")

    writer.context.close()
    people.contexts.remove(writer.context)
    wait_until(page, lambda: "non" in cell.inner_text(), LIVE_WAIT, "Aline shown disconnected")
    assert page.inner_text("#live-connected") == "0"
    assert not row.is_visible()  # the "connected now" filter follows too


def test_the_invitations_sheet_prints_two_by_four_cards_and_nothing_else(people: People) -> None:
    congress = Congress(people.server, "orga-feuille", "Congrès 2026")
    for n in range(9):
        congress.invite("participant", f"Élu·e {n}", "remote" if n == 0 else "on_site")
    page, _dialogs = _organiser(people, congress)
    with page.expect_navigation():
        page.click("a:has-text('Imprimer les invitations')")
    assert page.locator("article.invitation").count() == 10  # nine élu·es and the organiser
    assert page.locator("article.invitation svg[role=img]").count() == 10
    assert page.locator("section.sheet-page").count() == 2
    assert page.locator("#print").is_visible()
    screenshot(page, "invitations-sheet")

    page.emulate_media(media="print")
    assert page.locator(".sheet-tools").is_hidden()
    first = page.locator("section.sheet-page").first
    columns = first.evaluate("s => getComputedStyle(s).gridTemplateColumns.split(' ').length")
    rows = first.evaluate("s => getComputedStyle(s).gridTemplateRows.split(' ').length")
    assert (columns, rows) == (2, 4)
    assert first.evaluate("s => getComputedStyle(s).breakAfter") == "page"
    page.emulate_media(media="screen")

    page.select_option("select[name=site]", "remote")
    with page.expect_navigation():
        page.click("form.filters button[type=submit]")
    assert page.locator("article.invitation").count() == 1
    assert "Élu·e 0" in page.inner_text("article.invitation")
