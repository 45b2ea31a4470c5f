"""The labelled French test corpora and their known answers, and a cache of their e5 vectors.

- tests/data/contributions_fr.csv: 204 rows, 6 themes, the first corpus (issue 6);
- tests/data/themes_fr.csv: 406 rows, 7 themes, harder (several voices, typos, missing
  accents, contributions touching two themes, 16 rewordings by someone else), with the
  axis each contributor chose (right about 55 % of the time, wrong 15 %, none 30 %) and
  a `part`: `tuning` (268 rows) or `heldout` (138 rows, never used to choose a setting);
  tests/data/axes_fr.csv holds its axes, each a name and one sentence.
e5 costs 0.1 s a text: tests read its vectors from tests/data/e5_vectors.npz (float16,
keyed by text hash). Regenerate after editing a corpus:
`.venv/bin/python -m tests.themes_corpus`.
"""

from __future__ import annotations

import csv
import hashlib
import sys
from pathlib import Path

import numpy as np

DATA = Path(__file__).parent / "data"
CORPUS = DATA / "contributions_fr.csv"
THEMES_CORPUS = DATA / "themes_fr.csv"
AXES = DATA / "axes_fr.csv"
E5_CACHE = DATA / "e5_vectors.npz"


def known_themes(path: Path = CORPUS) -> dict[str, str]:
    """Contribution id → the theme it was written for."""
    with path.open(encoding="utf-8") as file:
        return {row["id"]: row["theme"] for row in csv.DictReader(file)}


def known_duplicates(path: Path = CORPUS) -> set[frozenset[str]]:
    """The pairs written as rewordings of one another."""
    with path.open(encoding="utf-8") as file:
        return {
            frozenset((row["id"], row["duplicate_of"])) for row in csv.DictReader(file) if row["duplicate_of"]
        }


def parts(path: Path = THEMES_CORPUS) -> dict[str, str]:
    """Contribution id → `tuning` or `heldout`."""
    with path.open(encoding="utf-8") as file:
        return {row["id"]: row["part"] for row in csv.DictReader(file)}


def _texts() -> list[str]:
    from server.themes.axes import load_axes
    from server.themes.contributions import encoder_input, load_contributions

    texts = [
        encoder_input(c.title, c.text) for path in (CORPUS, THEMES_CORPUS) for c in load_contributions(path)
    ]
    texts += [axis.anchor_text for axis in load_axes(AXES)]
    return sorted(set(texts))


def _key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def warm_e5() -> int:
    """Give the process's e5 encoder the cached vectors of the corpora; returns how many."""
    from server.themes.engine import default_encoders
    from server.themes.features import CachedEncoder

    encoder = default_encoders().get("e5")
    if not isinstance(encoder, CachedEncoder) or not E5_CACHE.exists():
        return 0
    with np.load(E5_CACHE) as data:
        vectors = {key: data["vectors"][i].astype(np.float32) for i, key in enumerate(data["keys"])}
    encoder.remember(vectors)
    return len(vectors)


def regenerate() -> None:
    from server.themes.features import E5Encoder

    texts = _texts()
    print(f"encoding {len(texts)} texts with e5 (about {len(texts) // 10} s)", file=sys.stderr)
    vectors = E5Encoder(threads=1).encode(texts)
    np.savez_compressed(E5_CACHE, keys=np.array([_key(t) for t in texts]), vectors=vectors.astype(np.float16))
    print(f"→ {E5_CACHE}", file=sys.stderr)


if __name__ == "__main__":
    regenerate()
