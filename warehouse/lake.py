"""DuckLake: the warehouse as a catalogue in PostgreSQL and Parquet files, for a team.

A local DuckDB file lets one process write or many read. A DuckLake lets many
readers and one writer work at once, on one machine or several: each reader sees
the snapshot its transaction started on, and a run never waits for them.

The ``ducklake`` and ``postgres_scanner`` extensions come from the registry's wheels
(``duckdb-extension-*``, installed by ``requirements.lock``) and are loaded by
path; DuckDB's own extension download is switched off, so nothing is fetched at
run time. The connection settings are libpq's: ``ducklake:postgres:dbname=...
host=...`` names the catalogue, and the password comes from the environment
(``PGPASSWORD``, or a ``~/.pgpass`` file), never from the config.

DuckLake has no keys, indexes or sequences, so its DDL is the migrations' without
them (:func:`lake_sql`); the writes check their natural keys themselves, and one
writer at a time is kept by :func:`run_lock`, a PostgreSQL advisory lock in the
catalogue's database, which every machine's run takes.
"""

from __future__ import annotations

import contextlib
import importlib.util
import logging
import re
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb

log = logging.getLogger(__name__)

LAKE_PREFIX = "ducklake:"
POSTGRES_PREFIX = "ducklake:postgres:"
# The name the lake is attached under in dealwatch's connections; the views name no catalogue, so
# a user may attach it under any name.
ALIAS = "warehouse"
# (wheel's package, extension name), in load order: DuckLake reaches its catalogue through postgres.
EXTENSIONS = (
    ("duckdb_extension_postgres_scanner", "postgres_scanner"),
    ("duckdb_extension_ducklake", "ducklake"),
)
# Never download an extension: what is not installed from the lock file is an error.
OFFLINE = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}
# Secrets stay in the environment: a catalogue string that carries one is refused.
SECRET_KEYS = re.compile(r"(?:^|\s)(password|passfile)\s*=", re.IGNORECASE)
# The advisory lock every run takes in the catalogue's database (a stable number from a name).
RUN_LOCK_KEY = zlib.crc32(b"dealwatch run") & 0x7FFFFFFF
LOCK_POLL_S = 0.2
TRY_RUN_LOCK = (
    f"SELECT * FROM postgres_query('catalogue', 'SELECT pg_try_advisory_xact_lock({RUN_LOCK_KEY})')"  # noqa: S608 - a constant
)

# DuckLake has no PRIMARY KEY/UNIQUE constraints, indexes or sequences: the migrations' DDL is
# rewritten without them, inside CREATE TABLE statements only (patterns as data).
UNSUPPORTED_STATEMENTS = re.compile(r"^\s*CREATE\s+(?:UNIQUE\s+)?(?:INDEX|SEQUENCE)\b", re.I)
CREATE_TABLE = re.compile(r"^\s*CREATE\s+(?:OR\s+REPLACE\s+)?TABLE\b", re.I)
TABLE_REWRITES = (
    (re.compile(r",\s*PRIMARY\s+KEY\s*\([^)]*\)", re.I), ""),
    (re.compile(r"\s+PRIMARY\s+KEY\b", re.I), ""),
    (re.compile(r"\s+UNIQUE\b", re.I), ""),
    (re.compile(r"\s+DEFAULT\s+nextval\s*\([^)]*\)", re.I), ""),
)


class LakeError(RuntimeError):
    """The lake cannot be used as configured: an extension missing, the catalogue unreachable."""


class LakeBusy(LakeError):
    """Another run holds the lake's run lock."""


@dataclass(frozen=True, slots=True)
class Lake:
    """A DuckLake warehouse: ``catalog`` is the attach string, ``data_path`` where its Parquet files go."""

    catalog: str
    data_path: Path | None = None

    def __str__(self) -> str:
        return self.catalog

    @property
    def postgres(self) -> str:
        """The catalogue's libpq connection string."""
        return self.catalog[len(POSTGRES_PREFIX) :]


def is_lake_path(value: str) -> bool:
    return value.startswith(LAKE_PREFIX)


def check_catalog(value: str) -> str | None:
    """What is wrong with a ``ducklake:`` warehouse path, or ``None``."""
    if not value.startswith(POSTGRES_PREFIX):
        return f"a DuckLake warehouse path starts with {POSTGRES_PREFIX!r} (a PostgreSQL catalogue)"
    if SECRET_KEYS.search(value[len(POSTGRES_PREFIX) :]):
        return "holds a password: give it in PGPASSWORD (or ~/.pgpass), never in the config"
    if not value[len(POSTGRES_PREFIX) :].strip():
        return "names no catalogue database (ducklake:postgres:dbname=... host=...)"
    return None


