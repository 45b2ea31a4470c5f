"""A generated congress day: several people typing the motion and editing the mind map at once.

Each writer has a replica of its own that catches up with the server's only
now and then, so edits really are concurrent; bursts of typing by one person,
French words with accents (multi-byte UTF-8), backspaces, and mind-map nodes
added, renamed and moved. What the server held after chosen updates is
recorded (a hash of each document) so that history can be checked against it.
Used by the history tests and by scripts/bench_history.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Container
from dataclasses import dataclass, field
from typing import Any

from pycrdt import Doc, Text

from crdt import mindmap
from crdt.mindmap import Node, build_tree

_VOCABULARY = """le congrès demande que chaque commune dispose d'un accès au numérique public
inclusion données souveraineté sécurité école médiathèque élu·es formation
réseau très haut débit services en ligne accompagnement médiation éthique"""
WORDS = _VOCABULARY.split()
DAY_START = 1_763_884_800.0  # a Monday, 9:00 in Paris (unix time)


@dataclass
class LoggedEdit:
    kind: str  # "motion" or "mindmap"
    data: bytes
    author: str
    at: float


@dataclass
class CongressDay:
    edits: list[LoggedEdit] = field(default_factory=list)
    # index in `edits` → (sha256 of the motion, sha256 of the mind map) just after that edit
    recorded: dict[int, tuple[str, str]] = field(default_factory=dict)
    final_motion: str = ""


def tree_digest(tree: Node) -> str:
    def plain(node: Node) -> Any:
        return [node.id, node.label, node.colour, node.links, [plain(c) for c in node.children]]

    return hashlib.sha256(json.dumps(plain(tree)).encode()).hexdigest()


def text_digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


class _Writer:
    def __init__(self, number: int) -> None:
        self.author = f"participant:{number}"
        self.motion: Doc[Any] = Doc()
        self.mindmap: Doc[Any] = Doc()
        self.text = self.motion.get("text", type=Text)
        self.cursor = 0  # byte offset in self.text
        self.typed: list[int] = []  # UTF-8 widths of what this burst typed, for backspaces
        self.word = ""  # the rest of the word being typed, one character per keystroke
        self.sent: list[bytes] = []
        # The update of each local transaction, exactly as a Yjs client sends it.
        self.motion.observe(lambda event: self.sent.append(event.update))
        self.mindmap.observe(lambda event: self.sent.append(event.update))


def generate(
    updates: int, writers: int = 8, seed: int = 1, mindmap_share: float = 0.05, record: Container[int] = ()
) -> CongressDay:
    """`updates` logged updates of one day; hashes recorded after each index in `record`."""
    rng = random.Random(seed)
    server: dict[str, Doc[Any]] = {"motion": Doc(), "mindmap": Doc()}
    server_text = server["motion"].get("text", type=Text)
    people = [_Writer(n + 1) for n in range(writers)]
    day = CongressDay()
    seeded = people[0]
    mindmap.ensure_root(seeded.mindmap, "Motion 2026")
    day.edits.append(LoggedEdit("mindmap", seeded.mindmap.get_update(), seeded.author, DAY_START))
    server["mindmap"].apply_update(day.edits[0].data)
    node_ids = [mindmap.ROOT_ID]
    at = DAY_START
    active = rng.sample(people, 3)
    burst = 0
    while len(day.edits) < updates:
        if burst <= 0:  # someone else takes over; they first catch up with what the server has
            active[rng.randrange(len(active))] = rng.choice(people)
            burst = rng.randint(5, 60)
            at += rng.expovariate(1 / 3)  # 100,000 updates then span about eight hours
        burst -= 1
        writer = rng.choice(active)
        at += rng.expovariate(1 / 0.25)
        if rng.random() < 0.03 or not writer.text:
            _catch_up(writer, server)
            writer.cursor = _word_boundary(rng, str(writer.text))
            writer.typed.clear()
        if rng.random() < mindmap_share:
            kind = "mindmap"
            _catch_up(writer, server)
            writer.sent.clear()
            _edit_mindmap(rng, writer.mindmap, node_ids)
        else:
            kind = "motion"
            writer.sent.clear()
            _type(rng, writer)
        (data,) = writer.sent
        server[kind].apply_update(data)
        day.edits.append(LoggedEdit(kind, data, writer.author, at))
        index = len(day.edits) - 1
        if index in record:
            day.recorded[index] = (text_digest(str(server_text)), tree_digest(build_tree(server["mindmap"])))
    day.final_motion = str(server_text)
    return day


def _catch_up(writer: _Writer, server: dict[str, Doc[Any]]) -> None:
    """Receive what the server has; the cursor stays at the same byte offset (good enough here)."""
    writer.motion.apply_update(server["motion"].get_update(writer.motion.get_state()))
    writer.mindmap.apply_update(server["mindmap"].get_update(writer.mindmap.get_state()))
    writer.cursor = _char_boundary(str(writer.text).encode(), writer.cursor)
    writer.typed.clear()


def _char_boundary(data: bytes, offset: int) -> int:
    offset = min(offset, len(data))
    while 0 < offset < len(data) and (data[offset] & 0xC0) == 0x80:
        offset -= 1
    return offset


def _word_boundary(rng: random.Random, content: str) -> int:
    if not content:
        return 0
    index = rng.randint(0, len(content))
    space = content.find(" ", index)
    index = len(content) if space < 0 else space
    return len(content[:index].encode())


def _type(rng: random.Random, writer: _Writer) -> None:
    """One keystroke: a character of the current word, or a backspace over what this burst typed."""
    text = writer.text
    if writer.typed and rng.random() < 0.08:
        width = writer.typed.pop()
        del text[writer.cursor - width : writer.cursor]
        writer.cursor -= width
        return
    if not writer.word:
        roll = rng.random()
        if roll < 0.005:
            writer.word = "\n\n## " + rng.choice(WORDS).capitalize() + "\n\n"
        elif roll < 0.02:
            writer.word = "\n1. "
        else:
            writer.word = " " + rng.choice(WORDS)
    character, writer.word = writer.word[0], writer.word[1:]
    text.insert(writer.cursor, character)
    width = len(character.encode())
    writer.cursor += width
    writer.typed.append(width)


def _edit_mindmap(rng: random.Random, doc: Doc[Any], node_ids: list[str]) -> None:
    """The writer has caught up: every id in `node_ids` is in its replica. A map of at most 200 nodes."""
    roll = rng.random()
    if len(node_ids) < 3 or (roll < 0.4 and len(node_ids) < 200):
        parent = rng.choice(node_ids[:40])  # themes near the centre, as a map grows
        node_ids.append(mindmap.add_node(doc, parent, rng.choice(WORDS), order=rng.random() * 100))
    elif roll < 0.8:
        mindmap.rename(doc, rng.choice(node_ids[1:]), " ".join(rng.sample(WORDS, 2)))
    elif roll < 0.83:
        try:
            mindmap.move(doc, rng.choice(node_ids[1:]), rng.choice(node_ids))
        except ValueError:
            mindmap.recolour(doc, rng.choice(node_ids[1:]), "#2e7d32")
    else:
        mindmap.recolour(doc, rng.choice(node_ids[1:]), rng.choice(["#1565c0", "#b3261e", ""]))
