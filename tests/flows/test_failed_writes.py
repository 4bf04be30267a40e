"""A failed write loses nothing, and a backfill stays a baseline (issue 15, items 4 and 5).

``dealwatch run`` and ``backfill`` run as a user runs them (a subprocess) against
a news site on 127.0.0.1 and a real DuckDB file that cannot be written: a text
file where the warehouse should be, a read-only folder, a full disk (a file-size
limit on the process: writes past it fail as on a full disk). Each time the run
says why in one line, exits 3, keeps what it analysed in the spool, and the
next run stores it without fetching it again. A failure after the store
committed (the run's end cannot be written) fails nothing and sends nothing
twice. A backfill spooled while the warehouse was busy is stored later as a
backfill: its alerts recorded, never sent. A folder backfill skips a bad file
with a line naming it and stores every good one.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.support.cli_runs import Dealwatch, cli_env, is_root
from tests.support.config import write_config
from tests.support.paths import REPO
from tests.support.reads import Reader, query, spooled_urls
from tests.support.receivers import WebhookReceiver
from tests.support.site import NewsSite
from tests.support.stories import deal_pages, page_requests, publish_pages, urls_of

pytestmark = [pytest.mark.usefixtures("prefect_harness"), pytest.mark.slow]

NOT_STORED = 3
REPORT_LINE = "not stored: "


def the_report_line(run: Dealwatch) -> str:
    """The one line of the report (stdout) saying why nothing was stored."""
    lines = [text for _, text in run.lines if text.startswith(REPORT_LINE)]
    assert len(lines) == 1, run.output
    return lines[0]


def assert_no_traceback(run: Dealwatch) -> None:
    assert "Traceback" not in run.output, run.output


def test_a_warehouse_that_is_not_a_duckdb_file_keeps_the_batch_for_the_next_run(tmp_path):
    with NewsSite() as site:
        config = write_config(tmp_path / "config", feeds=[("The Ledger", publish_pages(site, {}))])
        publish_pages(site, deal_pages(0))
        notes = tmp_path / "dealwatch.duckdb"
        notes.write_text("minutes of Monday's meeting, not a database\n", encoding="utf-8")
        env = cli_env(tmp_path / "prefect-home", DEALWATCH_DB=str(notes))
        args = ["run", "--no-seeds", "--force", "--config", str(config)]

        first = Dealwatch(args, env, cwd=tmp_path)
        assert first.run() == NOT_STORED, first.output
        assert_no_traceback(first)
        line = the_report_line(first)
        assert "not a valid DuckDB database file" in line and "2 analysed articles kept" in line
        assert notes.read_text(encoding="utf-8").startswith("minutes"), "the file is left as it was"
        assert spooled_urls(config / "data") == urls_of(site, 0)
        fetched = page_requests(site)

        notes.rename(tmp_path / "notes.txt")  # the user moves the file that was in the way
        second = Dealwatch(args, env, cwd=tmp_path)
        assert second.run() == 0, second.output
        assert sorted(url for (url,) in query(notes, "SELECT url FROM articles")) == urls_of(
            site, 0
        )
        assert spooled_urls(config / "data") == []
        assert page_requests(site) == fetched, "spooled pages are not fetched again"


def test_a_read_only_warehouse_folder_keeps_the_batch_for_the_next_run(tmp_path, monkeypatch):
    from flows.pipeline import monitor

    with NewsSite() as site:
        config = write_config(tmp_path / "config", feeds=[("The Ledger", publish_pages(site, {}))])
        folder = tmp_path / "warehouse"
        warehouse = folder / "dealwatch.duckdb"
        env = cli_env(tmp_path / "prefect-home", DEALWATCH_DB=str(warehouse))
        args = ["run", "--no-seeds", "--force", "--config", str(config)]
        publish_pages(site, deal_pages(0))
        assert Dealwatch(args, env, cwd=tmp_path).run() == 0
        before = query(warehouse, "SELECT url FROM articles ORDER BY url")

        publish_pages(site, deal_pages(1))
        folder.chmod(0o555)
        try:
            run = Dealwatch(args, env, cwd=tmp_path, unprivileged=True)
            assert run.run() == NOT_STORED, run.output
        finally:
            folder.chmod(0o755)
        assert_no_traceback(run)
        assert "Permission denied" in the_report_line(run)
        assert query(warehouse, "SELECT url FROM articles ORDER BY url") == before
        assert spooled_urls(config / "data") == urls_of(site, 1), run.output

        publish_pages(site, {})  # the feed has moved on: only the spool has deal 1 now
        monkeypatch.setenv("DEALWATCH_DB", str(warehouse))
        summary = monitor(config_dir=str(config), backfill_seeds=False, force_poll=True)
        assert summary["store"]["articles_new"] == 2
        stored = sorted(url for (url,) in query(warehouse, "SELECT url FROM articles"))
        assert stored == urls_of(site, 0, 1)
        assert spooled_urls(config / "data") == []


# The disk fills up as the store step opens the warehouse: from then on the process cannot
# write a file past this size (a real limit, RLIMIT_FSIZE: such a write fails with EFBIG as one
# on a full disk fails with ENOSPC). The run's batch went to the spool just before.
FULL_DISK_AT_BYTES = 16 * 1024
DISK_FILLS_AT_STORE = f"""
import contextlib, resource
import warehouse.db

