"""The poll pace of `[feeds]` reaches the monitor: undated feeds are polled at the
configured minimum while they change and back off while they do not."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest

from tests.support.config import write_config
from tests.support.reads import query
from tests.support.site import NewsSite
from tests.support.stories import build_site

pytestmark = [pytest.mark.usefixtures("prefect_harness"), pytest.mark.slow]

PACE = """
[feeds]
min_poll_interval_min = 0.2
max_poll_interval_min = 1
"""


def _pace(warehouse) -> tuple[timedelta, int]:
    (row,) = query(warehouse, "SELECT next_poll_at - last_polled_at, polls FROM feed_health")
    return row[0], row[1]


def test_configured_pace_is_used_and_an_unchanged_feed_backs_off(tmp_path):
    from flows.pipeline import monitor

    with NewsSite() as site:
        config = write_config(tmp_path / "config", feeds=[("The Ledger", build_site(site))])
        text = (config / "dealwatch.toml").read_text().replace("[feeds]\n", PACE.lstrip(), 1)
        (config / "dealwatch.toml").write_text(text)
        warehouse = config / "data" / "dealwatch.duckdb"

        first = monitor(config_dir=str(config), backfill_seeds=False)
        assert first["feeds"]["polled"] == 1
        assert _pace(warehouse) == (timedelta(seconds=12), 1)

        not_due = monitor(config_dir=str(config), backfill_seeds=False)
        assert not_due["feeds"]["polled"] == 0

        time.sleep(12.5)
        unchanged = monitor(config_dir=str(config), backfill_seeds=False)
        assert unchanged["feeds"]["polled"] == 1
        assert _pace(warehouse) == (timedelta(seconds=24), 2)
