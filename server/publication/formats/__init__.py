"""The export formats by name, each writer imported only when asked for.

`export(edition, name)` returns the file's bytes; a writer that cannot run on
this machine (the PDF's fonts missing) raises FormatUnavailable with what to install.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from server.congress.domain import DomainError
from server.publication.edition import Edition


class FormatUnavailable(Exception):
    """This machine lacks something the format needs; the message says what to install."""


class UnknownFormat(DomainError):
    pass


@dataclass(frozen=True, slots=True)
class Format:
    name: str
    media_type: str
    module: str


FORMATS = {
    f.name: f
    for f in (
        Format("md", "text/markdown; charset=utf-8", "server.publication.formats.markdown"),
        Format("html", "text/html; charset=utf-8", "server.publication.formats.html"),
        Format("pdf", "application/pdf", "server.publication.formats.pdf"),
        Format(
            "docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "server.publication.formats.docx",
        ),
    )
}


def get_format(name: str) -> Format:
    try:
        return FORMATS[name]
    except KeyError:
        raise UnknownFormat(f"unknown format {name!r}: one of {', '.join(FORMATS)}") from None


def export(edition: Edition, name: str) -> bytes:
    writer = importlib.import_module(get_format(name).module)
    data: bytes = writer.write(edition)
    return data


def missing() -> dict[str, str]:
    """Formats this machine cannot produce, with why: said at start-up and by the routes."""
    from server.publication.formats.pdf import find_fonts

    try:
        find_fonts()
    except FormatUnavailable as exc:
        return {"pdf": str(exc)}
    return {}
