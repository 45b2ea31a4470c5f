"""Amendments, pen mode and votes over JSON (issue 15), under /api/c/{slug}/: docs/amendments.md.

Each route reads and bounds its body here (a field missing, of the wrong type
or out of bounds is `invalid`, naming the field), asks one service, and
answers its value's JSON. What members may not do (observers voting, a second
ballot, a closed vote) is the services' to refuse.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.routing import Route

from server.congress.domain import Identity
from server.decisions.amendments import Proposal
from server.decisions.errors import Invalid
from server.decisions.repository import CHOICES
from server.decisions.votes import Opening, Seen
from server.web.guards import member, organiser
from server.web.params import BIGGEST, json_object, path_integer

if TYPE_CHECKING:
    from server.app import Services

BODY_LIMIT = 128 * 1024  # the largest body here: a passage of 20,000 characters and its rewording
KINDS = ("replace", "insert")
SUBJECTS = ("amendment", "proposal", "axis", "motion")
MAX_HOLDERS = 1000


# -- reading bodies ---------------------------------------------------------------------------


async def _body(request: Request) -> dict[str, Any]:
    return await json_object(request, BODY_LIMIT)


def _text(data: dict[str, Any], name: str, low: int, high: int, default: str | None = None) -> str:
    value = data.get(name, default)
    if not isinstance(value, str) or not low <= len(value) <= high or (low and not value.strip()):
        raise Invalid(
            f"{name} must be a text of {low} to {high} characters", name, "rule_text", low=low, high=high
        )
    return value


def _choice(data: dict[str, Any], name: str, options: tuple[str, ...]) -> str:
    value = data.get(name)
    if value not in options:
        listed = ", ".join(options)
        raise Invalid(f"{name} must be one of {listed}", name, "rule_choice", options=listed)
    return str(value)


def _flag(data: dict[str, Any], name: str, default: bool | None = None) -> bool:
    value = data.get(name, default)
    if not isinstance(value, bool):
        raise Invalid(f"{name} must be true or false", name, "rule_boolean")
    return value


def _seconds(data: dict[str, Any], name: str, low: int, high: int) -> int | None:
    value = data.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise Invalid(
            f"{name} must be a whole number from {low} to {high}", name, "rule_number", low=low, high=high
        )
    return value


def _people(data: dict[str, Any], name: str) -> list[int]:
    value = data.get(name, [])
    if (
        not isinstance(value, list)
        or len(value) > MAX_HOLDERS
        or not all(isinstance(v, int) and not isinstance(v, bool) and 0 < v <= BIGGEST for v in value)
    ):
        raise Invalid(f"{name} must be a list of person ids", name, "rule_people", high=MAX_HOLDERS)
    return list(value)


# -- amendments --------------------------------------------------------------------------------


async def list_amendments(request: Request, services: Services, identity: Identity) -> Any:
    return (await services.amendments.list(identity)).json()


async def propose(request: Request, services: Services, identity: Identity) -> Any:
    data = await _body(request)
    kind = _choice(data, "kind", KINDS)
    inserting = kind == "insert"
    proposal = Proposal(
        kind=kind,
        start=_text(data, "start", 1, 100),
        end=_text(data, "end", 1, 100),
        expected=_text(data, "expected", 0, 0, "") if inserting else _text(data, "expected", 1, 20_000),
        text=_text(data, "text", 1, 2000),
        reason=_text(data, "reason", 0, 500, ""),
        axis=_text(data, "axis", 1 if inserting else 0, 200, None if inserting else ""),
    )
    return (await services.amendments.propose(identity, proposal)).json(supported_by_me=False)


async def support(request: Request, services: Services, identity: Identity) -> Any:
    on = request.method == "POST"
    amendment, mine = await services.amendments.support(identity, path_integer(request, "id"), on)
    return amendment.json(supported_by_me=mine)


async def withdraw(request: Request, services: Services, identity: Identity) -> Any:
    return await _mine(
        services, identity, await services.amendments.withdraw(identity, path_integer(request, "id"))
    )


async def accept(request: Request, services: Services, identity: Identity) -> Any:
    return await _mine(
        services, identity, await services.amendments.accept(identity, path_integer(request, "id"))
    )


async def reject(request: Request, services: Services, identity: Identity) -> Any:
    reason = _text(await _body(request), "reason", 0, 500, "")
    amendment = await services.amendments.reject(identity, path_integer(request, "id"), reason)
    return await _mine(services, identity, amendment)


async def _mine(services: Services, identity: Identity, amendment: Any) -> Any:
    supported = await services.amendments.supports(identity)
    return amendment.json(supported_by_me=amendment.id in supported)


# -- pen mode ----------------------------------------------------------------------------------


async def set_pen(request: Request, services: Services, identity: Identity) -> Any:
    data = await _body(request)
    pen = await services.pen.set(identity, _flag(data, "on"), _people(data, "holders"))
    return pen.json()


# -- votes -------------------------------------------------------------------------------------


def _vote_json(seen: Seen, identity: Identity) -> dict[str, Any]:
    return seen.vote.json(organiser=identity.is_organiser, my_choice=seen.my_choice)


async def list_votes(request: Request, services: Services, identity: Identity) -> Any:
    return {"votes": [_vote_json(seen, identity) for seen in await services.votes.list(identity)]}


async def get_vote(request: Request, services: Services, identity: Identity) -> Any:
    return _vote_json(await services.votes.get(identity, path_integer(request, "id")), identity)


async def open_vote(request: Request, services: Services, identity: Identity) -> Any:
    data = await _body(request)
    subject = data.get("subject")
    if not isinstance(subject, dict):
        raise Invalid("subject must be an object with kind and ref", "subject", "rule_object")
    kind = _choice(subject, "kind", SUBJECTS)
    ref = _text(subject, "ref", 0, 0, "") if kind == "motion" else _text(subject, "ref", 1, 500)
    opening = Opening(
        subject_kind=kind,
        subject_ref=ref,
        title=_text(data, "title", 1, 200),
        secret=_flag(data, "secret", False),
        duration_s=_seconds(data, "duration_s", 10, 86_400),
    )
    vote = await services.votes.open(identity, opening)
    return vote.json(organiser=True, my_choice=None)


async def ballot(request: Request, services: Services, identity: Identity) -> Any:
    choice = _choice(await _body(request), "choice", CHOICES)
    await services.votes.ballot(identity, path_integer(request, "id"), choice)
    return {"cast": True}


async def close_vote(request: Request, services: Services, identity: Identity) -> Any:
    vote = await services.votes.close(identity, path_integer(request, "id"))
    return _vote_json(await services.votes.get(identity, vote.id), identity)


async def projector(request: Request, services: Services, identity: Identity) -> Any:
    shown = _flag(await _body(request), "shown")
    vote = await services.votes.show(identity, path_integer(request, "id"), shown)
    return _vote_json(await services.votes.get(identity, vote.id), identity)


API = "/api/c/{slug}"
ROUTES = [
    Route(API + "/amendments", member(list_amendments), methods=["GET"]),
    Route(API + "/amendments", member(propose, 201), methods=["POST"]),
    Route(API + "/amendments/{id}/support", member(support), methods=["POST", "DELETE"]),
    Route(API + "/amendments/{id}/withdraw", member(withdraw), methods=["POST"]),
    Route(API + "/amendments/{id}/accept", organiser(accept), methods=["POST"]),
    Route(API + "/amendments/{id}/reject", organiser(reject), methods=["POST"]),
    Route(API + "/pen", organiser(set_pen), methods=["POST"]),
    Route(API + "/votes", member(list_votes), methods=["GET"]),
    Route(API + "/votes", organiser(open_vote, 201), methods=["POST"]),
    Route(API + "/votes/{id}", member(get_vote), methods=["GET"]),
    Route(API + "/votes/{id}/ballot", member(ballot, 201), methods=["POST"]),
    Route(API + "/votes/{id}/close", organiser(close_vote), methods=["POST"]),
    Route(API + "/votes/{id}/projector", organiser(projector), methods=["POST"]),
]
