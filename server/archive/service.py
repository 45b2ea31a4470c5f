"""Exporting a congress's whole history to an archive file, and importing one as a new congress.

Its decisions (issue 15: amendments, supports, votes, ballots) travel with it:
their people and log positions are mapped like the versions', and they are
written with the versions, after the log.

The log is copied update by update, in log order, with its authors and times.
Positions are ids of the importing database's log, so they change: every
position the archive names (publication, named versions) is mapped to the id
its update received, and the k-th update of each room stays the k-th, so
every version replays to the same text. Checkpoints are rebuilt from the
imported log, never taken from the file.

Everything goes through the repositories and the store, so the log is written
under the store's room locks. An import is checked whole before anything is
written, then written in three steps: the congress and its people (one
transaction), the log with its checkpoints (one transaction of the store,
refused if the rooms already hold updates), then the named versions and the
publication. If the log cannot be written, the congress is removed again:
nothing is imported.
"""

from __future__ import annotations

import asyncio
import bisect
import datetime as dt
import logging
import time
from dataclasses import dataclass
from typing import Any

from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from server.archive.format import Archive, ArchivedUpdate, ArchiveRefused, read_archive, write_archive
from server.congress.directory import Directory
from server.congress.domain import WRITTEN_KINDS, DomainError, check_slug, room_name
from server.congress.models import CongressRow, ParticipantRow
from server.congress.repository import DirectoryRepository
from server.decisions.repository import DecisionsRepository
from server.decisions.store import DecisionStore
from server.history.records import HistoryRecords
from server.history.repository import HistoryRepository
from server.publication.store import PublicationRepository, PublicationStore
from server.realtime.extensions.persistence import _checkpoint_states
from server.store.base import (
    CheckpointRecord,
    LoggedUpdate,
    NewUpdate,
    RoomsNotEmpty,
    Store,
    StoreUnavailable,
)

log = logging.getLogger(__name__)
PERSON_FIELDS = (
    "name",
    "role",
    "commune",
    "department",
    "site",
    "contact",
    "created_at",
    "revoked_at",
    "pen_holder",
)


@dataclass(frozen=True)
class Imported:
    congress: CongressRow
    participants: int
    updates: int
    positions: dict[int, int]  # archive position → position in this database


