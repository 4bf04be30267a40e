"""One run per warehouse at a time: an advisory lock that belongs to the warehouse file.

Prefect's deployment concurrency limit keeps scheduled runs from overlapping
when a server is there to enforce it; this lock also covers a manual
``dealwatch run`` or ``backfill`` started beside the scheduler. It is the file
``<warehouse>.lock`` beside the warehouse (``data/dealwatch.duckdb.lock``), so
two runs on two warehouses both proceed, and two runs on one warehouse exclude
each other whatever config or data folder each was started with.

A warehouse whose folder cannot hold the lock file (read-only) is locked by an
existing lock file opened for reading, else by one under
``<data_dir>/locks/``: such a run cannot write that warehouse, but it still
analyses and spools, and must not do so twice at once.

On a DuckLake, runs on other machines share the warehouse, so a run takes the
lake's own lock (an advisory lock in its PostgreSQL catalogue, released the
same way when the run dies) besides a file under ``<data_dir>/locks/``: one run
at a time wherever it starts.

The kernel releases a flock when its process dies, so a killed run never
leaves a stale lock behind.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from flows.spool import warehouse_key
from warehouse import lake
from warehouse.db import Target

LOCK_SUFFIX = ".lock"
POLL_S = 0.2


class RunInProgress(RuntimeError):
    """Another dealwatch run holds the warehouse's lock."""


def lock_path(warehouse: Path) -> Path:
    return warehouse.with_name(warehouse.name + LOCK_SUFFIX)


def _open_lock(warehouse: Target, data_dir: Path) -> tuple[int, Path, bool]:
    """A descriptor to flock, its path, and whether the holder's pid can be written to it."""
    if isinstance(warehouse, lake.Lake):  # no file to stand beside: this machine's data folder
        return _data_dir_lock(warehouse, data_dir), _data_dir_lock_path(warehouse, data_dir), True
    beside = lock_path(warehouse)
    try:
        beside.parent.mkdir(parents=True, exist_ok=True)
        return os.open(beside, os.O_RDWR | os.O_CREAT, 0o644), beside, True
    except OSError:  # a read-only folder or file system: the rungs below, in order
        pass
    try:
        return os.open(beside, os.O_RDONLY), beside, False
    except OSError:  # no lock file there yet, and none can be made: one in the data folder
        pass
    return _data_dir_lock(warehouse, data_dir), _data_dir_lock_path(warehouse, data_dir), True


def _data_dir_lock_path(warehouse: Target, data_dir: Path) -> Path:
    return data_dir / "locks" / (warehouse_key(warehouse) + LOCK_SUFFIX)


def _data_dir_lock(warehouse: Target, data_dir: Path) -> int:
    path = _data_dir_lock_path(warehouse, data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    return os.open(path, os.O_RDWR | os.O_CREAT, 0o644)


def _holder(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8").strip() or "unknown"
    except OSError:  # the pid is a courtesy; the lock is what matters
        return "unknown"


@contextmanager
def run_lock(warehouse: Target, data_dir: Path, *, wait_s: float = 0.0) -> Iterator[Path]:
    """Hold the lock of ``warehouse`` for the block; :class:`RunInProgress` if another run has it."""
    fd, path, writable = _open_lock(warehouse, Path(data_dir))
    deadline = time.monotonic() + wait_s
    try:
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise RunInProgress(
                        f"another dealwatch run (pid {_holder(path)}) holds the lock of "
                        f"warehouse {warehouse} ({path})"
                    ) from None
                time.sleep(POLL_S)
        if writable:
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
