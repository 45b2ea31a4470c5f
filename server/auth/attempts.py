"""Failed credential attempts per address: past the limit, bad ones are answered late, good ones pass.

An address that sent too many bad tokens or cookies used to be refused
altogether, valid credentials included: twenty junk requests shut a whole
venue out, since everyone on its Wi-Fi shares one NAT address (issue 12).
Now only what fails is counted and slowed. A valid credential is always
checked and always passes; a bad one past the limit is refused as "too many"
after a delay, so a guesser gets about one answer per `delay` seconds per
connection. The waiting requests are capped per address and in all, so the
delays cannot themselves pile up into a memory or task exhaustion: past the
cap a bad attempt is refused at once. Guessing is hopeless anyway (tokens
are HMAC-signed, session secrets are 256 random bits, docs/security.md);
the count mostly keeps junk cheap and visible in the logs.
"""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict, deque


class FailedAttempts:
    """A sliding window per address; memory stays bounded however many addresses try, and how often."""

    def __init__(
        self,
        limit: int,
        window: float,
        delay: float = 1.0,
        max_held_per_address: int = 8,
        max_held: int = 256,
        max_addresses: int = 100_000,
    ) -> None:
        self.limit = limit
        self.window = window
        self.delay = delay
        self.max_held_per_address = max_held_per_address
        self.max_held = max_held
        self.max_addresses = max_addresses
        # Only the last `limit + 1` failures are kept: enough to tell "past the limit in the window".
        self._failures: OrderedDict[str, deque[float]] = OrderedDict()
        self._held: dict[str, int] = {}
        self._held_total = 0

    def over_limit(self, address: str, now: float | None = None) -> bool:
        """This address has used its allowance: its next bad credential is answered late."""
        return self.failures(address, now) >= self.limit

    def failures(self, address: str, now: float | None = None) -> int:
        failures = self._failures.get(address)
        if failures is None:
            return 0
        self._forget_old(failures, time.monotonic() if now is None else now)
        return len(failures)

    def record(self, address: str, now: float | None = None) -> int:
        """Count one failure; return how many this address has in the window (at most limit + 1)."""
        now = time.monotonic() if now is None else now
        failures = self._failures.get(address)
        if failures is None:
            failures = self._failures[address] = deque(maxlen=self.limit + 1)
            if len(self._failures) > self.max_addresses:
                self._failures.popitem(last=False)  # the address that failed longest ago
        self._failures.move_to_end(address)
        failures.append(now)
        self._forget_old(failures, now)
        return len(failures)

    async def hold(self, address: str) -> bool:
        """Wait `delay` before a refusal is answered, unless too many already wait; True if it waited."""
        held = self._held.get(address, 0)
        if held >= self.max_held_per_address or self._held_total >= self.max_held:
            return False
        self._held[address] = held + 1
        self._held_total += 1
        try:
            await asyncio.sleep(self.delay)
        finally:
            self._held_total -= 1
            left = self._held[address] - 1
            if left:
                self._held[address] = left
            else:
                del self._held[address]
        return True

    def _forget_old(self, failures: deque[float], now: float) -> None:
        while failures and now - failures[0] > self.window:
            failures.popleft()
