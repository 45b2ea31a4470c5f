"""The Redis relay as an extension: publish what this process accepted, apply what others accepted, catch up.

The broker may lose messages (Redis pub/sub is at-most-once; see
server/broker/redis.py). A room catches up with the other processes by the
y-websocket handshake, run between processes over the broker: it publishes
its state vector (SYNC_STEP1) and every process holding the room answers with
what it lacks (SYNC_STEP2, addressed to it) and with its own state vector, so
that what only the asking process holds flows back the same way. Deletions do
not show in state vectors, so an answer always carries the whole delete set.
A room catches up:

- right after it is loaded: what others published before this process had
  subscribed, and not yet stored, is not in the log it was loaded from;
- whenever the broker link comes back after a loss;
- when an update relayed by another process does not build on what the room
  holds (CausalGap: something before it was lost).

Presence rides along: each catch-up also publishes this process's own
entries. Nothing relayed is ever published again or logged here: the process
that accepted an update logs it (extensions/peers.py covers one that died first).
The relay knows the rooms it was told were loaded, and reads nothing of the
log: a published update carries the sequence number of its event.
"""

from __future__ import annotations

import asyncio
import logging
import time

from crdt.awareness import encode_entry, join_entries
from crdt.protocol import ProtocolError, decode_state_vector
from crdt.updates import CausalGap
from server.broker.base import Broker, BrokerMessage, MessageKind
from server.realtime.extension import BaseExtension, Origin, OriginKind, PresenceChanged, UpdateAccepted
from server.realtime.extensions.peers import PeerWatch
from server.realtime.room import Room

log = logging.getLogger(__name__)

# After a gap, further gapped updates keep arriving until the answer does: ask
# again at most this often per room.
CATCH_UP_SPACING = 0.5


class BrokerRelay(BaseExtension):
    def __init__(self, broker: Broker, peers: PeerWatch | None = None) -> None:
        self.broker = broker
        self.peers = peers
        self.rooms: dict[str, Room] = {}  # loaded in this process, ready or not
        self.catch_ups = 0
        self._last_catch_up: dict[str, float] = {}
        self._later: dict[str, asyncio.TimerHandle] = {}
        self._waiting: set[asyncio.Task[None]] = set()
        broker.on_reconnect(self.link_restored)
        if peers is not None:
            peers.on_gone.append(self.node_gone)

    def find_room(self, name: str) -> Room | None:
        """The room if it is loaded here and ready."""
        room = self.rooms.get(name)
        return room if room is not None and room.ready.is_set() else None

    # -- Extension -------------------------------------------------------------------

    def on_update(self, event: UpdateAccepted) -> None:
        origin = event.origin
        if origin.kind is OriginKind.BROKER:
            return  # never republish what another process already published
        self.broker.publish(
            BrokerMessage(
                event.room.name,
                MessageKind.UPDATE,
                event.update,
                self.broker.node_id,
                origin.author,
                seq=event.seq,
            )
        )

    def on_presence(self, event: PresenceChanged) -> None:
        if event.origin.kind is OriginKind.BROKER or not event.entries:
            return
        payload = join_entries([encode_entry(e.client_id, e.clock, e.state) for e in event.entries])
        self.broker.publish(
            BrokerMessage(event.room.name, MessageKind.PRESENCE, payload, self.broker.node_id)
        )

    async def room_loaded(self, room: Room) -> None:
        self.rooms[room.name] = room
        await self.broker.subscribe(room.name, self.deliver)
        # The room is not ready yet: catch up once its document is loaded.
        task = asyncio.create_task(self._catch_up_when_ready(room), name=f"catch-up-{room.name}")
        self._waiting.add(task)
        task.add_done_callback(self._waiting.discard)

    async def room_unloaded(self, room: Room) -> None:
        if self.rooms.get(room.name) is room:
            del self.rooms[room.name]
        await self.broker.unsubscribe(room.name)
        self._last_catch_up.pop(room.name, None)
        handle = self._later.pop(room.name, None)
        if handle is not None:
            handle.cancel()

    async def _catch_up_when_ready(self, room: Room) -> None:
        await room.ready.wait()
        self.catch_up(room)

    # -- catching up -----------------------------------------------------------------

    def link_restored(self) -> None:
        for room in list(self.rooms.values()):
            if room.ready.is_set():
                self.catch_up(room)

    def node_gone(self, node: str) -> None:
        """Another process is gone (extensions/peers.py): so is the presence of its connections."""
        for room in list(self.rooms.values()):
            room.forget_node(node)

    def catch_up(self, room: Room) -> None:
        """Ask every other process for what this room lacks, and tell them who is here."""
        self.catch_ups += 1
        self._last_catch_up[room.name] = time.monotonic()
        me = self.broker.node_id
        self.broker.publish(BrokerMessage(room.name, MessageKind.SYNC_STEP1, room.doc.get_state(), me))
        presence = room.local_presence()
        if presence is not None:
            self.broker.publish(BrokerMessage(room.name, MessageKind.PRESENCE, presence, me))

    def _gap(self, room: Room, exc: CausalGap, node: str) -> None:
        if room.name in self._later:
            return
        wait = self._last_catch_up.get(room.name, 0.0) + CATCH_UP_SPACING - time.monotonic()
        log.info("room %s: update from process %s skips ahead (%s); catching up", room.name, node, exc)
        if wait <= 0:
            self.catch_up(room)
            return

        def later() -> None:
            self._later.pop(room.name, None)
            current = self.find_room(room.name)
            if current is not None:
                self.catch_up(current)

        self._later[room.name] = asyncio.get_running_loop().call_later(wait, later)

    # -- what other processes send ------------------------------------------------------

    def deliver(self, message: BrokerMessage) -> None:
        room = self.find_room(message.room)
        if room is None:
            return  # still loading: the catch-up after the load covers what is dropped here
        if message.target and message.target != self.broker.node_id:
            return
        try:
            if message.kind is MessageKind.UPDATE:
                if self.peers is not None:
                    self.peers.relayed(message)
                self._apply(room, message)
            elif message.kind is MessageKind.PRESENCE:
                room.apply_remote_presence(message.node, message.payload)
            elif message.kind is MessageKind.SYNC_STEP1:
                self._answer(room, message)
            elif message.kind is MessageKind.SYNC_STEP2:
                self._apply(room, message)
        except ProtocolError as exc:  # UpdateError and AwarenessError among them
            log.error("room %s: message from process %s refused: %s", room.name, message.node, exc)

    def _apply(self, room: Room, message: BrokerMessage) -> None:
        try:
            room.apply_update(message.payload, Origin(OriginKind.BROKER, message.author or message.node))
        except CausalGap as exc:
            self._gap(room, exc, message.node)

    def _answer(self, room: Room, message: BrokerMessage) -> None:
        decode_state_vector(message.payload)  # raises ProtocolError on garbage
        me = self.broker.node_id
        diff = room.state_update(message.payload)
        self.broker.publish(BrokerMessage(room.name, MessageKind.SYNC_STEP2, diff, me, target=message.node))
        if message.target:
            return  # this step 1 was itself an answer: the exchange is complete
        self.broker.publish(
            BrokerMessage(room.name, MessageKind.SYNC_STEP1, room.doc.get_state(), me, target=message.node)
        )
        presence = room.local_presence()
        if presence is not None:
            self.broker.publish(BrokerMessage(room.name, MessageKind.PRESENCE, presence, me))
