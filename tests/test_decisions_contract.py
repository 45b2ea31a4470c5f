"""The decisions repository's contract (amendments, supports, votes, ballots) against SQL (SQLite,
PostgreSQL) and the in-memory twin: what several processes race on is decided once."""

from __future__ import annotations

import threading
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from server.congress.directory import Directory
from server.congress.domain import NewParticipant, Role
from server.decisions.errors import AlreadyVoted, UnknownVote, VoteClosed, VoteOpen
from server.decisions.memory import MemoryDecisions
from server.decisions.models import AmendmentRow, VoteRow
from server.decisions.repository import DecisionsRepository
from server.decisions.store import DecisionStore
from tests.support.databases import KINDS, sql_engine, unique

pytestmark = pytest.mark.anyio


@dataclass
class Setting:
    store: DecisionsRepository
    congress: int
    other_congress: int
    people: list[int]  # ten people of `congress`


@pytest.fixture(params=KINDS)
async def setting(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Setting]:
    if request.param == "memory":
        yield Setting(MemoryDecisions(), 1, 2, list(range(100, 110)))
        return
    async for engine in sql_engine(request.param, request, tmp_path):
        directory = Directory(engine)
        congress, other = (directory.create_congress(unique(), "Congrès") for _ in range(2))
        assert congress.id is not None and other.id is not None
        people = directory.add_participants(
            congress.id, [NewParticipant(f"P{i}", Role.PARTICIPANT) for i in range(10)]
        )
        yield Setting(DecisionStore(engine), congress.id, other.id, [p.id or 0 for p in people])


def amendment(s: Setting, author: int, **fields: object) -> AmendmentRow:
    values: dict[str, object] = {
        "congress_id": s.congress,
        "author_id": author,
        "kind": "replace",
        "original": "réduire",
        "text": "supprimer",
        "reason": "plus net",
        "axis": "Égalité",
        "anchor_start": "AAoAAA==",
        "anchor_end": "AAoHAA==",
        "created_at": time.time(),
    }
    values.update(fields)
    return s.store.add_amendment(AmendmentRow.model_validate(values))


def vote(s: Setting, **fields: object) -> VoteRow:
    values: dict[str, object] = {
        "congress_id": s.congress,
        "subject_kind": "motion",
        "title": "Adoption de la motion",
        "opened_by": s.people[0],
        "opened_at": time.time(),
        "eligible": 10,
    }
    values.update(fields)
    return s.store.open_vote(VoteRow.model_validate(values))


async def test_amendments_are_kept_in_order_with_their_fields(setting: Setting) -> None:
    first = amendment(setting, setting.people[1], text="nouvelle rédaction « é »")
    second = amendment(setting, setting.people[2], kind="insert", original="")
    assert first.id is not None and second.id is not None and first.version == 1
    found = setting.store.amendments(setting.congress)
    assert [a.id for a in found] == [first.id, second.id]
    assert found[0].text == "nouvelle rédaction « é »" and found[0].status == "open" and not found[0].outdated
    assert setting.store.amendment(10**8) is None
    assert setting.store.amendments(setting.other_congress) == []


async def test_support_counts_once_per_person_and_only_while_open(setting: Setting) -> None:
    row = amendment(setting, setting.people[1])
    assert row.id is not None
    once = setting.store.support(row.id, setting.people[2], True)
    twice = setting.store.support(row.id, setting.people[2], True)
    assert once is not None and twice is not None
    assert (once.supporters, twice.supporters, twice.version) == (1, 1, 2)  # the second changed nothing
    setting.store.support(row.id, setting.people[3], True)
    assert setting.store.supported_by(setting.congress, setting.people[2]) == {row.id}
    gone = setting.store.support(row.id, setting.people[2], False)
    assert gone is not None and gone.supporters == 1
    assert setting.store.supported_by(setting.congress, setting.people[2]) == set()
    setting.store.change_amendment(row.id, "open", status="withdrawn")
    assert setting.store.support(row.id, setting.people[4], True) is None


