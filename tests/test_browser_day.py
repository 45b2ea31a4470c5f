"""The whole congress day in one run, in real Chromium, as the people live it (issue 13).

The organiser sets the congress up from the command line and invites from their page; two
participants send contributions; the organiser sorts them into themes and places them in the mind
map; the participants write the map and the motion at the same time while an observer and the
room's screen follow (the observer's edit reaches nobody); the organiser freezes the motion, names
"texte adopté" and publishes it; the public reads it and downloads every export.

Controls are found by their role and the words of the catalogue (server/words/*.json), so the test
follows the pages through a redesign. Every page visited is saved at 1366 px and 390 px under
test-artifacts/day/ as `<step>-<page>-<width>.png`.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import time
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from server.words import word
from tests.support.browser import ARTIFACTS, BOTH_SYNCED, wait_for_js, wait_until
from tests.support.organiser_api import call
from tests.support.server import ServerProcess

SLUG = "jour"
API = f"/api/congresses/{SLUG}"
SHOTS = ARTIFACTS / "day"
WIDTHS = (1366, 390)
MOTION_TEXT = "window.ubiquite.rooms.motion.doc.getText('text').toString()"
NODE_LABELS = """() => [...window.ubiquite.rooms.mindmap.doc.getMap('nodes').values()]
    .filter((n) => !n.get('deleted')).map((n) => n.get('label')).sort()"""
EDITABLE = "[contenteditable=true], textarea:not([readonly]), input:not([type=hidden])"

CONTRIBUTIONS = {
    "Aline Martin": [
        (
            "Un conseiller numérique par canton",
            "Financer durablement un conseiller numérique dans chaque "
            "canton rural pour accompagner les habitants dans leurs démarches en ligne.",
        ),
        (
            "Des lieux de médiation le samedi",
            "Ouvrir les médiathèques le samedi pour aider les personnes "
            "éloignées du numérique à utiliser les services publics en ligne.",
        ),
        (
            "Former les agents d'accueil",
            "Former les agents d'accueil des mairies à l'accompagnement "
            "numérique des usagers qui n'ont pas d'ordinateur.",
        ),
    ],
    "Bruno Petit": [
        (
            "Ouvrir les données des collectivités",
            "Publier les données publiques des communes en open data "
            "dans des formats ouverts et réutilisables par tous.",
        ),
        (
            "Héberger nos données en France",
            "Héberger les données des collectivités chez des prestataires "
            "souverains soumis au droit européen.",
        ),
        (
            "Cybersécurité des petites mairies",
            "Mutualiser un responsable de la sécurité informatique entre "
            "petites communes face aux rançongiciels.",
        ),
    ],
}
SKELETON = "# Motion du congrès 2026\n\n## Inclusion numérique\n\n1. Un conseiller numérique par canton.\n"
ALINE_TYPES = ["\n2. Des lieux de ", "médiation ouverts ", "le samedi."]
BRUNO_TYPES = ["\n## Données publiques\n\n", "1. Ouvrir les données ", "des collectivités.\n"]
AFTER_DRAFT = "\n## Sécurité\n\n1. Un responsable sécurité partagé entre communes.\n"
FORCED = "TEXTE FORCÉ PAR L'OBSERVATEUR "


def say(area: str, key: str, **values: object) -> str:
    """What the French page says, from the word catalogue, not copied here."""
    return word(key, "fr", area, **values)


class Day:
    """The people of the day: each a browser context of their own, signed in through their own link."""

    def __init__(self, browser: Any, server: ServerProcess) -> None:
        self.browser = browser
        self.server = server
        self.errors: list[str] = []
        self.contexts: list[Any] = []
        self.started = time.monotonic()
        self.marks: list[tuple[str, float]] = []

    def mark(self, step: str) -> None:
        """When a step ended, printed at the end (pytest -s) with the machine's load: not asserted."""
        self.marks.append((step, time.monotonic() - self.started))

    def person(self, name: str, link: str | None = None) -> Any:
        context = self.browser.new_context(
            locale="fr-FR", viewport={"width": 1366, "height": 900}, accept_downloads=True
        )
        context.set_default_timeout(15_000)
        self.contexts.append(context)
        page = context.new_page()
        self.watch(page, name)
        if link:
            page.goto(link)
        return page

    def watch(self, page: Any, name: str) -> Any:
        page.on("pageerror", lambda error: self.errors.append(f"{name}: {error}"))
        page.on("dialog", lambda dialog: dialog.accept())  # confirmations: the organiser says yes
        return page

    def tab(self, page: Any, path: str, name: str) -> Any:
        """Another page of the same person (same cookies, same IndexedDB)."""
        other = self.watch(page.context.new_page(), name)
        other.goto(self.server.http + path)
        return other

    def shoot(self, page: Any, step: str, name: str) -> None:
        """The page as it is now at a laptop's and a phone's width, then back to the laptop's."""
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            page.wait_for_timeout(150)  # layout and the map's fit follow the resize
            page.screenshot(path=str(SHOTS / f"{step}-{name}-{width}.png"), full_page=True)
        page.set_viewport_size({"width": WIDTHS[0], "height": 900})

    def close(self) -> None:
        for context in self.contexts:
            context.close()


