"""`ubiquite contributions import|export`: contributions in and out of a congress from the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from server.congress.provision import Admin, admin
from server.contributions.service import Contributions, ImportRefused
from server.settings import Settings

BAR_WIDTH = 30


def add_parser(commands: Any) -> None:
    """Register `contributions` on the `ubiquite` sub-command parser."""
    parser = commands.add_parser("contributions", help="import or export a congress's contributions")
    actions = parser.add_subparsers(dest="contributions_command", required=True)
    importing = actions.add_parser(
        "import",
        help="import a CSV (id,title,text[,axis,author], UTF-8) or JSON file; all rows or none",
    )
    importing.add_argument("file")
    importing.add_argument("--congress", required=True, metavar="SLUG")
    importing.set_defaults(handler=import_command)
    exporting = actions.add_parser("export", help="write every contribution as CSV or JSON")
    exporting.add_argument("--congress", required=True, metavar="SLUG")
    exporting.add_argument("--format", choices=("csv", "json"), default="csv")
    exporting.add_argument("--out", help="file to write (default: standard output)")
    exporting.set_defaults(handler=export_command)


class ProgressBar:
    """`[#######.......]  700/2000` on one line of a terminal; a line per step elsewhere (logs)."""

    def __init__(self, label: str, stream: Any = None) -> None:
        self.label = label
        self.stream = stream or sys.stderr
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())

    def __call__(self, done: int, total: int) -> None:
        filled = BAR_WIDTH * done // max(total, 1)
        line = f"{self.label} [{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {done}/{total}"
        end = "\n" if done >= total or not self.tty else ""
        print(("\r" if self.tty else "") + line, end=end, file=self.stream, flush=True)


def _service(setup: Admin) -> Contributions:
    return setup.services.contributions  # bound to the database by the composition root


def import_command(args: argparse.Namespace, settings: Settings) -> int:
    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError as exc:
        print(f"error: {path}: {exc.strerror}", file=sys.stderr)
        return 1
    with admin(settings) as setup:
        congress = setup.organising.congress(args.congress)
        assert congress.id is not None
        service = _service(setup)
        kind = "json" if path.suffix.lower() == ".json" else "csv"
        try:
            rows = service.parse(data, kind, str(path))
            count = service.import_rows(congress.id, rows, ProgressBar("import"))
        except ImportRefused as refused:
            for problem in refused.problems:
                print(f"{path}:{problem.line}: {problem.reason}", file=sys.stderr)
            print(f"error: {refused} / rien n'a été importé", file=sys.stderr)
            return 1
    print(f"{count} contributions imported into {args.congress}")
    return 0


def export_command(args: argparse.Namespace, settings: Settings) -> int:
    with admin(settings) as setup:
        congress = setup.organising.congress(args.congress)
        assert congress.id is not None
        content = _service(setup).export(congress.id, args.format)
    if args.out:
        Path(args.out).write_text(content, encoding="utf-8")
    else:
        sys.stdout.write(content)
    return 0
