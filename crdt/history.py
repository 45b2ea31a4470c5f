"""How a document came to be: who wrote what, and what changed between two versions.

The state at a log position is crdt.replay.doc_at. Authorship runs are fed by
server/history/authorship.py, which replays the text's changes with the author
recorded on each logged update (the participant the server authenticated,
never a Yjs client id, which anyone can forge). pycrdt reports text changes in
UTF-8 bytes, so attribution runs are kept in bytes and cut into characters at
the end.
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

# -- authorship ---------------------------------------------------------------------


@dataclass
class Passage:
    author: str
    text: str


class Attribution:
    """Who typed each byte of a text, as runs of (author, byte length).

    Runs are kept in chunks of about `CHUNK` runs with the byte size of each
    chunk, so finding a position is a bisection over the chunks' running sizes
    plus a short walk: ten people typing at once in different places (each
    keystroke far from the previous one) stay linear over a day of 100,000
    updates, where a single list walked from the last edit was quadratic.
    """

    CHUNK = 64

    def __init__(self, runs: Sequence[Sequence[Any]] = ()) -> None:
        self._chunks: list[list[list[Any]]] = []  # each: [[author, length], ...]
        self._sizes: list[int] = []  # bytes in each chunk
        self.runs = [list(run) for run in runs]

    @property
    def runs(self) -> list[list[Any]]:
        """A copy: the runs cached at a checkpoint must not change as the replay goes on past it."""
        return [[author, length] for chunk in self._chunks for author, length in chunk]

    @runs.setter
    def runs(self, runs: list[list[Any]]) -> None:
        kept = [list(run) for run in runs if run[1] > 0]
        self._chunks = [kept[i : i + self.CHUNK] for i in range(0, len(kept), self.CHUNK)]
        self._sizes = [sum(run[1] for run in chunk) for chunk in self._chunks]

    def apply(self, delta: Sequence[dict[str, Any]], author: str) -> None:
        position = 0
        for op in delta:
            if "retain" in op:
                position += int(op["retain"])
            elif "insert" in op:
                inserted = op["insert"]
                length = len(inserted.encode()) if isinstance(inserted, str) else 1
                self._insert(position, length, author)
                position += length
            elif "delete" in op:
                self._delete(position, int(op["delete"]))

    def passages(self, text: str) -> list[Passage]:
        data = text.encode()
        passages: list[Passage] = []
        offset = 0
        for author, length in self.runs:
            chunk = data[offset : offset + length].decode(errors="replace")
            offset += length
            if passages and passages[-1].author == author:
                passages[-1].text += chunk
            else:
                passages.append(Passage(author, chunk))
        return passages

    def _locate(self, position: int) -> tuple[int, int, int]:
        """(chunk, run in it, byte offset where that run starts) for the run holding `position`.

        At a chunk boundary, the first run of the next chunk; past the end, (len(chunks), 0, total).
        """
        ends = list(accumulate(self._sizes))
        index = bisect.bisect_right(ends, position)
        offset = ends[index - 1] if index else 0
        if index == len(self._chunks):
            return index, 0, offset
        chunk = self._chunks[index]
        run = 0
        while offset + chunk[run][1] <= position:
            offset += chunk[run][1]
            run += 1
        return index, run, offset

    def _insert(self, position: int, length: int, author: str) -> None:
        index, run, offset = self._locate(position)
        if index == len(self._chunks):  # at the very end: after the last run
            if not self._chunks:
                self._chunks, self._sizes = [[[author, length]]], [length]
                return
            index = len(self._chunks) - 1
            run = len(self._chunks[index])
        chunk = self._chunks[index]
        if offset < position:  # inside a run: split it
            name, size = chunk[run]
            cut = position - offset
            chunk[run : run + 1] = [[name, cut], [name, size - cut]]
            run += 1
        if run > 0 and chunk[run - 1][0] == author:
            chunk[run - 1][1] += length  # typing on at the end of one's own run
        elif run == 0 and index > 0 and self._chunks[index - 1][-1][0] == author:
            self._chunks[index - 1][-1][1] += length
            self._sizes[index - 1] += length
            return
        else:
            chunk.insert(run, [author, length])
        self._sizes[index] += length
        if len(chunk) > 2 * self.CHUNK:
            half = len(chunk) // 2
            head, tail = chunk[:half], chunk[half:]
            self._chunks[index : index + 1] = [head, tail]
            self._sizes[index : index + 1] = [sum(r[1] for r in head), sum(r[1] for r in tail)]

    def _delete(self, position: int, length: int) -> None:
        remaining = length
        while remaining > 0:
            index, run, offset = self._locate(position)
            if index == len(self._chunks):
                return
            chunk = self._chunks[index]
            size = chunk[run][1]
            taken = min(remaining, size - (position - offset))
            if taken == size:
                del chunk[run]
            else:
                chunk[run][1] = size - taken  # both sides of the cut belong to the same author
            self._sizes[index] -= taken
            remaining -= taken
            if not chunk:
                del self._chunks[index]
                del self._sizes[index]


# -- difference between two versions --------------------------------------------------------

_TOKENS = re.compile(r"\s+|[^\s]+")


@dataclass(frozen=True)
class Change:
    op: str  # "equal", "insert" or "delete"
    text: str


def word_diff(old: str, new: str) -> list[Change]:
    """Word-by-word difference; whitespace runs are words too, so the diff rebuilds exactly."""
    old_tokens, new_tokens = _TOKENS.findall(old), _TOKENS.findall(new)
    matcher = difflib.SequenceMatcher(a=old_tokens, b=new_tokens, autojunk=False)
    changes: list[Change] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            changes.append(Change("equal", "".join(old_tokens[i1:i2])))
            continue
        if i2 > i1:
            changes.append(Change("delete", "".join(old_tokens[i1:i2])))
        if j2 > j1:
            changes.append(Change("insert", "".join(new_tokens[j1:j2])))
    return changes


def apply_diff(old: str, changes: Sequence[Change]) -> str:
    """Rebuild the newer text from the older one and a diff; raises if they do not fit."""
    out: list[str] = []
    position = 0
    for change in changes:
        if change.op == "insert":
            out.append(change.text)
            continue
        if not old.startswith(change.text, position):
            raise ValueError("the diff does not apply to this text")
        if change.op == "equal":
            out.append(change.text)
        position += len(change.text)
    if position != len(old):
        raise ValueError("the diff does not cover the whole text")
    return "".join(out)
