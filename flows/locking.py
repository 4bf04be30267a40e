"""One run at a time: an advisory file lock in the data folder.

Prefect's deployment concurrency limit keeps scheduled runs from overlapping
when a server is there to enforce it; this lock also covers a manual
``dealwatch run`` started beside the scheduler. The kernel releases a flock
when its process dies, so a killed run never leaves a stale lock behind.

On a DuckLake, runs on other machines share the warehouse, so a run also takes
the lake's own lock (an advisory lock in its PostgreSQL catalogue, released the
same way when the run dies): one run at a time wherever it starts.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from warehouse import lake

LOCK_NAME = "dealwatch.run.lock"
POLL_S = 0.2


class RunInProgress(RuntimeError):
    """Another dealwatch run holds the lock."""


@contextmanager
def run_lock(
    data_dir: Path, *, wait_s: float = 0.0, warehouse: Path | lake.Lake | None = None
) -> Iterator[Path]:
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / LOCK_NAME
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    deadline = time.monotonic() + wait_s
    try:
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = path.read_text(encoding="utf-8").strip() or "unknown"
                    raise RunInProgress(
                        f"another dealwatch run holds {path} (pid {holder})"
                    ) from None
                time.sleep(POLL_S)
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        with ExitStack() as held:
            if isinstance(warehouse, lake.Lake):
                try:
                    held.enter_context(
                        lake.run_lock(warehouse, wait_s=max(0.0, deadline - time.monotonic()))
                    )
                except lake.LakeBusy as busy:
                    raise RunInProgress(str(busy)) from None
            yield path
    finally:
        os.close(fd)
