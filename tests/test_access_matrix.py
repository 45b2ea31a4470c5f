"""Every identity over every route and both rooms, generated from the route table (issue 12, Tests).

Each endpoint declares what it asks of its caller (`endpoint.access`, set by the
guards of server/web/guards.py or by `requires(LEVEL)` where a route checks for
itself), so the expectation lives with the route. This test walks
server.app.routes(), every method, and asks each route as each identity: none,
forged, expired, revoked, an observer, a participant and an organiser of this
congress, an organiser of another. A route whose endpoint declares no level, or
a level this test does not know, fails it: a new route cannot be forgotten.

What is asserted is the door's answer, not the use case's: "in" (anything but a
refusal by the door, and never a 500), 401, or 403 from the door (its reasons
below). A 403 a service gives for its own rules (an observer writing, a closed
phase) is "in": the door let the person through. Observers' writes to member
routes are also checked to be refused by the service. In-process (Starlette's
TestClient), sockets included; tests/test_access.py does the same over a real
server, with what each identity reads and writes in the rooms.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from starlette.routing import BaseRoute, Mount, Route, WebSocketRoute
from starlette.testclient import TestClient
from starlette.websockets import WebSocketDisconnect

from server.app import create_app, routes
from server.congress.domain import Role
from server.congress.provision import admin
from server.routes.client import PAGES
from server.settings import Settings
from server.web import guards
from server.web.guards import access_of

IDENTITIES = (
    "none",
    "forged",
    "expired",
    "revoked",
    "observer",
    "participant",
    "organiser",
    "other_organiser",
)
NOBODY = ("none", "forged", "expired", "revoked")  # no valid credential
MEMBERS = ("observer", "participant", "organiser")
IN = "in"
DOOR_REASONS = {
    "not your congress",
    "organisers only",
    "invitation only",
    "cross-site request refused",
    "this link is for one person already",
}
SAFE = {"GET", "HEAD"}
ORIGIN = "http://testserver"


def _expect(
    nobody: object, other_organiser: object, observer: object, participant: object
) -> dict[str, object]:
    return {
        **dict.fromkeys(NOBODY, nobody),
        "other_organiser": other_organiser,
        "observer": observer,
        "participant": participant,
        "organiser": IN,
    }


# level → identity → the door's answer. Every level of guards.LEVELS must be here.
EXPECTED: dict[str, dict[str, object]] = {
    guards.PUBLIC: dict.fromkeys(IDENTITIES, IN),
    guards.MEMBER: _expect(401, 403, IN, IN),
    guards.MEMBER_PAGE: _expect(403, 403, IN, IN),  # one answer to whoever is not of the congress
    guards.ORGANISER: _expect(401, 403, 403, 403),
    guards.ANY_ORGANISER: _expect(401, IN, 403, 403),
    guards.LINK: _expect(401, IN, IN, IN),  # the path's token; "none" presents a token that is none
    guards.ROOM: _expect(4401, 4403, IN, IN),  # close codes before any byte of the document
    guards.OPERATOR: dict.fromkeys(IDENTITIES, 403),  # not loopback here, and no metrics token
}
# Where one method of a level answers otherwise: the name form of a link is for shared links
# (tests/test_invitations.py), so a personal link, whoever's, is refused there.
BY_METHOD: dict[tuple[str, str], dict[str, object]] = {
    (guards.LINK, "POST"): {**dict.fromkeys(IDENTITIES, 403), **dict.fromkeys(NOBODY, 401)},
}


@dataclass
class World:
    client: TestClient
    tokens: dict[str, str | None]
    values: dict[str, str]  # path parameter → a value of this congress


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    data_dir: Path = tmp_path_factory.mktemp("matrix")
    settings = Settings.from_env(
        {
            "UBIQUITE_DATA_DIR": str(data_dir),
            "SECRET_KEY": "matrix-tests-secret",
            "UBIQUITE_FAILED_ATTEMPTS": "1000000",  # hundreds of bad credentials from one address
        }
    )
    with admin(settings) as setup:
        congress = setup.ensure_congress("matrice", "Congrès de la matrice")
        other = setup.ensure_congress("ailleurs", "Un autre congrès")
        invited = {
            kind: setup.invite(congress, role, f"{kind.capitalize()} Matrice")
            for kind, role in [
                ("organiser", Role.ORGANISER),
                ("participant", Role.PARTICIPANT),
                ("observer", Role.OBSERVER),
                ("revoked", Role.PARTICIPANT),
                ("target", Role.PARTICIPANT),  # whom the organisers' per-person routes act on
            ]
        }
        revoked = invited["revoked"].person
        assert revoked is not None and revoked.id is not None and congress.id is not None
        setup.directory.revoke_participant(revoked.id)
        late = setup.invite(congress, Role.PARTICIPANT, "Expired Matrice").person
        assert late is not None and late.id is not None
        _, expired = setup.access.invite(congress.id, Role.PARTICIPANT, late.id, -60)
        stranger = setup.invite(other, Role.ORGANISER, "Organiser Ailleurs").token
    valid = invited["participant"].token
    tokens: dict[str, str | None] = {
        "none": None,
        "forged": valid[:-4] + ("AAAA" if not valid.endswith("AAAA") else "BBBB"),
        "expired": expired,
        "revoked": invited["revoked"].token,
        "other_organiser": stranger,
        **{kind: invited[kind].token for kind in MEMBERS},
    }
    target = invited["target"]
    assert target.person is not None
    with TestClient(create_app(settings), follow_redirects=False) as client:
        written = client.post(
            "/api/congresses/matrice/contributions",
            json={"title": "Une idée", "text": "Une idée de la matrice."},
            headers={"Authorization": f"Bearer {valid}", "Origin": ORIGIN},
        )
        assert written.status_code in (200, 201), written.text
        values = {
            "slug": "matrice",
            "participant": str(target.person.id),
            "invitation": target.invitation.id,
            "key": written.json()["id"],
            "format": "md",
            "page": next(iter(PAGES)),
            "id": "1",  # an amendment or vote (none yet: the door answers before the service)
        }
        yield World(client, tokens, values)


def _requests(route: BaseRoute, world: World) -> Iterator[tuple[str, str]]:
    """(method, path) for every method of an HTTP route, its parameters filled in."""
    if isinstance(route, Mount):
        yield "GET", route.path + "/ubiquite.css" if route.path == "/assets" else route.path + "/app.js"
        return
    assert isinstance(route, Route), route
    path = route.path
    for name, value in world.values.items():
        path = path.replace("{" + name + "}", value)
    for method in sorted(route.methods or {"GET"}):
        yield method, path


def _level(route: BaseRoute) -> str:
    endpoint = route.app if isinstance(route, Mount) else getattr(route, "endpoint", None)
    level = access_of(endpoint)
    where = getattr(route, "path", route)
    assert level is not None, f"{where}: its endpoint declares no access level (server/web/guards.py)"
    assert level in EXPECTED, f"{where}: access level {level!r} has no expectation in this test"
    return level


def test_every_route_declares_an_access_level_this_test_knows() -> None:
    assert set(EXPECTED) == set(guards.LEVELS)
    levels = [_level(route) for route in routes()]
    assert len(levels) == len(routes()) >= 60
    assert {guards.ORGANISER, guards.MEMBER, guards.PUBLIC, guards.ROOM} <= set(levels)


def _answer(world: World, identity: str, level: str, method: str, path: str) -> tuple[object, int]:
    """The door's answer (IN, 401 or 403) and the status."""
    token = world.tokens[identity]
    headers = {"Origin": ORIGIN}  # what a browser sends with a form; cookies are cleared each time
    if level == guards.LINK:
        path = path.replace("{token}", token or "not-a-token")
    elif token:
        headers["Authorization"] = f"Bearer {token}"
    content: bytes | None = None
    if method not in SAFE:
        if level == guards.MEMBER:
            content, headers["Content-Type"] = b"{}", "application/json"  # empty: nothing is written
        else:  # no route acts on this: not JSON, not a file, no name of ours
            content, headers["Content-Type"] = b"participant=0", "application/x-www-form-urlencoded"
    world.client.cookies.clear()
    response = world.client.request(method, path, headers=headers, content=content)
    world.client.cookies.clear()
    status = response.status_code
    assert status < 500 and status != 429, (identity, method, path, status, response.text[:300])
    if status == 401:
        return 401, status
    if status == 403:
        if method == "HEAD" or not response.headers.get("content-type", "").startswith("application/json"):
            return 403, status  # pages, plain text, no body: only the door answers 403 there
        if response.json().get("error") in DOOR_REASONS:
            return 403, status
    return IN, status  # let in; what the service then answers is its own rule


