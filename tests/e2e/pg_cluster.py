"""A private PostgreSQL 15 server that a test may stop and start at will (the shared local
server must stay up for everyone else).

initdb and pg_ctl refuse to run as root, so they run as the `postgres` user through runuser;
the data directory lives in its own /tmp directory (pytest's tmp_path is private to root).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

PG_BIN = Path("/usr/lib/postgresql/15/bin")
OWNER = "postgres"


def usable() -> str | None:
    """Why a private cluster cannot be started here, or None when it can."""
    if not (PG_BIN / "initdb").exists():
        return f"no PostgreSQL binaries in {PG_BIN}"
    if os.geteuid() != 0 or shutil.which("runuser") is None:
        return "needs root and runuser to run initdb as the postgres user"
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PrivateCluster:
    def __init__(self) -> None:
        self.base = Path(tempfile.mkdtemp(prefix="kp-pgcluster-"))
        self.data = self.base / "data"
        self.port = _free_port()
        shutil.chown(self.base, OWNER, OWNER)
        self._as_owner(PG_BIN / "initdb", "-D", self.data, "-A", "trust", "-U", "postgres",
                       "-E", "UTF8", "--locale=C", "--no-sync")

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def _as_owner(self, *command: object) -> None:
        subprocess.run(["runuser", "-u", OWNER, "--", *map(str, command)], check=True,
                       cwd=self.base, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def start(self) -> None:
        options = f"-p {self.port} -k {self.base} -c listen_addresses=127.0.0.1"
        self._as_owner(PG_BIN / "pg_ctl", "-D", self.data, "-o", options,
                       "-l", self.base / "server.log", "-w", "-t", "120", "start")

    def stop(self) -> None:
        """Fast shutdown: open connections are cut, as in a crash-restart of the server."""
        self._as_owner(PG_BIN / "pg_ctl", "-D", self.data, "-m", "fast", "-w", "-t", "120",
                       "stop")

    def destroy(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):  # was not running
            self.stop()
        shutil.rmtree(self.base, ignore_errors=True)
