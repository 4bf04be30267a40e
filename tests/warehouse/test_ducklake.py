"""The warehouse on DuckLake, with a real PostgreSQL catalogue of the tests' own (tests/support/postgres.py).

The same flows (backfill of the seeds, a monitor pass over a news site on 127.0.0.1) run once on a
local DuckDB file and once on a DuckLake; a user's queries of the public views must answer the
same. A reader holding the lake open in another process sees one snapshot and never holds a run
up; two runs started at once from two "machines" (two processes, two data folders) take turns.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.support.config import write_config
from tests.support.paths import REPO
from tests.support.reads import query
from tests.support.site import NewsSite, rss_feed
from tests.support.stories import build_site
from warehouse import db
from warehouse.export import PUBLIC_VIEWS
from warehouse.lake import Lake
from warehouse.lake import run_lock as lake_run_lock

pytestmark = [pytest.mark.usefixtures("prefect_harness"), pytest.mark.slow]

# Columns that differ between two runs of the same inputs whatever the warehouse: when things
# happened, which run did them, how long a poll took.
RUN_DEPENDENT = {"run_id", "avg_latency_ms"}


def rows_and_keys(target: db.Target, table: str, key: str) -> tuple[int, int]:
    """How many rows ``table`` holds, and how many distinct ``key``s: equal when none is twice."""
    [counts] = query(target, f"SELECT count(*), count(DISTINCT {key}) FROM {table}")
    return counts


def lake_config(folder: Path, postgres, *, feeds: list[tuple[str, str]], extra: str = "") -> Path:
    """A config whose warehouse is a DuckLake in a fresh database of the test server."""
    config = write_config(folder, feeds=feeds, seeds_dir=REPO / "seeds", extra=extra)
    text = (config / "dealwatch.toml").read_text(encoding="utf-8")
    local = f'path = "{(config / "data" / "dealwatch.duckdb").as_posix()}"'
    lake = (
        f'path = "{postgres.catalog(postgres.new_database())}"\n'
        f'data_path = "{(config / "data" / "lake").as_posix()}"'
    )
    (config / "dealwatch.toml").write_text(text.replace(local, lake), encoding="utf-8")
    return config


def view_rows(target: db.Target) -> dict[str, list[tuple]]:
    """Every public view, as a user reads it, without the columns that name a moment or a run."""
    rows = {}
    with db.read_connection(target) as con:
        for view in PUBLIC_VIEWS:
            columns = [
                name
                for name, kind, *_ in con.execute(f"DESCRIBE {view}").fetchall()
                if name not in RUN_DEPENDENT and not kind.startswith("TIMESTAMP")
            ]
            listed = ", ".join(f'"{c}"' for c in columns)
            found = con.execute(f"SELECT {listed} FROM {view}").fetchall()
            rows[view] = sorted(found, key=repr)
    return rows


def test_backfill_and_monitor_on_ducklake_give_the_views_of_a_local_file(
    tmp_path, monkeypatch, postgres
):
    from flows.pipeline import backfill, monitor
    from flows.settings import load_settings

    for name, value in postgres.environment().items():
        monkeypatch.setenv(name, value)
    with NewsSite() as site:
        feed = build_site(site)
        local = write_config(
            tmp_path / "local", feeds=[("The Ledger", feed)], seeds_dir=REPO / "seeds"
        )
        lake = lake_config(tmp_path / "lake", postgres, feeds=[("The Ledger", feed)])
        summaries = {}
        for name, config in (("local", local), ("lake", lake)):
            backfill(config_dir=str(config))
            summaries[name] = monitor(config_dir=str(config), backfill_seeds=False, force_poll=True)
        lake_target = load_settings(lake).db_path
        on_file, on_lake = view_rows(local / "data" / "dealwatch.duckdb"), view_rows(lake_target)
        # A second pass stores nothing twice: the lake has no keys, the writes check them.
        again = monitor(config_dir=str(lake), backfill_seeds=True, force_poll=True)

    assert isinstance(lake_target, Lake)
    assert not (lake / "data" / "dealwatch.duckdb").exists(), "no local file on the lake"
    assert list((lake / "data" / "lake").rglob("*.parquet")), "the lake's data are Parquet files"
    assert summaries["lake"]["store"]["articles_new"] == summaries["local"]["store"]["articles_new"]
    assert summaries["lake"]["store"]["articles_new"] == 4

    assert on_lake == on_file
    deals = {row[0] for row in on_lake["deals"]}
    assert "meta--scale-ai" in deals
    assert on_lake["contradictions"], "the seeds' contradiction and the feed's are there"

    assert again["store"]["articles_new"] == 0
    counts = rows_and_keys(lake_target, "store.articles", "article_id")
    alerts = rows_and_keys(lake_target, "store.alerts", "dedup_key")
    assert counts[0] == counts[1] and alerts[0] == alerts[1]


READER = textwrap.dedent(
    """
    import sys
    from flows.settings import load_settings
    from warehouse import db

    with db.read_connection(load_settings(sys.argv[1]).db_path) as con:
        con.execute("BEGIN TRANSACTION")
        count = lambda: con.execute("SELECT count(*) FROM articles").fetchone()[0]
        print("holding", count(), flush=True)
        sys.stdin.readline()
        print("still", count(), flush=True)
        con.execute("COMMIT")
        print("after", count(), flush=True)
    """
)


def child_env(postgres, tmp_path: Path) -> dict[str, str]:
    from prefect.settings import PREFECT_API_URL

    return {
        **{k: v for k, v in os.environ.items() if not k.startswith("DEALWATCH_")},
        **postgres.environment(),
        "PREFECT_API_URL": str(PREFECT_API_URL.value()),
        "PREFECT_HOME": str(tmp_path / "prefect-home"),
        "PYTHONPATH": str(REPO),
        "PYTHONUNBUFFERED": "1",
    }


def test_a_reader_holding_the_lake_sees_one_snapshot_and_never_delays_a_run(
    tmp_path, monkeypatch, postgres
):
    from flows.pipeline import backfill

    for name, value in postgres.environment().items():
        monkeypatch.setenv(name, value)
    config = lake_config(tmp_path / "lake", postgres, feeds=[], extra="")
    seeds = sorted(p for p in (REPO / "seeds").iterdir() if p.suffix == ".txt")
    first, rest = tmp_path / "first", tmp_path / "rest"
    for folder, files in ((first, seeds[:1]), (rest, seeds[1:])):
        folder.mkdir()
        for path in files:
            (folder / path.name).write_bytes(path.read_bytes())
        (folder / "manifest.toml").write_bytes((REPO / "seeds" / "manifest.toml").read_bytes())
    backfill(paths=[str(first)], config_dir=str(config))

    reader = subprocess.Popen(
        [sys.executable, "-c", READER, str(config)],
        env=child_env(postgres, tmp_path),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert reader.stdout is not None and reader.stdin is not None
        holding = reader.stdout.readline().split()
        assert holding == ["holding", "1"]
        # On a local file this run would wait 2 s for the reader, then spool its batch: here it
        # stores while the reader's transaction stays open.
        monkeypatch.setenv("DEALWATCH_WRITE_TIMEOUT_S", "2")
        summary = backfill(paths=[str(rest)], config_dir=str(config))
        assert reader.poll() is None, "the reader still holds its connection and transaction"
        reader.stdin.write("go\n")
        reader.stdin.flush()
        still = reader.stdout.readline().split()
        after = reader.stdout.readline().split()
    finally:
        reader.stdin.close()
        reader.wait(timeout=60)
    stored = summary["store"]
    assert "busy" not in stored and "spooled" not in stored
    assert stored["articles_new"] == len(seeds) - 1
    spooled = [p for p in (config / "data" / "spool").rglob("*") if p.is_file()]
    assert not spooled, "nothing spooled"
    assert still == ["still", "1"], "the reader's transaction keeps its snapshot"
    assert after == ["after", str(len(seeds))], "a new transaction sees the run's articles"


BACKFILL = "import sys; from flows.cli import main; sys.argv[0] = 'dealwatch'; main()"
WAITING_FOR_LOCK = "holds the run lock of the DuckLake"


def test_two_machines_start_a_run_at_once_and_take_turns(tmp_path, monkeypatch, postgres):
    """Two processes with data folders of their own (so no shared flock), one DuckLake: the lake's
    run lock lets one run at a time, and the seeds are stored once.

    A third holder (this test, through the same lock) keeps the lock until both runs have found it
    held and said so; left to race, one run could finish before the other reached the lock on a
    busy machine, and the test would prove nothing about waiting."""
    database = postgres.new_database()
    configs = []
    for machine in ("a", "b"):
        config = write_config(tmp_path / machine, feeds=[], seeds_dir=REPO / "seeds")
        text = (config / "dealwatch.toml").read_text(encoding="utf-8")
        text = text.replace(
            f'path = "{(config / "data" / "dealwatch.duckdb").as_posix()}"',
            f'path = "{postgres.catalog(database)}"\n'
            f'data_path = "{(tmp_path / "shared-lake").as_posix()}"',
        )
        (config / "dealwatch.toml").write_text(
            text.replace("[run]\n", "[run]\nlock_wait_s = 300\n"), encoding="utf-8"
        )
        configs.append(config)
    env = child_env(postgres, tmp_path)
    lake = Lake(catalog=postgres.catalog(database), data_path=tmp_path / "shared-lake")
    for name, value in postgres.environment().items():
        monkeypatch.setenv(name, value)
    lines: list[list[str]] = [[], []]
    waiting = [threading.Event(), threading.Event()]

    def read(i: int, run: subprocess.Popen[str]) -> None:
        assert run.stdout is not None
        for line in run.stdout:
            lines[i].append(line)
            if WAITING_FOR_LOCK in line:
                waiting[i].set()

    with lake_run_lock(lake):
        runs = [
            subprocess.Popen(
                [sys.executable, "-c", BACKFILL, "--config", str(config), "backfill"],
                env={**env, "PREFECT_HOME": str(config / "prefect-home")},
                cwd=tmp_path,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            )
            for config in configs
        ]
        readers = [
            threading.Thread(target=read, args=(i, run), daemon=True) for i, run in enumerate(runs)
        ]
        for reader in readers:
            reader.start()
        both_waited = all(event.wait(timeout=300) for event in waiting)
    for run in runs:
        run.wait(timeout=600)
    for reader in readers:
        reader.join(timeout=60)
    outputs = ["".join(found) for found in lines]
    assert both_waited, outputs
    assert [run.returncode for run in runs] == [0, 0], outputs

    articles = rows_and_keys(lake, "store.articles", "article_id")
    runs_stored = query(
        lake, "SELECT json_extract(summary, '$.store.articles_new')::INT FROM store.run_ends"
    )
    seeds = len([p for p in (REPO / "seeds").iterdir() if p.suffix == ".txt"])
    assert articles == (seeds, seeds), "each seed stored once"
    assert sorted(r[0] for r in runs_stored) == [seeds], "one run stored them; the other found them"


def test_a_catalogue_that_goes_down_mid_run_loses_nothing_analysed(tmp_path, monkeypatch):
    """PostgreSQL stops while the run fetches its pages (after the run lock, before the store):
    the analysed batch goes to the spool, and the next run, with the catalogue back, stores it."""
    from flows.pipeline import monitor
    from tests.support.postgres import start_postgres

    server = start_postgres()
    try:
        for name, value in server.environment().items():
            monkeypatch.setenv(name, value)
        with NewsSite() as site:
            feed = build_site(site)
            for path in [p for p in site.routes if p.startswith("/news/")]:
                site.routes[path].delay_s = 3  # PostgreSQL goes down during these 3 s
            config = lake_config(tmp_path / "lake", server, feeds=[("The Ledger", feed)])

            def halt_on_first_page() -> None:
                deadline = time.monotonic() + 120
                while time.monotonic() < deadline:
                    if any(path.startswith("/news/") for _, path, _ in list(site.requests)):
                        server.halt("immediate")
                        return
                    time.sleep(0.05)

            watcher = threading.Thread(target=halt_on_first_page, daemon=True)
            watcher.start()
            down = monitor(config_dir=str(config), backfill_seeds=False, force_poll=True)
            watcher.join(timeout=10)
            assert down["store"]["spooled"] == 4, down["store"]
            assert "cannot open the DuckLake" in down["store"]["busy"]
            assert len(list((config / "data" / "spool").rglob("*.jsonl.gz"))) == 1

            # The feed drops the articles: only the spool has them now.
            site.route(
                feed[len(site.base) :],
                rss_feed("The Ledger", [], updated=datetime.now(UTC)),
                content_type="application/rss+xml",
            )
            server.start()
            back = monitor(config_dir=str(config), backfill_seeds=False, force_poll=True)
        assert back["entries"]["new"] == 0 and back["store"]["articles_new"] == 4
        assert not list((config / "data" / "spool").rglob("*.jsonl.gz"))
    finally:
        server.stop()
