"""Opening an invitation link in a browser: the session cookie, the landing page, shared links, CSRF."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.support.access import handshake_status, knock
from tests.support.congress import Congress
from tests.support.server import ServerProcess

pytestmark = pytest.mark.anyio


@pytest.fixture
def proxied(tmp_path: Path) -> Iterator[ServerProcess]:
    """Behind a TLS-terminating proxy that says so with X-Forwarded-Proto (trusted from 127.0.0.1)."""
    server = ServerProcess(tmp_path / "data", args=("--proxy-headers",)).start()
    yield server
    server.stop()


def _cookie_attributes(response: httpx.Response) -> dict[str, str]:
    header = response.headers["set-cookie"]
    parts = [p.strip() for p in header.split(";")]
    name, _, value = parts[0].partition("=")
    assert name == "ubiquite_session" and len(value) >= 40
    return {k.lower(): v for k, _, v in (p.partition("=") for p in parts[1:])}


async def test_opening_a_link_gives_an_httponly_samesite_session_cookie(congress: Congress) -> None:
    token = congress.invite("participant", "Aline Martin")
    async with httpx.AsyncClient(base_url=congress.server.http) as http:
        response = await http.get(f"/i/{token}")
    assert response.status_code == 303
    assert response.headers["location"] == f"/c/{congress.slug}"
    assert response.headers["referrer-policy"] == "same-origin"  # the link never leaves as a Referer
    attributes = _cookie_attributes(response)
    assert "httponly" in attributes
    assert attributes["samesite"].lower() == "lax"
    assert attributes["path"] == "/"
    assert int(attributes["max-age"]) > 3600
    assert "secure" not in attributes  # plain http: a Secure cookie would never come back


async def test_the_cookie_is_secure_over_https(proxied: ServerProcess) -> None:
    token = proxied.congress().invite()
    async with httpx.AsyncClient(base_url=proxied.http) as http:
        response = await http.get(f"/i/{token}", headers={"X-Forwarded-Proto": "https"})
    assert "secure" in _cookie_attributes(response)


async def test_the_session_opens_the_congress_page_and_its_rooms(congress: Congress) -> None:
    token = congress.invite("participant", "Aline Martin")
    async with httpx.AsyncClient(base_url=congress.server.http) as http:
        opened = await http.get(f"/i/{token}")
        secret = opened.cookies["ubiquite_session"]
        page = await http.get(f"/c/{congress.slug}")
        assert page.status_code == 200
        assert "Aline Martin" in page.text and f"/c/{congress.slug}/motion" in page.text
        assert "ws://" not in page.text  # the technical addresses are the organisers' (docs/organisers.md)
        assert "/organisation" not in page.text  # not an organiser
        english = await http.get(f"/c/{congress.slug}", headers={"Accept-Language": "en-GB,en;q=0.9"})
        assert "You are" in english.text
        anonymous = await httpx.AsyncClient(base_url=congress.server.http).get(f"/c/{congress.slug}")
        assert anonymous.status_code == 401 and "huis clos" in anonymous.text
    url = congress.server.ws(congress.room("mindmap"))
    assert (await knock(url, cookie=secret, origin=congress.server.http)).synced
    # Another site's page in the same browser would send the cookie too: its Origin gives it away.
    assert await handshake_status(url, "https://evil.example", cookie=secret) == 403
    other = congress.server.congress()
    assert (await knock(other.server.ws(other.room()), cookie=secret)).close_code == 4403


async def test_an_organiser_lands_on_the_organiser_page(congress: Congress) -> None:
    token = congress.invite("organiser", "Olga Orga")
    async with httpx.AsyncClient(base_url=congress.server.http, follow_redirects=True) as http:
        response = await http.get(f"/i/{token}")
        assert response.url.path == f"/c/{congress.slug}/organisation"
        assert "Organisation du congrès" in response.text
        assert "organiser.js" in response.text and "<script>" not in response.text
        script = await http.get("/static/organiser.js")
        assert script.status_code == 200 and "X-Ubiquite-Request" in script.text


async def test_cookie_changes_need_the_csrf_header_and_an_allowed_origin(congress: Congress) -> None:
    token = congress.invite("organiser", "Olga Orga")
    route = f"/api/congresses/{congress.slug}/participants"
    person = {"name": "Paul Durand", "role": "participant", "commune": "Brest", "department": "29"}
    async with httpx.AsyncClient(base_url=congress.server.http) as http:
        await http.get(f"/i/{token}")
        assert (await http.get(route)).status_code == 200  # reading needs no header
        assert (await http.post(route, json=person)).status_code == 403
        evil = {"X-Ubiquite-Request": "1", "Origin": "https://evil.example"}
        assert (await http.post(route, json=person, headers=evil)).status_code == 403
        good = {"X-Ubiquite-Request": "1", "Origin": congress.server.http}
        created = await http.post(route, json=person, headers=good)
        assert created.status_code == 201, created.text
        assert created.json()["link"].startswith(f"{congress.server.http}/i/")
        assert (await http.post(route, json=person, headers=good)).status_code == 400  # already registered


async def test_signing_out_ends_the_session_and_closes_its_sockets(congress: Congress) -> None:
    token = congress.invite()
    async with httpx.AsyncClient(base_url=congress.server.http) as http:
        await http.get(f"/i/{token}")
        secret = http.cookies["ubiquite_session"]
        open_socket = await knock(congress.server.ws(congress.room()), cookie=secret)
        assert open_socket.synced
        assert (await http.post("/logout")).status_code == 403  # a form post always has an Origin
        response = await http.post("/logout", headers={"Origin": congress.server.http})
        assert response.status_code == 200 and 'ubiquite_session=""' in response.headers["set-cookie"]
        assert response.headers["clear-site-data"] == '"cache", "storage"'  # shared laptops
    assert await open_socket.client.wait_closed(timeout=5) == 4401
    assert (await knock(congress.server.ws(congress.room()), cookie=secret)).close_code == 4401


async def test_a_shared_link_lets_each_person_choose_their_name_once(congress: Congress) -> None:
    organiser = congress.invite("organiser")
    auth = {"Authorization": f"Bearer {organiser}"}
    async with httpx.AsyncClient(base_url=congress.server.http) as http:
        created = await http.post(
            f"/api/congresses/{congress.slug}/invitations",
            json={"role": "observateur", "names": ["Le Monde", "Ouest-France"]},
            headers=auth,
        )
        assert created.status_code == 201, created.text
        link = created.json()["link"]
        token = link.rsplit("/", 1)[1]
        chooser = await http.get(link)
        assert chooser.status_code == 200 and "Le Monde" in chooser.text and "Ouest-France" in chooser.text
        (choice,) = re.findall(r'value="(\d+)" required> Le Monde', chooser.text)
        origin = {"Origin": congress.server.http}
        claimed = await http.post(link, content=f"participant={choice}", headers=origin)
        assert claimed.status_code == 303 and claimed.headers["location"] == f"/c/{congress.slug}"
        secret = claimed.cookies["ubiquite_session"]
        again = await http.post(link, content=f"participant={choice}", headers=origin)
        assert again.status_code == 409
        assert "Le Monde" not in (await http.get(link)).text
    press = await knock(congress.server.ws(congress.room()), cookie=secret)
    assert press.synced
    await press.client.close()
    # The shared token names nobody, so a program cannot use it as an identity.
    assert (await knock(f"{congress.server.ws(congress.room())}?token={token}")).close_code == 4401


async def test_opening_someone_elses_link_asks_before_switching(congress: Congress) -> None:
    """Issue 12, item 10 (login CSRF): a link on another site must not silently sign an organiser in
    as someone else. The page says who one is and who one would be; only our own form switches."""
    organiser = congress.invite("organiser", "Olga Orga")
    other = congress.invite("participant", "Paul Durand")
    link = f"/i/{other}"
    async with httpx.AsyncClient(base_url=congress.server.http) as http:
        await http.get(f"/i/{organiser}")
        mine = http.cookies["ubiquite_session"]
        asked = await http.get(link, headers={"Sec-Fetch-Site": "cross-site"})
        assert asked.status_code == 200 and "set-cookie" not in asked.headers
        assert (
            "Vous êtes connecté·e en tant que Olga Orga. "
            "Ouvrir ce lien vous connectera en tant que Paul Durand."
        ) in asked.text
        assert f'href="/c/{congress.slug}/organisation"' in asked.text  # the way back
        assert 'name="switch" value="1"' in asked.text and asked.headers["cache-control"] == "no-store"
        english = await http.get(link + "?lang=en")
        assert (
            "You are signed in as Olga Orga. Opening this link will sign you in as Paul Durand."
            in english.text
        )
        assert (await http.get(f"/c/{congress.slug}/organisation")).status_code == 200  # still the organiser

        for refused in ({"Origin": "https://evil.example"}, {}):  # a cross-site form; no Origin at all
            answer = await http.post(link, content="switch=1", headers=refused)
            assert answer.status_code == 403 and "set-cookie" not in answer.headers
        assert http.cookies["ubiquite_session"] == mine

        switched = await http.post(link, content="switch=1", headers={"Origin": congress.server.http})
        assert switched.status_code == 303 and switched.headers["location"] == f"/c/{congress.slug}"
        assert http.cookies["ubiquite_session"] != mine
        assert (await http.get(f"/c/{congress.slug}/organisation")).status_code == 403  # Paul now
        again = await http.get(link)  # the same person's link again: straight in, as before
        assert again.status_code == 303 and again.headers["location"] == f"/c/{congress.slug}"


async def test_a_revoked_link_no_longer_opens(congress: Congress) -> None:
    organiser = congress.invite("organiser")
    token = congress.invite()
    auth = {"Authorization": f"Bearer {organiser}"}
    invitation_id = token.split(".")[0]
    async with httpx.AsyncClient(base_url=congress.server.http) as http:
        revoked = await http.post(
            f"/api/congresses/{congress.slug}/invitations/{invitation_id}/revoke", headers=auth
        )
        assert revoked.status_code == 200
        response = await http.get(f"/i/{token}")
    assert response.status_code == 401 and "revoked" in response.text
    assert "set-cookie" not in response.headers
