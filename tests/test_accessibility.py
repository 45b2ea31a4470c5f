"""Every page through axe-core in real Chromium, as the person who sees it, in French and English, at a
laptop's and a phone's width: no violation at the "serious" or "critical" level (issue 13).

One congress is set up with something on every page (contributions sorted into themes and placed
in the mind map, a motion written by two people, a named version published, a shared link), then
each page is loaded afresh in each language and checked at each width. The failure lists each rule, where, its
help page and the elements, so the fix can start from the message.
"""

from __future__ import annotations

import asyncio
import base64
import csv
import io
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from crdt import mindmap
from crdt.anchors import Anchor, encode_anchor
from server.words import word
from tests.conftest import need
from tests.support.axe import Violation, axe_unavailable, failing, run_axe
from tests.support.browser import BOTH_SYNCED, CONGRESS_TITLE, run_async, wait_for_js
from tests.support.congress import Congress
from tests.support.decision_pages import select_text
from tests.support.organiser_api import call
from tests.support.server import ServerProcess
from tests.support.yclient import YClient
from tests.themes_corpus import THEMES_CORPUS

SLUG = "acces"
API = f"/api/congresses/{SLUG}"
WIDTHS = (1366, 390)
LANGUAGES = ("fr", "en")
OPEN = "acces-ouvert"  # a second congress, still in its contributions phase: the form is open
REPLAY_READY = "document.body.dataset.ready === '1'"


@dataclass
class Day:
    """The people of the congress, each a browser context signed in through their own link."""

    server: ServerProcess
    contexts: dict[str, Any]
    shared_link: str  # a shared observers' link: opening it asks for a name
    other_link: str  # someone else's link: opening it while signed in asks first


def _contributions_csv(count: int) -> str:
    with THEMES_CORPUS.open(encoding="utf-8") as file:
        rows = list(csv.DictReader(file))[:count]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", "title", "text", "axis", "author"])
    writer.writerows([r["id"], r["title"], r["text"], r["axis"], f"Élu·e {i}"] for i, r in enumerate(rows))
    return out.getvalue()


SKELETON = "# Motion 2026\n\n## Inclusion numérique\n\n1. Former les élu·es.\n"


def _passage(writer: int, words: str) -> dict[str, str]:
    """The anchors of `words` in SKELETON, which `writer` (a Yjs client id) typed in one insert, so
    a character's UTF-16 index is its clock: what a browser's Yjs sends for that selection."""
    start = SKELETON.index(words)

    def anchor(index: int) -> str:
        units = len(SKELETON[:index].encode("utf-16-le")) // 2
        return base64.b64encode(encode_anchor(Anchor(writer, units, 0))).decode()

    return {"start": anchor(start), "end": anchor(start + len(words)), "expected": words}


def _write_the_motion(congress: Congress, alice: str, bruno: str) -> int:
    """Two participants write the motion and the map: a history with steps and authors. Returns the
    Yjs client id that typed SKELETON."""
    writer = 0

    async def write() -> None:
        nonlocal writer
        async with YClient(congress.url("motion", token=alice)) as a:
            a.text.insert(0, SKELETON)
            writer = a.doc.client_id
            await asyncio.sleep(0.3)
            async with YClient(congress.url("motion", token=bruno)) as b:
                await b.wait_for_text(str(a.text))
                b.text.insert(len(str(b.text).encode()), "2. Ouvrir les données publiques.\n")
                await a.wait_for(lambda: "données" in str(a.text))
        async with YClient(congress.url("mindmap", token=bruno)) as m:
            await m.wait_for(lambda: len(mindmap.nodes_map(m.doc)) > 1)  # the themes placed
            mindmap.add_node(m.doc, mindmap.ROOT_ID, "Données publiques")
            await asyncio.sleep(0.5)  # the log writes in batches

    run_async(write)
    return writer


def _contributor(chromium: Any, congress: Congress) -> Any:
    """A participant of a congress still collecting contributions, who has sent one."""
    context = chromium.new_context(locale="fr-FR")
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.goto(congress.link(congress.invite("participant", "Zoé Éluard")))
    idea = {"title": "Des ateliers à l'école", "text": "Un atelier numérique par école.", "axis": "Éducation"}
    call(page, "POST", f"/api/congresses/{congress.slug}/contributions", idea)
    page.close()
    return context


