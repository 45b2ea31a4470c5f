"""The store in memory: the same contract as the SQL store, for unit tests and throwaway runs."""

from __future__ import annotations

from collections.abc import Sequence

from server.store.base import (
    CheckpointRecord,
    CheckpointsOf,
    LoggedUpdate,
    LogMark,
    NewUpdate,
    RoomLoad,
    RoomsNotEmpty,
)


class MemoryStore:
    def __init__(self) -> None:
        self._log: list[LoggedUpdate] = []
        self._checkpoints: dict[tuple[str, int], CheckpointRecord] = {}

    async def start(self) -> None:
        pass

    async def stop(self) -> None:
        pass

    async def append(self, updates: Sequence[NewUpdate]) -> list[int]:
        ids = []
        for update in updates:
            logged = LoggedUpdate(len(self._log) + 1, update.room, update.data, update.author, update.at)
            self._log.append(logged)
            ids.append(logged.id)
        return ids

    async def append_history(self, updates: Sequence[NewUpdate], checkpoints_of: CheckpointsOf) -> list[int]:
        rooms = {u.room for u in updates}
        if taken := sorted({u.room for u in self._log if u.room in rooms}):
            raise RoomsNotEmpty(taken)
        first = len(self._log) + 1
        logged = [LoggedUpdate(first + i, u.room, u.data, u.author, u.at) for i, u in enumerate(updates)]
        checkpoints = list(checkpoints_of(logged))  # before anything is kept: it may raise
        self._log.extend(logged)
        for checkpoint in checkpoints:
            await self.save_checkpoint(checkpoint)
        return [u.id for u in logged]

    async def load(self, room: str) -> RoomLoad:
        checkpoint = await self.checkpoint_before(room)
        return RoomLoad(checkpoint, await self.updates(room, checkpoint.upto_id if checkpoint else 0))

    async def updates(self, room: str, after_id: int = 0, upto_id: int | None = None) -> list[LoggedUpdate]:
        return [
            u
            for u in self._log
            if u.room == room and u.id > after_id and (upto_id is None or u.id <= upto_id)
        ]

    async def marks(
        self, rooms: Sequence[str], after_id: int = 0, upto_id: int | None = None
    ) -> list[LogMark]:
        wanted = set(rooms)
        return [
            LogMark(u.id, u.room, u.author, u.at)
            for u in self._log
            if u.room in wanted and u.id > after_id and (upto_id is None or u.id <= upto_id)
        ]

    async def checkpoint_positions(self, room: str) -> list[int]:
        return sorted(at for r, at in self._checkpoints if r == room)

    async def checkpoint_before(self, room: str, upto_id: int | None = None) -> CheckpointRecord | None:
        found = [
            c for (r, at), c in self._checkpoints.items() if r == room and (upto_id is None or at <= upto_id)
        ]
        return max(found, key=lambda c: c.upto_id) if found else None

    async def save_checkpoint(self, checkpoint: CheckpointRecord) -> None:
        self._checkpoints.setdefault((checkpoint.room, checkpoint.upto_id), checkpoint)

    async def ping(self) -> None:
        pass
