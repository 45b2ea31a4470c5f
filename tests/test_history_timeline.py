"""The timeline of a congress (server/history/timeline.py): steps, activity per minute, authors."""

from __future__ import annotations

from server.history.timeline import LONGEST, build_timeline
from server.store.base import LogMark


def _marks(room: str, *entries: tuple[int, str, float]) -> list[LogMark]:
    return [LogMark(position, room, author, at) for position, author, at in entries]


def test_steps_group_bursts_of_each_person() -> None:
    """One person's edits close in time make a step, even with someone else typing in between."""
    marks = _marks("c.motion", (1, "A", 0.0), (2, "A", 5.0), (3, "B", 6.0), (4, "A", 7.0), (5, "A", 100.0))
    timeline = build_timeline({"motion": marks}, pause=30)
    assert [(s.author, s.first, s.last, s.edits) for s in timeline.steps] == [
        ("B", 3, 3, 1),
        ("A", 1, 4, 3),
        ("A", 5, 5, 1),
    ]  # in the order the steps ended
    assert (timeline.first, timeline.last, timeline.edits) == (1, 5, 5)
    assert (timeline.start, timeline.end) == (0.0, 100.0)
    assert timeline.authors == ["A", "B"]  # most active first


def test_a_long_session_is_cut_into_steps_of_at_most_five_minutes() -> None:
    marks = _marks("c.motion", *[(i + 1, "A", i * 20.0) for i in range(40)])  # 13 minutes, never a pause
    steps = build_timeline({"motion": marks}).steps
    assert len(steps) == 3 and all(s.end - s.start <= LONGEST for s in steps)
    assert sum(s.edits for s in steps) == 40 and [s.first for s in steps] == [1, 17, 33]


def test_documents_keep_their_own_steps_and_share_the_activity() -> None:
    timeline = build_timeline(
        {
            "motion": _marks("c.motion", (1, "A", 60.0), (3, "A", 65.0)),
            "mindmap": _marks("c.mindmap", (2, "A", 62.0), (4, "B", 130.0)),
        }
    )
    assert [(s.kind, s.author, s.first, s.last) for s in timeline.steps] == [
        ("mindmap", "A", 2, 2),
        ("motion", "A", 1, 3),
        ("mindmap", "B", 4, 4),
    ]  # in the order the steps ended
    assert {minute: dict(counts) for minute, counts in timeline.activity.items()} == {
        1: {"A": 3},
        2: {"B": 1},
    }
    assert list(timeline.activity) == sorted(timeline.activity)


def test_an_empty_log_has_an_empty_timeline() -> None:
    timeline = build_timeline({"motion": [], "mindmap": []})
    assert timeline.steps == [] and timeline.edits == 0 and timeline.authors == []
    assert (timeline.start, timeline.end, timeline.first, timeline.last) == (None, None, 0, 0)
