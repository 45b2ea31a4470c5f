"""crdt.history: versions rebuilt from the log, authorship, word diff and timeline steps."""

from __future__ import annotations

import hashlib
import random
from typing import Any

import pytest
from pycrdt import Doc, Text

from crdt.history import (
    Attribution,
    Change,
    LogEntry,
    apply_diff,
    authorship,
    doc_at,
    group_steps,
    word_diff,
)


def _digest(doc: Doc[Any]) -> str:
    return hashlib.sha256(str(doc.get("text", type=Text)).encode()).hexdigest()


def _sync(a: Doc[Any], b: Doc[Any]) -> None:
    a.apply_update(b.get_update(a.get_state()))
    b.apply_update(a.get_update(b.get_state()))


def _byte_offset(content: str, index: int) -> int:
    """pycrdt indexes text in UTF-8 bytes (FIELD-NOTES.md)."""
    return len(content[:index].encode())


def _concurrent_session(
    seed: int, writers: int = 3, steps: int = 300
) -> tuple[list[tuple[bytes, str]], list[str]]:
    """Several writers edit concurrently; returns the server's log (update, author) and texts seen."""
    rng = random.Random(seed)
    server: Doc[Any] = Doc()
    log: list[tuple[bytes, str]] = []
    texts: list[str] = []
    names = ["Aïcha", "Bruno", "Chloé", "Didier"][:writers]
    docs: list[Doc[Any]] = [Doc() for _ in names]
    for _ in range(steps):
        index = rng.randrange(len(docs))
        doc, name = docs[index], names[index]
        text = doc.get("text", type=Text)
        content = str(text)
        if content and rng.random() < 0.25:
            start = rng.randrange(len(content))
            end = min(len(content), start + rng.randint(1, 4))
            del text[_byte_offset(content, start) : _byte_offset(content, end)]
        else:
            position = _byte_offset(content, rng.randint(0, len(content)))
            text.insert(position, rng.choice(["mot ", "é", "numérique ", "x"]))
        update = doc.get_update(server.get_state())
        server.apply_update(update)
        log.append((update, name))
        texts.append(str(server.get("text", type=Text)))
        if rng.random() < 0.5:
            doc.apply_update(server.get_update(doc.get_state()))
    return log, texts


def test_any_position_rebuilt_from_a_checkpoint_equals_the_live_text() -> None:
    log, texts = _concurrent_session(1)
    checkpoint_at = 100
    checkpoint = doc_at(None, [u for u, _ in log[:checkpoint_at]]).get_update()
    rng = random.Random(5)
    for position in rng.sample(range(checkpoint_at, len(log)), 40):
        rebuilt = doc_at(checkpoint, [u for u, _ in log[checkpoint_at : position + 1]])
        assert str(rebuilt.get("text", type=Text)) == texts[position]


def test_authorship_matches_the_writer_of_each_passage() -> None:
    doc: Doc[Any] = Doc()
    text = doc.get("text", type=Text)
    log: list[tuple[bytes, str]] = []
    author = ["Aïcha"]
    doc.observe(lambda event: log.append((event.update, author[0])))
    text += "Former les aidants. "
    author[0] = "Bruno"
    text.insert(len(b"Former les aidants. "), "Financer les lieux.")
    author[0] = "Chloé"
    text.insert(len(b"Former les "), "très bien ")
    passages = authorship(log)
    assert [(p.author, p.text) for p in passages] == [
        ("Aïcha", "Former les "),
        ("Chloé", "très bien "),
        ("Aïcha", "aidants. "),
        ("Bruno", "Financer les lieux."),
    ]


@pytest.mark.parametrize("seed", range(4))
def test_authorship_after_concurrent_edits_covers_the_text_exactly(seed: int) -> None:
    log, texts = _concurrent_session(seed)
    passages = authorship(log)
    assert "".join(p.text for p in passages) == texts[-1]
    assert {p.author for p in passages} <= {"Aïcha", "Bruno", "Chloé"}


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


def test_steps_group_bursts_by_one_author() -> None:
    entries = [
        LogEntry(1, "A", 0.0),
        LogEntry(2, "A", 5.0),
        LogEntry(3, "B", 6.0),
        LogEntry(4, "A", 7.0),
        LogEntry(5, "A", 100.0),
    ]
    steps = group_steps(entries, pause=30)
    assert [(s.author, s.first, s.last, s.edits) for s in steps] == [
        ("A", 1, 2, 2),
        ("B", 3, 3, 1),
        ("A", 4, 4, 1),
        ("A", 5, 5, 1),
    ]


def test_authorship_and_versions_survive_a_log_stored_out_of_causal_order() -> None:
    """A crashed process's last updates can be stored after the same writer's next ones."""
    doc: Doc[Any] = Doc()
    text = doc.get("text", type=Text)
    log: list[tuple[bytes, str]] = []
    author = ["Aïcha"]
    doc.observe(lambda event: log.append((event.update, author[0])))
    for word in ["Une ", "motion ", "commune"]:
        text += word
    author[0] = "Bruno"
    text += " adoptée"
    shuffled = [log[0], log[2], log[3], log[1]]
    assert str(doc_at(None, [u for u, _ in shuffled]).get("text", type=Text)) == "Une motion commune adoptée"
    assert [(p.author, p.text) for p in authorship(shuffled)] == [
        ("Aïcha", "Une motion commune"),
        ("Bruno", " adoptée"),
    ]


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
