"""Configuration: read once from the environment into one object, passed down by constructor."""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from server.clock import UnknownTimeZone, zone_named

_OFF = ("0", "false", "no", "off")  # a boolean variable set to any of these is off


class ConfigError(ValueError):
    """A setting has a value the server cannot run with."""


def _int(env: Mapping[str, str], name: str, default: int, minimum: int = 0) -> int:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a whole number, got {raw!r}") from None
    if value < minimum:
        raise ConfigError(f"{name} must be at least {minimum}, got {value}")
    return value


def _float(env: Mapping[str, str], name: str, default: float, minimum: float = 0.0) -> float:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a number, got {raw!r}") from None
    if value < minimum:
        raise ConfigError(f"{name} must be at least {minimum}, got {value}")
    return value


@dataclass(frozen=True)
class Limits:
    """Bounds on what one connection may send; each breach closes that connection only."""

    max_message_bytes: int = 4 * 1024 * 1024
    messages_per_second: float = 60.0
    message_burst: int = 300
    # Bytes queued for one slow receiver before it is dropped (it resyncs on reconnect).
    max_send_queue_bytes: int = 16 * 1024 * 1024


@dataclass(frozen=True)
class BodyLimits:
    """The most bytes an HTTP request body may carry, per kind of route (server/web/limits.py).

    Enforced while the body streams in, before anything parses it: a forged token cannot
    make the server hold more than this (docs/security.md).
    """

    form_bytes: int = 64 * 1024  # the name-choice and sign-out forms are a few bytes
    json_bytes: int = 2 * 1024 * 1024  # what the organiser routes accepted before this limit
    upload_bytes: int = 20 * 1024 * 1024  # CSV of participants or contributions
    archive_bytes: int = 512 * 1024 * 1024  # a congress archive with its whole log


@dataclass(frozen=True)
class ServerLimits:
    """What `ubiquite serve` asks of uvicorn, against slow or piled-up connections (docs/deployment.md)."""

    # A request's headers must be complete this many seconds after the connection opened or
    # the previous response ended (server/serving.py; uvicorn has no such timeout).
    header_seconds: float = 10.0
    keep_alive_seconds: int = 5  # an idle keep-alive connection is closed after this
    # Past this many connections (WebSockets included) or running requests, uvicorn answers
    # 503 at once instead of piling them up: two sockets for each of 2,500 people.
    max_concurrency: int = 5000
    max_header_bytes: int = 64 * 1024  # one request's headers (with the h11 parser)


@dataclass(frozen=True)
class AccessSettings:
    """The closed door: how long links and sessions last, and what one person or address may do."""

    # The address people reach the server at, for printed invitation links; empty: http://HOST:PORT.
    public_url: str = ""
    invitation_days: float = 60.0  # the contributions phase alone lasts about six weeks
    session_days: float = 14.0
    max_connections_per_person: int = 12  # a few tabs, each with the motion and the mind map
    failed_attempts: int = 20  # bad tokens or cookies from one address ...
    failed_attempts_window: float = 600.0  # ... within this many seconds, then each bad one ...
    failed_attempt_delay: float = 1.0  # ... is answered this late (valid credentials still pass)
    # Open sockets re-read their identity this often: a revocation made by another process
    # or the command line closes them within this delay (the issue asks for a minute at most).
    recheck_seconds: float = 20.0


