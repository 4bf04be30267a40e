"""A real PostgreSQL server for the DuckLake tests and benchmark: Debian's ``postgresql``, in a
temporary folder, on 127.0.0.1.

``initdb`` refuses to run as root, so under root (CI) the cluster belongs to an unprivileged user
(``postgres``, which the Debian package creates, else ``nobody``) and its programs run as that user
through ``runuser``. Connections from this process use a password (scram-sha-256), given to libpq
in ``PGPASSWORD`` the way a team gives it to dealwatch: never in the config.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

USER = "dealwatch"
PASSWORD = "test-only-" + uuid.uuid4().hex[:12]
# Unprivileged owners to run the server as when this process is root, in order of preference.
SERVER_OWNERS = ("postgres", "nobody")


class PostgresMissing(RuntimeError):
    """No PostgreSQL server binaries on this machine."""


def server_bin() -> Path:
    """The folder of ``initdb``/``pg_ctl``: Debian keeps them out of PATH, under its version."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    if found:
        return Path(found[0]).parent
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).parent
    raise PostgresMissing(
        "PostgreSQL's server is not installed: apt-get install postgresql (.ci/run does)"
    )


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _owner() -> pwd.struct_passwd | None:
    if os.geteuid() != 0:
        return None
    for name in SERVER_OWNERS:
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    raise PostgresMissing("running as root, and no unprivileged user to run PostgreSQL as")


@dataclass
class PostgresServer:
    """One cluster; :meth:`new_database` gives each test a database of its own."""

    folder: Path
    port: int
    owner: pwd.struct_passwd | None

    @property
    def host(self) -> str:
        return "127.0.0.1"

    def environment(self) -> dict[str, str]:
        """What a client needs besides the connection string: the password, as libpq reads it."""
        return {"PGPASSWORD": PASSWORD}

    def catalog(self, database: str) -> str:
        """The DuckLake warehouse path for ``database``: no password in it."""
        return f"ducklake:postgres:dbname={database} host={self.host} port={self.port} user={USER}"

    def _as_owner(self, args: list[str]) -> list[str]:
        return ["runuser", "-u", self.owner.pw_name, "--", *args] if self.owner else args

    def _client(self, program: str, *args: str) -> None:
        subprocess.run(
            [str(server_bin() / program), "-h", self.host, "-p", str(self.port), "-U", USER, *args],
            env={**os.environ, **self.environment()},
            check=True,
            capture_output=True,
            timeout=60,
        )

    def new_database(self, prefix: str = "lake") -> str:
        name = f"{prefix}_{uuid.uuid4().hex[:10]}"
        self._client("createdb", name)
        return name

    def psql(self, database: str, sql: str) -> str:
        done = subprocess.run(
            [
                str(server_bin() / "psql"),
                *("-h", self.host, "-p", str(self.port), "-U", USER, "-d", database),
                *("-AtX", "-c", sql),
            ],
            env={**os.environ, **self.environment()},
            check=True,
            capture_output=True,
            text=True,
            timeout=60,
        )
        return done.stdout.strip()

    def start(self) -> None:
        """Start the server (again) on its folder and port."""
        options = (
            f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100"
        )
        subprocess.run(
            self._as_owner(
                [
                    str(server_bin() / "pg_ctl"),
                    *("-D", str(self.folder / "data"), "-o", options),
                    *("-l", str(self.folder / "server.log"), "-w", "-t", "60", "start"),
                ]
            ),
            check=True,
            capture_output=True,
            timeout=120,
        )

    def halt(self, mode: str = "fast") -> None:
        """Stop the server, keeping its data: ``immediate`` is a crash, as far as clients see."""
        subprocess.run(
            self._as_owner(
                [str(server_bin() / "pg_ctl"), "-D", str(self.folder / "data"), "-m", mode, "stop"]
            ),
            check=False,
            capture_output=True,
            timeout=60,
        )

    def stop(self) -> None:
        self.halt()
        shutil.rmtree(self.folder, ignore_errors=True)


def start_postgres() -> PostgresServer:
    """initdb in a fresh temporary folder, then start the server on a free port of 127.0.0.1."""
    bindir = server_bin()
    owner = _owner()
    folder = Path(tempfile.mkdtemp(prefix="dealwatch-pg-"))
    server = PostgresServer(folder=folder, port=_free_port(), owner=owner)
    password_file = folder / "password"
    password_file.write_text(PASSWORD + "\n", encoding="utf-8")
    if owner is not None:
        for path in (folder, password_file):
            os.chown(path, owner.pw_uid, owner.pw_gid)
    try:
        subprocess.run(
            server._as_owner(
                [
                    str(bindir / "initdb"),
                    *("-D", str(folder / "data"), "-U", USER, "--pwfile", str(password_file)),
                    *("--auth-host=scram-sha-256", "--auth-local=trust", "-E", "UTF8"),
                    "--no-sync",
                ]
            ),
            check=True,
            capture_output=True,
            timeout=120,
        )
        server.start()
    except subprocess.CalledProcessError as exc:
        log = folder / "server.log"
        detail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
        shutil.rmtree(folder, ignore_errors=True)
        raise RuntimeError(
            f"PostgreSQL did not start: {exc.stderr.decode(errors='replace')[-2000:]} {detail}"
        ) from exc
    return server
