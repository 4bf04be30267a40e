"""Process set-up that must happen before Prefect is imported.

Prefect reads its settings at import time, so the CLI calls ``prepare_prefect``
first: ``PREFECT_HOME`` inside the project's data folder (a one-off run leaves
nothing in the user's home), analytics off, and an ephemeral API start-up
timeout that tolerates a slow first start (the ephemeral server migrates its
SQLite database on first use: ~13 s measured here).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CORE_LOGGERS = "extractors,warehouse,alerts,flows"


def prepare_prefect(data_dir: Path) -> None:
    os.environ.setdefault("PREFECT_HOME", str((data_dir / "prefect").resolve()))
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
    os.environ.setdefault("PREFECT_LOGGING_EXTRA_LOGGERS", CORE_LOGGERS)
    os.environ.setdefault("PREFECT_UI_ENABLED", "false")
    Path(os.environ["PREFECT_HOME"]).mkdir(parents=True, exist_ok=True)


@contextmanager
def api_for_workers(task_runner: str) -> Iterator[None]:
    """One Prefect API that Dask worker processes can reach, for a run without a server.

    Prefect's ephemeral API lives inside the process that starts it: each Dask
    worker process would start its own (seconds each, and task runs recorded
    in as many databases). A run on Dask with no ``PREFECT_API_URL`` starts one
    local server first and hands its address to the flow and the workers.
    """
    if task_runner != "dask" or os.environ.get("PREFECT_API_URL"):
        yield
        return
    from prefect.server.api.server import SubprocessASGIServer
    from prefect.settings import PREFECT_API_URL, temporary_settings

    server = SubprocessASGIServer()
    server.start(timeout=int(os.environ["PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"]))
    os.environ["PREFECT_API_URL"] = server.api_url
    try:
        with temporary_settings(updates={PREFECT_API_URL: server.api_url}):
            yield
    finally:
        from prefect.logging.handlers import APILogWorker

        APILogWorker.drain_all(timeout=5)
        os.environ.pop("PREFECT_API_URL", None)
        server.stop()
