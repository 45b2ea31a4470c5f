"""The organisers' corrections to the themes: rename, merge, split, move — and the seeds they leave.

Pure functions over a list of `Draft`s. A theme an organiser touched is
`reviewed`: its name and its contributions at that moment are pinned, and on
the next run it is a ThemeSeed (server/themes/model.py), so the correction
survives; contributions that arrived since may join it, never leave it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from server.congress.domain import DomainError
from server.contributions.models import ThemeRow

MAX_NAME = 200
OTHER = "Autre"  # server/themes/model.py OTHER; not imported, that module would bring numpy


class Refused(DomainError):
    """A correction the rules do not allow, with the key of its sentence in the words catalogue
    (server/words/contributions.json): the edge says it in the organiser's language."""

    def __init__(self, key: str, message: str, **values: object) -> None:
        super().__init__(message)
        self.key = key
        self.values = values


@dataclass(frozen=True)
class Entry:
    key: str  # the contribution's key
    centrality: float = 0.0
    pinned: bool = False


@dataclass(frozen=True)
class Draft:
    name: str = ""
    words: tuple[str, ...] = ()
    members: tuple[Entry, ...] = field(default_factory=tuple)
    reviewed: bool = False
    label: str = ""  # the proposed label, a phrase (server/themes/labels.py)
    axis: str = ""  # the congress axis this theme is
    other: bool = False  # "Autre": far from every axis
    subthemes: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (label, keys) proposed inside an axis

    @property
    def title(self) -> str:
        """What the theme is called: the organisers' name, its axis, or the proposed phrase."""
        if self.name or self.axis:
            return self.name or self.axis
        if self.other:
            return OTHER
        return self.label or (self.words[0] if self.words else "—")

    def ids(self) -> list[str]:
        return [m.key for m in self.members]

    def accepted(self) -> Draft:
        """This theme as the organiser now vouches for it: reviewed, every contribution pinned."""
        return replace(
            self, reviewed=True, name=self.title, members=tuple(replace(m, pinned=True) for m in self.members)
        )


def from_rows(rows: Sequence[ThemeRow]) -> list[Draft]:
    return [
        Draft(
            row.name,
            tuple(json.loads(row.words)),
            tuple(Entry(str(k), float(c), bool(p)) for k, c, p in json.loads(row.members)),
            row.reviewed,
            row.label,
            row.axis,
            row.other,
            tuple((str(label), tuple(keys)) for label, keys in json.loads(row.subthemes or "[]")),
        )
        for row in rows
    ]


def to_rows(congress_id: int, drafts: Sequence[Draft]) -> list[ThemeRow]:
    return [
        ThemeRow(
            congress_id=congress_id,
            position=position,
            name=d.name,
            words=json.dumps(list(d.words), ensure_ascii=False),
            members=json.dumps([[m.key, m.centrality, m.pinned] for m in d.members], ensure_ascii=False),
            reviewed=d.reviewed,
            label=d.label[:MAX_NAME],
            axis=d.axis,
            other=d.other,
            subthemes=json.dumps([[label, list(keys)] for label, keys in d.subthemes], ensure_ascii=False),
        )
        for position, d in enumerate(drafts)
    ]


def seeds(drafts: Sequence[Draft]) -> list[tuple[str, tuple[str, ...], str]]:
    """(name, pinned keys, axis) of every reviewed theme, in order: what the next run must respect."""
    return [(d.title, tuple(m.key for m in d.members if m.pinned), d.axis) for d in drafts if d.reviewed]


def from_result(result: dict[str, Any]) -> list[Draft]:
    """Drafts from a classification (server/contributions/classifier.py); seeded themes stay reviewed."""
    return [
        Draft(
            theme["name"] if theme["seeded"] else "",
            tuple(theme["words"]),
            tuple(Entry(k, c, p) for k, c, p in theme["members"]),
            bool(theme["seeded"]),
            theme.get("label", ""),
            theme.get("axis") or "",
            bool(theme.get("other")),
            tuple((label, tuple(keys)) for label, keys in theme.get("subthemes", [])),
        )
        for theme in result["themes"]
    ]


def without(drafts: Sequence[Draft], key: str) -> list[Draft]:
    """Every theme without contribution `key` (merged into another one)."""
    result = []
    for d in drafts:
        if key in d.ids():
            subthemes = tuple((label, tuple(k for k in keys if k != key)) for label, keys in d.subthemes)
            d = replace(d, members=tuple(m for m in d.members if m.key != key), subthemes=subthemes)
        result.append(d)
    return result


def _index(drafts: Sequence[Draft], index: int) -> int:
    if not 0 <= index < len(drafts):
        raise Refused("refused.no_theme", f"no theme {index + 1}", n=index + 1)
    return index


def _name(name: str) -> str:
    name = " ".join(str(name).split())
    if not name:
        raise Refused("refused.no_name", "a theme needs a name")
    if len(name) > MAX_NAME:
        raise Refused("refused.long_name", f"a theme name is at most {MAX_NAME} characters", n=MAX_NAME)
    return name


def rename(drafts: Sequence[Draft], index: int, name: str) -> list[Draft]:
    result = list(drafts)
    index = _index(drafts, index)  # first: the theme may be gone (another organiser merged it)
    result[index] = replace(drafts[index].accepted(), name=_name(name))
    return result


def merge(drafts: Sequence[Draft], into: int, others: Sequence[int]) -> list[Draft]:
    """Fold `others` into theme `into`, which keeps its place and its name."""
    _index(drafts, into)
    gone = {_index(drafts, i) for i in others} - {into}
    if not gone:
        raise Refused("refused.merge_nothing", "choose at least one other theme to merge")
    target = drafts[into]
    members = [*target.members, *(m for i in sorted(gone) for m in drafts[i].members)]
    merged = replace(target, members=tuple(members)).accepted()
    return [merged if i == into else d for i, d in enumerate(drafts) if i not in gone]


def split(drafts: Sequence[Draft], index: int, keys: Sequence[str], name: str) -> list[Draft]:
    """Take `keys` out of theme `index` into a new theme right after it."""
    source = drafts[_index(drafts, index)]
    chosen = set(keys)
    unknown = chosen - set(source.ids())
    if unknown:
        raise Refused("refused.not_here", f"{len(unknown)} contribution(s) not in this theme", n=len(unknown))
    if not chosen:
        raise Refused("refused.split_nothing", "choose the contributions of the new theme")
    if chosen == set(source.ids()):
        raise Refused(
            "refused.split_all", "a split leaves at least one contribution in the theme (rename it instead)"
        )
    kept = replace(source, members=tuple(m for m in source.members if m.key not in chosen)).accepted()
    new = Draft(_name(name), (), tuple(m for m in source.members if m.key in chosen)).accepted()
    return [*drafts[:index], kept, new, *drafts[index + 1 :]]


def move(drafts: Sequence[Draft], key: str, to: int) -> list[Draft]:
    """Move one contribution into theme `to`; the theme it leaves keeps what it was."""
    _index(drafts, to)
    if not any(key in d.ids() for d in drafts):
        raise Refused("refused.in_no_theme", "this contribution is in no theme (run the classification)")
    result = []
    for i, d in enumerate(drafts):
        members = [m for m in d.members if m.key != key]
        if i == to:
            members.append(Entry(key, 0.0, True))
            result.append(replace(d, members=tuple(members)).accepted())
        else:
            result.append(replace(d, members=tuple(members)))
    return result
