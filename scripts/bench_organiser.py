"""Benchmark of the organisers' page's server side, in this process (Starlette's TestClient):
the live status route (polled every 3 s by every open organisers' page) and the printable sheet of
invitations for a whole congress (one QR code per person), cold and drawn again.

A congress of `--people` participants (on site and remote) and `--contributions` contributions on
a SQLite file in a temporary directory. Prints figures with the machine's load; asserts nothing.
Usage: scripts/bench_organiser [--people 500] [--contributions 700] [--polls 300]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from typing import Any

from starlette.testclient import TestClient

from server.app import create_app
from server.congress.domain import NewParticipant, Role, Site
from server.congress.provision import admin
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
    args = parser.parse_args()
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
            for row in setup.directory.add_participants(congress.id, people):
                setup.organising.invite_person(row)
        headers = {"Authorization": f"Bearer {organiser}", "Origin": "http://testserver"}
        with TestClient(create_app(settings)) as client:
            for n in range(args.contributions):
                body = {"title": f"Idée {n}", "text": f"Une contribution numéro {n}."}
                client.post("/api/congresses/banc/contributions", json=body, headers=headers)
            status = timed(lambda: client.get("/api/congresses/banc/status", headers=headers), args.polls)
            sheet = "/c/banc/organisation/invitations"
            cold = timed(lambda: client.get(sheet, headers=headers), 1)[0]
            again = timed(lambda: client.get(sheet, headers=headers), 3)
            size = len(client.get(sheet, headers=headers).content)
    load = os.getloadavg()
    print(f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} cores")
    print(
        f"GET …/status, {args.people} people, {args.contributions} contributions, {args.polls} calls: "
        f"p50 {statistics.median(status):.1f} ms, p95 {status[int(len(status) * 0.95)]:.1f} ms"
    )
    print(
        f"invitations sheet, {args.people + 1} cards ({size / 1e6:.1f} MB of HTML): "
        f"first {cold:.0f} ms, again p50 {statistics.median(again):.0f} ms"
    )


if __name__ == "__main__":
    main()
