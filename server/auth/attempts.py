"""Failed token attempts per address: past the limit, the address is refused for a while."""

from __future__ import annotations

import time
from collections import OrderedDict, deque


class FailedAttempts:
    """A sliding window per address; memory stays bounded however many addresses try."""

    def __init__(self, limit: int, window: float, max_addresses: int = 100_000) -> None:
        self.limit = limit
        self.window = window
        self.max_addresses = max_addresses
        self._failures: OrderedDict[str, deque[float]] = OrderedDict()

    def blocked(self, address: str, now: float | None = None) -> bool:
        failures = self._failures.get(address)
        if failures is None:
            return False
        self._forget_old(failures, time.monotonic() if now is None else now)
        return len(failures) >= self.limit

    def record(self, address: str, now: float | None = None) -> int:
        """Count one failure; return how many this address has in the window."""
        now = time.monotonic() if now is None else now
        failures = self._failures.get(address)
        if failures is None:
            failures = self._failures[address] = deque()
            if len(self._failures) > self.max_addresses:
                self._failures.popitem(last=False)  # the address that started failing longest ago
        self._failures.move_to_end(address)
        failures.append(now)
        self._forget_old(failures, now)
        return len(failures)

    def _forget_old(self, failures: deque[float], now: float) -> None:
        while failures and now - failures[0] > self.window:
            failures.popleft()
