"""One live room: its pycrdt document, its connections and their presence, in this process.

A room applies an update only after `crdt.updates` has read it whole and found
that it builds on what the room already holds, then hands the very same bytes
to its fan-out and tells the extensions (log, relay: server/realtime/extension.py).
It raises the document errors of `crdt/` (UpdateError, AwarenessError); only
the endpoint turns them into close codes.
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
from collections.abc import Callable, Coroutine
from typing import Any

from pycrdt import Doc

from crdt.awareness import PresenceTable, decode_awareness_update, join_entries
from crdt.protocol import decode_state_vector, encode_awareness
from crdt.replay import doc_at
from crdt.updates import EngineFailure, UpdateSummary, apply_to_doc, inspect_update
from server.realtime.connection import Connection
from server.realtime.extension import Extensions, Origin, OriginKind
from server.realtime.fanout import Fanout
from server.realtime.stats import RealtimeStats
from server.settings import Settings

log = logging.getLogger(__name__)

ROOM_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,99}")


def valid_room_name(name: str) -> bool:
    return ROOM_NAME.fullmatch(name) is not None


build_doc = doc_at  # the one document-at-a-position (crdt/replay.py), under the loader's name


class Room:
    def __init__(
        self, name: str, settings: Settings, extensions: Extensions, stats: RealtimeStats | None = None
    ) -> None:
        self.name = name
        self.settings = settings
        self.extensions = extensions
        self.stats = stats or RealtimeStats()
        self.doc: Doc[Any] = Doc()
        self.clocks: dict[int, int] = {}
        self.connections: set[Connection] = set()
        self.presence = PresenceTable()
        self.fanout = Fanout(
            self.connections,
            settings.presence_interval,
            self.presence.encoded,
            self.presence.owner_of,
            self.stats,
        )
        self.ready = asyncio.Event()  # cleared while the document is (re)loaded
        self.idle_since: float | None = time.monotonic()
        self.updates_accepted = 0
        self._reload: Callable[[Room], Coroutine[Any, Any, None]] | None = None

    def __repr__(self) -> str:
        return f"<Room {self.name} connections={len(self.connections)}>"

    def set_document(self, doc: Doc[Any]) -> None:
        self.doc = doc
        self.clocks = decode_state_vector(doc.get_state())

    # -- connections -------------------------------------------------------------

    def join(self, connection: Connection) -> None:
        self.connections.add(connection)
        self.idle_since = None

    def leave(self, connection: Connection) -> None:
        self.connections.discard(connection)
        gone = self.presence.remove_owner(connection)
        if gone:
            self._presence_changed(gone, Origin(OriginKind.CONNECTION, connection.author, connection))
        if not self.connections:
            self.idle_since = time.monotonic()

    # -- document ----------------------------------------------------------------

    def apply_update(self, update: bytes, origin: Origin) -> UpdateSummary | None:
        """Apply an untrusted update; return its summary, or None if it changed nothing.

        Raises an UpdateError (malformed, too deep, causal gap) or, for a client's
        edit, EditsRefused (an extension cannot take it now) before touching the
        document, or EngineFailure if pycrdt itself failed, after scheduling a reload of
        the document so that no half-applied update stays in it.
        """
        summary = inspect_update(update)
        summary.check_continues(self.clocks)
        if not summary.adds_to(self.clocks):
            return None
        if origin.kind is OriginKind.CONNECTION:
            self.extensions.check_accepting()  # EditsRefused: the log is too far behind
        try:
            apply_to_doc(self.doc, update)
        except EngineFailure as exc:
            log.error("room %s: pycrdt failed on an update from %s: %s", self.name, origin.author, exc)
            self._schedule_reload()
            raise
        clocks = self.clocks
        for client, (_, end) in summary.ranges.items():
            if end > clocks.get(client, 0):
                clocks[client] = end
        self.updates_accepted += 1
        self.stats.updates_accepted += 1
        self.fanout.queue_update(update, origin.connection)
        self.extensions.update_accepted(self, update, origin)
        return summary

    def apply_presence(self, connection: Connection, update: bytes) -> None:
        changed = self.presence.apply(connection, update, identity=connection.presence_identity)
        if changed:
            self._presence_changed(changed, Origin(OriginKind.CONNECTION, connection.author, connection))

    def apply_remote_presence(self, node: str, update: bytes) -> None:
        changed = self.presence.apply_remote(node, decode_awareness_update(update), time.monotonic())
        if changed:
            self._presence_changed(changed, Origin(OriginKind.BROKER, node))

    def forget_node(self, node: str) -> None:
        """Another process is gone: so is the presence of its connections."""
        gone = self.presence.drop_origin(node, time.monotonic())
        if gone:
            self._presence_changed(gone, Origin(OriginKind.BROKER, node))

    def local_presence(self) -> bytes | None:
        """An awareness update of this process's own connections, or None if none announced any."""
        chunks = [
            self.presence.encoded(cid)
            for connection in self.connections
            if (cid := self.presence.owned_id(connection)) is not None
        ]
        return join_entries(chunks) if chunks else None

    def expire_presence(self, max_age: float) -> None:
        gone = self.presence.expire(max_age)
        if gone:
            self._presence_changed(gone, Origin(OriginKind.LOCAL, "server"))

    def _presence_changed(self, client_ids: list[int], origin: Origin) -> None:
        self.fanout.queue_presence(client_ids)
        entries = [entry for cid in client_ids if (entry := self.presence.entry(cid)) is not None]
        self.extensions.presence_changed(self, entries, origin)

    def presence_message(self) -> bytes:
        """An awareness message with everyone present now."""
        live = self.presence.live_ids()
        return encode_awareness(join_entries([self.presence.encoded(cid) for cid in live]))

    def state_update(self, state_vector: bytes | None = None) -> bytes:
        return self.doc.get_update(state_vector) if state_vector else self.doc.get_update()

    def _schedule_reload(self) -> None:
        if self._reload is None or not self.ready.is_set():
            return
        self.ready.clear()
        asyncio.get_running_loop().create_task(self._reload(self), name=f"reload-{self.name}")
