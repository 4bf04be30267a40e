"""A config folder for one test: its own warehouse, data folder and feeds; loopback allowed."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

from tests.support.paths import REPO


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


def run_with_configured_runner(config: Path) -> dict:
    from flows.pipeline import monitor, with_task_runner
    from flows.settings import load_settings

    return with_task_runner(monitor, load_settings(config))(
        config_dir=str(config), backfill_seeds=False
    )