opened = warehouse.db.write_connection

@contextlib.contextmanager
def write_connection(*args, **kwargs):
    resource.setrlimit(resource.RLIMIT_FSIZE, ({FULL_DISK_AT_BYTES}, {FULL_DISK_AT_BYTES}))
    with opened(*args, **kwargs) as con:
        yield con

warehouse.db.write_connection = write_connection
"""


def test_a_full_disk_keeps_the_batch_for_the_next_run(tmp_path):
    with NewsSite() as site:
        config = write_config(tmp_path / "config", feeds=[("The Ledger", publish_pages(site, {}))])
        warehouse = config / "data" / "dealwatch.duckdb"
        env = cli_env(tmp_path / "prefect-home")
        args = ["run", "--no-seeds", "--force", "--config", str(config)]
        assert Dealwatch(args, env, cwd=tmp_path).run() == 0, "an empty warehouse to start"

        publish_pages(site, deal_pages(0))
        run = Dealwatch(args, env, cwd=tmp_path, before=DISK_FILLS_AT_STORE)
        assert run.run() == NOT_STORED, run.output
        assert_no_traceback(run)
        assert "File too large" in the_report_line(run)
        assert query(warehouse, "SELECT count(*) FROM articles") == [(0,)]
        assert spooled_urls(config / "data") == urls_of(site, 0)

        again = Dealwatch(args, env, cwd=tmp_path)
        assert again.run() == 0, again.output
        assert sorted(url for (url,) in query(warehouse, "SELECT url FROM articles")) == urls_of(
            site, 0
        )
        assert spooled_urls(config / "data") == []


# The disk fills up after the store committed: the run's end cannot be written.
RUN_END_FAILS = """
import duckdb
import warehouse.store

def finish_run(*args, **kwargs):
    raise duckdb.IOException('Could not write file "dealwatch.duckdb.wal": No space left on device')

