"""A client's updates that arrived before what they build on: held briefly, as Yjs keeps pending structs.

Right after a reconnect the stock client may send a keystroke before its
answer to the server's sync step 1, which carries the edits it made while
away: the keystroke continues clocks the room has not seen yet (a causal gap,
crdt/updates.py). Refusing it closed the socket with 1007 and the client
reconnected, one to four times per server restart (issue 12, item 16). A Yjs
document keeps such an update pending until the gap is filled; so does this
holder, per connection, bounded in count, bytes and time: the endpoint tries
the held updates again after each update it applies, and refuses (1007) only
what is still waiting after `max_seconds`, or what would pass a bound.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from crdt.updates import CausalGap, UpdateSummary, inspect_update

MAX_HELD_UPDATES = 256
MAX_HELD_BYTES = 4 * 1024 * 1024
MAX_HELD_SECONDS = 5.0


class HoldRefused(CausalGap):
    """A gap that is not waited for: the holder is full, or the gap was not filled in time."""


@dataclass(slots=True)
class _Held:
    update: bytes
    summary: UpdateSummary
    since: float
    gap: str


class HeldUpdates:
    def __init__(
        self,
        max_updates: int = MAX_HELD_UPDATES,
        max_bytes: int = MAX_HELD_BYTES,
        max_seconds: float = MAX_HELD_SECONDS,
    ) -> None:
        self.max_updates = max_updates
        self.max_bytes = max_bytes
        self.max_seconds = max_seconds
        self._held: list[_Held] = []
        self._bytes = 0
        self._timer: asyncio.TimerHandle | None = None
        self.released = 0  # held updates applied once their gap was filled

    def __len__(self) -> int:
        return len(self._held)

    def hold(self, update: bytes, gap: CausalGap, on_expiry: Callable[[], None]) -> None:
        """Keep `update` until its gap is filled; raise HoldRefused past a bound."""
        if len(self._held) >= self.max_updates or self._bytes + len(update) > self.max_bytes:
            raise HoldRefused(f"{gap} (and {len(self._held)} updates already wait for earlier ones)")
        self._held.append(_Held(update, inspect_update(update), time.monotonic(), str(gap)))
        self._bytes += len(update)
        if self._timer is None:
            self._timer = asyncio.get_running_loop().call_later(self.max_seconds, self._fire, on_expiry)

    def ready(self, clocks: Mapping[int, int]) -> bytes | None:
        """Take out the first held update that now builds on `clocks`, if any."""
        for item in self._held:
            try:
                item.summary.check_continues(clocks)
            except CausalGap:
                continue
            self._held.remove(item)
            self._bytes -= len(item.update)
            self.released += 1
            return item.update
        return None

    def expired(self) -> str | None:
        """The gap of the oldest update held longer than `max_seconds`, if one is."""
        if self._held and time.monotonic() - self._held[0].since >= self.max_seconds:
            return self._held[0].gap
        return None

    def reschedule(self, on_expiry: Callable[[], None]) -> None:
        """After an expiry check that refused nothing: wake again when the oldest one is due."""
        if self._held and self._timer is None:
            due = self._held[0].since + self.max_seconds - time.monotonic()
            self._timer = asyncio.get_running_loop().call_later(max(0.05, due), self._fire, on_expiry)

    def clear(self) -> None:
        self._held.clear()
        self._bytes = 0
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _fire(self, on_expiry: Callable[[], None]) -> None:
        self._timer = None
        on_expiry()
