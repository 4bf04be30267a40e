"""The CPU-bound middle of a run under three concurrency models, on the same pages.

Issue 16 asked whether Prefect's task runner alone could carry a run's parallelism
(threads by default, ``ProcessPoolTaskRunner`` for one machine's cores) in place of
dealwatch's own worker pools (``flows.workers``). This measures the part that decides
it: N generated pages (``benchmarks.corpus``), already fetched, extracted and analysed
in batches of B by

* **one process**: ``extract_and_analyse_batch`` in a loop (the floor of the work);
* **worker pool**: the batches handed to ``flows.workers.worker_pool`` (spawned
  processes, as a run with ``extract_processes`` does);
* **ProcessPoolTaskRunner**: one Prefect task a batch, submitted from a flow whose task
  runner is Prefect's process pool of the same size (each task run reported to the API);
* **ThreadPoolTaskRunner**: the same tasks on Prefect's threads.

    .venv/bin/python -m benchmarks.bench_task_runners [--pages 400] [--batch 25] [--workers 2]

Prints each one's best wall seconds of ``--rounds`` (the models take turns, so a shared
machine's busy spells fall on all of them) and its ratio to the worker pool, all measured in
this one invocation. Start-up is inside each figure (spawning and importing the workers is part of
what a run pays); the Prefect API's is not: one local server, started before the clock,
takes every process's reports, as a deployment's server would.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.task_runners import ProcessPoolTaskRunner, ThreadPoolTaskRunner

from benchmarks.corpus import corpus_specs, page_html
from extractors.records import FeedEntry, FetchStatus, PageFetch
from flows.extraction import extract_and_analyse_batch
from flows.runtime import local_api, prepare_prefect
from flows.workers import close_worker_pools, worker_pool

Batch = tuple[list[FeedEntry], list[PageFetch]]
FETCHED_AT = datetime(2026, 12, 3, tzinfo=UTC)


def fetched_batches(pages: int, batch: int) -> list[Batch]:
    """``pages`` generated articles as fetched pages, in batches of ``batch``."""
    entries, fetches = [], []
    for spec in corpus_specs(20, max(1, pages // 20)):
        url = f"http://127.0.0.1:9/{spec.path}"
        entries.append(
            FeedEntry(
                feed_url="http://127.0.0.1:9/feed",
                entry_id=url,
                url=url,
                title=spec.title,
                summary="",
                published=spec.published,
            )
        )
        fetches.append(
            PageFetch(
                url=url,
                final_url=url,
                status=FetchStatus.OK,
                http_status=200,
                content_type="text/html",
                body=page_html(spec),
            )
        )
    return [(entries[i : i + batch], fetches[i : i + batch]) for i in range(0, len(entries), batch)]


def process_batch(batch: Batch) -> int:
    items, _ = extract_and_analyse_batch(batch[0], batch[1], None, FETCHED_AT)
    return len(items)


process_batch_task = task(process_batch, cache_policy=NO_CACHE, name="process-batch")


def in_one_process(batches: Sequence[Batch], _workers: int) -> int:
    return sum(process_batch(b) for b in batches)


def in_worker_pool(batches: Sequence[Batch], workers: int) -> int:
    pool = worker_pool(workers, "extraction")
    try:
        return sum(f.result() for f in [pool.submit(process_batch, b) for b in batches])
    finally:
        close_worker_pools()


def in_prefect(runner: Any) -> Callable[[Sequence[Batch], int], int]:
    """The batches as one Prefect task each, under ``runner``. They reach the flow by closure:
    Prefect's API refuses flow parameters over 512 KB, and a run's tasks fetch their own pages."""

    def run(batches: Sequence[Batch], _workers: int) -> int:
        @flow(task_runner=runner, name="bench-task-runner")
        def run_batches() -> int:
            return sum(f.result() for f in [process_batch_task.submit(b) for b in batches])

        return run_batches()

    return run


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=400)
    parser.add_argument("--batch", type=int, default=25)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=3, help="each model this many times, in turn")
    args = parser.parse_args(argv)
    batches = fetched_batches(args.pages, args.batch)
    pages = sum(len(b[0]) for b in batches)
    models: dict[str, Callable[[Sequence[Batch], int], int]] = {
        "one process": in_one_process,
        "worker pool": in_worker_pool,
        "ProcessPoolTaskRunner": in_prefect(ProcessPoolTaskRunner(max_workers=args.workers)),
        "ThreadPoolTaskRunner": in_prefect(ThreadPoolTaskRunner(max_workers=args.workers)),
    }
    seconds = {}
    with tempfile.TemporaryDirectory() as home:
        prepare_prefect(Path(home))
        # One local API that every process reports to (as a deployment's server would be),
        # started before the clock; without it each worker process starts an API of its own.
        with local_api():
            for _ in range(args.rounds):
                for name, run in models.items():
                    started = time.perf_counter()
                    done = run(batches, args.workers)
                    elapsed = time.perf_counter() - started
                    seconds[name] = min(seconds.get(name, elapsed), elapsed)
                    assert done == pages, f"{name} processed {done} of {pages} pages"
    print(
        f"{pages} pages in batches of {args.batch}, {args.workers} workers, best of {args.rounds}"
    )
    for name, value in seconds.items():
        print(
            f"  {name:<22} {value:7.2f} s  {value / seconds['worker pool']:5.2f}x the worker pool"
        )


if __name__ == "__main__":
    main()
