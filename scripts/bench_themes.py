"""Benchmark of the theme classification on one core.

Reports the adjusted Rand index against the labels of tests/data/contributions_fr.csv
(at k = 6, and with k proposed), the near-duplicate pairs found, the time on the
corpus, and the time on N contributions (2,000 by default) made by recombining
sentences of the corpus within each theme, with their own adjusted Rand index.
It prints figures and asserts nothing. Usage: scripts/bench_themes --help.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
import time
from collections.abc import Sequence
from typing import Any

from sklearn.metrics import adjusted_rand_score

from server.themes.contributions import Contribution, load_contributions
from server.themes.engine import classify, default_encoder
from tests.themes_corpus import CORPUS, known_duplicates, known_themes

SENTENCE_END = re.compile(r"(?<=[.:!?])\s+")


def log(message: str) -> None:
    print(f"[bench_themes {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def ari(contributions: Sequence[Contribution], truth: dict[str, str], found: dict[str, int]) -> float:
    return float(
        adjusted_rand_score([truth[c.id] for c in contributions], [found[c.id] for c in contributions])
    )


def recombined(
    contributions: Sequence[Contribution], truth: dict[str, str], n: int, seed: int = 0
) -> tuple[list[Contribution], dict[str, str]]:
    """n new contributions, each two sentences of two contributions of one theme and a third's title."""
    rng = random.Random(seed)
    by_theme: dict[str, list[Contribution]] = {}
    for c in contributions:
        by_theme.setdefault(truth[c.id], []).append(c)
    themes = sorted(by_theme)
    made, labels = [], {}
    for i in range(n):
        theme = themes[i % len(themes)]
        a, b, c = rng.sample(by_theme[theme], 3)
        sentences = [
            s for s in re.split(r"(?<=[.:!?])\s+", a.text) + re.split(r"(?<=[.:!?])\s+", b.text) if s
        ]
        text = " ".join(rng.sample(sentences, min(2, len(sentences))))
        made.append(Contribution(f"g{i:05d}", c.title, text))
        labels[f"g{i:05d}"] = theme
    return made, labels


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--n", type=int, default=2000, help="size of the large synthetic run")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    figures: dict[str, Any] = {}

    started = time.perf_counter()
    default_encoder().encode(["chargement du modèle"])
    figures["model_load_s"] = round(time.perf_counter() - started, 2)
    log(f"encoder loaded in {figures['model_load_s']} s")

    corpus, truth = load_contributions(CORPUS), known_themes()
    started = time.perf_counter()
    six = classify(corpus, k=6)
    figures["corpus_seconds"] = round(time.perf_counter() - started, 2)
    figures["corpus_size"] = len(corpus)
    figures["corpus_ari_k6"] = round(ari(corpus, truth, six.assignment()), 3)
    proposed = classify(corpus)
    figures["corpus_proposed_k"] = proposed.proposed_k
    figures["corpus_ari_proposed_k"] = round(ari(corpus, truth, proposed.assignment()), 3)
    found = {frozenset((d.first, d.second)) for d in six.near_duplicates}
    figures["near_duplicates"] = {
        "known": len(known_duplicates()),
        "found_known": len(found & known_duplicates()),
        "found_other": len(found - known_duplicates()),
    }
    log(f"corpus: {len(corpus)} in {figures['corpus_seconds']} s, ARI {figures['corpus_ari_k6']}")

    large, large_truth = recombined(corpus, truth, args.n)
    started = time.perf_counter()
    result = classify(large, k=6)
    figures["large_size"] = args.n
    figures["large_seconds_k6"] = round(time.perf_counter() - started, 2)
    figures["large_ari_k6"] = round(ari(large, large_truth, result.assignment()), 3)
    started = time.perf_counter()
    result = classify(large)
    figures["large_seconds_proposed_k_cached"] = round(time.perf_counter() - started, 2)
    figures["large_proposed_k"] = result.proposed_k
    log(f"{args.n} contributions: {figures['large_seconds_k6']} s at k=6")
    # A re-run after 100 new contributions: only those are encoded (CachedEncoder).
    arrived, _ = recombined(corpus, truth, 100, seed=1)
    arrived = [Contribution(f"n{i:03d}", c.title, c.text + " Merci.") for i, c in enumerate(arrived)]
    started = time.perf_counter()
    classify([*large, *arrived], seeds=result.seeds())
    figures["large_rerun_seconds"] = round(time.perf_counter() - started, 2)

    for key, value in figures.items():
        print(f"{key:32s} {value}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump(figures, out, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
