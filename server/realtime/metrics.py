"""`/metrics`: the live rooms of this process in the Prometheus text format, for operations on congress day.

Figures are read when scraped, from plain counters the hot path bumps
(server/realtime/stats.py) and from the parts themselves: nothing costs
while nobody scrapes. Only per-process totals are published, never a room
or a person: room names carry congress names (docs/operations.md). Who may
read them: a loopback request that no proxy forwarded, or one bearing
`UBIQUITE_METRICS_TOKEN`.
"""

from __future__ import annotations

import hmac
import logging
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, ProcessCollector, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

if TYPE_CHECKING:
    from server.app import Services

log = logging.getLogger(__name__)

LOOPBACK = {"127.0.0.1", "::1", "localhost"}
# A request that passed through a reverse proxy carries one of these: it came from outside.
FORWARDED = ("x-forwarded-for", "forwarded", "x-real-ip")


class RealtimeCollector(Collector):
    """Reads the rooms, the update log and the relay of one process at each scrape."""

    def __init__(self, services: Services) -> None:
        self.services = services

    def collect(self) -> Iterator[Metric]:
        for kind, name, documentation, value in self.figures():
            family = GaugeMetricFamily if kind == "gauge" else CounterMetricFamily
            yield family(name, documentation, value=value)  # a counter's name gains "_total"

    def figures(self) -> list[tuple[str, str, str, float]]:
        """(kind, name, help, value) of every figure, read now."""
        services = self.services
        rooms, log_, peers = services.rooms, services.update_log, services.peers
        broker: Any = services.broker
        stats = rooms.stats
        connections = [c for room in list(rooms.rooms.values()) for c in room.connections]
        queued = [c.queued_bytes for c in connections]
        return [
            ("gauge", "ubiquite_rooms", "Rooms loaded in this process.", len(rooms.rooms)),
            ("gauge", "ubiquite_connections", "Open WebSocket connections on rooms.", len(connections)),
            (
                "gauge",
                "ubiquite_connections_direct",
                "Of which frames go straight to the transport (docs/operations.md).",
                sum(1 for c in connections if c.direct),
            ),
            (
                "counter",
                "ubiquite_updates_accepted",
                "Updates applied by rooms, any origin.",
                stats.updates_accepted,
            ),
            (
                "counter",
                "ubiquite_update_batches",
                "Fan-out batches of updates, each encoded once.",
                stats.update_batches,
            ),
            ("counter", "ubiquite_presence_batches", "Fan-out ticks of presence.", stats.presence_batches),
            ("counter", "ubiquite_frames_sent", "Frames handed to sockets.", stats.frames_sent),
            (
                "counter",
                "ubiquite_frames_direct",
                "Of which written at once to the transport.",
                stats.frames_direct,
            ),
            ("gauge", "ubiquite_send_queue_bytes", "Bytes waiting for all receivers.", sum(queued)),
            (
                "gauge",
                "ubiquite_send_queue_bytes_max",
                "Bytes waiting for the most behind one.",
                max(queued, default=0),
            ),
            (
                "counter",
                "ubiquite_slow_consumer_closes",
                "Receivers closed with 1013: they could not keep up.",
                stats.slow_consumer_closes,
            ),
            (
                "counter",
                "ubiquite_updates_held",
                "Client updates held until what they build on arrived (instead of a 1007 close).",
                stats.updates_held,
            ),
            (
                "counter",
                "ubiquite_aborted_closes",
                "Connections dropped because they had not finished closing a few seconds after the close.",
                stats.aborted_closes,
            ),
            (
                "counter",
                "ubiquite_rate_limit_closes",
                "Connections closed with 1008: too many messages.",
                stats.rate_limit_closes,
            ),
            ("gauge", "ubiquite_update_log_backlog", "Accepted updates not stored yet.", log_.backlog),
            ("gauge", "ubiquite_update_log_backlog_bytes", "Their size in bytes.", log_.backlog_bytes),
            (
                "gauge",
                "ubiquite_update_log_refusing_edits",
                "1 while the backlog is at its bound and rooms refuse new edits (1013).",
                int(log_.refuses_updates() is not None),
            ),
            (
                "gauge",
                "ubiquite_update_log_lag_seconds",
                "Age of the oldest accepted update not stored yet.",
                log_.oldest_pending_age(time.time()),
            ),
            ("gauge", "ubiquite_update_log_healthy", "1 while the database takes writes.", int(log_.healthy)),
            (
                "gauge",
                "ubiquite_relay_connected",
                "1 while the link to the broker is up.",
                int(broker.connected),
            ),
            (
                "gauge",
                "ubiquite_relay_queued",
                "Messages waiting to be published.",
                getattr(broker, "queued", 0),
            ),
            (
                "counter",
                "ubiquite_relay_dropped",
                "Messages dropped while the broker was away too long.",
                getattr(broker, "messages_dropped", 0),
            ),
            (
                "counter",
                "ubiquite_relay_catch_ups",
                "State-vector exchanges with others.",
                services.relay.catch_ups,
            ),
            ("gauge", "ubiquite_peers", "Other server processes heard from.", len(peers.last_seen)),
            (
                "gauge",
                "ubiquite_peers_unstored_updates",
                "Updates other processes relayed and have not reported stored yet.",
                peers.unstored,
            ),
        ]


def registry_for(services: Services) -> CollectorRegistry:
    """One registry per application: the rooms' figures and the process's CPU, memory and files."""
    registry = CollectorRegistry(auto_describe=False)
    registry.register(RealtimeCollector(services))
    ProcessCollector(registry=registry)
    return registry


def allowed(request: Request, token: str) -> bool:
    """A loopback request no proxy forwarded, or the metrics token as a bearer token."""
    if token:
        offered = request.headers.get("authorization", "")
        if hmac.compare_digest(offered.encode(), f"Bearer {token}".encode()):
            return True
    host = request.client.host if request.client else ""
    return host in LOOPBACK and not any(name in request.headers for name in FORWARDED)


async def metrics_endpoint(request: Request) -> Response:
    services = request.app.state.services
    if not allowed(request, services.settings.metrics_token):
        log.info("refused /metrics to %s", request.client.host if request.client else "?")
        return PlainTextResponse("metrics are for loopback, or with the metrics token\n", status_code=403)
    registry = getattr(request.app.state, "metrics_registry", None)
    if registry is None:
        registry = request.app.state.metrics_registry = registry_for(services)
    return Response(generate_latest(registry), media_type=CONTENT_TYPE_LATEST)