@dataclass(frozen=True)
class Settings:
    database_url: str
    redis_url: str | None = None
    secret_key: str = ""
    host: str = "127.0.0.1"
    port: int = 8000
    allowed_origins: tuple[str, ...] = ()
    data_dir: Path = Path("data")
    limits: Limits = field(default_factory=Limits)
    bodies: BodyLimits = field(default_factory=BodyLimits)
    serving: ServerLimits = field(default_factory=ServerLimits)
    access: AccessSettings = field(default_factory=AccessSettings)
    # Checkpoint the full state after this many logged updates (FIELD-NOTES: seek ≤ 15–50 ms).
    checkpoint_every: int = 1000
    # Batched log writes: commit at most this long after an update is accepted.
    flush_interval: float = 0.05
    # Accepted updates waiting for the database, in bytes, before rooms refuse new edits (docs/realtime.md).
    max_log_backlog_bytes: int = 64 * 1024 * 1024
    # Presence of one room is merged and sent at most this often (server/realtime/fanout.py).
    # Updates have no window: they go out at once, in batches that grow only under load.
    presence_interval: float = 0.1
    # Write frames straight to uvicorn's transports when it takes them at once
    # (server/realtime/transport.py); off: always through Starlette's send_bytes.
    direct_writes: bool = True
    # Who may read /metrics besides loopback requests that no proxy forwarded: whoever sends
    # "Authorization: Bearer <this token>" (docs/operations.md). Empty: loopback only.
    metrics_token: str = ""
    # Keep an empty room loaded this long, in case someone comes back.
    room_idle_seconds: float = 30.0
    log_level: str = "info"
    # The congress's clock: every date and time shown is in this zone (server/clock.py).
    time_zone: str = "Europe/Paris"

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        data_dir = Path(env.get("UBIQUITE_DATA_DIR", "data"))
        database_url = env.get("DATABASE_URL") or f"sqlite:///{data_dir / 'ubiquite.sqlite3'}"
        if not database_url.startswith(("sqlite:", "postgresql:", "postgresql+psycopg:", "postgres:")):
            raise ConfigError(f"DATABASE_URL must be sqlite:// or postgresql://, got {database_url!r}")
        redis_url = env.get("REDIS_URL") or None
        if redis_url and not redis_url.startswith(("redis://", "rediss://", "unix://")):
            raise ConfigError(f"REDIS_URL must be redis:// or rediss://, got {redis_url!r}")
        origins = tuple(o.strip().rstrip("/") for o in env.get("ALLOWED_ORIGINS", "").split(",") if o.strip())
        limits = Limits(
            max_message_bytes=_int(env, "UBIQUITE_MAX_MESSAGE_BYTES", Limits.max_message_bytes, 1024),
            messages_per_second=_float(env, "UBIQUITE_MESSAGES_PER_SECOND", Limits.messages_per_second, 1),
            message_burst=_int(env, "UBIQUITE_MESSAGE_BURST", Limits.message_burst, 1),
        )
        bodies = BodyLimits(
            form_bytes=_int(env, "UBIQUITE_MAX_FORM_BYTES", BodyLimits.form_bytes, 1024),
            json_bytes=_int(env, "UBIQUITE_MAX_JSON_BYTES", BodyLimits.json_bytes, 1024),
            upload_bytes=_int(env, "UBIQUITE_MAX_UPLOAD_BYTES", BodyLimits.upload_bytes, 1024),
            archive_bytes=_int(env, "UBIQUITE_MAX_ARCHIVE_BYTES", BodyLimits.archive_bytes, 1024),
        )
        serving = ServerLimits(
            header_seconds=_float(env, "UBIQUITE_HEADER_TIMEOUT", ServerLimits.header_seconds, 0.1),
            keep_alive_seconds=_int(env, "UBIQUITE_KEEP_ALIVE_TIMEOUT", ServerLimits.keep_alive_seconds, 1),
            max_concurrency=_int(env, "UBIQUITE_MAX_CONCURRENCY", ServerLimits.max_concurrency, 10),
            max_header_bytes=_int(env, "UBIQUITE_MAX_HEADER_BYTES", ServerLimits.max_header_bytes, 4096),
        )
        host = env.get("HOST", "127.0.0.1")
        port = _int(env, "PORT", 8000, 1)
        public_url = (env.get("UBIQUITE_PUBLIC_URL") or "").rstrip("/")
        if public_url and not public_url.startswith(("http://", "https://")):
            raise ConfigError(f"UBIQUITE_PUBLIC_URL must start with http:// or https://, got {public_url!r}")
        access = AccessSettings(
            public_url=public_url,
            invitation_days=_float(env, "UBIQUITE_INVITATION_DAYS", AccessSettings.invitation_days, 0.001),
            session_days=_float(env, "UBIQUITE_SESSION_DAYS", AccessSettings.session_days, 0.001),
            max_connections_per_person=_int(
                env, "UBIQUITE_MAX_CONNECTIONS_PER_PERSON", AccessSettings.max_connections_per_person, 1
            ),
            failed_attempts=_int(env, "UBIQUITE_FAILED_ATTEMPTS", AccessSettings.failed_attempts, 1),
            failed_attempt_delay=_float(
                env, "UBIQUITE_FAILED_ATTEMPT_DELAY", AccessSettings.failed_attempt_delay, 0.0
            ),
            recheck_seconds=_float(
                env, "UBIQUITE_ACCESS_RECHECK_SECONDS", AccessSettings.recheck_seconds, 0.1
            ),
        )
        if access.recheck_seconds > 60:
            raise ConfigError(
                "UBIQUITE_ACCESS_RECHECK_SECONDS must be at most 60: revocation must bite within a minute"
            )
        return cls(
            database_url=database_url,
            redis_url=redis_url,
            secret_key=env.get("SECRET_KEY", ""),
            host=host,
            port=port,
            allowed_origins=origins,
            data_dir=data_dir,
            limits=limits,
            bodies=bodies,
            serving=serving,
            access=access,
            checkpoint_every=_int(env, "UBIQUITE_CHECKPOINT_EVERY", 1000, 10),
            max_log_backlog_bytes=_int(env, "UBIQUITE_MAX_LOG_BACKLOG_BYTES", 64 * 1024 * 1024, 64 * 1024),
            room_idle_seconds=_float(env, "UBIQUITE_ROOM_IDLE_SECONDS", 30.0),
            direct_writes=env.get("UBIQUITE_DIRECT_WRITES", "1").strip().lower() not in _OFF,
            metrics_token=env.get("UBIQUITE_METRICS_TOKEN", ""),
            log_level=env.get("LOG_LEVEL", "info").lower(),
            time_zone=_time_zone(env),
        )

    @property
    def base_url(self) -> str:
        """Where people reach this server, as printed in invitation links."""
        if self.access.public_url:
            return self.access.public_url
        host = "127.0.0.1" if self.host in ("0.0.0.0", "::", "") else self.host
        return f"http://{host}:{self.port}"

    def with_secret(self) -> Settings:
        """Return settings whose secret key is set, generating and keeping one on first run."""
        if self.secret_key:
            return self
        path = self.data_dir / "secret_key"
        if path.exists():
            key = path.read_text().strip()
        else:
            self.data_dir.mkdir(parents=True, exist_ok=True)
            key = secrets.token_urlsafe(48)
            path.write_text(key + "\n")
            path.chmod(0o600)
        return replace(self, secret_key=key)


def _time_zone(env: Mapping[str, str]) -> str:
    name = env.get("UBIQUITE_TIME_ZONE", "").strip() or "Europe/Paris"
    try:
        zone_named(name)
    except UnknownTimeZone as exc:
        raise ConfigError(f"UBIQUITE_TIME_ZONE: {exc}") from None
    return name
