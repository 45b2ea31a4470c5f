"""The broker as a room hook: publish what this process accepted, apply what others accepted."""

from __future__ import annotations

import logging
from collections.abc import Callable

from crdt.awareness import AwarenessEntry, encode_entry, join_entries
from crdt.protocol import ProtocolError
from server.broker.base import Broker, BrokerMessage, MessageKind
from server.errors import ConnectionRefused
from server.rooms import Origin, OriginKind, Room

log = logging.getLogger(__name__)


class BrokerRelay:
    def __init__(self, broker: Broker, find_room: Callable[[str], Room | None]) -> None:
        self.broker = broker
        self.find_room = find_room

    def on_update(self, room: Room, update: bytes, origin: Origin) -> None:
        if origin.kind is OriginKind.BROKER:
            return  # never republish what another process already published
        self.broker.publish(
            BrokerMessage(room.name, MessageKind.UPDATE, update, self.broker.node_id, origin.author)
        )

    def on_presence(self, room: Room, entries: list[AwarenessEntry], origin: Origin) -> None:
        if origin.kind is OriginKind.BROKER or not entries:
            return
        payload = join_entries([encode_entry(e.client_id, e.clock, e.state) for e in entries])
        self.broker.publish(BrokerMessage(room.name, MessageKind.PRESENCE, payload, self.broker.node_id))

    async def room_loaded(self, room: Room) -> None:
        await self.broker.subscribe(room.name, self.deliver)

    async def room_unloaded(self, room: Room) -> None:
        await self.broker.unsubscribe(room.name)

    def deliver(self, message: BrokerMessage) -> None:
        room = self.find_room(message.room)
        if room is None:
            return
        try:
            if message.kind is MessageKind.UPDATE:
                room.apply_update(message.payload, Origin(OriginKind.BROKER, message.author))
            else:
                room.apply_remote_presence(message.node, message.payload)
        except (ProtocolError, ConnectionRefused) as exc:
            log.error("room %s: message from process %s refused: %s", room.name, message.node, exc)
