"""Process set-up that must happen before Prefect is imported.

Prefect reads its settings at import time, so the CLI calls ``prepare_prefect``
first: ``PREFECT_HOME`` inside the project's data folder (a one-off run leaves
nothing in the user's home), analytics off, and an ephemeral API start-up
timeout that tolerates a slow first start (the ephemeral server migrates its
SQLite database on first use: ~13 s measured here).
"""

from __future__ import annotations

import os
from pathlib import Path

CORE_LOGGERS = "extractors,warehouse,alerts,flows"


def prepare_prefect(data_dir: Path) -> None:
    os.environ.setdefault("PREFECT_HOME", str((data_dir / "prefect").resolve()))
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
    os.environ.setdefault("PREFECT_LOGGING_EXTRA_LOGGERS", CORE_LOGGERS)
    os.environ.setdefault("PREFECT_UI_ENABLED", "false")
    Path(os.environ["PREFECT_HOME"]).mkdir(parents=True, exist_ok=True)
