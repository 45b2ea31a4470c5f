"""Tables that live in the store's database beside the log, reached through its engine."""

from __future__ import annotations

from typing import Any, ClassVar

from sqlalchemy.engine import Engine
from sqlmodel import Session


class BoundTables:
    """A group of SQLModel tables, bound to the store's engine once the store has started."""

    tables: ClassVar[list[Any]]  # the group's SQLModel table objects (`Model.__table__`)
    label: ClassVar[str]  # what to call the group in an error

    def __init__(self, engine: Engine | None = None) -> None:
        self._engine = engine

    def bind(self, engine: Engine) -> None:
        """The server binds the store's engine once the store has started."""
        self._engine = engine

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            raise RuntimeError(f"{self.label} not bound to a database")
        return self._engine

    def _session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)
