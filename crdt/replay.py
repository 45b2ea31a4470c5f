"""Replaying a stored log into a document in an order Yjs would accept, whatever order it was stored in.

With several server processes the log is not always in causal order for each
Yjs client: a process killed before its batch reached the database leaves
updates that a survivor stores later, after the same client's next updates
(it typed on, reconnected elsewhere). pycrdt 0.14 integrates an update that
skips ahead in a client's clocks instead of keeping it pending, and the text
comes out wrong (measured: 50 of 50 shuffled replays of one writer differ).
So a replay holds back every update that does not yet continue what the
document has, and applies it as soon as what it builds on has arrived, just
as a Yjs client keeps an update pending.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import Any

from pycrdt import Doc

from crdt.protocol import decode_state_vector
from crdt.updates import CausalGap, UpdateSummary, inspect_update

log = logging.getLogger(__name__)


def doc_at(checkpoint: bytes | None, updates: Iterable[bytes]) -> Doc[Any]:
    """The document a checkpoint and the log after it describe, replayed in causal order.

    The one "document at a position": a room loaded from the log, a version
    exported or published, a position of the history (server/history/seek.py,
    which adds seek points and an in-order fast path on top of the same replay).
    Never pycrdt's Snapshot, which docs/field-notes.md found to panic or return wrong text.
    """
    replay = CausalReplay(checkpoint)
    for update in updates:
        replay.add(update)
    if replay.pending:
        log.warning("%d logged updates wait for updates the log does not hold", replay.pending)
    return replay.doc


class CausalReplay:
    """A document fed update by update; what skips ahead waits until it no longer does."""

    def __init__(
        self,
        checkpoint: bytes | None = None,
        track_changes: bool = False,
        before_apply: Callable[[Any], None] | None = None,
    ) -> None:
        """`before_apply(tag)` is called just before each update is applied, held ones included."""
        self.doc: Doc[Any] = Doc()
        self._before_apply = before_apply
        if checkpoint:
            self.doc.apply_update(checkpoint)
        self.clocks = decode_state_vector(self.doc.get_state())
        self._held: list[tuple[bytes, UpdateSummary, Any]] = []
        self.reordered = 0  # how many updates had to wait for one logged after them
        self._changed = False
        if track_changes:  # a document handed on to a room must not keep this observer
            self.doc.observe(self._on_change)

    @property
    def pending(self) -> int:
        """How many updates wait for something the log has not given yet."""
        return len(self._held)

    def held(self) -> list[tuple[bytes, Any]]:
        """The updates that wait, with their tags, in the order they came."""
        return [(update, tag) for update, _, tag in self._held]

    def add(self, update: bytes, tag: Any = None) -> bool:
        """Apply `update` now or once it can be; True unless it was already wholly in the document.

        What `add` returns is only meaningful with `track_changes`.

        Raises an UpdateError if the bytes are not a well-formed update.
        """
        summary = inspect_update(update)
        try:
            summary.check_continues(self.clocks)
        except CausalGap:
            self._held.append((update, summary, tag))
            self.reordered += 1
            return True
        changed = self._apply(update, summary, tag)
        if self._held:
            self._release()
        return changed

    def state(self) -> bytes:
        return self.doc.get_update()

    def _apply(self, update: bytes, summary: UpdateSummary, tag: Any) -> bool:
        self._changed = False
        if self._before_apply is not None:
            self._before_apply(tag)
        self.doc.apply_update(update)
        for client, (_, end) in summary.ranges.items():
            if end > self.clocks.get(client, 0):
                self.clocks[client] = end
        return self._changed

    def _release(self) -> None:
        progress = True
        while progress and self._held:
            progress = False
            for item in list(self._held):
                update, summary, tag = item
                try:
                    summary.check_continues(self.clocks)
                except CausalGap:
                    continue
                self._held.remove(item)
                self._apply(update, summary, tag)
                progress = True

    def _on_change(self, _event: Any) -> None:
        # pycrdt reports a transaction only when it changed something: an update
        # already wholly in the document (deletions included) raises no event.
        self._changed = True
