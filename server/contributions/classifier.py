"""Running the classification beside the server: in a worker process, one run at a time.

The sentence encoders hold the GIL for seconds (2,000 texts: 9 s with USE, three
minutes with e5), which in a thread would stall every room of the process. A single
spawned worker process keeps the models loaded between runs; it gets plain data
(contributions, axes, seeds, stored vectors) and returns plain data, so nothing of
numpy or scikit-learn is imported into the server itself. It reports its progress
on a queue the server reads when a page asks (GET .../themes/status).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import queue
import time
from concurrent.futures import Executor, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

from server.congress.domain import DomainError

log = logging.getLogger(__name__)
STOP_SECONDS = 8.0  # within uvicorn's graceful shutdown (10 s)

_progress_queue: Any = None  # in the worker: where progress goes (set by _start_worker)


class ClassificationBusy(DomainError):
    """A classification of this server is already running."""


class ClassificationFailed(DomainError):
    """The classification refused its input (k too small for the organisers' themes) or broke."""


@dataclass(frozen=True)
class Progress:
    """What the worker is doing: a step ("embedding e5", "clustering"), how far, for which congress."""

    congress_id: int | None = None
    kind: str = ""  # "classify" or "encode"
    step: str = ""
    done: int = 0
    total: int = 0


def _start_worker(progress: Any) -> None:
    global _progress_queue
    _progress_queue = progress


def _report(step: str, done: int, total: int) -> None:
    if _progress_queue is not None:
        with contextlib.suppress(Exception):  # a full or closed queue must never stop a classification
            _progress_queue.put_nowait((step, done, total))


def classify_payload(payload: dict[str, Any]) -> dict[str, Any]:
    """In the worker: contributions, axes, seeds, k and stored vectors in; themes and new vectors out."""
    import numpy as np

    from server.themes.contributions import Contribution
    from server.themes.engine import ClassificationError, classify, default_encoders
    from server.themes.features import CachedEncoder
    from server.themes.model import Axis, ThemeSeed

    started = time.perf_counter()
    caches: dict[str, dict[str, Any]] = {}
    known: dict[str, set[str]] = {}
    encoders: dict[str, Any] = {}
    for name, encoder in default_encoders().items():
        stored = payload["vectors"].get(name, {})
        caches[name] = {key: np.frombuffer(data, dtype=np.float32) for key, data in stored.items()}
        known[name] = set(stored)
        encoders[name] = CachedEncoder(encoder, store=caches[name], max_items=10**7)
    contributions = [
        Contribution(key, title, text, axis) for key, title, text, axis in payload["contributions"]
    ]
    seeds = [ThemeSeed(name, tuple(keys), axis) for name, keys, axis in payload["seeds"]]
    axes = [Axis(name, description) for name, description in payload.get("axes", [])]
    seed_names = {seed.name for seed in seeds}
    try:
        result = classify(
            contributions, k=payload["k"], seeds=seeds, axes=axes, encoders=encoders, progress=_report
        )
    except ClassificationError as exc:
        return {"error": str(exc)}
    return {
        "themes": [
            {
                "name": theme.name or "",
                "seeded": theme.name in seed_names,
                "label": theme.label,
                "axis": theme.axis or "",
                "other": theme.other,
                "words": list(theme.words),
                "members": [[m.contribution_id, m.centrality, m.pinned] for m in theme.members],
                "subthemes": [[sub.label, list(sub.contribution_ids)] for sub in theme.subthemes],
            }
            for theme in result.themes
        ],
        "proposed_k": result.proposed_k,
        "near_duplicates": [[d.first, d.second, round(d.similarity, 3)] for d in result.near_duplicates],
        "vectors": {
            name: {
                key: np.asarray(vector, dtype=np.float32).tobytes()
                for key, vector in cache.items()
                if key not in known[name]
            }
            for name, cache in caches.items()
        },
        "seconds": round(time.perf_counter() - started, 2),
    }


def encode_texts(texts: list[str]) -> dict[str, dict[str, bytes]]:
    """In the worker: each encoder's vector of each text, by text hash (the key classify reads)."""
    import numpy as np

    from server.themes.engine import default_encoders
    from server.themes.features import BATCH_ON_ARRIVAL, CachedEncoder

    result: dict[str, dict[str, bytes]] = {}
    for name, encoder in default_encoders().items():
        cache: dict[str, Any] = {}
        cached = CachedEncoder(encoder, store=cache, max_items=10**7)
        step = f"embedding {name}"
        for start in range(0, len(texts), BATCH_ON_ARRIVAL):
            cached.encode(texts[start : start + BATCH_ON_ARRIVAL])
            _report(step, min(start + BATCH_ON_ARRIVAL, len(texts)), len(texts))
        result[name] = {key: np.asarray(vector, dtype=np.float32).tobytes() for key, vector in cache.items()}
    return result


class Classifier:
    """Owns the worker process: started on first use, stopped with the application."""

    def __init__(self, executor: Executor | None = None) -> None:
        self._executor = executor
        self._own = executor is None
        self._lock = asyncio.Lock()  # held by a classification
        self._job = asyncio.Lock()  # held by whatever the worker does: a classification or an encoding
        self._themes: dict[int, asyncio.Lock] = {}
        self._queue: Any = None
        self._progress = Progress()

    def themes_lock(self, congress_id: int) -> asyncio.Lock:
        """Held while a congress's themes are read, changed and written back (a run or a correction),
        so that a correction made during a run waits for it instead of being overwritten by it."""
        return self._themes.setdefault(congress_id, asyncio.Lock())

    def _pool(self) -> Executor:
        if self._executor is None:
            # spawn, not fork: the server has threads (the database's, the event loop's).
            context = multiprocessing.get_context("spawn")
            self._queue = context.Queue(1000)
            self._executor = ProcessPoolExecutor(
                1, mp_context=context, initializer=_start_worker, initargs=(self._queue,)
            )
        return self._executor

    def progress(self) -> Progress:
        """What the worker is doing now (the latest step it reported), for a status route to poll."""
        while self._queue is not None:
            try:
                step, done, total = self._queue.get_nowait()
            except (queue.Empty, OSError, ValueError):
                break
            if self._progress.congress_id is not None:
                self._progress = Progress(self._progress.congress_id, self._progress.kind, step, done, total)
        return self._progress

    def _begin(self, congress_id: int | None, kind: str) -> None:
        self.progress()  # drop what an earlier job left in the queue
        self._progress = Progress(congress_id, kind)

    def _end(self) -> None:
        self.progress()
        self._progress = Progress()

    @property
    def running(self) -> bool:
        return self._lock.locked()

    async def run(self, payload: dict[str, Any], congress_id: int | None = None) -> dict[str, Any]:
        if self._lock.locked():
            raise ClassificationBusy("a classification is already running; try again when it ends")
        async with self._lock, self._job:  # an encoding in progress finishes first
            loop = asyncio.get_running_loop()
            self._begin(congress_id, "classify")
            try:
                result: dict[str, Any] = await loop.run_in_executor(self._pool(), classify_payload, payload)
            except BrokenProcessPool as exc:
                log.error("the classification worker died; a new one starts with the next run")
                self._executor = None if self._own else self._executor
                raise ClassificationFailed("the classification worker stopped; try again") from exc
            finally:
                self._end()
        if "error" in result:
            raise ClassificationFailed(result["error"])
        return result

    async def encode(self, texts: list[str], congress_id: int | None = None) -> dict[str, dict[str, bytes]]:
        """Each encoder's vectors of `texts`, computed in the worker (queued behind a run in progress)."""
        loop = asyncio.get_running_loop()
        async with self._job:  # one job at a time, so the progress reported is this one's
            self._begin(congress_id, "encode")
            try:
                return dict(await loop.run_in_executor(self._pool(), encode_texts, texts))
            except BrokenProcessPool as exc:
                self._executor = None if self._own else self._executor
                raise ClassificationFailed("the classification worker stopped") from exc
            finally:
                self._end()

    async def stop(self) -> None:
        if self._executor is not None and self._own:
            executor, self._executor = self._executor, None
            # Waited for in a thread (a run in progress ends first): the worker exits cleanly.
            stopping = asyncio.to_thread(executor.shutdown, wait=True, cancel_futures=True)
            try:
                await asyncio.wait_for(stopping, STOP_SECONDS)
            except TimeoutError:
                log.warning("the classification worker did not stop within %.0f s", STOP_SECONDS)
