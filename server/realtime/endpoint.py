"""The WebSocket endpoint: the y-websocket protocol between one client and its room.

The edge of the live rooms: the only place where the document errors of
`crdt/` (and a store that cannot load the room) become close codes.
"""

from __future__ import annotations

import asyncio
import logging

from starlette.responses import PlainTextResponse
from starlette.websockets import WebSocket

from crdt.awareness import AwarenessError
from crdt.protocol import (
    AwarenessMessage,
    ProtocolError,
    QueryAwarenessMessage,
    SyncMessage,
    SyncType,
    decode_message,
    decode_state_vector,
    encode_permission_denied,
    encode_sync_step1,
    encode_sync_step2,
)
from crdt.updates import CausalGap, EngineFailure, TooDeep, UpdateError
from server.auth.door import Door
from server.congress.domain import SERVER_WRITES
from server.errors import (
    AccessDenied,
    BadMessage,
    CloseCode,
    ConnectionRefused,
    MessageTooBig,
    UnsupportedData,
)
from server.realtime.connection import Connection
from server.realtime.extension import EditsRefused, Origin, OriginKind
from server.realtime.held import HeldUpdates, HoldRefused
from server.realtime.room import Room, valid_room_name
from server.realtime.rooms import RoomManager
from server.settings import Limits
from server.store.base import StoreUnavailable

log = logging.getLogger(__name__)


async def refuse_handshake(websocket: WebSocket, status: int, reason: str, close_code: int) -> None:
    """Refuse before the upgrade: an HTTP answer where the server can send one, else a close."""
    log.warning("refused WebSocket %s from %s: %s", websocket.url.path, _peer(websocket), reason)
    if "websocket.http.response" in websocket.scope.get("extensions", {}):
        await websocket.send_denial_response(PlainTextResponse(reason + "\n", status_code=status))
    else:
        await websocket.close(close_code, reason)


async def sync_endpoint(websocket: WebSocket) -> None:
    services = websocket.app.state.services
    rooms: RoomManager = services.rooms
    limits: Limits = services.settings.limits
    name = websocket.path_params["room"]
    if not valid_room_name(name):
        await refuse_handshake(websocket, 400, "invalid room name", CloseCode.POLICY_VIOLATION)
        return
    door: Door = services.door
    if not door.origin_allowed(websocket):
        await refuse_handshake(websocket, 403, "origin not allowed", CloseCode.FORBIDDEN)
        return
    try:
        identity = await door.admit(websocket, name)
        connection = Connection(websocket, name, identity.author, limits, rooms.stats)
        door.sockets.add(connection, identity)  # the per-person limit; sets read_only for observers
    except AccessDenied as denied:
        # Accepted then closed, never denied over HTTP: a stock client sees the 44xx code and stops
        # reconnecting. Nothing of the document has been sent.
        log.warning("closing WebSocket %s from %s: %d %s", name, _peer(websocket), denied.code, denied.reason)
        await websocket.accept()
        await websocket.close(denied.code, denied.reason)
        return
    try:
        await websocket.accept()
        await _serve(websocket, rooms, connection, limits)
    finally:
        door.sockets.remove(connection)


async def _serve(websocket: WebSocket, rooms: RoomManager, connection: Connection, limits: Limits) -> None:
    try:
        room = await rooms.get(connection.room_name)
    except StoreUnavailable as exc:
        log.error("room %s could not be loaded: %s", connection.room_name, exc)
        await websocket.close(CloseCode.TRY_AGAIN_LATER, "the document store is unavailable, retry shortly")
        return
    room.join(connection)
    connection.start(direct=rooms.settings.direct_writes, serving=asyncio.current_task())
    _greet(room, connection)
    held = HeldUpdates()
    try:
        while not connection.closing:
            message = await websocket.receive()
            if message["type"] == "websocket.disconnect":
                break
            data = message.get("bytes")
            if data is None:
                raise UnsupportedData("text frames are not part of the y-websocket protocol")
            if len(data) > limits.max_message_bytes:
                raise MessageTooBig(f"message larger than {limits.max_message_bytes} bytes")
            connection.check_rate()
            if not room.ready.is_set():
                await room.ready.wait()
            handle_message(room, connection, data, held)
    except ConnectionRefused as refusal:
        connection.refuse(refusal)
    finally:
        held.clear()
        room.leave(connection)
        await connection.drain_and_close()


