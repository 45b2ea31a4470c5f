"""Asyncio driver for ``yjs_client.mjs``, a stock Node Yjs client.

The interop tests start one Node process per simulated user, send it JSON
commands on stdin and await the JSON events it prints on stdout.
"""

import asyncio
import json
import logging
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

INTEROP_DIR = Path(__file__).resolve().parent
CLIENT_SCRIPT = INTEROP_DIR / "yjs_client.mjs"
NODE_MODULES = INTEROP_DIR / "node_modules"

# A "get" reply carries the whole document on one line; asyncio's default
# 64 KiB line limit would break on long texts.
_LINE_LIMIT = 16 * 1024 * 1024

logger = logging.getLogger(__name__)

Event = dict[str, Any]


def node_available() -> str | None:
    """Return why the Node client cannot run, or None when it can."""
    if shutil.which("node") is None:
        return "node is not installed"
    if not (NODE_MODULES / "y-websocket").is_dir():
        return f"{NODE_MODULES} is missing: run npm ci in {INTEROP_DIR}"
    return None


def install_node_modules() -> None:
    """Install the pinned npm dependencies unless they are already there."""
    if (NODE_MODULES / "y-websocket").is_dir():
        return
    npm = shutil.which("npm")
    if npm is None:
        raise RuntimeError("npm is not installed")
    # npm ci installs exactly what package-lock.json pins.
    command = "ci" if (INTEROP_DIR / "package-lock.json").exists() else "install"
    subprocess.run([npm, command, "--no-audit", "--no-fund"], cwd=INTEROP_DIR, check=True)


class NodeClientExited(RuntimeError):
    """The Node process ended while an event was still awaited."""


class NodeYjsClient:
    """One Node Yjs client process, with its stream of events."""

    def __init__(self) -> None:
        self.name: str | None = None
        self.client_id: int | None = None
        self.returncode: int | None = None
        # Every event ever received, for debugging failed tests.
        self.history: list[Event] = []
        # Events not yet returned by wait_for: each event satisfies one wait at
        # most, so waiting twice for "synced" needs two syncs.
        self._pending: list[Event] = []
        self._arrived = asyncio.Condition()
        self._eof = False
        self._process: asyncio.subprocess.Process | None = None
        self._readers: list[asyncio.Task[None]] = []

    async def start(
        self,
        url: str,
        room: str,
        name: str | None = None,
        params: dict[str, str] | None = None,
        timeout: float = 10.0,
    ) -> None:
        """Start the process and wait until it reports its Yjs client id.

        ``url`` is the server's WebSocket endpoint; y-websocket connects to
        ``{url}/{room}?{params}``.
        """
        self.name = name
        argv = ["node", str(CLIENT_SCRIPT), "--url", url, "--room", room]
        if name is not None:
            argv += ["--name", name]
        if params:
            argv += ["--params", *(f"{key}={value}" for key, value in params.items())]
        self._process = await asyncio.create_subprocess_exec(
            *argv,
            cwd=INTEROP_DIR,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            limit=_LINE_LIMIT,
        )
        self._readers = [
            asyncio.create_task(self._read_events()),
            asyncio.create_task(self._read_diagnostics()),
        ]
        ready = await self.wait_for(lambda event: event["event"] == "ready", timeout)
        self.client_id = ready["client_id"]

    async def send(self, command: dict[str, Any]) -> None:
        """Send one command without waiting for its reply."""
        assert self._process is not None and self._process.stdin is not None, "not started"
        self._process.stdin.write(json.dumps(command).encode() + b"\n")
        await self._process.stdin.drain()

    async def wait_for(self, predicate: Callable[[Event], bool], timeout: float = 10.0) -> Event:
        """Return (and consume) the oldest unconsumed event matching ``predicate``.

        Raises TimeoutError after ``timeout`` seconds and NodeClientExited if the
        process ends first.
        """
        async with asyncio.timeout(timeout), self._arrived:
            while True:
                for index, event in enumerate(self._pending):
                    if predicate(event):
                        return self._pending.pop(index)
                if self._eof:
                    raise NodeClientExited(f"node client {self.name!r} exited; events: {self.history}")
                await self._arrived.wait()

    async def request(
        self, command: dict[str, Any], event_name: str = "done", timeout: float = 10.0
    ) -> Event:
        """Send a command and return the first following ``event_name`` event.

        The client runs commands in order, so the reply is the oldest pending one;
        an "error" event (bad command) is raised instead of waited out.
        """
        await self.send(command)
        reply = await self.wait_for(lambda event: event["event"] in (event_name, "error"), timeout)
        if reply["event"] == "error":
            raise RuntimeError(f"node client {self.name!r} rejected {command}: {reply['message']}")
        return reply

    async def text(self, timeout: float = 10.0) -> str:
        """Return the client's current text."""
        reply = await self.request({"op": "get"}, "text", timeout)
        return str(reply["text"])

    async def close(self, timeout: float = 5.0) -> None:
        """Quit gracefully (so peers see the awareness removal), else kill."""
        process = self._process
        if process is None:
            return
        if process.returncode is None:
            try:
                await self.send({"op": "quit"})
                await asyncio.wait_for(process.wait(), timeout)
            except (ConnectionError, TimeoutError):
                logger.warning("node client %r did not quit; killing it", self.name)
                process.kill()
                await process.wait()
        await asyncio.gather(*self._readers)
        self.returncode = process.returncode

    async def _read_events(self) -> None:
        assert self._process is not None and self._process.stdout is not None
        async for raw in self._process.stdout:
            event: Event = json.loads(raw)
            logger.debug("node client %r event: %s", self.name, event)
            async with self._arrived:
                self.history.append(event)
                self._pending.append(event)
                self._arrived.notify_all()
        async with self._arrived:
            self._eof = True
            self._arrived.notify_all()

    async def _read_diagnostics(self) -> None:
        assert self._process is not None and self._process.stderr is not None
        async for raw in self._process.stderr:
            logger.info("node client %r: %s", self.name, raw.decode(errors="replace").rstrip())
