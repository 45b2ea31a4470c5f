"""Encoding contributions as they arrive, so that classifying never waits for the encoder.

Encoding is nearly all of a classification (2,000 texts: 9 s with USE, three
minutes with e5; the rest about 2 s). Contributions come in over weeks, so each
is encoded by both encoders shortly after it is written or imported, in the
classification worker, and its vectors are stored beside it: a classification
then reads stored vectors.
"""

from __future__ import annotations

import asyncio
import logging

from server.contributions.classifier import ClassificationFailed, Classifier
from server.contributions.service import ENCODERS
from server.contributions.store import ContributionStore

log = logging.getLogger(__name__)


class VectorWarmer:
    """Per congress, one pending encoding at a time, started `delay` seconds after the last arrival."""

    def __init__(self, store: ContributionStore, classifier: Classifier, delay: float = 2.0) -> None:
        self.store = store
        self.classifier = classifier
        self.delay = delay
        self._pending: dict[int, asyncio.Task[None]] = {}

    def arrived(self, congress_id: int) -> None:
        """A contribution was written, edited or imported: encode what lacks a vector soon."""
        task = self._pending.get(congress_id)
        if task is not None and not task.done():
            task.cancel()  # a burst of arrivals is encoded once, after it
        self._pending[congress_id] = asyncio.create_task(
            self._encode_after_delay(congress_id), name=f"encode-{congress_id}"
        )

    async def _encode_after_delay(self, congress_id: int) -> None:
        await asyncio.sleep(self.delay)
        try:
            texts = await asyncio.to_thread(self._unencoded, congress_id)
            if not texts:
                return
            vectors = await self.classifier.encode(texts, congress_id)
            saved = 0
            for encoder, by_hash in vectors.items():
                saved = max(
                    saved, await asyncio.to_thread(self.store.save_vectors, congress_id, by_hash, encoder)
                )
            log.info("congress %d: %d contributions encoded ahead of classification", congress_id, saved)
        except ClassificationFailed as exc:
            log.warning(
                "congress %d: encoding ahead failed (%s); the next classification does it", congress_id, exc
            )
        except Exception:
            log.exception("congress %d: encoding ahead failed; the next classification does it", congress_id)
        finally:
            if self._pending.get(congress_id) is asyncio.current_task():
                del self._pending[congress_id]

    def _unencoded(self, congress_id: int) -> list[str]:
        # A text lacking any encoder's vector is encoded by all: the one that has it is cheap (USE)
        # or, the other way round, rare.
        return sorted({t for encoder in ENCODERS for t in self.store.unencoded_texts(congress_id, encoder)})

    async def stop(self) -> None:
        tasks = list(self._pending.values())
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
