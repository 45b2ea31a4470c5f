"""`ubiquite archive export --congress SLUG FILE` and `ubiquite archive import FILE`."""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

from server.archive.format import ArchiveRefused
from server.congress.domain import Role
from server.congress.provision import admin
from server.settings import Settings


def archive_export(args: argparse.Namespace, settings: Settings) -> int:
    with admin(settings) as setup:
        data = asyncio.run(setup.services.keeping.archives().export(args.congress))
    target = Path(args.file)
    partial = target.with_name(target.name + ".partial")
    partial.write_bytes(data)
    partial.replace(target)  # never a half-written archive under the final name
    print(f"congress {args.congress} archived to {target} ({len(data)} bytes)")
    return 0


def archive_import(args: argparse.Namespace, settings: Settings) -> int:
    try:
        data = Path(args.file).read_bytes()
    except OSError as exc:
        print(f"error: cannot read {args.file}: {exc.strerror}", file=sys.stderr)
        return 1
    with admin(settings) as setup:
        try:
            imported = asyncio.run(setup.services.keeping.archives().import_(data, args.slug))
        except ArchiveRefused as exc:
            print(f"error: {exc}; nothing was imported", file=sys.stderr)
            return 1
        congress = imported.congress
        print(
            f"congress {congress.slug} imported: {imported.participants} people, "
            f"{imported.updates} updates (positions renumbered in this database's log)"
        )
        if args.organiser:
            invited = setup.invite(congress, Role.ORGANISER, args.organiser)
            print(f"organiser link for {args.organiser}: {setup.link(invited.token)}")
    return 0


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    archive = commands.add_parser(
        "archive", help="export a congress's whole history to a file, or import one"
    )
    archive_commands = archive.add_subparsers(dest="archive_command", required=True)
    exporting = archive_commands.add_parser("export", help="write the congress's history to FILE (zip)")
    exporting.add_argument("--congress", required=True, metavar="SLUG")
    exporting.add_argument("file")
    exporting.set_defaults(handler=archive_export)
    importing = archive_commands.add_parser("import", help="import an archive into this database")
    importing.add_argument("file")
    importing.add_argument("--slug", help="import under another name (the archive's by default)")
    importing.add_argument(
        "--organiser", metavar="NAME", help="also invite this organiser and print the link"
    )
    importing.set_defaults(handler=archive_import)
