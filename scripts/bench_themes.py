"""Benchmark of the theme classification on one core, on tests/data/themes_fr.csv.

For the tuning part and the held-out part (never used to choose a setting) of the
corpus: adjusted Rand index guided by the axes of tests/data/axes_fr.csv (with the
axis each contributor chose as a signal, and without it), unsupervised at the
organisers' k (7), and near-duplicates (known pairs found, pairs flagged). Then 2,000
contributions classified from stored vectors (what the server does: vectors are
computed on arrival), timed, and run twice to check the output is the same.
e5 vectors come from tests/data/e5_vectors.npz (`--encode` computes them again).
It prints figures and asserts nothing. Usage: scripts/bench_themes --help.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import numpy as np
from sklearn.metrics import adjusted_rand_score

from server.themes.axes import load_axes
from server.themes.contributions import Contribution, encoder_input, load_contributions
from server.themes.engine import classify, default_encoders
from server.themes.features import CachedEncoder, Encoder
from server.themes.model import Axis, Classification
from tests.themes_corpus import AXES, THEMES_CORPUS, known_duplicates, known_themes, parts, warm_e5


def log(message: str) -> None:
    print(f"[bench_themes {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def ari(contributions: Sequence[Contribution], truth: dict[str, str], result: Classification) -> float:
    found = result.assignment()
    return round(
        float(
            adjusted_rand_score([truth[c.id] for c in contributions], [found[c.id] for c in contributions])
        ),
        3,
    )


def duplicates(contributions: Sequence[Contribution], result: Classification) -> dict[str, int]:
    ids = {c.id for c in contributions}
    known = {pair for pair in known_duplicates(THEMES_CORPUS) if pair <= ids}
    flagged = {frozenset((d.first, d.second)) for d in result.near_duplicates}
    return {"known": len(known), "found": len(flagged & known), "flagged": len(flagged)}


class Stored:
    """An encoder that only reads stored vectors: a text it has not got is an error, not a computation."""

    def __init__(self, name: str, vectors: dict[str, np.ndarray]) -> None:
        self.name = name
        self._vectors = vectors

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return np.vstack([self._vectors[CachedEncoder.key(t)] for t in texts]) if texts else np.zeros((0, 1))


def synthetic(
    corpus: Sequence[Contribution], encoders: dict[str, Encoder], n: int, seed: int = 0
) -> tuple[list[Contribution], dict[str, Encoder]]:
    """n contributions made of two sentences of two corpus rows, with 'stored' vectors: the mean of
    their sources' vectors (computing 2,000 e5 vectors would take minutes; the server never does it
    at classification time either)."""
    rng = random.Random(seed)
    made: list[Contribution] = []
    sources = {
        name: encoder.encode([encoder_input(c.title, c.text) for c in corpus])
        for name, encoder in encoders.items()
    }
    stored: dict[str, dict[str, np.ndarray]] = {name: {} for name in encoders}
    for i in range(n):
        a, b = rng.sample(range(len(corpus)), 2)
        first, second = corpus[a], corpus[b]
        text = f"{first.text.split('. ')[0]}. {second.text.split('. ')[-1]}"
        contribution = Contribution(f"g{i:05d}", first.title, text, first.axis if rng.random() < 0.5 else "")
        made.append(contribution)
        key = CachedEncoder.key(encoder_input(contribution.title, contribution.text))
        for name in encoders:
            mixed = sources[name][a] + 0.5 * sources[name][b]
            stored[name][key] = (mixed / np.linalg.norm(mixed)).astype(np.float32)
    anchors = [axis.anchor_text for axis in load_axes(AXES)]
    for name, encoder in encoders.items():
        for text, vector in zip(anchors, encoder.encode(anchors), strict=True):
            stored[name][CachedEncoder.key(text)] = vector
    return made, {name: Stored(name, vectors) for name, vectors in stored.items()}


# Two axes no contribution was written for: how much do they attract?
DECOYS = (
    Axis(
        "Culture et patrimoine",
        "Soutenir les musées, les bibliothèques, les festivals et le patrimoine local.",
    ),
    Axis("Mobilités", "Développer les transports en commun, le covoiturage et le vélo entre les communes."),
)

DECOY_NAMES = {decoy.name for decoy in DECOYS}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--n", type=int, default=2000, help="size of the large run from stored vectors")
    parser.add_argument(
        "--encode", action="store_true", help="compute e5 vectors instead of reading the cache"
    )
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    figures: dict[str, Any] = {}
    encoders = default_encoders()
    figures["encoders"] = sorted(encoders)
    if not args.encode:
        log(f"{warm_e5()} e5 vectors read from the cache")
    corpus, truth, part_of = load_contributions(THEMES_CORPUS), known_themes(THEMES_CORPUS), parts()
    axes = load_axes(AXES)
    k = len(axes)
    for part in ("tuning", "heldout"):
        rows = [c for c in corpus if part_of[c.id] == part]
        started = time.perf_counter()
        guided = classify(rows, axes=axes)
        seconds = round(time.perf_counter() - started, 2)
        silent = classify([replace(c, axis="") for c in rows], axes=axes)
        unsupervised = classify(rows, k=k)
        decoyed = classify(rows, axes=[*axes, *DECOYS])
        figures[part] = {
            "size": len(rows),
            "guided_ari": ari(rows, truth, guided),
            "guided_ari_without_contributor_axis": ari(rows, truth, silent),
            "guided_ari_two_decoy_axes": ari(rows, truth, decoyed),
            "in_decoy_axes": sum(
                len(t.members) for t in decoyed.themes if t.axis in {d.name for d in DECOYS}
            ),
            "other": sum(len(t.members) for t in guided.themes if t.other),
            "unsupervised_ari_k": ari(rows, truth, unsupervised),
            "near_duplicates": duplicates(rows, guided),
            "seconds": seconds,
        }
        log(f"{part}: {figures[part]}")
    everything = classify(corpus, axes=axes)
    figures["all"] = {
        "guided_ari": ari(corpus, truth, everything),
        "near_duplicates": duplicates(corpus, everything),
    }
    figures["labels"] = [
        f"{t.title} ({len(t.members)}): " + " / ".join(s.label for s in t.subthemes)
        for t in everything.themes
    ]

    large, stored = synthetic(corpus, dict(encoders), args.n)
    started = time.perf_counter()
    first = classify(large, axes=axes, encoders=stored)
    figures["large_guided_seconds"] = round(time.perf_counter() - started, 2)
    started = time.perf_counter()
    classify(large, k=k, encoders=stored)
    figures["large_unsupervised_seconds"] = round(time.perf_counter() - started, 2)
    again = classify(large, axes=axes, encoders=stored)
    figures["large_size"] = args.n
    figures["deterministic"] = (
        again.assignment() == first.assignment()
        and [t.label for t in again.themes] == [t.label for t in first.themes]
        and again.near_duplicates == first.near_duplicates
    )
    for key, value in figures.items():
        if key == "labels":
            print("labels:")
            for line in value:
                print(f"  {line}")
        else:
            print(f"{key:28s} {value}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump(figures, out, indent=2, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
