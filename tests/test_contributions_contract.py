"""The contributions repository's contract, against the SQL store (SQLite, PostgreSQL) and its twin."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from server.congress.directory import Directory
from server.congress.domain import NewParticipant, Role
from server.contributions.memory import MemoryContributionStore
from server.contributions.models import ThemeRow, ThemeRunRow
from server.contributions.repository import ContributionRepository, Filter, ImportConflict, text_hash
from server.contributions.store import ContributionStore
from server.themes.contributions import Contribution
from tests.support.databases import KINDS, sql_engine, unique

pytestmark = pytest.mark.anyio


class Setup:
    def __init__(self, store: ContributionRepository, congress_id: int, author_id: int) -> None:
        self.store, self.congress, self.author = store, congress_id, author_id


@pytest.fixture(params=KINDS)
async def setup(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Setup]:
    """A congress and a participant (the SQL tables' foreign keys need them), and the store."""
    if request.param == "memory":
        yield Setup(MemoryContributionStore(), 1, 1)
        return
    async for engine in sql_engine(request.param, request, tmp_path):
        directory = Directory(engine)
        congress = directory.create_congress(unique(), "Congrès")
        assert congress.id is not None
        (person,) = directory.add_participants(congress.id, [NewParticipant("Aline", Role.PARTICIPANT)])
        assert person.id is not None
        yield Setup(ContributionStore(engine), congress.id, person.id)


async def test_count_is_of_one_congress_and_follows_withdrawals(setup: Setup) -> None:
    store, congress = setup.store, setup.congress
    assert store.count(congress) == 0
    first = store.add(congress, setup.author, "Aline", "Une idée", "Un texte", "")
    store.add(congress, setup.author, "Aline", "Une autre", "Un autre texte", "")
    assert store.count(congress) == 2 and store.count(congress + 1) == 0
    assert first.id is not None
    store.delete(first.id)
    assert store.count(congress) == 1


async def test_written_contributions_are_found_and_changed(setup: Setup) -> None:
    store, congress = setup.store, setup.congress
    first = store.add(
        congress, setup.author, "Aline", "Former les aidants", "Des ateliers en mairie", "Inclusion"
    )
    second = store.add(
        congress, setup.author, "Bruno", "Héberger en Europe", "Données publiques", "souveraineté"
    )
    assert first.id is not None and first.key.startswith("w") and first.source == "browser"
    assert store.get(congress, first.key) == first
    assert store.get(congress + 1, first.key) is None
    assert [r.key for r in store.search(congress)] == [first.key, second.key]
    assert [r.key for r in store.search(congress, Filter(query="ATELIERS mairie"))] == [first.key]
    assert [r.key for r in store.search(congress, Filter(query="bruno"))] == [second.key]
    assert [r.key for r in store.search(congress, Filter(query=second.key))] == [second.key]
    assert [r.key for r in store.search(congress, Filter(axis="inclusion"))] == [first.key]
    assert store.search(congress, Filter(source="import")) == []
    assert store.axes(congress) == ["Inclusion", "souveraineté"]
    assert {r.key for r in store.by_keys(congress, [second.key, "absent"])} == {second.key}

    changed = store.update(first.id, title="Former des aidants")
    assert changed.title == "Former des aidants" and changed.updated_at >= first.updated_at
    store.delete(first.id)
    store.delete(first.id)  # twice: nothing to do
    assert store.get(congress, first.key) is None


async def test_an_import_is_all_or_nothing(setup: Setup) -> None:
    store, congress = setup.store, setup.congress
    rows = [Contribution(f"r{i}", f"Titre {i}", f"Texte {i}", "Axe", "Camille") for i in range(5)]
    seen: list[tuple[int, int]] = []
    assert (
        store.import_all(congress, rows, progress=lambda done, total: seen.append((done, total)), batch=2)
        == 5
    )
    assert seen == [(2, 5), (4, 5), (5, 5)]
    imported = store.search(congress, Filter(source="import"))
    assert [r.key for r in imported] == [f"r{i}" for i in range(5)] and imported[0].author_name == "Camille"
    again = [Contribution("new", "Nouveau", "x"), Contribution("r3", "Doublon", "y")]
    with pytest.raises(ImportConflict) as refused:
        store.import_all(congress, again)
    assert [(p.line, "r3" in p.reason) for p in refused.value.problems] == [(2, True)]
    assert store.get(congress, "new") is None


async def test_vectors_are_kept_until_the_text_changes(setup: Setup) -> None:
    store, congress = setup.store, setup.congress
    row = store.add(congress, setup.author, "Aline", "Titre", "Un texte", "")
    titled = store.add(congress, setup.author, "Aline", "Seulement un titre", "", "")
    assert row.id is not None
    read = "Titre. Un texte"  # the encoders read the title and the text (encoder_input)
    assert store.unencoded_texts(congress) == ["Seulement un titre", read]
    assert store.save_vectors(congress, {}) == 0
    assert store.save_vectors(congress, {text_hash(read): b"\x01\x02", text_hash("autre"): b"\x03"}) == 1
    assert store.save_vectors(congress, {text_hash(read): b"\x01\x02"}) == 0  # already stored
    assert store.vectors(congress) == {text_hash(read): b"\x01\x02"}
    assert store.vectors(congress, encoder="e5") == {}  # each encoder's vectors apart
    assert store.unencoded_texts(congress, encoder="e5") == ["Seulement un titre", read]
    assert store.unencoded_texts(congress) == [titled.title]
    store.update(row.id, axis="Axe")  # what the encoders read is the same: the vector stays
    assert store.vectors(congress) == {text_hash(read): b"\x01\x02"}
    store.update(row.id, text="Un autre texte")
    assert text_hash("Titre. Un autre texte") not in store.vectors(congress)
    assert store.unencoded_texts(congress) == ["Seulement un titre", "Titre. Un autre texte"]
    assert store.save_vectors(congress, {text_hash("Titre. Un autre texte"): b"\x04"}) == 1  # replaced
    assert store.vectors(congress)[text_hash("Titre. Un autre texte")] == b"\x04"
    store.delete(row.id)
    assert store.vectors(congress) == {}


async def test_axes_are_replaced_in_order(setup: Setup) -> None:
    store, congress = setup.store, setup.congress
    assert store.congress_axes(congress) == []
    store.replace_congress_axes(congress, [("Inclusion", "L'accès de tous"), ("Données", "")])
    fresh = store.replace_congress_axes(
        congress, [("Sobriété", "Moins d'énergie"), ("Inclusion", "Pour tous")]
    )
    assert [(a.position, a.name, a.description) for a in fresh] == [
        (0, "Sobriété", "Moins d'énergie"),
        (1, "Inclusion", "Pour tous"),
    ]
    assert [(a.name, a.description) for a in store.congress_axes(congress)] == [
        ("Sobriété", "Moins d'énergie"),
        ("Inclusion", "Pour tous"),
    ]


async def test_a_merge_follows_what_was_merged_before(setup: Setup) -> None:
    store, congress = setup.store, setup.congress
    a, b, c = (store.add(congress, setup.author, "Aline", f"Idée {n}", "Texte", "") for n in "abc")
    store.merge_into(congress, b.key, c.key)
    store.merge_into(congress, a.key, b.key)  # c, merged into b, follows b into a
    merged = {r.key: r.merged_into for r in store.search(congress)}
    assert merged == {a.key: None, b.key: a.key, c.key: a.key}


async def test_themes_are_replaced_as_a_whole(setup: Setup) -> None:
    store, congress = setup.store, setup.congress
    assert store.themes(congress) == [] and store.run_info(congress) is None
    run = ThemeRunRow(congress_id=congress, ran_at=1.0, k=2, proposed_k=3, contributions=7, seconds=0.5)
    themes = [
        ThemeRow(congress_id=congress, position=9, name="Inclusion", words='["aidants"]', members="[]"),
        ThemeRow(congress_id=congress, position=9, name="", reviewed=True),
    ]
    fresh = store.replace_themes(congress, themes, run)
    assert [(t.position, t.name, t.reviewed) for t in fresh] == [(0, "Inclusion", False), (1, "", True)]
    assert [t.name for t in store.themes(congress)] == ["Inclusion", ""]
    info = store.run_info(congress)
    assert info is not None and (info.k, info.proposed_k, info.contributions) == (2, 3, 7)
    store.replace_themes(congress, [ThemeRow(congress_id=congress, position=0, name="Seul")], None)
    assert [t.name for t in store.themes(congress)] == ["Seul"]
    kept = store.run_info(congress)
    assert kept is not None and kept.ran_at == 1.0  # no new run given: the last one stays
    store.replace_themes(congress, [], ThemeRunRow(congress_id=congress, ran_at=2.0))
    again = store.run_info(congress)
    assert store.themes(congress) == [] and again is not None and again.ran_at == 2.0
