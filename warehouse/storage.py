"""The warehouse file's storage format, and converting it once to one every DuckDB client opens.

DuckDB 2.0 writes a storage format that the DuckDB CLI (``duckdb-cli`` 1.5.6),
JDBC/ODBC drivers and the extension wheels on the registry do not read yet
(issue 20). dealwatch pins DuckDB 1.5.5, which writes storage version 64, the
format every DuckDB since 0.10 reads. A warehouse written by dealwatch on
DuckDB 2.0 is converted once by the DuckDB that wrote it (only it reads that
format): copied into a new file at the old storage version, verified table by
table, then swapped in. The original is kept beside it until someone deletes it.

This module imports only the standard library and ``duckdb``, so it also runs
as a script under the environment the file came from, whatever its version:
``python warehouse/storage.py data/dealwatch.duckdb`` (``make`` does this
before it replaces ``.venv``).
"""

from __future__ import annotations

import os
import shutil
import struct
import sys
from dataclasses import dataclass
from pathlib import Path

import duckdb

# The main header: a checksum (8 bytes), the magic, the storage version (uint64, little-endian),
# then flags, then the name of the library that wrote the file.
MAGIC = b"DUCK"
MAGIC_AT = 8
VERSION_AT = 12
WRITER_AT = 52
WRITER_LENGTH = 32
# The storage versions DuckDB 1.x reads ("we can only read versions between 64 and 68", 1.5.5 and
# the CLI 1.5.6 alike); 64 is what DuckDB 0.10 to 1.5 write by default.
READABLE_STORAGE = range(64, 69)
# What a conversion writes: storage version 64, the format every DuckDB since 0.10 opens.
TARGET_STORAGE_VERSION = "v1.0.0"
CONVERTING_SUFFIX = ".converting"


class ConversionError(RuntimeError):
    """The file cannot be converted here; the message says why and what to do."""


@dataclass(frozen=True, slots=True)
class FileFormat:
    storage: int  # the storage version number in the file's header
    written_by: str  # the library that wrote it, e.g. "v2.0.0"

    @property
    def readable(self) -> bool:
        """Whether DuckDB 1.x (dealwatch's pinned line, the CLI, the drivers) opens it."""
        return self.storage in READABLE_STORAGE

    def readable_in(self, versions: range) -> bool:
        return self.storage in versions


def parse_header(head: bytes) -> FileFormat | None:
    """The format a DuckDB file's first bytes declare; ``None`` when they are not a DuckDB file's."""
    if len(head) < VERSION_AT + 8 or head[MAGIC_AT : MAGIC_AT + len(MAGIC)] != MAGIC:
        return None
    (storage,) = struct.unpack_from("<Q", head, VERSION_AT)
    writer = head[WRITER_AT : WRITER_AT + WRITER_LENGTH].split(b"\0", 1)[0]
    return FileFormat(storage=storage, written_by=writer.decode("ascii", "replace"))


def read_format(path: Path) -> FileFormat | None:
    """The format of the DuckDB file at ``path``; ``None`` when there is none, or it is empty."""
    try:
        with Path(path).open("rb") as fh:
            return parse_header(fh.read(WRITER_AT + WRITER_LENGTH))
    except FileNotFoundError:
        return None


def sql_string(value: object) -> str:
    """A SQL string literal (ATTACH takes no parameters)."""
    return "'" + str(value).replace("'", "''") + "'"


def kept_path(path: Path, fmt: FileFormat) -> Path:
    """Where the original of a converted warehouse is kept."""
    return path.with_name(f"{path.name}.storage-{fmt.storage}")


def conversion_hint(path: Path, fmt: FileFormat) -> str:
    """One line for a user whose warehouse this dealwatch cannot open."""
    return (
        f"the warehouse {path} was written by DuckDB {fmt.written_by} (storage version "
        f"{fmt.storage}), which DuckDB {duckdb.__version__} and the DuckDB CLI cannot read; convert "
        f"it once with the DuckDB that wrote it: `<that environment's python> warehouse/storage.py "
        f"{path}` (`make` does it before it updates .venv; the original is kept as "
        f"{kept_path(path, fmt).name})"
    )


def _tables(con: duckdb.DuckDBPyConnection, database: str) -> list[tuple[str, str]]:
    return con.execute(
        "SELECT schema_name, table_name FROM duckdb_tables() WHERE database_name = ? ORDER BY ALL",
        [database],
    ).fetchall()


