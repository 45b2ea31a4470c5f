"""The live rooms: the WebSocket endpoint, connections, rooms, fan-out, and their extensions.

endpoint.py (the /ws/{room} route) -> connection.py (one socket) -> room.py (one
document) -> fanout.py (to the room's other sockets) and extension.py (one
event per accepted update or presence change) -> extensions/persistence.py
(the update log) and extensions/relay.py (Redis, with extensions/peers.py).
rooms.py loads and unloads rooms; transport.py writes frames straight to
uvicorn's transports; metrics.py serves /metrics. The path of one keystroke:
docs/realtime.md.
"""
