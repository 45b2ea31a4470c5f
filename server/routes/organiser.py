"""Organiser routes (JSON over HTTP): the congress, its people, their links, its phase, who is here.

Every route requires an organiser of that congress (server.auth.door); a
browser's cookie also needs the CSRF header on anything that changes state.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from server.congress.domain import DomainError, Identity, Phase, Role
from server.congress.models import CongressRow, InvitationRow, ParticipantRow
from server.congress.people import parse_person, parse_role
from server.congress.service import ImportRefused, Invited
from server.errors import AccessDenied, Forbidden

log = logging.getLogger(__name__)
MAX_BODY = 2 * 1024 * 1024

Handler = Callable[[Request, Any, Identity], Awaitable[Any]]


class BadRequest(DomainError):
    pass


def organiser_only(handler: Handler, status: int = 200) -> Callable[[Request], Awaitable[Response]]:
    async def endpoint(request: Request) -> Response:
        services = request.app.state.services
        try:
            identity = await services.door.organiser(request, request.path_params["slug"], request.method)
            return JSONResponse(await handler(request, services, identity), status_code=status)
        except AccessDenied as denied:
            return JSONResponse({"error": denied.reason}, status_code=denied.http_status)
        except ImportRefused as refused:
            rows = [{"line": e.line, "reason": e.reason} for e in refused.errors]
            return JSONResponse({"error": str(refused), "rows": rows}, status_code=422)
        except DomainError as exc:
            return JSONResponse({"error": str(exc)}, status_code=400)

    return endpoint


async def _json(request: Request) -> dict[str, Any]:
    body = await request.body()
    if len(body) > MAX_BODY:
        raise BadRequest("request too large")
    try:
        data = json.loads(body or b"{}")
    except ValueError:
        raise BadRequest("the body is not JSON") from None
    if not isinstance(data, dict):
        raise BadRequest("the body must be a JSON object")
    return data


def _link(request: Request, token: str) -> str:
    return f"{str(request.base_url).rstrip('/')}/i/{token}"


def congress_json(congress: CongressRow, documents: list[Any]) -> dict[str, Any]:
    return {
        "slug": congress.slug,
        "title": congress.title,
        "edition": congress.edition,
        "starts_on": congress.starts_on.isoformat() if congress.starts_on else None,
        "ends_on": congress.ends_on.isoformat() if congress.ends_on else None,
        "phase": congress.phase,
        "documents": [{"kind": d.kind, "room": d.room} for d in documents],
    }


def person_json(person: ParticipantRow, link: str | None, connected: bool) -> dict[str, Any]:
    return {
        "id": person.id,
        "name": person.name,
        "role": person.role,
        "commune": person.commune,
        "department": person.department,
        "site": person.site,
        "contact": person.contact,
        "revoked": person.revoked_at is not None,
        "shared_link": person.group_invitation_id,
        "claimed": person.claimed_at is not None,
        "link": link,
        "connected": connected,
    }


def invitation_json(request: Request, invitation: InvitationRow, token: str) -> dict[str, Any]:
    return {
        "id": invitation.id,
        "role": invitation.role,
        "participant_id": invitation.participant_id,
        "expires_at": invitation.expires_at,
        "revoked": invitation.revoked_at is not None,
        "link": None if invitation.revoked_at else _link(request, token),
    }


def _invited(request: Request, invited: Invited) -> dict[str, Any]:
    data = invitation_json(request, invited.invitation, invited.token)
    if invited.person is not None:
        data["participant"] = person_json(invited.person, data["link"], False)
    return data


async def _congress(services: Any, identity: Identity) -> CongressRow:
    congress: CongressRow | None = await asyncio.to_thread(
        services.directory.congress_by_id, identity.congress_id
    )
    if congress is None:
        raise Forbidden("not your congress")
    return congress


async def _person(services: Any, identity: Identity, participant_id: str) -> ParticipantRow:
    try:
        person = await asyncio.to_thread(services.directory.participant, int(participant_id))
    except ValueError:
        person = None
    if person is None or person.congress_id != identity.congress_id:
        raise BadRequest("no such participant in this congress")
    return person


# -- the congress -------------------------------------------------------------------------


async def get_congress(request: Request, services: Any, identity: Identity) -> Any:
    congress = await _congress(services, identity)
    documents = await asyncio.to_thread(services.directory.documents, identity.congress_id)
    return congress_json(congress, documents)


async def update_congress(request: Request, services: Any, identity: Identity) -> Any:
    data = await _json(request)
    fields: dict[str, Any] = {}
    for name in ("title", "edition"):
        if name in data:
            fields[name] = str(data[name])[:200]
    for name in ("starts_on", "ends_on"):
        if name in data:
            try:
                fields[name] = dt.date.fromisoformat(data[name]) if data[name] else None
            except (TypeError, ValueError):
                raise BadRequest(f"{name} must be a date like 2026-11-23") from None
    await asyncio.to_thread(services.directory.update_congress, identity.congress_id, **fields)
    return await get_congress(request, services, identity)


async def change_phase(request: Request, services: Any, identity: Identity) -> Any:
    data = await _json(request)
    try:
        target = Phase(str(data.get("phase")))
    except ValueError:
        raise BadRequest(f"phase must be one of {', '.join(p.value for p in Phase)}") from None
    await asyncio.to_thread(services.directory.set_phase, identity.congress_id, target)
    log.info(
        "congress %s moved to phase %s by participant %d",
        identity.congress_slug,
        target.value,
        identity.participant_id,
    )
    services.door.sockets.refresh_congress(identity.congress_id)  # frozen or unfrozen at once
    return await get_congress(request, services, identity)


# -- people ---------------------------------------------------------------------------------


async def list_participants(request: Request, services: Any, identity: Identity) -> Any:
    congress = await _congress(services, identity)
    people = await asyncio.to_thread(services.directory.participants, identity.congress_id)
    links = await asyncio.to_thread(services.organising.current_links, congress)
    here = {p.identity.participant_id for p in services.door.sockets.connected(identity.congress_id)}
    return [
        person_json(p, _link(request, links[p.id].token) if p.id in links else None, p.id in here)
        for p in people
    ]


async def add_participant(request: Request, services: Any, identity: Identity) -> Any:
    congress = await _congress(services, identity)
    person = parse_person({k: str(v) for k, v in (await _json(request)).items() if v is not None})
    invited = await asyncio.to_thread(services.organising.add_person, congress, person)
    return _invited(request, invited)


async def import_participants(request: Request, services: Any, identity: Identity) -> Any:
    congress = await _congress(services, identity)
    body = await request.body()
    if len(body) > MAX_BODY:
        raise BadRequest("file too large")
    invited = await asyncio.to_thread(services.organising.import_csv, congress, body)
    log.info("%d participants imported into %s", len(invited), identity.congress_slug)
    return {"imported": len(invited), "invitations": [_invited(request, i) for i in invited]}


async def revoke_participant(request: Request, services: Any, identity: Identity) -> Any:
    person = await _person(services, identity, request.path_params["participant"])
    if person.id == identity.participant_id:
        raise BadRequest("you cannot revoke yourself")
    await asyncio.to_thread(services.directory.revoke_participant, person.id)
    await asyncio.to_thread(services.directory.end_sessions_of, person.id)
    closed = services.door.sockets.disconnect(lambda i: i.participant_id == person.id, "access revoked")
    log.info("participant %s revoked by participant %d", person.id, identity.participant_id)
    return {"revoked": person.id, "connections_closed": closed}


async def new_link(request: Request, services: Any, identity: Identity) -> Any:
    person = await _person(services, identity, request.path_params["participant"])
    return _invited(request, await asyncio.to_thread(services.organising.invite_person, person))


# -- invitations ----------------------------------------------------------------------------


async def list_invitations(request: Request, services: Any, identity: Identity) -> Any:
    rows = await asyncio.to_thread(services.directory.invitations, identity.congress_id)
    result = []
    for row in rows:
        item = invitation_json(request, row, services.door.access.token_of(row))
        if row.participant_id is None:
            members = await asyncio.to_thread(services.directory.group_members, row.id)
            item["names"] = [
                {"id": m.id, "name": m.name, "claimed": m.claimed_at is not None} for m in members
            ]
        result.append(item)
    return result


async def create_shared_link(request: Request, services: Any, identity: Identity) -> Any:
    data = await _json(request)
    names = data.get("names")
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise BadRequest("names must be a list of strings")
    congress = await _congress(services, identity)
    role = parse_role(str(data.get("role", "participant")))
    invited, people = await asyncio.to_thread(services.organising.invite_group, congress, role, names)
    result = _invited(request, invited)
    result["names"] = [{"id": p.id, "name": p.name, "claimed": False} for p in people]
    return result


async def revoke_invitation(request: Request, services: Any, identity: Identity) -> Any:
    invitation_id = request.path_params["invitation"]
    row = await asyncio.to_thread(services.directory.invitation, invitation_id)
    if row is None or row.congress_id != identity.congress_id:
        raise BadRequest("no such invitation in this congress")
    if row.participant_id == identity.participant_id and identity.invitation_id == row.id:
        raise BadRequest("this is the link you are signed in with")
    await asyncio.to_thread(services.directory.revoke_invitation, invitation_id)
    closed = services.door.sockets.disconnect(
        lambda i: i.invitation_id == invitation_id, "invitation revoked"
    )
    return {"revoked": invitation_id, "connections_closed": closed}


async def connected_now(request: Request, services: Any, identity: Identity) -> Any:
    return [
        {
            "participant_id": p.identity.participant_id,
            "name": p.identity.name,
            "role": p.identity.role.value,
            "rooms": p.rooms,
        }
        for p in services.door.sockets.connected(identity.congress_id)
    ]


async def create_congress(request: Request) -> Response:
    """A new congress (next year's edition); the organiser asking becomes its first organiser."""
    services = request.app.state.services
    try:
        organiser = await services.door.any_organiser(request, request.method)
        data = await _json(request)
        me = await asyncio.to_thread(services.directory.participant, organiser.participant_id)
        congress = await asyncio.to_thread(
            services.directory.create_congress,
            str(data.get("slug", "")),
            str(data.get("title", "")),
            str(data.get("edition", "")),
        )
        invited = await asyncio.to_thread(
            services.organising.add_person,
            congress,
            parse_person(
                {
                    "name": me.name,
                    "role": Role.ORGANISER.value,
                    "commune": me.commune,
                    "department": me.department,
                    "site": me.site,
                    "contact": me.contact,
                }
            ),
        )
    except AccessDenied as denied:
        return JSONResponse({"error": denied.reason}, status_code=denied.http_status)
    except DomainError as exc:
        return JSONResponse({"error": str(exc)}, status_code=400)
    documents = await asyncio.to_thread(services.directory.documents, congress.id)
    return JSONResponse(
        {**congress_json(congress, documents), "your_link": _invited(request, invited)["link"]},
        status_code=201,
    )


ROUTES = [
    Route("/api/congresses", create_congress, methods=["POST"]),
    Route("/api/congresses/{slug}", organiser_only(get_congress), methods=["GET"]),
    Route("/api/congresses/{slug}", organiser_only(update_congress), methods=["PATCH"]),
    Route("/api/congresses/{slug}/phase", organiser_only(change_phase), methods=["POST"]),
    Route("/api/congresses/{slug}/participants", organiser_only(list_participants), methods=["GET"]),
    Route("/api/congresses/{slug}/participants", organiser_only(add_participant, 201), methods=["POST"]),
    Route(
        "/api/congresses/{slug}/participants/import",
        organiser_only(import_participants, 201),
        methods=["POST"],
    ),
    Route(
        "/api/congresses/{slug}/participants/{participant}/revoke",
        organiser_only(revoke_participant),
        methods=["POST"],
    ),
    Route(
        "/api/congresses/{slug}/participants/{participant}/invitations",
        organiser_only(new_link, 201),
        methods=["POST"],
    ),
    Route("/api/congresses/{slug}/invitations", organiser_only(list_invitations), methods=["GET"]),
    Route("/api/congresses/{slug}/invitations", organiser_only(create_shared_link, 201), methods=["POST"]),
    Route(
        "/api/congresses/{slug}/invitations/{invitation}/revoke",
        organiser_only(revoke_invitation),
        methods=["POST"],
    ),
    Route("/api/congresses/{slug}/connected", organiser_only(connected_now), methods=["GET"]),
]
