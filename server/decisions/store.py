"""Amendments, votes and ballots on the congress database: server.decisions.repository on SQL.

What processes may race on is one conditional statement: a ballot raises the
counts of its vote only while the vote is open and before its closing time
(the row's lock serialises ballots, and the counting and the ballot commit
together or not at all); closing is an UPDATE of an open vote; deciding an
amendment is an UPDATE of an open one. The affected row count says who won.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Any

from sqlalchemy import case, delete, insert, or_, text, update
from sqlalchemy import select as core_select
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from server.decisions.errors import AlreadyVoted, UnknownVote, VoteClosed, VoteOpen
from server.decisions.models import TABLES, AmendmentRow, BallotRow, NamedChoiceRow, SupportRow, VoteRow
from server.decisions.repository import CHOICES, Decisions
from server.store.tables import BoundTables

_COUNTS = {"for": "count_for", "against": "count_against", "abstain": "count_abstain"}


# PostgreSQL: the ballot, its counting and (named vote) its choice in one statement and one round
# trip: the ballot's key refuses a second one before the vote's row is touched, the row is locked by
# the counting UPDATE until the commit right after, and a vote closed or past its time counts nothing
# (the statement's ballot is rolled back with it).
_CAST_IN_ONE = """
WITH ballot_row AS (
    INSERT INTO ballot (vote_id, participant_id) VALUES (:v, :p) RETURNING vote_id
), counted AS (
    UPDATE vote SET cast_count = cast_count + 1, {counter} = {counter} + 1, version = version + 1
    WHERE id = (SELECT vote_id FROM ballot_row) AND congress_id = :c AND status = 'open'
      AND (closes_at IS NULL OR closes_at > :now)
    RETURNING *
), named AS (
    INSERT INTO named_choice (vote_id, participant_id, choice)
    SELECT id, :p, :choice FROM counted WHERE NOT secret
)
SELECT * FROM counted
"""


def _cast_step_by_step(
    connection: Any, vote_id: int, participant_id: int, choice: str, now: float, congress_id: int
) -> Any:
    """The same as _CAST_IN_ONE in three statements (SQLite has no data-modifying WITH): the
    ballot first, then the counting on the vote's row, then a named vote's choice."""
    votes = _table(VoteRow)
    counter = votes.c[_COUNTS[choice]]
    connection.execute(insert(_table(BallotRow)).values(vote_id=vote_id, participant_id=participant_id))
    counted = connection.execute(
        update(votes)
        .where(
            votes.c.id == vote_id,
            votes.c.congress_id == congress_id,
            votes.c.status == "open",
            or_(votes.c.closes_at.is_(None), votes.c.closes_at > now),
        )
        .values(
            {
                votes.c.cast_count: votes.c.cast_count + 1,
                counter: counter + 1,
                votes.c.version: votes.c.version + 1,
            }
        )
        .returning(*votes.c)
    ).first()
    if counted is not None and not counted.secret:
        row = {"vote_id": vote_id, "participant_id": participant_id, "choice": choice}
        connection.execute(insert(_table(NamedChoiceRow)).values(**row))
    return counted


def _table(model: Any) -> Any:
    """A model's Core table (SQLModel types `__table__` loosely)."""
    return model.__table__


def _change(session: Session, statement: Any) -> int:
    """Run an UPDATE or DELETE; the rows it touched (nothing loaded needs synchronising: rows are
    read again afterwards)."""
    result = session.exec(statement, execution_options={"synchronize_session": False})
    return int(result.rowcount)


def _result() -> Any:
    """The result of a vote's counts, computed by the database in the closing statement."""
    return case(
        (col(VoteRow.count_for) > col(VoteRow.count_against), "adopted"),
        (col(VoteRow.count_for) < col(VoteRow.count_against), "rejected"),
        else_="tied",
    )


