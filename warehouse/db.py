"""Opening the warehouse: one short write window at a time, readers beside it.

DuckDB lets one process hold a file read-write, or any number hold it
read-only, never both. A run therefore opens the file only for the step that
writes, and when a reader (the ``duckdb`` CLI, ``dealwatch sql``, a notebook)
holds it, waits with one clear log line and retries until its timeout.

Every way the file can fail a run (held by another process, not a DuckDB file,
a read-only folder, a full disk, an I/O error) leaves here as a
:class:`WarehouseError` with one line saying why, so a caller can keep its
work for later instead of crashing; a mistake in our own SQL stays what it is.

A warehouse is that file (a ``Path``) or a DuckLake (:class:`warehouse.lake.Lake`),
where readers never hold a writer up: there the connection opens at once, and
the write window is the local file's only.
"""

from __future__ import annotations

import importlib.abc
import importlib.util
import logging
import os
import re
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from warehouse import lake as ducklake
from warehouse import storage
from warehouse.lake import Lake

log = logging.getLogger(__name__)


class _NotInstalled(importlib.abc.MetaPathFinder):
    """Says at once that a module is not installed, instead of searching the import path for it.

    DuckDB's client (1.5) tries to import pandas twice for every Python value it binds; without
    pandas installed each failed import searched the whole path again: a fifth of a cold run's
    store (6,400 searches for 2,000 articles). Installed only where pandas is absent (checked
    once, at import), so every such import fails as it would have, only sooner.
    """

    def __init__(self, names: frozenset[str]) -> None:
        self.names = names

    def find_spec(self, fullname: str, *_: object) -> None:  # (path, target): not needed
        if fullname in self.names:
            raise ModuleNotFoundError(f"No module named {fullname!r}", name=fullname)
        return None


if importlib.util.find_spec("pandas") is None:
    sys.meta_path.insert(0, _NotInstalled(frozenset({"pandas"})))

SQL_DIR = Path(__file__).resolve().parent / "sql"
MIGRATION_NAME = re.compile(r"^(\d{3})_[a-z0-9_]+\.sql$")
# DuckDB's wording when another process holds the file.
LOCK_CONFLICT = re.compile(r"lock|conflicting|being used", re.IGNORECASE)


class WarehouseError(RuntimeError):
    """The warehouse cannot be used as it is: missing, unreadable, or newer than this code."""


class WarehouseBusy(WarehouseError):
    """The write (or read) window did not open within the timeout."""


class WarehouseUnavailable(WarehouseError):
    """The file cannot be opened or written: not a DuckDB file, no permission, a read-only
    file system, a full disk, an I/O error."""


# What DuckDB and the OS raise when the file itself fails, as opposed to a query that is wrong:
# I/O, commit and connection errors (OperationalError: a full disk fails the COMMIT with a
# TransactionException), a database DuckDB invalidated after a failed write (FatalException),
# permissions, and the folder or file operations around the file (OSError).
STORAGE_ERRORS: tuple[type[BaseException], ...] = (
    duckdb.OperationalError,
    duckdb.FatalException,
    duckdb.PermissionException,
    OSError,
)


def first_line(exc: BaseException) -> str:
    """An exception's message on one line (DuckDB's may run to several)."""
    text = " ".join(str(exc).split())
    return text or type(exc).__name__


@contextmanager
def storage_errors(path: Target, doing: str) -> Iterator[None]:
    """A storage failure inside the block becomes a :class:`WarehouseUnavailable` naming ``path``."""
    try:
        yield
    except WarehouseError:
        raise
    except STORAGE_ERRORS as exc:
        raise WarehouseUnavailable(f"cannot {doing} warehouse {path}: {first_line(exc)}") from exc


class WarehouseUnreachable(WarehouseBusy):
    """A DuckLake's catalogue cannot be reached to write: like a busy file, the run keeps what it
    analysed in the spool for the next run."""


# Where the warehouse is: a local DuckDB file, or a DuckLake.
Target = Path | Lake


def exists(target: Target) -> bool:
    """Whether there is a warehouse yet (a first write creates it)."""
    if isinstance(target, Lake):
        return ducklake.has_catalogue(target)
    return Path(target).is_file()


def migrations() -> list[tuple[int, str, str]]:
    """(version, file name, SQL) for every numbered file in ``warehouse/sql``, in order."""
    found = []
    for entry in SQL_DIR.iterdir():
        match = MIGRATION_NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    found.sort()
    versions = [v for v, _, _ in found]
    if len(set(versions)) != len(versions):
        raise WarehouseError(f"two migrations share a number: {versions}")
    return found


def code_version() -> int:
    return max((v for v, _, _ in migrations()), default=0)


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    found = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_catalog = current_database() "
        "AND table_schema = 'store' AND table_name = 'schema_migrations'"
    ).fetchone()
    if not found or not found[0]:
        return 0
    row = con.execute("SELECT max(version) FROM store.schema_migrations").fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def migrate(
    con: duckdb.DuckDBPyConnection, *, upto: int | None = None, lake: bool = False
) -> list[str]:
    """Apply pending migrations (up to version ``upto``), each in its own transaction; forward only.

    On a DuckLake (``lake``) each migration runs as :func:`warehouse.lake.lake_sql` rewrites it.
    """
    dialect = ducklake.lake_sql if lake else _as_written
    current = schema_version(con)
    latest = code_version()
    if current > latest:
        raise WarehouseError(
            f"the warehouse is at schema version {current}, newer than this code ({latest}); "
            "upgrade dealwatch or use a different file"
        )
    applied = []
    for version, name, sql in migrations():
        if version <= current or (upto is not None and version > upto):
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(dialect(sql))
            con.execute(dialect(SCHEMA_MIGRATIONS))
            con.execute(
                "INSERT INTO store.schema_migrations VALUES (?, ?, ?)",
                [version, name, datetime.now(UTC)],
            )
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        applied.append(name)
        log.info("warehouse migrated to %s", name)
    return applied


