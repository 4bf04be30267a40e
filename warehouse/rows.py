"""Rows for the store's tables: one column list per table, and the statements built from it.

A writer builds a row as a dict keyed by column name (one function per table); the
:class:`Table` beside it turns rows into the INSERT's column list and placeholders,
in the one order its ``columns`` give, and refuses a row whose keys differ. The
tables themselves are created by the numbered ``warehouse/sql/*.sql`` migrations.

Also here: the small helpers every writer shares (``IN`` lists sized for DuckDB's
index lookups, UTC timestamps, alert ids) and the audit row of an alert decision,
which feed health and reconciliation both write.
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import duckdb
import pyarrow as pa

from warehouse.records import AlertRecord

# Up to this many article ids, string literals: looked up in the primary key (measured faster than
# a scan up to ~300 ids at 100k articles).
LITERAL_LOOKUPS = 256
# Up to this many keys, one placeholder each: DuckDB looks each up in the index. Beyond, the keys
# as an Arrow table, which it joins against with a scan: cheaper than thousands of lookups.
LOOKUPS = 64

Row = Mapping[str, Any]

# The Arrow type of a column whose SQL type is one of these; others are inferred from the values.
ARROW_TYPES: Mapping[str, pa.DataType] = {
    "VARCHAR": pa.string(),
    "BIGINT": pa.int64(),
    "UBIGINT": pa.uint64(),
    "INTEGER": pa.int32(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
    "DATE": pa.date32(),
    "TIMESTAMPTZ": pa.timestamp("us", tz="UTC"),
    "VARCHAR[]": pa.list_(pa.string()),
}

# Names under which a batch's rows are handed to DuckDB as an Arrow table, one per batch.
# DuckDB 1.5 binds a large list parameter slowly (3,000 rows through ``unnest(?)``: 0.38 s,
# against 0.01 s on 2.0); the same rows as an Arrow table take a fifth of that. Why (measured
# with an import hook): DuckDB 1.5.5's client tries to import pandas twice for every Python value
# it converts, and without pandas installed each failed import searches ``sys.path`` again
# (about 75 us); pyarrow converts a table's columns without asking.
_BATCH_NAMES = itertools.count()


@dataclass(frozen=True, slots=True)
class Table:
    """A table's columns in the order its INSERTs name them, with the casts a placeholder needs."""

    name: str
    columns: tuple[str, ...]
    types: Mapping[str, str] = field(
        default_factory=dict
    )  # column -> SQL type, where one is needed

    def values(self, row: Row) -> list[Any]:
        """``row``'s values in column order; its keys must be exactly the columns."""
        if len(row) != len(self.columns) or any(c not in row for c in self.columns):
            raise ValueError(
                f"a row of {self.name} has {sorted(row)}, not the columns {list(self.columns)}"
            )
        return [row[c] for c in self.columns]

    def placeholders(self) -> str:
        """``(?, ?::T, ...)``: one row's placeholders for ``INSERT ... VALUES``."""
        marks = (f"?::{self.types[c]}" if c in self.types else "?" for c in self.columns)
        return f"({', '.join(marks)})"

    def insert(self, con: duckdb.DuckDBPyConnection, rows: Sequence[Row]) -> None:
        """Every row in one statement, not one statement a row: the rows as one Arrow table
        (a multi-row VALUES statement binds one parameter per cell and costs several times more
        for wide rows)."""
        if rows:
            with self.batch(con, rows) as (select, params):
                con.execute(
                    f"INSERT INTO {self.name} ({', '.join(self.columns)}) {select}",  # noqa: S608 - our column names
                    params,
                )

    def unnest_select(self) -> str:
        """``SELECT unnest(?::T[]) AS c, ...``: one typed list parameter a column (every column typed,
        so that an empty or all-NULL column binds)."""
        return "SELECT " + ", ".join(f"unnest(?::{self.types[c]}[]) AS {c}" for c in self.columns)

    def insert_new(
        self, con: duckdb.DuckDBPyConnection, rows: Sequence[Row], *, key: Sequence[str]
    ) -> None:
        """The rows whose ``key`` is not stored yet, in one statement (the rows as one Arrow table).

        Keyed writes check their key themselves: a DuckLake has no constraints to conflict
        on, so no ``ON CONFLICT``. ``rows`` must not repeat a key among themselves.
        """
        if rows:
            match = " AND ".join(f"t.{c} = n.{c}" for c in key)
            with self.batch(con, rows) as (select, params):
                con.execute(
                    f"INSERT INTO {self.name} ({', '.join(self.columns)}) "  # noqa: S608 - our column names
                    f"SELECT * FROM ({select}) AS n "
                    f"WHERE NOT EXISTS (SELECT 1 FROM {self.name} AS t WHERE {match})",
                    params,
                )

    @contextmanager
    def batch(
        self, con: duckdb.DuckDBPyConnection, rows: Sequence[Row]
    ) -> Iterator[tuple[str, list[Any]]]:
        """For the statements of the ``with`` block, ``SELECT CAST(c AS T) AS c, ...`` over the rows
        and its parameters: the rows as an Arrow table, or as one typed list parameter a column
        when Arrow cannot hold a column as given (mixed Python types).

        A statement reading rows other than a table's own (an UPDATE's, a MERGE's) keeps its SQL
        as a constant with a ``{rows}`` field for the select, and its other placeholders around it.
        """
        lists = self.column_lists(rows)
        try:
            table = pa.table(
                {
                    c: pa.array(values, type=ARROW_TYPES.get(self.types.get(c, "")))
                    for c, values in zip(self.columns, lists, strict=True)
                }
            )
        except (pa.ArrowInvalid, pa.ArrowTypeError):
            if len(self.types) < len(self.columns):  # untyped columns bind one cell at a time
                yield (
                    f"VALUES {', '.join([self.placeholders()] * len(rows))}",
                    [value for row in rows for value in self.values(row)],
                )
            else:
                yield self.unnest_select(), lists
            return
        name = f"dealwatch_batch_{next(_BATCH_NAMES)}"
        con.register(name, table)
        try:
            casts = ", ".join(
                f"CAST({c} AS {self.types[c]}) AS {c}" if c in self.types else c
                for c in self.columns
            )
            yield f"SELECT {casts} FROM {name}", []  # noqa: S608 - our column names
        finally:
            con.unregister(name)

    def column_lists(self, rows: Sequence[Row]) -> list[list[Any]]:
        """The rows transposed: one list a column, in column order."""
        cells = [self.values(row) for row in rows]
        if not cells:
            return [[] for _ in self.columns]
        return [list(column) for column in zip(*cells, strict=True)]