class DecisionStore(BoundTables):
    tables = TABLES
    label = "decisions"

    # -- amendments ------------------------------------------------------------------

    def add_amendment(self, row: AmendmentRow) -> AmendmentRow:
        stored = AmendmentRow(**row.model_dump(exclude={"id", "version"}), version=1)
        with self._session() as session:
            session.add(stored)
            session.commit()
            return stored

    def amendment(self, amendment_id: int) -> AmendmentRow | None:
        with self._session() as session:
            return session.get(AmendmentRow, amendment_id)

    def amendments(self, congress_id: int) -> list[AmendmentRow]:
        with self._session() as session:
            query = select(AmendmentRow).where(AmendmentRow.congress_id == congress_id)
            return list(session.exec(query.order_by(col(AmendmentRow.id))).all())

    def supported_by(self, congress_id: int, participant_id: int) -> set[int]:
        with self._session() as session:
            query = (
                select(SupportRow.amendment_id)
                .join(AmendmentRow, col(AmendmentRow.id) == col(SupportRow.amendment_id))
                .where(AmendmentRow.congress_id == congress_id, SupportRow.participant_id == participant_id)
            )
            return set(session.exec(query).all())

    def support(self, amendment_id: int, participant_id: int, on: bool) -> AmendmentRow | None:
        with self._session() as session:
            # Lock the amendment first (its count changes with the support) and only while open.
            touched = _change(
                session,
                update(AmendmentRow)
                .where(col(AmendmentRow.id) == amendment_id, col(AmendmentRow.status) == "open")
                .values(version=col(AmendmentRow.version)),
            )
            if touched == 0:
                session.rollback()
                return None
            existing = session.get(SupportRow, (amendment_id, participant_id))
            if on and existing is None:
                session.add(
                    SupportRow(
                        amendment_id=amendment_id, participant_id=participant_id, created_at=time.time()
                    )
                )
                step = 1
            elif not on and existing is not None:
                session.delete(existing)
                step = -1
            else:
                step = 0
            if step:
                _change(
                    session,
                    update(AmendmentRow)
                    .where(col(AmendmentRow.id) == amendment_id)
                    .values(
                        supporters=col(AmendmentRow.supporters) + step, version=col(AmendmentRow.version) + 1
                    ),
                )
            try:
                session.commit()
            except IntegrityError:  # the same person, at the same moment, from another process
                session.rollback()
            return session.get(AmendmentRow, amendment_id, populate_existing=True)

    def change_amendment(
        self, amendment_id: int, expect_status: str, **fields: object
    ) -> AmendmentRow | None:
        with self._session() as session:
            changed = _change(
                session,
                update(AmendmentRow)
                .where(col(AmendmentRow.id) == amendment_id, col(AmendmentRow.status) == expect_status)
                .values(**fields, version=col(AmendmentRow.version) + 1),
            )
            session.commit()
            if changed == 0:
                return None
            return session.get(AmendmentRow, amendment_id, populate_existing=True)

    def set_outdated(self, amendment_id: int, outdated: bool) -> AmendmentRow | None:
        with self._session() as session:
            changed = _change(
                session,
                update(AmendmentRow)
                .where(
                    col(AmendmentRow.id) == amendment_id,
                    col(AmendmentRow.status) == "open",
                    col(AmendmentRow.outdated) == (not outdated),
                )
                .values(outdated=outdated, version=col(AmendmentRow.version) + 1),
            )
            session.commit()
            if changed == 0:
                return None
            return session.get(AmendmentRow, amendment_id, populate_existing=True)

    # -- votes -----------------------------------------------------------------------

    def open_vote(self, row: VoteRow) -> VoteRow:
        stored = VoteRow(**row.model_dump(exclude={"id", "version", "status"}), version=1, status="open")
        with self._session() as session:
            session.add(stored)
            try:
                session.commit()
            except IntegrityError:  # uq_vote_one_open: another vote of this congress is open
                session.rollback()
                raise VoteOpen("another vote is open in this congress") from None
            return stored

    def vote(self, vote_id: int) -> VoteRow | None:
        with self._session() as session:
            return session.get(VoteRow, vote_id)

    def votes(self, congress_id: int) -> list[VoteRow]:
        with self._session() as session:
            query = select(VoteRow).where(VoteRow.congress_id == congress_id)
            return list(session.exec(query.order_by(col(VoteRow.id))).all())

    def due_votes(self, now: float) -> list[VoteRow]:
        with self._session() as session:
            query = select(VoteRow).where(
                VoteRow.status == "open", col(VoteRow.closes_at).is_not(None), col(VoteRow.closes_at) <= now
            )
            return list(session.exec(query).all())

    def cast(self, vote_id: int, participant_id: int, choice: str, now: float, congress_id: int) -> VoteRow:
        if choice not in CHOICES:
            raise ValueError(f"unknown choice {choice!r}")
        votes = _table(VoteRow)
        counter = votes.c[_COUNTS[choice]]
        # Core statements, not the ORM: hundreds of people vote within seconds on one row, and this
        # is the path they all take (a third of the CPU of the ORM's unit of work).
        with self.engine.connect() as connection:
            try:
                if connection.dialect.name == "postgresql":
                    counted = connection.execute(
                        text(_CAST_IN_ONE.format(counter=counter.name)),
                        {"v": vote_id, "p": participant_id, "c": congress_id, "now": now, "choice": choice},
                    ).first()
                else:
                    counted = _cast_step_by_step(
                        connection, vote_id, participant_id, choice, now, congress_id
                    )
            except IntegrityError:
                connection.rollback()
                if not self._of(connection, vote_id, congress_id):
                    raise UnknownVote() from None
                raise AlreadyVoted("you have already voted") from None
            if counted is None:
                connection.rollback()  # the ballot goes too: nothing is counted
                if not self._of(connection, vote_id, congress_id):
                    raise UnknownVote()
                raise VoteClosed("this vote is closed")
            connection.commit()
            return VoteRow(**counted._mapping)

    @staticmethod
    def _of(connection: Any, vote_id: int, congress_id: int) -> bool:
        votes = _table(VoteRow)
        query = core_select(votes.c.id).where(votes.c.id == vote_id, votes.c.congress_id == congress_id)
        return connection.execute(query).first() is not None

    def close_vote(self, vote_id: int, now: float, position: int | None) -> VoteRow | None:
        with self._session() as session:
            closed = _change(
                session,
                update(VoteRow)
                .where(col(VoteRow.id) == vote_id, col(VoteRow.status) == "open")
                .values(
                    status="closed",
                    closed_at=now,
                    position=position,
                    result=_result(),
                    version=col(VoteRow.version) + 1,
                ),
            )
            session.commit()
            if closed == 0:
                return None
            return session.get(VoteRow, vote_id, populate_existing=True)

    def show_vote(self, vote_id: int, shown: bool) -> VoteRow | None:
        with self._session() as session:
            _change(
                session,
                update(VoteRow)
                .where(col(VoteRow.id) == vote_id, col(VoteRow.shown) == (not shown))
                .values(shown=shown, version=col(VoteRow.version) + 1),
            )
            session.commit()
            return session.get(VoteRow, vote_id, populate_existing=True)

    def choice_of(self, vote_id: int, participant_id: int) -> str | None:
        with self._session() as session:
            choice = session.get(NamedChoiceRow, (vote_id, participant_id))
            if choice is not None:
                return choice.choice
            return "cast" if session.get(BallotRow, (vote_id, participant_id)) is not None else None

    # -- archives --------------------------------------------------------------------

    def everything(self, congress_id: int) -> Decisions:
        with self._session() as session:
            amendments = self.amendments(congress_id)
            votes = self.votes(congress_id)
            amendment_ids = [a.id for a in amendments]
            vote_ids = [v.id for v in votes]
            supports = session.exec(
                select(SupportRow)
                .where(col(SupportRow.amendment_id).in_(amendment_ids))
                .order_by(col(SupportRow.amendment_id), col(SupportRow.participant_id))
            ).all()
            ballots = session.exec(
                select(BallotRow)
                .where(col(BallotRow.vote_id).in_(vote_ids))
                .order_by(col(BallotRow.vote_id), col(BallotRow.participant_id))
            ).all()
            choices = session.exec(
                select(NamedChoiceRow)
                .where(col(NamedChoiceRow.vote_id).in_(vote_ids))
                .order_by(col(NamedChoiceRow.vote_id), col(NamedChoiceRow.participant_id))
            ).all()
            return Decisions(amendments, list(supports), votes, list(ballots), list(choices))

    def bring_in(self, congress_id: int, decisions: Decisions, people: Mapping[int, int]) -> Decisions:
        with self._session() as session:
            stored = _bring_in(session, congress_id, decisions, people)
            session.commit()
        return stored

    def forget_congress(self, congress_id: int) -> None:
        with self._session() as session:
            amendments = select(AmendmentRow.id).where(AmendmentRow.congress_id == congress_id)
            votes = select(VoteRow.id).where(VoteRow.congress_id == congress_id)
            _change(session, delete(SupportRow).where(col(SupportRow.amendment_id).in_(amendments)))
            _change(session, delete(NamedChoiceRow).where(col(NamedChoiceRow.vote_id).in_(votes)))
            _change(session, delete(BallotRow).where(col(BallotRow.vote_id).in_(votes)))
            _change(session, delete(AmendmentRow).where(col(AmendmentRow.congress_id) == congress_id))
            _change(session, delete(VoteRow).where(col(VoteRow.congress_id) == congress_id))
            session.commit()


