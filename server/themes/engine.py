"""classify(): contributions in, themes out, the organiser's corrections respected."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from sklearn.preprocessing import normalize
from threadpoolctl import threadpool_limits

from server.themes.clustering import MAX_K, cluster, nearest_seed, propose_k, typical_closeness
from server.themes.contributions import Contribution
from server.themes.duplicates import THRESHOLD, near_duplicates
from server.themes.features import CachedEncoder, Encoder, Progress, UniversalSentenceEncoder, build_features
from server.themes.labels import theme_words
from server.themes.model import Classification, Member, Theme, ThemeSeed

# A new contribution joins an organiser theme when it is at least as close to that theme's
# pinned contributions as the 40 % least typical of those are to each other. Measured on the
# test corpus with one theme left unseeded: 0.25 sends 70 % of that theme into seeded themes,
# 0.6 leaves most well-placed contributions out; 0.4 keeps about half of each right.
JOIN_QUANTILE = 0.4
# Leftover contributions (close to no organiser theme) form at most one new theme per this
# many: they are a residue, and silhouette on a residue proposes many tiny themes.
NEW_THEME_SIZE = 15

_default_encoder: Encoder | None = None


class ClassificationError(ValueError):
    """The request contradicts itself (k smaller than the organiser's themes, a contribution pinned twice)."""


def default_encoder() -> Encoder:
    global _default_encoder
    if _default_encoder is None:
        # One per process: the model loads once and the vectors of texts already seen are kept.
        _default_encoder = CachedEncoder(UniversalSentenceEncoder(threads=1))
    return _default_encoder


def classify(
    contributions: Sequence[Contribution],
    k: int | None = None,
    seeds: Sequence[ThemeSeed] = (),
    *,
    encoder: Encoder | None = None,
    duplicate_threshold: float = THRESHOLD,
    progress: Progress | None = None,
) -> Classification:
    """Group contributions into themes.

    k is the total number of themes (organiser themes included); None lets the
    method propose it. Seeds come first, in their order, with their names; their
    pinned contributions never move. Pinned ids that are not among the
    contributions (withdrawn since) are ignored.
    """
    if k is not None and k < max(len(seeds), 1):
        raise ClassificationError(
            f"k={k} is smaller than the {len(seeds)} organiser theme(s) / "
            f"k={k} est inférieur au nombre de thèmes de l'organisateur ({len(seeds)})"
        )
    pinned = _pinned(contributions, seeds)
    # One core: the server keeps serving rooms while a classification runs beside it.
    with threadpool_limits(limits=1):
        features = build_features(contributions, encoder or default_encoder(), progress)
        if progress is not None:
            progress("clustering", 0, 1)
        labels, proposed, scores = _assign(features.vectors, pinned, len(seeds), k)
        if progress is not None:
            progress("clustering", 1, 1)
        n_themes = int(labels.max()) + 1 if len(labels) else len(seeds)
        n_themes = max(n_themes, len(seeds))
        words = theme_words(contributions, labels, n_themes)
        themes = _themes(contributions, features.vectors, labels, n_themes, words, seeds, pinned)
        duplicates = near_duplicates([c.id for c in contributions], features.embeddings, duplicate_threshold)
    return Classification(tuple(themes), tuple(duplicates), proposed, scores)


def _pinned(contributions: Sequence[Contribution], seeds: Sequence[ThemeSeed]) -> dict[int, int]:
    """Row index → seed index for every pinned contribution present."""
    row = {c.id: i for i, c in enumerate(contributions)}
    pinned: dict[int, int] = {}
    owner: dict[str, str] = {}
    for s, seed in enumerate(seeds):
        for contribution_id in seed.contribution_ids:
            if contribution_id in owner:
                raise ClassificationError(
                    f"contribution {contribution_id!r} is pinned to both {owner[contribution_id]!r} and "
                    f"{seed.name!r} / épinglée à deux thèmes"
                )
            owner[contribution_id] = seed.name
            if contribution_id in row:
                pinned[row[contribution_id]] = s
    return pinned


def _assign(
    vectors: np.ndarray, pinned: dict[int, int], n_seeds: int, k: int | None
) -> tuple[np.ndarray, int | None, dict[int, float]]:
    """Theme index per row: seeds are 0..n_seeds-1, new themes follow."""
    n = len(vectors)
    labels = np.full(n, -1, dtype=int)
    free = np.ones(n, dtype=bool)
    if pinned:
        rows = np.fromiter(pinned, dtype=int)
        seed_of = np.fromiter(pinned.values(), dtype=int)
        labels[rows] = seed_of
        free[rows] = False
        unpinned = np.flatnonzero(free)
        if len(unpinned):
            predicted, closeness = nearest_seed(vectors[unpinned], vectors[rows], seed_of)
            if k is not None and k == n_seeds:
                joins = np.ones(len(unpinned), dtype=bool)  # no room for new themes
            else:
                joins = closeness >= typical_closeness(vectors[rows], seed_of, JOIN_QUANTILE)
            labels[unpinned[joins]] = predicted[joins]
            free[unpinned[joins]] = False
    leftovers = np.flatnonzero(free)
    if len(leftovers) == 0:
        return labels, None, {}
    proposed: int | None = None
    scores: dict[int, float] = {}
    if k is not None:
        n_new = k - n_seeds
    elif n_seeds and len(leftovers) < 2 * NEW_THEME_SIZE:
        n_new = 1
    else:
        max_new = len(leftovers) // NEW_THEME_SIZE if n_seeds else MAX_K
        choice = propose_k(normalize(vectors[leftovers]), max_k=max_new)
        n_new, scores = choice.k, choice.scores
        proposed = n_new + n_seeds
    labels[leftovers] = n_seeds + cluster(vectors[leftovers], n_new)
    return labels, proposed, scores


def _themes(
    contributions: Sequence[Contribution],
    vectors: np.ndarray,
    labels: np.ndarray,
    n_themes: int,
    words: list[list[str]],
    seeds: Sequence[ThemeSeed],
    pinned: dict[int, int],
) -> list[Theme]:
    themes = []
    for t in range(n_themes):
        rows: list[int] = np.flatnonzero(labels == t).tolist()
        members: list[Member] = []
        if len(rows):
            centre = normalize(vectors[rows].mean(axis=0, keepdims=True))[0]
            centrality = vectors[rows] @ centre
            order = sorted(range(len(rows)), key=lambda j: (-centrality[j], contributions[rows[j]].id))
            members = [
                Member(contributions[rows[j]].id, round(float(centrality[j]), 4), rows[j] in pinned)
                for j in order
            ]
        name = seeds[t].name if t < len(seeds) else None
        themes.append(Theme(t, tuple(words[t]), tuple(members), name))
    return themes
