"""Alembic's environment, configured from code (server/store/migrations/__init__.py), never from a file.

The connection comes in `config.attributes["connection"]`; `target_metadata` is
every table of the application, for `ubiquite db revision --autogenerate`.
"""

from __future__ import annotations

from alembic import context

from server.store.migrations.schema import metadata

config = context.config
connection = config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata(),
    # SQLite cannot ALTER most things: a migration rebuilds the table ("batch" mode, docs/migrations.md).
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
