"""The memory of a congress: its documents at any log position, named versions, authorship, diff, restore.

`History` (service.py) is what routes and exports call; `text_at` gives the
motion's Markdown at a position or a named version.
"""

from server.history.service import History, Moment, NamedVersion, UnknownVersion

__all__ = ["History", "Moment", "NamedVersion", "UnknownVersion"]
