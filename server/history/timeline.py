"""The timeline of a congress: steps (bursts of one person's edits) and activity per minute, with names.

Built from the log's marks (no update bytes), so a day of 100,000 updates is
grouped in a fraction of a second.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from server.store.base import LogMark

PAUSE = 30.0  # seconds without an edit by the same person that end a step
LONGEST = 300.0  # a step never spans more than five minutes, so long sessions stay readable


@dataclass
class TimelineStep:
    kind: str  # "motion" or "mindmap"
    author: str
    first: int
    last: int
    start: float
    end: float
    edits: int


@dataclass
class Timeline:
    steps: list[TimelineStep]
    start: float | None
    end: float | None
    first: int
    last: int
    edits: int
    # minute (unix time // 60) → author → edits, over both documents
    activity: dict[int, Counter[str]] = field(default_factory=dict)
    authors: list[str] = field(default_factory=list)  # most active first
    counts: dict[str, int] = field(default_factory=dict)  # author → edits, over both documents


class MarkColumns(Protocol):
    """A room's marks as columns (server/history/service.py Marks): no object per mark to build."""

    @property
    def ids(self) -> Sequence[int]: ...

    @property
    def authors(self) -> Sequence[str]: ...

    @property
    def ats(self) -> Sequence[float]: ...


@dataclass
class _Columns:
    ids: Sequence[int]
    authors: Sequence[str]
    ats: Sequence[float]


def _columns(marks: Sequence[LogMark] | MarkColumns) -> MarkColumns:
    if isinstance(marks, Sequence):
        return _Columns([m.id for m in marks], [m.author for m in marks], [m.at for m in marks])
    return marks


def build_timeline(marks: Mapping[str, Sequence[LogMark] | MarkColumns], pause: float = PAUSE) -> Timeline:
    """Steps are grouped per person: two people typing at once make two steps, not hundreds."""
    steps: list[TimelineStep] = []
    activity: dict[int, Counter[str]] = defaultdict(Counter)
    totals: Counter[str] = Counter()
    rooms = {kind: _columns(items) for kind, items in marks.items()}
    for kind, room in rooms.items():
        open_steps: dict[str, TimelineStep] = {}
        for position, author, at in zip(room.ids, room.authors, room.ats, strict=True):
            step = open_steps.get(author)
            if step is None or at - step.end > pause or at - step.start > LONGEST:
                step = open_steps[author] = TimelineStep(kind, author, position, position, at, at, 0)
                steps.append(step)
            step.last, step.end = position, max(step.end, at)
            step.edits += 1
            activity[int(at // 60)][author] += 1
            totals[author] += 1
    steps.sort(key=lambda step: step.last)
    times = [at for room in rooms.values() for at in room.ats]
    ids = [position for room in rooms.values() for position in room.ids]
    return Timeline(
        steps=steps,
        start=min(times, default=None),
        end=max(times, default=None),
        first=min(ids, default=0),
        last=max(ids, default=0),
        edits=len(ids),
        activity=dict(sorted(activity.items())),
        authors=[author for author, _ in totals.most_common()],
        counts=dict(totals.most_common()),
    )
