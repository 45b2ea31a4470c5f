"""What an organiser does with archives from the browser: download a congress's whole history, or bring
one into this instance and get a link to it. Blocking work runs in a worker thread here."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass

from server.archive.format import ArchiveRefused
from server.archive.service import Archives
from server.congress.domain import DomainError, Identity
from server.congress.service import Organising
from server.publication.service import Publishing

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Brought:
    """An archive imported as a new congress, and the link of the organiser who imported it."""

    slug: str
    title: str
    participants: int
    updates: int
    positions: dict[int, int]  # archive position → position in this database
    token: str


class Keeping:
    def __init__(
        self, archives: Callable[[], Archives], publishing: Publishing, organising: Organising
    ) -> None:
        self.archives = archives  # made when needed: the tables are bound once the store has started
        self.publishing = publishing
        self.organising = organising

    async def export(self, me: Identity) -> bytes:
        await self.publishing.flush()  # what was just typed is in the archive
        data = await self.archives().export(me.congress_slug)
        log.info("congress %s archived by %s (%d bytes)", me.congress_slug, me.author, len(data))
        return data

    async def bring(self, me: Identity, data: bytes, slug: str | None) -> Brought:
        """All of the archive as a new congress whose importer is an organiser, or ArchiveRefused."""

        try:
            imported = await self.archives().import_(data, slug)
            token = await asyncio.to_thread(self.organising.invite_importer, me, imported.congress)
        except ArchiveRefused:
            raise
        except DomainError as exc:  # a bad slug, a name clash: nothing was imported either
            raise ArchiveRefused(str(exc)) from exc
        brought = Brought(
            imported.congress.slug,
            imported.congress.title,
            imported.participants,
            imported.updates,
            imported.positions,
            token,
        )
        log.info(
            "archive imported as congress %s by %s: %d updates", brought.slug, me.author, brought.updates
        )
        return brought
