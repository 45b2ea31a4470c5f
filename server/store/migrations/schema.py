"""Every table of the application in one metadata: what the migrations are compared against."""

from __future__ import annotations

from sqlalchemy import MetaData
from sqlmodel import SQLModel


def metadata() -> MetaData:
    """SQLModel's metadata once every model module is imported (each registers its tables there)."""
    import server.congress.models
    import server.contributions.models
    import server.decisions.models
    import server.history.models
    import server.publication.models
    import server.store.models  # noqa: F401

    return SQLModel.metadata
