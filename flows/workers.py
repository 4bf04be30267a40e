"""Worker processes for the CPU-bound middle of a run, and the analysis they run.

trafilatura and the analysis hold the GIL most of the time, so threads share one
core however many there are. A run hands work to spawned processes (the parent
runs threads, so no fork), each kind in a pool of its own:

* ``run.extract_processes`` workers extract whole batches (``flows.extraction``);
  with ``run.analysis_workers`` at 0 they analyse them too;
* ``run.analysis_workers`` workers analyse what was extracted (by the task
  threads, or by the extraction workers), on another core while the next pages
  are extracted. An analysis worker imports this module and the analysis core
  only: no trafilatura, no Prefect.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import threading
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Literal

from extractors.analysis import analyse
from extractors.records import Analysis, Article
from extractors.signals import with_text_signals
from extractors.watchlist import Watchlist

log = logging.getLogger(__name__)


def analyse_or_note(article: Article, watchlist: Watchlist | None) -> Analysis:
    """The article's analysis; if the analysis fails on it, an empty one whose note says why.

    The article is stored either way: nothing fetched is lost to one text the
    analysis could not read, and the note shows in ``dealwatch explain``.
    """
    try:
        return analyse(article, watchlist)
    except Exception as exc:  # one article's text met a bug in the analysis: that article alone
        log.exception("analysis failed for %s", article.url)
        return Analysis(
            article_id=article.article_id,
            relevance="unrelated",
            score=0.0,
            evidence="",
            notes=(f"analysis failed: {type(exc).__name__}: {exc}",),
        )


def analyse_batch(
    articles: Sequence[Article], watchlist: Watchlist | None
) -> tuple[list[tuple[Article, Analysis]], float]:
    """Each article with its language and fingerprint filled in, and its analysis; the seconds spent."""
    started = time.perf_counter()
    items = []
    for article in articles:
        complete = with_text_signals(article)
        items.append((complete, analyse_or_note(complete, watchlist)))
    return items, time.perf_counter() - started


def _ready() -> bool:
    return True


Role = Literal["analysis", "extraction"]

_pools: dict[tuple[Role, int], ProcessPoolExecutor] = {}
_pools_lock = threading.Lock()


# How much the analysis workers yield the processor to the extraction workers (os.nice).
ANALYSIS_NICENESS = 10


def _behind_extraction() -> None:
    """An analysis worker runs at a lower priority than the extraction workers: extraction is
    the run's longest chain (each page waits for it), analysis has time to spare beside it, and
    on a machine with fewer cores than busy processes the scheduler would otherwise share them
    evenly (measured: the cold run's extraction took 24.0 s of its worker's time beside an
    analysis worker of equal priority, against 17.5 s alone)."""
    with contextlib.suppress(OSError):  # refused (a platform, a sandbox): the usual priority
        os.nice(ANALYSIS_NICENESS)


def worker_pool(processes: int, role: Role = "analysis") -> ProcessPoolExecutor:
    """One pool per process, role and size, its workers started at once so their imports overlap polling."""
    with _pools_lock:
        pool = _pools.get((role, processes))
        if pool is None:
            pool = ProcessPoolExecutor(
                max_workers=processes,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_behind_extraction if role == "analysis" else None,
            )
            for _ in range(processes):
                pool.submit(_ready)
            _pools[(role, processes)] = pool
        return pool


def forget_worker_pool(processes: int, role: Role = "analysis") -> None:
    """Let go of a pool whose worker died; the next ``worker_pool`` call starts a new one."""
    with _pools_lock:
        pool = _pools.pop((role, processes), None)
    if pool is not None:
        pool.shutdown(wait=False, cancel_futures=True)


def close_worker_pools(*, wait: bool = True) -> None:
    """Shut the pools down; a stopping run does not wait for a batch a worker is still on."""
    with _pools_lock:
        for pool in _pools.values():
            pool.shutdown(wait=wait, cancel_futures=True)
        _pools.clear()