@pytest.fixture(scope="module")
def day(chromium: Any, web_server: ServerProcess) -> Iterator[Day]:
    reason = axe_unavailable()
    if reason:
        need(reason)
    congress = Congress(web_server, SLUG, CONGRESS_TITLE)
    tokens = {
        "organiser": congress.invite("organiser", "Odile Organisatrice"),
        "participant": congress.invite("participant", "Aïcha Benali"),
        "observer": congress.invite("observer", "Journal du Centre"),
    }
    bruno = congress.invite("participant", "Bruno Morel")
    contexts: dict[str, Any] = {"public": chromium.new_context(locale="fr-FR")}
    for role, token in tokens.items():
        context = chromium.new_context(locale="fr-FR")
        context.set_default_timeout(15_000)
        page = context.new_page()
        page.goto(f"{web_server.http}/i/{token}")
        page.close()
        contexts[role] = context
    organiser = contexts["organiser"].new_page()
    organiser.goto(f"{web_server.http}/c/{SLUG}")
    participant = contexts["participant"].new_page()
    participant.goto(f"{web_server.http}/c/{SLUG}")
    call(
        participant,
        "POST",
        f"{API}/contributions",
        {
            "title": "Un conseiller numérique par canton",
            "text": "Financer un conseiller numérique dans chaque canton rural.",
            "axis": "",
        },
    )
    call(organiser, "POST", f"{API}/contributions/import", _contributions_csv(24), "text/csv")
    call(organiser, "POST", f"{API}/phase", {"phase": "themes"})
    call(organiser, "POST", f"{API}/themes/run", {"k": 3})
    call(organiser, "POST", f"{API}/themes/mindmap", {"key_contributions": 2})
    call(organiser, "POST", f"{API}/phase", {"phase": "writing"})
    writer = _write_the_motion(congress, tokens["participant"], bruno)
    named = call(organiser, "POST", f"{API}/history/versions", {"name": "texte adopté"})
    call(organiser, "POST", f"{API}/publication", {"named": named["id"]})
    # Amendments in the motion's margin, one of them put to a vote that stays open (the vote
    # panel on the editor pages, its count on the organisers' page and on the projector).
    decisions = f"/api/c/{SLUG}"
    amend = {"kind": "replace", "reason": "plus large", "axis": "", **_passage(writer, "Former les élu·es.")}
    amendment = call(
        participant, "POST", f"{decisions}/amendments", {**amend, "text": "Former élu·es et agents."}
    )
    call(organiser, "POST", f"{decisions}/amendments", {**amend, "text": "Former les élu·es chaque année."})
    end = base64.b64encode(encode_anchor(Anchor(None, None, 0))).decode()  # a new proposal's "+"
    proposal = {"kind": "insert", "start": end, "end": end, "expected": "", "axis": "Inclusion numérique"}
    call(
        participant,
        "POST",
        f"{decisions}/amendments",
        {**proposal, "text": "Un lieu de médiation", "reason": ""},
    )
    vote = call(
        organiser,
        "POST",
        f"{decisions}/votes",
        {
            "subject": {"kind": "amendment", "ref": str(amendment["id"])},
            "title": "Amendement de Aïcha",
            "secret": False,
            "duration_s": None,
        },
    )
    call(organiser, "POST", f"{decisions}/votes/{vote['id']}/projector", {"shown": True})
    contexts["writer"] = _contributor(chromium, Congress(web_server, OPEN, CONGRESS_TITLE))
    shared = call(organiser, "POST", f"{API}/invitations", {"role": "observer", "names": ["Le Monde", "AFP"]})
    organiser.close()
    participant.close()
    yield Day(
        web_server, contexts, shared["link"], congress.link(congress.invite("participant", "Claire Petit"))
    )
    for context in contexts.values():
        context.close()


@dataclass(frozen=True)
class Page:
    name: str
    who: str  # the context that opens it: organiser, participant, observer, public
    path: str  # {shared} and {other} stand for the day's links
    ready: str = ""  # a JavaScript condition true once the page is drawn, beyond the network being idle
    status: int = 200
    act: Callable[[Any], None] | None = None  # brings the page to the state checked (a panel open…)


def _either(key: str, area: str = "client") -> re.Pattern[str]:
    """A control's name in whichever language the page is in."""
    return re.compile("^(" + "|".join(re.escape(word(key, lang, area)) for lang in LANGUAGES) + ")$")


def _propose_an_amendment(page: Any) -> None:
    """Select a passage of the motion and open the dialog to propose an amendment to it."""
    select_text(page, "Former les élu·es")
    page.get_by_role("button", name=_either("propose")).first.click()
    page.get_by_role("dialog").wait_for()


def _dialog_open(page: Any) -> None:
    page.get_by_role("dialog").wait_for()


def _open_linked_contributions(page: Any) -> None:
    """Select a key contribution placed in the map: the panel of the ideas behind it opens."""
    page.get_by_role("treeitem", level=3).first.click()
    page.get_by_role("button", name=_either("closePanel")).wait_for()


