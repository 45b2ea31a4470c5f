"""Timed votes close themselves: a task per process, safe when several race.

The process that opened a vote sets a timer for its `closes_at`; every process
also looks for overdue open votes every `poll` seconds (a vote opened
elsewhere, a process restarted meanwhile). Several may try to close the same
vote at once: the database closes it once (server/decisions/repository.py
close_vote) and only the winner draws the consequences. A ballot that comes
after `closes_at` is refused by the database even before any closer ran, and
reading such a vote closes it first (server/decisions/votes.py).
"""

from __future__ import annotations

import asyncio
import logging
import time

from server.congress.directory import Directory
from server.decisions.repository import DecisionsRepository
from server.decisions.views import Vote
from server.decisions.votes import VoteService

log = logging.getLogger(__name__)
POLL_SECONDS = 2.0


class Closer:
    def __init__(
        self,
        votes: VoteService,
        repository: DecisionsRepository,
        directory: Directory,
        poll: float = POLL_SECONDS,
    ) -> None:
        self.votes = votes
        self.repository = repository
        self.directory = directory
        self.poll = poll
        self._task: asyncio.Task[None] | None = None
        self._timers: dict[int, asyncio.TimerHandle] = {}
        self._closing: set[asyncio.Task[None]] = set()
        votes.on_timed = self.schedule

    async def start(self) -> None:
        self._task = asyncio.create_task(self._poll_forever(), name="vote-closer")

    async def stop(self) -> None:
        for timer in self._timers.values():
            timer.cancel()
        tasks = [t for t in (self._task, *self._closing) if t is not None]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    def schedule(self, slug: str, vote: Vote) -> None:
        """Close `vote` at its time (it was opened here)."""
        if vote.closes_at is None:
            return
        loop = asyncio.get_running_loop()
        delay = max(0.0, vote.closes_at - time.time())
        self._timers[vote.id] = loop.call_later(delay, self._due, vote.id)

    def _due(self, vote_id: int) -> None:
        self._timers.pop(vote_id, None)
        task = asyncio.create_task(self._close(vote_id), name=f"close-vote-{vote_id}")
        self._closing.add(task)
        task.add_done_callback(self._closing.discard)

    async def _poll_forever(self) -> None:
        while True:
            await asyncio.sleep(self.poll)
            try:
                due = await asyncio.to_thread(self.repository.due_votes, time.time())
                for row in due:
                    await self._close(row.id or 0)
            except Exception:  # the database away: the next round tries again
                log.exception("overdue votes not closed; retrying in %.0f s", self.poll)

    async def _close(self, vote_id: int) -> None:
        row = await asyncio.to_thread(self.repository.vote, vote_id)
        if row is None or row.status != "open":
            return
        congress = await asyncio.to_thread(self.directory.congress_by_id, row.congress_id)
        if congress is None:
            return
        try:
            await self.votes.close_now(congress.slug, row)
        except Exception:
            log.exception("vote %d could not be closed at its time", vote_id)
