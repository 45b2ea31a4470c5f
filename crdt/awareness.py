"""Presence (Yjs awareness) as the server keeps it: who owns which entry, and which is newest.

An awareness update is `varUint count` then, per entry, `varUint client_id,
varUint clock, varString state_json` where the state `null` means "gone".

The stock y-websocket client re-sends every awareness change it receives,
including other people's entries, so a server that forwards naively feeds an
N² storm (FIELD-NOTES.md). This table accepts an entry only from the
connection that owns it: the first entry a connection announces becomes its
own, and everything else it sends about other clients is ignored. Clocks the
server forwards only ever increase, even when a client reconnects with an
older clock after the server announced its departure.

Who an entry says it is (`user.name`, `role`, `site`, `id`, colours) is the
server's to say, not the client's: a participant once appeared to the
observer as "OrgA", organiser (issue 12). `with_identity` rewrites those
fields of an owner's state from the identity the server gave its socket.
"""

from __future__ import annotations

import json
import time
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass

from crdt.jsontext import JsonTextError, check_json
from crdt.protocol import ProtocolError, Reader, encode_var_string, encode_var_uint

MAX_STATE_BYTES = 8 * 1024
MAX_STATE_DEPTH = 16
_NULL = "null"


class AwarenessError(ProtocolError):
    """An awareness update the server refuses."""


@dataclass(slots=True)
class AwarenessEntry:
    client_id: int
    clock: int
    state: str  # JSON text as received; "null" once the client is gone


def decode_awareness_update(update: bytes) -> list[AwarenessEntry]:
    reader = Reader(update)
    count = reader.read_var_uint()
    if count > reader.remaining:
        raise AwarenessError("awareness update announces more entries than it has bytes")
    entries = []
    for _ in range(count):
        client_id = reader.read_var_uint()
        clock = reader.read_var_uint()
        entries.append(AwarenessEntry(client_id, clock, reader.read_var_string()))
    reader.expect_end()
    return entries


def encode_entry(client_id: int, clock: int, state: str) -> bytes:
    return encode_var_uint(client_id) + encode_var_uint(clock) + encode_var_string(state)


def join_entries(chunks: list[bytes]) -> bytes:
    """An awareness update made of already encoded entries."""
    return encode_var_uint(len(chunks)) + b"".join(chunks)


def validate_state(state: str) -> None:
    """Browsers `JSON.parse` every state they receive: refuse what would break them."""
    if len(state) > MAX_STATE_BYTES:
        raise AwarenessError(f"awareness state larger than {MAX_STATE_BYTES} bytes")
    try:
        check_json(state, MAX_STATE_DEPTH)
    except JsonTextError as exc:
        raise AwarenessError(f"awareness state: {exc}") from exc


# The fields of `state.user` that say who this is: what y-codemirror.next draws a cursor
# with (`name`, `color`, `colorLight`) and what the presence list shows (static/src/presence.js).
IDENTITY_FIELDS = ("id", "name", "role", "site", "color", "colorLight")


def with_identity(state: str, identity: Mapping[str, str]) -> str:
    """`state` (JSON text) with its `user` identity fields taken from `identity`, never from the client.

    Every field of IDENTITY_FIELDS the client sent is dropped, then those of `identity` are
    set; the rest of the state (the page, where the person is typing) is the client's own.
    A state that is not an object becomes one that holds only the identity. "null" (gone)
    stays as it is.
    """
    if state == _NULL:
        return state
    try:
        value = json.loads(state)
    except ValueError as exc:
        raise AwarenessError(f"awareness state is not JSON: {exc}") from exc
    if not isinstance(value, dict):
        value = {}
    sent = value.get("user")
    user = {k: v for k, v in sent.items() if k not in IDENTITY_FIELDS} if isinstance(sent, dict) else {}
    user.update(identity)
    value["user"] = user
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


@dataclass(slots=True)
class _Presence:
    owner: Hashable | None  # None once the owner has gone
    clock: int  # what the server forwards; strictly increasing
    owner_clock: int  # the last clock the owner itself sent
    state: str
    encoded: bytes
    updated_at: float


