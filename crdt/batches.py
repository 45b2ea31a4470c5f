"""A stretch of the log regrouped into few batches, one author each, in an order Yjs would accept.

Authorship replays the log through a text observer, and yrs walks the whole
text to compute the delta of every transaction (docs/field-notes.md): one
transaction per logged update costs about a millisecond each on a day's
motion. But the document does not depend on the order its updates are
applied in, as long as each comes after what it builds on (the CRDT
converges), and a transaction holding several updates of one author reports
one delta whose insertions are all that author's. So the updates of a stretch
are regrouped: each author's in their log order, an author's run as long as
what it builds on is there. People writing in their own paragraphs give about
one batch per writer per stretch (10 writers, 1,000 updates: 8 to 11 batches
instead of 1,000 transactions).

What is applicable is decided exactly as crdt.replay.CausalReplay decides it
(`UpdateSummary.check_continues`), so the updates applied at the end are the
same ones, and what waits for an update the stretch does not hold is handed
back, as CausalReplay keeps it pending.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from crdt.updates import CausalGap, UpdateSummary

Tag = TypeVar("Tag", bound=Hashable)


@dataclass
class Batch(Generic[Tag]):
    """Updates to apply in one transaction, all from `tag` (an author), in this order."""

    tag: Tag
    updates: list[bytes] = field(default_factory=list)


def _applicable(summary: UpdateSummary, clocks: dict[int, int]) -> bool:
    try:
        summary.check_continues(clocks)
    except CausalGap:
        return False
    return True


def _advance(summary: UpdateSummary, clocks: dict[int, int]) -> None:
    for client, (_, end) in summary.ranges.items():
        if end > clocks.get(client, 0):
            clocks[client] = end


def author_batches(
    clocks: dict[int, int], updates: Sequence[tuple[bytes, Tag, UpdateSummary]]
) -> tuple[list[Batch[Tag]], list[tuple[bytes, Tag, UpdateSummary]]]:
    """The updates (in log order, with their author and summary) as batches, and what must wait.

    `clocks` is the state vector of the document they are applied to; it is advanced to the
    state after the batches. Each author's updates keep their log order. The next batch is the
    author of the oldest waiting update that can be applied; when an author's next update
    cannot be, the other authors' are tried, and as a last resort any applicable update at all
    (a log out of causal order, crdt/replay.py), so nothing that CausalReplay would apply waits.
    """
    queues: dict[Tag, deque[int]] = {}
    for index, (_, tag, _) in enumerate(updates):
        queues.setdefault(tag, deque()).append(index)
    done = [False] * len(updates)
    batches: list[Batch[Tag]] = []

    def drain(tag: Tag) -> Batch[Tag] | None:
        queue = queues[tag]
        batch: Batch[Tag] | None = None
        while queue and _applicable(updates[queue[0]][2], clocks):
            index = queue.popleft()
            if batch is None:
                batch = Batch(tag)
            batch.updates.append(updates[index][0])
            _advance(updates[index][2], clocks)
            done[index] = True
        return batch

    while True:
        heads = sorted((queue[0], tag) for tag, queue in queues.items() if queue)
        if not heads:
            break
        batch = next((b for _, tag in heads if (b := drain(tag)) is not None), None)
        if batch is None:
            batch = _any_applicable(updates, done, clocks, queues)
            if batch is None:
                break
        if batches and batches[-1].tag == batch.tag:
            batches[-1].updates += batch.updates  # the same author again: still one transaction
        else:
            batches.append(batch)
    held = [item for index, item in enumerate(updates) if not done[index]]
    return batches, held


def _any_applicable(
    updates: Sequence[tuple[bytes, Tag, UpdateSummary]],
    done: list[bool],
    clocks: dict[int, int],
    queues: dict[Tag, deque[int]],
) -> Batch[Tag] | None:
    """The first waiting update in log order that can be applied, behind its author's blocked one."""
    for index, (data, tag, summary) in enumerate(updates):
        if not done[index] and _applicable(summary, clocks):
            _advance(summary, clocks)
            done[index] = True
            queues[tag].remove(index)
            return Batch(tag, [data])
    return None
