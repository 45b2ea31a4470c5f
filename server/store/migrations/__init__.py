"""The database schema, made and upgraded by Alembic migrations kept in this package (docs/migrations.md).

Every start runs `upgrade head` once, on the store's engine, before anything
reads a table. A database made before migrations existed (its tables are
there, `alembic_version` is not) is checked against the baseline, adopted
(missing tables created, stamped at the baseline) and then upgraded. Several
processes starting at once take turns: an advisory lock on PostgreSQL, a lock
file beside a SQLite database.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
from collections.abc import Iterator
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection, Engine

from server.store.base import StoreUnavailable

log = logging.getLogger(__name__)
HERE = Path(__file__).parent
BASELINE = "0001"
_LOCK_KEY = 0x75626971  # "ubiq": the advisory lock migrations take on PostgreSQL


class MigrationError(StoreUnavailable):
    """The database cannot be brought to this release's schema; nothing was changed."""


def config(connection: Connection | None = None) -> Config:
    """Alembic's configuration without an alembic.ini: the scripts are this package's."""
    cfg = Config()
    cfg.set_main_option("path_separator", "os")
    cfg.set_main_option("script_location", str(HERE))
    cfg.set_main_option("version_locations", str(HERE / "versions"))
    cfg.attributes["connection"] = connection
    return cfg


def head() -> str:
    found = ScriptDirectory.from_config(config()).get_current_head()
    assert found is not None
    return found


def current(engine: Engine) -> str | None:
    """The revision the database is at (None: no schema yet, or made before migrations)."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, target: str = "head") -> str | None:
    """Bring the schema to `target`; returns the revision it was at (None: empty or pre-migration)."""
    with _exclusive(engine) as connection:
        before = MigrationContext.configure(connection).get_current_revision()
        if before == head() and target == "head":
            return before  # the usual start: nothing to do, nothing logged
        if before is None and (legacy := _legacy_tables(connection)):
            _check_legacy(connection, legacy)
            log.info("database made before migrations (%d tables): adopting it at %s", len(legacy), BASELINE)
        command.upgrade(config(connection), target)
        connection.commit()
        after = MigrationContext.configure(connection).get_current_revision()
        if after != before:
            log.info("database schema upgraded from %s to %s", before or "nothing", after)
        return before


def _legacy_tables(connection: Connection) -> list[str]:
    from server.store.migrations.schema import metadata

    known = set(metadata().tables)
    return sorted(set(inspect(connection).get_table_names()) & known)


def _check_legacy(connection: Connection, tables: list[str]) -> None:
    """Every table already there must have the baseline's columns, or this is not our database."""
    baseline = ScriptDirectory.from_config(config()).get_revision(BASELINE)
    assert baseline is not None
    expected: dict[str, set[str]] = baseline.module.COLUMNS
    inspector = inspect(connection)
    for table in tables:
        if table not in expected:
            continue
        have = {column["name"] for column in inspector.get_columns(table)}
        if missing := expected[table] - have:
            raise MigrationError(
                f"table {table!r} lacks {', '.join(sorted(missing))}: "
                "not a database of an earlier Ubiquité release; nothing was changed"
            )


@contextlib.contextmanager
def _exclusive(engine: Engine) -> Iterator[Connection]:
    """One migrating process at a time; the others find the schema already at head."""
    if engine.dialect.name == "postgresql":
        with engine.connect() as connection:
            connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": _LOCK_KEY})
            connection.commit()
            try:
                yield connection
            finally:
                connection.rollback()
                connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": _LOCK_KEY})
                connection.commit()
        return
    database = engine.url.database
    if engine.dialect.name == "sqlite" and database and database != ":memory:":
        with open(f"{database}.migrate-lock", "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            with engine.connect() as connection:
                yield connection
        return
    with engine.connect() as connection:
        yield connection
