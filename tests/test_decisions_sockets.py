"""Pen mode and the server-written rooms on the sockets, in this process: who is told what, and whose
edits the server keeps."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pycrdt import Doc, Map, Text
from starlette.testclient import TestClient, WebSocketTestSession
from starlette.websockets import WebSocketDisconnect

from crdt.motion import TEXT
from crdt.protocol import AuthMessage, Reader, SyncMessage, decode_message, encode_update
from server.app import create_app
from server.congress.domain import room_name
from server.settings import Settings
from tests.support.decisions import Hall, open_hall


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    data: Path = tmp_path_factory.mktemp("pen")
    settings = Settings.from_env({"UBIQUITE_DATA_DIR": str(data), "SECRET_KEY": "pen-tests"})
    with TestClient(create_app(settings), follow_redirects=False) as test_client:
        yield test_client


@pytest.fixture
def hall(client: TestClient) -> Hall:
    return open_hall(client)


def connect(hall: Hall, who: str, kind: str = "motion") -> Any:
    return hall.client.websocket_connect(f"/ws/{room_name(hall.slug, kind)}?token={hall.tokens[who]}")


def until_auth(socket: WebSocketTestSession) -> tuple[int, str]:
    """The next auth message's type and reason (sync messages before it are skipped)."""
    while True:
        message = decode_message(socket.receive_bytes())
        if isinstance(message, AuthMessage):
            reader = Reader(message.payload)
            return reader.read_var_uint(), reader.read_var_string()


def greeting(socket: WebSocketTestSession) -> list[Any]:
    """What the server sends a new socket before the document: up to its sync step 1."""
    seen = []
    while True:
        message = decode_message(socket.receive_bytes())
        seen.append(message)
        if isinstance(message, SyncMessage):
            return seen


def typed(hall: Hall, socket: WebSocketTestSession, words: str) -> None:
    """Send an edit as a client would: appended to the text by a fresh Yjs client."""
    doc: Doc[Any] = Doc()
    doc.apply_update(hall.services.rooms.find(room_name(hall.slug, "motion")).doc.get_update())
    made: list[bytes] = []
    doc.observe(lambda event: made.append(event.update))
    text = doc.get(TEXT, type=Text)
    text += words
    socket.send_bytes(encode_update(made[0]))


def test_pen_mode_turns_the_others_motion_sockets_read_only_and_back(hall: Hall) -> None:
    with (
        connect(hall, "chloe") as chloe,
        connect(hall, "bruno") as bruno,
        connect(hall, "chloe", "mindmap") as mindmap,
    ):
        for socket in (chloe, bruno, mindmap):
            assert not any(isinstance(m, AuthMessage) for m in greeting(socket))
        hall.api("organiser", "POST", "pen", {"on": True, "holders": [hall.ids["bruno"]]}).raise_for_status()
        assert until_auth(chloe) == (0, "pen")  # permission denied, with the reason the page words
        registry = hall.services.door.sockets
        states = {c.author: c.read_only for c in registry._identity if c.room_name.endswith(".motion")}
        assert states == {f"participant:{hall.ids['chloe']}": True, f"participant:{hall.ids['bruno']}": False}
        mind = [c for c in registry._identity if c.room_name.endswith(".mindmap")]
        assert [c.read_only for c in mind] == [False]  # the mind map is not affected
        before = hall.text()
        typed(hall, chloe, " (refusé)")
        with connect(hall, "chloe") as late:  # a page opened in pen mode starts read-only
            first = greeting(late)
            assert isinstance(first[0], AuthMessage) and Reader(first[0].payload).read_var_uint() == 0
        assert hall.text() == before  # her edit was dropped, as an observer's is
        typed(hall, bruno, " (gardé)")
        hall.api("organiser", "POST", "pen", {"on": False, "holders": []}).raise_for_status()
        assert until_auth(chloe) == (1, "pen")  # she may write again: told so
    deadline = time.monotonic() + 5
    while "(gardé)" not in hall.text() and time.monotonic() < deadline:
        time.sleep(0.02)
    assert hall.text().endswith(" (gardé)") and "(refusé)" not in hall.text()  # the holder's edit is kept


def test_the_server_written_rooms_take_no_client_edit_and_say_nothing(hall: Hall) -> None:
    hall.api("organiser", "POST", "pen", {"on": True, "holders": []}).raise_for_status()
    with connect(hall, "aline", "decisions") as socket:
        messages = greeting(socket)
        assert not any(isinstance(m, AuthMessage) for m in messages)
        doc: Doc[Any] = Doc()
        made: list[bytes] = []
        doc.observe(lambda event: made.append(event.update))
        doc.get("votes", type=Map)["1"] = '{"status": "closed", "version": 999}'
        socket.send_bytes(encode_update(made[0]))
        socket.send_bytes(encode_update(made[0]))
    room = hall.services.rooms.find(room_name(hall.slug, "decisions"))
    assert room is not None and "1" not in room.doc.get("votes", type=Map)
    assert '"on":true' in room.doc.get("pen", type=Map)["state"]
    with pytest.raises(WebSocketDisconnect) as refused, connect(hall, "aline", "tally") as tally:
        tally.receive_bytes()
    assert refused.value.code == 4403
