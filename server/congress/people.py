"""Reading a person's fields as organisers write them (French or English) into a NewParticipant."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

from server.congress.domain import DomainError, NewParticipant, Role, Site


def _key(value: str) -> str:
    """Lower case, no accents, no inclusive-writing dots: "Organisateur·rice" → "organisateurrice"."""
    text = unicodedata.normalize("NFKD", value.strip().casefold())
    return "".join(c for c in text if c.isalnum())


ROLES = {
    **{
        k: Role.ORGANISER
        for k in ("organiser", "organizer", "organisateur", "organisatrice", "organisateurrice")
    },
    **{
        k: Role.PARTICIPANT
        for k in ("participant", "participante", "participante", "congressiste", "elu", "elue")
    },
    **{
        k: Role.OBSERVER
        for k in ("observer", "observateur", "observatrice", "observateurrice", "presse", "press")
    },
}
SITES = {
    **{k: Site.ON_SITE for k in ("onsite", "surplace", "presentiel", "salle", "")},
    **{k: Site.REMOTE for k in ("remote", "adistance", "distance", "distanciel", "enligne")},
}
# Metropolitan departments 01–95 (with 2A and 2B for Corsica) and overseas 971–976.
DEPARTMENT = re.compile(r"(0[1-9]|[1-8][0-9]|9[0-5]|2[AB]|97[1-6])")
CONTACT = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+|\+?[0-9][0-9 .-]{7,19}")


def parse_role(value: str) -> Role:
    role = ROLES.get(_key(value))
    if role is None:
        raise DomainError(f"unknown role {value.strip()!r} (organisateur, participant, observateur)")
    return role


def parse_person(fields: Mapping[str, str]) -> NewParticipant:
    """Raise DomainError naming the first field that is wrong."""
    name = " ".join(fields.get("name", "").split())
    if not name:
        raise DomainError("name is empty")
    if len(name) > 200:
        raise DomainError("name is longer than 200 characters")
    role = parse_role(fields.get("role", "") or "participant")
    site_raw = fields.get("site", "")
    site = SITES.get(_key(site_raw))
    if site is None:
        raise DomainError(f"unknown site {site_raw.strip()!r} (sur place, à distance)")
    department = fields.get("department", "").strip().upper()
    if len(department) == 1 and department.isdigit():
        department = "0" + department  # spreadsheets drop the leading zero of "01"
    if department and not DEPARTMENT.fullmatch(department):
        raise DomainError(f"unknown department {department!r} (01–95, 2A, 2B, 971–976)")
    commune = " ".join(fields.get("commune", "").split())
    if len(commune) > 200:
        raise DomainError("commune is longer than 200 characters")
    contact = fields.get("contact", "").strip()
    if contact and not CONTACT.fullmatch(contact):
        raise DomainError(f"contact {contact!r} is neither an e-mail address nor a phone number")
    return NewParticipant(name, role, commune, department, site, contact)