def _bring_in(
    session: Session, congress_id: int, decisions: Decisions, people: Mapping[int, int]
) -> Decisions:
    """The rows renumbered for this database, added to `session` (flushed, not committed)."""

    def person(old: int | None) -> int | None:
        return None if old is None else people[old]

    votes: dict[int, VoteRow] = {}
    for old in decisions.votes:
        row = VoteRow(
            **old.model_dump(exclude={"id", "congress_id", "opened_by"}),
            congress_id=congress_id,
            opened_by=people[old.opened_by],
        )
        session.add(row)
        session.flush()
        votes[old.id or 0] = row
    amendments: dict[int, AmendmentRow] = {}
    for old_amendment in decisions.amendments:
        row_a = AmendmentRow(
            **old_amendment.model_dump(exclude={"id", "congress_id", "author_id", "decided_by", "vote_id"}),
            congress_id=congress_id,
            author_id=people[old_amendment.author_id],
            decided_by=person(old_amendment.decided_by),
            vote_id=votes[old_amendment.vote_id].id if old_amendment.vote_id in votes else None,
        )
        session.add(row_a)
        session.flush()
        amendments[old_amendment.id or 0] = row_a
    for vote in votes.values():
        if vote.subject_kind == "amendment" and vote.subject_ref.isdigit():
            target = amendments.get(int(vote.subject_ref))
            vote.subject_ref = str(target.id) if target is not None else ""
            session.add(vote)
    supports = [
        SupportRow(
            amendment_id=amendments[s.amendment_id].id or 0,
            participant_id=people[s.participant_id],
            created_at=s.created_at,
        )
        for s in decisions.supports
    ]
    ballots = [
        BallotRow(vote_id=votes[b.vote_id].id or 0, participant_id=people[b.participant_id])
        for b in decisions.ballots
    ]
    choices = [
        NamedChoiceRow(
            vote_id=votes[c.vote_id].id or 0, participant_id=people[c.participant_id], choice=c.choice
        )
        for c in decisions.choices
    ]
    session.add_all([*supports, *ballots, *choices])
    session.flush()
    return Decisions(list(amendments.values()), supports, list(votes.values()), ballots, choices)
