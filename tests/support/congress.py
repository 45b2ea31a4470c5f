"""A congress of the real server for tests: its rooms and invitation tokens, made as an organiser would.

It writes to the server's own database with the same code as `ubiquite invite`
(server.congress.provision), so every test goes through the real closed door.
"""

from __future__ import annotations

import contextlib
import itertools
import uuid
from typing import TYPE_CHECKING
from urllib.parse import quote

from server.congress.domain import Role, Site
from server.congress.provision import Admin, admin
from server.settings import Settings

if TYPE_CHECKING:
    from tests.support.server import ServerProcess

_people = itertools.count(1)


class Congress:
    def __init__(self, server: ServerProcess, slug: str | None = None, title: str | None = None) -> None:
        self.server = server
        self.slug = slug or f"c-{uuid.uuid4().hex[:10]}"
        with self._admin() as setup:
            setup.ensure_congress(self.slug, title)

    def _admin(self) -> contextlib.AbstractContextManager[Admin]:
        return admin(Settings.from_env(self.server.env))

    def room(self, kind: str = "motion") -> str:
        return f"{self.slug}.{kind}"

    def invite(self, role: str = "participant", name: str | None = None, site: str = "on_site") -> str:
        """A token for a new person (or the named one) of this congress."""
        return self.invite_many(1, role, name, site)[0]

    def invite_many(
        self, count: int, role: str = "participant", name: str | None = None, site: str = "on_site"
    ) -> list[str]:
        with self._admin() as setup:
            congress = setup.ensure_congress(self.slug)
            names = [name] * count if name else [f"Personne {next(_people)}" for _ in range(count)]
            return [setup.invite(congress, Role(role), n, Site(site)).token for n in names]

    def url(self, kind: str = "motion", role: str = "participant", token: str | None = None) -> str:
        """The WebSocket address of a document, with a token for a new person unless one is given."""
        token = token or self.invite(role)
        return f"{self.server.ws(self.room(kind))}?token={quote(token)}"

    def link(self, token: str) -> str:
        return f"{self.server.http}/i/{token}"
