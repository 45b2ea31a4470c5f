"""The organisers' commands: `ubiquite congress`, `ubiquite invite`, `ubiquite participants import`."""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import sys
from pathlib import Path

from server.congress.demo import seed_demo
from server.congress.domain import DomainError, Role
from server.congress.people import parse_role
from server.congress.provision import admin
from server.congress.service import ImportRefused
from server.settings import Settings
from server.spreadsheet import SafeWriter

DEMO_SLUG = "demo"
DEMO_TITLE = "Congrès de démonstration"
DEMO_ORGANISER = "Équipe d'organisation"


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date like 2026-11-23: {value!r}") from None


def _role(value: str) -> Role:
    try:
        return parse_role(value)
    except DomainError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def congress_create(args: argparse.Namespace, settings: Settings) -> int:
    with admin(settings) as setup:
        congress = setup.directory.create_congress(
            args.slug, args.title, args.edition or "", args.starts, args.ends
        )
        assert congress.id is not None
        rooms = ", ".join(d.room for d in setup.directory.documents(congress.id))
        print(f"congress {congress.slug} created: {congress.title} (rooms {rooms})")
        if args.organiser:
            invited = setup.invite(congress, Role.ORGANISER, args.organiser)
            print(f"organiser link for {args.organiser}: {setup.link(invited.token)}")
    return 0


def congress_list(args: argparse.Namespace, settings: Settings) -> int:
    with admin(settings) as setup:
        for congress in setup.directory.congresses():
            assert congress.id is not None
            people = setup.directory.count_participants(congress.id)
            print(f"{congress.slug}\t{congress.phase}\t{people} people\t{congress.title}")
    return 0


def invite(args: argparse.Namespace, settings: Settings) -> int:
    with admin(settings) as setup:
        congress = setup.directory.congress(args.congress)
        if congress is None:
            raise DomainError(f"no congress {args.congress!r} (create it with `ubiquite congress create`)")
        if args.shared:
            invited, _people = setup.organising.invite_group(congress, args.role, args.name)
            print(invited.token if args.token_only else setup.link(invited.token))
            return 0
        for name in args.name:
            invited = setup.invite(congress, args.role, name)
            print(invited.token if args.token_only else f"{name}\t{setup.link(invited.token)}")
    return 0


def participants_import(args: argparse.Namespace, settings: Settings) -> int:
    data = Path(args.file).read_bytes()
    with admin(settings) as setup:
        slug = args.congress
        if slug is None:
            congresses = setup.directory.congresses()
            if len(congresses) != 1:
                raise DomainError("several congresses (or none): say which with --congress SLUG")
            slug = congresses[0].slug
        congress = setup.organising.congress(slug)
        try:
            invited = setup.organising.import_csv(congress, data)
        except ImportRefused as refused:
            for error in refused.errors:
                print(f"{args.file}:{error.line}: {error.reason}", file=sys.stderr)
            print(f"error: {refused}", file=sys.stderr)
            return 1
        out = SafeWriter(sys.stdout)
        out.writerow(["name", "role", "link"])
        for item in invited:
            assert item.person is not None
            out.writerow([item.person.name, item.person.role, setup.link(item.token)])
        print(f"{len(invited)} participants imported into {slug}", file=sys.stderr)
    return 0


def demo_link(settings: Settings) -> str:
    """The demo congress (created if absent) and a fresh link for its organiser, for `scripts/run`."""
    with admin(settings) as setup:
        is_new = setup.directory.congress(DEMO_SLUG) is None
        congress = setup.ensure_congress(DEMO_SLUG, DEMO_TITLE)
        link = setup.link(setup.invite(congress, Role.ORGANISER, DEMO_ORGANISER).token)
        if is_new:
            asyncio.run(seed_demo(setup.store, DEMO_SLUG))
    return link


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    congress = commands.add_parser("congress", help="create or list congresses")
    congress_commands = congress.add_subparsers(dest="congress_command", required=True)
    create = congress_commands.add_parser("create", help="create a congress and its documents")
    create.add_argument("slug", help="short name used in addresses: lower-case letters, digits, dashes")
    create.add_argument("--title", required=True)
    create.add_argument("--edition")
    create.add_argument("--starts", type=_date, help="first day, YYYY-MM-DD")
    create.add_argument("--ends", type=_date, help="last day, YYYY-MM-DD")
    create.add_argument("--organiser", metavar="NAME", help="also invite this organiser and print the link")
    create.set_defaults(handler=congress_create)
    listing = congress_commands.add_parser("list", help="list congresses")
    listing.set_defaults(handler=congress_list)

    invitation = commands.add_parser("invite", help="print invitation links (or tokens)")
    invitation.add_argument("--congress", required=True, metavar="SLUG")
    invitation.add_argument(
        "--role", type=_role, default=Role.PARTICIPANT, help="organiser, participant, observer"
    )
    invitation.add_argument("--name", required=True, action="append", help="a person (repeat for several)")
    invitation.add_argument("--shared", action="store_true", help="one link shared by all the names given")
    invitation.add_argument("--token-only", action="store_true", help="print only the token(s), one a line")
    invitation.set_defaults(handler=invite)

    participants = commands.add_parser("participants", help="manage participants")
    participant_commands = participants.add_subparsers(dest="participants_command", required=True)
    importing = participant_commands.add_parser(
        "import", help="import a CSV file (nom, rôle, commune, département, présence, contact)"
    )
    importing.add_argument("file")
    importing.add_argument("--congress", metavar="SLUG", help="needed when there are several congresses")
    importing.set_defaults(handler=participants_import)
