"""The printable invitations (/c/{slug}/organisation/invitations): every person not revoked on a card
with their link as a QR code drawn on the server, filtered by site, role or person, for organisers only."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from starlette.routing import Route
from starlette.testclient import TestClient

from server.app import create_app, routes
from server.congress.domain import Role, Site
from server.congress.provision import admin
from server.settings import Settings
from server.web import guards
from server.web.guards import access_of

SHEET = "/c/feuille/organisation/invitations"
CARD = re.compile(r'<article class="invitation">(.*?)</article>', re.S)


@dataclass
class Sheet:
    client: TestClient
    tokens: dict[str, str]
    ids: dict[str, int]

    def get(self, who: str | None, query: str = "") -> tuple[int, str]:
        headers = {"Authorization": f"Bearer {self.tokens[who]}"} if who else {}
        answer = self.client.get(SHEET + query, headers=headers)
        return answer.status_code, answer.text


@pytest.fixture(scope="module")
def sheet(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sheet]:
    settings = Settings.from_env(
        {"UBIQUITE_DATA_DIR": str(tmp_path_factory.mktemp("sheet")), "SECRET_KEY": "sheet-tests"}
    )
    with admin(settings) as setup:
        congress = setup.ensure_congress("feuille", "Congrès de la feuille")
        invited = {
            "organiser": setup.invite(congress, Role.ORGANISER, "Olga Organise"),
            "participant": setup.invite(congress, Role.PARTICIPANT, "Paul Participe"),
            "remote": setup.invite(congress, Role.PARTICIPANT, "Rita Distante", Site.REMOTE),
            "observer": setup.invite(congress, Role.OBSERVER, "Le Journal"),
            "revoked": setup.invite(congress, Role.PARTICIPANT, "Victor Révoqué"),
        }
        setup.organising.invite_group(congress, Role.OBSERVER, ["La Gazette"])
        revoked = invited["revoked"].person
        assert revoked is not None and revoked.id is not None
        setup.directory.revoke_participant(revoked.id)
    tokens = {who: i.token for who, i in invited.items()}
    ids = {who: i.person.id for who, i in invited.items() if i.person and i.person.id}
    with TestClient(create_app(settings), follow_redirects=False) as client:
        yield Sheet(client, tokens, ids)


def _cards(page: str) -> dict[str, str]:
    """Each card's person (its heading) → the card's HTML."""
    found = {}
    for card in CARD.findall(page):
        name = re.search(r'<h2 class="invitation-name">(.*?)</h2>', card)
        assert name is not None
        found[name.group(1)] = card
    return found


def test_the_sheet_lists_everyone_not_revoked_each_with_a_qr_code_of_their_link(sheet: Sheet) -> None:
    status, page = sheet.get("organiser")
    assert status == 200
    cards = _cards(page)
    assert set(cards) == {"Olga Organise", "Paul Participe", "Rita Distante", "Le Journal", "La Gazette"}
    for name, card in cards.items():
        assert '<svg role="img" viewBox=' in card and "<path" in card, name
        title = re.search(r"<title>Code QR du lien d(?:'|&#39;|&#x27;)invitation de (.*?)</title>", card)
        assert title is not None and title.group(1) == name, name
        assert "http://testserver/i/" in card, name
    assert sheet.tokens["remote"] in cards["Rita Distante"]  # their own link, the one in the code
    assert "choisissez votre nom" in cards["La Gazette"]  # a shared link says how it works
    assert "Victor" not in page
    assert page.count('class="sheet-page"') == 1  # eight cards to an A4 sheet


def test_the_sheet_filters_by_site_role_and_person(sheet: Sheet) -> None:
    assert set(_cards(sheet.get("organiser", "?site=remote")[1])) == {"Rita Distante"}
    assert "Rita Distante" not in _cards(sheet.get("organiser", "?site=on_site")[1])
    assert set(_cards(sheet.get("organiser", "?role=observer")[1])) == {"Le Journal", "La Gazette"}
    one = sheet.get("organiser", f"?person={sheet.ids['participant']}")[1]
    assert set(_cards(one)) == {"Paul Participe"}
    english = sheet.get("organiser", "?lang=en&site=remote")[1]
    assert '<html lang="en">' in english and "QR code of Rita Distante" in english


def test_a_filter_the_sheet_does_not_know_is_refused(sheet: Sheet) -> None:
    for query in ("?site=moon", "?role=king", "?person=abc", "?person=-1", f"?person={sheet.ids['revoked']}"):
        status, page = sheet.get("organiser", query)
        assert status == 400, query
        assert "<svg" not in page, query


def test_only_the_congress_organisers_open_it(sheet: Sheet) -> None:
    (route,) = [
        r for r in routes() if isinstance(r, Route) and r.path == "/c/{slug}/organisation/invitations"
    ]
    assert access_of(route.endpoint) == guards.ORGANISER
    assert sheet.get(None)[0] == 401
    for who in ("participant", "remote", "observer", "revoked"):
        status, page = sheet.get(who)
        assert status in (401, 403), who
        assert "/i/" not in page and "<svg" not in page, who