def _greet(room: Room, connection: Connection) -> None:
    """Open the sync: our state vector (the client answers with what we lack) and who is here.

    A read-only connection is told so first, before any of its edits could be dropped unseen."""
    if connection.read_only and connection.read_only_reason != SERVER_WRITES:
        connection.send(encode_permission_denied(connection.read_only_reason or "read-only"))
    connection.send(encode_sync_step1(room.doc.get_state()))
    if room.presence.live_ids():
        connection.send(room.presence_message())


def handle_message(room: Room, connection: Connection, data: bytes, held: HeldUpdates | None = None) -> None:
    """Act on one message; raise ConnectionRefused for anything the connection may not send.

    With `held`, an update that arrives before what it builds on waits there
    (server/realtime/held.py) instead of being refused at once.
    """
    try:
        message = decode_message(data)
    except ProtocolError as exc:
        raise BadMessage(f"malformed message: {exc}") from exc
    if isinstance(message, SyncMessage):
        if message.sync_type is SyncType.STEP1:
            connection.send(encode_sync_step2(_diff_for(room, message.payload)))
        elif not connection.read_only:
            _apply_client_update(room, connection, message.payload, held)
    elif isinstance(message, AwarenessMessage):
        try:
            room.apply_presence(connection, message.update)
        except AwarenessError as exc:
            raise BadMessage(f"awareness refused: {exc}") from exc
        except ProtocolError as exc:
            raise BadMessage(f"malformed awareness update: {exc}") from exc
    elif isinstance(message, QueryAwarenessMessage):
        connection.send(room.presence_message())
    # An auth message from a client carries nothing a server acts on.


def _diff_for(room: Room, state_vector: bytes) -> bytes:
    try:
        decode_state_vector(state_vector)
    except ProtocolError as exc:
        raise BadMessage(f"malformed state vector: {exc}") from exc
    return room.state_update(state_vector)


def _apply_client_update(room: Room, connection: Connection, update: bytes, held: HeldUpdates | None) -> None:
    try:
        _apply(room, connection, update)
    except CausalGap as gap:
        if held is None:
            raise BadMessage(f"update refused, causal gap: {gap}") from gap
        try:
            held.hold(update, gap, lambda: _held_expired(room, connection, held))
        except HoldRefused as exc:
            raise BadMessage(f"update refused, causal gap: {exc}") from exc
        connection.stats.updates_held += 1
        return
    if held:
        _release(room, connection, held)


def _release(room: Room, connection: Connection, held: HeldUpdates) -> None:
    """Apply every held update whose gap is filled now (each may fill another's)."""
    while (update := held.ready(room.clocks)) is not None:
        _apply(room, connection, update)


def _held_expired(room: Room, connection: Connection, held: HeldUpdates) -> None:
    """A held update's time is up: apply what can be, refuse (1007) what still waits."""
    if connection.closing:
        held.clear()
        return
    try:
        if room.ready.is_set():
            _release(room, connection, held)  # a relayed update may have filled the gap meanwhile
    except ConnectionRefused as refusal:
        held.clear()
        connection.refuse(refusal)
        return
    gap = held.expired()
    if gap is None:
        held.reschedule(lambda: _held_expired(room, connection, held))
        return
    held.clear()
    connection.refuse(
        BadMessage(f"update refused, causal gap not filled within {held.max_seconds:g} s: {gap}")
    )


def _apply(room: Room, connection: Connection, update: bytes) -> None:
    """Apply a client's update; a CausalGap passes through, every other refusal becomes a close code."""
    origin = Origin(OriginKind.CONNECTION, connection.author, connection)
    try:
        room.apply_update(update, origin)
    except CausalGap:
        raise
    except EditsRefused as exc:
        # The client keeps the edit and sends it again in the sync when it reconnects.
        raise ConnectionRefused(str(exc), CloseCode.TRY_AGAIN_LATER) from exc
    except TooDeep as exc:
        raise ConnectionRefused(f"update refused: {exc}", CloseCode.POLICY_VIOLATION) from exc
    except EngineFailure as exc:
        raise BadMessage("update refused by the document engine") from exc
    except UpdateError as exc:
        raise BadMessage(f"malformed update: {exc}") from exc


def _peer(websocket: WebSocket) -> str:
    return f"{websocket.client.host}:{websocket.client.port}" if websocket.client else "?"
