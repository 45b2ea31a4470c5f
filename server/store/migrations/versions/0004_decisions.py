"""Amendments, supports, votes, ballots and pen mode (issue 15).

Revision ID: 0004_decisions
Revises: 0003
Create Date: 2026-12-02

- `vote`: one per question put to the congress, its counts raised ballot by
  ballot; at most one open per congress (a partial unique index).
- `amendment` and `amendment_support`: proposals anchored in the motion
  (Yjs relative positions) and who backs them.
- `ballot`: that a person voted, and nothing else: no choice, no time, no
  surrogate id; SQLite keeps it WITHOUT ROWID, so in key order, not in the
  order people voted. `named_choice`: the choices of named votes only.
- `congress.pen_on`, `congress.pen_version`, `participant.pen_holder`: pen mode;
  existing rows start with it off.
- Every congress gets its two server-written rooms, `{slug}.decisions` and
  `{slug}.tally` (rows of `congress_document`), as new congresses do.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_decisions"
down_revision = "0003"
branch_labels = None
depends_on = None

NEW_KINDS = ("decisions", "tally")


def upgrade() -> None:
    op.create_table(
        "vote",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("congress_id", sa.Integer(), nullable=False),
        sa.Column("subject_kind", sa.String(length=10), nullable=False),
        sa.Column("subject_ref", sa.String(length=500), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("secret", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("opened_by", sa.Integer(), nullable=False),
        sa.Column("opened_at", sa.Float(), nullable=False),
        sa.Column("closes_at", sa.Float(), nullable=True),
        sa.Column("closed_at", sa.Float(), nullable=True),
        sa.Column("shown", sa.Boolean(), nullable=False),
        sa.Column("eligible", sa.Integer(), nullable=False),
        sa.Column("cast_count", sa.Integer(), nullable=False),
        sa.Column("count_for", sa.Integer(), nullable=False),
        sa.Column("count_against", sa.Integer(), nullable=False),
        sa.Column("count_abstain", sa.Integer(), nullable=False),
        sa.Column("result", sa.String(length=10), nullable=True),
        sa.Column("position", sa.BigInteger(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["congress_id"], ["congress.id"]),
        sa.ForeignKeyConstraint(["opened_by"], ["participant.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("vote", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_vote_congress_id"), ["congress_id"], unique=False)
        batch_op.create_index(
            "uq_vote_one_open",
            ["congress_id"],
            unique=True,
            sqlite_where=sa.text("status = 'open'"),
            postgresql_where=sa.text("status = 'open'"),
        )

    op.create_table(
        "amendment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("congress_id", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("outdated", sa.Boolean(), nullable=False),
        sa.Column("original", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("axis", sa.String(length=200), nullable=False),
        sa.Column("anchor_start", sa.String(length=100), nullable=False),
        sa.Column("anchor_end", sa.String(length=100), nullable=False),
        sa.Column("supporters", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.Float(), nullable=False),
        sa.Column("decided_at", sa.Float(), nullable=True),
        sa.Column("decided_by", sa.Integer(), nullable=True),
        sa.Column("decision_reason", sa.Text(), server_default="", nullable=False),
        sa.Column("vote_id", sa.Integer(), nullable=True),
        sa.Column("position", sa.BigInteger(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["author_id"], ["participant.id"]),
        sa.ForeignKeyConstraint(["congress_id"], ["congress.id"]),
        sa.ForeignKeyConstraint(["decided_by"], ["participant.id"]),
        sa.ForeignKeyConstraint(["vote_id"], ["vote.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("amendment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_amendment_congress_id"), ["congress_id"], unique=False)

    op.create_table(
        "ballot",
        sa.Column("vote_id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["participant_id"], ["participant.id"]),
        sa.ForeignKeyConstraint(["vote_id"], ["vote.id"]),
        sa.PrimaryKeyConstraint("vote_id", "participant_id"),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "named_choice",
        sa.Column("vote_id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("choice", sa.String(length=10), nullable=False),
        sa.ForeignKeyConstraint(["participant_id"], ["participant.id"]),
        sa.ForeignKeyConstraint(["vote_id"], ["vote.id"]),
        sa.PrimaryKeyConstraint("vote_id", "participant_id"),
    )
    op.create_table(
        "amendment_support",
        sa.Column("amendment_id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(["amendment_id"], ["amendment.id"]),
        sa.ForeignKeyConstraint(["participant_id"], ["participant.id"]),
        sa.PrimaryKeyConstraint("amendment_id", "participant_id"),
    )
    with op.batch_alter_table("congress", schema=None) as batch_op:
        batch_op.add_column(sa.Column("pen_on", sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.add_column(sa.Column("pen_version", sa.Integer(), server_default="0", nullable=False))
    with op.batch_alter_table("participant", schema=None) as batch_op:
        batch_op.add_column(sa.Column("pen_holder", sa.Boolean(), server_default=sa.false(), nullable=False))

    # The server-written rooms of every congress already there (new ones get them when created).
    connection = op.get_bind()
    congresses = connection.execute(sa.text("SELECT id, slug FROM congress ORDER BY id")).all()
    for congress_id, slug in congresses:
        for kind in NEW_KINDS:
            connection.execute(
                sa.text("INSERT INTO congress_document (congress_id, kind, room) VALUES (:c, :k, :r)"),
                {"c": congress_id, "k": kind, "r": f"{slug}.{kind}"},
            )


def downgrade() -> None:
    connection = op.get_bind()
    connection.execute(
        sa.text("DELETE FROM congress_document WHERE kind IN ('decisions', 'tally')"),
    )
    with op.batch_alter_table("participant", schema=None) as batch_op:
        batch_op.drop_column("pen_holder")
    with op.batch_alter_table("congress", schema=None) as batch_op:
        batch_op.drop_column("pen_version")
        batch_op.drop_column("pen_on")
    op.drop_table("amendment_support")
    op.drop_table("named_choice")
    op.drop_table("ballot")
    with op.batch_alter_table("amendment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_amendment_congress_id"))
    op.drop_table("amendment")
    with op.batch_alter_table("vote", schema=None) as batch_op:
        batch_op.drop_index("uq_vote_one_open", sqlite_where=sa.text("status = 'open'"))
        batch_op.drop_index(batch_op.f("ix_vote_congress_id"))
    op.drop_table("vote")