@pytest.mark.parametrize("identity", IDENTITIES)
def test_every_http_route_answers_each_identity_as_its_level_says(world: World, identity: str) -> None:
    wrong: list[str] = []
    asked = 0
    for route in routes():
        if isinstance(route, WebSocketRoute):
            continue
        level = _level(route)
        for method, path in _requests(route, world):
            got, status = _answer(world, identity, level, method, path)
            expected = BY_METHOD.get((level, method), EXPECTED[level])[identity]
            asked += 1
            if got != expected:
                wrong.append(f"{method} {path}: {got}, expected {expected}")
            elif level == guards.MEMBER and identity == "observer" and method not in SAFE and status < 400:
                wrong.append(f"{method} {path}: an observer's write answered {status}")  # read only
    assert not wrong, "\n".join(wrong)
    assert asked >= 70


def _knock(world: World, identity: str, room: str) -> object:
    token = world.tokens[identity]
    url = f"/ws/{room}" + (f"?token={token}" if token else "")
    try:
        with world.client.websocket_connect(url, headers={"Origin": ORIGIN}) as socket:
            first = socket.receive_bytes()  # the server's sync step 1: the room's state
            assert first
            return IN
    except WebSocketDisconnect as closed:
        return closed.code


@pytest.mark.parametrize("room", ["matrice.motion", "matrice.mindmap", "matrice.decisions"])
@pytest.mark.parametrize("identity", IDENTITIES)
def test_both_rooms_answer_each_identity_as_declared(world: World, identity: str, room: str) -> None:
    (socket_route,) = [r for r in routes() if isinstance(r, WebSocketRoute)]
    assert _level(socket_route) == guards.ROOM
    assert _knock(world, identity, room) == EXPECTED[guards.ROOM][identity]


