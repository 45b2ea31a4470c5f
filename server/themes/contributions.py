"""Contributions and loading them from CSV or JSON, all rows or none."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REQUIRED_COLUMNS = ("id", "title", "text")
# Read when present (an export of a congress carries them), never required.
OPTIONAL_COLUMNS = ("axis", "author")
# A contribution is a few sentences; anything far longer is a paste error, not an idea.
MAX_TEXT_CHARS = 20_000


@dataclass(frozen=True)
class Contribution:
    id: str
    title: str
    text: str
    axis: str = ""  # the axis its author thinks it belongs to
    author: str = ""  # who sent it, for rows imported from elsewhere


def encoder_input(title: str, text: str) -> str:
    """What the encoders read of a contribution: its title and its text, as one passage.

    Measured on tests/data/themes_fr.csv and in docs/field-notes.md: better than the
    text alone (0.33 against 0.27 ARI with USE), the title often names the theme.
    """
    title, text = title.strip(), text.strip()
    if title and text:
        return f"{title}. {text}"
    return title or text


@dataclass(frozen=True)
class RowProblem:
    line: int  # 1-based line in the file (CSV) or 1-based position in the list (JSON)
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}"


class ContributionFileError(Exception):
    """The file cannot be imported; `problems` lists every bad row, not only the first."""

    def __init__(self, path: str, problems: list[RowProblem]) -> None:
        self.path = path
        self.problems = problems
        shown = "\n".join(f"  {problem}" for problem in problems[:50])
        more = f"\n  … and {len(problems) - 50} more" if len(problems) > 50 else ""
        super().__init__(
            f"{path}: {len(problems)} bad row(s), nothing imported / "
            f"{len(problems)} ligne(s) invalide(s), rien n'a été importé:\n{shown}{more}"
        )


def load_contributions(path: str | Path) -> list[Contribution]:
    """Read `id,title,text` rows from a UTF-8 CSV file, or a JSON list of objects (`.json`)."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        problem = RowProblem(0, f"cannot read the file: {exc.strerror}")
        raise ContributionFileError(str(path), [problem]) from exc
    try:
        # utf-8-sig: spreadsheets exporting "CSV UTF-8" prepend a byte-order mark.
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ContributionFileError(
            str(path), [RowProblem(line, "not UTF-8 text (export the file as CSV UTF-8)")]
        ) from exc
    if path.suffix.lower() == ".json":
        return parse_json(content, str(path))
    return parse_csv(content, str(path))


def parse_csv(content: str, source: str = "<csv>") -> list[Contribution]:
    reader = csv.DictReader(content.splitlines(keepends=True), strict=True)
    missing = [column for column in REQUIRED_COLUMNS if column not in (reader.fieldnames or [])]
    if missing:
        found = ",".join(reader.fieldnames or []) or "nothing"
        reason = f"missing column(s) {', '.join(missing)}: the header must be id,title,text (found {found})"
        raise ContributionFileError(source, [RowProblem(1, reason)])

    def rows() -> Iterator[tuple[int, Any]]:
        line = reader.line_num
        try:
            for row in reader:
                # A quoted text may span several lines: report the line the row starts on.
                yield line + 1, row
                line = reader.line_num
        except csv.Error as exc:
            yield reader.line_num, exc

    return _validate(rows(), source)


def parse_json(content: str, source: str = "<json>") -> list[Contribution]:
    try:
        data = json.loads(content)
    except json.JSONDecodeError as exc:
        raise ContributionFileError(source, [RowProblem(exc.lineno, f"invalid JSON: {exc.msg}")]) from exc
    if isinstance(data, dict) and isinstance(data.get("contributions"), list):
        data = data["contributions"]
    if not isinstance(data, list):
        raise ContributionFileError(source, [RowProblem(1, "expected a list of {id, title, text} objects")])
    return _validate(enumerate(data, 1), source)


def _validate(rows: Iterable[tuple[int, Any]], source: str) -> list[Contribution]:
    contributions: list[Contribution] = []
    problems: list[RowProblem] = []
    first_line: dict[str, int] = {}
    for line, row in rows:
        if isinstance(row, csv.Error):
            problems.append(RowProblem(line, f"malformed CSV: {row}"))
            break  # the reader cannot resynchronise after a broken quote
        reason = _row_problem(row)
        if reason is None:
            key = str(row["id"]).strip()
            if key in first_line:
                reason = f"duplicate id {key!r} (first on line {first_line[key]})"
            else:
                first_line[key] = line
                extra = [str(row.get(column) or "").strip() for column in OPTIONAL_COLUMNS]
                contributions.append(
                    Contribution(key, str(row["title"]).strip(), str(row["text"]).strip(), *extra)
                )
        if reason is not None:
            problems.append(RowProblem(line, reason))
    if problems:
        raise ContributionFileError(source, problems)
    return contributions


def _row_problem(row: Any) -> str | None:
    if not isinstance(row, dict):
        return "not an object with id, title and text"
    if None in row:  # csv.DictReader puts surplus cells under the key None
        return "more cells than columns (a comma in a text that is not quoted?)"
    for column in REQUIRED_COLUMNS:
        value = row.get(column)
        if value is None:
            return f"missing {column}"
        if not isinstance(value, str | int):
            return f"{column} must be text"
    if not str(row["id"]).strip():
        return "empty id"
    if not str(row["text"]).strip() and not str(row["title"]).strip():
        return "empty title and text"
    if len(str(row["text"])) > MAX_TEXT_CHARS:
        return f"text longer than {MAX_TEXT_CHARS} characters"
    for column, limit in (("id", 100), ("title", 300), ("axis", 200), ("author", 200)):
        value = row.get(column)
        if value is not None and not isinstance(value, str | int):
            return f"{column} must be text"
        if len(str(value or "")) > limit:
            return f"{column} longer than {limit} characters"
    return None
