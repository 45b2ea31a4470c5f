"""Classification guided by the organisers' axes: each contribution to an axis, or to "autre".

The recipe, measured on tests/data/themes_fr.csv (docs/themes.md has the figures):
1. each axis is its name and one sentence ("Nom : phrase"), encoded like a contribution
   and centred with the contributions' mean; a name alone does much worse;
2. a contribution's score for an axis is its cosine to the axis in each space, z-scored
   per axis over the contributions (an axis whose sentence is close to everything does
   not swallow everything), summed with the spaces' weights;
3. the axis its author chose adds a fixed bonus: a signal, not a rule (contributors
   pick a wrong axis or none about a third of the time);
4. a few rounds of self-training: a logistic regression learnt on the most clearly
   placed contributions of each axis reassigns the others (0.57 → 0.79 ARI, tuning part).
Organiser corrections take part as targets too: their pinned contributions stay, and
pull the target's anchor towards them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import normalize

from server.themes.spaces import Spaces

# Weights of the spaces in the axis scores (tuning part: e5 carries most; USE and the
# stems each half as much).
SCORE_WEIGHTS = {"use": 0.5, "e5": 1.0}
TFIDF_SCORE_WEIGHT = 0.5
AUTHOR_BONUS = 1.0  # in z units: 0.5 → 0.71, 1 → 0.79, 1.5 → 0.69 (tuning part)
ROUNDS = 3
TRAIN_SHARE = 0.6  # of each axis's members, the most clearly placed, train the next round
# Far from every axis, to "autre": a best summed z-score under this (less similar to each
# axis than the average contribution is), or a text off the congress's topic altogether
# (Spaces.typicality under -OFF_TOPIC_SHARE · sqrt(2 ln n), the lowest n ordinary ones reach).
OTHER_SCORE = 0.0
OFF_TOPIC_SHARE = 1.5


@dataclass(frozen=True)
class Target:
    """A theme contributions can be assigned to: an axis, an organiser theme, or both."""

    anchor: int | None  # row of Spaces.anchor_* for an axis, None for an organiser-only theme
    pinned: tuple[int, ...] = ()  # rows the organisers placed there: they never move


def assign(
    spaces: Spaces, targets: Sequence[Target], chosen: Sequence[int], other: bool = True
) -> np.ndarray:
    """Target index per row, -1 for "autre". `chosen`: the target the author picked, or -1."""
    n, k = spaces.joined.shape[0], len(targets)
    labels = np.full(n, -1, dtype=int)
    if n == 0 or k == 0:
        return labels
    pinned = np.full(n, -1, dtype=int)
    for t, target in enumerate(targets):
        pinned[list(target.pinned)] = t
    bonus = np.zeros((n, k))
    picked = np.asarray(chosen, dtype=int)
    has = picked >= 0
    bonus[np.flatnonzero(has), picked[has]] = AUTHOR_BONUS
    score = _anchor_scores(spaces, targets) + bonus
    labels = np.where(pinned >= 0, pinned, score.argmax(axis=1))
    free = pinned < 0
    off_topic = spaces.typicality < -OFF_TOPIC_SHARE * np.sqrt(2 * np.log(max(n, 2)))
    far = free & ((score.max(axis=1) < OTHER_SCORE) | off_topic) if other else np.zeros(n, dtype=bool)
    if n > k and k > 1:
        features = _features(spaces)
        for _ in range(ROUNDS):
            train = _confident(score, labels, free, far, k)
            if len(np.unique(labels[train])) < 2:
                break
            model = LogisticRegression(C=1.0, max_iter=300).fit(features[train], labels[train])
            probabilities = np.full((n, k), -30.0)
            probabilities[:, model.classes_] = model.predict_log_proba(features)
            score = _z(probabilities) + bonus
            new = np.where(pinned >= 0, pinned, score.argmax(axis=1))
            if np.array_equal(new, labels):
                break
            labels = new
    labels[far] = -1
    return labels


def _anchor_scores(spaces: Spaces, targets: Sequence[Target]) -> np.ndarray:
    total = np.zeros((spaces.joined.shape[0], len(targets)))
    for name, documents in spaces.encoders.items():
        weight = SCORE_WEIGHTS.get(name, 1.0)
        anchors = spaces.anchor_encoders.get(name)
        total += weight * _z(documents @ _target_vectors(documents, anchors, targets).T)
    tfidf = spaces.tfidf
    dense_anchors = spaces.anchor_tfidf.toarray() if spaces.anchor_tfidf.shape[0] else None
    vectors = _target_vectors(tfidf, dense_anchors, targets)
    total += TFIDF_SCORE_WEIGHT * _z(np.asarray(tfidf @ vectors.T))
    return total


def _target_vectors(documents: object, anchors: np.ndarray | None, targets: Sequence[Target]) -> np.ndarray:
    """Each target's direction: its axis's vector plus the mean of its pinned contributions."""
    rows = []
    for target in targets:
        vector = np.zeros(documents.shape[1])  # type: ignore[attr-defined]
        if target.anchor is not None and anchors is not None:
            vector = vector + anchors[target.anchor]
        if target.pinned:
            pinned = documents[list(target.pinned)]  # type: ignore[index]
            vector = vector + normalize(np.asarray(pinned.mean(axis=0)).reshape(1, -1))[0]
        rows.append(vector)
    return normalize(np.vstack(rows))


def _features(spaces: Spaces) -> np.ndarray:
    parts = [np.sqrt(SCORE_WEIGHTS.get(name, 1.0)) * v for name, v in spaces.encoders.items()]
    return np.hstack([*parts, np.sqrt(TFIDF_SCORE_WEIGHT) * spaces.lexical])


def _confident(
    score: np.ndarray, labels: np.ndarray, free: np.ndarray, far: np.ndarray, k: int
) -> np.ndarray:
    """Pinned rows, and per target the share of its free members with the widest margin."""
    ordered = np.sort(score, axis=1)
    margin = ordered[:, -1] - ordered[:, -2]
    train = ~free
    for t in range(k):
        members = np.flatnonzero((labels == t) & free & ~far)
        if len(members):
            keep = max(2, int(TRAIN_SHARE * len(members)))
            ranked = members[np.lexsort((members, -margin[members]))]
            train[ranked[:keep]] = True
    return train


def _z(scores: np.ndarray) -> np.ndarray:
    return (scores - scores.mean(axis=0)) / (scores.std(axis=0) + 1e-9)
