"""The congress page: a welcome that says what to do now, in this phase and for this role, with big
entries to the pages that matter now, and the motion as it is.

The live editors come with the browser client; this page is what a person sees on arriving, and
stays their way in. The technical addresses (ws://…) are on the organisers' page, for developers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from server.clock import format_date
from server.congress.domain import PHASES, Identity, Phase, Role
from server.web import trusted
from server.web.guards import member
from server.web.language import language
from server.web.templates import render

if TYPE_CHECKING:
    from server.app import Services


@dataclass(frozen=True, slots=True)
class Entry:
    """A way in from the congress page: `key` names it (entry.{key}), `text` says what it is for."""

    key: str
    href: str
    text: str  # a key of pages.json
    primary: bool = False


def entries(slug: str, role: Role, phase: Phase) -> list[Entry]:
    """The pages a person opens now, the ones that matter in this phase first and marked primary."""
    base = f"/c/{slug}"
    writes = role is not Role.OBSERVER and phase is not Phase.PUBLISHED
    motion = Entry("motion", f"{base}/motion", "entry_text.motion_" + ("write" if writes else "read"))
    mindmap = Entry("mindmap", f"{base}/carte", "entry_text.mindmap_" + ("write" if writes else "read"))
    contributing = phase is Phase.CONTRIBUTIONS and role is not Role.OBSERVER
    mine = Entry(
        "contributions",
        f"{base}/contributions",
        "entry_text.contributions_" + ("write" if contributing else "read"),
    )
    public = Entry("public", f"/p/{slug}", "entry_text.public")
    projector = Entry("projector", f"{base}/projecteur", "entry_text.projector")
    order: list[tuple[Entry, bool]]
    if phase is Phase.CONTRIBUTIONS:
        order = [(mine, True), (motion, False), (mindmap, False)]
    elif phase is Phase.THEMES:
        order = [(mine, False), (mindmap, False), (motion, False)]
    elif phase is Phase.WRITING:
        order = [(mindmap, True), (motion, True), (mine, False)]
    else:
        order = [(motion, True), (public, True), (mindmap, False)]
    found = [
        Entry(e.key, e.href, e.text, primary)
        for e, primary in order
        if not (e.key == "contributions" and role is Role.OBSERVER)  # observers write none
    ]
    found.append(projector)
    if role is Role.ORGANISER:
        organise = Entry("organisation", f"{base}/organisation", "entry_text.organisation", True)
        found.insert(0, organise)
        found += [
            Entry("history", f"{base}/historique", "entry_text.history"),
            Entry("replay", f"{base}/rejouer", "entry_text.replay"),
        ]
    return found


async def congress_page(request: Request, services: Services, identity: Identity) -> Response:
    shown = await services.lobby.page(identity)
    congress, lang = shown.congress, language(request)
    phase = Phase(congress.phase)
    days = dict.fromkeys(d for d in (congress.starts_on, congress.ends_on) if d)
    context = {
        "title": congress.title,
        "congress": congress,
        "me": identity,
        "role": identity.role.value,
        "phase": phase.value,
        "step": PHASES.index(phase) + 1,
        "steps": len(PHASES),
        "dates": " – ".join(format_date(d, lang) for d in days),
        "entries": entries(congress.slug, identity.role, phase),
        "motion": shown.motion,
        "motion_html": trusted.markdown(shown.motion),
    }
    return render(request, "congress.html", context)


ROUTES = [Route("/c/{slug}", member(congress_page), methods=["GET"])]
