"""What organisers do with themes, as async use cases: read the board, run a classification (one at a time,
under the congress's themes lock), correct it, place it in the mind map, draw its chart.

Blocking store work runs in a worker thread here; the classification itself
runs in the classifier's worker process (server/contributions/classifier.py).
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass

from server.clock import Clock
from server.congress.directory import Directory
from server.congress.domain import DomainError, Identity, Phase, room_name
from server.congress.lobby import Rooms
from server.contributions.chart import themes_svg
from server.contributions.classifier import ClassificationBusy, Classifier
from server.contributions.placement import Placed, place_themes
from server.contributions.review import Draft
from server.contributions.service import Contributions, PhaseClosed

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Member:
    key: str
    title: str
    text: str
    author: str
    centrality: float
    pinned: bool
    withdrawn: bool  # no longer among the contributions (its author withdrew it)
    authors: tuple[str, ...] = ()  # its own author, then those of the ideas merged into it


@dataclass(frozen=True, slots=True)
class Subtheme:
    label: str
    keys: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Theme:
    index: int
    name: str
    title: str
    words: tuple[str, ...]
    reviewed: bool
    members: tuple[Member, ...]
    label: str = ""  # the proposed phrase (server/themes/labels.py)
    axis: str = ""  # the congress axis this theme is, "" for none
    other: bool = False  # "Autre": far from every axis
    subthemes: tuple[Subtheme, ...] = ()


@dataclass(frozen=True, slots=True)
class Axis:
    name: str
    description: str


@dataclass(frozen=True, slots=True)
class Double:
    """A near-duplicate pair still to decide: both still there, neither merged since."""

    first: Member
    second: Member
    similarity: float


@dataclass(frozen=True, slots=True)
class Progress:
    """What the classifier's worker does for this congress (polled by the page)."""

    running: bool
    busy: bool  # the worker is busy, maybe for another congress
    kind: str
    step: str
    done: int
    total: int


@dataclass(frozen=True, slots=True)
class Run:
    ran_at: float
    k: int | None
    proposed_k: int | None
    contributions: int
    seconds: float


@dataclass(frozen=True, slots=True)
class Board:
    """The organisers' review: the themes, the last run, near-duplicates, what no theme holds."""

    themes: tuple[Theme, ...]
    run: Run | None
    near_duplicates: tuple[Double, ...]
    unclassified: tuple[str, ...]
    total: int
    running: bool
    axes: tuple[Axis, ...] = ()


@dataclass(frozen=True, slots=True)
class ChartWords:
    title: str
    unsorted: str
    timeline: str
    sizes: str
    lang: str = "fr"  # the language of the days and numbers drawn


Correction = Callable[[list[Draft]], list[Draft]]


