"""Parquet copies of the public views, for readers who want no lock at all."""

from __future__ import annotations

from pathlib import Path

import duckdb

PUBLIC_VIEWS = (
    "articles",
    "deals",
    "figures",
    "contradictions",
    "alert_log",
    "accepted_figures",
    "feed_health",
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
