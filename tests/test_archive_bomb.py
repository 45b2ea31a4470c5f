"""Archive members are read in bounded streams, never trusting the sizes a zip declares (issue 12, item 3)."""

from __future__ import annotations

import io
import json
import struct
import tracemalloc
import zipfile

import pytest

from server.archive.format import FORMAT, VERSION, Archive, ArchiveRefused, read_archive, write_archive

BOMB_BYTES = 200 * 1024 * 1024  # packs to about 200 KB
PEAK_ALLOWED = 48 * 1024 * 1024


def _manifest() -> bytes:
    return json.dumps({"format": FORMAT, "version": VERSION, "files": {}, "rooms": {}}).encode()


def _bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zipped:
        zipped.writestr("manifest.json", _manifest())
        zipped.writestr("congress.json", b'{"slug": "c", "title": "C"}')
        zipped.writestr("participants.json", b"[]")
        zipped.writestr("versions.json", b'{"named": []}')
        with zipped.open("updates.jsonl", "w") as member:
            block = b"\n" * (1024 * 1024)
            for _ in range(BOMB_BYTES // len(block)):
                member.write(block)
    return out.getvalue()


def _declare_sizes(data: bytes, name: bytes, size: int) -> bytes:
    """Rewrite the uncompressed size `name` declares, in its local header and the central directory."""
    patched = bytearray(data)
    local = patched.find(b"PK\x03\x04")
    while local != -1:
        name_len = struct.unpack_from("<H", patched, local + 26)[0]
        if patched[local + 30 : local + 30 + name_len] == name:
            struct.pack_into("<I", patched, local + 22, size)
        local = patched.find(b"PK\x03\x04", local + 4)
    central = patched.find(b"PK\x01\x02")
    while central != -1:
        name_len = struct.unpack_from("<H", patched, central + 28)[0]
        if patched[central + 46 : central + 46 + name_len] == name:
            struct.pack_into("<I", patched, central + 24, size)
        central = patched.find(b"PK\x01\x02", central + 4)
    return bytes(patched)


def _peak_while_reading(data: bytes) -> tuple[int, str]:
    tracemalloc.start()
    try:
        with pytest.raises(ArchiveRefused) as refused:
            read_archive(data)
        return tracemalloc.get_traced_memory()[1], str(refused.value)
    finally:
        tracemalloc.stop()


def test_a_zip_bomb_is_refused_without_unpacking_it() -> None:
    bomb = _bomb()
    assert len(bomb) < 1024 * 1024
    peak, reason = _peak_while_reading(bomb)
    assert peak < PEAK_ALLOWED, f"reading a {len(bomb)}-byte file took {peak} bytes"
    assert "zip bomb" in reason


def test_declared_sizes_that_lie_are_not_trusted() -> None:
    bomb = _declare_sizes(_bomb(), b"updates.jsonl", 1000)  # says 1 KB, holds 200 MB
    assert zipfile.ZipFile(io.BytesIO(bomb)).getinfo("updates.jsonl").file_size == 1000
    peak, _ = _peak_while_reading(bomb)
    assert peak < PEAK_ALLOWED


def test_declaring_a_larger_packed_size_does_not_hide_the_ratio() -> None:
    data = _bomb()
    patched = bytearray(data)
    central = patched.find(b"PK\x01\x02", patched.find(b"updates.jsonl") + 1)
    # The central entry of updates.jsonl: claim a packed size of 4 GB, so that the ratio looks tame.
    while central != -1:
        name_len = struct.unpack_from("<H", patched, central + 28)[0]
        if patched[central + 46 : central + 46 + name_len] == b"updates.jsonl":
            struct.pack_into("<I", patched, central + 20, 0xFFFFFFF0)
        central = patched.find(b"PK\x01\x02", central + 4)
    peak, _ = _peak_while_reading(bytes(patched))
    assert peak < PEAK_ALLOWED


def test_too_many_members_are_refused() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zipped:
        zipped.writestr("manifest.json", _manifest())
        for number in range(40):
            zipped.writestr(f"extra-{number}.json", b"{}")
    with pytest.raises(ArchiveRefused, match="members"):
        read_archive(out.getvalue())


def test_an_honest_archive_still_reads() -> None:
    archive = Archive(congress={"slug": "c", "title": "Congrès"}, participants=[], updates=[])
    assert read_archive(write_archive(archive)).congress["slug"] == "c"
