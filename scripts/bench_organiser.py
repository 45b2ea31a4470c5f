"""Benchmark of the organisers' page's server side, in this process (Starlette's TestClient):
the live status route (polled every 3 s by every open organisers' page) and the printable sheet of
invitations for a whole congress (one QR code per person), cold and drawn again.

A congress of `--people` participants (on site and remote) and `--contributions` contributions on
a SQLite file in a temporary directory. Prints figures with the machine's load; asserts nothing.

Who is connected: `--here N` of them keep a WebSocket open on this process while the status is
polled; with `--redis URL` the broker is Redis (keys of a prefix of the run's own) and `--elsewhere
N` more are connected to another process, whose entry is written in Redis as that process would
(server/congress/attendance.py), so each poll reads and merges it.
Usage: scripts/bench_organiser [--people 500] [--contributions 700] [--polls 300] [--here 0]
       [--redis redis://127.0.0.1:6379/0 --elsewhere 500] [--no-sheet]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable
from typing import Any

from starlette.testclient import TestClient

from server.app import create_app
from server.broker.redis import RedisBroker
from server.congress.domain import NewParticipant, Role, Site
from server.congress.provision import admin
from server.congress.views import Here
from server.settings import Settings


def timed(call: Callable[[], Any], times: int) -> list[float]:
    spent = []
    for _ in range(times):
        start = time.perf_counter()
        call()
        spent.append((time.perf_counter() - start) * 1000)
    return sorted(spent)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=500)
    parser.add_argument("--contributions", type=int, default=700)
    parser.add_argument("--polls", type=int, default=300)
    parser.add_argument("--here", type=int, default=0, help="people with a socket on this process")
    parser.add_argument("--redis", help="a Redis URL: the broker is Redis instead of in-process")
    parser.add_argument("--elsewhere", type=int, default=0, help="people on another process (with --redis)")
    parser.add_argument("--no-sheet", action="store_true", help="time the status route only")
    args = parser.parse_args()
    if args.elsewhere and not args.redis:
        parser.error("--elsewhere needs --redis: without it there is no other process")
    if args.here + args.elsewhere > args.people:
        parser.error("--here and --elsewhere are people of the congress: at most --people in all")
    with tempfile.TemporaryDirectory() as data:
        settings = Settings.from_env({"UBIQUITE_DATA_DIR": data, "SECRET_KEY": "bench-organiser"})
        with admin(settings) as setup:
            congress = setup.ensure_congress("banc", "Congrès du banc")
            organiser = setup.invite(congress, Role.ORGANISER, "Olga Organise").token
            assert congress.id is not None
            people = [
                NewParticipant(
                    f"Élu·e {n}", Role.PARTICIPANT, f"Commune {n}", "29", Site(("on_site", "remote")[n % 2])
                )
                for n in range(args.people)
            ]
            rows = setup.directory.add_participants(congress.id, people)
            tokens = [setup.organising.invite_person(row).token for row in rows]
            elsewhere = [
                Here(row.id or 0, row.name, row.role, ("banc.motion", "banc.mindmap"), row.site)
                for row in rows[args.here : args.here + args.elsewhere]
            ]
        prefix = f"bench-{uuid.uuid4().hex[:8]}"
        if args.elsewhere:
            asyncio.run(_elsewhere(args.redis, prefix, congress.id, elsewhere))
        broker = RedisBroker(args.redis, prefix=prefix) if args.redis else None
        headers = {"Authorization": f"Bearer {organiser}", "Origin": "http://testserver"}
        try:
            with TestClient(create_app(settings, broker)) as client, contextlib.ExitStack() as sockets:
                for n in range(args.contributions):
                    body = {"title": f"Idée {n}", "text": f"Une contribution numéro {n}."}
                    client.post("/api/congresses/banc/contributions", json=body, headers=headers)
                for token in tokens[: args.here]:
                    socket = sockets.enter_context(
                        client.websocket_connect(f"/ws/banc.motion?token={token}", headers=headers)
                    )
                    socket.receive_bytes()
                time.sleep(1.0)  # this process's own entry written (the readers skip it, but it costs)
                poll = "/api/congresses/banc/status"
                seen = client.get(poll, headers=headers).json()
                # CPU of the whole process (client, server, its threads) per call: on a shared machine
                # the wall-clock times include waiting for a core, the CPU does not.
                cpu = time.process_time()
                status = timed(lambda: client.get(poll, headers=headers), args.polls)
                cpu = (time.process_time() - cpu) * 1000 / args.polls
                if not args.no_sheet:
                    sheet = "/c/banc/organisation/invitations"
                    cold = timed(lambda: client.get(sheet, headers=headers), 1)[0]
                    again = timed(lambda: client.get(sheet, headers=headers), 3)
                    size = len(client.get(sheet, headers=headers).content)
        finally:
            if args.elsewhere:
                asyncio.run(_elsewhere(args.redis, prefix, congress.id, []))
    load = os.getloadavg()
    print(f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} cores")
    where = f"Redis, {args.elsewhere} on another process" if args.redis else "in-process broker"
    print(
        f"GET …/status, {args.people} people ({args.here} connected here, {where}; "
        f"{seen['connected']['people']} counted, partial {seen.get('partial', '-')}), "
        f"{args.contributions} contributions, {args.polls} calls: "
        f"p50 {statistics.median(status):.1f} ms, p95 {status[int(len(status) * 0.95)]:.1f} ms, "
        f"CPU {cpu:.1f} ms a call"
    )
    if not args.no_sheet:
        print(
            f"invitations sheet, {args.people + 1} cards ({size / 1e6:.1f} MB of HTML): "
            f"first {cold:.0f} ms, again p50 {statistics.median(again):.0f} ms"
        )


async def _elsewhere(url: str, prefix: str, congress_id: int, people: list[Here]) -> None:
    """Write (or, with no one, remove) the entry another process would hold for these people."""
    from server.congress.attendance import encode_people  # here: the rest also runs on older code

    other = RedisBroker(url, node_id="bench-elsewhere", prefix=prefix)
    await other.start()
    try:
        while not other.connected:
            await asyncio.sleep(0.01)
        await other.share(f"presence:{congress_id}", encode_people(people) if people else None, 3600)
    finally:
        await other.stop()


if __name__ == "__main__":
    main()
