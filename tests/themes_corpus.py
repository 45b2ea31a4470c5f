"""The labelled French test corpus (tests/data/contributions_fr.csv) and its known answers."""

from __future__ import annotations

import csv
from pathlib import Path

CORPUS = Path(__file__).parent / "data" / "contributions_fr.csv"


def known_themes() -> dict[str, str]:
    """Contribution id → the theme it was written for."""
    with CORPUS.open(encoding="utf-8") as file:
        return {row["id"]: row["theme"] for row in csv.DictReader(file)}


def known_duplicates() -> set[frozenset[str]]:
    """The pairs written as light rewordings of one another."""
    with CORPUS.open(encoding="utf-8") as file:
        return {
            frozenset((row["id"], row["duplicate_of"])) for row in csv.DictReader(file) if row["duplicate_of"]
        }
