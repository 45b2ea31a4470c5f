"""SQLModel tables of the update log and its checkpoints."""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, Index, Integer, LargeBinary, UniqueConstraint
from sqlmodel import Field, SQLModel

# SQLite only auto-increments an INTEGER PRIMARY KEY; PostgreSQL logs may pass 2**31.
_LogId = BigInteger().with_variant(Integer(), "sqlite")


class UpdateRow(SQLModel, table=True):
    __tablename__ = "update_log"
    __table_args__ = (Index("ix_update_log_room_id", "room", "id"),)

    id: int | None = Field(default=None, sa_column=Column(_LogId, primary_key=True, autoincrement=True))
    room: str = Field(max_length=100)
    at: float
    author: str = Field(max_length=200)
    data: bytes = Field(sa_column=Column(LargeBinary, nullable=False))


class CheckpointRow(SQLModel, table=True):
    __tablename__ = "checkpoint"
    __table_args__ = (UniqueConstraint("room", "upto_id", name="uq_checkpoint_room_upto"),)

    id: int | None = Field(default=None, sa_column=Column(_LogId, primary_key=True, autoincrement=True))
    room: str = Field(max_length=100, index=True)
    upto_id: int = Field(sa_column=Column(BigInteger, nullable=False))
    at: float
    state: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
