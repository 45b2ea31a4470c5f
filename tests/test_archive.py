"""Archive: a congress's history exported, then imported into a fresh database, replays identically.

And a bad or partial file is refused with a clear error, leaving the database untouched.
"""

from __future__ import annotations

import hashlib
import io
import random
import zipfile
from pathlib import Path
from typing import Any

import pytest
from pycrdt import Doc, Map, Text
from sqlmodel import Session, func, select

from server.archive.format import ArchiveRefused
from server.archive.service import Archives
from server.congress.directory import Directory
from server.congress.domain import NewParticipant, Role
from server.congress.models import CongressRow, ParticipantRow
from server.history.models import VersionRow
from server.publication.models import PublicationRow
from server.publication.versions import motion_at
from server.store.base import NewUpdate
from server.store.models import CheckpointRow, UpdateRow
from server.store.sql import SqlStore

pytestmark = pytest.mark.anyio
NAMES = ["Aïcha Benali", "Bruno Petit", "Chloé Martin"]


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


async def _store(path: Path) -> tuple[SqlStore, Directory]:
    store = SqlStore(f"sqlite:///{path}")
    await store.start()
    directory = Directory(store.engine)
    return store, directory


async def _history(store: SqlStore, directory: Directory, seed: int = 3) -> tuple[str, dict[int, str]]:
    """A congress where three people write the motion concurrently (and the mind map), beside another
    congress's log; returns its slug and the motion's text live after each of its updates."""
    congress = directory.create_congress("cnen-2026", "Congrès national des élu·es", "2026")
    directory.create_congress("autre", "Un autre congrès")
    assert congress.id is not None
    people = directory.add_participants(congress.id, [NewParticipant(n, Role.PARTICIPANT) for n in NAMES])
    rng = random.Random(seed)
    server: Doc[Any] = Doc()
    writers: list[Doc[Any]] = [Doc() for _ in people]
    texts: dict[int, str] = {}
    for step in range(400):
        index = rng.randrange(len(writers))
        doc, author = writers[index], f"participant:{people[index].id}"
        if step % 7 == 0:  # now and then the mind map, or another congress
            other: Doc[Any] = Doc()
            other.get("nodes", type=Map)[f"n{step}"] = "thème"
            room = "cnen-2026.mindmap" if step % 2 else "autre.motion"
            await store.append([NewUpdate(room, other.get_update(), author, 1_700_000_000.0 + step)])
        text = doc.get("text", type=Text)
        content = str(text)
        if content and rng.random() < 0.25:
            start = rng.randrange(len(content))
            end = min(len(content), start + rng.randint(1, 4))
            del text[len(content[:start].encode()) : len(content[:end].encode())]
        else:
            at = len(content[: rng.randint(0, len(content))].encode())
            text.insert(at, rng.choice(["1. proposition ", "é", "numérique\n", "## Axe\n", "œ"]))
        update = doc.get_update(server.get_state())
        server.apply_update(update)
        (position,) = await store.append(
            [NewUpdate("cnen-2026.motion", update, author, 1_700_000_000.0 + step)]
        )
        texts[position] = str(server.get("text", type=Text))
        if rng.random() < 0.5:
            doc.apply_update(server.get_update(doc.get_state()))
    with Session(store.engine) as session:
        session.add(
            PublicationRow(
                congress_id=congress.id,
                position=sorted(texts)[200],
                published_at=1.0,
                published_by=f"participant:{people[0].id}",
            )
        )
        session.add(
            VersionRow(
                congress_id=congress.id,
                name="texte adopté",
                position=sorted(texts)[150],
                created_by=f"participant:{people[1].id}",
                created_at=2.0,
            )
        )
        session.commit()
    return congress.slug, texts


def _counts(store: SqlStore) -> tuple[int, int, int, int]:
    with Session(store.engine) as session:
        return tuple(  # type: ignore[return-value]
            session.exec(select(func.count()).select_from(table)).one()
            for table in (CongressRow, ParticipantRow, UpdateRow, CheckpointRow)
        )


async def test_an_imported_archive_replays_identically_at_every_position(tmp_path: Path) -> None:
    source, directory = await _store(tmp_path / "source.sqlite3")
    slug, texts = await _history(source, directory)
    data = await Archives.on(source, source.engine).export(slug)

    target, target_directory = await _store(tmp_path / "fresh.sqlite3")
    imported = await Archives.on(target, target.engine, checkpoint_every=50).import_(data)
    assert imported.updates == len(texts) + 400 // 14 + 1 and imported.participants == 3

    positions = sorted(texts)
    assert any(imported.positions[p] != p for p in positions)  # ids renumbered in the new log
    for position in [*random.Random(1).sample(positions, 25), positions[0], positions[-1]]:
        rebuilt = await motion_at(target, "cnen-2026.motion", imported.positions[position])
        assert _digest(rebuilt.text) == _digest(texts[position])
        original = await motion_at(source, "cnen-2026.motion", position)
        assert original.text == texts[position]
        # the same people, under their ids in the new database
        names = {p.id: p.name for p in target_directory.participants(imported.congress.id or 0)}
        source_congress = directory.congress(slug)
        assert source_congress is not None and source_congress.id is not None
        before = {p.id: p.name for p in directory.participants(source_congress.id)}
        assert [names[i] for i in rebuilt.contributors] == [before[i] for i in original.contributors]
    checkpoints = await target.checkpoint_before("cnen-2026.motion")
    assert checkpoints is not None  # rebuilt from the imported log
    mindmap = await target.updates("cnen-2026.mindmap")
    assert len(mindmap) == 400 // 14 + 1 and all(u.author.startswith("participant:") for u in mindmap)
    with Session(target.engine) as session:
        publication = session.get(PublicationRow, imported.congress.id)
        assert publication is not None and publication.position == imported.positions[positions[200]]
        (adopted,) = session.exec(select(VersionRow).where(VersionRow.congress_id == imported.congress.id))
        assert adopted.name == "texte adopté" and adopted.position == imported.positions[positions[150]]
        creator = target_directory.participant(int(adopted.created_by.removeprefix("participant:")))
        assert creator is not None and creator.name == NAMES[1]  # the same person, renumbered
    assert await Archives.on(target, target.engine).export(slug) != b""  # and it can be archived again
    await source.stop()
    await target.stop()


