"""SQLModel tables of the history: named versions, and authorship cached at checkpoint positions."""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, Text, UniqueConstraint
from sqlmodel import Field, SQLModel


class VersionRow(SQLModel, table=True):
    """A name an organiser gave to a position of the log ("texte adopté")."""

    __tablename__ = "named_version"

    id: int | None = Field(default=None, primary_key=True)
    congress_id: int = Field(foreign_key="congress.id", index=True)
    name: str = Field(max_length=200)
    # A log id: the congress's documents as they were once every update up to it was applied.
    position: int = Field(sa_column=Column(BigInteger, nullable=False))
    created_by: str = Field(max_length=200)  # "participant:{id}", as on the log
    created_at: float


class AttributionRow(SQLModel, table=True):
    """Who wrote each byte of a room's text at one of its checkpoint positions.

    Derived from the log (crdt.history.Attribution), cached so that authorship at
    any position is this plus a replay of at most one checkpoint interval.
    """

    __tablename__ = "attribution"
    __table_args__ = (UniqueConstraint("room", "upto_id", name="uq_attribution_room_upto"),)

    id: int | None = Field(default=None, primary_key=True)
    room: str = Field(max_length=100, index=True)
    upto_id: int = Field(sa_column=Column(BigInteger, nullable=False))
    runs: str = Field(sa_column=Column(Text, nullable=False))  # JSON [[author, utf-8 length], ...]


TABLES = [
    VersionRow.__table__,  # type: ignore[attr-defined]
    AttributionRow.__table__,  # type: ignore[attr-defined]
]
