"""Near-duplicate contributions: the same idea written twice, found by a rule relative to the corpus.

Two rewordings of one idea by different people have a raw cosine of only 0.53-0.78
(docs/field-notes.md): a fixed cut finds none of them, or floods the organisers.
What sets them apart is relative: each is the other's nearest neighbour, closer than
nearest neighbours usually are, and clearly closer than the next contribution.
A pair is flagged when
- the two are mutual nearest neighbours,
- the smaller of their two nearest-neighbour similarities is far in the tail of all
  nearest-neighbour similarities (robust z-score: median and MAD),
- and the larger of their two leads over their second neighbour is too,
with a cut growing like sqrt(2 ln m), m the number of mutual pairs: the value the largest
of m ordinary pairs would reach, so a bigger congress does not flag more by chance.
Compared in the join of both encoders' centred vectors and the stems (server/themes/
spaces.py). Measured on tests/data/themes_fr.csv (docs/themes.md): 15 of 16 known pairs
found, 18 flagged in all.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeAlias

import numpy as np
from scipy import sparse
from sklearn.preprocessing import normalize

from server.themes.model import NearDuplicate
from server.themes.spaces import robust_z

__all__ = ["NearDuplicate", "near_duplicates"]

SIMILARITY_SHARE = 0.75  # of the cut, for the similarity's z-score (tuning part)
LEAD_SHARE = 0.5  # of the cut, for the lead's z-score
# Rows compared block by block: 2,000 contributions never need a 2,000² float64 matrix at once.
BLOCK = 512


class Joined:
    """Several L2-normalised blocks side by side (dense encoders, sparse stems), each with a weight,
    compared as one normalised vector without ever building it: a sparse matrix holding the dense
    encoder columns made 2,000 contributions take 20 s instead of 2."""

    def __init__(self, parts: Sequence[tuple[float, Any]]) -> None:
        self.parts = [(weight, matrix) for weight, matrix in parts]
        squared = sum(
            weight**2
            * np.asarray(
                matrix.multiply(matrix).sum(axis=1) if sparse.issparse(matrix) else (matrix**2).sum(axis=1)
            ).ravel()
            for weight, matrix in self.parts
        )
        self.norms = np.sqrt(np.maximum(squared, 1e-12))
        self.shape = (len(self.norms), sum(matrix.shape[1] for _, matrix in self.parts))

    def similarities(self, start: int, stop: int) -> np.ndarray:
        total = np.zeros((stop - start, self.shape[0]))
        for weight, matrix in self.parts:
            product = matrix[start:stop] @ matrix.T
            total += weight**2 * (product.toarray() if sparse.issparse(product) else product)
        return total / self.norms[start:stop, None] / self.norms[None, :]


def _squared_norms(matrix: Any) -> np.ndarray:
    squares = matrix.multiply(matrix) if sparse.issparse(matrix) else matrix**2
    return np.asarray(squares.sum(axis=1)).ravel()


Vectors: TypeAlias = Any  # np.ndarray or Joined


def near_duplicates(
    ids: Sequence[str], vectors: Vectors, threshold: float | None = None
) -> list[NearDuplicate]:
    """The pairs the relative rule flags, most similar first; with `threshold`, every pair at
    least that similar instead (the old fixed rule, kept for `--duplicate-threshold`)."""
    if not isinstance(vectors, Joined):
        vectors = Joined([(1.0, normalize(np.asarray(vectors, dtype=np.float32)))])
    n = vectors.shape[0]
    if n < 3:
        return []
    if threshold is not None:
        return _above(ids, vectors, threshold)
    first, second, nearest = _two_nearest(vectors)
    mutual = [(i, int(nearest[i])) for i in range(n) if nearest[nearest[i]] == i and i < nearest[i]]
    if not mutual:
        return []
    similarity_z = robust_z(first)
    lead_z = robust_z(first - second)
    cut = float(np.sqrt(2 * np.log(max(len(mutual), 2))))
    pairs = []
    for a, b in mutual:
        close = min(similarity_z[a], similarity_z[b]) >= SIMILARITY_SHARE * cut
        apart = max(lead_z[a], lead_z[b]) >= LEAD_SHARE * cut
        if close and apart:
            x, y = sorted((ids[a], ids[b]))
            pairs.append(NearDuplicate(x, y, round(float(first[a]), 4)))
    pairs.sort(key=lambda pair: (-pair.similarity, pair.first, pair.second))
    return pairs


def _similarities(vectors: Joined, start: int) -> np.ndarray:
    return vectors.similarities(start, min(start + BLOCK, vectors.shape[0]))


def _two_nearest(vectors: Vectors) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    n = vectors.shape[0]
    first, second = np.empty(n), np.empty(n)
    nearest = np.empty(n, dtype=int)
    for start in range(0, n, BLOCK):
        block = _similarities(vectors, start)
        rows = np.arange(len(block))
        block[rows, start + rows] = -np.inf
        # Ties broken by the lower index, so the same corpus always gives the same pairs.
        top = np.argsort(-block, axis=1, kind="stable")[:, :2]
        nearest[start : start + len(block)] = top[:, 0]
        first[start : start + len(block)] = block[rows, top[:, 0]]
        second[start : start + len(block)] = block[rows, top[:, 1]]
    return first, second, nearest


def _above(ids: Sequence[str], vectors: Vectors, threshold: float) -> list[NearDuplicate]:
    pairs: list[NearDuplicate] = []
    for start in range(0, vectors.shape[0], BLOCK):
        block = _similarities(vectors, start)
        rows, columns = np.nonzero(block >= threshold)
        for row, column in zip(rows, columns, strict=True):
            i, j = start + int(row), int(column)
            if i < j:
                pairs.append(NearDuplicate(ids[i], ids[j], round(float(block[row, column]), 4)))
    pairs.sort(key=lambda pair: (-pair.similarity, pair.first, pair.second))
    return pairs
