"""The organisers' pages in the browser: the page that runs the day, and the printable invitations.

`/c/{slug}/organisation` is a server-rendered shell (templates/organiser.html and its sections in
templates/organiser/); `static/src/pages/organiser.js` talks to the JSON routes and polls the live
status. The words travel in a data attribute (data, not code, so the page's CSP still forbids every
inline script). `/c/{slug}/organisation/invitations` is the sheet of invitations to print, each
person's link as a QR code drawn on the server (server/web/trusted.py `qr_code`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from server.clock import format_date
from server.congress.domain import PHASES, Identity, Role, Site
from server.congress.views import Card, Congress
from server.errors import BadRequest
from server.routes.organiser import link
from server.web import trusted
from server.web.guards import PUBLIC, organiser, requires
from server.web.language import language
from server.web.params import optional_integer
from server.web.templates import render
from server.words import word, words

if TYPE_CHECKING:
    from server.app import Services

ASSETS = Path(__file__).resolve().parent.parent / "web" / "assets"
ROLES = tuple(r.value for r in Role)
SITES = tuple(s.value for s in Site)
# The pages an organiser opens from theirs, in the order the page lists them: (key, path after /c/{slug}).
PAGES = (
    ("motion", "/motion"),
    ("mindmap", "/carte"),
    ("projector", "/projecteur"),
    ("contributions", "/contributions"),
    ("themes", "/organisation/themes"),
    ("history", "/historique"),
    ("replay", "/rejouer"),
    ("compare", "/comparer"),
    ("congress", ""),
)


def congress_dates(congress: Congress, lang: str) -> str:
    """ "23 novembre 2026 – 24 novembre 2026", one day once, "" when none is known."""
    days = dict.fromkeys(d for d in (congress.starts_on, congress.ends_on) if d)
    return " – ".join(format_date(d, lang) for d in days)


async def organiser_page(request: Request, services: Services, identity: Identity) -> Response:
    slug, lang = identity.congress_slug, language(request)
    congress = await services.organising.show(identity)
    shown = words("organiser", lang)
    shown.update({f"phase.{p.value}": word(f"phase.{p.value}", lang) for p in PHASES})
    shown.update({f"role.{r}": word(f"role.{r}", lang) for r in ROLES})
    shown.update({f"site.{s}": word(f"site.{s}", lang) for s in SITES})
    config = {
        "slug": slug,
        "me": identity.participant_id,
        "words": shown,
        "lang": lang,
        "phase": congress.phase,
        "phases": [p.value for p in PHASES],
        "timeZone": services.settings.time_zone,  # dates in the congress's zone (server/clock.py)
    }
    base = str(request.base_url).rstrip("/")
    context = {
        "title": word("title", lang, "organiser"),
        "slug": slug,
        "congress": congress,
        "dates": congress_dates(congress, lang),
        "config": config,
        "phases": [p.value for p in PHASES],
        "pages": [(key, f"/c/{slug}{tail}") for key, tail in PAGES],
        "ws_base": base.replace("http", "ws", 1),
        "api_base": f"{base}/api/congresses/{slug}",
        "roles": ROLES,
        "sites": SITES,
    }
    return render(request, "organiser.html", context, area="organiser")


def _choice(request: Request, name: str, allowed: tuple[str, ...]) -> str:
    value = request.query_params.get(name, "")
    if value and value not in allowed:
        raise BadRequest(f"{name} must be one of {', '.join(allowed)}")
    return value


def _chosen(cards: list[Card], site: str, role: str, person: int | None) -> list[Card]:
    return [
        c
        for c in cards
        if (not site or c.person.site == site)
        and (not role or c.person.role == role)
        and (person is None or c.person.id == person)
    ]


async def invitations_sheet(request: Request, services: Services, identity: Identity) -> Response:
    """Everyone's invitation on A4 cards (2 × 4 a sheet), all of them, by site, role or one person."""
    lang = language(request)
    site, role = _choice(request, "site", SITES), _choice(request, "role", ROLES)
    person = optional_integer(request.query_params.get("person"), "person")
    congress = await services.organising.show(identity)
    everyone = await services.organising.invitation_cards(identity)
    chosen = _chosen(everyone, site, role, person)
    if person is not None and not chosen:
        raise BadRequest("no such participant in this congress")
    links = [link(request, c.token) if c.token else None for c in chosen]
    titles = [word("sheet_qr_title", lang, "organiser", name=c.person.name) for c in chosen]
    codes = iter(await trusted.qr_codes([(a, t) for a, t in zip(links, titles, strict=True) if a]))
    cards: list[dict[str, Any]] = [
        {"person": c.person, "shared": c.shared, "link": a, "qr": next(codes) if a else None}
        for c, a in zip(chosen, links, strict=True)
    ]
    context = {
        "title": word("sheet_title", lang, "organiser"),
        "slug": identity.congress_slug,
        "congress": congress,
        "cards": cards,
        "everyone": everyone,
        "chosen": {"site": site, "role": role, "person": person},
        "roles": ROLES,
        "sites": SITES,
    }
    return render(request, "invitations_sheet.html", context, area="organiser")


ROUTES = [
    Route("/c/{slug}/organisation", organiser(organiser_page), methods=["GET"]),
    Route("/c/{slug}/organisation/invitations", organiser(invitations_sheet), methods=["GET"]),
    Mount("/assets", requires(PUBLIC)(StaticFiles(directory=ASSETS)), name="assets"),
]
