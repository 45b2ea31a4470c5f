"""server.auth: signed invitation tokens, failed-attempt windows, origin rules, log redaction."""

from __future__ import annotations

import asyncio
import logging

import pytest

from server.auth.attempts import FailedAttempts
from server.auth.origin import OriginPolicy
from server.auth.redact import RedactSecrets
from server.auth.tokens import TokenError, TokenSigner, new_invitation_id, session_id


def test_a_signed_token_verifies_and_says_when_it_expires() -> None:
    signer = TokenSigner("secret")
    invitation = new_invitation_id()
    claim = signer.verify(signer.sign(invitation, 1_900_000_000))
    assert (claim.invitation_id, claim.expires_at) == (invitation, 1_900_000_000)


@pytest.mark.parametrize("part", [0, 1, 2])
def test_changing_any_part_breaks_the_signature(part: int) -> None:
    signer = TokenSigner("secret")
    pieces = signer.sign(new_invitation_id(), 1_900_000_000).split(".")
    pieces[part] = pieces[part][:-1] + ("a" if pieces[part][-1] != "a" else "b")
    with pytest.raises(TokenError):
        signer.verify(".".join(pieces))


def test_another_key_or_garbage_is_refused() -> None:
    token = TokenSigner("secret").sign(new_invitation_id(), 1_900_000_000)
    with pytest.raises(TokenError):
        TokenSigner("another secret").verify(token)
    for garbage in ("", "abc", "a.b.c", token + "x", token.replace(".", "..", 1)):
        with pytest.raises(TokenError):
            TokenSigner("secret").verify(garbage)


def test_sessions_are_stored_as_hashes() -> None:
    assert session_id("abc") != "abc" and len(session_id("abc")) == 64


def test_failed_attempts_slide_out_of_the_window() -> None:
    attempts = FailedAttempts(limit=3, window=10.0)
    for t in (0.0, 1.0, 2.0):
        attempts.record("10.0.0.1", now=t)
    assert attempts.over_limit("10.0.0.1", now=5.0)
    assert not attempts.over_limit("10.0.0.2", now=5.0)
    assert not attempts.over_limit("10.0.0.1", now=11.5)


def test_failed_attempts_keep_bounded_memory_per_address() -> None:
    attempts = FailedAttempts(limit=3, window=1000.0)
    counts = [attempts.record("10.0.0.1", now=float(t)) for t in range(10_000)]
    assert counts[:4] == [1, 2, 3, 4] and set(counts[4:]) == {4}  # limit + 1 kept, no more
    assert attempts.over_limit("10.0.0.1", now=10_000.0)


@pytest.mark.anyio
async def test_refusals_wait_only_up_to_a_cap() -> None:
    attempts = FailedAttempts(limit=1, window=60.0, delay=0.2, max_held_per_address=2, max_held=3)
    waited = await asyncio.gather(*(attempts.hold("10.0.0.1") for _ in range(4)), attempts.hold("10.0.0.2"))
    assert sorted(waited) == [False, False, True, True, True]  # two for .1, one for .2, then the cap
    assert await attempts.hold("10.0.0.1")  # released once answered


def test_origin_rules() -> None:
    policy = OriginPolicy(["https://congres.example.org"])
    assert policy.allows(None, "ws", "127.0.0.1:8000")  # a program, not a browser
    assert policy.allows("http://127.0.0.1:8000", "ws", "127.0.0.1:8000")  # the server's own origin
    assert policy.allows("https://congres.example.org/", "ws", "internal:8000")
    assert policy.allows("https://x.example", "wss", "x.example")
    assert not policy.allows("http://x.example", "wss", "x.example")  # scheme counts
    assert not policy.allows("https://evil.example", "ws", "127.0.0.1:8000")
    assert not policy.allows("null", "ws", "127.0.0.1:8000")


def test_uvicorn_handshake_lines_lose_their_token() -> None:
    record = logging.LogRecord(
        "uvicorn.error",
        logging.INFO,
        __file__,
        1,
        '%s - "WebSocket %s" [accepted]',
        ("127.0.0.1:5", "/ws/a.motion?token=abc.def.ghi&x=1"),
        None,
    )
    RedactSecrets().filter(record)
    assert record.getMessage() == '127.0.0.1:5 - "WebSocket /ws/a.motion?token=[redacted]&x=1" [accepted]'
