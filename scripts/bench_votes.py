"""Load benchmark of a vote (issue 15): hundreds of people voting within seconds on two server processes.

Starts a redis-server of its own and two server processes sharing it and one
PostgreSQL database, invites N participants and a few organisers through the
same code as `ubiquite invite` (server.congress.provision), and opens, as each
person's page does, a WebSocket to `{slug}.decisions` on one of the two
processes (organisers also to `{slug}.tally`), each holding a real Yjs
document. An organiser opens a vote; every participant then votes through
the HTTP route at a random moment of the window (default 10 s), half on each
process; some also vote a second time at the same moment on the other
process, as from a second tab. Then it checks:

- every ballot counted exactly once: one 201 per person, every second ballot
  refused (409), the database's ballots and counts, and the final Vote, all
  equal to what was sent;
- how long after the last vote was counted (its 201 received) each page
  showed the right count: organisers the largest `cast` of the tallies,
  everyone else the public Vote's `cast` (the target is 1 s);
- and, once the vote is closed, how long until every page holds the result.

It prints figures with the machine's load and the servers' CPU; it asserts no
timing. It exits 1 if a ballot was lost or counted twice. Usage: scripts/bench_votes --help.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import psutil
from pycrdt import Doc, Map
from sqlalchemy import create_engine, text

from crdt.protocol import SyncMessage, decode_message, encode_sync_step1
from server.congress.domain import Role
from server.congress.provision import mint_tokens
from server.settings import Settings
from server.store.sql import normalise_url
from tests.support.redis_server import RedisServer
from tests.support.server import ServerProcess

try:
    from scripts.bench_client import WsClient, connect
except ImportError:  # run as a file: scripts/ is on sys.path
    from bench_client import WsClient, connect  # type: ignore[no-redef]

HOST = "127.0.0.1"
DEFAULT_DATABASE = os.environ.get("UBIQUITE_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
CHOICES = ("for", "against", "abstain")


def log(message: str) -> None:
    print(f"[bench_votes {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


class Page(WsClient):
    """One person's page on a server-written room. During the run it only keeps every sync message
    with its arrival time (time.perf_counter): 500 documents applying every update would make the
    load generator, not the servers, what is measured. The documents are rebuilt after the run, once
    per distinct sequence of messages (every page of a process receives the same frames), to find
    when each page first showed a count."""

    def __init__(self, port: int, room: str, token: str, process: int, organiser: bool) -> None:
        super().__init__(HOST, port, f"/ws/{room}?token={quote(token)}")
        self.process = process
        self.organiser = organiser
        self.tally = room.endswith(".tally")
        self.frames: list[tuple[float, bytes]] = []
        self.synced: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    def on_binary(self, payload: bytes, received_at: float) -> None:
        if len(payload) > 1 and payload[0] == 0 and payload[1] in (1, 2):  # sync step 2, update
            self.frames.append((received_at, payload))
            if payload[1] == 1 and not self.synced.done():
                self.synced.set_result(None)


def _shown(doc: Doc[Any], tally: bool, vote_id: int) -> tuple[int, dict[str, int] | None]:
    """What a page shows of the vote: its cast (organisers: the largest of the tallies) and, once
    closed, its counts."""
    if tally:
        tallies = doc.get("tallies", type=Map)
        prefix = f"{vote_id}@"
        return max(
            (json.loads(v)["cast"] for k, v in tallies.items() if k.startswith(prefix)), default=0
        ), None
    value = doc.get("votes", type=Map).get(str(vote_id))
    if not isinstance(value, str):
        return 0, None
    vote = json.loads(value)
    return int(vote["cast"]), vote["counts"] if vote["status"] == "closed" else None


def first_times(
    pages: list[Page], vote_id: int, cast: int, counts: dict[str, int]
) -> dict[int, tuple[float | None, float | None]]:
    """Per page (by id), when it first showed `cast`, and when it first showed the closed counts."""
    sequences: dict[tuple[bool, tuple[bytes, ...]], tuple[int | None, int | None]] = {}
    found: dict[int, tuple[float | None, float | None]] = {}
    for page in pages:
        key = (page.tally, tuple(payload for _, payload in page.frames))
        if key not in sequences:
            doc: Doc[Any] = Doc()
            counted: int | None = None
            final: int | None = None
            for index, (_, payload) in enumerate(page.frames):
                message = decode_message(payload)
                assert isinstance(message, SyncMessage)
                doc.apply_update(message.payload)
                shown, closed = _shown(doc, page.tally, vote_id)
                if counted is None and shown == cast:
                    counted = index
                if final is None and closed == counts:
                    final = index
            sequences[key] = (counted, final)
        counted, final = sequences[key]
        found[id(page)] = (
            page.frames[counted][0] if counted is not None else None,
            page.frames[final][0] if final is not None else None,
        )
    return found


@dataclass
class Ballot:
    person: int
    token: str
    choice: str
    process: int
    at: float  # seconds after the window opens
    twice: bool  # also sent at the same moment to the other process
    # status, error, when it was sent and when its answer came (time.perf_counter)
    answers: list[tuple[int, str, float, float]] = field(default_factory=list)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return (
        ordered[min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))]
        if ordered
        else float("nan")
    )


async def run(args: argparse.Namespace) -> dict[str, Any]:
    work = Path(tempfile.mkdtemp(prefix="bench-votes-"))
    slug = f"votes-{time.strftime('%Y%m%d-%H%M%S')}-{uuid.uuid4().hex[:6]}"
    redis = RedisServer(work / "redis").start()
    env = {
        "REDIS_URL": redis.url,
        "DATABASE_URL": args.database_url,
        "SECRET_KEY": uuid.uuid4().hex * 2,
        "PYTHONUNBUFFERED": "1",
        "LOG_LEVEL": os.environ.get("LOG_LEVEL", "warning"),
    }
    servers = [ServerProcess(work / f"server-{i}", env=env) for i in range(2)]
    try:
        for server in servers:  # one after the other: the schema is migrated once
            server.start(60)
        settings = Settings.from_env({**os.environ, **env, "UBIQUITE_DATA_DIR": str(work / "server-0")})
        started = time.perf_counter()
        names = [f"Votant·e {i:04d}" for i in range(args.people)]
        people = await asyncio.to_thread(mint_tokens, slug, names, Role.PARTICIPANT, settings)
        organisers = await asyncio.to_thread(
            mint_tokens, slug, [f"Organisation {i}" for i in range(args.organisers)], Role.ORGANISER, settings
        )
        took = time.perf_counter() - started
        log(f"{args.people} participants and {args.organisers} organisers invited in {took:.1f} s")
        return await drive(args, slug, servers, redis, people, organisers)
    finally:
        for server in servers:
            if server.alive():
                server.stop()
        redis.stop()


async def drive(
    args: argparse.Namespace,
    slug: str,
    servers: list[ServerProcess],
    redis: RedisServer,
    people: list[str],
    organisers: list[str],
) -> dict[str, Any]:
    rng = random.Random(args.seed)
    pages: list[Page] = []

    async def open_page(room: str, token: str, process: int, organiser: bool) -> Page:
        port = servers[process].port
        page = await connect(lambda: Page(port, room, token, process, organiser), HOST, port)
        assert isinstance(page, Page)
        page.send(encode_sync_step1(b"\x00"))  # the page holds nothing: the server sends everything
        pages.append(page)
        return page

    started = time.perf_counter()
    opening: list[Any] = []
    for i, token in enumerate(people):
        opening.append(open_page(f"{slug}.decisions", token, i % 2, False))
    for i, token in enumerate(organisers):
        opening.append(open_page(f"{slug}.decisions", token, i % 2, True))
        opening.append(open_page(f"{slug}.tally", token, i % 2, True))
    for batch in range(0, len(opening), 100):
        await asyncio.gather(*opening[batch : batch + 100])
    await asyncio.wait_for(asyncio.gather(*(p.synced for p in pages)), 60)
    log(f"{len(pages)} pages connected and synced in {time.perf_counter() - started:.1f} s")

    # Each ballot on a connection of its own, as each person's browser has: a connection kept alive
    # and reused by a load generator short of CPU could be reused just as the server closes it idle.
    limits = httpx.Limits(max_connections=args.connections, max_keepalive_connections=0)
    http = [httpx.AsyncClient(base_url=s.http, limits=limits, timeout=30) for s in servers]
    opened = await http[0].post(
        f"/api/c/{slug}/votes",
        json={
            "subject": {"kind": "motion", "ref": ""},
            "title": "Adoption de la motion",
            "secret": args.secret,
        },
        headers={"Authorization": f"Bearer {organisers[0]}"},
    )
    opened.raise_for_status()
    vote_id = int(opened.json()["id"])
    twice = set(rng.sample(range(len(people)), min(args.duplicates, len(people))))
    ballots = [
        Ballot(i, token, rng.choice(CHOICES), i % 2, rng.uniform(0, args.window), i in twice)
        for i, token in enumerate(people)
    ]
    psutils = [psutil.Process(s.process.pid) for s in servers if s.process is not None]
    cpu_before = [sum(p.cpu_times()[:2]) for p in psutils]
    me = psutil.Process()
    own_before = sum(me.cpu_times()[:2])
    load_before = os.getloadavg()

    async def cast(ballot: Ballot, process: int) -> None:
        sent_at = time.perf_counter()
        try:
            answer = await http[process].post(
                f"/api/c/{slug}/votes/{vote_id}/ballot",
                json={"choice": ballot.choice},
                headers={"Authorization": f"Bearer {ballot.token}"},
            )
        except httpx.TransportError as exc:  # no answer at all: counted as such, never retried
            ballot.answers.append((0, type(exc).__name__, sent_at, time.perf_counter()))
            return
        error = answer.json().get("error", "") if answer.status_code >= 400 else ""
        ballot.answers.append((answer.status_code, error, sent_at, time.perf_counter()))

    async def vote(ballot: Ballot, opened_at: float) -> None:
        await asyncio.sleep(max(0.0, opened_at + ballot.at - time.perf_counter()))
        tabs = [cast(ballot, ballot.process)]
        if ballot.twice:
            tabs.append(cast(ballot, 1 - ballot.process))
        await asyncio.gather(*tabs)

    window_open = time.perf_counter()
    await asyncio.gather(*(vote(b, window_open) for b in ballots))
    voting_seconds = time.perf_counter() - window_open
    counted = [a for b in ballots for a in b.answers if a[0] == 201]
    last_sent = max(a[2] for a in counted)  # the last vote counted: when it left, when its 201 came
    last_counted = max(a[3] for a in counted)
    await asyncio.sleep(args.wait)  # whatever is still on its way to the pages
    cpu_after = [sum(p.cpu_times()[:2]) for p in psutils]
    own_cpu = sum(me.cpu_times()[:2]) - own_before
    load_after = os.getloadavg()

    sent = {c: sum(1 for b in ballots if b.choice == c) for c in CHOICES}
    close_sent = time.perf_counter()
    closed = await http[1].post(
        f"/api/c/{slug}/votes/{vote_id}/close", headers={"Authorization": f"Bearer {organisers[0]}"}
    )
    closed.raise_for_status()
    await asyncio.sleep(args.wait)
    for client in http:
        await client.aclose()
    for page in pages:
        await page.close()

    engine = create_engine(normalise_url(args.database_url))
    with engine.connect() as connection:
        stored_ballots = connection.execute(
            text("SELECT count(*), count(DISTINCT participant_id) FROM ballot WHERE vote_id = :v"),
            {"v": vote_id},
        ).one()
        row = connection.execute(
            text("SELECT cast_count, count_for, count_against, count_abstain FROM vote WHERE id = :v"),
            {"v": vote_id},
        ).one()
    engine.dispose()
    statuses: dict[str, int] = {}
    for b in ballots:
        for status, error, _sent, _came in b.answers:
            key = f"{status} {error}".strip()
            statuses[key] = statuses.get(key, 0) + 1
    once = all(sum(1 for a in b.answers if a[0] == 201) == 1 for b in ballots)
    refused_twice = all(sum(1 for a in b.answers if a[0] == 409) == 1 for b in ballots if b.twice)
    times = first_times(pages, vote_id, len(people), sent)
    seen = [counted for counted, _ in times.values() if counted is not None]
    lags = [at - last_sent for at in seen]
    finals = [final - close_sent for _, final in times.values() if final is not None]
    organisers_seen = [times[id(p)][0] for p in pages if p.tally]
    latencies = [a[3] - a[2] for b in ballots for a in b.answers]
    result = {
        "people": len(people),
        "organisers": len(organisers),
        "pages": len(pages),
        "secret": args.secret,
        "window_s": args.window,
        "voting_s": round(voting_seconds, 2),
        "second_tab": len(twice),
        "answers": statuses,
        "each_person_counted_once": once,
        "second_ballots_refused": refused_twice,
        "sent": sent,
        "database": {
            "ballots": stored_ballots[0],
            "distinct_voters": stored_ballots[1],
            "cast": row[0],
            "counts": dict(zip(CHOICES, row[1:], strict=True)),
        },
        "final_vote": {"cast": closed.json()["cast"], "counts": closed.json()["counts"]},
        "ballot_http_ms": {"p50": percentile(latencies, 50) * 1000, "p99": percentile(latencies, 99) * 1000},
        # From the moment the last counted ballot was sent (its HTTP answer included), to each page.
        "live_count_after_last_vote_s": {
            "pages_right": len(lags),
            "p50": percentile(lags, 50),
            "p95": percentile(lags, 95),
            "max": max(lags, default=float("nan")),
            "organisers_max": max((at - last_sent for at in organisers_seen if at), default=float("nan")),
            # The same from its 201 answer (negative: the pages had it before the answer arrived).
            "max_after_answer": max(seen, default=float("nan")) - last_counted,
        },
        "result_after_close_s": {
            "pages_right": len(finals),
            "p50": percentile(finals, 50),
            "max": max(finals, default=float("nan")),
        },
        # From the window's opening to `--wait` seconds after the last answer.
        "server_cpu_s": [
            round(after - before, 2) for before, after in zip(cpu_before, cpu_after, strict=True)
        ],
        "server_cpu_ms_per_request": round(
            1000
            * sum(after - before for before, after in zip(cpu_before, cpu_after, strict=True))
            / max(1, len(latencies)),
            1,
        ),
        "load_generator_cpu_s": round(own_cpu, 2),
        "load_average": {"before": load_before, "after": load_after},
        "cpus": os.cpu_count(),
        "redis": redis.url,
    }
    expected = result["database"] == {
        "ballots": len(people),
        "distinct_voters": len(people),
        "cast": len(people),
        "counts": sent,
    } and result["final_vote"] == {"cast": len(people), "counts": sent}
    result["ok"] = bool(once and refused_twice and expected)
    return result


def print_result(r: dict[str, Any]) -> None:
    live, final, http = r["live_count_after_last_vote_s"], r["result_after_close_s"], r["ballot_http_ms"]
    loads = " → ".join(" ".join(f"{x:.2f}" for x in r["load_average"][k]) for k in ("before", "after"))
    kind = "secret" if r["secret"] else "named"
    lines = [
        f"{r['people']} participants ({kind} vote), {r['organisers']} organisers, {r['pages']} pages",
        f"on 2 processes, {r['cpus']} CPUs; load average {loads}",
        f"votes sent over {r['voting_s']:.2f} s (window {r['window_s']} s); {r['second_tab']} people also",
        f"voted from a second tab on the other process; answers {r['answers']}",
        f"ballot answered in p50 {http['p50']:.1f} ms, p99 {http['p99']:.1f} ms",
        f"server CPU during the vote {r['server_cpu_s']} s ({r['server_cpu_ms_per_request']} ms per ballot"
        f" request, live rooms included); this load generator {r['load_generator_cpu_s']} s",
        f"sent {r['sent']}",
        f"database {r['database']}",
        f"final vote {r['final_vote']}",
        f"counted once each: {r['each_person_counted_once']}",
        f"second ballots refused: {r['second_ballots_refused']}",
        f"live count right on {live['pages_right']}/{r['pages']} pages after the last vote:",
        f"  p50 {live['p50']:.3f} s, p95 {live['p95']:.3f} s, max {live['max']:.3f} s (target ≤ 1 s)",
        f"  organisers' tallies max {live['organisers_max']:.3f} s;"
        f" after its 201 answer, every page within {live['max_after_answer']:.3f} s",
        f"result on {final['pages_right']} pages after closing:",
        f"  p50 {final['p50']:.3f} s, max {final['max']:.3f} s",
        "OK" if r["ok"] else "FAILED: a ballot was lost, counted twice, or a second one accepted",
    ]
    print("\n".join(lines))


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--people", type=int, default=500, help="participants who vote (default 500)")
    parser.add_argument(
        "--organisers", type=int, default=4, help="organisers watching the tallies (default 4)"
    )
    parser.add_argument(
        "--window", type=float, default=10.0, help="seconds over which the votes come (default 10)"
    )
    parser.add_argument("--duplicates", type=int, default=50, help="people who also vote from a second tab")
    parser.add_argument("--secret", action="store_true", help="a secret vote (the tallies show `cast` only)")
    parser.add_argument(
        "--wait", type=float, default=5.0, help="seconds the pages get after the vote, and after closing"
    )
    parser.add_argument("--connections", type=int, default=64, help="HTTP connections per process")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument(
        "--database-url", default=DEFAULT_DATABASE, help="PostgreSQL shared by both processes"
    )
    parser.add_argument("--json", type=Path, help="also write the figures there")
    args = parser.parse_args()
    result = asyncio.run(run(args))
    print_result(result)
    if args.json:
        args.json.write_text(json.dumps(result, indent=1))
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