@pytest.mark.parametrize("identity", IDENTITIES)
def test_the_live_tallies_are_the_organisers_room(world: World, identity: str) -> None:
    """Open votes' counts (issue 15): any other member is refused as from another congress."""
    expected = {**EXPECTED[guards.ROOM], "observer": 4403, "participant": 4403}[identity]
    assert _knock(world, identity, "matrice.tally") == expected


# Every route open to more than this congress's organisers, and to whom. The matrix above checks
# that each route does what its level says; this list makes widening a level a visible decision:
# a route moved from `organiser` to `member` (or a new public one) must be added here.
OPEN_ROUTES = {
    ("public", "GET HEAD", "/"),
    ("public", "GET HEAD", "/healthz"),
    ("operator", "GET HEAD", "/metrics"),
    ("room", "-", "/ws/{room}"),
    ("link", "GET HEAD", "/i/{token}"),
    ("link", "POST", "/i/{token}"),
    ("public", "POST", "/logout"),
    ("member", "GET HEAD", "/c/{slug}"),
    ("member", "GET HEAD", "/c/{slug}/contributions"),
    ("public", "-", "/assets"),
    ("any_organiser", "POST", "/api/congresses"),
    ("public", "GET HEAD", "/p/{slug}"),
    ("public", "GET HEAD", "/p/{slug}/motion.{format}"),
    ("any_organiser", "POST", "/api/archives"),
    ("member", "GET HEAD", "/api/congresses/{slug}/contributions"),
    ("member", "POST", "/api/congresses/{slug}/contributions"),
    ("member", "GET HEAD", "/api/congresses/{slug}/contributions/linked"),
    ("member", "GET HEAD", "/api/congresses/{slug}/contributions/{key}"),
    ("member", "PATCH", "/api/congresses/{slug}/contributions/{key}"),
    ("member", "DELETE", "/api/congresses/{slug}/contributions/{key}"),
    ("member_page", "GET HEAD", "/c/{slug}/{page}"),
    ("public", "GET HEAD", "/sw.js"),
    ("public", "GET HEAD", "/favicon.ico"),
    ("public", "GET HEAD", "/favicon.svg"),
    ("public", "-", "/static"),
    # Issue 15: every member reads amendments and votes; what observers may not do is the services'.
    ("member", "GET HEAD", "/api/c/{slug}/amendments"),
    ("member", "POST", "/api/c/{slug}/amendments"),
    ("member", "DELETE POST", "/api/c/{slug}/amendments/{id}/support"),
    ("member", "POST", "/api/c/{slug}/amendments/{id}/withdraw"),
    ("member", "GET HEAD", "/api/c/{slug}/votes"),
    ("member", "GET HEAD", "/api/c/{slug}/votes/{id}"),
    ("member", "POST", "/api/c/{slug}/votes/{id}/ballot"),
}


def test_only_the_known_routes_are_open_beyond_the_organisers() -> None:
    found = set()
    for route in routes():
        level = _level(route)
        if level != guards.ORGANISER:
            methods = " ".join(sorted(getattr(route, "methods", None) or [])) or "-"
            found.add((level, methods, getattr(route, "path", "")))
    assert found == OPEN_ROUTES
