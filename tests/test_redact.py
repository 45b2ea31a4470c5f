"""Tokens stay out of the logs however the query string spells their name (issue 12, item 11)."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from server.auth.redact import redact
from tests.support.access import knock
from tests.support.congress import Congress


@pytest.mark.parametrize(
    "spelled",
    ["token", "%74oken", "%74%6F%6B%65%6E", "t%6fken", "toke%6E", "%54OKEN"],
)
def test_a_percent_encoded_token_name_is_redacted(spelled: str) -> None:
    line = f'"WebSocket /ws/a.motion?x=1&{spelled}=abc.def-ghi&y=2" [accepted]'
    assert redact(line) == f'"WebSocket /ws/a.motion?x=1&{spelled}=[redacted]&y=2" [accepted]'


def test_an_encoded_invitation_path_is_redacted() -> None:
    assert redact("GET /%69/abc.def HTTP/1.1") == "GET /%69/[redacted] HTTP/1.1"
    assert redact("GET /i%2Fabc.def") == "GET /i%2F[redacted]"


def test_other_parameters_are_kept() -> None:
    assert redact("/ws/a.motion?tokens_left=3&lang=en") == "/ws/a.motion?tokens_left=3&lang=en"


@pytest.mark.anyio
async def test_an_encoded_token_name_that_authenticates_is_not_logged(congress: Congress) -> None:
    token = congress.invite("participant")
    url = f"{congress.server.ws(congress.room())}?%74oken={quote(token)}"
    joined = await knock(url)
    assert joined.synced  # Starlette decodes the name: this is a working credential
    await joined.client.close()
    log = congress.server.log()
    assert "%74oken=[redacted]" in log
    assert token not in log
