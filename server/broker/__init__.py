"""Pick the broker implementation from REDIS_URL: unset means in-process."""

from __future__ import annotations

from server.broker.base import Broker


def open_broker(redis_url: str | None) -> Broker:
    if not redis_url:
        from server.broker.memory import MemoryBroker

        return MemoryBroker()
    from server.broker.redis import RedisBroker

    return RedisBroker(redis_url)