SCHEMA_MIGRATIONS = (
    "CREATE TABLE IF NOT EXISTS store.schema_migrations "
    "(version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMPTZ NOT NULL);"
)


def _as_written(sql: str) -> str:
    return sql


def _is_lock_conflict(exc: Exception) -> bool:
    return isinstance(exc, duckdb.IOException | duckdb.ConnectionException) and bool(
        LOCK_CONFLICT.search(str(exc))
    )


def _connect(
    path: Path,
    *,
    read_only: bool,
    timeout_s: float,
    retry_every_s: float,
    give_up: Callable[[], bool] | None = None,
) -> duckdb.DuckDBPyConnection:
    fmt = storage.read_format(path)
    if fmt is not None and not fmt.readable:
        raise WarehouseError(storage.conversion_hint(path, fmt))
    deadline = time.monotonic() + timeout_s
    announced = False
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except (duckdb.IOException, duckdb.ConnectionException) as exc:
            if not _is_lock_conflict(exc):
                raise WarehouseUnavailable(
                    f"cannot open warehouse {path}: {first_line(exc)}"
                ) from exc
            mode = "read" if read_only else "write"
            if give_up is not None and give_up():
                raise WarehouseBusy(
                    f"warehouse {path} is held by another process; stopped waiting for the "
                    f"{mode} window"
                ) from exc
            if time.monotonic() >= deadline:
                raise WarehouseBusy(
                    f"warehouse {path} is held by another process; the {mode} window did not open "
                    f"within {timeout_s:g} s"
                ) from exc
            if not announced:
                log.warning(
                    "warehouse %s is held by another process; waiting up to %g s for the %s window",
                    path,
                    timeout_s,
                    mode,
                )
                announced = True
            time.sleep(min(retry_every_s, max(0.0, deadline - time.monotonic())))


def _create(path: Path) -> None:
    """A new warehouse appears whole: migrated under a temporary name, then renamed.

    A run killed while creating it leaves no file (and no half-migrated one
    without its public views) at ``path``.
    """
    partial = path.with_name(path.name + ".creating")
    for leftover in (partial, path.with_name(partial.name + ".wal")):
        leftover.unlink(missing_ok=True)
    con = duckdb.connect(str(partial))
    try:
        migrate(con)
    finally:
        con.close()
    os.replace(partial, path)


@contextmanager
def write_connection(
    path: Target,
    *,
    timeout_s: float = 120.0,
    retry_every_s: float = 0.5,
    give_up: Callable[[], bool] | None = None,
) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-write connection held for one step; pending migrations are applied first.

    A file that cannot be written, now or during the step, raises :class:`WarehouseUnavailable`;
    one held by another process past ``timeout_s``, or once ``give_up()`` says so (the run
    was asked to stop), :class:`WarehouseBusy`. On a DuckLake it opens at once (readers hold
    no lock), so ``timeout_s`` does not apply; a catalogue that cannot be reached raises
    :class:`WarehouseUnreachable`.
    """
    if isinstance(path, Lake):
        try:
            con = ducklake.connect(path, read_only=False)
        except ducklake.LakeError as exc:
            raise WarehouseUnreachable(str(exc)) from exc
        try:
            migrate(con, lake=True)
            yield con
        finally:
            con.close()
        return
    path = Path(path)
    with storage_errors(path, "write"):
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists():
            _create(path)
        con = _connect(
            path,
            read_only=False,
            timeout_s=timeout_s,
            retry_every_s=retry_every_s,
            give_up=give_up,
        )
        try:
            migrate(con)
            yield con
        finally:
            con.close()


@contextmanager
def read_connection(
    path: Target, *, timeout_s: float = 10.0, retry_every_s: float = 0.5
) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection; the warehouse must exist and not be newer than this code."""
    if isinstance(path, Lake):
        try:
            con = ducklake.connect(path, read_only=True)
        except ducklake.LakeError as exc:
            raise WarehouseError(
                f"{exc} (if there is no warehouse there yet: run `dealwatch run` or "
                "`dealwatch backfill` first)"
            ) from exc
    elif not Path(path).exists():
        raise WarehouseError(
            f"no warehouse at {path} yet: run `dealwatch run` or `dealwatch backfill` first"
        )
    else:
        with storage_errors(path, "read"):
            con = _connect(
                Path(path), read_only=True, timeout_s=timeout_s, retry_every_s=retry_every_s
            )
    try:
        with storage_errors(path, "read"):
            version = schema_version(con)
        if version > code_version():
            raise WarehouseError(
                f"the warehouse is at schema version {version}, newer than this code ({code_version()})"
            )
        yield con
    finally:
        con.close()


def checkpoint(con: duckdb.DuckDBPyConnection, target: Target) -> None:
    """Write what was committed into the database file now, not when the connection closes.

    A batch's commit sits in the write-ahead log until the next checkpoint. DuckDB 1.5.5
    replays that log wrongly after a crash in some cases (duckdb/duckdb#24744, fixed after
    1.5.5): the replayed rows are in the table but not in its primary key's index, and are
    invisible to filters and joins. Measured with tests/flows/test_crash_safety.py (twenty
    SIGKILLs a run): without this, 2 of 5 runs ended with a killed batch's claims invisible;
    checkpointing after each batch, 0 of 5. It narrows the window to the checkpoint itself.
    A DuckLake has no local log: nothing to do.
    """
    if not isinstance(target, Lake):
        con.execute("CHECKPOINT")


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """All of the block is written, or none of it."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield con
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")
