"""Cross-process latency: one room on two server processes through Redis, next to one process alone.

    scripts/bench_processes.py --clients 200 --writers 20 --rate 5 --duration 15

Starts its own servers (one alone with SQLite and the in-process broker, then
two sharing REDIS_URL and a PostgreSQL DATABASE_URL), splits the clients half
and half, and reports keystroke-to-screen latency p50/p99 for receivers on the
writer's own process and on the other one. Each keystroke inserts a unique
token, found in the received frames, so no client decodes documents and the
load generator stays cheap. Meant to become `scripts/bench --processes 2`.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import websockets
from pycrdt import Doc, Text

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from crdt.protocol import encode_sync_step1, encode_update
from tests.support.server import ServerProcess

TOKEN = re.compile(rb"<(\d+)\.(\d+)>")


class Client:
    def __init__(self, url: str, process: int) -> None:
        self.url = url
        self.process = process
        self.arrivals: dict[tuple[int, int], float] = {}
        self.ws: Any = None
        self.reader: asyncio.Task[None] | None = None

    async def open(self) -> None:
        self.ws = await websockets.connect(self.url, max_size=None, compression=None)
        await self.ws.send(encode_sync_step1(b"\x00"))
        self.reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        try:
            async for frame in self.ws:
                now = time.perf_counter()
                for writer, key in TOKEN.findall(frame):
                    self.arrivals.setdefault((int(writer), int(key)), now)
        except websockets.ConnectionClosed:
            pass


async def _write(
    client: Client, number: int, keys: int, rate: float, sent: dict[tuple[int, int], float]
) -> None:
    doc: Doc[Any] = Doc()
    text = doc.get("text", type=Text)
    updates: list[bytes] = []
    doc.observe(lambda event: updates.append(event.update))
    await asyncio.sleep(number / rate / 20)  # spread the writers over one period
    for key in range(keys):
        text += f"<{number}.{key}>"
        sent[(number, key)] = time.perf_counter()
        await client.ws.send(encode_update(updates.pop()))
        await asyncio.sleep(1 / rate)


async def run(urls: list[str], args: argparse.Namespace) -> dict[str, list[float]]:
    clients = [Client(urls[i % len(urls)], i % len(urls)) for i in range(args.clients)]
    for start in range(0, len(clients), 50):
        await asyncio.gather(*(c.open() for c in clients[start : start + 50]))
    await asyncio.sleep(1.0)
    sent: dict[tuple[int, int], float] = {}
    keys = int(args.duration * args.rate)
    writers = clients[: args.writers]
    await asyncio.gather(*(_write(c, n, keys, args.rate, sent) for n, c in enumerate(writers)))
    await asyncio.sleep(2.0)
    latency: dict[str, list[float]] = {"same process": [], "other process": [], "lost": []}
    for receiver in clients:
        for (writer, key), at in sent.items():
            if clients[writer] is receiver:
                continue
            arrived = receiver.arrivals.get((writer, key))
            if arrived is None:
                latency["lost"].append(1)
                continue
            kind = "same process" if clients[writer].process == receiver.process else "other process"
            latency[kind].append((arrived - at) * 1000)
    for client in clients:
        await client.ws.close()
    return latency


def report(label: str, latency: dict[str, list[float]]) -> None:
    for kind in ("same process", "other process"):
        values = sorted(latency[kind])
        if not values:
            continue
        p99 = values[min(len(values) - 1, int(len(values) * 0.99))]
        print(f"{label:>14} | {kind:<13} | p50 {statistics.median(values):7.1f} ms | p99 {p99:7.1f} ms")
    print(f"{label:>14} | lost deliveries: {len(latency['lost'])}")


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--writers", type=int, default=20)
    parser.add_argument("--rate", type=float, default=5.0)
    parser.add_argument("--duration", type=float, default=15.0)
    parser.add_argument("--redis", default=os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"))
    parser.add_argument(
        "--database",
        default=os.environ.get("UBIQUITE_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test"),
    )
    args = parser.parse_args()
    room = f"bench-{os.getpid()}-{int(time.time())}"
    with tempfile.TemporaryDirectory() as tmp:
        quiet = {"LOG_LEVEL": "warning", "UBIQUITE_MESSAGES_PER_SECOND": "1000"}
        alone = ServerProcess(Path(tmp) / "alone", env=quiet).start()
        try:
            report("one process", await run([alone.ws(room)], args))
        finally:
            alone.stop()
        shared = {**quiet, "REDIS_URL": args.redis, "DATABASE_URL": args.database}
        pair = [ServerProcess(Path(tmp) / f"p{i}", env=shared).start() for i in range(2)]
        try:
            report("two processes", await run([p.ws(room) for p in pair], args))
        finally:
            for process in pair:
                process.stop()


if __name__ == "__main__":
    asyncio.run(main())