PAGES = [
    Page("home", "public", "/"),
    Page("congress", "participant", f"/c/{SLUG}"),
    Page("motion", "participant", f"/c/{SLUG}/motion", BOTH_SYNCED),
    Page("motion-propose", "participant", f"/c/{SLUG}/motion", BOTH_SYNCED, act=_propose_an_amendment),
    # The preview of the map's outline merged into the motion (the map's "Carte → plan" opens it).
    Page("motion-outline", "participant", f"/c/{SLUG}/motion#plan", BOTH_SYNCED, act=_dialog_open),
    Page("motion-observer", "observer", f"/c/{SLUG}/motion", BOTH_SYNCED),
    Page("map", "participant", f"/c/{SLUG}/carte", BOTH_SYNCED),
    Page("map-linked", "participant", f"/c/{SLUG}/carte", BOTH_SYNCED, act=_open_linked_contributions),
    Page("projector", "observer", f"/c/{SLUG}/projecteur", BOTH_SYNCED),
    Page("contributions", "participant", f"/c/{SLUG}/contributions"),
    Page("contributions-open", "writer", f"/c/{OPEN}/contributions"),
    Page("congress-open", "writer", f"/c/{OPEN}"),
    Page("organiser", "organiser", f"/c/{SLUG}/organisation"),
    Page("invitations", "organiser", f"/c/{SLUG}/organisation/invitations"),
    Page("themes", "organiser", f"/c/{SLUG}/organisation/themes"),
    Page("history", "organiser", f"/c/{SLUG}/historique"),
    Page("replay", "organiser", f"/c/{SLUG}/rejouer", REPLAY_READY),
    Page("replay-authors", "organiser", f"/c/{SLUG}/rejouer?authors=1", REPLAY_READY),
    Page("compare", "organiser", f"/c/{SLUG}/comparer"),
    Page("public", "public", f"/p/{SLUG}"),
    Page("message", "participant", f"/c/{SLUG}/organisation", status=403),  # for the organisers only
    Page("choose-name", "public", "{shared}"),
    Page("switch-person", "participant", "{other}"),
]


def _address(day: Day, path: str, lang: str) -> str:
    url = path.format(shared=day.shared_link, other=day.other_link)
    if not url.startswith("http"):
        url = day.server.http + url
    if lang == "fr":
        return url
    address, hash_mark, fragment = url.partition("#")  # ?lang=en goes before a #fragment
    return address + ("&" if "?" in address else "?") + "lang=en" + hash_mark + fragment


def check(day: Day, spec: Page) -> list[tuple[str, Violation]]:
    """Every violation of `spec`'s page, loaded afresh in each language at each width."""
    page = day.contexts[spec.who].new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    found: list[tuple[str, Violation]] = []
    try:
        for lang in LANGUAGES:
            # Loaded once per language at the laptop's width, then narrowed to the phone's: the
            # media queries and the pages' resize handlers redraw it as a phone would show it.
            page.set_viewport_size({"width": WIDTHS[0], "height": 900})
            response = page.goto(_address(day, spec.path, lang))
            assert response is not None and response.status == spec.status, (spec, lang, response)
            page.wait_for_load_state("networkidle")
            if spec.ready:
                wait_for_js(page, spec.ready)
            if spec.act:
                spec.act(page)
            for width in WIDTHS:
                page.set_viewport_size({"width": width, "height": 900})
                page.wait_for_timeout(100)
                found += [(f"{spec.name} ({lang}, {width} px)", v) for v in run_axe(page)]
    finally:
        page.close()
    assert not errors, f"errors in {spec.name}: {errors}"
    return found


def summary(found: list[tuple[str, Violation]]) -> str:
    """Every level, one line per rule: impact, rule, elements, where (printed with pytest -s)."""
    where: dict[tuple[str, str], set[str]] = defaultdict(set)
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for place, violation in found:
        where[(violation.impact, violation.rule)].add(place)
        counts[(violation.impact, violation.rule)] += len(violation.targets)
    return "\n".join(
        f"{impact:9} {rule:32} {counts[(impact, rule)]:4}  {', '.join(sorted(where[(impact, rule)]))}"
        for impact, rule in sorted(where)
    )


@pytest.mark.parametrize("spec", PAGES, ids=[spec.name for spec in PAGES])
def test_no_serious_or_critical_accessibility_violation(day: Day, spec: Page) -> None:
    found = check(day, spec)
    if found:
        print(f"\n{spec.name}:\n{summary(found)}")
    bad = [(where, v) for where, v in found if v in failing([v])]
    assert not bad, "axe found serious or critical violations:\n" + "\n".join(v.describe(w) for w, v in bad)


def test_the_checker_sees_a_violation_when_there_is_one(day: Day) -> None:
    """The harness is not blind: grey on grey and a button without a name are reported, at their levels."""
    page = day.contexts["public"].new_page()
    try:
        page.goto(day.server.http + "/")
        # Through the DevTools protocol, like axe itself: the page's CSP forbids inline styles.
        page.evaluate("""() => {
            const faint = document.createElement('p')
            faint.textContent = 'Texte presque invisible'
            faint.style.setProperty('color', '#bbbbbb')
            const mute = document.createElement('button')
            mute.append(document.createElement('span'))
            document.querySelector('main').append(faint, mute)
        }""")
        rules = {v.rule: v.impact for v in failing(run_axe(page))}
    finally:
        page.close()
    assert rules.get("color-contrast") == "serious"
    assert rules.get("button-name") == "critical"
