"""Presence in real Chromium: a browser only ever sends its own awareness entry, and shows who is here."""

from __future__ import annotations

import asyncio
from typing import Any

from crdt.awareness import decode_awareness_update
from crdt.protocol import AwarenessMessage, decode_message
from tests.support.browser import People, run_async, wait_for_js, wait_until
from tests.support.rooms import room_url
from tests.support.server import ServerProcess
from tests.support.yclient import YClient


def test_a_browser_never_resends_other_peoples_presence(people: People, web_server: ServerProcess) -> None:
    page = people.open("/c/presence/motion", name="Alice Martin")
    sent: list[bytes] = []
    page.on("websocket", lambda ws: ws.on("framesent", lambda frame: sent.append(frame)))
    page.reload()  # the listener sees the sockets opened from now on
    wait_for_js(page, "window.ubiquite && window.ubiquite.rooms.motion.provider.synced")
    # The page joins two rooms (motion and mind map), each with a document of its own.
    own = set(
        page.evaluate(
            "[window.ubiquite.rooms.motion.doc.clientID, window.ubiquite.rooms.mindmap.doc.clientID]"
        )
    )

    page.evaluate("""() => {
      window.seenNames = new Set()
      const awareness = window.ubiquite.rooms.motion.awareness
      // What the visitor says changes in `typing`: its name is the server's (issue 12, item 5).
      const note = (state) => state.typing && window.seenNames.add(state.typing)
      awareness.on('change', () => awareness.getStates().forEach(note))
    }""")

    async def visit() -> None:
        async with YClient(room_url(web_server, "presence.motion")) as bot:
            for step in range(5):
                user = {"name": f"Robot {step}", "color": "#2e7d32", "id": "robot", "site": "remote"}
                state = {"user": {**user, "role": "participant"}, "page": "motion", "typing": user["name"]}
                await bot.set_presence(state)
                await asyncio.sleep(0.15)  # past the server's presence pacing, so each one is forwarded
            await asyncio.sleep(0.5)  # time for a stock client to echo them back

    run_async(visit)
    assert page.evaluate("window.seenNames.has('Robot 4')"), "the page received the visitor's presence"
    page.click(".cm-content")
    page.keyboard.type("Bonjour")  # moves Alice's cursor: her own presence changes and is sent
    wait_until(page, lambda: len(_awareness_entries(sent)) > 1, what="Alice's presence frames")
    assert {client for client, _ in _awareness_entries(sent)} == own


def _awareness_entries(frames: list[Any]) -> list[tuple[int, str]]:
    entries: list[tuple[int, str]] = []
    for frame in frames:
        if not isinstance(frame, bytes):
            continue
        message = decode_message(frame)
        if isinstance(message, AwarenessMessage):
            entries.extend((e.client_id, e.state) for e in decode_awareness_update(message.update))
    return entries