def _link_path(link: str) -> str:
    """An invitation link as printed for the public address, made relative to this test's server."""
    match = re.search(r"/i/\S+", link)
    assert match, link
    return match.group(0)


def _form_with(page: Any, button: str) -> Any:
    return page.locator("form").filter(has=page.get_by_role("button", name=button, exact=True))


def _field(scope: Any, label: str) -> Any:
    """The field of `label`. Not an exact match: a label around a select or a filled input also
    holds its value in the accessible name ("Rôle participant·e")."""
    return scope.get_by_label(re.compile("^" + re.escape(label) + r"(\s|$)"))


def _phase(organiser: Any, target: str) -> None:
    """Move the congress one step from the organisers' page: the next step's button, then its
    confirmation (a dialog that says who is affected); wait until the server says so."""
    step = say("organiser", f"phase.{target}")
    organiser.get_by_role("button", name=say("organiser", "phase_next", target=step)).click()
    dialog = organiser.get_by_role("dialog")
    dialog.get_by_role("button", name=say("organiser", f"forward.{target}.confirm"), exact=True).click()
    organiser.get_by_role("status").filter(has_text=say("organiser", "phase_done", phase=step)).wait_for()
    assert call(organiser, "GET", API)["phase"] == target


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _html_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def _lines(text: str) -> list[str]:
    """A text's lines with Markdown's marks and list numbers left out: what every format must carry."""
    lines = [re.sub(r"^\s*(#+|\d+(\.\d+)*\.?)\s+", "", line).strip() for line in text.splitlines()]
    return [line for line in lines if line]


def _flat(text: str) -> str:
    return " ".join(text.split())


def _holds(text: str, lines: list[str]) -> list[str]:
    """The lines missing from `text` (whitespace aside: a PDF or a page wraps lines where it likes)."""
    flat = _flat(text)
    return [line for line in lines if _flat(line) not in flat]


def _shows(page: Any, text: str) -> bool:
    """`text` is on the page, as text or as the value of a field (a theme's name is edited in place)."""
    values = page.locator("main input").evaluate_all("(inputs) => inputs.map((i) => i.value)")
    return text in page.locator("main").inner_text() or text in values


def test_the_whole_congress_day(chromium: Any, web_server: ServerProcess, tmp_path: Path) -> None:
    shutil.rmtree(SHOTS, ignore_errors=True)
    SHOTS.mkdir(parents=True)
    day = Day(chromium, web_server)
    try:
        _the_day(day, web_server, tmp_path)
    finally:
        day.close()
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        print(f"\nthe day, load average {load}: " + ", ".join(f"{step} {t:.0f} s" for step, t in day.marks))
    assert not day.errors, f"errors in the pages: {day.errors}"


