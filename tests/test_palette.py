"""People's colours (server/palette.py): one per person of a congress, the same in presence and history."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from server import palette
from server.auth.access import AccessService
from server.auth.presence import presence_identity
from server.auth.tokens import TokenSigner
from server.congress.directory import Directory
from server.congress.domain import NewParticipant, Role
from server.history.present import Authors, passages_json
from server.store.sql import SqlStore

ROOT = Path(__file__).resolve().parents[1]


def _contrast_with_white(colour: str) -> float:
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(int(colour[i : i + 2], 16)) for i in (1, 3, 5))
    return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05)


def test_every_colour_carries_white_text_and_reads_on_white() -> None:
    for colour in (*palette.PEOPLE, palette.SERVER):
        assert _contrast_with_white(colour) >= 4.5, colour
    assert len(set(palette.PEOPLE)) == len(palette.PEOPLE) == 16


def test_the_pages_classes_are_the_same_list() -> None:
    css = (ROOT / "server" / "web" / "assets" / "ubiquite.css").read_text()
    in_css = dict(re.findall(r"\.(c\d+) \{ --c: (#[0-9a-f]{6}); \}", css))
    assert in_css == {f"c{i}": colour for i, colour in enumerate(palette.PEOPLE)}
    assert f".c-server {{ --c: {palette.SERVER}; }}" in css


def test_places_follow_registration_and_never_move() -> None:
    first = palette.ranks([40, 12, 31])
    assert first == {12: 0, 31: 1, 40: 2}
    later = palette.ranks([40, 12, 31, 57, 60])  # people added later take the next places
    assert {pid: later[pid] for pid in first} == first
    colours = [palette.person_colour(place) for place in palette.ranks(range(100, 116)).values()]
    assert len(set(colours)) == 16  # a congress of 16: 16 colours


@pytest.fixture
def directory(tmp_path: Path) -> Iterator[Directory]:
    store = SqlStore(f"sqlite:///{tmp_path / 'colours.db'}")
    store.start_blocking()
    yield Directory(store.engine)
    store.stop_blocking()


def test_sixteen_people_sixteen_colours_the_same_in_presence_and_history(directory: Directory) -> None:
    """With a hash of the author id into ten colours, 16 people had to share; and the history must
    show each person in the colour their presence showed."""
    directory.create_congress("other", "Un autre congrès")  # its people must not shift these places
    directory.add_participants(1, [NewParticipant(f"Ailleurs {i}", Role.PARTICIPANT) for i in range(5)])
    congress = directory.create_congress("couleurs", "Congrès 2026")
    assert congress.id is not None
    people = directory.add_participants(
        congress.id, [NewParticipant(f"Personne {i}", Role.PARTICIPANT) for i in range(16)]
    )
    access = AccessService(directory, TokenSigner("x" * 32), 3600)
    shown = {}
    for person in people:
        _, token = access.invite(congress.id, Role.PARTICIPANT, person.id, 3600)
        identity = access.identify_token(token)
        shown[identity.author] = presence_identity(identity)["color"]
    assert len(set(shown.values())) == 16

    ids = [p.id for p in directory.participants(congress.id) if p.id is not None]
    authors = Authors({}, {f"participant:{pid}": place for pid, place in palette.ranks(ids).items()})
    for author, colour in shown.items():
        (passage,) = passages_json([type("P", (), {"author": author, "text": "x"})()], authors)  # type: ignore[list-item]
        assert passage["colour"] == colour
        assert passage["css"] == f"c{palette.PEOPLE.index(colour)}"

    # Someone registered later takes the next colour; nobody else's changes.
    (late,) = directory.add_participants(congress.id, [NewParticipant("Arrivée tardive", Role.PARTICIPANT)])
    _, token = access.invite(congress.id, Role.PARTICIPANT, late.id, 3600)
    assert access.identify_token(token).colour == palette.PEOPLE[0]  # the 17th: the palette starts again
    for person in people:
        _, token = access.invite(congress.id, Role.PARTICIPANT, person.id, 3600)
        identity = access.identify_token(token)
        assert presence_identity(identity)["color"] == shown[identity.author]


def test_an_author_who_is_nobody_of_the_congress_is_grey() -> None:
    authors = Authors({"server:demo": "Ubiquité (démo)"}, {})
    assert authors.colour("server:demo") == palette.SERVER
    assert authors.css("server:demo") == "c-server"
