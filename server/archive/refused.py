"""The one error of archives: the file is not a whole, consistent archive, and nothing was imported."""

from __future__ import annotations

from server.congress.domain import DomainError


class ArchiveRefused(DomainError):
    """The file is not a whole, consistent archive: nothing was imported."""
