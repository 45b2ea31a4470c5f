"""Migrations: a fresh database gets exactly the models' schema, and one made by the previous release
(before Alembic, tests/data/previous_release) is upgraded with every row intact, on SQLite and PostgreSQL."""

from __future__ import annotations

import hashlib
import json
import shutil
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import produce_migrations
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import Engine

from server.congress.directory import Directory
from server.contributions.store import ContributionStore
from server.history import History
from server.publication.service import Publishing
from server.realtime.extensions.persistence import UpdateLog
from server.store import migrations
from server.store.migrations.schema import metadata
from server.store.sql import SqlStore, normalise_url

pytestmark = pytest.mark.anyio
PREVIOUS = Path(__file__).parent / "data" / "previous_release"
EXPECTED = json.loads((PREVIOUS / "expected.json").read_text())
# What the previous release's database holds (tests/data/previous_release/make_database.py).
COUNTS = {
    "congress": 2,
    "congress_document": 4,
    "participant": 7,
    "invitation": 6,
    "web_session": 1,
    "update_log": 302,
    "checkpoint": 9,
    "named_version": 1,
    "attribution": 8,
    "publication": 1,
    "contribution": 2,
    "theme": 1,
    "theme_run": 1,
}


@pytest.fixture
def fresh_postgres(postgres_url: str) -> Iterator[str]:
    """A database of the test's own on the PostgreSQL server, dropped afterwards."""
    name = f"ubiquite_migrations_{uuid.uuid4().hex[:10]}"
    admin = create_engine(normalise_url(postgres_url), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield normalise_url(postgres_url).rsplit("/", 1)[0] + f"/{name}"
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


# Columns a later revision drops on purpose (0002: the text-only USE vectors, recomputed on arrival).
DROPPED = {"contribution": {"vector_key", "vector"}}


def _rows(engine: Engine) -> dict[str, list[dict[str, Any]]]:
    """Every row of every application table, column by column, in primary key order."""
    found: dict[str, list[dict[str, Any]]] = {}
    with engine.connect() as connection:
        for name in sorted(set(inspect(connection).get_table_names()) - {"alembic_version"}):
            rows = connection.execute(text(f"SELECT * FROM {name} ORDER BY 1")).mappings()
            found[name] = [dict(row) for row in rows]
    return found


# Rows a later revision adds on purpose (0004_decisions: the server-written rooms of every congress).
ADDED = {"congress_document": lambda row: row["kind"] in ("decisions", "tally")}


def _kept(before: dict[str, list[dict[str, Any]]], after: dict[str, list[dict[str, Any]]]) -> None:
    """Every row of the previous release is still there with the same values, but for DROPPED;
    tables added since are empty, and so is what ADDED names."""
    for name, rows in before.items():
        wanted = [{k: v for k, v in row.items() if k not in DROPPED.get(name, set())} for row in rows]
        added = ADDED.get(name, lambda _row: False)
        kept = [row for row in after[name] if not added(row)]
        assert [{k: row[k] for k in w} for row, w in zip(kept, wanted, strict=True)] == wanted, name
    assert all(not after[name] for name in set(after) - set(before))


def _decision_rooms(engine: Engine) -> None:
    """Each congress of the previous release has its two server-written rooms after the upgrade."""
    with engine.connect() as connection:
        slugs = [row[0] for row in connection.execute(text("SELECT slug FROM congress ORDER BY id"))]
        rooms = {row[0] for row in connection.execute(text("SELECT room FROM congress_document"))}
    assert {f"{slug}.{kind}" for slug in slugs for kind in ("decisions", "tally")} <= rooms


def _differences(engine: Engine) -> list[Any]:
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        operations = produce_migrations(context, metadata()).upgrade_ops
        assert operations is not None
        return list(operations.as_diffs())


async def _upgrade_and_check(url: str) -> None:
    engine = create_engine(url)
    before = _rows(engine)
    assert {name: len(rows) for name, rows in before.items()} == COUNTS
    assert migrations.current(engine) is None  # made before migrations

    store = SqlStore(url)
    await store.start()  # what a server of this release does first: upgrade head
    try:
        assert migrations.current(store.engine) == migrations.head()
        _kept(before, _rows(store.engine))  # every row intact
        _decision_rooms(store.engine)
        assert _differences(store.engine) == []  # and the schema is this release's

        directory = Directory(store.engine)
        assert [c.slug for c in directory.congresses()] == ["demo", EXPECTED["congress"]]
        congress = directory.congress(EXPECTED["congress"])
        assert congress is not None and congress.id is not None
        assert len(directory.participants(congress.id)) == 6
        assert [c.title for c in ContributionStore(store.engine).search(congress.id)] == [
            "Former les aidants",
            "Héberger en Europe",
        ]
        history = History(store, UpdateLog(store, 0.01, 40), directory)
        await history.start()
        (version,) = await history.versions(EXPECTED["congress"])
        assert version.id == EXPECTED["named_version"] and version.position == EXPECTED["position"]
        adopted = await history.text_at(EXPECTED["congress"], version=version.id)
        assert hashlib.sha256(adopted.encode()).hexdigest() == EXPECTED["motion_at_version"]
        now = await history.text_at(EXPECTED["congress"])
        assert hashlib.sha256(now.encode()).hexdigest() == EXPECTED["motion_now"]
        publication = Publishing(directory, store, None).publications.publication(congress.id)
        assert publication is not None and publication.position == EXPECTED["position"]
        passages = await history.authorship(EXPECTED["congress"], EXPECTED["position"])
        writers = {f"participant:{p.id}" for p in directory.participants(congress.id)}
        assert passages and {p.author for p in passages} <= writers  # cached authorship rows still read
    finally:
        await store.stop()
        engine.dispose()


async def test_a_database_of_the_previous_release_upgrades_intact_on_sqlite(tmp_path: Path) -> None:
    path = tmp_path / "previous.sqlite3"
    shutil.copy(PREVIOUS / "previous.sqlite3", path)
    await _upgrade_and_check(f"sqlite:///{path}")


async def test_a_database_of_the_previous_release_upgrades_intact_on_postgresql(fresh_postgres: str) -> None:
    engine = create_engine(fresh_postgres)
    with engine.begin() as connection:  # the previous release's tables and rows, as pg_dump wrote them
        connection.exec_driver_sql((PREVIOUS / "previous.postgresql.sql").read_text())
    engine.dispose()
    await _upgrade_and_check(fresh_postgres)


@pytest.mark.parametrize("database", ["sqlite", "postgresql"])
def test_a_fresh_database_gets_the_models_schema(
    database: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    url = (
        f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
        if database == "sqlite"
        else request.getfixturevalue("fresh_postgres")
    )
    engine = create_engine(url)
    assert migrations.upgrade(engine) is None
    assert migrations.current(engine) == migrations.head()
    assert _differences(engine) == []
    assert migrations.upgrade(engine) == migrations.head()  # a second start changes nothing
    engine.dispose()


def test_processes_starting_together_migrate_once(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'shared.sqlite3'}"
    errors: list[BaseException] = []

    def start() -> None:
        try:
            migrations.upgrade(create_engine(url))
        except BaseException as exc:  # reported below: a thread's exception is otherwise lost
            errors.append(exc)

    threads = [threading.Thread(target=start) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert migrations.current(create_engine(url)) == migrations.head()


def test_a_database_that_is_not_ours_is_left_alone(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'other.sqlite3'}")
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE congress (id INTEGER PRIMARY KEY, name TEXT)"))
    with pytest.raises(migrations.MigrationError, match=r"congress.*lacks"):
        migrations.upgrade(engine)
    assert inspect(engine).get_table_names() == ["congress"]


def test_the_command_line_shows_and_upgrades_the_schema(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    path = tmp_path / "previous.sqlite3"
    shutil.copy(PREVIOUS / "previous.sqlite3", path)
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{path}", "UBIQUITE_DATA_DIR": str(tmp_path)}

    def db(*args: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "server", "db", *args], env=env, capture_output=True, text=True, timeout=60
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    assert "behind" in db("current")
    assert f"upgraded from nothing to {migrations.head()}" in db("upgrade")
    assert "up to date" in db("current")
