"""The timeline of a congress: steps (bursts of one person's edits) and activity per minute, with names.

Built from the log's marks (no update bytes), so a day of 100,000 updates is
grouped in a fraction of a second.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

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


def build_timeline(marks: dict[str, list[LogMark]], pause: float = PAUSE) -> Timeline:
    """Steps are grouped per person: two people typing at once make two steps, not hundreds."""
    steps: list[TimelineStep] = []
    activity: dict[int, Counter[str]] = defaultdict(Counter)
    totals: Counter[str] = Counter()
    for kind, items in marks.items():
        open_steps: dict[str, TimelineStep] = {}
        for mark in items:
            step = open_steps.get(mark.author)
            if step is None or mark.at - step.end > pause or mark.at - step.start > LONGEST:
                step = open_steps[mark.author] = TimelineStep(
                    kind, mark.author, mark.id, mark.id, mark.at, mark.at, 0
                )
                steps.append(step)
            step.last, step.end = mark.id, max(step.end, mark.at)
            step.edits += 1
            activity[int(mark.at // 60)][mark.author] += 1
            totals[mark.author] += 1
    steps.sort(key=lambda step: step.last)
    everything = [m for items in marks.values() for m in items]
    return Timeline(
        steps=steps,
        start=min((m.at for m in everything), default=None),
        end=max((m.at for m in everything), default=None),
        first=min((m.id for m in everything), default=0),
        last=max((m.id for m in everything), default=0),
        edits=len(everything),
        activity=dict(sorted(activity.items())),
        authors=[author for author, _ in totals.most_common()],
        counts=dict(totals.most_common()),
    )
