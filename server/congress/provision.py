"""Setting a congress up from outside the server: the command line, the benchmark and the tests.

They open the same database and secret key as the server (DATABASE_URL,
UBIQUITE_DATA_DIR, SECRET_KEY), so what they create is what the server checks,
whether it is running or not.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass

from server.auth.access import AccessService
from server.auth.tokens import TokenSigner
from server.congress.directory import Directory
from server.congress.domain import DomainError, NewParticipant, Role, Site
from server.congress.models import CongressRow
from server.congress.service import Invited, Organising
from server.settings import Settings
from server.store.sql import SqlStore


@dataclass(frozen=True)
class Admin:
    settings: Settings
    store: SqlStore
    directory: Directory
    access: AccessService
    organising: Organising

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
    settings = (settings or Settings.from_env()).with_secret()
    if settings.database_url.startswith("memory:"):
        raise DomainError("DATABASE_URL is memory://: there is no database to set a congress up in")
    store = SqlStore(settings.database_url)
    store.start_blocking()  # upgrades the schema to this release's, as the server would
    try:
        directory = Directory(store.engine)
        access = AccessService(
            directory, TokenSigner(settings.secret_key), settings.access.session_days * 86400
        )
        yield Admin(
            settings,
            store,
            directory,
            access,
            Organising(directory, access, settings.access.invitation_days * 86400),
        )
    finally:
        store.stop_blocking()


def mint_tokens(
    slug: str, names: list[str], role: Role = Role.PARTICIPANT, settings: Settings | None = None
) -> list[str]:
    """Create congress `slug` if absent and return one invitation token per name (for the benchmark)."""
    with admin(settings) as setup:
        congress = setup.ensure_congress(slug)
        return [setup.invite(congress, role, name).token for name in names]
