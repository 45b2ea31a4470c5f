"""The congress page and the public page in real Chromium, as élu·es, an observer and the press see
them: what to do now in each phase and role, big entries, no technical address; the published motion
dated in the congress's time zone with its four downloads, and a friendly page before it is out."""

from __future__ import annotations

from typing import Any

from tests.support.browser import People, screenshot
from tests.support.congress import Congress
from tests.test_browser_frozen import _api

# phase → (what a participant is told, what an observer is told, the participant's first big entry)
WELCOME = {
    "contributions": ("Déposez vos idées", "Le congrès se prépare", "Mes contributions"),
    "themes": ("Les contributions sont closes", "Le congrès se prépare", None),
    "writing": (
        "C'est le jour du congrès : écrivons la motion",
        "Suivez l'écriture en direct",
        "La carte mentale",
    ),
    "published": ("La motion est adoptée", "La motion est adoptée", "La motion"),
}
PHASES = list(WELCOME)


def _signed_in(people: People, congress: Congress, role: str, name: str, width: int = 1366) -> Any:
    token = congress.invite(role, name, "remote" if role == "observer" else "on_site")
    context = people.browser.new_context(locale="fr-FR", viewport={"width": width, "height": 900})
    people.contexts.append(context)
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.on("pageerror", lambda error: people.errors.append(f"{name}: {error}"))
    page.goto(f"{people.server.http}/i/{token}")
    return page


def _primary(page: Any) -> list[str]:
    return [t.split("\n")[0] for t in page.locator(".entries li.primary strong").all_inner_texts()]


def test_the_congress_page_says_what_to_do_now_for_each_phase_and_role(people: People) -> None:
    congress = Congress(people.server, "accueil", "Congrès 2026")
    participant = _signed_in(people, congress, "participant", "Aline Martin")
    observer = _signed_in(people, congress, "observer", "Le Journal", width=390)
    organiser = _signed_in(people, congress, "organiser", "Olga Orga")
    for index, phase in enumerate(PHASES):
        if index:
            _api(organiser, "POST", f"/api/congresses/{congress.slug}/phase", {"phase": phase})
        told, watched, first = WELCOME[phase]
        for page in (participant, observer, organiser):
            page.goto(f"{people.server.http}/c/{congress.slug}")
            assert "ws://" not in page.content() and "/ws/" not in page.content(), phase
            assert f"Étape {index + 1} sur 4" in page.inner_text(".now")
        assert participant.inner_text("#now-title") == told
        assert observer.inner_text("#now-title") == watched
        assert "Aline Martin" in participant.inner_text(".hello")
        assert "observateur·rice" in observer.inner_text(".hello")
        if first:
            assert _primary(participant)[0] == first, phase
        assert _primary(organiser)[0] == "Page d'organisation"
        # Observers write no contribution; only organisers see their page.
        assert observer.locator(".entries a[href$='/contributions']").count() == 0
        assert participant.locator("a[href$='/organisation']").count() == 0
        screenshot(participant, f"congress-participant-{phase}")
        screenshot(observer, f"congress-observer-390-{phase}")
    # Published: the public page is one of the big entries.
    assert "Page publique" in _primary(participant)
    # Entries reach the pages they name.
    participant.click(".entries a:has-text('La motion')")
    participant.wait_for_url(f"**/c/{congress.slug}/motion")
    participant.goto(f"{people.server.http}/c/{congress.slug}?lang=en")
    assert participant.inner_text("#now-title") == "The motion is adopted"
    assert "Phase 4 of 4" in participant.inner_text(".now")


def test_the_public_page_is_friendly_before_and_dated_with_its_downloads_after(people: People) -> None:
    congress = Congress(people.server, "presse", "Congrès 2026")
    press = people.browser.new_context(locale="fr-FR", viewport={"width": 390, "height": 900})
    people.contexts.append(press)
    reader = press.new_page()
    before = reader.goto(f"{people.server.http}/p/{congress.slug}")
    assert before is not None and before.status == 404
    assert reader.inner_text("h1") == "La motion n'est pas encore publiée"
    assert "Revenez un peu plus tard" in reader.inner_text("main")
    screenshot(reader, "public-none-390")

    writer = people.open(f"/c/{congress.slug}/motion", name="Aline Martin")
    writer.click(".cm-content")
    writer.keyboard.insert_text("# Une motion pour la presse\n\n## Un axe\n\n1. Une proposition\n")
    writer.wait_for_timeout(300)  # the log is written in batches
    organiser = _signed_in(people, congress, "organiser", "Olga Orga")
    _api(organiser, "POST", f"/api/congresses/{congress.slug}/publication", {"version": "current"})

    reader.goto(f"{people.server.http}/p/{congress.slug}")
    assert reader.inner_text("header.edition h1") == "Congrès 2026"
    assert reader.locator(".motion h1").inner_text() == "Une motion pour la presse"
    version = reader.inner_text(".version")
    assert version.startswith("Publiée le ") and " — Texte au " in version
    assert "position" not in version
    downloads = reader.locator(".public-downloads a")
    assert downloads.count() == 4
    assert [d.split("\n")[0] for d in downloads.all_inner_texts()] == [
        "PDF",
        "Word (DOCX)",
        "HTML",
        "Markdown",
    ]
    for index in range(4):
        link = downloads.nth(index)
        assert link.get_attribute("download") is not None
        href = link.get_attribute("href") or ""
        assert reader.request.get(f"{people.server.http}{href}").status == 200, href
    screenshot(reader, "public-390")
    reader.set_viewport_size({"width": 1366, "height": 900})
    screenshot(reader, "public-1366")
    reader.goto(f"{people.server.http}/p/{congress.slug}?lang=en")
    assert reader.inner_text(".version").startswith("Published on ")
    assert reader.inner_text(".public-downloads h2") == "Download the motion"
