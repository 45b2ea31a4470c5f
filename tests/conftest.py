"""Shared fixtures: real servers, and services that must be there in CI."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support.browser import CHROMIUM, CHROMIUM_ARGS, People, browser_unavailable
from tests.support.congress import Congress
from tests.support.redis_server import RedisServer, redis_server_available
from tests.support.server import ServerProcess

REQUIRE_SERVICES = os.environ.get("UBIQUITE_REQUIRE_SERVICES") == "1"
POSTGRES_URL = os.environ.get("UBIQUITE_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
REDIS_HOST, REDIS_PORT = "127.0.0.1", 6379


def need(reason: str) -> None:
    """Skip with a clear reason, or fail when CI demands every real service."""
    if REQUIRE_SERVICES:
        pytest.fail(f"{reason} (UBIQUITE_REQUIRE_SERVICES=1 turns this skip into a failure)")
    pytest.skip(reason)


def port_open(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def postgres_url() -> str:
    if not port_open("127.0.0.1", 5432):
        need("PostgreSQL is not running on 127.0.0.1:5432")
    return POSTGRES_URL


@pytest.fixture
def redis_server(tmp_path: Path) -> Iterator[RedisServer]:
    """A Redis of the test's own, which it may kill and restart (REDIS_URL tests need no other)."""
    if not redis_server_available():
        need("redis-server is not installed")
    process = RedisServer(tmp_path / "redis").start()
    yield process
    process.stop()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[ServerProcess]:
    process = ServerProcess(tmp_path / "data").start()
    yield process
    process.stop()


@pytest.fixture
def congress(server: ServerProcess) -> Congress:
    """A congress of the running server; `congress.url()` invites a new participant to its motion."""
    return server.congress()


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    """One headless Chromium per test module; every person gets a fresh context in it.

    Not per session: Playwright's sync API keeps its event loop marked as running
    in this thread for as long as it lives, which would break the anyio tests of
    the other modules.
    """
    reason = browser_unavailable()
    if reason:
        need(f"browser tests cannot run: {reason}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def web_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """One server per browser test module; each test uses congresses (rooms) of its own."""
    process = ServerProcess(tmp_path_factory.mktemp("web")).start()
    yield process
    process.stop()


@pytest.fixture
def people(chromium: Any, web_server: ServerProcess) -> Iterator[People]:
    crowd = People(chromium, web_server)
    yield crowd
    crowd.close()
    assert not crowd.errors, f"errors in the pages: {crowd.errors}"
