"""The spool and the run lock, file by file: real files in a temporary folder.

- A spooled batch comes back whole with who analysed it and whether its alerts
  are a baseline; a file of the first format (no header) is a monitor batch.
- Each warehouse file has its own spool folder and its own lock, however its
  path is spelled; a lock that cannot live beside the warehouse lives in the
  data folder, and excludes all the same.
- A spool file that cannot be read is set aside, kept, and named; the run goes on.
- The exit statuses of ``run`` and ``backfill`` follow from the summary.
"""

from __future__ import annotations

import gzip
import os
import signal
from datetime import UTC, datetime

import pytest

from extractors.analysis import analyse
from extractors.documents import articles_from_path
from flows import spool
from flows.locking import RunInProgress, run_lock
from flows.runtime import exit_status
from tests.support.config import write_config
from tests.support.paths import REPO


@pytest.fixture(scope="module")
def items():
    articles = articles_from_path(REPO / "seeds", fetched_at=datetime(2026, 1, 5, tzinfo=UTC))
    return [(article, analyse(article, None)) for article in articles]


def test_a_spooled_batch_comes_back_whole_with_its_header(tmp_path, items):
    header = spool.BatchHeader(
        run_id="20260105T000000Z-backfill-abc123", kind="backfill", baseline=True
    )
    path = spool.write_spool(tmp_path, header, items)
    assert path is not None and path.name == f"{header.run_id}.jsonl.gz"
    assert [p.name for p in tmp_path.iterdir()] == [path.name], "no temporary file left"
    batch = spool.read_batch(path)
    assert batch.header == header
    assert list(batch.items) == items


def test_a_spool_file_of_the_first_format_is_a_monitor_batch(tmp_path, items):
    """Files spooled before the header existed sit directly in spool/: still stored, as news."""
    data = tmp_path / "data"
    legacy = data / "spool" / "20250101T000000Z-monitor-aaaaaa.jsonl.gz"
    legacy.parent.mkdir(parents=True)
    with gzip.open(legacy, "wt", encoding="utf-8") as fh:
        for article, analysis in items:
            fh.write(spool.encode_item(article, analysis) + "\n")
    own = spool.spool_dir(data, tmp_path / "dealwatch.duckdb")
    assert spool.spooled_files(own) == [legacy]
    batch = spool.read_batch(legacy)
    assert batch.header == spool.BatchHeader(
        run_id="20250101T000000Z-monitor-aaaaaa", kind="monitor", baseline=False
    )
    assert list(batch.items) == items


def test_each_warehouse_file_has_its_own_spool_however_its_path_is_spelled(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    data = tmp_path / "data"
    one = spool.spool_dir(data, tmp_path / "one.duckdb")
    assert spool.spool_dir(data, tmp_path / "one.duckdb") == one
    assert spool.spool_dir(data, tmp_path / "sub" / ".." / "one.duckdb") == one
    assert spool.spool_dir(data, type(tmp_path)("one.duckdb")) == one
    assert spool.spool_dir(data, tmp_path / "two.duckdb") != one
    assert spool.spool_dir(data, tmp_path / "elsewhere" / "one.duckdb") != one


def test_the_lock_belongs_to_the_warehouse_file(tmp_path):
    data = tmp_path / "data"
    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    with run_lock(one, data) as held:
        assert held == tmp_path / "one.duckdb.lock"
        assert held.read_text() == str(os.getpid())
        with run_lock(two, tmp_path / "other-data"):
            pass  # another warehouse: no wait, no error
        same = tmp_path / "x" / ".." / "one.duckdb"
        with (
            pytest.raises(RunInProgress, match=f"pid {os.getpid()}. holds the lock of warehouse"),
            run_lock(same, tmp_path / "other-data"),
        ):
            pass
    with run_lock(one, data):
        pass  # released with the block


def test_a_lock_that_cannot_live_beside_the_warehouse_lives_in_the_data_folder(tmp_path):
    """A path whose folder cannot be made (here a file stands where it should be)."""
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the warehouse's folder should be\n", encoding="utf-8")
    warehouse = blocked / "dealwatch.duckdb"
    data = tmp_path / "data"
    with run_lock(warehouse, data) as held:
        assert held.parent == data / "locks"
        with pytest.raises(RunInProgress), run_lock(warehouse, data):
            pass


@pytest.mark.usefixtures("prefect_harness")
def test_an_unreadable_spool_file_is_set_aside_kept_and_the_run_goes_on(tmp_path):
    from flows.pipeline import monitor

    config = write_config(tmp_path / "config", feeds=[])
    own = spool.spool_dir(config / "data", config / "data" / "dealwatch.duckdb")
    own.mkdir(parents=True)
    broken = own / "20260101T000000Z-monitor-broken.jsonl.gz"
    broken.write_bytes(b"not gzip at all")
    summary = monitor(config_dir=str(config), backfill_seeds=False)
    assert "not_stored" not in summary["store"]
    assert not broken.exists()
    assert broken.with_name(broken.name + ".unreadable").read_bytes() == b"not gzip at all"


@pytest.mark.parametrize(
    ("summary", "status"),
    [
        ({"store": {"articles_new": 2}}, 0),
        ({"store": {"not_stored": "busy", "spooled": 2}}, 3),
        ({"seeds": {"not_stored": "busy"}, "store": {"not_stored": "full disk"}}, 3),
        ({"seeds": {"not_stored": "busy"}, "store": {"articles_new": 4}}, 0),
        ({"kind": "monitor", "skipped": "another run holds the lock"}, 4),
        ({"store": {"articles_new": 0}, "nothing_read": True, "files_skipped": ["a"]}, 2),
        ({"stopped": {"signal": int(signal.SIGTERM), "spooled": 4}}, 143),
        ({"stopped": {"signal": int(signal.SIGINT), "spooled": 0}}, 130),
    ],
)
def test_the_exit_status_says_how_the_run_ended(summary, status):
    assert exit_status(summary) == status
