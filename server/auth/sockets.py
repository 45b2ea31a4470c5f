"""The open sockets of each person: the per-person limit, who is connected now, and revocation.

Revoking a person or a link, or ending a session, closes the matching sockets
of this process at once; a sweep every `recheck_seconds` re-reads every open
identity from the database, so a revocation made elsewhere (the command line,
another process) also takes effect within that delay.
"""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from crdt.protocol import encode_permission_denied, encode_permission_granted
from server.auth.access import AccessService
from server.auth.presence import presence_identity
from server.congress.domain import SERVER_WRITES, WRITTEN_KINDS, Identity, read_only_reason, room_kind
from server.errors import CloseCode, TooMany, Unauthorized
from server.realtime.connection import Connection

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Presence:
    identity: Identity
    rooms: list[str]


class SocketRegistry:
    def __init__(self, access: AccessService, max_per_person: int, recheck_seconds: float) -> None:
        self.access = access
        self.max_per_person = max_per_person
        self.recheck_seconds = recheck_seconds
        self._identity: dict[Connection, Identity] = {}
        self._by_person: dict[int, set[Connection]] = defaultdict(set)
        self._task: asyncio.Task[None] | None = None
        # Tells the other processes (server/realtime/extensions/peers.py congress_changed), so that
        # a phase change reaches their sockets at once, not at their next sweep; set by app.py.
        self.announce: Callable[[int], None] | None = None
        # Told the congress whose people here changed (server/congress/attendance.py keeps them in
        # the broker for the other processes); set by app.py.
        self.changed: Callable[[int], None] | None = None

    async def start(self) -> None:
        self._task = asyncio.create_task(self._sweep_forever(), name="access-sweep")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)

    def add(self, connection: Connection, identity: Identity) -> None:
        mine = self._by_person[identity.participant_id]
        if len(mine) >= self.max_per_person:
            raise TooMany(f"too many connections for one person (at most {self.max_per_person})")
        mine.add(connection)
        self._identity[connection] = identity
        _set_access(connection, identity)  # told when greeted (server/realtime/endpoint.py _greet)
        connection.presence_identity = presence_identity(identity)
        self._changed(identity.congress_id)

    def remove(self, connection: Connection) -> None:
        identity = self._identity.pop(connection, None)
        if identity is not None:
            mine = self._by_person.get(identity.participant_id)
            if mine is not None:
                mine.discard(connection)
                if not mine:
                    del self._by_person[identity.participant_id]
            self._changed(identity.congress_id)

    def connected(self, congress_id: int) -> list[Presence]:
        """Everyone connected to this process now, with the documents they have open. The rooms only
        the server writes (decisions, tally) are followed by every page, the organisers' own too:
        they say nothing of where a person is, and a person with none other is not "here"."""
        found: list[Presence] = []
        for connections in self._by_person.values():
            identities = [self._identity[c] for c in connections]
            rooms = sorted({c.room_name for c in connections if room_kind(c.room_name) in WRITTEN_KINDS})
            if identities and identities[0].congress_id == congress_id and rooms:
                found.append(Presence(identities[0], rooms))
        return sorted(found, key=lambda p: p.identity.name.casefold())

    def disconnect(self, matches: Callable[[Identity], bool], reason: str) -> int:
        closing = [c for c, identity in self._identity.items() if matches(identity)]
        for connection in closing:
            connection.close(CloseCode.UNAUTHORIZED, reason)
        if closing:
            log.info("closed %d connection(s): %s", len(closing), reason)
        return len(closing)

    def refresh_congress(self, congress_id: int, announce: bool = True) -> None:
        """Re-read role and phase of this congress's sockets now (after a phase change), here and,
        with `announce`, in every other process."""
        asyncio.get_running_loop().create_task(self.sweep(lambda i: i.congress_id == congress_id))
        if announce and self.announce is not None:
            self.announce(congress_id)

    async def refresh_congress_now(self, congress_id: int) -> None:
        """`refresh_congress`, returning once this process's sockets are re-read (and told): what
        changed who may write (pen mode) is then true here before anyone is told it changed."""
        if self.announce is not None:
            self.announce(congress_id)
        await self.sweep(lambda i: i.congress_id == congress_id)

    async def sweep(self, only: Callable[[Identity], bool] = lambda _i: True) -> None:
        snapshot = {c: i for c, i in self._identity.items() if only(i)}
        if not snapshot:
            return
        verdicts = await asyncio.to_thread(self.access.recheck, set(snapshot.values()))
        for connection, old in snapshot.items():
            if self._identity.get(connection) is not old:
                continue  # gone, or re-registered meanwhile
            verdict = verdicts.get(old)
            if isinstance(verdict, Unauthorized):
                log.info("closing %r of participant %d: %s", connection, old.participant_id, verdict.reason)
                connection.close(verdict.code, verdict.reason)
            elif verdict is not None and verdict != old:
                self._identity[connection] = verdict
                _set_access(connection, verdict, tell=True)
                connection.presence_identity = presence_identity(verdict)  # from its next state on
                self._changed(verdict.congress_id)  # a name or role the others show may differ

    def _changed(self, congress_id: int) -> None:
        if self.changed is not None:
            self.changed(congress_id)

    async def _sweep_forever(self) -> None:
        while True:
            await asyncio.sleep(self.recheck_seconds)
            try:
                await self.sweep()
            except Exception:  # a database hiccup: the next sweep tries again
                log.exception("access sweep failed; retrying in %.0f s", self.recheck_seconds)


def _set_access(connection: Connection, identity: Identity, tell: bool = False) -> None:
    """Whether the socket may write, from the person, the phase, the pen and the room's kind.

    With `tell`, a socket whose access changed is told in the same step (docs/congress-day.md): that
    the server now drops its edits and why, or (pen mode over, issue 15) that it may write again.
    A room only the server writes is never told: no page writes it.
    """
    was = connection.read_only_reason if connection.read_only else ""
    reason = read_only_reason(identity, room_kind(connection.room_name))
    connection.read_only = bool(reason)
    connection.read_only_reason = reason
    if not tell or reason == was or SERVER_WRITES in (reason, was):
        return
    if reason:
        connection.send(encode_permission_denied(reason))
    else:
        connection.send(encode_permission_granted(was))
