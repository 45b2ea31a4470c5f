"""A PostgreSQL cluster of the test's own, on a free port, that the test may stop and start again.

The system cluster on 5432 is shared by every session on the machine: a test
that takes the database away starts its own (initdb, then `pg_ctl`), in a
directory of its own that the `postgres` user owns (initdb refuses to run as
root; pytest's own temporary directories are closed to other users).
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

from tests.support.server import free_port

PG_BIN = Path(os.environ.get("UBIQUITE_PG_BIN", "/usr/lib/postgresql/15/bin"))


def postgres_server_unavailable() -> str | None:
    """Why no cluster of our own can be started here, or None."""
    if not (PG_BIN / "initdb").exists() or not (PG_BIN / "pg_ctl").exists():
        return f"initdb / pg_ctl not found in {PG_BIN}"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and there is no postgres user to run initdb as"
    return None


class PostgresServer:
    """One cluster, trust authentication, database `postgres`, listening on 127.0.0.1 only."""

    def __init__(self, port: int | None = None) -> None:
        self.port = port or free_port()
        self.dir = Path(tempfile.mkdtemp(prefix=f"ubiquite-pg-{self.port}-"))
        self.data = self.dir / "data"
        self.log_path = self.dir / "postgres.log"
        self._initialised = False

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, *argv: str | Path, timeout: float = 60.0) -> None:
        command = [str(a) for a in argv]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=timeout)

    def start(self, timeout: float = 30.0) -> PostgresServer:
        if not self._initialised:
            if os.geteuid() == 0:
                entry = pwd.getpwnam("postgres")
                os.chown(self.dir, entry.pw_uid, entry.pw_gid)
            self._run(PG_BIN / "initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8")
            self._initialised = True
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off"
        pg_ctl = PG_BIN / "pg_ctl"
        self._run(pg_ctl, "-D", str(self.data), "-l", str(self.log_path), "-o", options, "-w", "start")
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return self
            except OSError:
                time.sleep(0.05)
        raise RuntimeError(f"PostgreSQL did not start on port {self.port}")

    def stop(self) -> None:
        """Fast shutdown: every session is cut, the port refuses connections until `start`."""
        if self._initialised and (self.data / "postmaster.pid").exists():
            self._run(PG_BIN / "pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def remove(self) -> None:
        try:
            self.stop()
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)
