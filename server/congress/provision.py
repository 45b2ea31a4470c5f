"""Setting a congress up from outside the server: the command line, the benchmark and the tests.

They open the same database and secret key as the server (DATABASE_URL,
UBIQUITE_DATA_DIR, SECRET_KEY) through the same composition root
(server/app.py `offline_services`), so what they create is what the server
checks, whether it is running or not.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from server.congress.directory import Directory
from server.congress.domain import NewParticipant, Role, Site
from server.congress.models import CongressRow
from server.congress.service import Invited, Organising
from server.settings import Settings
from server.store.base import Store

if TYPE_CHECKING:  # types only: server.auth imports this package, not the other way round
    from server.app import Services
    from server.auth.access import AccessService


@dataclass(frozen=True)
class Admin:
    services: Services

    @property
    def settings(self) -> Settings:
        return self.services.settings

    @property
    def store(self) -> Store:
        return self.services.store

    @property
    def directory(self) -> Directory:
        return self.services.directory

    @property
    def access(self) -> AccessService:
        return self.services.door.access

    @property
    def organising(self) -> Organising:
        return self.services.organising

    def link(self, token: str) -> str:
        return f"{self.settings.base_url}/i/{token}"

    def ensure_congress(self, slug: str, title: str | None = None) -> CongressRow:
        return self.directory.congress(slug) or self.directory.create_congress(slug, title or slug)

    def invite(self, congress: CongressRow, role: Role, name: str, site: Site = Site.ON_SITE) -> Invited:
        """A link for `name`: the registered person of that name and role if there is one, else a new one."""
        assert congress.id is not None
        for person in self.directory.participants(congress.id):
            if person.name == name and person.role == role.value and person.revoked_at is None:
                return self.organising.invite_person(person)
        return self.organising.add_person(congress, NewParticipant(name=name, role=role, site=site))


@contextlib.contextmanager
def admin(settings: Settings | None = None) -> Iterator[Admin]:
    from server.app import offline_services  # the composition root imports every route; only when used

    with offline_services(settings or Settings.from_env()) as services:
        yield Admin(services)


def mint_tokens(
    slug: str, names: list[str], role: Role = Role.PARTICIPANT, settings: Settings | None = None
) -> list[str]:
    """Create congress `slug` if absent and return one invitation token per name (for the benchmark)."""
    with admin(settings) as setup:
        congress = setup.ensure_congress(slug)
        return [setup.invite(congress, role, name).token for name in names]
