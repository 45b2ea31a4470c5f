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
    Each chunk is two lists, authors and lengths: a day's 5,000 runs are
    copied by slicing, not one small list at a time.
    """

    CHUNK = 64

    def __init__(self, runs: Sequence[Sequence[Any]] = ()) -> None:
        self._authors: list[list[str]] = []  # each chunk's authors, run by run
        self._lengths: list[list[int]] = []  # and their lengths in bytes
        self._sizes: list[int] = []  # bytes in each chunk
        self.runs = [list(run) for run in runs]

    @classmethod
    def from_columns(cls, authors: Sequence[str], lengths: Sequence[int]) -> Attribution:
        """Runs given as two columns (as `columns` gives them), copied: they stay as they are."""
        attribution = cls()
        step = cls.CHUNK
        attribution._authors = [list(authors[i : i + step]) for i in range(0, len(authors), step)]
        attribution._lengths = [list(lengths[i : i + step]) for i in range(0, len(lengths), step)]
        attribution._sizes = [sum(chunk) for chunk in attribution._lengths]
        return attribution

    @property
    def runs(self) -> list[list[Any]]:
        """A copy: the runs cached at a checkpoint must not change as the replay goes on past it."""
        return [
            [a, n]
            for authors, lengths in zip(self._authors, self._lengths, strict=True)
            for a, n in zip(authors, lengths, strict=True)
        ]

    @runs.setter
    def runs(self, runs: list[list[Any]]) -> None:
        kept = [run for run in runs if run[1] > 0]
        step = self.CHUNK
        self._authors = [[run[0] for run in kept[i : i + step]] for i in range(0, len(kept), step)]
        self._lengths = [[run[1] for run in kept[i : i + step]] for i in range(0, len(kept), step)]
        self._sizes = [sum(chunk) for chunk in self._lengths]

    def columns(self) -> tuple[list[str], list[int]]:
        """The runs as two flat lists, authors and lengths (for `from_columns`)."""
        return [a for chunk in self._authors for a in chunk], [n for chunk in self._lengths for n in chunk]

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
        """The text cut where its author changes (runs of one author next to each other are one)."""
        data = text.encode()
        passages: list[Passage] = []
        current: str | None = None
        start = offset = 0
        for authors, lengths in zip(self._authors, self._lengths, strict=True):
            for author, length in zip(authors, lengths, strict=True):
                if author != current:
                    if current is not None:
                        passages.append(Passage(current, data[start:offset].decode(errors="replace")))
                    current, start = author, offset
                offset += length
        if current is not None:
            passages.append(Passage(current, data[start:offset].decode(errors="replace")))
        return passages

    def _locate(self, position: int) -> tuple[int, int, int]:
        """(chunk, run in it, byte offset where that run starts) for the run holding `position`.

        At a chunk boundary, the first run of the next chunk; past the end, (len(chunks), 0, total).
        """
        ends = list(accumulate(self._sizes))
        index = bisect.bisect_right(ends, position)
        offset = ends[index - 1] if index else 0
        if index == len(self._lengths):
            return index, 0, offset
        lengths = self._lengths[index]
        run = 0
        while offset + lengths[run] <= position:
            offset += lengths[run]
            run += 1
        return index, run, offset

    def _insert(self, position: int, length: int, author: str) -> None:
        index, run, offset = self._locate(position)
        if index == len(self._lengths):  # at the very end: after the last run
            if not self._lengths:
                self._authors, self._lengths, self._sizes = [[author]], [[length]], [length]
                return
            index = len(self._lengths) - 1
            run = len(self._lengths[index])
        authors, lengths = self._authors[index], self._lengths[index]
        if offset < position:  # inside a run: split it
            cut = position - offset
            authors.insert(run + 1, authors[run])
            lengths[run : run + 1] = [cut, lengths[run] - cut]
            run += 1
        if run > 0 and authors[run - 1] == author:
            lengths[run - 1] += length  # typing on at the end of one's own run
        elif run == 0 and index > 0 and self._authors[index - 1][-1] == author:
            self._lengths[index - 1][-1] += length
            self._sizes[index - 1] += length
            return
        else:
            authors.insert(run, author)
            lengths.insert(run, length)
        self._sizes[index] += length
        if len(lengths) > 2 * self.CHUNK:
            half = len(lengths) // 2
            self._authors[index : index + 1] = [authors[:half], authors[half:]]
            self._lengths[index : index + 1] = [lengths[:half], lengths[half:]]
            self._sizes[index : index + 1] = [sum(lengths[:half]), sum(lengths[half:])]

    def _delete(self, position: int, length: int) -> None:
        remaining = length
        while remaining > 0:
            index, run, offset = self._locate(position)
            if index == len(self._lengths):
                return
            authors, lengths = self._authors[index], self._lengths[index]
            size = lengths[run]
            taken = min(remaining, size - (position - offset))
            if taken == size:
                del authors[run], lengths[run]
            else:
                lengths[run] = size - taken  # both sides of the cut belong to the same author
            self._sizes[index] -= taken
            remaining -= taken
            if not lengths:
                del self._authors[index], self._lengths[index], self._sizes[index]


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
