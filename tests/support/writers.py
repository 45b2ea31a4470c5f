"""Logs of people writing a motion at once, as the server stores them: (update, author) pairs."""

from __future__ import annotations

import random
from typing import Any

from pycrdt import Doc, Text


def byte_offset(content: str, index: int) -> int:
    """pycrdt indexes text in UTF-8 bytes (docs/field-notes.md)."""
    return len(content[:index].encode())


def concurrent_session(
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
            del text[byte_offset(content, start) : byte_offset(content, end)]
        else:
            position = byte_offset(content, rng.randint(0, len(content)))
            text.insert(position, rng.choice(["mot ", "é", "numérique ", "x"]))
        update = doc.get_update(server.get_state())
        server.apply_update(update)
        log.append((update, name))
        texts.append(str(server.get("text", type=Text)))
        if rng.random() < 0.5:
            doc.apply_update(server.get_update(doc.get_state()))
    return log, texts


def shuffled_log() -> list[tuple[bytes, str]]:
    """Aïcha types three words, Bruno one; Aïcha's second word is stored after the rest, as when a
    process died with it in its batch and a survivor stored it later."""
    doc: Doc[Any] = Doc()
    text = doc.get("text", type=Text)
    log: list[tuple[bytes, str]] = []
    author = ["Aïcha"]
    doc.observe(lambda event: log.append((event.update, author[0])))
    for word in ["Une ", "motion ", "commune"]:
        text += word
    author[0] = "Bruno"
    text += " adoptée"
    return [log[0], log[2], log[3], log[1]]
