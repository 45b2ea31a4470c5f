"""Contributions an organiser placed in the mind map (issue 12, item 8).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01

- `contribution.surfaced`: set when the organisers' placement links it from the
  mind map. After the contributions phase, participants read another person's
  contribution behind a node only if it is surfaced: anyone may write a link
  into the shared map, so a link alone proves nothing. Existing rows start
  unsurfaced; placing the themes again surfaces them.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("contribution", schema=None) as batch_op:
        batch_op.add_column(sa.Column("surfaced", sa.Boolean(), server_default=sa.false(), nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("contribution", schema=None) as batch_op:
        batch_op.drop_column("surfaced")
