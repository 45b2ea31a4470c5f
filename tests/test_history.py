"""crdt.history and crdt.replay: versions rebuilt from the log, attribution runs, word diff.

Authorship as production computes it is tested in tests/test_history_authorship.py, the
timeline in tests/test_history_timeline.py.
"""

from __future__ import annotations

import hashlib
import random
from typing import Any

import pytest
from pycrdt import Doc, Text

from crdt.history import Attribution, Change, apply_diff, word_diff
from crdt.replay import doc_at
from tests.support.writers import concurrent_session, shuffled_log


def _digest(doc: Doc[Any]) -> str:
    return hashlib.sha256(str(doc.get("text", type=Text)).encode()).hexdigest()


def _sync(a: Doc[Any], b: Doc[Any]) -> None:
    a.apply_update(b.get_update(a.get_state()))
    b.apply_update(a.get_update(b.get_state()))


def test_any_position_rebuilt_from_a_checkpoint_equals_the_live_text() -> None:
    log, texts = concurrent_session(1)
    checkpoint_at = 100
    checkpoint = doc_at(None, [u for u, _ in log[:checkpoint_at]]).get_update()
    rng = random.Random(5)
    for position in rng.sample(range(checkpoint_at, len(log)), 40):
        rebuilt = doc_at(checkpoint, [u for u, _ in log[checkpoint_at : position + 1]])
        assert str(rebuilt.get("text", type=Text)) == texts[position]


def test_attribution_deletes_across_runs() -> None:
    attribution = Attribution()
    attribution.apply([{"insert": "aaaa"}], "A")
    attribution.apply([{"retain": 4}, {"insert": "bbbb"}], "B")
    attribution.apply([{"retain": 2}, {"delete": 4}], "C")
    assert [(p.author, p.text) for p in attribution.passages("aabb")] == [("A", "aa"), ("B", "bb")]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("La motion est adoptée.", "La motion amendée est adoptée à l'unanimité."),
        ("", "Tout est nouveau"),
        ("Tout disparaît", ""),
        ("Axe 1\n\n1. Former\n2. Ouvrir", "Axe 1\n\n1. Former les aidants\n2. Ouvrir\n3. Financer"),
    ],
)
def test_word_diff_applied_to_the_older_gives_the_newer(old: str, new: str) -> None:
    changes = word_diff(old, new)
    assert apply_diff(old, changes) == new


def test_word_diff_marks_whole_words() -> None:
    changes = word_diff("la motion est adoptée", "la motion est rejetée")
    assert Change("delete", "adoptée") in changes and Change("insert", "rejetée") in changes


def test_random_texts_diff_round_trip() -> None:
    rng = random.Random(3)
    words = ["le", "numérique", "pour", "tous", "\n", "  ", "élu·es", "2026"]
    for _ in range(200):
        old = " ".join(rng.choices(words, k=rng.randint(0, 30)))
        new = " ".join(rng.choices(words, k=rng.randint(0, 30)))
        assert apply_diff(old, word_diff(old, new)) == new


def test_versions_survive_a_log_stored_out_of_causal_order() -> None:
    """A crashed process's last updates can be stored after the same writer's next ones."""
    log = shuffled_log()
    assert str(doc_at(None, [u for u, _ in log]).get("text", type=Text)) == "Une motion commune adoptée"


@pytest.mark.parametrize("seed", range(4))
def test_chunked_attribution_matches_a_byte_by_byte_model(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Runs split across chunks (tiny chunks here) give the same authors as one label per byte."""
    monkeypatch.setattr(Attribution, "CHUNK", 2)
    rng = random.Random(seed)
    attribution = Attribution()
    model: list[str] = []
    for _ in range(800):
        author = rng.choice("ABCD")
        if model and rng.random() < 0.3:
            start = rng.randrange(len(model))
            length = rng.randint(1, min(6, len(model) - start))
            attribution.apply([{"retain": start}, {"delete": length}], author)
            del model[start : start + length]
        else:
            start = rng.randint(0, len(model))
            word = rng.choice(["x", "é", "mot", "€uro"])
            attribution.apply([{"retain": start}, {"insert": word}], author)
            model[start:start] = [author] * len(word.encode())
        flat = [name for name, length in attribution.runs for _ in range(length)]
        assert flat == model
