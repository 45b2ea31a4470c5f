"""`ubiquite db current|upgrade|revision`: the database schema from the command line (docs/migrations.md)."""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path
from typing import Any

from alembic import command
from sqlalchemy import create_engine
from sqlalchemy.engine import Engine

from server.settings import Settings
from server.store import migrations
from server.store.sql import normalise_url


def _engine(settings: Settings) -> Engine:
    """DATABASE_URL's database (Settings accepts only sqlite:// and postgresql:// from the environment)."""
    return create_engine(normalise_url(settings.database_url))


def current(args: argparse.Namespace, settings: Settings) -> int:
    engine = _engine(settings)
    try:
        at, head = migrations.current(engine), migrations.head()
    finally:
        engine.dispose()
    state = "up to date" if at == head else "behind: run `ubiquite db upgrade` (a server start does it too)"
    where = at or "no revision (empty, or made before migrations)"
    print(f"database at {where}; this release: {head} ({state})")
    return 0


def upgrade(args: argparse.Namespace, settings: Settings) -> int:
    engine = _engine(settings)
    try:
        before = migrations.upgrade(engine)
        after = migrations.current(engine)
    finally:
        engine.dispose()
    print(f"database upgraded from {before or 'nothing'} to {after}" if before != after else f"at {after}")
    return 0


def revision(args: argparse.Namespace, settings: Settings) -> int:
    """A new migration script, its operations drafted by comparing the models with the schema at head."""
    with tempfile.TemporaryDirectory() as tmp:
        engine = create_engine(f"sqlite:///{Path(tmp) / 'head.sqlite3'}")
        migrations.upgrade(engine)
        with engine.connect() as connection:
            number = f"{int(migrations.head()[:4]) + 1:04d}"  # "0004_decisions" is 4
            script: Any = command.revision(
                migrations.config(connection), args.message, autogenerate=True, rev_id=number
            )
        engine.dispose()
    print(f"new migration {script.path}: read it, complete it, test it (docs/migrations.md)")
    return 0


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    database = commands.add_parser("db", help="the database schema: show its revision, upgrade it")
    actions = database.add_subparsers(dest="db_command", required=True)
    showing = actions.add_parser("current", help="the schema revision of DATABASE_URL and of this release")
    showing.set_defaults(handler=current)
    actions.add_parser("upgrade", help="bring DATABASE_URL to this release's schema").set_defaults(
        handler=upgrade
    )
    drafting = actions.add_parser("revision", help="(developers) draft a new migration from the models")
    drafting.add_argument("-m", "--message", required=True, help="what the migration changes")
    drafting.set_defaults(handler=revision)
