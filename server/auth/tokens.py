"""Invitation tokens (signed, expiring) and session secrets (random, stored only as a hash).

An invitation token is `{id}.{expires}.{signature}`: the invitation's random id,
its expiry in unix seconds (base 36), and an HMAC-SHA256 of both under a key
derived from SECRET_KEY. Every character is URL-safe, so a token travels in a
path (`/i/TOKEN`), a query string (`?token=`) or a Bearer header unchanged. A
forged or altered token is refused without touching the database; a valid one
is then looked up, because only the database knows about revocation.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass

_TOKEN = re.compile(r"([A-Za-z0-9_-]{16})\.([0-9a-z]{1,10})\.([A-Za-z0-9_-]{43})")


class TokenError(ValueError):
    """The token is malformed or its signature does not match: someone made it up or altered it."""


@dataclass(frozen=True, slots=True)
class InvitationClaim:
    invitation_id: str
    expires_at: int


class TokenSigner:
    def __init__(self, secret_key: str) -> None:
        if not secret_key:
            raise ValueError("a secret key is needed to sign invitations")
        # A key of its own, so a signature made here is worth nothing anywhere else.
        self._key = hmac.new(secret_key.encode(), b"ubiquite/invitation/v1", hashlib.sha256).digest()

    def sign(self, invitation_id: str, expires_at: int) -> str:
        body = f"{invitation_id}.{_base36(expires_at)}"
        return f"{body}.{self._signature(body)}"

    def verify(self, token: str) -> InvitationClaim:
        """Check the shape and signature; expiry and revocation are the caller's to check."""
        match = _TOKEN.fullmatch(token)
        if match is None:
            raise TokenError("malformed token")
        invitation_id, expires, signature = match.groups()
        if not hmac.compare_digest(signature, self._signature(f"{invitation_id}.{expires}")):
            raise TokenError("bad signature")
        return InvitationClaim(invitation_id, int(expires, 36))

    def _signature(self, body: str) -> str:
        digest = hmac.new(self._key, body.encode(), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def new_invitation_id() -> str:
    return secrets.token_urlsafe(12)  # 16 characters, 96 random bits


def new_session_secret() -> str:
    return secrets.token_urlsafe(32)


def session_id(secret: str) -> str:
    """What the database keeps of a session cookie: its hash, so a copy of the database opens nothing."""
    return hashlib.sha256(secret.encode()).hexdigest()


def _base36(number: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    if number <= 0:
        return "0"
    out = ""
    while number:
        number, rest = divmod(number, 36)
        out = digits[rest] + out
    return out
