"""Running the classification beside the server: in a worker process, one run at a time.

The sentence encoder holds the GIL for seconds (2,000 texts: about 9 s), which
in a thread would stall every room of the process. A single spawned worker
process keeps the model loaded between runs; it gets plain data (contributions,
seeds, cached vectors) and returns plain data, so nothing of numpy or
scikit-learn is imported into the server itself.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import time
from concurrent.futures import Executor, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from server.congress.domain import DomainError

log = logging.getLogger(__name__)
STOP_SECONDS = 8.0  # within uvicorn's graceful shutdown (10 s)


class ClassificationBusy(DomainError):
    """A classification of this server is already running."""


class ClassificationFailed(DomainError):
    """The classification refused its input (k too small for the organisers' themes) or broke."""


def classify_payload(payload: dict[str, Any]) -> dict[str, Any]:
    """In the worker: contributions, seeds, k and known vectors in; themes and new vectors out."""
    import numpy as np

    from server.themes.contributions import Contribution
    from server.themes.engine import ClassificationError, classify, default_encoders
    from server.themes.features import CachedEncoder
    from server.themes.model import ThemeSeed

    started = time.perf_counter()
    known = {key: np.frombuffer(data, dtype=np.float32) for key, data in payload["vectors"].items()}
    cache = dict(known)
    encoders = dict(default_encoders())
    encoders["use"] = CachedEncoder(default_encoders()["use"], store=cache, max_items=10**7)
    contributions = [Contribution(key, title, text) for key, title, text in payload["contributions"]]
    seeds = [ThemeSeed(name, tuple(keys)) for name, keys in payload["seeds"]]
    try:
        result = classify(contributions, k=payload["k"], seeds=seeds, encoders=encoders)
    except ClassificationError as exc:
        return {"error": str(exc)}
    return {
        "themes": [
            {
                "words": list(theme.words),
                "members": [[m.contribution_id, m.centrality, m.pinned] for m in theme.members],
            }
            for theme in result.themes
        ],
        "proposed_k": result.proposed_k,
        "near_duplicates": [[d.first, d.second, round(d.similarity, 3)] for d in result.near_duplicates],
        "vectors": {
            key: np.asarray(vector, dtype=np.float32).tobytes()
            for key, vector in cache.items()
            if key not in known
        },
        "seconds": round(time.perf_counter() - started, 2),
    }


def encode_texts(texts: list[str]) -> dict[str, bytes]:
    """In the worker: the encoder's vector of each text, by text hash (the key classify reads)."""
    import numpy as np

    from server.themes.engine import default_encoder
    from server.themes.features import CachedEncoder

    cache: dict[str, Any] = {}
    CachedEncoder(default_encoder(), store=cache, max_items=10**7).encode(texts)
    return {key: np.asarray(vector, dtype=np.float32).tobytes() for key, vector in cache.items()}


class Classifier:
    """Owns the worker process: started on first use, stopped with the application."""

    def __init__(self, executor: Executor | None = None) -> None:
        self._executor = executor
        self._own = executor is None
        self._lock = asyncio.Lock()
        self._themes: dict[int, asyncio.Lock] = {}

    def themes_lock(self, congress_id: int) -> asyncio.Lock:
        """Held while a congress's themes are read, changed and written back (a run or a correction),
        so that a correction made during a run waits for it instead of being overwritten by it."""
        return self._themes.setdefault(congress_id, asyncio.Lock())

    def _pool(self) -> Executor:
        if self._executor is None:
            # spawn, not fork: the server has threads (the database's, the event loop's).
            self._executor = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
        return self._executor

    @property
    def running(self) -> bool:
        return self._lock.locked()

    async def run(self, payload: dict[str, Any]) -> dict[str, Any]:
        if self._lock.locked():
            raise ClassificationBusy("a classification is already running; try again when it ends")
        async with self._lock:
            loop = asyncio.get_running_loop()
            try:
                result: dict[str, Any] = await loop.run_in_executor(self._pool(), classify_payload, payload)
            except BrokenProcessPool as exc:
                log.error("the classification worker died; a new one starts with the next run")
                self._executor = None if self._own else self._executor
                raise ClassificationFailed("the classification worker stopped; try again") from exc
        if "error" in result:
            raise ClassificationFailed(result["error"])
        return result

    async def encode(self, texts: list[str]) -> dict[str, bytes]:
        """Vectors of `texts`, computed in the worker (queued behind a run in progress)."""
        loop = asyncio.get_running_loop()
        try:
            return dict(await loop.run_in_executor(self._pool(), encode_texts, texts))
        except BrokenProcessPool as exc:
            self._executor = None if self._own else self._executor
            raise ClassificationFailed("the classification worker stopped") from exc

    async def stop(self) -> None:
        if self._executor is not None and self._own:
            executor, self._executor = self._executor, None
            # Waited for in a thread (a run in progress ends first): the worker exits cleanly.
            stopping = asyncio.to_thread(executor.shutdown, wait=True, cancel_futures=True)
            try:
                await asyncio.wait_for(stopping, STOP_SECONDS)
            except TimeoutError:
                log.warning("the classification worker did not stop within %.0f s", STOP_SECONDS)