def _the_day(day: Day, server: ServerProcess, tmp_path: Path) -> None:
    http = server.http
    # 1. Set-up from the terminal, as docs/access.md says; the printed link opens the organisers' page.
    created = server.cli(
        "congress",
        "create",
        SLUG,
        "--title",
        "Congrès national des élu·es au numérique",
        "--edition",
        "2026",
        "--starts",
        "2026-11-23",
        "--organiser",
        "Camille Martin",
    )
    assert created.returncode == 0, created.stderr
    organiser = day.person("Camille Martin", http + _link_path(created.stdout))
    organiser.wait_for_url(f"**/c/{SLUG}/organisation")
    organiser.wait_for_load_state("networkidle")
    day.mark("set up")

    # 2. Invitations from the organisers' page: two participants and the press.
    add = _form_with(organiser, say("organiser", "add_button"))
    for name, role, site in [
        ("Aline Martin", "participant", "on_site"),
        ("Bruno Petit", "participant", "remote"),
        ("Le Monde", "observer", "remote"),
    ]:
        add.get_by_label(say("organiser", "name"), exact=True).fill(name)
        _field(add, say("organiser", "role")).select_option(role)
        _field(add, say("organiser", "site")).select_option(site)
        add.get_by_role("button", name=say("organiser", "add_button")).click()
        organiser.get_by_role("row").filter(has_text=name).first.wait_for()
    links = {p["name"]: p["link"] for p in call(organiser, "GET", f"{API}/participants")}
    assert {"Aline Martin", "Bruno Petit", "Le Monde"} <= set(links)
    day.shoot(organiser, "01", "organiser")

    # The invitations to print for the tables in the room: a card with a QR code per person.
    sheet = day.tab(organiser, f"/c/{SLUG}/organisation#personnes", "Camille Martin (invitations)")
    sheet.get_by_role("link", name=say("organiser", "print_all"), exact=True).click()
    sheet.get_by_role("heading", name=say("organiser", "sheet_title")).wait_for()
    for name in ("Camille Martin", "Aline Martin", "Bruno Petit", "Le Monde"):
        assert sheet.get_by_role("heading", name=name, exact=True).count() == 1
        assert sheet.get_by_role("img", name=say("organiser", "sheet_qr_title", name=name)).count() == 1
    day.shoot(sheet, "02", "invitations")
    sheet.close()
    day.mark("invited")

    # 3. Contributions, each participant from their own page.
    writers: dict[str, Any] = {}
    for name, ideas in CONTRIBUTIONS.items():
        page = day.person(name, http + _link_path(links[name]))
        page.wait_for_url(f"**/c/{SLUG}")
        assert name in page.locator("main").inner_text()
        if not writers:
            day.shoot(page, "03", "congress")
        page.goto(f"{http}/c/{SLUG}/contributions")
        for title, text in ideas:
            page.get_by_label(say("contributions", "title"), exact=True).fill(title)
            page.get_by_label(say("contributions", "text"), exact=True).fill(text)
            page.get_by_role("button", name=say("contributions", "send"), exact=True).click()
            page.get_by_role("heading", name=title).wait_for()
        assert page.get_by_role("status").first.inner_text() == say("contributions", "sent")
        writers[name] = page
    day.shoot(writers["Bruno Petit"], "03", "contributions")
    day.mark("contributed")
    assert len(call(organiser, "GET", f"{API}/contributions")["contributions"]) == 6

    # 4. Themes: the organiser closes the contributions, classifies and places the themes in the map.
    organiser.reload()
    _phase(organiser, "themes")
    themes_page = day.tab(organiser, f"/c/{SLUG}/organisation/themes", "Camille Martin (thèmes)")
    themes_page.get_by_label(say("contributions", "k"), exact=True).fill("2")
    themes_page.get_by_role("button", name=say("contributions", "run"), exact=True).click()
    wait_until(
        themes_page,
        lambda: (call(themes_page, "GET", f"{API}/themes").get("run") or {}).get("k") == 2,
        timeout=60,
        what="the classification",
    )
    board = call(themes_page, "GET", f"{API}/themes")
    titles = [theme["title"] for theme in board["themes"]]
    assert len(titles) == 2 and sum(theme["size"] for theme in board["themes"]) == 6
    wait_until(themes_page, lambda: all(_shows(themes_page, t) for t in titles), what="the themes shown")
    themes_page.get_by_role("button", name=say("contributions", "place"), exact=True).click()
    themes_page.get_by_role("status").filter(has_text=say("contributions", "placed", n=2)).wait_for()
    day.shoot(themes_page, "04", "themes")
    themes_page.close()
    day.mark("sorted into themes")

    # 5. Writing: two participants on the map and the motion at once, an observer and the screen follow.
    _phase(organiser, "writing")
    aline_motion = day.tab(writers["Aline Martin"], f"/c/{SLUG}/motion", "Aline Martin (motion)")
    bruno_motion = day.tab(writers["Bruno Petit"], f"/c/{SLUG}/motion", "Bruno Petit (motion)")
    aline_map = day.tab(writers["Aline Martin"], f"/c/{SLUG}/carte", "Aline Martin (carte)")
    bruno_map = day.tab(writers["Bruno Petit"], f"/c/{SLUG}/carte", "Bruno Petit (carte)")
    press = day.person("Le Monde", http + _link_path(links["Le Monde"]))
    press_motion = day.tab(press, f"/c/{SLUG}/motion", "Le Monde (motion)")
    screen = day.tab(press, f"/c/{SLUG}/projecteur", "Le Monde (projecteur)")
    for page in (aline_motion, bruno_motion, aline_map, bruno_map, press_motion, screen):
        wait_for_js(page, BOTH_SYNCED)
    for page in (aline_map, bruno_map):
        for title in titles:
            page.get_by_role("treeitem", name=title, exact=True, level=2).wait_for()

    aline_motion.locator(".cm-content").click()
    aline_motion.keyboard.insert_text(SKELETON)
    wait_until(bruno_motion, lambda: bruno_motion.evaluate(MOTION_TEXT) == SKELETON, what="the skeleton")
    aline_motion.keyboard.press("Control+Home")
    for _ in range(4):
        aline_motion.keyboard.press("ArrowDown")
    aline_motion.keyboard.press("End")
    bruno_motion.locator(".cm-content").click()
    bruno_motion.keyboard.press("Control+End")
    # Each participant adds a branch under a different theme while the other types in the motion.
    for page, title in [(aline_map, titles[0]), (bruno_map, titles[1])]:
        theme = page.get_by_role("treeitem", name=title, exact=True, level=2)
        theme.get_by_text(title, exact=True).first.click()
        page.keyboard.press("Tab")
        page.get_by_role("textbox", name=say("client", "renameLabel")).wait_for()
    for aline_words, bruno_words in zip(ALINE_TYPES, BRUNO_TYPES, strict=True):
        aline_motion.keyboard.insert_text(aline_words)
        bruno_motion.keyboard.insert_text(bruno_words)
    for page, idea in [(aline_map, "Idée d'Aline"), (bruno_map, "Idée de Bruno")]:
        page.keyboard.press("Control+a")
        page.keyboard.insert_text(idea)
        page.keyboard.press("Enter")

    # The observer's page offers no way to write; an edit forced into its document reaches nobody.
    assert press_motion.locator(EDITABLE).count() == 0
    assert press_motion.get_by_role("alert").filter(has_text=say("client", "frozenObserver")).count() == 1
    press_motion.evaluate(f"window.ubiquite.rooms.motion.doc.getText('text').insert(0, {FORCED!r})")

    def converged() -> bool:
        texts = [p.evaluate(MOTION_TEXT) for p in (aline_motion, bruno_motion)]
        return texts[0] == texts[1] and "le samedi." in texts[0] and "des collectivités.\n" in texts[0]

    wait_until(aline_motion, converged, what="both writers' texts the same")
    written = aline_motion.evaluate(MOTION_TEXT)
    assert "2. Des lieux de médiation ouverts le samedi." in written
    assert "## Données publiques\n\n1. Ouvrir les données des collectivités.\n" in written
    assert FORCED not in written
    wait_until(
        press_motion, lambda: "le samedi." in press_motion.evaluate(MOTION_TEXT), what="the press reads"
    )
    wait_until(
        aline_map,
        lambda: (
            aline_map.evaluate(NODE_LABELS) == bruno_map.evaluate(NODE_LABELS)
            and "Idée de Bruno" in aline_map.evaluate(NODE_LABELS)
        ),
        what="both maps the same",
    )
    labels = aline_map.evaluate(NODE_LABELS)
    assert "Idée d'Aline" in labels and "Nouvelle idée" not in labels and set(titles) <= set(labels)
    screen.locator("main").get_by_text("Ouvrir les données des collectivités.", exact=True).wait_for()
    # Everyone is seen where they are: in each writer's list of people present, and by the organiser.
    present = aline_motion.get_by_role("complementary", name=say("client", "present"))
    for name in ("Aline Martin", "Bruno Petit", "Le Monde"):
        present.get_by_text(name).first.wait_for()
    here = {person["name"] for person in call(organiser, "GET", f"{API}/connected")}
    assert here == {"Aline Martin", "Bruno Petit", "Le Monde"}  # the organiser is on no live page
    day.shoot(aline_motion, "05", "motion")
    day.shoot(aline_map, "05", "map")
    day.shoot(press_motion, "05", "motion-observer")
    day.shoot(screen, "05", "projector")

    day.mark("written together")

    # A first draft is named from the history, then Aline adds an axis: the draft is not the final text.
    history = day.tab(organiser, f"/c/{SLUG}/historique", "Camille Martin (historique)")
    naming = _form_with(history, say("history", "name_now"))
    naming.get_by_label(say("history", "name"), exact=True).fill("premier jet")
    naming.get_by_role("button", name=say("history", "name_now")).click()
    history.get_by_role("cell", name="premier jet", exact=True).wait_for()
    aline_motion.locator(".cm-content").click()
    aline_motion.keyboard.press("Control+End")
    aline_motion.keyboard.insert_text(AFTER_DRAFT)
    final = written + AFTER_DRAFT
    wait_until(bruno_motion, lambda: bruno_motion.evaluate(MOTION_TEXT) == final, what="the last axis")

    # 6. Freezing: "motion publiée", and every open page of the writers is read-only and says why.
    organiser.bring_to_front()
    _phase(organiser, "published")
    for page in (aline_motion, bruno_motion, aline_map):
        page.get_by_role("alert").filter(has_text=say("client", "frozenPublished")).wait_for()
        assert page.locator("[contenteditable=true]").count() == 0
    day.shoot(bruno_motion, "06", "motion-frozen")
    day.mark("frozen")

    # 7. Naming "texte adopté", from the history page.
    history.reload()
    naming = _form_with(history, say("history", "name_now"))
    naming.get_by_label(say("history", "name"), exact=True).fill("texte adopté")
    naming.get_by_role("button", name=say("history", "name_now")).click()
    history.get_by_role("cell", name="texte adopté", exact=True).wait_for()
    day.shoot(history, "07", "history")
    versions = {v["name"]: v for v in call(history, "GET", f"{API}/history/versions")}
    adopted = call(history, "GET", f"{API}/history/at?version={versions['texte adopté']['id']}")
    assert adopted["motion"]["markdown"] == final

    # 8. Publishing "texte adopté" for the press, chosen among the named versions.
    organiser.reload()
    chooser = _field(organiser, say("organiser", "version"))
    choice = chooser.locator("option").filter(has_text="texte adopté")
    choice.wait_for(state="attached")
    chooser.select_option(value=choice.get_attribute("value"))
    organiser.get_by_role("button", name=say("organiser", "publish"), exact=True).click()
    organiser.get_by_role("status").filter(has_text=say("organiser", "published_done")).wait_for()
    publication = call(organiser, "GET", f"{API}/publication")
    assert publication["published"] and publication["position"] == versions["texte adopté"]["position"]
    day.shoot(organiser, "08", "organiser-published")
    day.mark("named and published")

    # 9. The public: no invitation, the published page and every download.
    public = day.person("le public", f"{http}/p/{SLUG}")
    shown = public.locator("main").inner_text()
    assert not _holds(shown, _lines(final)), _holds(shown, _lines(final))
    assert FORCED.strip() not in shown
    day.shoot(public, "09", "public")
    downloads: dict[str, bytes] = {}
    for link in public.locator("a[download]").all():
        with public.expect_download() as info:
            link.click()
        path = tmp_path / info.value.suggested_filename
        info.value.save_as(path)
        downloads[path.suffix.lstrip(".")] = path.read_bytes()
    assert set(downloads) == {"md", "html", "pdf", "docx"}
    _check_exports(downloads, final)
    day.mark("read and downloaded")


def _check_exports(downloads: dict[str, bytes], final: str) -> None:
    """Each download opens in its own kind of reader and holds the adopted text, in order, once."""
    from docx import Document
    from pypdf import PdfReader

    expected = _lines(final)
    markdown = _lines(downloads["md"].decode("utf-8"))
    start = markdown.index(expected[0])
    assert markdown[start : start + len(expected)] == expected, markdown
    html = downloads["html"].decode("utf-8")
    assert html.lstrip().lower().startswith("<!doctype html") and "<script" not in html.lower()
    assert not _holds(_html_text(html), expected), _holds(_html_text(html), expected)
    pdf = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(downloads["pdf"])).pages)
    assert not _holds(pdf, expected), (_holds(pdf, expected), pdf)
    paragraphs = [p.text for p in Document(io.BytesIO(downloads["docx"])).paragraphs]
    assert not _holds("\n".join(paragraphs), expected), paragraphs
    assert "Données publiques" in paragraphs
    assert sum("médiation ouverts le samedi" in p for p in paragraphs) == 1
