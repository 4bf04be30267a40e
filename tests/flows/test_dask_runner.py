"""The monitor flow on a local Dask cluster gives the warehouse the default runner gives.

Two passes over one local news site, each into its own warehouse: one with the
default threads runner, one with ``task_runner = "dask"`` against a
``distributed.LocalCluster`` of two worker processes (so every task argument and
result crosses a process boundary). Both go through ``with_task_runner``, as
``dealwatch run`` does.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests.support.config import run_with_configured_runner, write_config
from tests.support.paths import REPO
from tests.support.reads import snapshot
from tests.support.site import NewsSite
from tests.support.stories import ledger_and_newsroom

pytestmark = [pytest.mark.usefixtures("prefect_harness"), pytest.mark.slow]


@pytest.fixture
def dask_cluster(monkeypatch) -> Iterator[str]:
    """Two worker processes that can import the project and reach the test's Prefect API."""
    from distributed import LocalCluster
    from prefect.settings import PREFECT_API_URL

    monkeypatch.setenv("PREFECT_API_URL", str(PREFECT_API_URL.value()))
    monkeypatch.setenv(
        "PYTHONPATH", os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH")) if p)
    )
    with LocalCluster(
        n_workers=2, threads_per_worker=2, processes=True, dashboard_address=None
    ) as cluster:
        yield cluster.scheduler_address


def fetchers_in_this_process() -> int:
    from flows.tasks import _fetchers

    return len(_fetchers)


def test_a_dask_cluster_gives_the_warehouse_the_threads_runner_gives(
    tmp_path, monkeypatch, dask_cluster
):
    monkeypatch.delenv("DEALWATCH_NOTIFY", raising=False)
    with NewsSite() as site:
        feeds = ledger_and_newsroom(site)
        # write_config ends with the [run] table: these two lines land in it.
        dask = write_config(
            tmp_path / "dask",
            feeds=feeds,
            extra=f'task_runner = "dask"\ndask_address = "{dask_cluster}"\n',
        )
        threads = write_config(tmp_path / "threads", feeds=feeds)
        # Two pages a batch: several fetch and analyse tasks, spread over both workers.
        monkeypatch.setenv("DEALWATCH_PAGE_BATCH_SIZE", "2")

        by_threads = run_with_configured_runner(threads)
        by_dask = run_with_configured_runner(dask)

    for summary in (by_threads, by_dask):
        assert summary["feeds"]["failed"] == []
        assert summary["store"]["articles_new"] == 7
    expected = snapshot(threads / "data" / "dealwatch.duckdb")
    assert len(expected["deals"]) == 2 and len(expected["contradictions"]) == 2
    assert snapshot(dask / "data" / "dealwatch.duckdb") == expected

    from distributed import Client

    with Client(dask_cluster) as client:
        fetchers = client.run(fetchers_in_this_process)
    assert sum(fetchers.values()) >= 1, "the pages were fetched in the Dask workers"
