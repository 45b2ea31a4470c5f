"""CSV cells a spreadsheet will not run: every CSV this server writes goes through here.

A title such as `=HYPERLINK("http://…")` or `@SUM(…)` is a formula to Excel and
LibreOffice when an organiser opens the export (issue 12, item 9). As the OWASP
guidance on CSV injection recommends, a text cell starting with `=`, `+`, `-`,
`@`, a tab or a carriage return is prefixed with a single quote: the spreadsheet
shows the text, and a reader of the raw file sees what was changed. Numbers are
not text and are written as they are.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from typing import IO, Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(row: Iterable[Any]) -> list[Any]:
    return [safe_cell(value) for value in row]


class SafeWriter:
    """`csv.writer` whose rows are neutralised."""

    def __init__(self, out: IO[str], **options: Any) -> None:
        self._writer = csv.writer(out, **options)

    def writerow(self, row: Iterable[Any]) -> None:
        self._writer.writerow(safe_row(row))

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


class SafeDictWriter:
    """`csv.DictWriter` whose values are neutralised (the header is ours, written as it is)."""

    def __init__(self, out: IO[str], fieldnames: Iterable[str], **options: Any) -> None:
        self._writer = csv.DictWriter(out, list(fieldnames), **options)

    def writeheader(self) -> None:
        self._writer.writeheader()

    def writerow(self, row: Mapping[str, Any]) -> None:
        self._writer.writerow({key: safe_cell(value) for key, value in row.items()})

    def writerows(self, rows: Iterable[Mapping[str, Any]]) -> None:
        for row in rows:
            self.writerow(row)
