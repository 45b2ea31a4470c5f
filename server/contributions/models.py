"""SQLModel tables: contributions, their encoder vectors, the congress's axes, the organisers' themes."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Index, LargeBinary, Text, UniqueConstraint, false
from sqlmodel import Field, SQLModel


class ContributionRow(SQLModel, table=True):
    """One idea sent before congress day, written in the browser or imported by an organiser."""

    __tablename__ = "contribution"
    __table_args__ = (
        UniqueConstraint("congress_id", "key", name="uq_contribution_congress_key"),
        Index("ix_contribution_congress_author", "congress_id", "author_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    congress_id: int = Field(foreign_key="congress.id")
    # The id the classification, the exports and the mind map's links use: the file's id
    # for an imported row, a random one for a row written in the browser.
    key: str = Field(max_length=100)
    author_id: int | None = Field(default=None, foreign_key="participant.id")
    author_name: str = Field(default="", max_length=200)  # kept for imported rows, which have no account
    title: str = Field(default="", max_length=300)
    text: str = Field(default="", sa_column=Column(Text, nullable=False))
    axis: str = Field(default="", max_length=200)  # the axis its author thinks it belongs to
    source: str = Field(default="browser", max_length=10)  # browser | import
    created_at: float
    updated_at: float
    # Set when an organiser merged this near-duplicate into another contribution (its key):
    # the row stays, with its author, but the idea is that one's from then on.
    merged_into: str | None = Field(default=None, max_length=100)
    # Set once an organiser placed it in the mind map (server/contributions/placement.py): only
    # such a contribution is shown to the other participants behind a node (docs/security.md).
    surfaced: bool = Field(default=False, sa_column=Column(Boolean, nullable=False, server_default=false()))


class VectorRow(SQLModel, table=True):
    """One encoder's vector of one contribution, computed when it arrived (issue 14).

    `text_hash` is the hash of what the encoder read (title and text,
    server/themes/contributions.py encoder_input): when the text changes, the vector
    no longer matches and is computed again. e5 costs 0.1 s a text, so it is never
    computed at classification time for a text that was already seen.
    """

    __tablename__ = "contribution_vector"
    __table_args__ = (UniqueConstraint("contribution_id", "encoder", name="uq_contribution_vector_encoder"),)

    id: int | None = Field(default=None, primary_key=True)
    contribution_id: int = Field(foreign_key="contribution.id", index=True)
    congress_id: int = Field(foreign_key="congress.id", index=True)
    encoder: str = Field(max_length=20)  # "use" or "e5"
    text_hash: str = Field(max_length=64)
    vector: bytes = Field(sa_column=Column(LargeBinary, nullable=False))  # float32


class AxisRow(SQLModel, table=True):
    """One of the congress's axes, as the organisers wrote it: a name and one sentence (issue 14)."""

    __tablename__ = "congress_axis"
    __table_args__ = (UniqueConstraint("congress_id", "position", name="uq_congress_axis_position"),)

    id: int | None = Field(default=None, primary_key=True)
    congress_id: int = Field(foreign_key="congress.id", index=True)
    position: int
    name: str = Field(max_length=200)
    description: str = Field(default="", sa_column=Column(Text, nullable=False))


class ThemeRow(SQLModel, table=True):
    """A theme of the latest classification, as the organisers corrected it.

    `reviewed` themes are the organisers' corrections: on the next run they become
    ThemeSeeds (their name and their pinned contributions), so they survive it.
    """

    __tablename__ = "theme"

    id: int | None = Field(default=None, primary_key=True)
    congress_id: int = Field(foreign_key="congress.id", index=True)
    position: int
    name: str = Field(default="", max_length=200)  # "" until an organiser names it
    words: str = Field(default="[]", sa_column=Column(Text, nullable=False))  # JSON list, most telling first
    # JSON list of [contribution key, centrality, pinned], most central first.
    members: str = Field(default="[]", sa_column=Column(Text, nullable=False))
    reviewed: bool = False
    label: str = Field(default="", max_length=200)  # the proposed label, a phrase (server/themes/labels.py)
    axis: str = Field(default="", max_length=200)  # the congress axis this theme is, "" for none
    other: bool = False  # "Autre": contributions far from every axis
    # JSON list of [label, [contribution keys]]: sub-themes proposed inside an axis.
    subthemes: str = Field(default="[]", sa_column=Column(Text, nullable=False))


class ThemeRunRow(SQLModel, table=True):
    """When the themes were last computed, and what the method said about them."""

    __tablename__ = "theme_run"

    congress_id: int = Field(primary_key=True, foreign_key="congress.id")
    ran_at: float
    k: int | None = None  # what the organiser asked, None: proposed by the method
    proposed_k: int | None = None
    contributions: int = 0
    seconds: float = 0.0
    near_duplicates: str = Field(default="[]", sa_column=Column(Text, nullable=False))  # JSON [[a, b, sim]]


TABLES = [
    ContributionRow.__table__,  # type: ignore[attr-defined]
    VectorRow.__table__,  # type: ignore[attr-defined]
    AxisRow.__table__,  # type: ignore[attr-defined]
    ThemeRow.__table__,  # type: ignore[attr-defined]
    ThemeRunRow.__table__,  # type: ignore[attr-defined]
]
