"""The decisions member of an archive (format version 2): amendments, supports, votes, ballots, choices.

    decisions.json  {"amendments": [...], "supports": [...], "votes": [...],
                     "ballots": [...], "choices": [...]}

Rows are written with their tables' field names and the archive's own ids
(people are participants.json's ids, positions are the log's ids: both are
mapped on import). A secret vote travels as who voted and its counts: its
ballots are sorted by person, never by time, and it has no choice, so the
file can no more link a person to a choice than the database could. Reading
checks every row and that they hold together (every person known, every
ballot counted once, a named vote's counts those of its choices, a secret vote
without choices, at most one vote open): a file that does not is refused.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, TypeVar

from pydantic import ValidationError
from sqlmodel import SQLModel

from server.archive.refused import ArchiveRefused
from server.decisions.models import AmendmentRow, BallotRow, NamedChoiceRow, SupportRow, VoteRow
from server.decisions.repository import CHOICES, Decisions

MEMBER = "decisions.json"
R = TypeVar("R", bound=SQLModel)
_KINDS = {"amendment": {"replace", "insert"}, "vote": {"amendment", "proposal", "axis", "motion"}}
_STATUSES = {"amendment": {"open", "accepted", "rejected", "withdrawn"}, "vote": {"open", "closed"}}


def decisions_json(decisions: Decisions) -> dict[str, Any]:
    return {
        "amendments": [a.model_dump(exclude={"congress_id"}) for a in decisions.amendments],
        "supports": [s.model_dump() for s in decisions.supports],
        "votes": [v.model_dump(exclude={"congress_id"}) for v in decisions.votes],
        "ballots": [
            b.model_dump() for b in sorted(decisions.ballots, key=lambda b: (b.vote_id, b.participant_id))
        ],
        "choices": [c.model_dump() for c in decisions.choices],
    }


def read_decisions(value: Any, people: set[int]) -> Decisions:
    """The decisions of a file, every row checked and all of them consistent; ArchiveRefused else."""
    if not isinstance(value, dict):
        raise ArchiveRefused(f"{MEMBER} must be an object")
    decisions = Decisions(
        amendments=_rows(value, "amendments", AmendmentRow, congress=True),
        supports=_rows(value, "supports", SupportRow),
        votes=_rows(value, "votes", VoteRow, congress=True),
        ballots=_rows(value, "ballots", BallotRow),
        choices=_rows(value, "choices", NamedChoiceRow),
    )
    _check(decisions, people)
    return decisions


def _rows(value: dict[str, Any], name: str, model: type[R], congress: bool = False) -> list[R]:
    items = value.get(name, [])
    if not isinstance(items, list):
        raise ArchiveRefused(f"{MEMBER}: {name} must be a list")
    rows = []
    for index, item in enumerate(items, 1):
        if not isinstance(item, dict):
            raise ArchiveRefused(f"{MEMBER}, {name} {index}: not an object")
        try:
            rows.append(model.model_validate({**item, "congress_id": 0} if congress else item))
        except ValidationError as exc:
            problem = exc.errors()[0]
            where = ".".join(str(part) for part in problem["loc"])
            raise ArchiveRefused(f"{MEMBER}, {name} {index}: {where}: {problem['msg']}") from None
    return rows


def _check(d: Decisions, people: set[int]) -> None:
    def person(pid: int | None, where: str) -> None:
        if pid is not None and pid not in people:
            raise ArchiveRefused(f"{MEMBER}, {where}: person {pid} is not in participants.json")

    votes = {v.id: v for v in d.votes}
    amendments = {a.id: a for a in d.amendments}
    if (
        None in votes
        or None in amendments
        or len(votes) != len(d.votes)
        or len(amendments) != len(d.amendments)
    ):
        raise ArchiveRefused(f"{MEMBER}: every vote and amendment needs an id of its own")
    for a in d.amendments:
        where = f"amendment {a.id}"
        if a.kind not in _KINDS["amendment"] or a.status not in _STATUSES["amendment"]:
            raise ArchiveRefused(f"{MEMBER}, {where}: unknown kind or status")
        person(a.author_id, where)
        person(a.decided_by, where)
        if a.vote_id is not None and a.vote_id not in votes:
            raise ArchiveRefused(f"{MEMBER}, {where}: its vote {a.vote_id} is not in the file")
    if sum(v.status == "open" for v in d.votes) > 1:
        raise ArchiveRefused(f"{MEMBER}: more than one vote is open")
    for s in d.supports:
        person(s.participant_id, f"support of amendment {s.amendment_id}")
        if s.amendment_id not in amendments:
            raise ArchiveRefused(f"{MEMBER}: a support names amendment {s.amendment_id}, not in the file")
    ballots = Counter((b.vote_id, b.participant_id) for b in d.ballots)
    if any(n > 1 for n in ballots.values()):
        raise ArchiveRefused(f"{MEMBER}: a person voted twice in one vote")
    choices = {(c.vote_id, c.participant_id): c.choice for c in d.choices}
    if len(choices) != len(d.choices) or any(c not in CHOICES for c in choices.values()):
        raise ArchiveRefused(f"{MEMBER}: a choice is repeated or unknown")
    for vote_id, pid in [*ballots, *choices]:
        person(pid, f"ballot of vote {vote_id}")
        if vote_id not in votes:
            raise ArchiveRefused(f"{MEMBER}: a ballot names vote {vote_id}, not in the file")
    for v in d.votes:
        _check_vote(v, ballots, choices)
        person(v.opened_by, f"vote {v.id}")


def _check_vote(v: VoteRow, ballots: Counter[tuple[int, int]], choices: dict[tuple[int, int], str]) -> None:
    where = f"{MEMBER}, vote {v.id}"
    if v.subject_kind not in _KINDS["vote"] or v.status not in _STATUSES["vote"]:
        raise ArchiveRefused(f"{where}: unknown subject or status")
    cast = sum(1 for vote_id, _ in ballots if vote_id == v.id)
    mine = [choice for (vote_id, pid), choice in choices.items() if vote_id == v.id]
    counts = (v.count_for, v.count_against, v.count_abstain)
    if v.cast_count != cast or sum(counts) != cast:
        raise ArchiveRefused(f"{where}: its counts are not its ballots")
    if v.secret and mine:
        raise ArchiveRefused(f"{where}: a secret vote carries no choice")
    if not v.secret:
        if any((v.id, pid) not in choices for vote_id, pid in ballots if vote_id == v.id):
            raise ArchiveRefused(f"{where}: a ballot of a named vote has no choice")
        tally = Counter(mine)
        if counts != (tally["for"], tally["against"], tally["abstain"]):
            raise ArchiveRefused(f"{where}: its counts are not its choices")
