"""The congress's axes, one vector per encoder, merged ideas, theme labels (issue 14).

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01

- `congress_axis`: the axes the organisers write (name and one sentence).
- `contribution_vector`: each encoder's vector of each contribution, computed on
  arrival. The old `contribution.vector` held the USE vector of the text alone;
  the encoders now read the title and the text, so those vectors are dropped,
  not copied: the worker computes the new ones (server/contributions/warming.py).
- `contribution.merged_into`: a near-duplicate merged into another idea.
- `theme.label`, `axis`, `other`, `subthemes`: the proposed phrase, the axis a
  theme is, "Autre", and the sub-themes; existing rows get empty values.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "congress_axis",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("congress_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["congress_id"],
            ["congress.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("congress_id", "position", name="uq_congress_axis_position"),
    )
    with op.batch_alter_table("congress_axis", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_congress_axis_congress_id"), ["congress_id"], unique=False)

    op.create_table(
        "contribution_vector",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contribution_id", sa.Integer(), nullable=False),
        sa.Column("congress_id", sa.Integer(), nullable=False),
        sa.Column("encoder", sa.String(length=20), nullable=False),
        sa.Column("text_hash", sa.String(length=64), nullable=False),
        sa.Column("vector", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["congress_id"],
            ["congress.id"],
        ),
        sa.ForeignKeyConstraint(
            ["contribution_id"],
            ["contribution.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("contribution_id", "encoder", name="uq_contribution_vector_encoder"),
    )
    with op.batch_alter_table("contribution_vector", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contribution_vector_congress_id"), ["congress_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_contribution_vector_contribution_id"), ["contribution_id"], unique=False
        )

    with op.batch_alter_table("contribution", schema=None) as batch_op:
        batch_op.add_column(sa.Column("merged_into", sa.String(length=100), nullable=True))
        batch_op.drop_column("vector_key")
        batch_op.drop_column("vector")

    with op.batch_alter_table("theme", schema=None) as batch_op:
        # Rows of the previous release need values: server defaults fill them.
        batch_op.add_column(sa.Column("label", sa.String(length=200), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("axis", sa.String(length=200), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("other", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column("subthemes", sa.Text(), nullable=False, server_default="[]"))


def downgrade() -> None:
    with op.batch_alter_table("theme", schema=None) as batch_op:
        batch_op.drop_column("subthemes")
        batch_op.drop_column("other")
        batch_op.drop_column("axis")
        batch_op.drop_column("label")

    with op.batch_alter_table("contribution", schema=None) as batch_op:
        batch_op.add_column(sa.Column("vector", sa.LargeBinary(), nullable=True))
        batch_op.add_column(sa.Column("vector_key", sa.String(length=64), nullable=True))
        batch_op.drop_column("merged_into")

    with op.batch_alter_table("contribution_vector", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contribution_vector_contribution_id"))
        batch_op.drop_index(batch_op.f("ix_contribution_vector_congress_id"))

    op.drop_table("contribution_vector")
    with op.batch_alter_table("congress_axis", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_congress_axis_congress_id"))

    op.drop_table("congress_axis")