async def test_a_bad_or_partial_archive_imports_nothing(tmp_path: Path) -> None:
    source, directory = await _store(tmp_path / "source.sqlite3")
    slug, _texts = await _history(source, directory)
    data = await Archives.on(source, source.engine).export(slug)
    target, _ = await _store(tmp_path / "fresh.sqlite3")
    archives = Archives.on(target, target.engine)
    empty = _counts(target)

    def tampered(name: str, change: Any) -> bytes:
        out = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(data)) as original, zipfile.ZipFile(out, "w") as copy:
            for item in original.namelist():
                content = original.read(item)
                copy.writestr(item, change(content) if item == name else content)
        return out.getvalue()

    cases = {
        "cut short": (data[: len(data) // 2], "not a readable zip"),
        "not an archive": (b"hello", "not a readable zip"),
        "changed": (
            tampered("updates.jsonl", lambda b: b.replace(b'"at":1700000000', b'"at":1')),
            "does not match",
        ),
    }
    # A file whose manifest was rewritten to match a corrupted log: the replay check still refuses it.
    cases["corrupted log"] = (_resigned(data, lambda lines: lines[:5] + lines[6:]), "replay")
    # Or a person missing: the log's authors no longer match.
    cases["unknown author"] = (_resigned(data, None, drop_people=True), "not in participants.json")
    with zipfile.ZipFile(io.BytesIO(data)) as original:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as copy:
            for item in original.namelist():
                if item != "participants.json":
                    copy.writestr(item, original.read(item))
        cases["member missing"] = (out.getvalue(), "participants.json is missing")
    for name, (bad, message) in cases.items():
        with pytest.raises(ArchiveRefused, match=message):
            await archives.import_(bad)
        assert _counts(target) == empty, name
    await archives.import_(data)
    with pytest.raises(ArchiveRefused, match="already exists"):
        await archives.import_(data)
    assert _counts(target)[0] == 1
    await source.stop()
    await target.stop()


def _resigned(data: bytes, edit_lines: Any, drop_people: bool = False) -> bytes:
    """The archive with its log or people changed and the manifest's digests recomputed to match."""
    import json

    with zipfile.ZipFile(io.BytesIO(data)) as original:
        members = {name: original.read(name) for name in original.namelist()}
    if edit_lines is not None:
        lines = members["updates.jsonl"].splitlines(keepends=True)
        members["updates.jsonl"] = b"".join(edit_lines(lines))
    if drop_people:
        members["participants.json"] = json.dumps(json.loads(members["participants.json"])[1:]).encode()
    manifest = json.loads(members["manifest.json"])
    for name, content in members.items():
        if name != "manifest.json":
            manifest["files"][name] = {"bytes": len(content), "sha256": hashlib.sha256(content).hexdigest()}
    members["manifest.json"] = json.dumps(manifest).encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as copy:
        for name, content in members.items():
            copy.writestr(name, content)
    return out.getvalue()


async def test_an_import_into_rooms_that_hold_updates_is_undone(tmp_path: Path) -> None:
    """The log goes through the store: rooms with updates of their own refuse it, and the congress
    written before it is removed again."""
    source, directory = await _store(tmp_path / "source.sqlite3")
    slug, _texts = await _history(source, directory)
    data = await Archives.on(source, source.engine).export(slug)
    target, target_directory = await _store(tmp_path / "fresh.sqlite3")
    await target.append([NewUpdate(f"{slug}.mindmap", b"stray", "server:test", 1.0)])
    before = _counts(target)
    with pytest.raises(ArchiveRefused, match="already holds updates"):
        await Archives.on(target, target.engine).import_(data)
    assert _counts(target) == before and target_directory.congress(slug) is None
    imported = await Archives.on(target, target.engine).import_(data, "sous-un-autre-nom")
    assert imported.congress.slug == "sous-un-autre-nom"
    await source.stop()
    await target.stop()


async def test_an_archive_moves_between_the_in_memory_twins(tmp_path: Path) -> None:
    from server.congress.memory import MemoryDirectory
    from server.decisions.memory import MemoryDecisions
    from server.history.memory import MemoryHistoryRecords
    from server.publication.memory import MemoryPublications
    from server.store.memory import MemoryStore

    source, directory = await _store(tmp_path / "source.sqlite3")
    slug, texts = await _history(source, directory)
    data = await Archives.on(source, source.engine).export(slug)
    store, records = MemoryStore(), MemoryHistoryRecords()
    archives = Archives(
        store, MemoryDirectory(), records, MemoryPublications(), MemoryDecisions(), checkpoint_every=50
    )
    imported = await archives.import_(data)
    last = sorted(texts)[-1]
    rebuilt = await motion_at(store, f"{slug}.motion", imported.positions[last])
    assert rebuilt.text == texts[last] and await store.checkpoint_positions(f"{slug}.motion")
    assert [v.name for v in records.versions(imported.congress.id or 0)] == ["texte adopté"]
    assert await archives.export(slug) != b""
    await source.stop()
