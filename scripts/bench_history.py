"""History benchmark: how fast a congress's day can be replayed, on the real store and history service.

Generates a day of concurrent editing (tests/support/congress_day: several
writers typing the motion keystroke by keystroke, a few editing the mind map),
stores it in a fresh SQLite database (or --database-url), writes checkpoints
every 1,000 updates of a room as the server does, then reports:

- seek: both documents (motion and mind map) rebuilt at random positions, as
  the replay page asks, p50 / p95 / max: first as a freshly started server
  (cold), then after the preparation the history pages start when opened
  (checkpoint states in memory, the log checked once for causal order), on
  other random positions; and each document alone;
- timeline: the log's marks read and grouped into steps and activity;
- authorship: caching the runs at every checkpoint for the whole day (the
  server does it in the background as checkpoints are written), then random
  positions (cached runs + a replay of at most one checkpoint interval);
- the replay page's own question at random positions: both documents with
  the motion by author and the map's namings (`/at?authors=1`);
- a slider dragged: 60 consecutive changes forward then the same back, with
  and without authorship, as the replay page asks while the handle moves.

The process keeps its start-up objects out of the garbage collector's full
passes, as the server does (server/app.py freeze_start_up_objects). It prints
the machine's load average before and after (all processes, not only its
own: the machine is shared) and asserts nothing. Usage: scripts/bench_history --help.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from server.app import freeze_start_up_objects
from server.congress.directory import Directory
from server.history import History
from server.realtime.extensions.persistence import UpdateLog
from server.store.base import NewUpdate
from server.store.sql import SqlStore
from tests.support.congress_day import generate

SLUG = "bench-history"


def _figures(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {
        "p50_ms": round(statistics.median(ordered) * 1000, 2),
        "p95_ms": round(ordered[int(len(ordered) * 0.95) - 1] * 1000, 2),
        "max_ms": round(ordered[-1] * 1000, 2),
        "count": len(ordered),
    }


async def run(
    updates: int, seeks: int, writers: int, database_url: str | None, seed: int, chart: Path | None = None
) -> dict[str, Any]:
    report: dict[str, Any] = {"updates": updates, "writers": writers, "load_before": _load()}
    with tempfile.TemporaryDirectory() as tmp:
        store = SqlStore(database_url or f"sqlite:///{Path(tmp) / 'history.db'}")
        await store.start()
        directory = Directory(store.engine)
        slug = f"{SLUG}-{random.randrange(10**9)}"
        directory.create_congress(slug, "Banc d'essai de l'historique")

        started = time.perf_counter()
        day = generate(updates, writers=writers, seed=seed)
        report["generate_s"] = round(time.perf_counter() - started, 1)
        final_motion_chars = len(day.final_motion)
        motion_updates = sum(1 for e in day.edits if e.kind == "motion")
        report["motion_updates"] = motion_updates
        report["mindmap_updates"] = updates - motion_updates

        started = time.perf_counter()
        ids: list[int] = []
        for offset in range(0, len(day.edits), 5000):
            chunk = day.edits[offset : offset + 5000]
            ids += await store.append([NewUpdate(f"{slug}.{e.kind}", e.data, e.author, e.at) for e in chunk])
        report["store_s"] = round(time.perf_counter() - started, 1)

        started = time.perf_counter()
        update_log = UpdateLog(store, flush_interval=0.05, checkpoint_every=1000)
        for kind in ("motion", "mindmap"):
            await update_log.checkpoint(f"{slug}.{kind}", whole_chunks_only=False)
        report["checkpoints_s"] = round(time.perf_counter() - started, 1)
        report["checkpoints"] = {
            kind: len(await store.checkpoint_positions(f"{slug}.{kind}")) for kind in ("motion", "mindmap")
        }

        history = History(store, update_log, directory)
        await history.start()
        del day, chunk  # what the generator kept is garbage now: the server holds nothing like it
        freeze_start_up_objects()
        rng = random.Random(seed)

        async def seek_all(name: str, seek: Any, positions: list[int]) -> None:
            samples = []
            for position in positions:
                started = time.perf_counter()
                await seek(position)
                samples.append(time.perf_counter() - started)
            report[name] = _figures(samples)

        def both(position: int) -> Any:
            return history.moment(slug, position)

        positions = [rng.choice(ids) for _ in range(seeks)]
        # As a freshly started server answers: nothing of the log in memory yet.
        await seek_all("seek_both_documents_cold", both, positions)
        # What the history pages do when opened (in the background): checkpoint states in memory,
        # and each checkpoint interval checked once for causal order.
        started = time.perf_counter()
        await history.prepare(slug)
        report["prepare_seeking_s"] = round(time.perf_counter() - started, 2)
        started = time.perf_counter()
        timeline = await history.timeline(slug)
        report["timeline_ms"] = round((time.perf_counter() - started) * 1000, 1)
        report["timeline_steps"] = len(timeline.steps)
        if chart is not None:
            from server.history.chart import activity_svg
            from server.history.present import Authors

            names = {a: a.replace("participant:", "Personne ") for a in timeline.authors}
            who = Authors(
                names, {a: place for place, a in enumerate(sorted(timeline.authors))}, timeline.authors
            )
            chart.write_text(activity_svg(timeline.activity, names, who.colours, "Activité"))
        started = time.perf_counter()
        await history.timeline(slug)
        report["timeline_again_ms"] = round((time.perf_counter() - started) * 1000, 1)

        positions = [rng.choice(ids) for _ in range(seeks)]
        await seek_all("seek_both_documents", both, positions)
        await seek_all("seek_motion", lambda p: history.text_at(slug, p), positions)
        await seek_all("seek_mindmap", lambda p: history.mindmap_at(slug, p), positions)
        report["seek_memory_mb"] = round(history.seeker.points.size / 1e6, 1)

        started = time.perf_counter()
        await history.warm_authorship(slug)  # the server does this in the background, per checkpoint
        report["authorship_whole_day_s"] = round(time.perf_counter() - started, 2)
        cached: list[float] = []
        for position in positions[:200]:
            started = time.perf_counter()
            await history.authorship(slug, position)
            cached.append(time.perf_counter() - started)
        report["authorship_cached"] = _figures(cached)
        await seek_all(
            "replay_with_authors", lambda p: history.moment(slug, p, authors=True), positions[:200]
        )

        # A slider dragged: the replay page asks for the end of each step as the handle passes it.
        ends = sorted({step.last for step in timeline.steps})
        start = rng.randrange(max(len(ends) - 60, 1))
        drag = ends[start : start + 60] + ends[start : start + 60][::-1]
        await seek_all("drag_both_documents", both, drag)
        await seek_all("drag_with_authors", lambda p: history.moment(slug, p, authors=True), drag)
        report["final_motion_chars"] = final_motion_chars
        report["load_after"] = _load()
        await store.stop()
    return report


def _load() -> list[float]:
    """The machine's load average over 1, 5 and 15 minutes (every process, not only this one)."""
    return [round(x, 2) for x in os.getloadavg()]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--updates", type=int, default=100_000)
    parser.add_argument("--seeks", type=int, default=1000)
    parser.add_argument("--writers", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--database-url", default=None, help="default: a temporary SQLite file")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures to this file")
    parser.add_argument("--chart", type=Path, default=None, help="write the day's activity chart (SVG) here")
    args = parser.parse_args()
    report = asyncio.run(
        run(args.updates, args.seeks, args.writers, args.database_url, args.seed, args.chart)
    )
    text = json.dumps(report, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n")


if __name__ == "__main__":
    main()
