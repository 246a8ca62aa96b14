"""A throwaway PostgreSQL server for the tests: ``initdb`` and ``pg_ctl`` on a Unix socket.

The cluster lives in a fresh temporary folder, listens on no TCP port (only on a
socket in that folder), requires a password (SCRAM) and is removed afterwards.
As root, the server runs as the ``postgres`` user (PostgreSQL refuses root).
Debian's ``postgresql`` package provides the binaries (``.ci/run`` installs it).
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

USER = "okr"
PASSWORD = "pw-for-tests-only"
DATABASE = "crm"


def bin_dir() -> Path:
    """The newest installed PostgreSQL's bin folder."""
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4])
    )
    if not found:
        raise RuntimeError(
            "PostgreSQL is not installed: apt-get install postgresql (.ci/run does this)"
        )
    return Path(found[-1]).parent


@dataclass
class Server:
    """A running cluster: its folder, socket folder and how to reach it."""

    root: Path
    port: int = 5432

    @property
    def socket_dir(self) -> Path:
        return self.root / "socket"

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    def url(self, password: str = "${PGPASSWORD}", database: str = DATABASE) -> str:
        """A SQLAlchemy URL for the socket (``password`` an ``${ENV}`` reference by default)."""
        return (
            f"postgresql+psycopg://{USER}:{password}@/{database}"
            f"?host={self.socket_dir}&port={self.port}"
        )

    def _run(self, *args: str) -> None:
        command = [str(bin_dir() / args[0]), *args[1:]]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, text=True, timeout=120)

    def start(self) -> None:
        options = f"-k {self.socket_dir} -c listen_addresses='' -p {self.port} -c fsync=off"
        log = str(self.root / "server.log")
        self._run("pg_ctl", "-D", str(self.data_dir), "-o", options, "-l", log, "-w", "start")

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data_dir), "-m", "fast", "-w", "stop")


@contextmanager
def running_server() -> Iterator[Server]:
    """Start a fresh cluster with database ``crm`` owned by ``okr``; stop and remove it after."""
    root = Path(tempfile.mkdtemp(prefix="okrkit-pg-"))
    server = Server(root)
    try:
        server.socket_dir.mkdir()
        (root / "pwfile").write_text(PASSWORD + "\n", encoding="utf-8")
        if os.geteuid() == 0:
            postgres = pwd.getpwnam("postgres")
            for path in (root, server.socket_dir, root / "pwfile"):
                os.chown(path, postgres.pw_uid, postgres.pw_gid)
        server._run(
            "initdb", "-D", str(server.data_dir), "-U", USER, "--pwfile", str(root / "pwfile"),
            "--auth-local=scram-sha-256", "--auth-host=scram-sha-256", "-E", "UTF8",
            "--locale=C", "--no-sync",
        )  # fmt: skip
        server.start()
        try:
            import sqlalchemy as sa

            engine = sa.create_engine(
                server.url(PASSWORD, "postgres"), isolation_level="AUTOCOMMIT"
            )
            with engine.connect() as connection:
                connection.execute(sa.text(f"CREATE DATABASE {DATABASE}"))
            engine.dispose()
            yield server
        finally:
            server.stop()
    finally:
        shutil.rmtree(root, ignore_errors=True)
