"""The congress directory's contract, run against the SQL directory (SQLite, PostgreSQL) and its twin."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from server.congress.directory import Directory
from server.congress.domain import DomainError, NewParticipant, Phase, Role, Site
from server.congress.memory import MemoryDirectory
from server.congress.models import CongressRow, ParticipantRow
from server.congress.repository import DirectoryRepository
from tests.support.databases import KINDS, sql_engine, unique

pytestmark = pytest.mark.anyio


@pytest.fixture(params=KINDS)
async def directory(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[DirectoryRepository]:
    if request.param == "memory":
        yield MemoryDirectory()
        return
    async for engine in sql_engine(request.param, request, tmp_path):
        yield Directory(engine)


def _people(*names: str, role: Role = Role.PARTICIPANT) -> list[NewParticipant]:
    return [NewParticipant(name, role, commune="Lyon") for name in names]


async def test_a_congress_comes_with_its_documents(directory: DirectoryRepository) -> None:
    slug = unique()
    congress = directory.create_congress(
        slug, "  Congrès  ", " 2026 ", dt.date(2026, 11, 23), dt.date(2026, 11, 24)
    )
    assert congress.id is not None and congress.title == "Congrès" and congress.edition == "2026"
    assert congress.phase == Phase.CONTRIBUTIONS.value
    assert [(d.kind, d.room) for d in directory.documents(congress.id)] == [
        ("motion", f"{slug}.motion"),
        ("mindmap", f"{slug}.mindmap"),
        ("decisions", f"{slug}.decisions"),  # written by the server alone (issue 15)
        ("tally", f"{slug}.tally"),
    ]
    found = directory.document_by_room(f"{slug}.mindmap")
    assert found is not None and found.congress_id == congress.id
    assert directory.document_by_room(f"{slug}.other") is None
    assert directory.congress(slug) == congress and directory.congress_by_id(congress.id) == congress
    assert directory.congress(unique()) is None
    assert slug in [c.slug for c in directory.congresses()]


async def test_bad_congresses_are_refused(directory: DirectoryRepository) -> None:
    slug = unique()
    directory.create_congress(slug, "Premier")
    with pytest.raises(DomainError, match="already exists"):
        directory.create_congress(slug, "Doublon")
    with pytest.raises(DomainError, match="invalid slug"):
        directory.create_congress("Pas.Bon", "X")
    with pytest.raises(DomainError, match="title"):
        directory.create_congress(unique(), "  ")
    with pytest.raises(DomainError, match="end before"):
        directory.create_congress(unique(), "X", "", dt.date(2026, 2, 2), dt.date(2026, 1, 1))
    assert [c.title for c in directory.congresses() if c.slug == slug] == ["Premier"]


async def test_a_congress_changes_and_moves_phase(directory: DirectoryRepository) -> None:
    congress = directory.create_congress(unique(), "Avant")
    assert congress.id is not None
    changed = directory.update_congress(congress.id, title="Après", starts_on=dt.date(2026, 1, 1))
    assert changed.title == "Après" and changed.starts_on == dt.date(2026, 1, 1)
    with pytest.raises(DomainError, match="cannot change"):
        directory.update_congress(congress.id, slug="autre")
    with pytest.raises(DomainError, match="end before"):
        directory.update_congress(congress.id, ends_on=dt.date(2025, 1, 1))
    stored = directory.congress_by_id(congress.id)
    assert stored is not None and stored.ends_on is None and stored.title == "Après"  # nothing half-done
    assert directory.set_phase(congress.id, Phase.THEMES).phase == Phase.THEMES.value
    with pytest.raises(DomainError, match="one step"):
        directory.set_phase(congress.id, Phase.PUBLISHED)
    with pytest.raises(DomainError, match="no such congress"):
        directory.set_phase(10**8, Phase.THEMES)
    changed.title = "changed by a caller"
    assert (directory.congress_by_id(congress.id) or changed).title == "Après"  # rows are detached


async def test_participants_are_listed_by_name_and_revoked_once(directory: DirectoryRepository) -> None:
    congress = directory.create_congress(unique(), "Congrès")
    assert congress.id is not None
    added = directory.add_participants(congress.id, _people("Chloé", "Aïcha", "Bruno"))
    assert all(p.id is not None for p in added) and [p.name for p in added] == ["Chloé", "Aïcha", "Bruno"]
    assert [p.name for p in directory.participants(congress.id)] == ["Aïcha", "Bruno", "Chloé"]
    assert directory.count_participants(congress.id) == 3
    assert directory.existing_names(congress.id) == {("chloé", "lyon"), ("aïcha", "lyon"), ("bruno", "lyon")}
    person = directory.participant(added[0].id or 0)
    assert person is not None and person.name == "Chloé" and person.site == Site.ON_SITE.value
    revoked = directory.revoke_participant(added[0].id or 0)
    assert revoked.revoked_at is not None
    assert directory.revoke_participant(added[0].id or 0).revoked_at == revoked.revoked_at
    assert ("chloé", "lyon") not in directory.existing_names(congress.id)
    assert directory.count_participants(congress.id) == 3  # still counted: the log names them
    with pytest.raises(DomainError, match="no such participant"):
        directory.revoke_participant(10**8)
    assert directory.participant(10**8) is None


async def test_a_name_on_a_shared_link_is_claimed_once(directory: DirectoryRepository) -> None:
    congress = directory.create_congress(unique(), "Congrès")
    assert congress.id is not None
    link = unique("i")
    directory.create_invitation(link, congress.id, Role.PARTICIPANT, None, int(time.time()) + 3600)
    first, second = directory.add_participants(congress.id, _people("Zoé", "Yann"), group_invitation_id=link)
    assert [p.name for p in directory.group_members(link)] == ["Yann", "Zoé"]
    assert directory.claim(first.id or 0, link).claimed_at is not None
    with pytest.raises(DomainError, match="already been chosen"):
        directory.claim(first.id or 0, link)
    with pytest.raises(DomainError, match="not on this link"):
        directory.claim(second.id or 0, unique("i"))
    directory.revoke_participant(second.id or 0)
    with pytest.raises(DomainError, match="not on this link"):
        directory.claim(second.id or 0, link)


async def test_invitations_and_sessions_make_credentials(directory: DirectoryRepository) -> None:
    congress = directory.create_congress(unique(), "Congrès")
    assert congress.id is not None
    (person,) = directory.add_participants(congress.id, _people("Aline"))
    assert person.id is not None
    first, later = unique("i"), unique("i")
    directory.create_invitation(first, congress.id, Role.ORGANISER, person.id, 2_000_000_000)
    time.sleep(0.01)  # invitations are listed by creation time
    invitation = directory.create_invitation(later, congress.id, Role.ORGANISER, person.id, 2_000_000_000)
    assert invitation.expires_at == 2_000_000_000.0 and invitation.role == Role.ORGANISER.value
    assert [i.id for i in directory.invitations(congress.id)] == [first, later]
    assert directory.revoke_invitation(first).revoked_at is not None
    with pytest.raises(DomainError, match="no such invitation"):
        directory.revoke_invitation(unique("i"))

    sid = unique("s")
    directory.create_session(sid, person.id, later, time.time() + 60)
    web_session, found, who, where = directory.credential(session_id=sid)
    assert web_session is not None and web_session.id == sid
    assert found is not None and found.id == later and who is not None and who.id == person.id
    assert where is not None and where.id == congress.id
    _none, by_token, who, where = directory.credential(invitation_id=first)
    assert _none is None and by_token is not None and by_token.revoked_at is not None and who is not None
    assert directory.credential(invitation_id=unique("i")) == (None, None, None, None)

    other = unique("s")
    directory.create_session(other, person.id, later, time.time() + 60)
    directory.end_session(sid)
    ended = directory.credential(session_id=sid)[0]
    assert ended is not None and ended.ended_at is not None
    assert directory.end_sessions_of(person.id) == 1  # the other one; the first had ended
    assert directory.end_sessions_of(person.id) == 0

    people, invitations, sessions, congresses = directory.rows_for([person.id, 10**8], [later], [sid, other])
    assert set(people) == {person.id} and set(invitations) == {later} and set(sessions) == {sid, other}
    assert set(congresses) == {congress.id}


async def test_an_archived_congress_comes_back_as_it_was_and_can_be_undone(
    directory: DirectoryRepository,
) -> None:
    slug = unique()
    archived = CongressRow(
        id=77,
        slug=slug,
        title="Archivé",
        edition="2025",
        starts_on=dt.date(2025, 11, 23),
        phase=Phase.PUBLISHED.value,
        created_at=1_700_000_000.0,
    )
    people = [
        ParticipantRow(id=5, congress_id=77, name="Zoé", role="organiser", created_at=1.0, revoked_at=2.0),
        ParticipantRow(
            id=3, congress_id=77, name="Aline", role="participant", commune="Lyon", created_at=1.5
        ),
    ]
    congress, rows = directory.import_congress(archived, people)
    assert congress.id is not None and congress.slug == slug
    assert (congress.phase, congress.created_at, congress.starts_on) == (
        "published",
        1_700_000_000.0,
        archived.starts_on,
    )
    assert [p.name for p in rows] == ["Zoé", "Aline"] and all(p.congress_id == congress.id for p in rows)
    assert rows[0].revoked_at == 2.0 and rows[1].commune == "Lyon"
    assert [p.name for p in directory.participants(congress.id)] == ["Aline", "Zoé"]
    assert [d.room for d in directory.documents(congress.id)] == [
        f"{slug}.{kind}" for kind in ("motion", "mindmap", "decisions", "tally")
    ]
    with pytest.raises(DomainError, match="already exists"):
        directory.import_congress(archived, [])

    directory.create_invitation(unique("i"), congress.id, Role.PARTICIPANT, rows[1].id, 2_000_000_000)
    directory.create_session(unique("s"), rows[1].id or 0, "i", 2_000_000_000.0)
    other = directory.create_congress(unique(), "Un autre")
    directory.delete_congress(congress.id)
    assert directory.congress(slug) is None and directory.participants(congress.id) == []
    assert directory.invitations(congress.id) == [] and directory.document_by_room(f"{slug}.motion") is None
    assert directory.congress(other.slug) is not None
    directory.import_congress(archived, [])  # the name is free again


async def test_pen_mode_names_its_holders_in_one_change(directory: DirectoryRepository) -> None:
    congress = directory.create_congress(unique(), "Congrès")
    assert congress.id is not None and not congress.pen_on and congress.pen_version == 0
    aline, bruno, presse = directory.add_participants(
        congress.id,
        [
            NewParticipant("Aline", Role.PARTICIPANT),
            NewParticipant("Bruno", Role.PARTICIPANT),
            NewParticipant("Presse", Role.OBSERVER),
        ],
    )
    changed, holders = directory.set_pen(congress.id, True, [bruno.id or 0, aline.id or 0])
    assert changed.pen_on and changed.pen_version == 1 and [p.name for p in holders] == ["Aline", "Bruno"]
    changed, holders = directory.set_pen(congress.id, True, [bruno.id or 0])
    assert [p.name for p in holders] == ["Bruno"] and changed.pen_version == 2
    person = directory.participant(aline.id or 0)
    assert person is not None and not person.pen_holder
    with pytest.raises(DomainError):
        directory.set_pen(congress.id, True, [presse.id or 0])  # observers never write
    other = directory.create_congress(unique(), "Autre")
    assert other.id is not None
    with pytest.raises(DomainError):
        directory.set_pen(other.id, True, [bruno.id or 0])  # not one of that congress
    stored = directory.congress_by_id(congress.id)
    assert stored is not None and stored.pen_on and stored.pen_version == 2  # refusals changed nothing
    off, holders = directory.set_pen(congress.id, False, [])
    assert not off.pen_on and holders == []
