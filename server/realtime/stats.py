"""Counters of the live rooms of one process, plain integers bumped on the hot path, read by /metrics."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class RealtimeStats:
    updates_accepted: int = 0  # by any room of this process, from any origin
    update_batches: int = 0  # fan-out batches of updates (each encoded once)
    presence_batches: int = 0
    frames_sent: int = 0  # handed to a socket: written at once or queued
    frames_direct: int = 0  # of which written straight to the transport (server/realtime/transport.py)
    slow_consumer_closes: int = 0  # closed with 1013: could not keep up
    rate_limit_closes: int = 0  # closed with 1008: too many messages
    updates_held: int = 0  # client updates that waited for what they build on (held.py)
    aborted_closes: int = 0  # transport aborted: not finished closing within the grace (connection.py)
