"""Fixtures shared by the tests that run the real flows."""

from __future__ import annotations

import os
import shutil
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def prefect_harness() -> Iterator[None]:
    """Prefect's test harness: a temporary local API and database for the whole session."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


def write_config(
    folder: Path, *, feeds: list[tuple[str, str]], extra: str = "", seeds_dir: Path | None = None
) -> Path:
    """A config folder for one test: its own warehouse, data folder and feeds; loopback allowed."""
    folder.mkdir(parents=True, exist_ok=True)
    data = folder / "data"
    seeds = seeds_dir or (folder / "no-seeds")
    (folder / "dealwatch.toml").write_text(
        textwrap.dedent(
            f"""
            [warehouse]
            path = "{(data / "dealwatch.duckdb").as_posix()}"
            write_timeout_s = 20

            [feeds]
            timeout_s = 2
            connect_timeout_s = 2
            max_retries = 0
            per_host_interval_s = 0
            per_host_concurrency = 4
            allowed_private_networks = ["127.0.0.0/8"]

            [run]
            data_dir = "{data.as_posix()}"
            seeds_dir = "{seeds.as_posix()}"
            """
        )
        + extra,
        encoding="utf-8",
    )
    shutil.copyfile(REPO / "config" / "watchlist.toml", folder / "watchlist.toml")
    (folder / "feeds.toml").write_text(
        "".join(f'[[feed]]\nname = "{name}"\nurl = "{url}"\n\n' for name, url in feeds),
        encoding="utf-8",
    )
    return folder


@pytest.fixture(scope="session")
def postgres():
    """A PostgreSQL server of the session's own (tests/postgres.py), stopped at the end."""
    from tests.postgres import start_postgres

    server = start_postgres()
    try:
        yield server
    finally:
        server.stop()
