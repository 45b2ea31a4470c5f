"""/metrics: the live rooms' figures in the Prometheus text format, for loopback or a token only."""

from __future__ import annotations

import asyncio
import urllib.request
from pathlib import Path

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from server.app import create_app
from server.broker.memory import MemoryBroker
from server.settings import Settings
from tests.support.congress import Congress
from tests.support.yclient import YClient

pytestmark = pytest.mark.anyio


def _figures(text: str) -> dict[str, float]:
    return {s.name: s.value for family in text_string_to_metric_families(text) for s in family.samples}


def _client(tmp_path: Path, host: str = "127.0.0.1", token: str = "") -> httpx.AsyncClient:
    """The application in-process (its services built, not started: /metrics only reads them)."""
    settings = Settings(database_url="memory://", data_dir=tmp_path, secret_key="m" * 48, metrics_token=token)
    transport = httpx.ASGITransport(app=create_app(settings, MemoryBroker()), client=(host, 50000))
    return httpx.AsyncClient(transport=transport, base_url="http://ubiquite")


async def test_loopback_reads_the_figures_of_the_live_rooms(tmp_path: Path) -> None:
    async with _client(tmp_path) as client:
        response = await client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    figures = _figures(response.text)
    for name in (
        "ubiquite_connections",
        "ubiquite_rooms",
        "ubiquite_updates_accepted_total",
        "ubiquite_frames_sent_total",
        "ubiquite_send_queue_bytes",
        "ubiquite_update_log_backlog",
        "ubiquite_update_log_lag_seconds",
        "ubiquite_relay_queued",
        "ubiquite_slow_consumer_closes_total",
        "process_cpu_seconds_total",
    ):
        assert name in figures, name
    assert figures["ubiquite_connections"] == 0


async def test_a_request_forwarded_by_a_proxy_is_refused_even_from_loopback(tmp_path: Path) -> None:
    async with _client(tmp_path) as client:
        assert (await client.get("/metrics", headers={"X-Forwarded-For": "203.0.113.9"})).status_code == 403
        assert (await client.get("/metrics", headers={"Forwarded": "for=203.0.113.9"})).status_code == 403


async def test_from_elsewhere_only_the_token_opens_it(tmp_path: Path) -> None:
    async with _client(tmp_path, host="198.51.100.7", token="s3cret") as client:
        assert (await client.get("/metrics")).status_code == 403
        assert (await client.get("/metrics", headers={"Authorization": "Bearer wrong"})).status_code == 403
        assert (await client.get("/metrics", headers={"Authorization": "Bearer s3cret"})).status_code == 200


async def test_a_live_room_counts_its_connections_and_never_names_its_congress(congress: Congress) -> None:
    async with YClient(congress.url()) as alice, YClient(congress.url()) as bob:
        alice.text += "Axe 1"
        await bob.wait_for_text("Axe 1")
        url = congress.server.http + "/metrics"
        text = await asyncio.to_thread(lambda: urllib.request.urlopen(url, timeout=5).read().decode())
    figures = _figures(text)
    assert figures["ubiquite_connections"] == 2
    assert figures["ubiquite_connections_direct"] == 2  # uvicorn's transports are written to directly
    assert figures["ubiquite_updates_accepted_total"] >= 1
    assert figures["ubiquite_frames_direct_total"] >= 1
    assert congress.slug not in text
