"""Grouping vectors into themes: KMeans with fixed seeds, k proposed by silhouette."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from sklearn.cluster import KMeans
from sklearn.metrics import silhouette_score
from sklearn.neighbors import KNeighborsClassifier

RANDOM_STATE = 0  # fixed: the same contributions always give the same themes
N_INIT = 10
MIN_K, MAX_K = 2, 12
# Silhouette is computed on a fixed sample past this size: it is quadratic in n.
SILHOUETTE_SAMPLE = 1_000


@dataclass(frozen=True)
class KChoice:
    k: int
    scores: dict[int, float]  # silhouette (cosine) of each k tried


def cluster(vectors: np.ndarray, k: int) -> np.ndarray:
    """Labels 0..k-1 for each row; deterministic."""
    if k <= 1 or len(vectors) <= 1:
        return np.zeros(len(vectors), dtype=int)
    k = min(k, len(vectors))
    return KMeans(n_clusters=k, n_init=N_INIT, random_state=RANDOM_STATE).fit_predict(vectors)


def propose_k(vectors: np.ndarray, max_k: int = MAX_K) -> KChoice:
    """The k in [2, max_k] whose clustering has the best silhouette.

    Short texts give flat silhouettes (0.04-0.06 measured on the test corpus), so
    this is a starting point the organiser is expected to override.
    """
    n = len(vectors)
    upper = min(max_k, n - 1)
    if upper < MIN_K:
        return KChoice(1, {})
    scores: dict[int, float] = {}
    for k in range(MIN_K, upper + 1):
        labels = cluster(vectors, k)
        scores[k] = float(
            silhouette_score(
                vectors,
                labels,
                metric="cosine",
                sample_size=min(n, SILHOUETTE_SAMPLE),
                random_state=RANDOM_STATE,
            )
        )
    best = max(scores, key=lambda k: (round(scores[k], 3), -k))  # ties go to fewer themes
    return KChoice(best, scores)


def nearest_seed(
    vectors: np.ndarray, pinned_vectors: np.ndarray, pinned_labels: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """For each row, the organiser theme of its nearest pinned contributions, and how close they are.

    Nearest neighbours rather than theme centroids: a theme the organiser made by
    merging two clusters has two centres, and a centroid between them is close to neither.
    """
    neighbours = min(3, len(pinned_vectors))
    knn = KNeighborsClassifier(n_neighbors=neighbours, weights="distance", metric="cosine")
    knn.fit(pinned_vectors, pinned_labels)
    predicted = knn.predict(vectors)
    similarity = vectors @ pinned_vectors.T
    # Closeness to the predicted theme: similarity to its nearest pinned member.
    same = pinned_labels[None, :] == predicted[:, None]
    closeness = np.where(same, similarity, -np.inf).max(axis=1)
    return predicted, closeness


def typical_closeness(pinned_vectors: np.ndarray, pinned_labels: np.ndarray, quantile: float) -> float:
    """How close a pinned contribution usually is to another one of its own theme (leave-one-out)."""
    similarity = pinned_vectors @ pinned_vectors.T
    np.fill_diagonal(similarity, -np.inf)
    same = pinned_labels[None, :] == pinned_labels[:, None]
    nearest = np.where(same, similarity, -np.inf).max(axis=1)
    nearest = nearest[np.isfinite(nearest)]  # themes with one pinned member have no neighbour
    return float(np.quantile(nearest, quantile)) if len(nearest) else 1.0