async def test_an_amendment_leaves_open_once(setting: Setting) -> None:
    row = amendment(setting, setting.people[1])
    assert row.id is not None
    accepted = setting.store.change_amendment(row.id, "open", status="accepted", decided_by=setting.people[0])
    again = setting.store.change_amendment(row.id, "open", status="rejected", decided_by=setting.people[0])
    assert accepted is not None and accepted.status == "accepted" and accepted.version == 2
    assert again is None
    stored = setting.store.amendment(row.id)
    assert stored is not None and stored.status == "accepted"


async def test_outdated_is_marked_once_and_only_on_open_amendments(setting: Setting) -> None:
    row = amendment(setting, setting.people[1])
    assert row.id is not None
    marked = setting.store.set_outdated(row.id, True)
    assert marked is not None and marked.outdated and marked.version == 2
    assert setting.store.set_outdated(row.id, True) is None  # already
    back = setting.store.set_outdated(row.id, False)
    assert back is not None and not back.outdated
    setting.store.change_amendment(row.id, "open", status="rejected")
    assert setting.store.set_outdated(row.id, True) is None


async def test_one_open_vote_per_congress(setting: Setting) -> None:
    first = vote(setting)
    with pytest.raises(VoteOpen):
        vote(setting)
    elsewhere = vote(setting, congress_id=setting.other_congress, opened_by=setting.people[0])
    assert elsewhere.id != first.id
    assert first.id is not None
    assert setting.store.close_vote(first.id, time.time(), 42) is not None
    assert vote(setting).status == "open"  # once closed, the next may open


async def test_a_ballot_counts_once_and_a_closed_vote_takes_none(setting: Setting) -> None:
    row = vote(setting)
    assert row.id is not None
    now = time.time()
    after = setting.store.cast(row.id, setting.people[1], "for", now, setting.congress)
    assert (after.cast_count, after.count_for, after.version) == (1, 1, 2)
    with pytest.raises(AlreadyVoted):
        setting.store.cast(
            row.id, setting.people[1], "against", now, setting.congress
        )  # another tab, another device
    setting.store.cast(row.id, setting.people[2], "against", now, setting.congress)
    setting.store.cast(row.id, setting.people[3], "abstain", now, setting.congress)
    stored = setting.store.vote(row.id)
    assert stored is not None
    assert (stored.cast_count, stored.count_for, stored.count_against, stored.count_abstain) == (3, 1, 1, 1)
    assert setting.store.choice_of(row.id, setting.people[1]) == "for"
    assert setting.store.choice_of(row.id, setting.people[4]) is None
    closed = setting.store.close_vote(row.id, now, 7)
    assert closed is not None and (closed.status, closed.result, closed.position) == ("closed", "tied", 7)
    assert setting.store.close_vote(row.id, now, 8) is None  # closed once
    with pytest.raises(VoteClosed):
        setting.store.cast(row.id, setting.people[5], "for", now, setting.congress)
    final = setting.store.vote(row.id)
    assert final is not None and final.cast_count == 3 and final.position == 7
    with pytest.raises(UnknownVote):
        setting.store.cast(10**8, setting.people[5], "for", now, setting.congress)


async def test_a_vote_past_its_time_takes_no_ballot_before_anyone_closed_it(setting: Setting) -> None:
    now = time.time()
    row = vote(setting, closes_at=now - 0.5)
    assert row.id is not None
    with pytest.raises(VoteClosed):
        setting.store.cast(row.id, setting.people[1], "for", now, setting.congress)
    assert [v.id for v in setting.store.due_votes(now) if v.congress_id == setting.congress] == [row.id]
    stored = setting.store.vote(row.id)
    assert stored is not None and stored.status == "open" and stored.cast_count == 0


async def test_results_follow_the_counts(setting: Setting) -> None:
    outcomes = []
    for choices in (["for", "for", "against"], ["against", "abstain"], []):
        row = vote(setting)
        assert row.id is not None
        for person, choice in zip(setting.people, choices, strict=False):
            setting.store.cast(row.id, person, choice, time.time(), setting.congress)
        closed = setting.store.close_vote(row.id, time.time(), None)
        assert closed is not None
        outcomes.append(closed.result)
    assert outcomes == ["adopted", "rejected", "tied"]


