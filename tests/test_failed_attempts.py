"""Junk credentials from one address slow the guessing, not the guests behind it (issue 12, item 2)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.support.access import knock
from tests.support.server import ServerProcess

pytestmark = pytest.mark.anyio


@pytest.fixture
def venue(tmp_path: Path) -> Iterator[ServerProcess]:
    """A server whose whole audience shares one address (127.0.0.1, as behind the venue's NAT)."""
    env = {"UBIQUITE_FAILED_ATTEMPTS": "20", "UBIQUITE_FAILED_ATTEMPT_DELAY": "0.05"}
    process = ServerProcess(tmp_path / "data", env=env).start()
    yield process
    process.stop()


async def test_junk_from_the_venue_address_does_not_lock_valid_people_out(venue: ServerProcess) -> None:
    congress = venue.congress()
    link_token = congress.invite("participant", "Aline")
    session_token = congress.invite("participant", "Bruno")
    async with httpx.AsyncClient(base_url=venue.http) as http:
        bruno = await http.get(f"/i/{session_token}")  # Bruno signed in before the junk started
        assert bruno.status_code == 303
        cookie = bruno.cookies["ubiquite_session"]
        statuses = [(await http.get(f"/i/junk-{n}")).status_code for n in range(25)]
        assert statuses[:20] == [401] * 20 and set(statuses[20:]) == {429}  # the guessing is slowed
        junk_socket = await knock(congress.url(token="junk"))
        assert junk_socket.close_code == 4429
        junk_cookie = await knock(venue.ws(congress.room()), cookie="junk")
        assert junk_cookie.close_code == 4429

        # Same address, valid credentials: the invitation link, the session cookie, a token socket.
        http.cookies.clear()  # Aline's own browser: with Bruno's session it would ask before switching
        aline = await http.get(f"/i/{link_token}")
        assert aline.status_code == 303 and "ubiquite_session" in aline.cookies
    async with httpx.AsyncClient(base_url=venue.http, cookies={"ubiquite_session": cookie}) as signed_in:
        assert (await signed_in.get(f"/c/{congress.slug}")).status_code == 200
    by_cookie = await knock(venue.ws(congress.room()), cookie=cookie)
    assert by_cookie.synced
    await by_cookie.client.close()
    by_token = await knock(congress.url(token=link_token))
    assert by_token.synced
    await by_token.client.close()
    assert "past the limit: answered late" in venue.log()
