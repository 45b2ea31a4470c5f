"""Organiser routes (JSON over HTTP): the congress, its people, their links, its phase, who is here.

Every route requires an organiser of that congress (server/web/guards.py); a
browser's cookie also needs the CSRF header on anything that changes state.
The work is server/congress/service.py Organising's; errors are answered by
server/web/errors.py.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from server.congress.dashboard import Live
from server.congress.domain import Identity, Phase
from server.congress.people import parse_person, parse_role
from server.congress.views import Closed, Here, Invitation, Person
from server.errors import BadRequest
from server.web.guards import any_organiser, organiser
from server.web.params import body, json_object, path_integer

if TYPE_CHECKING:
    from server.app import Services

# On GET …/connected: the list is this process's people only (the other processes could not be read).
PARTIAL_HEADER = "X-Ubiquite-Partial"


def link(request: Request, token: str) -> str:
    return f"{str(request.base_url).rstrip('/')}/i/{token}"


def person_json(request: Request, person: Person) -> dict[str, Any]:
    return {
        "id": person.id,
        "name": person.name,
        "role": person.role,
        "commune": person.commune,
        "department": person.department,
        "site": person.site,
        "contact": person.contact,
        "revoked": person.revoked,
        "shared_link": person.shared_link,
        "claimed": person.claimed,
        "link": link(request, person.token) if person.token else None,
        "connected": person.connected,
    }


def invitation_json(request: Request, invitation: Invitation) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": invitation.id,
        "role": invitation.role,
        "participant_id": invitation.participant_id,
        "expires_at": invitation.expires_at,
        "revoked": invitation.revoked,
        "link": None if invitation.revoked else link(request, invitation.token),
    }
    if invitation.person is not None:
        data["participant"] = {**person_json(request, invitation.person), "link": data["link"]}
    if invitation.names is not None:
        data["names"] = [{"id": m.id, "name": m.name, "claimed": m.claimed} for m in invitation.names]
    return data


def closed_json(closed: Closed) -> dict[str, Any]:
    return {"revoked": closed.revoked, "connections_closed": closed.connections_closed}


def here_json(here: Here) -> dict[str, Any]:
    return {
        "participant_id": here.participant_id,
        "name": here.name,
        "role": here.role,
        "site": here.site,
        "rooms": list(here.rooms),
        # The kinds of document open ("motion", "mindmap"), which the page names in words.
        "documents": sorted({room.rpartition(".")[2] for room in here.rooms}),
    }


def live_json(live: Live) -> dict[str, Any]:
    return {
        "phase": live.phase,
        "connected": {
            "people": len(live.here),
            "on_site": live.on_site,
            "remote": live.remote,
            **{f"{role}s": live.by_role(role) for role in ("organiser", "participant", "observer")},
        },
        "here": [here_json(h) for h in live.here],
        "contributions": live.contributions,
        "edits_per_minute": live.edits_per_minute,
        "at": live.at,
        # True while the other server processes cannot be read (Redis away): the figures of people
        # are this process's only, and the page says "vue partielle" (docs/organisers.md).
        "partial": live.partial,
    }


# -- the congress -------------------------------------------------------------------------


async def get_congress(request: Request, services: Services, identity: Identity) -> Any:
    return (await services.organising.show(identity)).json()


async def update_congress(request: Request, services: Services, identity: Identity) -> Any:
    data = await json_object(request)
    fields: dict[str, str | dt.date | None] = {}
    for name in ("title", "edition"):
        if name in data:
            fields[name] = str(data[name])[:200]
    for name in ("starts_on", "ends_on"):
        if name in data:
            try:
                fields[name] = dt.date.fromisoformat(data[name]) if data[name] else None
            except (TypeError, ValueError):
                raise BadRequest(f"{name} must be a date like 2026-11-23") from None
    return (await services.organising.update(identity, fields)).json()


async def change_phase(request: Request, services: Services, identity: Identity) -> Any:
    data = await json_object(request)
    try:
        target = Phase(str(data.get("phase")))
    except ValueError:
        raise BadRequest(f"phase must be one of {', '.join(p.value for p in Phase)}") from None
    return (await services.organising.change_phase(identity, target)).json()


async def create_congress(request: Request, services: Services, identity: Identity) -> Any:
    """A new congress (next year's edition); the organiser asking becomes its first organiser."""
    data = await json_object(request)
    congress, token = await services.organising.create_congress(
        identity, str(data.get("slug", "")), str(data.get("title", "")), str(data.get("edition", ""))
    )
    return {**congress.json(), "your_link": link(request, token)}


# -- people ---------------------------------------------------------------------------------


async def list_participants(request: Request, services: Services, identity: Identity) -> Any:
    return [person_json(request, p) for p in await services.organising.people(identity)]


async def add_participant(request: Request, services: Services, identity: Identity) -> Any:
    data = await json_object(request)
    person = parse_person({k: str(v) for k, v in data.items() if v is not None})
    return invitation_json(request, await services.organising.register(identity, person))


async def import_participants(request: Request, services: Services, identity: Identity) -> Any:
    invited = await services.organising.import_people(identity, await body(request, what="file"))
    return {"imported": len(invited), "invitations": [invitation_json(request, i) for i in invited]}


async def revoke_participant(request: Request, services: Services, identity: Identity) -> Any:
    participant = path_integer(request, "participant", "participant id")
    return closed_json(await services.organising.revoke_person(identity, participant))


async def new_link(request: Request, services: Services, identity: Identity) -> Any:
    participant = path_integer(request, "participant", "participant id")
    return invitation_json(request, await services.organising.new_link(identity, participant))


# -- invitations ----------------------------------------------------------------------------


async def list_invitations(request: Request, services: Services, identity: Identity) -> Any:
    return [invitation_json(request, i) for i in await services.organising.invitations(identity)]


async def create_shared_link(request: Request, services: Services, identity: Identity) -> Any:
    data = await json_object(request)
    names = data.get("names")
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise BadRequest("names must be a list of strings")
    role = parse_role(str(data.get("role", "participant")))
    return invitation_json(request, await services.organising.shared_link(identity, role, names))


async def revoke_invitation(request: Request, services: Services, identity: Identity) -> Any:
    invitation = request.path_params["invitation"]
    return closed_json(await services.organising.revoke_invitation(identity, invitation))


async def connected_now(request: Request, services: Services, identity: Identity) -> Any:
    """Everyone connected now, on every process; a list, as it always was, so a partial view (Redis
    away: this process's people only) is said in a header rather than in the body."""
    roll = await services.organising.connected(identity)
    headers = {PARTIAL_HEADER: "1"} if roll.partial else None
    return JSONResponse([here_json(h) for h in roll.here], headers=headers)


async def live_status(request: Request, services: Services, identity: Identity) -> Any:
    """What the organisers' page polls every few seconds (server/congress/dashboard.py)."""
    return live_json(await services.dashboard.live(identity))


ROUTES = [
    Route("/api/congresses", any_organiser(create_congress, 201), methods=["POST"]),
    Route("/api/congresses/{slug}", organiser(get_congress), methods=["GET"]),
    Route("/api/congresses/{slug}", organiser(update_congress), methods=["PATCH"]),
    Route("/api/congresses/{slug}/phase", organiser(change_phase), methods=["POST"]),
    Route("/api/congresses/{slug}/participants", organiser(list_participants), methods=["GET"]),
    Route("/api/congresses/{slug}/participants", organiser(add_participant, 201), methods=["POST"]),
    Route(
        "/api/congresses/{slug}/participants/import", organiser(import_participants, 201), methods=["POST"]
    ),
    Route(
        "/api/congresses/{slug}/participants/{participant}/revoke",
        organiser(revoke_participant),
        methods=["POST"],
    ),
    Route(
        "/api/congresses/{slug}/participants/{participant}/invitations",
        organiser(new_link, 201),
        methods=["POST"],
    ),
    Route("/api/congresses/{slug}/invitations", organiser(list_invitations), methods=["GET"]),
    Route("/api/congresses/{slug}/invitations", organiser(create_shared_link, 201), methods=["POST"]),
    Route(
        "/api/congresses/{slug}/invitations/{invitation}/revoke",
        organiser(revoke_invitation),
        methods=["POST"],
    ),
    Route("/api/congresses/{slug}/connected", organiser(connected_now), methods=["GET"]),
    Route("/api/congresses/{slug}/status", organiser(live_status), methods=["GET"]),
]
