"""Publishing a version of the motion for the press, and building what is exported of any version.

Publication is a row naming a log position; the page and its downloads are
rebuilt from the log, and the text of a published position is kept in memory
since it can no longer change.
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from server.clock import Clock
from server.congress.directory import Directory
from server.congress.domain import Identity, room_name
from server.congress.models import CongressRow
from server.errors import NotYourCongress
from server.history.seek import Seeker
from server.publication.edition import Edition, make_edition
from server.publication.formats import export
from server.publication.models import PublicationRow
from server.publication.store import PublicationRepository, PublicationStore
from server.publication.versions import CURRENT, MotionVersion, Version, motion_at
from server.realtime.extensions.persistence import UpdateLog
from server.store.base import Store

log = logging.getLogger(__name__)

FLUSH_WAIT = 5.0  # seconds to wait for queued updates before "current" settles for what is stored
CACHE_SIZE = 16


@dataclass(frozen=True, slots=True)
class Published:
    """What is published of a congress: a log position, when, by whom."""

    slug: str
    position: int
    published_at: float
    published_by: str


@dataclass(frozen=True, slots=True)
class PublicEdition:
    """What the public page shows: the published edition, and when it was published, in words."""

    edition: Edition
    published_on: str  # "2 décembre 2026, 15 h 40", in the congress's time zone


class Publishing:
    def __init__(
        self,
        directory: Directory,
        store: Store,
        update_log: UpdateLog | None,
        publications: PublicationRepository | None = None,
        seeker: Seeker | None = None,
        clock: Clock | None = None,
    ) -> None:
        self.clock = clock or Clock()
        self.directory = directory
        self.store = store
        self.update_log = update_log
        self._publications = publications
        self.seeker = seeker or Seeker(store)  # the history's, to share its cached states
        self._published: OrderedDict[tuple[str, int], MotionVersion] = OrderedDict()
        # The results of the votes closed up to a position, in a language (issue 15: server/decisions/
        # record.py, set by server/app.py); none: the editions carry no decisions.
        self.results: Callable[[int, int | None, str], Awaitable[tuple[str, ...]]] | None = None

    @property
    def publications(self) -> PublicationRepository:
        """The SQL publications beside the directory unless given (the directory is bound at start)."""
        if self._publications is None:
            self._publications = PublicationStore(self.directory.engine)
        return self._publications

    # -- versions ----------------------------------------------------------------------

    async def motion(self, congress: CongressRow, version: Version) -> MotionVersion:
        """The motion at `version` (the single place where a version choice becomes a text)."""
        room = room_name(congress.slug, "motion")
        if version == CURRENT:
            await self.flush()
            return await motion_at(self.store, room, None, self.seeker)
        assert isinstance(version, int)
        key = (room, version)
        cached = self._published.get(key)
        if cached is not None:
            self._published.move_to_end(key)
            return cached
        motion = await motion_at(self.store, room, version, self.seeker)
        if motion.position == version:  # an update of the room: nothing can come before it any more
            self._keep(motion)
        return motion

    async def edition(self, me: Identity, version: Version, lang: str) -> Edition:
        """What an organiser exports of any version of their congress's motion."""
        return await self._edition(await self._congress(me), version, lang)

    async def download(self, edition: Edition, name: str) -> bytes:
        """The edition as a file of format `name` (md, html, pdf, docx)."""
        return await asyncio.to_thread(export, edition, name)

    async def _congress(self, me: Identity) -> CongressRow:
        congress = await asyncio.to_thread(self.directory.congress_by_id, me.congress_id)
        if congress is None:
            raise NotYourCongress()
        return congress

    async def _edition(self, congress: CongressRow, version: Version, lang: str) -> Edition:
        motion = await self.motion(congress, version)
        assert congress.id is not None
        people = await asyncio.to_thread(self.directory.participants, congress.id)
        upto = None if version == CURRENT else motion.position
        decisions = await self.results(congress.id, upto, lang) if self.results else ()
        return make_edition(congress, motion, people, lang, self.clock, decisions)

    async def flush(self) -> None:
        """Wait (a little) for the accepted updates still queued for the log."""
        if self.update_log is None:
            return
        try:
            await asyncio.wait_for(self.update_log.flush(), FLUSH_WAIT)
        except TimeoutError:
            log.warning("export of the current version: the log is behind, using what is stored")

    # -- publication -------------------------------------------------------------------

    def _publication(self, congress_id: int) -> PublicationRow | None:
        return self.publications.publication(congress_id)

    async def publication(self, me: Identity) -> Published | None:
        row = await asyncio.to_thread(self._publication, me.congress_id)
        return None if row is None else _published(me.congress_slug, row)

    async def publish(self, me: Identity, version: Version) -> Published:
        congress, author = await self._congress(me), me.author
        motion = await self.motion(congress, version)
        assert congress.id is not None
        row = await asyncio.to_thread(self.publications.publish, congress.id, motion.position, author)
        self._keep(motion)
        log.info("congress %s: motion published at position %d by %s", congress.slug, row.position, author)
        return _published(congress.slug, row)

    async def unpublish(self, me: Identity) -> bool:
        removed = await asyncio.to_thread(self.publications.unpublish, me.congress_id)
        if removed:
            log.info("congress %s: publication withdrawn by %s", me.congress_slug, me.author)
        return removed

    async def published_edition(self, slug: str, lang: str) -> Edition | None:
        """The published version of congress `slug` for anyone, or None if nothing is published."""
        congress = await asyncio.to_thread(self.directory.congress, slug)
        if congress is None or congress.id is None:
            return None
        row = await asyncio.to_thread(self._publication, congress.id)
        if row is None:
            return None
        return await self._edition(congress, row.position, lang)

    async def public_edition(self, slug: str, lang: str) -> PublicEdition | None:
        """The public page's edition of congress `slug` and its date of publication, or None."""
        congress = await asyncio.to_thread(self.directory.congress, slug)
        if congress is None or congress.id is None:
            return None
        row = await asyncio.to_thread(self._publication, congress.id)
        if row is None:
            return None
        edition = await self._edition(congress, row.position, lang)
        return PublicEdition(edition, self.clock.moment(row.published_at, lang))

    def _keep(self, motion: MotionVersion) -> None:
        self._published[(motion.room, motion.position)] = motion
        while len(self._published) > CACHE_SIZE:
            self._published.popitem(last=False)


def _published(slug: str, row: PublicationRow) -> Published:
    return Published(slug, row.position, row.published_at, row.published_by)