async def test_a_secret_vote_keeps_who_voted_and_the_counts_never_a_choice(setting: Setting) -> None:
    row = vote(setting, secret=True)
    assert row.id is not None
    setting.store.cast(row.id, setting.people[1], "against", time.time(), setting.congress)
    setting.store.cast(row.id, setting.people[2], "for", time.time(), setting.congress)
    assert setting.store.choice_of(row.id, setting.people[1]) == "cast"
    kept = setting.store.everything(setting.congress)
    assert sorted(b.participant_id for b in kept.ballots) == sorted(setting.people[1:3])
    assert kept.choices == []
    stored = setting.store.vote(row.id)
    assert stored is not None and (stored.count_for, stored.count_against) == (1, 1)


async def test_concurrent_ballots_of_many_people_all_count_once(setting: Setting) -> None:
    row = vote(setting)
    assert row.id is not None
    refused: list[Exception] = []

    def cast(person: int) -> None:
        for _ in range(2):  # each person tries twice, from two "tabs"
            try:
                setting.store.cast(row.id or 0, person, "for", time.time(), setting.congress)
            except AlreadyVoted as exc:
                refused.append(exc)

    threads = [threading.Thread(target=cast, args=(p,)) for p in setting.people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    stored = setting.store.vote(row.id)
    assert stored is not None and stored.cast_count == stored.count_for == len(setting.people)
    assert len(refused) == len(setting.people)


async def test_the_projector_flag_changes_the_version_only_when_it_changes(setting: Setting) -> None:
    row = vote(setting)
    assert row.id is not None
    shown = setting.store.show_vote(row.id, True)
    same = setting.store.show_vote(row.id, True)
    assert shown is not None and same is not None and shown.shown and same.version == shown.version == 2


async def test_an_archive_s_decisions_come_back_renumbered_and_linked(setting: Setting) -> None:
    a = amendment(setting, setting.people[1])
    assert a.id is not None
    setting.store.support(a.id, setting.people[2], True)
    v = vote(setting, subject_kind="amendment", subject_ref=str(a.id))
    assert v.id is not None
    setting.store.change_amendment(a.id, "open", vote_id=v.id)
    setting.store.cast(v.id, setting.people[3], "for", time.time(), setting.congress)
    secret = None
    setting.store.close_vote(v.id, time.time(), 5)
    secret = vote(setting, secret=True)
    assert secret.id is not None
    setting.store.cast(secret.id, setting.people[4], "against", time.time(), setting.congress)
    kept = setting.store.everything(setting.congress)
    people = dict(zip(setting.people, reversed(setting.people), strict=True))  # as an import maps them
    brought = setting.store.bring_in(setting.other_congress, kept, people)
    again = setting.store.everything(setting.other_congress)
    assert [x.id for x in again.amendments] == [x.id for x in brought.amendments]
    (amend,) = again.amendments
    assert amend.id != a.id and amend.author_id == people[setting.people[1]]
    first, second = again.votes
    assert amend.vote_id == first.id and first.subject_ref == str(amend.id)
    assert [(s.amendment_id, s.participant_id) for s in again.supports] == [
        (amend.id, people[setting.people[2]])
    ]
    assert {(b.vote_id, b.participant_id) for b in again.ballots} == {
        (first.id, people[setting.people[3]]),
        (second.id, people[setting.people[4]]),
    }
    assert [(c.vote_id, c.choice) for c in again.choices] == [(first.id, "for")]
    assert (second.secret, second.count_against, second.status) == (True, 1, "open")
    setting.store.forget_congress(setting.other_congress)
    empty = setting.store.everything(setting.other_congress)
    assert (empty.amendments, empty.votes, empty.ballots) == ([], [], [])


async def test_a_ballot_for_another_congress_s_vote_is_not_found_and_counts_nothing(setting: Setting) -> None:
    elsewhere = vote(setting, congress_id=setting.other_congress)
    assert elsewhere.id is not None
    with pytest.raises(UnknownVote):
        setting.store.cast(elsewhere.id, setting.people[1], "for", time.time(), setting.congress)
    stored = setting.store.vote(elsewhere.id)
    assert stored is not None and stored.cast_count == 0
    assert setting.store.choice_of(elsewhere.id, setting.people[1]) is None  # no ballot row either
