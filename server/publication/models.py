"""The table of published versions: at most one per congress, readable by anyone while it exists."""

from __future__ import annotations

from sqlalchemy import BigInteger, Column
from sqlmodel import Field, SQLModel


class PublicationRow(SQLModel, table=True):
    __tablename__ = "publication"

    congress_id: int = Field(foreign_key="congress.id", primary_key=True)
    position: int = Field(sa_column=Column(BigInteger, nullable=False))  # an update id of the motion's room
    published_at: float
    published_by: str = Field(max_length=200)  # "participant:{id}" of the organiser


TABLES = [PublicationRow.__table__]  # type: ignore[attr-defined]