class Archives:
    def __init__(
        self,
        store: Store,
        directory: DirectoryRepository,
        records: HistoryRepository,
        publications: PublicationRepository,
        decisions: DecisionsRepository,
        checkpoint_every: int = 1000,
    ) -> None:
        self.store = store
        self.directory = directory
        self.records = records
        self.publications = publications
        self.decisions = decisions
        self.checkpoint_every = checkpoint_every

    @classmethod
    def on(cls, store: Store, engine: Engine, checkpoint_every: int = 1000) -> Archives:
        """The SQL repositories on the store's database (the command line, the server, the tests)."""
        return cls(
            store,
            Directory(engine),
            HistoryRecords(engine),
            PublicationStore(engine),
            DecisionStore(engine),
            checkpoint_every,
        )

    # -- export ------------------------------------------------------------------------

    async def export(self, slug: str) -> bytes:
        congress = await asyncio.to_thread(self.directory.congress, slug)
        if congress is None or congress.id is None:
            raise ArchiveRefused(f"no congress {slug!r}")
        documents = await asyncio.to_thread(self.directory.documents, congress.id)
        people = sorted(
            await asyncio.to_thread(self.directory.participants, congress.id), key=lambda p: p.id or 0
        )
        updates: list[ArchivedUpdate] = []
        for document in documents:
            if document.kind not in WRITTEN_KINDS:
                continue  # the server-written rooms are made again from the decisions' tables
            updates += [
                ArchivedUpdate(u.id, document.kind, u.at, u.author, u.data)
                for u in await self.store.updates(document.room)
            ]
        updates.sort(key=lambda u: u.id)  # the rooms' updates interleaved as the log holds them
        publication = await asyncio.to_thread(self.publications.publication, congress.id)
        named = await asyncio.to_thread(self.records.versions, congress.id)
        decisions = await asyncio.to_thread(self.decisions.everything, congress.id)
        archive = Archive(
            congress={
                "slug": congress.slug,
                "title": congress.title,
                "edition": congress.edition,
                "starts_on": congress.starts_on.isoformat() if congress.starts_on else None,
                "ends_on": congress.ends_on.isoformat() if congress.ends_on else None,
                "phase": congress.phase,
                "created_at": congress.created_at,
                "pen_on": congress.pen_on,
            },
            participants=[{"id": p.id, **{name: getattr(p, name) for name in PERSON_FIELDS}} for p in people],
            updates=updates,
            versions={
                "named": [
                    {
                        "name": v.name,
                        "position": v.position,
                        "created_by": v.created_by,
                        "created_at": v.created_at,
                    }
                    for v in named
                ],
                "publication": None
                if publication is None
                else {
                    "position": publication.position,
                    "published_at": publication.published_at,
                    "published_by": publication.published_by,
                },
            },
            decisions=decisions,
        )
        return await asyncio.to_thread(write_archive, archive)

    # -- import ------------------------------------------------------------------------

    async def import_(self, data: bytes, slug: str | None = None) -> Imported:
        """Check the whole file, then write it: all of it, or nothing."""
        archive = await asyncio.to_thread(read_archive, data)
        slug = check_slug(slug or archive.congress["slug"])
        if await asyncio.to_thread(self.directory.congress, slug) is not None:
            raise ArchiveRefused(
                f"a congress named {slug!r} already exists here; import under another name (--slug)"
            )
        meta = archive.congress
        try:
            congress, rows = await asyncio.to_thread(
                self.directory.import_congress,
                CongressRow(
                    slug=slug,
                    title=meta["title"],
                    edition=meta.get("edition") or "",
                    starts_on=_date(meta.get("starts_on")),
                    ends_on=_date(meta.get("ends_on")),
                    phase=meta.get("phase", "contributions"),
                    created_at=float(meta.get("created_at") or time.time()),
                    pen_on=meta.get("pen_on") is True,
                ),
                [_person(person) for person in archive.participants],
            )
        except DomainError as exc:  # another import took the name meanwhile
            raise ArchiveRefused(f"{exc}; nothing imported") from exc
        except (SQLAlchemyError, StoreUnavailable) as exc:
            raise ArchiveRefused(f"the database refused the archive, nothing imported: {exc}") from exc
        assert congress.id is not None
        people = {
            person["id"]: row.id for person, row in zip(archive.participants, rows, strict=True) if row.id
        }
        try:
            positions = await self._write_log(archive, slug, people)
        except Exception as exc:
            await asyncio.to_thread(self.directory.delete_congress, congress.id)
            if isinstance(exc, RoomsNotEmpty | SQLAlchemyError | StoreUnavailable):
                raise ArchiveRefused(f"the database refused the archive, nothing imported: {exc}") from exc
            raise
        try:
            await asyncio.to_thread(self._write_versions, archive, congress.id, people, positions)
            await asyncio.to_thread(self._write_decisions, archive, congress.id, people, positions)
        except (SQLAlchemyError, StoreUnavailable) as exc:  # the log is in: say what is missing
            log.error("archive of %s imported without its versions or decisions: %s", slug, exc)
            raise ArchiveRefused(
                f"congress {slug!r} imported but its named versions, publication or decisions were not: {exc}"
            ) from exc
        return Imported(congress, len(people), len(archive.updates), positions)

    async def _write_log(self, archive: Archive, slug: str, people: dict[int, int]) -> dict[int, int]:
        updates = [
            NewUpdate(room_name(slug, u.room), u.data, _author(u.author, people), u.at)
            for u in archive.updates
        ]
        every = self.checkpoint_every

        def checkpoints_of(logged: list[LoggedUpdate]) -> list[CheckpointRecord]:
            now = time.time()
            found = []
            for kind in WRITTEN_KINDS:
                room = room_name(slug, kind)
                mine = [u for u in logged if u.room == room]
                if mine:
                    found += [
                        CheckpointRecord(room, upto_id, state, now)
                        for upto_id, _count, state in _checkpoint_states(None, mine, every, False)
                    ]
            return found

        ids = await self.store.append_history(updates, checkpoints_of)
        return {update.id: new_id for update, new_id in zip(archive.updates, ids, strict=True)}

    def _write_versions(
        self, archive: Archive, congress_id: int, people: dict[int, int], positions: dict[int, int]
    ) -> None:
        publication = archive.versions.get("publication")
        if publication is not None:
            self.publications.publish(
                congress_id,
                _map_position(publication["position"], positions),
                _author(str(publication.get("published_by", "")), people),
                float(publication.get("published_at") or time.time()),
            )
        for version in archive.versions.get("named", []):
            self.records.add_version(
                congress_id,
                version["name"],
                _map_position(version["position"], positions),
                _author(str(version.get("created_by", "")), people),
                float(version.get("created_at") or time.time()),
            )

    def _write_decisions(
        self, archive: Archive, congress_id: int, people: dict[int, int], positions: dict[int, int]
    ) -> None:
        found = archive.decisions
        if not (found.amendments or found.votes):
            return
        # Log positions of the archive, mapped to this log's ids.
        for amendment in found.amendments:
            if amendment.position is not None:
                amendment.position = _map_position(amendment.position, positions)
        for vote in found.votes:
            if vote.position is not None:
                vote.position = _map_position(vote.position, positions)
        self.decisions.bring_in(congress_id, found, people)


def _person(person: dict[str, Any]) -> ParticipantRow:
    fields: dict[str, Any] = {n: person[n] for n in PERSON_FIELDS if person.get(n) is not None}
    fields.setdefault("created_at", time.time())
    return ParticipantRow(congress_id=0, **fields)  # the congress's id in this database is set on import


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _author(author: str, people: dict[int, int]) -> str:
    """The same person under their id in this database."""
    if author.startswith("participant:"):
        old = int(author.removeprefix("participant:"))
        if old in people:
            return f"participant:{people[old]}"
    return author


def _map_position(position: int, positions: dict[int, int]) -> int:
    """The new id of the last archived update at or before `position` (0 if none)."""
    old = sorted(positions)
    index = bisect.bisect_right(old, position)
    return positions[old[index - 1]] if index else 0
