"""Headless Chromium for the browser tests: Debian's /usr/bin/chromium driven by Playwright.

Playwright never downloads a browser here (`playwright install` is not run):
it is pointed at the system Chromium with `executable_path`.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

from tests.support.congress import Congress
from tests.support.server import ROOT, ServerProcess

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-quic",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = ROOT / "test-artifacts"
BUNDLE = ROOT / "static" / "dist" / "app.js"
T = TypeVar("T")


def browser_unavailable() -> str | None:
    """Why the browser tests cannot run here, or None."""
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing (scripts/install --test installs Debian's chromium as root)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright Python package is missing (scripts/install --test)"
    if not BUNDLE.exists():
        return "the browser client is not built (scripts/install builds static/dist; it needs npm)"
    return None


def screenshot(page: Any, name: str) -> Path:
    """Save a PNG under test-artifacts/ for a person to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path))
    return path


# True once a live page (motion, map, projector) holds both documents as the server has them.
BOTH_SYNCED = (
    "window.ubiquite && window.ubiquite.rooms.motion.provider.synced"
    " && window.ubiquite.rooms.mindmap.provider.synced"
)
# What browser tests call the congresses they create (a congress keeps its first title).
CONGRESS_TITLE = "Congrès 2026"


class People:
    """Each person is a browser context of their own (own cookies, own IndexedDB) on one shared browser."""

    def __init__(self, browser: Any, server: ServerProcess) -> None:
        self.browser = browser
        self.server = server
        self.contexts: list[Any] = []
        self.errors: list[str] = []

    def open(
        self,
        path: str,
        *,
        name: str,
        role: str = "participant",
        site: str = "on_site",
        title: str = CONGRESS_TITLE,
        width: int = 1400,
        height: int = 850,
    ) -> Any:
        """Invite `name` to the congress of `path` (/c/{slug}/...), open the link, then the page.

        The congress is created on first use, with `title`; the person's browser gets its
        session cookie from the invitation link, exactly as an invited person would.
        """
        slug = path.split("/")[2]
        token = Congress(self.server, slug, title).invite(role, name, site)
        context = self.browser.new_context(locale="fr-FR", viewport={"width": width, "height": height})
        self.contexts.append(context)
        context.set_default_timeout(10_000)
        page = context.new_page()
        page.on("pageerror", lambda error: self.errors.append(f"{name}: {error}"))
        page.goto(f"{self.server.http}/i/{token}")
        page.goto(f"{self.server.http}{path}")
        wait_for_js(page, "window.ubiquite && window.ubiquite.rooms.motion.provider.synced")
        return page

    def close(self) -> None:
        for context in self.contexts:
            context.close()


def wait_until(page: Any, predicate: Callable[[], bool], timeout: float = 10.0, what: str = "") -> None:
    """Poll a Python predicate between browser turns (the page keeps running)."""
    deadline = timeout * 1000
    waited = 0
    while not predicate():
        if waited > deadline:
            raise AssertionError(f"timed out waiting for {what or predicate}")
        page.wait_for_timeout(50)
        waited += 50


def wait_for_js(page: Any, expression: str, timeout: float = 10.0) -> None:
    """Wait until a JavaScript expression is true in the page. Not Playwright's wait_for_function: its
    polling compiles the predicate with eval, which the editors' CSP (no 'unsafe-eval') refuses;
    page.evaluate goes through the DevTools protocol, which the CSP does not govern."""
    wait_until(page, lambda: bool(page.evaluate(expression)), timeout, expression)


def run_async(work: Callable[[], Awaitable[T]]) -> T:
    """Run async client code (pycrdt YClient) from a browser test.

    Playwright's sync API keeps its own event loop marked as running in the
    test's thread, so `asyncio.run` must happen in another thread.
    """

    async def main() -> T:
        return await work()

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, main()).result()
