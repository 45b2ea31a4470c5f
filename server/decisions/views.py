"""What the decision services hand the edge and the live room: plain frozen values and their JSON.

The shapes are docs/amendments.md's. An amendment or vote is the same value
for everyone; what one reader sees of it (their own support, their own choice,
the counts of an open vote) is chosen by `json(...)`'s arguments, never by
building another value.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from server.decisions.models import AmendmentRow, VoteRow


def iso(at: float | None) -> str | None:
    """A Unix time as ISO 8601 in UTC (the pages show it in the congress's zone)."""
    if at is None:
        return None
    return dt.datetime.fromtimestamp(at, dt.UTC).isoformat(timespec="milliseconds")


@dataclass(frozen=True, slots=True)
class PersonRef:
    id: int
    name: str

    def json(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name}


def person(people: dict[int, str], participant_id: int | None) -> PersonRef | None:
    if participant_id is None:
        return None
    return PersonRef(participant_id, people.get(participant_id, "?"))


@dataclass(frozen=True, slots=True)
class Amendment:
    id: int
    kind: str
    author: PersonRef
    status: str
    outdated: bool
    original: str
    text: str
    reason: str
    axis: str
    start: str
    end: str
    supporters: int
    created_at: float
    decided_at: float | None
    decided_by: PersonRef | None
    decision_reason: str
    vote_id: int | None
    position: int | None
    version: int

    @classmethod
    def of(cls, row: AmendmentRow, people: dict[int, str]) -> Amendment:
        assert row.id is not None
        author = person(people, row.author_id)
        assert author is not None
        return cls(
            row.id,
            row.kind,
            author,
            row.status,
            row.outdated,
            row.original,
            row.text,
            row.reason,
            row.axis,
            row.anchor_start,
            row.anchor_end,
            row.supporters,
            row.created_at,
            row.decided_at,
            person(people, row.decided_by),
            row.decision_reason,
            row.vote_id,
            row.position,
            row.version,
        )

    def json(self, supported_by_me: bool | None = None) -> dict[str, Any]:
        """For one requester (`supported_by_me` given), or for the live room (absent, with `version`)."""
        data: dict[str, Any] = {
            "id": self.id,
            "kind": self.kind,
            "author": self.author.json(),
            "status": self.status,
            "outdated": self.outdated,
            "original": self.original,
            "text": self.text,
            "reason": self.reason,
            "axis": self.axis,
            "anchor": {"start": self.start, "end": self.end},
            "supporters": self.supporters,
            "created_at": iso(self.created_at),
            "decided_at": iso(self.decided_at),
            "decided_by": self.decided_by.json() if self.decided_by else None,
            "decision_reason": self.decision_reason,
            "vote_id": self.vote_id,
            "version": self.version,
        }
        if supported_by_me is not None:
            data["supported_by_me"] = supported_by_me
        return data


@dataclass(frozen=True, slots=True)
class Counts:
    for_: int
    against: int
    abstain: int

    def json(self) -> dict[str, int]:
        return {"for": self.for_, "against": self.against, "abstain": self.abstain}


@dataclass(frozen=True, slots=True)
class Vote:
    id: int
    title: str
    subject_kind: str
    subject_ref: str
    secret: bool
    status: str
    opened_by: int
    opened_at: float
    closes_at: float | None
    closed_at: float | None
    shown: bool
    eligible: int
    cast: int
    counts: Counts
    result: str | None
    position: int | None
    version: int

    @classmethod
    def of(cls, row: VoteRow) -> Vote:
        assert row.id is not None
        return cls(
            row.id,
            row.title,
            row.subject_kind,
            row.subject_ref,
            row.secret,
            row.status,
            row.opened_by,
            row.opened_at,
            row.closes_at,
            row.closed_at,
            row.shown,
            row.eligible,
            row.cast_count,
            Counts(row.count_for, row.count_against, row.count_abstain),
            row.result,
            row.position,
            row.version,
        )

    @property
    def is_open(self) -> bool:
        return self.status == "open"

    def counts_for(self, organiser: bool) -> Counts | None:
        """The counts this reader may see now. A secret vote's, nobody's until it closes: a count
        moving as one person votes would tell what they chose (docs/amendments.md)."""
        if not self.is_open:
            return self.counts
        if self.secret:
            return None
        return self.counts if organiser or self.shown else None

    def json(self, organiser: bool = False, my_choice: str | bool | None = False) -> dict[str, Any]:
        """For one requester (`my_choice` given: None or their choice), or for the live room as a
        non-organiser sees it (`my_choice` False: absent, with `version`)."""
        counts = self.counts_for(organiser)
        data: dict[str, Any] = {
            "id": self.id,
            "title": self.title,
            "subject": {"kind": self.subject_kind, "ref": self.subject_ref},
            "secret": self.secret,
            "status": self.status,
            "opened_at": iso(self.opened_at),
            "closes_at": iso(self.closes_at),
            "closed_at": iso(self.closed_at),
            "shown": self.shown,
            "eligible": self.eligible,
            "cast": self.cast,
            "counts": counts.json() if counts else None,
            "result": self.result,
            "version": self.version,
        }
        if my_choice is not False:
            data["my_choice"] = my_choice
        return data

    def tally_json(self) -> dict[str, int | None]:
        """An entry of the organisers' live tallies (`{slug}.tally`)."""
        hidden = self.secret and self.is_open
        counts = self.counts.json()
        return {
            "for": None if hidden else counts["for"],
            "against": None if hidden else counts["against"],
            "abstain": None if hidden else counts["abstain"],
            "cast": self.cast,
        }


@dataclass(frozen=True, slots=True)
class Pen:
    on: bool
    holders: tuple[PersonRef, ...]
    version: int

    def json(self) -> dict[str, Any]:
        return {"on": self.on, "holders": [h.json() for h in self.holders], "version": self.version}


@dataclass(frozen=True, slots=True)
class Amendments:
    """The list an amendments request gets: every amendment, with the pen's state."""

    items: tuple[Amendment, ...]
    supported: frozenset[int]
    pen: Pen

    def json(self) -> dict[str, Any]:
        return {
            "amendments": [a.json(supported_by_me=a.id in self.supported) for a in self.items],
            "pen": self.pen.json(),
        }
