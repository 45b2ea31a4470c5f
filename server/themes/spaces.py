"""The spaces themes are built in: each encoder's vectors centred, stemmed TF-IDF, and their join.

Measured on tests/data/themes_fr.csv (406 contributions, 7 themes; scripts/bench_themes,
docs/themes.md): centring (subtracting the corpus mean, then renormalising) removes the
direction every contribution shares ("this is about public policy") and lets the
differences between themes dominate the cosine; the encoders carry meaning across
paraphrases, the stems carry domain words the encoders do not know.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.decomposition import PCA, TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from server.themes.french import stems

# Weights of each space, measured on the tuning part of the corpus (docs/themes.md).
ENCODER_WEIGHTS = {"use": 1.0, "e5": 1.0}  # in the joined space KMeans clusters
TFIDF_WEIGHT = 0.5
LSA_COMPONENTS = 100
DUPLICATE_TFIDF_WEIGHT = 0.7
PCA_COMPONENTS = 20  # USE + e5 + LSA joined, then 20 denoised dimensions: 0.47 / 0.44 ARI at k = 7


@dataclass(frozen=True)
class Spaces:
    """One row per contribution in every space; `anchors` (one row per axis) in the same spaces."""

    encoders: dict[str, np.ndarray]  # name → (n, d) centred, L2-normalised
    tfidf: sparse.csr_matrix  # (n, vocabulary) L2-normalised stem TF-IDF
    lexical: np.ndarray  # (n, ≤100) centred LSA of the TF-IDF
    joined: np.ndarray  # (n, ≤20) L2-normalised PCA of the weighted join: where KMeans works
    anchor_encoders: dict[str, np.ndarray]  # name → (k, d), centred with the contributions' mean
    anchor_tfidf: sparse.csr_matrix  # (k, vocabulary)
    # How ordinary each contribution is for this corpus: the robust z-score of its raw cosine to
    # the corpus's mean direction, the lowest over the encoders. Off-topic texts sit far below
    # (a recipe: -9.4 with e5, where the least typical real contribution of the test corpus is -3.3).
    typicality: np.ndarray

    def duplicate_space(self) -> Any:
        """Every encoder's centred vectors and the stems side by side (server/themes/duplicates.py
        Joined). Measured, the stems help tell a rewording from a neighbour on the same topic
        (tuning part: 10 of 11 known pairs, 10 flagged, against 9 of 11 without)."""
        from server.themes.duplicates import Joined  # duplicates imports robust_z from here

        parts = [(1.0, v) for v in self.encoders.values()]
        return Joined([*parts, (DUPLICATE_TFIDF_WEIGHT, self.tfidf)])


def centred(vectors: np.ndarray, mean: np.ndarray | None = None) -> np.ndarray:
    mean = vectors.mean(axis=0) if mean is None else mean
    return normalize(vectors - mean)


def build_spaces(
    documents: Sequence[str],
    vectors: Mapping[str, np.ndarray],
    anchor_texts: Sequence[str] = (),
    anchor_vectors: Mapping[str, np.ndarray] | None = None,
) -> Spaces:
    """`documents`: what was encoded (title and text); `vectors`: each encoder's raw rows for them."""
    n = len(documents)
    encoders: dict[str, np.ndarray] = {}
    anchors: dict[str, np.ndarray] = {}
    typicality = np.full(n, np.inf)
    for name, raw in vectors.items():
        mean = raw.mean(axis=0) if n else np.zeros(raw.shape[1])
        if n > 2:
            typicality = np.minimum(typicality, robust_z(normalize(raw) @ normalize(mean.reshape(1, -1))[0]))
        encoders[name] = centred(raw, mean) if n > 1 else (normalize(raw) if n else raw)
        if anchor_vectors is not None and name in anchor_vectors:
            anchors[name] = centred(anchor_vectors[name], mean)
    tfidf, anchor_tfidf = _tfidf(documents, anchor_texts)
    lexical = _lsa(tfidf) if n > 2 else np.zeros((n, 1))
    parts = [ENCODER_WEIGHTS.get(name, 1.0) * v for name, v in encoders.items()]
    joined = np.hstack([*parts, TFIDF_WEIGHT * lexical]) if n else np.zeros((0, 1))
    dimensions = min(PCA_COMPONENTS, joined.shape[0] - 1, joined.shape[1])
    if n > 2 and dimensions >= 1:
        joined = PCA(dimensions, random_state=0).fit_transform(joined)
    typicality[~np.isfinite(typicality)] = 0.0
    joined = normalize(joined) if n else joined
    return Spaces(encoders, tfidf, lexical, joined, anchors, anchor_tfidf, typicality)


def robust_z(values: np.ndarray) -> np.ndarray:
    """(value - median) / (1.4826 · median absolute deviation): a z-score outliers do not move."""
    median = np.median(values)
    spread = 1.4826 * np.median(np.abs(values - median))
    return (values - median) / (spread if spread > 0 else 1e-9)


def _tfidf(documents: Sequence[str], anchors: Sequence[str]) -> tuple[sparse.csr_matrix, sparse.csr_matrix]:
    # Fitted on the contributions and the axes together: an axis's own words count.
    vectorizer = TfidfVectorizer(analyzer=stems, sublinear_tf=True)
    if not documents and not anchors:
        return sparse.csr_matrix((0, 1)), sparse.csr_matrix((0, 1))
    try:
        matrix = vectorizer.fit_transform([*documents, *anchors])
    except ValueError:  # not one meaningful word in any text
        matrix = sparse.csr_matrix((len(documents) + len(anchors), 1))
    matrix = normalize(matrix)
    return sparse.csr_matrix(matrix[: len(documents)]), sparse.csr_matrix(matrix[len(documents) :])


def _lsa(tfidf: sparse.csr_matrix) -> np.ndarray:
    # Stems shared by two contributions at least: a stem used once cannot link two.
    shared = np.asarray((tfidf > 0).sum(axis=0)).ravel() >= 2
    matrix = tfidf[:, np.flatnonzero(shared)]
    components = min(LSA_COMPONENTS, matrix.shape[0] - 1, matrix.shape[1] - 1)
    if components < 1:
        return centred(matrix.toarray()) if matrix.shape[1] else np.zeros((tfidf.shape[0], 1))
    return centred(TruncatedSVD(components, random_state=0).fit_transform(matrix))
