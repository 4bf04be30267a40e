"""The CPU-bound middle of a run (extract, then analyse), importable without Prefect.

A task calls ``extract_and_analyse_batch`` in its own thread, or hands it to a
pool of worker processes (``run.extract_processes``): trafilatura and the
analysis hold the GIL most of the time, so threads share one core however many
there are. Workers are spawned, not forked (the parent runs threads), and
import only this module and the core.
"""

from __future__ import annotations

import multiprocessing
import threading
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime

from extractors.analyse import analyse
from extractors.pages import article_from_page
from extractors.records import Analysis, Article, FeedEntry, PageFetch
from extractors.watchlist import Watchlist


def extract_and_analyse_batch(
    entries: Sequence[FeedEntry],
    pages: Sequence[PageFetch],
    watchlist: Watchlist | None,
    fetched_at: datetime,
) -> tuple[list[tuple[Article, Analysis]], dict[str, float]]:
    """Articles and their analyses, with the seconds spent in each step."""
    extract_seconds = analyse_seconds = 0.0
    items = []
    for entry, page in zip(entries, pages, strict=True):
        started = time.perf_counter()
        article = article_from_page(page, entry, fetched_at=fetched_at)
        extracted = time.perf_counter()
        items.append((article, analyse(article, watchlist)))
        extract_seconds += extracted - started
        analyse_seconds += time.perf_counter() - extracted
    return items, {"extract": extract_seconds, "analyse": analyse_seconds}


def _ready() -> bool:
    return True


_pools: dict[int, ProcessPoolExecutor] = {}
_pools_lock = threading.Lock()


def worker_pool(processes: int) -> ProcessPoolExecutor:
    """One pool per process and size, its workers started at once so their imports overlap polling."""
    with _pools_lock:
        pool = _pools.get(processes)
        if pool is None:
            pool = ProcessPoolExecutor(
                max_workers=processes, mp_context=multiprocessing.get_context("spawn")
            )
            for _ in range(processes):
                pool.submit(_ready)
            _pools[processes] = pool
        return pool


def close_worker_pools() -> None:
    with _pools_lock:
        for pool in _pools.values():
            pool.shutdown(wait=True, cancel_futures=True)
        _pools.clear()