def _catalogue(con: duckdb.DuckDBPyConnection, database: str) -> dict[str, list[tuple]]:
    """What a copy must carry besides the rows: views, indexes, sequences and where they stand."""
    queries = {
        "views": "SELECT schema_name, view_name, sql FROM duckdb_views() "
        "WHERE database_name = ? AND NOT internal ORDER BY ALL",
        "indexes": "SELECT schema_name, table_name, index_name FROM duckdb_indexes() "
        "WHERE database_name = ? ORDER BY ALL",
        "sequences": "SELECT schema_name, sequence_name, last_value FROM duckdb_sequences() "
        "WHERE database_name = ? ORDER BY ALL",
    }
    return {name: con.execute(sql, [database]).fetchall() for name, sql in queries.items()}


def _fingerprint(con: duckdb.DuckDBPyConnection, database: str, schema: str, table: str) -> tuple:
    """Row count and an order-free hash of every row (the same process hashes both sides)."""
    row = con.execute(
        f'SELECT count(*), bit_xor(hash(t)) FROM "{database}"."{schema}"."{table}" AS t'  # noqa: S608 - names from the catalogue
    ).fetchone()
    return tuple(row) if row else ()


def verify_copy(con: duckdb.DuckDBPyConnection, source: str, copy: str) -> None:
    """Raise ``ConversionError`` unless ``copy`` holds every table, row, view, index and sequence of
    ``source``."""
    tables = _tables(con, source)
    if _tables(con, copy) != tables:
        raise ConversionError("the copy does not have the same tables")
    for schema, table in tables:
        if _fingerprint(con, source, schema, table) != _fingerprint(con, copy, schema, table):
            raise ConversionError(f"the copy of {schema}.{table} differs from the original")
    before, after = _catalogue(con, source), _catalogue(con, copy)
    for kind in before:
        if before[kind] != after[kind]:
            raise ConversionError(f"the copy does not have the same {kind}")


def _copy_to_readable(path: Path, partial: Path) -> None:
    con = duckdb.connect(":memory:")
    try:
        con.execute(f"ATTACH {sql_string(path)} AS original (READ_ONLY)")
        con.execute(
            f"ATTACH {sql_string(partial)} AS converted (STORAGE_VERSION '{TARGET_STORAGE_VERSION}')"
        )
        con.execute("COPY FROM DATABASE original TO converted")
        con.execute("CHECKPOINT converted")
        verify_copy(con, "original", "converted")
    finally:
        con.close()


def convert(path: Path, *, readable: range = READABLE_STORAGE) -> Path | None:
    """Convert the warehouse at ``path`` to storage version 64 if it is in another; the original's new
    name, or ``None`` when there was nothing to do.

    Copy, verify, swap: the copy is written under a temporary name and compared with the original
    (every table's rows, views, indexes, sequences) before it takes the original's name; the original
    (and its write-ahead log, if any) stays beside it. A conversion that fails or is killed leaves the
    original where it was.
    """
    path = Path(path)
    fmt = read_format(path)
    if fmt is None or fmt.readable_in(readable):
        return None
    kept = kept_path(path, fmt)
    if kept.exists():
        raise ConversionError(f"{path}: {kept} is already there; move it away first")
    partial = path.with_name(path.name + CONVERTING_SUFFIX)
    for leftover in (partial, partial.with_name(partial.name + ".wal")):
        leftover.unlink(missing_ok=True)
    try:
        _copy_to_readable(path, partial)
    except duckdb.Error as exc:
        partial.unlink(missing_ok=True)
        raise ConversionError(
            f"{path}: DuckDB {duckdb.__version__} cannot convert it ({str(exc).splitlines()[0]}); "
            f"run this under the DuckDB that wrote it ({fmt.written_by})"
        ) from exc
    except ConversionError:
        partial.unlink(missing_ok=True)
        raise
    written = read_format(partial)
    if written is None or not written.readable_in(readable):
        partial.unlink(missing_ok=True)
        raise ConversionError(f"{path}: the copy came out in storage version {written}")
    try:
        os.link(path, kept)  # the original keeps its bytes under a second name: nothing is copied
    except OSError:
        shutil.copy2(path, kept)
    os.replace(partial, path)
    wal = path.with_name(path.name + ".wal")
    if wal.exists():
        os.replace(wal, kept.with_name(kept.name + ".wal"))
    return kept


def main(argv: list[str]) -> int:
    """Convert each warehouse named; status 0 when all of them are now readable, 2 otherwise."""
    if not argv:
        print("usage: python warehouse/storage.py WAREHOUSE.duckdb ...", file=sys.stderr)
        return 2
    status = 0
    for name in argv:
        path = Path(name)
        try:
            kept = convert(path)
        except ConversionError as exc:
            print(f"dealwatch: {exc}", file=sys.stderr)
            status = 2
            continue
        if kept is not None:
            print(
                f"dealwatch: converted {path} to storage version 64 (every DuckDB client opens it); "
                f"the original is kept as {kept}: delete it once you are happy"
            )
    return status


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