class Theming:
    def __init__(
        self,
        contributions: Contributions,
        classifier: Classifier,
        directory: Directory,
        rooms: Rooms,
        clock: Clock | None = None,
    ) -> None:
        self.clock = clock or Clock()  # the chart's days are the congress's (server/clock.py)
        self.contributions = contributions
        self.classifier = classifier
        self.directory = directory
        self.rooms = rooms

    async def board(self, me: Identity) -> Board:
        store = self.contributions.store

        def read() -> Board:
            drafts = self.contributions.drafts(me.congress_id)
            run = store.run_info(me.congress_id)
            rows = store.search(me.congress_id)
            authors = self.contributions.authors(me.congress_id)
            axes = tuple(Axis(a["name"], a["description"]) for a in self.contributions.axes(me.congress_id))
            by_key = {r.key: r for r in rows}
            placed = {key for d in drafts for key in d.ids()}

            def card(key: str, centrality: float = 0.0, pinned: bool = False) -> Member:
                row = by_key.get(key)
                if row is None:
                    return Member(key, "", "", "", centrality, pinned, True)
                names = tuple(authors.get(key, ()))
                return Member(key, row.title, row.text, row.author_name, centrality, pinned, False, names)

            themes = tuple(
                Theme(
                    i,
                    d.name,
                    d.title,
                    tuple(d.words),
                    d.reviewed,
                    tuple(card(m.key, m.centrality, m.pinned) for m in d.members),
                    d.label,
                    d.axis,
                    d.other,
                    tuple(Subtheme(label, tuple(keys)) for label, keys in d.subthemes),
                )
                for i, d in enumerate(drafts)
            )
            last = (
                None
                if run is None
                else Run(run.ran_at, run.k, run.proposed_k, run.contributions, run.seconds)
            )

            def open_pair(a: str, b: str) -> bool:  # both still there, neither merged since
                return all(key in by_key and not by_key[key].merged_into for key in (a, b))

            pairs = [] if run is None else json.loads(run.near_duplicates)
            doubles = tuple(Double(card(a), card(b), s) for a, b, s in pairs if open_pair(a, b))
            unplaced = tuple(r.key for r in rows if r.key not in placed and not r.merged_into)
            return Board(themes, last, doubles, unplaced, len(rows), False, axes)

        return dataclasses.replace(await asyncio.to_thread(read), running=self.classifier.running)

    async def classify(self, me: Identity, k: int | None) -> Board:
        """Run the classification of every contribution, one run at a time across the instance."""
        if self.classifier.running:
            raise ClassificationBusy("a classification is already running; try again when it ends")
        service = self.contributions
        async with self.classifier.themes_lock(me.congress_id):
            payload = await asyncio.to_thread(service.classification_input, me.congress_id, k)
            result = await self.classifier.run(payload, me.congress_id)
            await asyncio.to_thread(service.save_classification, me.congress_id, payload, result)
        log.info(
            "themes of %s computed in %.1f s (%d contributions, %d themes)",
            me.congress_slug,
            result["seconds"],
            len(payload["contributions"]),
            len(result["themes"]),
        )
        return await self.board(me)

    async def axes(self, me: Identity) -> tuple[Axis, ...]:
        found = await asyncio.to_thread(self.contributions.axes, me.congress_id)
        return tuple(Axis(a["name"], a["description"]) for a in found)

    async def set_axes(self, me: Identity, items: object) -> tuple[Axis, ...]:
        """The whole list at once, in order; the next classification is guided by them."""
        saved = await asyncio.to_thread(self.contributions.set_axes, me, me.phase, items)
        log.info("%d axes written for %s by participant %d", len(saved), me.congress_slug, me.participant_id)
        return tuple(Axis(a["name"], a["description"]) for a in saved)

    async def merge_duplicates(self, me: Identity, keep: str, other: str) -> Board:
        """One idea from two contributions, both authors kept: under the themes lock, like a correction."""
        async with self.classifier.themes_lock(me.congress_id):
            await asyncio.to_thread(self.contributions.merge_duplicates, me.congress_id, keep, other)
        return await self.board(me)

    def progress(self, me: Identity) -> Progress:
        now = self.classifier.progress()
        mine = now.congress_id == me.congress_id
        return Progress(
            self.classifier.running and mine,
            now.congress_id is not None,
            now.kind if mine else "",
            now.step if mine else "",
            now.done if mine else 0,
            now.total if mine else 0,
        )

    async def correct(self, me: Identity, change: Correction) -> Board:
        """Rename, merge, split, move: under the themes lock, so a run in progress is not overwritten."""
        async with self.classifier.themes_lock(me.congress_id):
            await asyncio.to_thread(self.contributions.correct, me.congress_id, change)
        return await self.board(me)

    async def place(self, me: Identity, per_theme: int) -> Placed:
        """One branch of the mind map per theme, linked to its contributions."""

        def read() -> tuple[list[Draft], dict[str, str], str]:
            drafts = self.contributions.drafts(me.congress_id)
            rows = self.contributions.store.search(me.congress_id)
            congress = self.directory.congress_by_id(me.congress_id)
            return drafts, {r.key: r.title or r.text for r in rows}, congress.title if congress else ""

        drafts, titles, subject = await asyncio.to_thread(read)
        if not drafts:
            raise DomainError("no themes yet: run the classification first")
        if me.phase is Phase.PUBLISHED:
            raise PhaseClosed("the motion is published: the mind map is frozen")
        room = await self.rooms.get(room_name(me.congress_slug, "mindmap"))
        # Surfaced before the links appear, so that a reader who follows them at once finds them.
        keys = [key for draft in drafts if draft.members for key in draft.ids()]
        await asyncio.to_thread(self.contributions.store.surface, me.congress_id, keys)
        placed = place_themes(room, drafts, titles, me.author, subject, per_theme)
        log.info(
            "%d themes placed in %s's mind map by participant %d",
            placed.themes,
            me.congress_slug,
            me.participant_id,
        )
        return placed

    async def chart(self, me: Identity, words: ChartWords) -> str:
        def read() -> tuple[list[Draft], dict[str, float]]:
            drafts = self.contributions.drafts(me.congress_id)
            rows = self.contributions.store.search(me.congress_id)
            return drafts, {r.key: r.created_at for r in rows}

        drafts, arrivals = await asyncio.to_thread(read)
        return themes_svg(
            [(d.title, [k for k in d.ids() if k in arrivals]) for d in drafts],
            arrivals,
            title=words.title,
            unsorted_label=words.unsorted,
            timeline_label=words.timeline,
            size_label=words.sizes,
            clock=self.clock,
            lang=words.lang,
        )
