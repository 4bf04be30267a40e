"""Readers beside the writer, through the real monitor flow.

A reader is another process holding the warehouse open read-only (the duckdb
CLI, ``dealwatch sql``, a notebook): DuckDB's lock is per process, so the
reader here is a subprocess. A run that wants to write while it is there waits
with a clear log line and stores everything once it is gone; a reader that
stays past ``write_timeout_s`` makes the run spool its analysed batch and end
cleanly, and the next run stores that batch, even after the feed dropped it.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from tests.support.config import write_config
from tests.support.monitor_process import MonitorProcess, subprocess_env
from tests.support.reads import Reader, query, warehouse_contents
from tests.support.receivers import SmtpReceiver, mailed_alert_ids
from tests.support.site import NewsSite
from tests.support.stories import deal_pages, publish_pages

pytestmark = [pytest.mark.usefixtures("prefect_harness"), pytest.mark.slow]

WAITING = "is held by another process; waiting up to"
# A run's alerts in one digest: apprise spaces single mails 5.5 s apart.
ONE_MAIL_A_RUN = "\n[alerts]\ndigest_threshold = 1\n"


def after_a_first_run(
    tmp_path: Path, site: NewsSite, mail: SmtpReceiver, monkeypatch
) -> tuple[Path, list[tuple]]:
    """A config whose first run stored and mailed one deal with nobody reading, the warehouse
    there for the reader, and a second deal published for the next run; it and the alert ids."""
    from flows.pipeline import monitor

    config = write_config(
        tmp_path / "config", feeds=[("The Ledger", publish_pages(site, {}))], extra=ONE_MAIL_A_RUN
    )
    publish_pages(site, deal_pages(0))
    monkeypatch.setenv("DEALWATCH_NOTIFY", mail.apprise_url())
    summary = monitor(config_dir=str(config), backfill_seeds=False, force_poll=True)
    assert summary["store"]["articles_new"] == 2
    publish_pages(site, {**deal_pages(0), **deal_pages(1)})
    return config, query(config / "data" / "dealwatch.duckdb", "SELECT alert_id FROM alert_log")


def test_a_run_waits_for_a_reader_then_stores_everything(tmp_path, monkeypatch):
    with NewsSite() as site, SmtpReceiver() as mail:
        config, before = after_a_first_run(tmp_path, site, mail, monkeypatch)
        warehouse = config / "data" / "dealwatch.duckdb"

        reader = Reader(warehouse)
        run = MonitorProcess(config, subprocess_env(tmp_path, mail.apprise_url()), tmp_path)
        try:
            run.go()
            run.wait_for(WAITING)
            assert any(WAITING in text for _, text in run.lines), "the run says it waits"
            time.sleep(3)
            assert run.process.poll() is None, "the run is still waiting for the reader"
        finally:
            reader.release()
        run.finish()

        summary = json.loads(
            next(text for _, text in run.lines if text.startswith("summary "))[len("summary ") :]
        )
        assert summary["store"]["articles_new"] == 2
        assert summary["store"]["write_wait_s"] >= 3
        alerts = query(warehouse, "SELECT alert_id, status FROM alert_log")
        assert len(alerts) > len(before)
        assert {status for _, status in alerts} == {"sent"}
        assert sorted(mailed_alert_ids(mail.wait_for(2))) == sorted(a for a, _ in alerts)


def test_a_reader_past_the_timeout_spools_the_batch_for_the_next_run(tmp_path, monkeypatch):
    from flows.pipeline import monitor

    with NewsSite() as site, SmtpReceiver() as mail:
        config, _ = after_a_first_run(tmp_path, site, mail, monkeypatch)
        warehouse = config / "data" / "dealwatch.duckdb"
        stored = warehouse_contents(warehouse)
        mailed = len(mail.messages)

        monkeypatch.setenv("DEALWATCH_WRITE_TIMEOUT_S", "2")
        reader = Reader(warehouse)
        try:
            summary = monitor(config_dir=str(config), backfill_seeds=False, force_poll=True)
            assert warehouse_contents(warehouse) == stored, "nothing written while the reader stays"
        finally:
            reader.release()
        assert (
            summary["store"]["spooled"] == 2
            and "did not open within 2 s" in summary["store"]["busy"]
        )
        assert "delivery" not in summary
        spooled = list((config / "data" / "spool").rglob("*.jsonl.gz"))
        assert len(spooled) == 1
        assert len(mail.messages) == mailed

        publish_pages(site, deal_pages(0))
        monkeypatch.delenv("DEALWATCH_WRITE_TIMEOUT_S")
        summary = monitor(config_dir=str(config), backfill_seeds=False, force_poll=True)
        assert summary["entries"]["new"] == 0, "the feed no longer lists the spooled articles"
        assert summary["store"]["articles_new"] == 2
        assert not spooled[0].exists()
        deal_1 = query(warehouse, "SELECT count(*) FROM articles WHERE url LIKE '%/deals/1/%'")
        assert deal_1 == [(2,)]
        alerts = query(warehouse, "SELECT alert_id, status, run_id FROM alert_log")
        fresh = sorted(a for a, _, run in alerts if run == summary["run_id"])
        assert fresh and {status for _, status, _ in alerts} == {"sent"}
        assert sorted(mailed_alert_ids(mail.messages[mailed:])) == fresh, "each mailed once"

        again = monitor(config_dir=str(config), backfill_seeds=False, force_poll=True)
        assert again["store"]["articles_new"] == 0
        assert len(mailed_alert_ids(mail.messages[mailed:])) == len(fresh)
