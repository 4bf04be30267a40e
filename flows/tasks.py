"""Prefect tasks: each one a batch (a feed, a batch of pages, one transaction).

Fetching and sending carry retries; parsing, extraction and analysis are pure
functions of the core, wrapped here only so Prefect can schedule, time and log
them. The warehouse is opened only inside the store tasks, for one transaction.

No task sets ``timeout_seconds``: a thread runner cannot interrupt a task (Prefect
only warns, on every task of every run). What bounds a fetch is the fetcher's own
connect, read and transfer deadlines, which hold under any runner.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE

from alerts.channels import Channel
from alerts.deliver import deliver, print_to_console
from extractors.fetch.client import Fetcher, FetchPolicy
from extractors.fetch.feeds import fetch_entry_pages, poll_feeds, unique_entries
from extractors.records import Analysis, Article, FeedEntry, FeedPollResult, FeedState, PageFetch
from extractors.watchlist import Watchlist
from flows.extraction import extract_and_analyse_batch, extract_batch, extract_each
from flows.progress import report_progress
from flows.spool import RunEnd
from flows.workers import Role, analyse_batch, analyse_or_note, forget_worker_pool, worker_pool
from warehouse import db, outbox, store
from warehouse.records import DeliveryReport, LinkAlias, StoreResult


def utcnow() -> datetime:
    return datetime.now(UTC)


_T = TypeVar("_T")

_fetchers: dict[FetchPolicy, Fetcher] = {}
_fetchers_lock = threading.Lock()


def shared_fetcher(policy: FetchPolicy) -> Fetcher:
    """One Fetcher per process and policy, so per-host limits hold across tasks.

    Under a Dask runner each worker process builds its own: a Fetcher holds a
    connection pool and locks, which cannot travel between processes.
    """
    with _fetchers_lock:
        fetcher = _fetchers.get(policy)
        if fetcher is None:
            fetcher = Fetcher(policy)
            _fetchers[policy] = fetcher
        return fetcher


def fetcher_host_trips(policy: FetchPolicy) -> list[dict[str, Any]]:
    """The hosts this process's fetcher stopped asking this run, with the requests each cost
    and saved (under a Dask runner the workers' fetchers are elsewhere: none here)."""
    with _fetchers_lock:
        fetcher = _fetchers.get(policy)
    trips = fetcher.host_trips() if fetcher is not None else []
    return [
        {"host": t.host, "reason": t.reason, "requests": t.requests, "not_requested": t.skipped}
        for t in trips
    ]


def close_fetchers() -> None:
    with _fetchers_lock:
        for fetcher in _fetchers.values():
            fetcher.close()
        _fetchers.clear()


@dataclass(frozen=True)
class FeedJob:
    url: str
    name: str
    state: FeedState | None


@dataclass(frozen=True)
class PollPace:
    """The ``[feeds]`` settings one poll needs: how much to read and when to come back."""

    unconditional_every_h: float
    max_items: int
    min_interval_min: float
    max_interval_min: float

    @property
    def grace(self) -> timedelta:
        """A feed due this soon counts as due: a scheduled run starts a few seconds late or early."""
        return timedelta(minutes=self.min_interval_min) / 10


@task(cache_policy=NO_CACHE, name="load-feed-state", retries=2, retry_delay_seconds=2)
def load_feed_state(
    db_path: Path, feed_urls: Sequence[str], timeout_s: float
) -> dict[str, FeedState]:
    with db.read_connection(db_path, timeout_s=timeout_s) as con:
        return store.feed_states(con, feed_urls)


@task(cache_policy=NO_CACHE, name="poll-feeds", retries=1, retry_delay_seconds=5)
def poll_feeds_task(
    jobs: Sequence[FeedJob], policy: FetchPolicy, pace: PollPace
) -> list[FeedPollResult]:
    """A batch of feeds: one Prefect task for many polls, whose own cost is milliseconds."""
    return poll_feeds(
        shared_fetcher(policy),
        [(job.url, job.name, job.state) for job in jobs],
        utcnow(),
        unconditional_every=timedelta(hours=pace.unconditional_every_h),
        max_items=pace.max_items,
        min_interval=timedelta(minutes=pace.min_interval_min),
        max_interval=timedelta(minutes=pace.max_interval_min),
    )


@task(cache_policy=NO_CACHE, name="filter-known-urls", retries=2, retry_delay_seconds=2)
def filter_known_entries(
    db_path: Path, entries: Sequence[FeedEntry], timeout_s: float
) -> list[FeedEntry]:
    """New entries only: one per canonical URL, none already stored."""
    unique = unique_entries(entries)
    if not unique:
        return []
    with db.read_connection(db_path, timeout_s=timeout_s) as con:
        known = store.known_urls(con, list(unique))
    return [entry for url, entry in unique.items() if url not in known]


@task(cache_policy=NO_CACHE, name="fetch-extract-analyse", retries=1, retry_delay_seconds=5)
def fetch_extract_analyse_task(
    entries: Sequence[FeedEntry],
    policy: FetchPolicy,
    watchlist: Watchlist | None,
    processes: int = 0,
    analysis_workers: int = 0,
) -> tuple[list[tuple[Article, Analysis]], dict[str, float]]:
    """A batch of pages fetched, extracted and analysed: one task, so the HTML is never a result.

    A finished Prefect future sits in a reference cycle with the concurrent future
    it wraps, so a task's result outlives its last use until the collector's next
    full pass, which large bytes do not hasten. Returned by a fetch task, the
    pages (about 75 KB each) stayed in memory until the end of the run: 149 MB
    over 2,000 pages. Kept in this task's frame, they go as soon as it returns.

    Extraction runs in this thread or in one of ``processes`` extraction workers;
    the analysis where the extraction ran, or in one of ``analysis_workers``
    analysis workers. A worker that died costs the batch nothing: the step is
    done again in this thread.
    """
    started = time.perf_counter()
    pages = fetch_entry_pages(shared_fetcher(policy), entries)
    fetch_seconds = time.perf_counter() - started
    items, seconds = _extract_and_analyse(
        entries, pages, watchlist, utcnow(), processes, analysis_workers
    )
    return items, {"fetch": fetch_seconds, **seconds}


def _extract_and_analyse(
    entries: Sequence[FeedEntry],
    pages: Sequence[PageFetch],
    watchlist: Watchlist | None,
    fetched_at: datetime,
    processes: int,
    analysis_workers: int,
) -> tuple[list[tuple[Article, Analysis]], dict[str, float]]:
    if processes > 0 and analysis_workers > 0:
        return _extract_there_analyse_elsewhere(
            entries, pages, watchlist, fetched_at, processes, analysis_workers
        )
    if processes > 0:
        return _in_extraction_worker(
            processes, extract_and_analyse_batch, entries, pages, watchlist, fetched_at
        )
    if analysis_workers > 0:
        return _extract_here_analyse_there(entries, pages, watchlist, fetched_at, analysis_workers)
    return extract_and_analyse_batch(entries, pages, watchlist, fetched_at)


def _extract_here_analyse_there(
    entries: Sequence[FeedEntry],
    pages: Sequence[PageFetch],
    watchlist: Watchlist | None,
    fetched_at: datetime,
    workers: int,
) -> tuple[list[tuple[Article, Analysis]], dict[str, float]]:
    """Each article goes to the analysis worker the moment it is extracted.

    Article by article rather than batch by batch: the batches in flight finish
    their extraction together, and a whole batch sent at the end would leave the
    worker idle until then and the threads waiting on it after.
    """
    started = time.perf_counter()
    articles: list[Article] = []
    futures: list[Future[tuple[list[tuple[Article, Analysis]], float]]] = []
    pool: ProcessPoolExecutor | None = worker_pool(workers)
    lost: BrokenProcessPool | None = None
    for article in extract_each(entries, pages, fetched_at, text_signals=False):
        articles.append(article)
        if pool is not None:
            try:
                futures.append(pool.submit(analyse_batch, [article], watchlist))
            except BrokenProcessPool as exc:
                pool, lost = None, exc
    extract_seconds = time.perf_counter() - started
    items, analyse_seconds = _collect_analyses(futures, articles, watchlist, workers, lost)
    return items, {"extract": extract_seconds, "analyse": analyse_seconds}


# Articles an analysis worker takes at a time from an extraction worker's batch.
ANALYSIS_CHUNK = 5


def _extract_there_analyse_elsewhere(
    entries: Sequence[FeedEntry],
    pages: Sequence[PageFetch],
    watchlist: Watchlist | None,
    fetched_at: datetime,
    processes: int,
    workers: int,
) -> tuple[list[tuple[Article, Analysis]], dict[str, float]]:
    """The batch extracted in an extraction worker, its articles analysed in an analysis worker.

    trafilatura then has a process to itself: neither fetching, nor Prefect, nor
    the hand-over to the analysis takes its GIL, as they do in the task threads.
    """
    started = time.perf_counter()
    articles, _ = _in_extraction_worker(
        processes, extract_batch, entries, pages, fetched_at, text_signals=False
    )
    extract_seconds = time.perf_counter() - started
    futures: list[Future[tuple[list[tuple[Article, Analysis]], float]]] = []
    lost: BrokenProcessPool | None = None
    try:
        pool = worker_pool(workers)
        for start in range(0, len(articles), ANALYSIS_CHUNK):
            chunk = articles[start : start + ANALYSIS_CHUNK]
            futures.append(pool.submit(analyse_batch, chunk, watchlist))
    except BrokenProcessPool as exc:
        lost = exc
    items, analyse_seconds = _collect_analyses(futures, articles, watchlist, workers, lost)
    return items, {"extract": extract_seconds, "analyse": analyse_seconds}


def _in_extraction_worker(processes: int, step: Callable[..., _T], *args: Any, **kwargs: Any) -> _T:
    """``step`` in an extraction worker, or in this thread if the worker died."""
    try:
        return worker_pool(processes, "extraction").submit(step, *args, **kwargs).result()
    except BrokenProcessPool as exc:
        _worker_lost(processes, exc, "extraction")
        return step(*args, **kwargs)


def _collect_analyses(
    futures: Sequence[Future[tuple[list[tuple[Article, Analysis]], float]]],
    articles: list[Article],
    watchlist: Watchlist | None,
    workers: int,
    lost: BrokenProcessPool | None,
) -> tuple[list[tuple[Article, Analysis]], float]:
    """The analysis workers' answers in order, or, if one died, every article analysed here."""
    if lost is None:
        try:
            answers = [future.result() for future in futures]
            return [item for answer, _ in answers for item in answer], sum(s for _, s in answers)
        except BrokenProcessPool as exc:
            lost = exc
    _worker_lost(workers, lost)
    return analyse_batch(articles, watchlist)


def _worker_lost(processes: int, exc: BrokenProcessPool, role: Role = "analysis") -> None:
    get_run_logger().warning(
        "a worker process died (%s); this batch is done in its task thread", exc
    )
    forget_worker_pool(processes, role)


@task(cache_policy=NO_CACHE, name="analyse-articles")
def analyse_articles_task(
    articles: Sequence[Article], watchlist: Watchlist | None
) -> list[tuple[Article, Analysis]]:
    analysed = []
    for done, article in enumerate(articles, start=1):
        analysed.append((article, analyse_or_note(article, watchlist)))
        report_progress("analysing articles", done, len(articles))
    return analysed


@dataclass(frozen=True)
class StoreBatch:
    """One batch for the store step: its analysed articles, how its alerts are treated (a
    backfill's are a baseline), and its spool file, deleted once the batch is committed."""

    items: Sequence[tuple[Article, Analysis]]
    policy: store.ReconcilePolicy
    spooled_at: Path | None
    analysed_by: str  # the run that analysed it: this one, or an earlier one that spooled it


def _forget_spooled(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError as exc:  # the batch is committed: storing it again next time changes nothing
        get_run_logger().warning("stored, but cannot delete its spool file %s: %s", path, exc)


# The write steps are not retried by Prefect: write_connection already waits for
# its window, and a second attempt after a failed send could send twice.
@dataclass(frozen=True)
class StoreOutcome:
    """What the store step did: each batch it committed, in order, and why it stopped, if it did.

    ``not_stored`` is None when every batch committed. Otherwise the warehouse could not
    be written (busy past the timeout, or unwritable): the batches after those in
    ``stored`` stay in the spool, and ``busy`` says whether it was only busy.
    """

    stored: tuple[tuple[str, StoreResult], ...]  # (run that analysed the batch, what it added)
    not_stored: str | None = None
    busy: bool = False
    hosts_unreachable: tuple[dict[str, Any], ...] = ()
    feed_alerts: int = 0
    wait_s: float = 0.0
    store_s: float = 0.0


@task(cache_policy=NO_CACHE, name="store")
def store_task(
    db_path: Path,
    *,
    run_id: str,
    kind: str,
    poll_results: Sequence[FeedPollResult],
    batches: Sequence[StoreBatch],
    failing_after: int,
    timeout_s: float,
    give_up: Callable[[], bool] | None = None,
    aliases: Sequence[LinkAlias] = (),
    give_up_after_h: float | None = None,
) -> StoreOutcome:
    """The run's one write window: the run row, feed health, the hosts the run stopped asking,
    then each batch in a transaction of its own (articles, claims, alerts, the pages to fetch
    again), its spool file deleted as soon as it committed.

    A warehouse that cannot be written (busy past ``timeout_s``, or unwritable) is an
    answer, not an error: the outcome's ``not_stored`` says why; what was not committed
    stays in the spool.
    """
    started = time.perf_counter()
    results: list[tuple[str, StoreResult]] = []
    try:
        with db.write_connection(db_path, timeout_s=timeout_s, give_up=give_up) as con:
            opened = time.perf_counter()
            store.start_run(con, kind, utcnow(), run_id=run_id)
            feed_alerts = (
                store.record_feed_polls(
                    con, poll_results, run_id=run_id, failing_after=failing_after, now=utcnow()
                )
                if poll_results
                else []
            )
            hosts = store.record_host_trips(
                con,
                [item for batch in batches for item in batch.items],
                poll_results,
                run_id=run_id,
                now=utcnow(),
            )
            # The run's own batch is last: its links' aliases and the queue's expiry go with it,
            # once, after every spooled batch they may point at is stored.
            for i, batch in enumerate(batches):
                last = i == len(batches) - 1
                result = store.store_analyses(
                    con,
                    batch.items,
                    run_id=run_id,
                    policy=batch.policy,
                    now=utcnow(),
                    aliases=aliases if last else (),
                    give_up_after=timedelta(hours=give_up_after_h)
                    if give_up_after_h and last
                    else None,
                )
                results.append((batch.analysed_by, result))
                db.checkpoint(con, db_path)
                if batch.spooled_at is not None:
                    _forget_spooled(batch.spooled_at)
    except db.WarehouseError as exc:
        return StoreOutcome(
            stored=tuple(results),
            not_stored=db.first_line(exc),
            busy=isinstance(exc, db.WarehouseBusy),
        )
    return StoreOutcome(
        stored=tuple(results),
        hosts_unreachable=tuple(
            {"host": h, "reason": r, "pages": p, "feeds": f} for h, r, p, f in hosts
        ),
        feed_alerts=len(feed_alerts),
        wait_s=opened - started,
        store_s=time.perf_counter() - opened,
    )


@task(cache_policy=NO_CACHE, name="finish-run")
def finish_run_task(db_path: Path, ends: Sequence[RunEnd], timeout_s: float) -> str | None:
    """Record run ends: earlier ones kept in the spool (their files deleted once recorded),
    then this run's. Why they could not be, if they could not: the run's work is stored by
    then and stays so; its end is a note about the run, not part of its result."""
    try:
        with db.write_connection(db_path, timeout_s=timeout_s) as con:
            for end in ends:
                store.finish_run(
                    con, end.run_id, status=end.status, summary=end.summary, now=end.finished_at
                )
                if end.path is not None:
                    _forget_spooled(end.path)
    except db.WarehouseError as exc:
        return db.first_line(exc)
    return None


@task(cache_policy=NO_CACHE, name="deliver-alerts")
def deliver_alerts_task(
    db_path: Path,
    channels: Sequence[Channel],
    *,
    digest_threshold: int,
    send_timeout_s: float,
    slack_min_interval_s: float,
    timeout_s: float,
    report_base_url: str | None = None,
) -> dict[str, Any]:
    """Send what the outbox holds; the warehouse is not held while the network is used.

    Each channel answer is committed before the next message goes out, so a
    crash re-sends at most the message whose answer was not yet committed:
    delivery is at-least-once, with a window of milliseconds. A warehouse that
    cannot be read or written here is an answer (``error``), not a failed run:
    what was stored stays stored, and what is still pending goes out next run.
    """
    try:
        with db.read_connection(db_path, timeout_s=timeout_s) as con:
            pending = outbox.pending_alerts(con)
        if not pending:
            return {"pending": 0, "sent": 0, "failed": 0}
        if not channels:
            print_to_console(pending, report_base_url=report_base_url)
            with db.write_connection(db_path, timeout_s=timeout_s) as con:
                outbox.mark_console_delivered(con, [a.alert_id for a in pending], utcnow())
            return {"pending": len(pending), "sent": len(pending), "failed": 0, "console": True}

        def record(answer: DeliveryReport) -> None:
            with db.write_connection(db_path, timeout_s=timeout_s) as con:
                outbox.record_deliveries(con, answer)

        report: DeliveryReport = deliver(
            pending,
            channels,
            digest_threshold=digest_threshold,
            now=utcnow,
            send_timeout_s=send_timeout_s,
            slack_min_interval_s=slack_min_interval_s,
            on_answer=record,
            report_base_url=report_base_url,
        )
    except db.WarehouseError as exc:
        return {"error": db.first_line(exc)}
    failed = sorted({o.channel for o in report.outcomes if not o.ok})
    return {
        "pending": len(pending),
        "sent": len(report.completed),
        "failed": len(pending) - len(report.completed),
        "failed_channels": failed,
    }
