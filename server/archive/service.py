"""Exporting a congress's whole history to an archive file, and importing one in a single transaction.

The log is copied update by update, in log order, with its authors and times.
Positions are ids of the importing database's log, so they change: every
position the archive names (publication, named versions) is mapped to the id
its update received, and the k-th update of each room stays the k-th, so
every version replays to the same text. Checkpoints are rebuilt from the
imported log, never taken from the file.
"""

from __future__ import annotations

import bisect
import datetime as dt
import time
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session, SQLModel, col, select

from server.archive.format import Archive, ArchivedUpdate, ArchiveRefused, read_archive, write_archive
from server.congress.domain import DOCUMENT_KINDS, check_slug, room_name
from server.congress.models import CongressRow, DocumentRow, ParticipantRow
from server.history.models import TABLES as HISTORY_TABLES
from server.history.models import VersionRow
from server.publication.models import PublicationRow
from server.publication.models import create_tables as create_publication_tables
from server.realtime.extensions.persistence import _checkpoint_states
from server.store.base import LoggedUpdate
from server.store.models import CheckpointRow, UpdateRow

PERSON_FIELDS = ("name", "role", "commune", "department", "site", "contact", "created_at", "revoked_at")


@dataclass(frozen=True)
class Imported:
    congress: CongressRow
    participants: int
    updates: int
    positions: dict[int, int]  # archive position → position in this database


class Archives:
    """Blocking, like the directory: the command line calls it as is, routes in a worker thread."""

    def __init__(self, engine: Engine, checkpoint_every: int = 1000) -> None:
        self.engine = engine
        self.checkpoint_every = checkpoint_every
        create_publication_tables(engine)
        SQLModel.metadata.create_all(engine, tables=HISTORY_TABLES)  # named versions

    # -- export ------------------------------------------------------------------------

    def export(self, slug: str) -> bytes:
        with Session(self.engine) as session:
            congress = session.exec(select(CongressRow).where(CongressRow.slug == slug)).first()
            if congress is None or congress.id is None:
                raise ArchiveRefused(f"no congress {slug!r}")
            documents = session.exec(select(DocumentRow).where(DocumentRow.congress_id == congress.id)).all()
            kinds = {d.room: d.kind for d in documents}
            rows = session.exec(
                select(UpdateRow).where(col(UpdateRow.room).in_(list(kinds))).order_by(col(UpdateRow.id))
            ).all()
            people = session.exec(
                select(ParticipantRow)
                .where(ParticipantRow.congress_id == congress.id)
                .order_by(col(ParticipantRow.id))
            ).all()
            publication = session.get(PublicationRow, congress.id)
            named = session.exec(
                select(VersionRow)
                .where(VersionRow.congress_id == congress.id)
                .order_by(col(VersionRow.position), col(VersionRow.id))
            ).all()
            archive = Archive(
                congress={
                    "slug": congress.slug,
                    "title": congress.title,
                    "edition": congress.edition,
                    "starts_on": congress.starts_on.isoformat() if congress.starts_on else None,
                    "ends_on": congress.ends_on.isoformat() if congress.ends_on else None,
                    "phase": congress.phase,
                    "created_at": congress.created_at,
                },
                participants=[
                    {"id": p.id, **{name: getattr(p, name) for name in PERSON_FIELDS}} for p in people
                ],
                updates=[ArchivedUpdate(r.id or 0, kinds[r.room], r.at, r.author, r.data) for r in rows],
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
            )
        return write_archive(archive)

    # -- import ------------------------------------------------------------------------

    def import_(self, data: bytes, slug: str | None = None) -> Imported:
        """Check the whole file, then write it in one transaction: all of it, or nothing."""
        archive = read_archive(data)
        slug = check_slug(slug or archive.congress["slug"])
        with Session(self.engine, expire_on_commit=False) as session:
            if session.exec(select(CongressRow).where(CongressRow.slug == slug)).first() is not None:
                raise ArchiveRefused(
                    f"a congress named {slug!r} already exists here; import under another name (--slug)"
                )
            try:
                imported = self._write(session, archive, slug)
                session.commit()
            except SQLAlchemyError as exc:
                session.rollback()
                raise ArchiveRefused(f"the database refused the archive, nothing imported: {exc}") from exc
            except BaseException:
                session.rollback()
                raise
        return imported

    def _write(self, session: Session, archive: Archive, slug: str) -> Imported:
        meta = archive.congress
        congress = CongressRow(
            slug=slug,
            title=meta["title"],
            edition=meta.get("edition") or "",
            starts_on=_date(meta.get("starts_on")),
            ends_on=_date(meta.get("ends_on")),
            phase=meta.get("phase", "contributions"),
            created_at=float(meta.get("created_at") or time.time()),
        )
        session.add(congress)
        session.flush()
        assert congress.id is not None
        for kind in DOCUMENT_KINDS:
            session.add(DocumentRow(congress_id=congress.id, kind=kind, room=room_name(slug, kind)))
        people: dict[int, int] = {}
        for person in archive.participants:
            fields: dict[str, Any] = {n: person[n] for n in PERSON_FIELDS if person.get(n) is not None}
            fields.setdefault("created_at", time.time())
            row = ParticipantRow(congress_id=congress.id, **fields)
            session.add(row)
            session.flush()
            assert row.id is not None
            people[person["id"]] = row.id

        positions: dict[int, int] = {}
        by_room: dict[str, list[LoggedUpdate]] = {kind: [] for kind in DOCUMENT_KINDS}
        if archive.updates:
            values = [
                {
                    "room": room_name(slug, u.room),
                    "at": u.at,
                    "author": _author(u.author, people),
                    "data": u.data,
                }
                for u in archive.updates
            ]
            statement = insert(UpdateRow).returning(col(UpdateRow.id), sort_by_parameter_order=True)
            ids = [int(i) for i in session.scalars(statement, values)]  # type: ignore[arg-type]
            for update, new_id, value in zip(archive.updates, ids, values, strict=True):
                positions[update.id] = new_id
                by_room[update.room].append(
                    LoggedUpdate(new_id, str(value["room"]), update.data, str(value["author"]), update.at)
                )
        for kind, updates in by_room.items():
            if not updates:
                continue
            for upto_id, _count, state in _checkpoint_states(None, updates, self.checkpoint_every, False):
                session.add(
                    CheckpointRow(room=room_name(slug, kind), upto_id=upto_id, at=time.time(), state=state)
                )

        publication = archive.versions.get("publication")
        if publication is not None:
            session.add(
                PublicationRow(
                    congress_id=congress.id,
                    position=_map_position(publication["position"], positions),
                    published_at=float(publication.get("published_at") or time.time()),
                    published_by=_author(str(publication.get("published_by", "")), people),
                )
            )
        for version in archive.versions.get("named", []):
            session.add(
                VersionRow(
                    congress_id=congress.id,
                    name=version["name"],
                    position=_map_position(version["position"], positions),
                    created_by=_author(str(version.get("created_by", "")), people),
                    created_at=float(version.get("created_at") or time.time()),
                )
            )
        session.flush()
        return Imported(congress, len(people), len(archive.updates), positions)


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
