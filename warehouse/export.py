"""Parquet copies of the public views, for readers who want no lock at all."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from warehouse.db import WarehouseError

PUBLIC_VIEWS = (
    "articles",
    "deals",
    "figures",
    "contradictions",
    "alert_log",
    "accepted_figures",
    "feed_health",
    "deal_mentions",
    "contradiction_claims",
    "alert_decisions",
)


def export_parquet(con: duckdb.DuckDBPyConnection, out_dir: Path) -> list[Path]:
    """Write every public view to ``out_dir/<view>.parquet`` (replaced atomically per file)."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for view in PUBLIC_VIEWS:
        target = out_dir / f"{view}.parquet"
        partial = out_dir / f".{view}.parquet.partial"
        escaped = str(partial).replace("'", "''")
        con.execute(f"COPY (SELECT * FROM {view}) TO '{escaped}' (FORMAT parquet)")  # noqa: S608 - view names are this module's constants
        partial.replace(target)
        written.append(target)
    return written


@contextmanager
def export_connection(folder: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """An in-memory connection whose views are the Parquet files of an export folder.

    Readers of the public views (``dealwatch report --export DIR``) then ask the
    same questions of an export as of the warehouse, holding no lock on it.
    """
    folder = Path(folder)
    missing = [v for v in PUBLIC_VIEWS if not (folder / f"{v}.parquet").is_file()]
    if missing:
        raise WarehouseError(
            f"{folder} is not a complete export (missing {', '.join(missing)}): "
            "run `dealwatch export --out` to that folder again"
        )
    con = duckdb.connect(":memory:")
    try:
        for view in PUBLIC_VIEWS:
            escaped = str(folder / f"{view}.parquet").replace("'", "''")
            con.execute(f"CREATE VIEW {view} AS SELECT * FROM read_parquet('{escaped}')")  # noqa: S608 - view names are this module's constants
        yield con
    finally:
        con.close()
