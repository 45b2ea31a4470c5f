"""Participants from a spreadsheet's CSV: every bad row reported with its line, nothing half-read.

Organisers keep their lists in spreadsheets: the file may start with a BOM,
use `;` (French Excel) or `,`, and name its columns in French or English.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from dataclasses import dataclass, field

from server.congress.domain import DomainError, NewParticipant
from server.congress.people import parse_person

COLUMNS = {
    "name": ("name", "nom", "nomcomplet", "prenometnom", "nometprenom"),
    "role": ("role",),
    "commune": ("commune", "ville", "collectivite"),
    "department": ("department", "departement", "dept", "dep"),
    "site": ("site", "presence", "participation", "lieu"),
    "contact": ("contact", "email", "courriel", "mail", "telephone"),
}
MAX_ROWS = 10_000


@dataclass(frozen=True, slots=True)
class RowError:
    line: int  # as the spreadsheet shows it: the header is line 1
    reason: str


@dataclass
class CsvResult:
    people: list[NewParticipant] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)


def _key(header: str) -> str:
    text = unicodedata.normalize("NFKD", header.strip().casefold())
    return "".join(c for c in text if c.isalnum())


def read_participants(data: bytes | str, known: set[tuple[str, str]] | None = None) -> CsvResult:
    """Validate every row; `known` holds (name, commune) already registered, case-folded."""
    result = CsvResult()
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            result.errors.append(
                RowError(1, f"the file is not UTF-8 (byte {exc.start}); save it as CSV UTF-8")
            )
            return result
    data = data.removeprefix("\ufeff")
    first_line = data.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(data, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        result.errors.append(RowError(1, "the file is empty"))
        return result
    columns: dict[str, int] = {}
    for index, title in enumerate(header):
        for name, spellings in COLUMNS.items():
            if _key(title) in spellings and name not in columns:
                columns[name] = index
    if "name" not in columns:
        result.errors.append(RowError(1, "no name column (nom / name) in the header"))
        return result
    known = known or set()
    seen: set[tuple[str, str]] = set()
    for row in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(result.people) + len(result.errors) >= MAX_ROWS:
            result.errors.append(RowError(line, f"more than {MAX_ROWS} rows; split the file"))
            break
        if len(row) > len(header):
            result.errors.append(RowError(line, f"{len(row)} cells for {len(header)} columns"))
            continue
        fields = {name: row[index] if index < len(row) else "" for name, index in columns.items()}
        try:
            person = parse_person(fields)
        except DomainError as exc:
            result.errors.append(RowError(line, str(exc)))
            continue
        key = (person.name.casefold(), person.commune.casefold())
        who = f"{person.name} ({person.commune or 'no commune'})"
        if key in known:
            result.errors.append(RowError(line, f"{who} is already registered"))
            continue
        if key in seen:
            result.errors.append(RowError(line, f"{who} is listed twice"))
            continue
        seen.add(key)
        result.people.append(person)
    if not result.people and not result.errors:
        result.errors.append(RowError(1, "no participant in the file"))
    return result