warehouse.store.finish_run = finish_run
"""


def test_a_failure_after_the_store_committed_fails_nothing_and_sends_nothing_twice(tmp_path):
    with NewsSite() as site, WebhookReceiver() as hook:
        config = write_config(
            tmp_path / "config",
            feeds=[("The Ledger", publish_pages(site, deal_pages(0)))],
            extra="\n[alerts]\ndigest_threshold = 1000\n",
        )
        warehouse = config / "data" / "dealwatch.duckdb"
        env = cli_env(tmp_path / "prefect-home", DEALWATCH_NOTIFY=hook.json_url("/hook"))
        args = ["run", "--no-seeds", "--force", "--config", str(config)]

        run = Dealwatch(args, env, cwd=tmp_path, before=RUN_END_FAILS)
        assert run.run() == 0, run.output
        assert_no_traceback(run)
        [line] = run.lines_with("the run's end could not be recorded")
        assert "No space left on device" in line and "what the run stored stays stored" in line
        alerts = query(warehouse, "SELECT alert_id, status FROM alert_log")
        assert alerts and {status for _, status in alerts} == {"sent"}
        sent = len(hook.wait_for(len(alerts)))
        assert sent == len(alerts)
        assert query(warehouse, "SELECT status FROM runs") == [("running",)]

        again = Dealwatch(args, env, cwd=tmp_path)
        assert again.run() == 0, again.output
        assert len(hook.requests) == sent, "nothing is sent again"
        statuses = sorted(status for (status,) in query(warehouse, "SELECT status FROM runs"))
        assert statuses == ["completed", "completed"], "the first run's end, recorded late"
        assert spooled_urls(config / "data") == []


def test_a_backfill_spooled_while_the_warehouse_was_busy_stays_a_baseline(tmp_path, monkeypatch):
    """The busy warehouse spools the backfill; the next run records its alerts, sends none."""
    from flows.pipeline import backfill, monitor

    with NewsSite() as site, WebhookReceiver() as hook:
        config = write_config(
            tmp_path / "config",
            feeds=[("The Ledger", publish_pages(site, {}))],
            extra="\n[alerts]\ndigest_threshold = 1000\n",
        )
        warehouse = config / "data" / "dealwatch.duckdb"
        monkeypatch.setenv("DEALWATCH_NOTIFY", hook.json_url("/hook"))
        assert "store" in monitor(config_dir=str(config), backfill_seeds=False)

        monkeypatch.setenv("DEALWATCH_WRITE_TIMEOUT_S", "2")
        reader = Reader(warehouse)
        try:
            spooled = backfill(paths=[str(REPO / "seeds")], config_dir=str(config))
        finally:
            reader.release()
        monkeypatch.delenv("DEALWATCH_WRITE_TIMEOUT_S")
        assert "did not open within 2 s" in spooled["store"]["not_stored"]
        assert spooled["store"]["spooled"] == 4

        later = monitor(config_dir=str(config), backfill_seeds=False, force_poll=True)
        assert later["store"]["articles_new"] == 4
        assert later["store"]["alerts_new"] == 0 and later["store"]["alerts_suppressed"] > 0
        reasons = query(warehouse, "SELECT DISTINCT status, reason FROM alert_log")
        assert reasons and all(
            status == "suppressed" and reason.startswith("backfill baseline")
            for status, reason in reasons
        ), reasons
        assert hook.requests == [], "a backfill's alerts are never sent"

        publish_pages(site, deal_pages(1))
        news = monitor(config_dir=str(config), backfill_seeds=False, force_poll=True)
        assert news["store"]["alerts_new"] > 0
        assert len(hook.wait_for(news["store"]["alerts_new"])) == news["store"]["alerts_new"], (
            "the same channel does send a run's news"
        )


def bad_files(folder: Path) -> dict[str, str]:
    """An empty, a binary and an unreadable file in ``folder``: name → what the skip line says."""
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 16)
    unreadable = folder / "unreadable.txt"
    unreadable.write_text("Meta will pay $1 billion for Scale AI.\n", encoding="utf-8")
    unreadable.chmod(0o000)
    return {
        "empty.txt": "the file is empty",
        "binary.txt": "looks like a binary file",
        "unreadable.txt": "Permission denied",
    }


def test_a_folder_backfill_skips_each_bad_file_by_name_and_stores_every_good_one(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for seed in sorted((REPO / "seeds").glob("*.txt")):
        shutil.copyfile(seed, folder / seed.name)
    config = write_config(tmp_path / "config", feeds=[])
    expected = bad_files(folder)
    env = cli_env(tmp_path / "prefect-home")

    run = Dealwatch(
        ["backfill", str(folder), "--config", str(config)], env, cwd=tmp_path, unprivileged=True
    )
    assert run.run() == 0, run.output
    assert_no_traceback(run)
    for name, why in expected.items():
        [line] = run.lines_with(f"skipped {folder / name}")
        assert why in line, line
    assert run.lines_with("skipped 3 files"), run.output
    stored = query(config / "data" / "dealwatch.duckdb", "SELECT count(*) FROM articles")
    assert stored == [(4,)]

    only_bad = tmp_path / "only-bad"
    only_bad.mkdir()
    bad_files(only_bad)
    nothing = Dealwatch(
        ["backfill", str(only_bad), "--config", str(config)], env, cwd=tmp_path, unprivileged=True
    )
    assert nothing.run() == 2, nothing.output
    assert len(nothing.lines_with(f"skipped {only_bad}")) == 3
    assert nothing.lines_with("nothing to backfill: no file given holds an article")


@pytest.mark.skipif(not is_root(), reason="shows only what root's chmod does not")
def test_a_command_bound_by_permissions_cannot_read_what_root_locked(tmp_path):
    """The premise of the tests above: as root, a command reads anything unless bound."""
    locked = tmp_path / "locked.txt"
    locked.write_text("Meta will pay $1 billion for a stake in Scale AI.\n", encoding="utf-8")
    locked.chmod(0o000)
    env = cli_env(tmp_path / "prefect-home")
    assert Dealwatch(["explain", str(locked)], env, cwd=tmp_path).run() == 0
    bound = Dealwatch(["explain", str(locked)], env, cwd=tmp_path, unprivileged=True)
    assert bound.run() == 2 and "Permission denied" in bound.output, bound.output