class PresenceTable:
    """The newest awareness entry of each client in one room, with its owner."""

    def __init__(self) -> None:
        self._entries: dict[int, _Presence] = {}
        self._owned_by: dict[Hashable, int] = {}

    def __len__(self) -> int:
        return sum(1 for entry in self._entries.values() if entry.state != _NULL)

    def apply(
        self,
        owner: Hashable,
        update: bytes,
        now: float | None = None,
        *,
        identity: Mapping[str, str] | None = None,
    ) -> list[int]:
        """Apply an update sent by `owner`; return the client ids that changed.

        Raises AwarenessError for malformed bytes or an unacceptable state of the
        owner's own entry; entries about other clients are silently ignored. With
        `identity`, the owner's state says who it is from there (`with_identity`).
        """
        now = time.monotonic() if now is None else now
        changed = []
        for entry in decode_awareness_update(update):
            own_id = self._owned_by.get(owner)
            if own_id is None:
                if entry.state == _NULL or not self._claimable(entry.client_id):
                    continue
                validate_state(entry.state)
                self._owned_by[owner] = entry.client_id
            elif entry.client_id != own_id:
                continue  # an echo of someone else's presence
            else:
                current = self._entries[own_id]
                if entry.clock < current.owner_clock or (
                    entry.clock == current.owner_clock and entry.state != _NULL
                ):
                    continue
                if entry.state != _NULL:
                    validate_state(entry.state)
            state = entry.state if identity is None else with_identity(entry.state, identity)
            self._set(entry.client_id, owner, entry.clock, state, now)
            changed.append(entry.client_id)
        return changed

    def apply_remote(self, origin: Hashable, entries: Iterable[AwarenessEntry], now: float) -> list[int]:
        """Apply entries relayed by another process, which already enforced ownership."""
        changed = []
        for entry in entries:
            current = self._entries.get(entry.client_id)
            if current is not None and entry.clock <= current.clock:
                continue
            if current is not None and current.owner is not None and current.owner != origin:
                self._owned_by.pop(current.owner, None)
            entry_owner = origin if entry.state != _NULL else None
            self._entries[entry.client_id] = _Presence(
                entry_owner,
                entry.clock,
                entry.clock,
                entry.state,
                encode_entry(entry.client_id, entry.clock, entry.state),
                now,
            )
            changed.append(entry.client_id)
        return changed

    def remove_owner(self, owner: Hashable, now: float | None = None) -> list[int]:
        """The owner left: mark its entry gone with a newer clock so every peer drops it."""
        client_id = self._owned_by.pop(owner, None)
        if client_id is None:
            return []
        entry = self._entries[client_id]
        entry.owner = None
        if entry.state == _NULL:
            return []
        self._update(entry, client_id, entry.clock + 1, _NULL, now)
        return [client_id]

    def expire(self, max_age: float, now: float | None = None) -> list[int]:
        """Drop live entries not renewed for `max_age` seconds (their owner is out of reach)."""
        now = time.monotonic() if now is None else now
        gone = []
        for client_id, entry in self._entries.items():
            if entry.state != _NULL and now - entry.updated_at > max_age:
                if entry.owner is not None:
                    self._owned_by.pop(entry.owner, None)
                    entry.owner = None
                self._update(entry, client_id, entry.clock + 1, _NULL, now)
                gone.append(client_id)
        return gone

    def drop_origin(self, origin: Hashable, now: float | None = None) -> list[int]:
        """Mark gone every live entry relayed by `origin` (a process that died or left)."""
        gone = []
        for client_id, entry in self._entries.items():
            if entry.owner == origin and entry.state != _NULL:
                entry.owner = None
                self._update(entry, client_id, entry.clock + 1, _NULL, now)
                gone.append(client_id)
        return gone

    def forget_tombstones(self, max_age: float, now: float | None = None) -> None:
        now = time.monotonic() if now is None else now
        stale = [
            client_id
            for client_id, entry in self._entries.items()
            if entry.state == _NULL and entry.owner is None and now - entry.updated_at > max_age
        ]
        for client_id in stale:
            del self._entries[client_id]

    def owner_of(self, client_id: int) -> Hashable | None:
        entry = self._entries.get(client_id)
        return entry.owner if entry else None

    def entry(self, client_id: int) -> AwarenessEntry | None:
        found = self._entries.get(client_id)
        return AwarenessEntry(client_id, found.clock, found.state) if found else None

    def encoded(self, client_id: int) -> bytes:
        return self._entries[client_id].encoded

    def owned_id(self, owner: Hashable) -> int | None:
        return self._owned_by.get(owner)

    def live_ids(self) -> list[int]:
        return [cid for cid, entry in self._entries.items() if entry.state != _NULL]

    def states(self) -> dict[int, object]:
        return {cid: json.loads(e.state) for cid, e in self._entries.items() if e.state != _NULL}

    def _claimable(self, client_id: int) -> bool:
        current = self._entries.get(client_id)
        return current is None or current.owner is None

    def _set(self, client_id: int, owner: Hashable, owner_clock: int, state: str, now: float) -> None:
        current = self._entries.get(client_id)
        if current is None:
            self._entries[client_id] = _Presence(
                owner, owner_clock, owner_clock, state, encode_entry(client_id, owner_clock, state), now
            )
            return
        current.owner = owner
        current.owner_clock = owner_clock
        self._update(current, client_id, max(owner_clock, current.clock + 1), state, now)

    @staticmethod
    def _update(entry: _Presence, client_id: int, clock: int, state: str, now: float | None) -> None:
        entry.clock = clock
        entry.state = state
        entry.encoded = encode_entry(client_id, clock, state)
        entry.updated_at = time.monotonic() if now is None else now