DECISIONS = Table(
    "store.alert_decisions",
    (
        "dedup_key", "alert_id", "kind", "decision", "reason", "deal_id", "subject", "metric",
        "claim_id", "article_id", "run_id", "decided_at",
    ),
)  # fmt: skip


def decision_row(
    alert: AlertRecord,
    decision: str,
    reason: str,
    *,
    run_id: str,
    now: datetime,
    claim_id: str | None = None,
    article_id: str | None = None,
    in_outbox: bool = True,
) -> dict[str, Any]:
    """The audit row of one decision about an alert (``fired`` or ``suppressed``, and why)."""
    return {
        "dedup_key": alert.dedup_key,
        "alert_id": alert.alert_id if in_outbox else None,
        "kind": alert.kind,
        "decision": decision,
        "reason": reason,
        "deal_id": alert.deal_id,
        "subject": alert.subject,
        "metric": alert.metric,
        "claim_id": claim_id,
        "article_id": article_id,
        "run_id": run_id,
        "decided_at": now,
    }


def alert_id(dedup_key: str) -> str:
    return hashlib.sha256(dedup_key.encode()).hexdigest()[:16]


def utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def marks(values: Sequence[Any]) -> str:
    return ", ".join("?" * len(values))


@contextmanager
def one_of(
    con: duckdb.DuckDBPyConnection, values: Sequence[Any], sql_type: str = "VARCHAR"
) -> Iterator[tuple[str, list[Any]]]:
    """``IN (...)`` and its parameters for matching a column against ``values``, for the
    statements of the ``with`` block: a placeholder a value up to ``LOOKUPS``, beyond, the values
    as an Arrow table of one column (of ``sql_type``)."""
    if len(values) <= LOOKUPS:
        yield f"IN ({marks(values)})", list(values)
        return
    keys = Table("keys", ("key",), {"key": sql_type})
    with keys.batch(con, [{"key": v} for v in values]) as (select, params):
        yield f"IN (SELECT key FROM ({select}))", params  # noqa: S608 - our column name


def present(
    con: duckdb.DuckDBPyConnection, table: str, column: str, values: Sequence[Any]
) -> set[Any]:
    """Which of ``values`` stand in ``table.column``."""
    if not values:
        return set()
    with one_of(con, sorted(set(values))) as (among, params):
        return {
            r[0]
            for r in con.execute(
                f"SELECT {column} FROM {table} WHERE {column} {among}",  # noqa: S608 - our names, placeholders
                params,
            ).fetchall()
        }


def quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"
