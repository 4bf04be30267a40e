"""The run lock belongs to the warehouse file (issue 15, item 6).

Two runs with one config and data folder but two warehouse files both proceed;
a run or backfill whose warehouse another run holds says so in one line and
exits 4, having done nothing. The runs are ``dealwatch`` commands in
subprocesses; the one holding the lock waits on a slow page of a site on
127.0.0.1, so it still runs while the others start and end.
"""

from __future__ import annotations

import signal

import pytest

from tests.support.cli_runs import Dealwatch, cli_env
from tests.support.config import write_config
from tests.support.paths import REPO
from tests.support.reads import query
from tests.support.site import NewsSite, publish
from tests.support.stories import SLOW_S, deal_pages, ledger_stories, make_slow

pytestmark = [pytest.mark.usefixtures("prefect_harness"), pytest.mark.slow]

LOCKED = 4


def test_runs_on_two_warehouses_proceed_and_one_on_a_held_warehouse_exits_4(tmp_path):
    with NewsSite() as site:
        slow_feed = publish(site, ledger_stories(deal_pages(0)), feed_path="/slow.xml")
        fast_feed = publish(site, ledger_stories(deal_pages(1)), feed_path="/fast.xml")
        make_slow(site, deal_pages(0))
        config = write_config(tmp_path / "config", feeds=[])
        (config / "slow.toml").write_text(f'[[feed]]\nname = "Slow"\nurl = "{slow_feed}"\n')
        (config / "fast.toml").write_text(f'[[feed]]\nname = "Fast"\nurl = "{fast_feed}"\n')
        one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
        home = tmp_path / "prefect-home"
        run = ["run", "--no-seeds", "--config", str(config)]

        holder = Dealwatch(
            run,
            cli_env(
                home,
                DEALWATCH_DB=str(one),
                DEALWATCH_FEEDS_FILE="slow.toml",
                DEALWATCH_TIMEOUT_S=str(SLOW_S * 2),
            ),
        ).start()
        holder.wait_until(lambda: any(path.startswith("/deals/0/") for _, path, _ in site.requests))

        other = Dealwatch(
            run, cli_env(home, DEALWATCH_DB=str(two), DEALWATCH_FEEDS_FILE="fast.toml")
        )
        assert other.run() == 0, other.output
        assert holder.running, "the two runs overlapped"
        assert query(two, "SELECT count(*) FROM articles") == [(2,)]

        same = Dealwatch(
            run, cli_env(home, DEALWATCH_DB=str(one), DEALWATCH_FEEDS_FILE="fast.toml")
        )
        assert same.run() == LOCKED, same.output
        [line] = same.lines_with("run skipped:")
        assert f"holds the lock of warehouse {one}" in line
        assert f"(pid {holder.process.pid})" in line
        backfill = Dealwatch(
            ["backfill", str(REPO / "seeds"), "--config", str(config)],
            cli_env(home, DEALWATCH_DB=str(one)),
        )
        assert backfill.run() == LOCKED, backfill.output
        assert holder.running
        assert not one.exists(), "neither did anything to the held warehouse"

        holder.signal(signal.SIGTERM)
        assert holder.finish(timeout_s=60) == 128 + signal.SIGTERM
