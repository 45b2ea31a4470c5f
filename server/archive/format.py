"""The archive file of a congress (version 2): a zip of JSON files, checked whole before anything is imported.

    manifest.json      format, version, every other member's size and SHA-256, and
                       per room the update count, final state vector and text digest
    congress.json      slug, title, edition, dates, phase (version 2: pen mode)
    participants.json  the people (their ids are the ones in the log's authors; version 2: pen holders)
    updates.jsonl      the log of every room people write, in log order: id, room kind, at, author,
                       data (base64)
    versions.json      named versions and the publication, as log positions (mapped on import)
    decisions.json     (version 2) amendments, supports, votes, ballots and named choices
                       (server/archive/decisions.py)

Version 1 (before issue 15) has no decisions.json; it is still read, as a
congress that decided nothing. The rooms only the server writes are not in the
log here: they are written again from the decisions once imported.

A member missing, cut short or changed, an update that does not decode, a
room whose replay does not end in the recorded state: the file is refused.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import io
import json
import zipfile
from dataclasses import dataclass, field
from typing import Any

from pycrdt import Text

from crdt.motion import TEXT
from crdt.protocol import decode_state_vector
from crdt.replay import CausalReplay
from crdt.updates import UpdateError
from server.archive.decisions import MEMBER as DECISIONS
from server.archive.decisions import decisions_json, read_decisions
from server.archive.refused import ArchiveRefused as ArchiveRefused  # re-exported: the one error here
from server.congress.domain import WRITTEN_KINDS, Phase, Role, Site
from server.decisions.repository import Decisions

FORMAT = "ubiquite-archive"
VERSION = 2
READABLE = (1, 2)
MEMBERS = ("congress.json", "participants.json", "updates.jsonl", "versions.json")
MEMBERS_BY_VERSION = {1: MEMBERS, 2: (*MEMBERS, DECISIONS)}


@dataclass(frozen=True, slots=True)
class UnpackLimits:
    """What reading an archive may unpack, counted on the bytes actually decompressed.

    The sizes a zip declares are not trusted (a 597 KB file once grew the server by
    1.1 GB, issue 12): each member is read in chunks and refused at the first byte
    past a limit. A congress log of 100,000 updates is about 15 MB of JSON lines.
    """

    total_bytes: int = 256 * 1024 * 1024
    member_bytes: int = 256 * 1024 * 1024  # updates.jsonl; the JSON files are far smaller
    members: int = 16  # an archive has 6
    # Unpacked over packed bytes. JSON lines of base64 updates pack 3 to 20 times; a bomb
    # about 1,000 times. Checked once a member has given more than `ratio_after` bytes,
    # so that a small, very regular file (a manifest) is not refused.
    ratio: float = 100.0
    ratio_after: int = 1024 * 1024


LIMITS = UnpackLimits()
_CHUNK = 64 * 1024


@dataclass(frozen=True, slots=True)
class ArchivedUpdate:
    id: int
    room: str  # the document kind: "motion", "mindmap"
    at: float
    author: str
    data: bytes


@dataclass
class Archive:
    congress: dict[str, Any]
    participants: list[dict[str, Any]]
    updates: list[ArchivedUpdate]
    versions: dict[str, Any] = field(default_factory=lambda: {"named": [], "publication": None})
    decisions: Decisions = field(default_factory=Decisions)


def room_summary(updates: list[ArchivedUpdate], kind: str) -> dict[str, Any]:
    """What the replay of one room must end in: its update count, state vector and text digest."""
    replay = CausalReplay()
    for update in updates:
        if update.room == kind:
            replay.add(update.data)
    if replay.pending:
        raise ArchiveRefused(f"{kind}: {replay.pending} update(s) build on updates the archive does not hold")
    text = str(replay.doc.get(TEXT, type=Text)) if kind == "motion" else ""
    return {
        "updates": sum(1 for u in updates if u.room == kind),
        "state_vector": {str(k): v for k, v in sorted(decode_state_vector(replay.doc.get_state()).items())},
        "text_sha256": hashlib.sha256(text.encode()).hexdigest(),
    }


def write_archive(archive: Archive) -> bytes:
    members = {
        "congress.json": _json(archive.congress),
        "participants.json": _json(archive.participants),
        "updates.jsonl": b"".join(
            json.dumps(
                {
                    "id": u.id,
                    "room": u.room,
                    "at": u.at,
                    "author": u.author,
                    "data": base64.b64encode(u.data).decode(),
                },
                separators=(",", ":"),
            ).encode()
            + b"\n"
            for u in archive.updates
        ),
        "versions.json": _json(archive.versions),
        DECISIONS: _json(decisions_json(archive.decisions)),
    }
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "congress": archive.congress["slug"],
        "files": {
            name: {"bytes": len(d), "sha256": hashlib.sha256(d).hexdigest()} for name, d in members.items()
        },
        "rooms": {kind: room_summary(archive.updates, kind) for kind in WRITTEN_KINDS},
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zipped:
        zipped.writestr("manifest.json", _json(manifest))
        for name, data in members.items():
            zipped.writestr(name, data)
    return out.getvalue()


def read_archive(data: bytes, limits: UnpackLimits = LIMITS) -> Archive:
    """The archive in `data`, every member and every room checked; ArchiveRefused otherwise."""
    try:
        zipped = zipfile.ZipFile(io.BytesIO(data))
        infos = zipped.infolist()
        if len(infos) > limits.members:
            raise ArchiveRefused(f"the archive has {len(infos)} members, more than {limits.members}")
        by_name = {info.filename: info for info in infos}
        if len(by_name) != len(infos):
            raise ArchiveRefused("the archive holds two members of the same name")
        if "manifest.json" not in by_name:
            raise ArchiveRefused("not a Ubiquité archive: manifest.json is missing")
        unpacking = _Unpacking(zipped, limits, len(data))
        manifest = _load(unpacking.read(by_name["manifest.json"]), "manifest.json")
        _check_manifest(manifest)
        members: dict[str, bytes] = {}
        for name in MEMBERS_BY_VERSION[manifest["version"]]:
            if name not in by_name:
                raise ArchiveRefused(f"incomplete archive: {name} is missing")
            members[name] = unpacking.read(by_name[name])
    except zipfile.BadZipFile as exc:
        raise ArchiveRefused(
            f"not a Ubiquité archive, or cut short (not a readable zip file: {exc})"
        ) from None
    except (zipfile.LargeZipFile, EOFError, OSError) as exc:
        raise ArchiveRefused(f"the archive cannot be read: {exc}") from None
    for name, data_ in members.items():
        expected = manifest["files"].get(name)
        if not isinstance(expected, dict) or hashlib.sha256(data_).hexdigest() != expected.get("sha256"):
            raise ArchiveRefused(f"{name} does not match the manifest: the file was cut short or changed")
    archive = Archive(
        congress=_congress(_load(members["congress.json"], "congress.json")),
        participants=_participants(_load(members["participants.json"], "participants.json")),
        updates=_updates(members["updates.jsonl"]),
        versions=_versions(_load(members["versions.json"], "versions.json")),
    )
    if DECISIONS in members:
        people = {p["id"] for p in archive.participants}
        archive.decisions = read_decisions(_load(members[DECISIONS], DECISIONS), people)
    _check_authors(archive)
    for kind in WRITTEN_KINDS:
        try:
            summary = room_summary(archive.updates, kind)
        except UpdateError as exc:
            raise ArchiveRefused(f"{kind}: an update is malformed ({exc})") from None
        except BaseException as exc:  # pycrdt refusing an update part-way (PanicException is a BaseException)
            if isinstance(exc, KeyboardInterrupt | SystemExit):
                raise
            raise ArchiveRefused(
                f"{kind}: the log does not replay ({exc.__class__.__name__}: {exc})"
            ) from None
        if summary != manifest["rooms"].get(kind):
            raise ArchiveRefused(f"{kind}: replaying the log does not give the state the archive recorded")
    return archive


class _Unpacking:
    """Members read in bounded chunks, counting what is really decompressed against the limits."""

    def __init__(self, zipped: zipfile.ZipFile, limits: UnpackLimits, file_bytes: int) -> None:
        self.zipped = zipped
        self.limits = limits
        self.file_bytes = file_bytes
        self.total = 0

    def read(self, info: zipfile.ZipInfo) -> bytes:
        name = info.filename
        limits = self.limits
        # The packed size is bounded by the file we hold, whatever the zip declares.
        packed = max(1, min(info.compress_size, self.file_bytes))
        parts: list[bytes] = []
        size = 0
        with self.zipped.open(info) as member:
            while chunk := member.read(_CHUNK):
                size += len(chunk)
                self.total += len(chunk)
                if size > limits.member_bytes:
                    raise ArchiveRefused(f"{name} unpacks to more than {limits.member_bytes} bytes")
                if self.total > limits.total_bytes:
                    raise ArchiveRefused(f"the archive unpacks to more than {limits.total_bytes} bytes")
                if size > limits.ratio_after and size / packed > limits.ratio:
                    raise ArchiveRefused(
                        f"{name} unpacks more than {limits.ratio:g} times its packed size: "
                        "refused as a zip bomb"
                    )
                parts.append(chunk)
        return b"".join(parts)


# -- checks ------------------------------------------------------------------------------


def _json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, indent=1).encode()


def _load(data: bytes, name: str) -> Any:
    try:
        return json.loads(data)
    except ValueError as exc:
        raise ArchiveRefused(f"{name} is not valid JSON ({exc})") from None


def _check_manifest(manifest: Any) -> None:
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ArchiveRefused("not a Ubiquité archive: unknown format")
    if manifest.get("version") not in READABLE:
        raise ArchiveRefused(
            f"archive format version {manifest.get('version')!r}: this server reads versions "
            + " and ".join(str(v) for v in READABLE)
        )
    if not isinstance(manifest.get("files"), dict) or not isinstance(manifest.get("rooms"), dict):
        raise ArchiveRefused("the manifest lists no files or rooms")


def _field(record: dict[str, Any], name: str, kind: type | tuple[type, ...], where: str) -> Any:
    value = record.get(name)
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        raise ArchiveRefused(f"{where}: {name} is missing or of the wrong type")
    return value


def _congress(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ArchiveRefused("congress.json must be an object")
    for name in ("slug", "title"):
        _field(value, name, str, "congress.json")
    for name in ("starts_on", "ends_on"):
        if value.get(name) is not None:
            try:
                dt.date.fromisoformat(value[name])
            except (TypeError, ValueError):
                raise ArchiveRefused(f"congress.json: {name} is not a date") from None
    if value.get("phase", Phase.CONTRIBUTIONS.value) not in {p.value for p in Phase}:
        raise ArchiveRefused("congress.json: unknown phase")
    return value


def _participants(value: Any) -> list[dict[str, Any]]:
    if not isinstance(value, list):
        raise ArchiveRefused("participants.json must be a list")
    seen: set[int] = set()
    for index, person in enumerate(value, 1):
        where = f"participants.json, person {index}"
        if not isinstance(person, dict):
            raise ArchiveRefused(f"{where}: not an object")
        pid = _field(person, "id", int, where)
        _field(person, "name", str, where)
        if person.get("role") not in {r.value for r in Role} or person.get("site", "on_site") not in {
            s.value for s in Site
        }:
            raise ArchiveRefused(f"{where}: unknown role or site")
        if pid in seen:
            raise ArchiveRefused(f"{where}: id {pid} appears twice")
        seen.add(pid)
    return value


def _updates(data: bytes) -> list[ArchivedUpdate]:
    updates: list[ArchivedUpdate] = []
    previous = 0
    for number, line in enumerate(data.splitlines(), 1):
        where = f"updates.jsonl, line {number}"
        record = _load(line, where)
        if not isinstance(record, dict):
            raise ArchiveRefused(f"{where}: not an object")
        uid = _field(record, "id", int, where)
        if uid <= previous:
            raise ArchiveRefused(f"{where}: ids must increase (log order)")
        previous = uid
        room = _field(record, "room", str, where)
        if room not in WRITTEN_KINDS:
            raise ArchiveRefused(f"{where}: unknown document {room!r}")
        try:
            payload = base64.b64decode(_field(record, "data", str, where), validate=True)
        except binascii.Error:
            raise ArchiveRefused(f"{where}: data is not base64") from None
        at = float(_field(record, "at", (int, float), where))
        updates.append(ArchivedUpdate(uid, room, at, _field(record, "author", str, where)[:200], payload))
    return updates


def _versions(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict) or not isinstance(value.get("named", []), list):
        raise ArchiveRefused("versions.json must be an object with a list of named versions")
    publication = value.get("publication")
    if publication is not None:
        if not isinstance(publication, dict):
            raise ArchiveRefused("versions.json: publication must be an object")
        _field(publication, "position", int, "versions.json, publication")
    for index, named in enumerate(value.get("named", []), 1):
        if not isinstance(named, dict):
            raise ArchiveRefused(f"versions.json, named version {index}: not an object")
        _field(named, "position", int, f"versions.json, named version {index}")
        _field(named, "name", str, f"versions.json, named version {index}")
    return value


def _check_authors(archive: Archive) -> None:
    known = {p["id"] for p in archive.participants}
    for update in archive.updates:
        if update.author.startswith("participant:"):
            try:
                pid = int(update.author.removeprefix("participant:"))
            except ValueError:
                pid = -1
            if pid not in known:
                raise ArchiveRefused(
                    f"update {update.id} is by {update.author}, who is not in participants.json"
                )
