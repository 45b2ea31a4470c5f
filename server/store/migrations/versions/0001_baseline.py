"""Baseline: the schema of the last release made by `create_all` (commit 0218b17).

Revision ID: 0001
Revises:
Create Date: 2026-12-01

A database of that release already has some or all of these tables and no
`alembic_version`: the upgrade creates only the missing ones, so adopting it
is running this revision (server/store/migrations/__init__.py checks the
columns first). Frozen: a later change to the models is a new revision.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_LOG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _tables() -> dict[str, tuple[list[Any], list[tuple[str, list[str]]]]]:
    """Table → (columns and constraints, indexes as (name, columns)), in an order foreign keys allow."""
    return {
        "congress": (
            [
                sa.Column("id", sa.Integer(), nullable=False),
                sa.Column("slug", sa.String(length=48), nullable=False),
                sa.Column("title", sa.String(length=200), nullable=False),
                sa.Column("edition", sa.String(length=100), nullable=False),
                sa.Column("starts_on", sa.Date(), nullable=True),
                sa.Column("ends_on", sa.Date(), nullable=True),
                sa.Column("phase", sa.String(length=20), nullable=False),
                sa.Column("created_at", sa.Float(), nullable=False),
                sa.PrimaryKeyConstraint("id"),
                sa.UniqueConstraint("slug"),
            ],
            [],
        ),
        "participant": (
            [
                sa.Column("id", sa.Integer(), nullable=False),
                sa.Column("congress_id", sa.Integer(), nullable=False),
                sa.Column("name", sa.String(length=200), nullable=False),
                sa.Column("role", sa.String(length=20), nullable=False),
                sa.Column("commune", sa.String(length=200), nullable=False),
                sa.Column("department", sa.String(length=3), nullable=False),
                sa.Column("site", sa.String(length=10), nullable=False),
                sa.Column("contact", sa.String(length=200), nullable=False),
                sa.Column("created_at", sa.Float(), nullable=False),
                sa.Column("revoked_at", sa.Float(), nullable=True),
                sa.Column("claimed_at", sa.Float(), nullable=True),
                sa.Column("group_invitation_id", sa.String(length=40), nullable=True),
                sa.ForeignKeyConstraint(["congress_id"], ["congress.id"]),
                sa.PrimaryKeyConstraint("id"),
            ],
            [
                ("ix_participant_congress_name", ["congress_id", "name"]),
                ("ix_participant_group_invitation_id", ["group_invitation_id"]),
            ],
        ),
        "invitation": (
            [
                sa.Column("id", sa.String(length=40), nullable=False),
                sa.Column("congress_id", sa.Integer(), nullable=False),
                sa.Column("role", sa.String(length=20), nullable=False),
                sa.Column("participant_id", sa.Integer(), nullable=True),
                sa.Column("created_at", sa.Float(), nullable=False),
                sa.Column("expires_at", sa.Float(), nullable=False),
                sa.Column("revoked_at", sa.Float(), nullable=True),
                sa.ForeignKeyConstraint(["congress_id"], ["congress.id"]),
                sa.ForeignKeyConstraint(["participant_id"], ["participant.id"]),
                sa.PrimaryKeyConstraint("id"),
            ],
            [
                ("ix_invitation_congress_id", ["congress_id"]),
                ("ix_invitation_participant_id", ["participant_id"]),
            ],
        ),
        "web_session": (
            [
                sa.Column("id", sa.String(length=64), nullable=False),
                sa.Column("participant_id", sa.Integer(), nullable=False),
                sa.Column("invitation_id", sa.String(length=40), nullable=False),
                sa.Column("created_at", sa.Float(), nullable=False),
                sa.Column("expires_at", sa.Float(), nullable=False),
                sa.Column("ended_at", sa.Float(), nullable=True),
                sa.ForeignKeyConstraint(["participant_id"], ["participant.id"]),
                sa.PrimaryKeyConstraint("id"),
            ],
            [("ix_web_session_participant_id", ["participant_id"])],
        ),
        "congress_document": (
            [
                sa.Column("id", sa.Integer(), nullable=False),
                sa.Column("congress_id", sa.Integer(), nullable=False),
                sa.Column("kind", sa.String(length=40), nullable=False),
                sa.Column("room", sa.String(length=100), nullable=False),
                sa.ForeignKeyConstraint(["congress_id"], ["congress.id"]),
                sa.PrimaryKeyConstraint("id"),
                sa.UniqueConstraint("congress_id", "kind", name="uq_document_congress_kind"),
                sa.UniqueConstraint("room"),
            ],
            [("ix_congress_document_congress_id", ["congress_id"])],
        ),
        "update_log": (
            [
                sa.Column("id", _LOG_ID, autoincrement=True, nullable=False),
                sa.Column("room", sa.String(length=100), nullable=False),
                sa.Column("at", sa.Float(), nullable=False),
                sa.Column("author", sa.String(length=200), nullable=False),
                sa.Column("data", sa.LargeBinary(), nullable=False),
                sa.PrimaryKeyConstraint("id"),
            ],
            [("ix_update_log_room_id", ["room", "id"])],
        ),
        "checkpoint": (
            [
                sa.Column("id", _LOG_ID, autoincrement=True, nullable=False),
                sa.Column("room", sa.String(length=100), nullable=False),
                sa.Column("upto_id", sa.BigInteger(), nullable=False),
                sa.Column("at", sa.Float(), nullable=False),
                sa.Column("state", sa.LargeBinary(), nullable=False),
                sa.PrimaryKeyConstraint("id"),
                sa.UniqueConstraint("room", "upto_id", name="uq_checkpoint_room_upto"),
            ],
            [("ix_checkpoint_room", ["room"])],
        ),
        "attribution": (
            [
                sa.Column("id", sa.Integer(), nullable=False),
                sa.Column("room", sa.String(length=100), nullable=False),
                sa.Column("upto_id", sa.BigInteger(), nullable=False),
                sa.Column("runs", sa.Text(), nullable=False),
                sa.PrimaryKeyConstraint("id"),
                sa.UniqueConstraint("room", "upto_id", name="uq_attribution_room_upto"),
            ],
            [("ix_attribution_room", ["room"])],
        ),
        "named_version": (
            [
                sa.Column("id", sa.Integer(), nullable=False),
                sa.Column("congress_id", sa.Integer(), nullable=False),
                sa.Column("name", sa.String(length=200), nullable=False),
                sa.Column("position", sa.BigInteger(), nullable=False),
                sa.Column("created_by", sa.String(length=200), nullable=False),
                sa.Column("created_at", sa.Float(), nullable=False),
                sa.ForeignKeyConstraint(["congress_id"], ["congress.id"]),
                sa.PrimaryKeyConstraint("id"),
            ],
            [("ix_named_version_congress_id", ["congress_id"])],
        ),
        "publication": (
            [
                sa.Column("congress_id", sa.Integer(), nullable=False),
                sa.Column("position", sa.BigInteger(), nullable=False),
                sa.Column("published_at", sa.Float(), nullable=False),
                sa.Column("published_by", sa.String(length=200), nullable=False),
                sa.ForeignKeyConstraint(["congress_id"], ["congress.id"]),
                sa.PrimaryKeyConstraint("congress_id"),
            ],
            [],
        ),
        "contribution": (
            [
                sa.Column("id", sa.Integer(), nullable=False),
                sa.Column("congress_id", sa.Integer(), nullable=False),
                sa.Column("key", sa.String(length=100), nullable=False),
                sa.Column("author_id", sa.Integer(), nullable=True),
                sa.Column("author_name", sa.String(length=200), nullable=False),
                sa.Column("title", sa.String(length=300), nullable=False),
                sa.Column("text", sa.Text(), nullable=False),
                sa.Column("axis", sa.String(length=200), nullable=False),
                sa.Column("source", sa.String(length=10), nullable=False),
                sa.Column("created_at", sa.Float(), nullable=False),
                sa.Column("updated_at", sa.Float(), nullable=False),
                sa.Column("vector_key", sa.String(length=64), nullable=True),
                sa.Column("vector", sa.LargeBinary(), nullable=True),
                sa.ForeignKeyConstraint(["author_id"], ["participant.id"]),
                sa.ForeignKeyConstraint(["congress_id"], ["congress.id"]),
                sa.PrimaryKeyConstraint("id"),
                sa.UniqueConstraint("congress_id", "key", name="uq_contribution_congress_key"),
            ],
            [("ix_contribution_congress_author", ["congress_id", "author_id"])],
        ),
        "theme": (
            [
                sa.Column("id", sa.Integer(), nullable=False),
                sa.Column("congress_id", sa.Integer(), nullable=False),
                sa.Column("position", sa.Integer(), nullable=False),
                sa.Column("name", sa.String(length=200), nullable=False),
                sa.Column("words", sa.Text(), nullable=False),
                sa.Column("members", sa.Text(), nullable=False),
                sa.Column("reviewed", sa.Boolean(), nullable=False),
                sa.ForeignKeyConstraint(["congress_id"], ["congress.id"]),
                sa.PrimaryKeyConstraint("id"),
            ],
            [("ix_theme_congress_id", ["congress_id"])],
        ),
        "theme_run": (
            [
                sa.Column("congress_id", sa.Integer(), nullable=False),
                sa.Column("ran_at", sa.Float(), nullable=False),
                sa.Column("k", sa.Integer(), nullable=True),
                sa.Column("proposed_k", sa.Integer(), nullable=True),
                sa.Column("contributions", sa.Integer(), nullable=False),
                sa.Column("seconds", sa.Float(), nullable=False),
                sa.Column("near_duplicates", sa.Text(), nullable=False),
                sa.ForeignKeyConstraint(["congress_id"], ["congress.id"]),
                sa.PrimaryKeyConstraint("congress_id"),
            ],
            [],
        ),
    }


# What a database of the previous release must have in each table it holds.
COLUMNS = {
    name: {item.name for item in items if isinstance(item, sa.Column)}
    for name, (items, _indexes) in _tables().items()
}


def upgrade() -> None:
    existing = set(sa.inspect(op.get_bind()).get_table_names())
    for name, (items, indexes) in _tables().items():
        if name in existing:  # made by the previous release's create_all, with its indexes
            continue
        op.create_table(name, *items)
        for index, columns in indexes:
            op.create_index(index, name, columns, unique=False)


def downgrade() -> None:
    for name in reversed(_tables()):
        op.drop_table(name)
