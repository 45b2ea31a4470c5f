"""Pick the broker implementation from REDIS_URL: unset means in-process."""

from __future__ import annotations

from server.broker.base import Broker


def open_broker(redis_url: str | None) -> Broker:
    if not redis_url:
        from server.broker.memory import MemoryBroker

        return MemoryBroker()
    try:
        from server.broker.redis import RedisBroker  # type: ignore[import-not-found]
    except ImportError as exc:  # pragma: no cover - until the Redis broker lands
        raise RuntimeError("REDIS_URL is set but the Redis broker is not available") from exc
    return RedisBroker(redis_url)  # type: ignore[no-any-return]
