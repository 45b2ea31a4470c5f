"""The store on a SQL database through SQLModel: SQLite (WAL) by default, PostgreSQL at scale."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import event, insert, text
from sqlalchemy import select as core_select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.pool import NullPool
from sqlmodel import Session, col, create_engine, select

from server.store import migrations
from server.store.base import (
    CheckpointRecord,
    CheckpointsOf,
    LoggedUpdate,
    LogMark,
    NewUpdate,
    RoomLoad,
    RoomsNotEmpty,
    StoreUnavailable,
)
from server.store.models import CheckpointRow, UpdateRow

log = logging.getLogger(__name__)
T = TypeVar("T")


def normalise_url(url: str) -> str:
    """Accept the usual spellings and pick the psycopg 3 driver for PostgreSQL."""
    for prefix in ("postgresql+psycopg://", "postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def _sqlite_pragmas(busy_timeout: float) -> Callable[[Any, Any], None]:
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        # WAL lets readers run beside the writer; NORMAL keeps commits safe across a process crash.
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout * 1000)}")
        cursor.close()

    return on_connect


class SqlStore:
    """Blocking SQLAlchemy calls run in worker threads so the event loop never waits on disk."""

    def __init__(self, url: str, sqlite_busy_timeout: float = 5.0) -> None:
        self.url = normalise_url(url)
        self.sqlite_busy_timeout = sqlite_busy_timeout
        self._engine: Engine | None = None

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            raise RuntimeError("store not started")
        return self._engine

    @property
    def is_sqlite(self) -> bool:
        return self.url.startswith("sqlite")

    async def start(self) -> None:
        await asyncio.to_thread(self._start_sync)

    def start_blocking(self) -> None:
        """For the command line and scripts, which have no event loop (or must not block one's thread)."""
        self._start_sync()

    def stop_blocking(self) -> None:
        if self._engine is not None:
            engine, self._engine = self._engine, None
            engine.dispose()

    def _start_sync(self) -> None:
        if self.is_sqlite:
            path = self.url.removeprefix("sqlite:///")
            if path and path != ":memory:":
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            engine = create_engine(
                self.url,
                connect_args={"check_same_thread": False, "timeout": self.sqlite_busy_timeout},
                poolclass=NullPool,
            )
            event.listen(engine, "connect", _sqlite_pragmas(self.sqlite_busy_timeout))
        else:
            engine = create_engine(self.url, pool_pre_ping=True, pool_size=5, max_overflow=5)
        try:
            migrations.upgrade(engine)  # every table of the application lives in this database
        except SQLAlchemyError as exc:
            engine.dispose()
            raise StoreUnavailable(f"cannot open the database: {exc.__class__.__name__}: {exc}") from exc
        self._engine = engine

    async def stop(self) -> None:
        if self._engine is not None:
            engine, self._engine = self._engine, None
            await asyncio.to_thread(engine.dispose)

    async def _run(self, work: Callable[[Session], T]) -> T:
        def call() -> T:
            try:
                with Session(self.engine) as session:
                    return work(session)
            except SQLAlchemyError as exc:
                raise StoreUnavailable(f"{exc.__class__.__name__}: {exc}") from exc

        return await asyncio.to_thread(call)

    async def append(self, updates: Sequence[NewUpdate]) -> list[int]:
        if not updates:
            return []
        rows = [{"room": u.room, "at": u.at, "author": u.author, "data": u.data} for u in updates]

        def work(session: Session) -> list[int]:
            if not self.is_sqlite:
                _lock_rooms(session, sorted({u.room for u in updates}))
            statement = insert(UpdateRow).returning(col(UpdateRow.id), sort_by_parameter_order=True)
            ids: list[int] = list(session.scalars(statement, rows))  # type: ignore[arg-type]
            session.commit()
            return ids

        return await self._run(work)

    async def append_history(self, updates: Sequence[NewUpdate], checkpoints_of: CheckpointsOf) -> list[int]:
        rooms = sorted({u.room for u in updates})
        table = UpdateRow.__table__  # type: ignore[attr-defined]

        def work(session: Session) -> list[int]:
            if not self.is_sqlite:
                _lock_rooms(session, rooms)  # a live append to these rooms waits for the import
            taken = session.execute(core_select(table.c.room).where(table.c.room.in_(rooms)).distinct())
            if found := sorted(taken.scalars()):
                raise RoomsNotEmpty(found)
            rows = [{"room": u.room, "at": u.at, "author": u.author, "data": u.data} for u in updates]
            statement = insert(UpdateRow).returning(col(UpdateRow.id), sort_by_parameter_order=True)
            ids = [int(i) for i in session.scalars(statement, rows)] if rows else []  # type: ignore[arg-type]
            logged = [
                LoggedUpdate(i, u.room, u.data, u.author, u.at) for i, u in zip(ids, updates, strict=True)
            ]
            session.add_all(
                CheckpointRow(room=c.room, upto_id=c.upto_id, at=c.at, state=c.state)
                for c in checkpoints_of(logged)
            )
            session.commit()
            return ids

        return await self._run(work)

    async def load(self, room: str) -> RoomLoad:
        def work(session: Session) -> RoomLoad:
            checkpoint = _newest_checkpoint(session, room, None)
            after = checkpoint.upto_id if checkpoint else 0
            return RoomLoad(checkpoint, _updates(session, room, after, None))

        return await self._run(work)

    async def updates(self, room: str, after_id: int = 0, upto_id: int | None = None) -> list[LoggedUpdate]:
        return await self._run(lambda session: _updates(session, room, after_id, upto_id))

    async def checkpoint_before(self, room: str, upto_id: int | None = None) -> CheckpointRecord | None:
        return await self._run(lambda session: _newest_checkpoint(session, room, upto_id))

    async def marks(
        self, rooms: Sequence[str], after_id: int = 0, upto_id: int | None = None
    ) -> list[LogMark]:
        table = UpdateRow.__table__  # type: ignore[attr-defined]

        def work(session: Session) -> list[LogMark]:
            query = (
                core_select(table.c.id, table.c.room, table.c.author, table.c.at)
                .where(table.c.room.in_(list(rooms)), table.c.id > after_id)
                .order_by(table.c.id)
            )
            if upto_id is not None:
                query = query.where(table.c.id <= upto_id)
            return [LogMark(*row) for row in session.execute(query)]

        return await self._run(work)

    async def checkpoint_positions(self, room: str) -> list[int]:
        def work(session: Session) -> list[int]:
            query = select(CheckpointRow.upto_id).where(CheckpointRow.room == room)
            return list(session.exec(query.order_by(col(CheckpointRow.upto_id))).all())

        return await self._run(work)

    async def save_checkpoint(self, checkpoint: CheckpointRecord) -> None:
        def work(session: Session) -> None:
            session.add(
                CheckpointRow(
                    room=checkpoint.room, upto_id=checkpoint.upto_id, at=checkpoint.at, state=checkpoint.state
                )
            )
            try:
                session.commit()
            except IntegrityError:
                # Another process checkpointed the same position: both states are the same.
                session.rollback()

        await self._run(work)

    async def ping(self) -> None:
        await self._run(lambda session: session.execute(text("SELECT 1")).scalar_one())


def _lock_rooms(session: Session, rooms: list[str]) -> None:
    """Serialise appends to each room until commit, so a room's ids become visible in order.

    PostgreSQL hands out sequence values before commit: without this, process A
    could take ids 101-110, process B 111-115 and commit first, and a checkpoint
    built in between would claim to cover 101-110 without them. Under the lock a
    room's ids are drawn only after the previous writer of that room committed,
    so what a reader sees of a room is always a prefix of its log. (SQLite has
    one writer at a time already.) Rooms are locked in sorted order: no deadlock.
    """
    for room in rooms:
        session.execute(text("SELECT pg_advisory_xact_lock(hashtextextended(:room, 0))"), {"room": room})


def _newest_checkpoint(session: Session, room: str, upto_id: int | None) -> CheckpointRecord | None:
    query = select(CheckpointRow).where(CheckpointRow.room == room)
    if upto_id is not None:
        query = query.where(CheckpointRow.upto_id <= upto_id)
    row = session.exec(query.order_by(col(CheckpointRow.upto_id).desc()).limit(1)).first()
    return CheckpointRecord(row.room, row.upto_id, row.state, row.at) if row else None


def _updates(session: Session, room: str, after_id: int, upto_id: int | None) -> list[LoggedUpdate]:
    # Plain rows, not ORM objects: a history seek reads up to a thousand of them (3x faster).
    table = UpdateRow.__table__  # type: ignore[attr-defined]
    query = core_select(table.c.id, table.c.room, table.c.data, table.c.author, table.c.at).where(
        table.c.room == room, table.c.id > after_id
    )
    if upto_id is not None:
        query = query.where(table.c.id <= upto_id)
    return [LoggedUpdate(*row) for row in session.execute(query.order_by(table.c.id))]