def lake_sql(sql: str) -> str:
    """A migration's SQL as DuckLake takes it: no keys, indexes or sequences."""
    statements = []
    for statement in duckdb.extract_statements(sql):
        text = statement.query
        if UNSUPPORTED_STATEMENTS.match(_without_comments(text)):
            continue
        if CREATE_TABLE.match(_without_comments(text)):
            for pattern, replacement in TABLE_REWRITES:
                text = pattern.sub(replacement, text)
        statements.append(text.strip().rstrip(";"))
    return ";\n".join(statements) + ";\n" if statements else ""


def _without_comments(text: str) -> str:
    return re.sub(r"--[^\n]*", "", text)


def extension_file(package: str, name: str) -> Path:
    """The extension's file in its wheel, built for this DuckDB."""
    spec = importlib.util.find_spec(package)
    path = (
        Path(spec.origin).parent
        / "extensions"
        / f"v{duckdb.__version__}"
        / f"{name}.duckdb_extension"
        if spec and spec.origin
        else None
    )
    if path is None or not path.is_file():
        raise LakeError(
            f"the {name} extension for DuckDB {duckdb.__version__} is not installed "
            f"(pip install -r requirements.lock installs {package.replace('_', '-')})"
        )
    return path


def _sql_string(value: object) -> str:
    return "'" + str(value).replace("'", "''") + "'"


def offline_connection(
    extensions: tuple[tuple[str, str], ...] = EXTENSIONS,
) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB with the lake's extensions loaded from their wheels, and no downloads."""
    con = duckdb.connect(":memory:", config=dict(OFFLINE))
    try:
        for package, name in extensions:
            con.execute(f"LOAD {_sql_string(extension_file(package, name))}")
    except BaseException:
        con.close()
        raise
    return con


def connect(lake: Lake, *, read_only: bool) -> duckdb.DuckDBPyConnection:
    """A connection whose default catalogue is the lake; reads see the snapshot of their transaction."""
    con = offline_connection()
    options = ["READ_ONLY"] if read_only else []
    if lake.data_path is not None and not read_only:
        # Absolute: the catalogue keeps it, and every machine must name the same folder.
        folder = str(lake.data_path.absolute()).rstrip("/") + "/"
        options.append(f"DATA_PATH {_sql_string(folder)}")
    try:
        if lake.data_path is not None and not read_only:
            lake.data_path.mkdir(parents=True, exist_ok=True)
        con.execute(
            f"ATTACH {_sql_string(lake.catalog)} AS {ALIAS}"
            + (f" ({', '.join(options)})" if options else "")
        )
        con.execute(f"USE {ALIAS}")
    except duckdb.Error as exc:
        con.close()
        raise LakeError(f"cannot open the DuckLake {lake}: {str(exc).splitlines()[0]}") from exc
    return con


def has_catalogue(lake: Lake) -> bool:
    """Whether the lake's catalogue exists yet (a first write creates it)."""
    try:
        con = connect(lake, read_only=True)
    except LakeError:
        return False
    con.close()
    return True


@contextmanager
def run_lock(lake: Lake, *, wait_s: float = 0.0) -> Iterator[None]:
    """One run at a time across machines: a transaction-scoped advisory lock in the catalogue's
    database, held by a connection of its own for the run's length.

    PostgreSQL releases it when the transaction ends or its connection dies, so a killed run
    never leaves it behind (like the flock of a local run).
    """
    con = offline_connection(EXTENSIONS[:1])
    try:
        _take_run_lock(con, lake, wait_s)
        yield
    finally:
        # End the transaction first: closing a connection whose transaction is still open on a
        # catalogue that went away aborts the process (postgres_scanner 1.5.5); a failed
        # ROLLBACK leaves it closable, and PostgreSQL has dropped the lock with the connection.
        with contextlib.suppress(duckdb.Error):
            con.execute("ROLLBACK")
        con.close()


def _take_run_lock(con: duckdb.DuckDBPyConnection, lake: Lake, wait_s: float) -> None:
    deadline = time.monotonic() + wait_s
    announced = False
    try:
        con.execute(f"ATTACH {_sql_string(lake.postgres)} AS catalogue (TYPE postgres)")
        con.execute("BEGIN TRANSACTION")
        while True:
            row = con.execute(TRY_RUN_LOCK).fetchone()
            if row and row[0]:
                return
            if time.monotonic() >= deadline:
                raise LakeBusy(f"another dealwatch run holds the run lock of the DuckLake {lake}")
            if not announced:
                log.warning(
                    "another dealwatch run holds the run lock of the DuckLake %s; waiting up to %g s",
                    lake,
                    wait_s,
                )
                announced = True
            time.sleep(LOCK_POLL_S)
    except duckdb.Error as exc:
        raise LakeError(
            f"cannot take the run lock in the DuckLake's catalogue: {str(exc).splitlines()[0]}"
        ) from exc
