"""The `ubiquite` command line."""

from __future__ import annotations

import argparse
import logging
import sys
from dataclasses import replace

import uvicorn

from server import admin_cli
from server.archive.cli import add_commands as add_archive_commands
from server.congress.domain import DomainError
from server.contributions.cli import add_parser as add_contributions_parser
from server.serving import uvicorn_options
from server.settings import ConfigError, Settings
from server.store.cli import add_commands as add_db_commands
from server.themes.cli import add_parser as add_themes_parser


def _configure_logging(level: str) -> None:
    logging.basicConfig(
        level=level.upper(),
        format="%(asctime)s %(levelname)-7s %(name)s: %(message)s",
        stream=sys.stderr,
    )


def serve(args: argparse.Namespace, settings: Settings) -> int:
    host = args.host or settings.host
    port = args.port or settings.port
    if args.workers > 1 and not settings.redis_url:
        print(
            "error: several workers need REDIS_URL (and a shared DATABASE_URL): without a broker "
            "each worker would hold its own copy of a room and the copies would silently split.",
            file=sys.stderr,
        )
        return 2
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    # Made here, before uvicorn starts its workers: each worker would otherwise generate its own
    # key on a first run, and a link signed by one would be refused by the others.
    settings = settings.with_secret()
    if args.demo:
        link = admin_cli.demo_link(replace(settings, host=host, port=port))
        print(f"Demo congress, organiser link / lien organisateur : {link}")
    print(f"Ubiquité listening on http://{host}:{port}/ (WebSocket rooms at ws://{host}:{port}/ws/ROOM)")
    sys.stdout.flush()
    uvicorn.run(
        "server.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=args.workers,
        log_level=settings.log_level,
        ws_max_size=settings.limits.max_message_bytes,
        # FIELD-NOTES: deflate halves frames/s and buys nothing on 30-byte updates.
        ws_per_message_deflate=False,
        lifespan="on",
        timeout_graceful_shutdown=10,
        proxy_headers=args.proxy_headers,
        access_log=args.access_log,
        **uvicorn_options(settings.serving),  # header deadline, keep-alive, connection limit
    )
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ubiquite", description="Ubiquité collaborative motion server")
    commands = parser.add_subparsers(dest="command", required=True)
    serve_parser = commands.add_parser("serve", help="run the server")
    serve_parser.add_argument("--host", help="address to listen on (default: $HOST or 127.0.0.1)")
    serve_parser.add_argument("--port", type=int, help="port (default: $PORT or 8000)")
    serve_parser.add_argument("--workers", type=int, default=1, help="worker processes (needs REDIS_URL)")
    serve_parser.add_argument("--proxy-headers", action="store_true", help="trust X-Forwarded-* headers")
    serve_parser.add_argument("--access-log", action="store_true", help="log every HTTP request")
    serve_parser.add_argument("--demo", action="store_true", help="create the demo congress, print a link")
    serve_parser.set_defaults(handler=serve)
    admin_cli.add_commands(commands)
    add_archive_commands(commands)
    add_themes_parser(commands)
    add_contributions_parser(commands)
    add_db_commands(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = Settings.from_env()
    except ConfigError as exc:
        print(f"configuration error: {exc}", file=sys.stderr)
        return 2
    _configure_logging(settings.log_level)
    try:
        return int(args.handler(args, settings))
    except DomainError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
