"""The HTTP edge's rules, each written once: guards, the answer of each error, parameters and their ranges."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from starlette.requests import Request
from starlette.responses import Response

from server.archive.format import ArchiveRefused
from server.congress.csv_import import RowError
from server.congress.service import ImportRefused as PeopleRefused
from server.contributions.classifier import ClassificationBusy
from server.contributions.service import PhaseClosed
from server.errors import (
    BadRequest,
    Conflict,
    CrossSite,
    DomainError,
    DoorUnavailable,
    NotFound,
    NotYourCongress,
    OrganisersOnly,
    TooMany,
    Unauthorized,
)
from server.publication.formats import FormatUnavailable, UnknownFormat
from server.web.errors import body_of, status_of
from server.web.language import language, remember
from server.web.params import BIGGEST, integer, optional_integer
from tests.support.site import Site, open_site

TOO_BIG = str(2**63)  # one past what a database integer holds
API = "/api/congresses/edge"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    yield from open_site(tmp_path_factory.mktemp("edge"))


# -- the error table -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("error", "status"),
    [
        (Unauthorized("no"), 401),
        (OrganisersOnly(), 403),
        (NotYourCongress(), 403),
        (CrossSite(), 403),
        (TooMany("slow down"), 429),
        (DoorUnavailable("later"), 503),
        (DomainError("a rule"), 400),
        (BadRequest("unreadable"), 400),
        (NotFound("nothing"), 404),
        (UnknownFormat("odt"), 404),
        (PhaseClosed("closed"), 403),
        (ClassificationBusy("busy"), 409),
        (Conflict("taken"), 409),
        (PeopleRefused([RowError(3, "no name")]), 422),
        (ArchiveRefused("not a zip"), 422),
        (FormatUnavailable("no fonts"), 503),
    ],
)
def test_each_error_has_one_status(error: Exception, status: int) -> None:
    assert status_of(error) == status
    assert body_of(error)["error"]


def test_refused_imports_say_which_rows_and_archives_that_nothing_was_imported() -> None:
    assert body_of(PeopleRefused([RowError(3, "no name")]))["rows"] == [{"line": 3, "reason": "no name"}]
    assert body_of(ArchiveRefused("bad"))["imported"] is False


def test_the_api_answers_json_and_a_browser_gets_a_page(site: Site) -> None:
    api = site.client.get(API, headers=site.bearer(site.participant))
    assert api.status_code == 403 and api.json() == {"error": "organisers only"}
    page = site.client.get("/c/edge/organisation", headers=site.bearer(site.participant))
    assert page.status_code == 403 and page.headers["content-type"].startswith("text/html")
    assert "réservée à l&#39;équipe" in page.text
    download = site.client.get("/p/edge/motion.odt")
    assert download.status_code == 404 and "error" in download.json()


# -- guards --------------------------------------------------------------------------------


def test_the_organiser_guard(site: Site) -> None:
    assert site.client.get(API).status_code == 401
    assert site.client.get(API, headers=site.bearer(site.participant)).status_code == 403
    assert site.client.get(API, headers=site.bearer(site.stranger)).json() == {"error": "not your congress"}
    assert site.client.get(API, headers=site.bearer(site.organiser)).status_code == 200


def test_the_member_guard(site: Site) -> None:
    path = API + "/contributions"
    assert site.client.get(path).status_code == 401
    assert site.client.get(path, headers=site.bearer(site.stranger)).status_code == 403
    assert site.client.get(path, headers=site.bearer(site.participant)).status_code == 200
    assert site.client.get("/c/edge", headers=site.bearer(site.stranger)).status_code == 403


def test_a_cookie_needs_the_same_site_header_to_change_anything(site: Site) -> None:
    client = site.client
    opened = client.get(f"/i/{site.participant}")
    assert opened.status_code == 303 and "ubiquite_session" in client.cookies
    try:
        data = {"title": "Une idée", "text": "Du texte"}
        refused = client.post(API + "/contributions", json=data)
        assert refused.status_code == 403 and refused.json() == {"error": "cross-site request refused"}
        headers = {"X-Ubiquite-Request": "1", "Origin": "http://testserver"}
        assert client.post(API + "/contributions", json=data, headers=headers).status_code == 201
        assert client.get(API + "/contributions").status_code == 200  # reading needs no header
        # The sign-out form is ours only when the browser says so.
        form = client.post("/logout", headers={"Origin": "https://elsewhere.example"})
        assert form.status_code == 403 and "autre site" in form.text
    finally:
        client.cookies.clear()


# -- parameters ----------------------------------------------------------------------------


def test_integers_are_read_once_with_their_range() -> None:
    assert integer("12", "position") == 12
    assert integer(7, "k", 1, 30) == 7
    assert optional_integer("", "author") is None
    assert integer(str(BIGGEST), "position") == BIGGEST
    for bad in (TOO_BIG, "-1", "1e3", "douze", True, "9" * 40):
        with pytest.raises(BadRequest):
            integer(bad, "position")


@pytest.mark.parametrize(
    "path",
    [
        f"{API}/history/at?position={TOO_BIG}",
        f"{API}/history/at?position=v{TOO_BIG}",
        f"{API}/history/at?version={TOO_BIG}",
        f"{API}/history/diff?from=0&to={TOO_BIG}",
        f"{API}/motion.md?version={TOO_BIG}",
        f"{API}/motion.md?named={TOO_BIG}",
        f"{API}/contributions?author={TOO_BIG}",
    ],
)
def test_numbers_no_database_can_hold_are_a_400_with_a_reason(site: Site, path: str) -> None:
    response = site.client.get(path, headers=site.bearer(site.organiser))
    assert response.status_code == 400, response.text
    assert response.json()["error"]


def test_too_big_ids_in_paths_and_bodies_are_a_400_too(site: Site) -> None:
    organiser = site.bearer(site.organiser)
    revoke = site.client.post(f"{API}/participants/{TOO_BIG}/revoke", headers=organiser)
    assert revoke.status_code == 400 and "participant id" in revoke.json()["error"]
    link = site.client.post(f"{API}/participants/{TOO_BIG}/invitations", headers=organiser)
    assert link.status_code == 400
    named = site.client.post(f"{API}/publication", json={"named": int(TOO_BIG)}, headers=organiser)
    assert named.status_code == 400
    version = site.client.post(
        f"{API}/history/versions", json={"name": "x", "position": 2**64}, headers=organiser
    )
    assert version.status_code == 400
    restore = site.client.post(f"{API}/history/restore", json={"position": 2**64}, headers=organiser)
    assert restore.status_code == 400
    claim = site.client.post(f"/i/{site.shared}", content=f"participant={TOO_BIG}".encode(),
                             headers={"Origin": "http://testserver",
                                      "Content-Type": "application/x-www-form-urlencoded"})  # fmt: skip
    assert claim.status_code == 400


# -- language ------------------------------------------------------------------------------


def _request(query: str = "", cookie: str = "", accept: str = "") -> Request:
    headers = [(b"accept-language", accept.encode())] if accept else []
    if cookie:
        headers.append((b"cookie", f"ubiquite_lang={cookie}".encode()))
    return Request(
        {"type": "http", "method": "GET", "path": "/", "query_string": query.encode(), "headers": headers}
    )


def test_one_language_choice_query_then_cookie_then_browser() -> None:
    assert language(_request()) == "fr"
    assert language(_request(accept="de-DE, en;q=0.8, fr;q=0.5")) == "en"
    assert language(_request(accept="fr-CH, en;q=0.9")) == "fr"
    assert language(_request(cookie="en", accept="fr")) == "en"
    assert language(_request("lang=fr", cookie="en", accept="en")) == "fr"
    assert language(_request("lang=de", accept="en")) == "en"  # an unknown choice is no choice
    response = Response()
    remember(_request("lang=en"), response)
    assert "ubiquite_lang=en" in response.headers["set-cookie"]
    untouched = Response()
    remember(_request(cookie="en"), untouched)
    assert "set-cookie" not in untouched.headers
