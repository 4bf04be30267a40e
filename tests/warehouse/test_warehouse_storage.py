"""The warehouse file's storage format (issue 20): one every DuckDB client opens, and the one-time
conversion of a file written by DuckDB 2.0 (copy, verify, swap; the original kept).

Converting a real DuckDB 2.0 file needs DuckDB 2.0, which the lock no longer installs; the
conversion's machinery is run here with the pinned DuckDB on a file in a newer storage version
than the one asked for (68 to 64), and the DuckDB 2.0 file of ``tests/data/storage`` checks what
this dealwatch says and does with a file it cannot read.
"""

from __future__ import annotations

import gzip
import hashlib
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from tests.support.batches import seeds_like_batch, store_batch
from tests.support.cli_process import run_piped
from tests.support.paths import REPO
from tests.support.records import NOW
from warehouse import db, outbox, storage

WRITTEN_BY_2_0 = REPO / "tests" / "data" / "storage" / "written-by-duckdb-2.0.0.duckdb.gz"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def a_warehouse(path: Path, *, storage_version: str | None = None) -> Path:
    """A migrated warehouse with the seeds' deal, figures, a contradiction, alerts and their events."""
    if storage_version:
        con = duckdb.connect(":memory:")
        con.execute(f"ATTACH '{path}' AS w (STORAGE_VERSION '{storage_version}')")
        con.execute("USE w")
        db.migrate(con)
        con.close()
    store_batch(path, seeds_like_batch())
    with db.write_connection(path) as con:
        pending = outbox.pending_alerts(con)
        outbox.mark_console_delivered(con, [a.alert_id for a in pending], NOW)
    return path


def test_a_new_warehouse_is_in_the_storage_every_duckdb_client_reads(tmp_path):
    path = a_warehouse(tmp_path / "dealwatch.duckdb")
    fmt = storage.read_format(path)
    assert fmt is not None and fmt.readable and fmt.storage == 64
    assert fmt.written_by == f"v{duckdb.__version__}"


def test_a_warehouse_written_by_duckdb_2_is_refused_in_one_line_and_left_untouched(tmp_path):
    warehouse = tmp_path / "dealwatch.duckdb"
    warehouse.write_bytes(gzip.decompress(WRITTEN_BY_2_0.read_bytes()))
    before = sha256(warehouse)
    fmt = storage.read_format(warehouse)
    assert fmt is not None and not fmt.readable and fmt.written_by == "v2.0.0"

    done = run_piped(
        ["sql", "SELECT count(*) FROM deals"],
        cwd=tmp_path,
        env={"DEALWATCH_DB": str(warehouse)},
    )
    assert done.status == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert "written by DuckDB v2.0.0" in lines[0] and "warehouse/storage.py" in lines[0]
    assert "dealwatch.duckdb.storage-999" in lines[0]

    # Run under this DuckDB, the converter cannot read the file either: it says so, and keeps it.
    converter = subprocess.run(
        [sys.executable, str(REPO / "warehouse" / "storage.py"), str(warehouse)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert converter.returncode == 2
    assert "run this under the DuckDB that wrote it (v2.0.0)" in converter.stderr
    assert sha256(warehouse) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dealwatch.duckdb"]


def views(path: Path) -> dict[str, list[tuple]]:
    with db.read_connection(path) as con:
        return {
            view: sorted(con.execute(f"SELECT * FROM {view}").fetchall(), key=repr)
            for view in ("articles", "deals", "figures", "alert_log")
        }


def test_convert_copies_verifies_then_swaps_and_keeps_the_original(tmp_path):
    warehouse = a_warehouse(tmp_path / "dealwatch.duckdb", storage_version="v1.5.0")
    assert storage.read_format(warehouse).storage == 68
    original = sha256(warehouse)
    expected = views(warehouse)

    kept = storage.convert(warehouse, readable=range(64, 65))

    assert kept == tmp_path / "dealwatch.duckdb.storage-68"
    assert sha256(kept) == original, "the original is kept as it was"
    assert storage.read_format(warehouse).storage == 64
    assert views(warehouse) == expected
    assert storage.convert(warehouse, readable=range(64, 65)) is None, "converted once"
    with db.write_connection(warehouse) as con:  # the event numbers go on after the copied ones
        outbox.requeue_alert(con, expected["alert_log"][0][0], NOW)
        seqs = [
            r[0] for r in con.execute("SELECT seq FROM store.alert_events ORDER BY seq").fetchall()
        ]
    assert seqs == list(range(1, len(seqs) + 1))
    cli = subprocess.run(
        [
            sys.executable,
            "-m",
            "duckdb_cli",
            "-readonly",
            str(warehouse),
            "SELECT count(*) FROM deals",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert cli.returncode == 0, cli.stderr


def test_a_conversion_that_fails_leaves_the_original_in_place(tmp_path):
    warehouse = a_warehouse(tmp_path / "dealwatch.duckdb", storage_version="v1.5.0")
    original = sha256(warehouse)
    earlier = tmp_path / "dealwatch.duckdb.storage-68"
    earlier.write_text("a file of the user's, where the original would be kept")
    with pytest.raises(storage.ConversionError, match="move it away first"):
        storage.convert(warehouse, readable=range(64, 65))
    assert sha256(warehouse) == original
    assert earlier.read_text().startswith("a file of the user's")
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "dealwatch.duckdb",
        "dealwatch.duckdb.storage-68",
    ]


def test_verify_copy_finds_a_row_that_differs(tmp_path):
    source = a_warehouse(tmp_path / "a.duckdb")
    copy = tmp_path / "b.duckdb"
    copy.write_bytes(source.read_bytes())
    with db.write_connection(copy) as con:
        con.execute("UPDATE store.claims SET stated = '$14 billion'")
    con = duckdb.connect(":memory:")
    con.execute(f"ATTACH '{source}' AS original (READ_ONLY)")
    con.execute(f"ATTACH '{copy}' AS converted (READ_ONLY)")
    with pytest.raises(storage.ConversionError, match="store.claims"):
        storage.verify_copy(con, "original", "converted")
    storage.verify_copy(con, "original", "original")
