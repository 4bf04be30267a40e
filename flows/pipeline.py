"""The two flows: ``backfill`` (files in, e.g. the seeds) and ``monitor`` (one pass over the feeds).

One run is one pass down DESIGN.md's line: poll → new entries → fetch → extract →
analyse → store → reconcile → notify. The warehouse is read in a shared window
before the network work and written in one window after it, so a reader holding
the file only delays the store step; if the window never opens, the analysed
batch goes to the spool and the next run stores it.

The whole-run arguments of the tasks the flow calls directly (every entry, every
analysed article) go in ``quote``: Prefect otherwise walks each element of each
argument looking for futures. Submitted tasks take a batch, plain: a quoted
argument reaches a Dask worker still wrapped.
"""

from __future__ import annotations

import time
import uuid
from collections import deque
from collections.abc import Iterator, Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger
from prefect.task_runners import ThreadPoolTaskRunner
from prefect.utilities.annotations import quote

from extractors.documents import articles_from_path
from extractors.feeds import unique_entries
from extractors.http import FetchPolicy
from extractors.records import Analysis, Article, FeedEntry, FetchStatus
from extractors.signals import with_text_signals
from extractors.watchlist import Watchlist
from flows import spool
from flows.links import pages_to_fetch
from flows.locking import RunInProgress, run_lock
from flows.progress import report_progress
from flows.settings import Settings, load_feeds, load_settings
from flows.tasks import (
    FeedJob,
    PollPace,
    analyse_articles_task,
    close_fetchers,
    deliver_alerts_task,
    fetch_extract_analyse_task,
    fetcher_host_trips,
    filter_known_entries,
    finish_run_task,
    load_feed_state,
    poll_feeds_task,
    store_task,
    utcnow,
)
from flows.wiring import alert_channels, fetch_policy, reconcile_policy, watchlist_for
from flows.workers import close_worker_pools, worker_pool
from warehouse import db, store
from warehouse.records import LinkAlias

# Feeds polled by one Prefect task: a poll is milliseconds of work, a task run tens of them.
FEEDS_PER_TASK = 25


def new_run_id(kind: str) -> str:
    return f"{utcnow():%Y%m%dT%H%M%SZ}-{kind}-{uuid.uuid4().hex[:6]}"


def _deliver(settings: Settings) -> dict[str, Any]:
    alerts = settings.alerts
    return deliver_alerts_task(
        settings.db_path,
        alert_channels(settings),
        digest_threshold=alerts.digest_threshold,
        send_timeout_s=alerts.send_timeout_s,
        slack_min_interval_s=alerts.slack_min_interval_s,
        timeout_s=settings.warehouse.write_timeout_s,
        report_base_url=settings.report.base_url,
    )


def _store_or_spool(
    settings: Settings,
    *,
    run_id: str,
    kind: str,
    poll_results: Sequence[Any],
    items: list[tuple[Article, Analysis]],
    baseline: bool,
    aliases: Sequence[LinkAlias] = (),
) -> dict[str, Any]:
    logger = get_run_logger()
    try:
        return store_task(
            settings.db_path,
            run_id=run_id,
            kind=kind,
            poll_results=quote(poll_results),
            items=quote(items),
            policy=reconcile_policy(settings, baseline=baseline),
            failing_after=settings.alerts.feed_failing_after,
            timeout_s=settings.warehouse.write_timeout_s,
            aliases=quote(aliases),
            give_up_after_h=settings.feeds.refetch_for_h if kind == "monitor" else None,
        )
    except db.WarehouseBusy as busy:
        path = spool.write_spool(settings.run.data_dir / "spool", run_id, items)
        logger.warning(
            "%s; %d analysed articles kept in %s for the next run", busy, len(items), path
        )
        return {"busy": str(busy), "spooled": len(items)}


def _spooled_items(settings: Settings) -> tuple[list[tuple[Article, Analysis]], list[Path]]:
    files = spool.spooled_files(settings.run.data_dir / "spool")
    items = [item for path in files for item in spool.read_spool(path)]
    return items, files


def _known_article_ids(settings: Settings, articles: Sequence[Article]) -> set[str]:
    if not settings.db_path.exists():
        return set()
    with db.read_connection(settings.db_path, timeout_s=settings.warehouse.write_timeout_s) as con:
        known = store.known_urls(con, [a.canonical_url for a in articles])
    return {a.article_id for a in articles if a.canonical_url in known}


def _backfill(settings: Settings, paths: Sequence[Path], *, notify: bool) -> dict[str, Any]:
    logger = get_run_logger()
    started = time.perf_counter()
    fetched_at = utcnow()
    articles: list[Article] = []
    for path in paths:
        articles.extend(articles_from_path(path, fetched_at=fetched_at, text_signals=False))
    known = _known_article_ids(settings, articles)
    fresh = [with_text_signals(a) for a in articles if a.article_id not in known]
    logger.info(
        "backfill: %d articles read, %d already stored", len(articles), len(articles) - len(fresh)
    )
    run_id = new_run_id("backfill")
    summary: dict[str, Any] = {"run_id": run_id, "kind": "backfill", "articles_read": len(articles)}
    if fresh:
        items = analyse_articles_task(quote(fresh), quote(watchlist_for(settings)))
        stored = _store_or_spool(
            settings,
            run_id=run_id,
            kind="backfill",
            poll_results=[],
            items=items,
            baseline=not notify,
        )
        summary["store"] = _describe_store(stored)
    else:
        summary["store"] = {"articles_new": 0}
    if notify:
        summary["delivery"] = _deliver(settings)
    summary["seconds"] = round(time.perf_counter() - started, 3)
    if fresh and "busy" not in summary["store"]:
        finish_run_task(
            settings.db_path, run_id, "completed", summary, settings.warehouse.write_timeout_s
        )
    return summary


@flow(name="backfill", log_prints=True)
def backfill(
    paths: list[str] | None = None, notify: bool = False, config_dir: str | None = None
) -> dict[str, Any]:
    """Files or folders of articles (text, HTML, Markdown) → analysis → warehouse.

    Alerts are recorded as the baseline (not sent) unless ``notify``. A file that
    cannot be read stops the backfill before anything is written.
    """
    settings = load_settings(config_dir)
    targets = [Path(p) for p in paths] if paths else [settings.run.seeds_dir]
    try:
        with run_lock(settings.run.data_dir, wait_s=settings.run.lock_wait_s):
            return _backfill(settings, targets, notify=notify)
    except RunInProgress as busy:
        get_run_logger().warning("%s; backfill skipped", busy)
        return {"kind": "backfill", "skipped": str(busy)}


def _describe_store(stored: dict[str, Any]) -> dict[str, Any]:
    if "busy" in stored:
        return stored
    result = stored["result"]
    return {
        "articles_new": result.articles_new,
        "deals_new": result.deals_new,
        "claims_new": result.claims_new,
        "alerts_new": result.alerts_new,
        "alerts_suppressed": result.alerts_suppressed,
        "articles_upgraded": result.articles_upgraded,
        "pages_waiting": result.pages_waiting,
        "pages_given_up": result.pages_given_up,
        "hosts_unreachable": stored.get("hosts_unreachable", []),
        "feed_alerts": len(stored["feed_alerts"]),
        "write_wait_s": round(stored["wait_s"], 3),
        "store_s": round(stored["store_s"], 3),
    }


def _fetch_and_analyse(
    batches: Sequence[Sequence[FeedEntry]],
    policy: FetchPolicy,
    watchlist: Watchlist | None,
    *,
    in_flight: int,
    processes: int,
    analysis_workers: int,
) -> Iterator[tuple[list[tuple[Article, Analysis]], dict[str, float]]]:
    """Each batch fetched, then extracted and analysed; at most ``in_flight`` batches at once.

    The window bounds memory: at most ``in_flight`` batches of HTML are held.
    """
    window: deque[Any] = deque()
    for batch in batches:
        window.append(
            fetch_extract_analyse_task.submit(batch, policy, watchlist, processes, analysis_workers)
        )
        if len(window) >= in_flight:
            yield window.popleft().result()
    while window:
        yield window.popleft().result()


def _worker_processes(settings: Settings, batches: int) -> tuple[int, int]:
    """Extraction processes and analysis workers for this run.

    A single batch, the usual scheduled run, stays in the task thread: starting a
    worker (a second interpreter importing trafilatura or the analysis) costs
    more than it saves. Dask runs its tasks in worker processes of its own,
    which may not start children.
    """
    if batches <= 1 or settings.run.task_runner == "dask":
        return 0, 0
    return settings.run.extract_processes, settings.run.analysis_workers


def _batches_in_flight(settings: Settings, processes: int) -> int:
    """``max_concurrency`` batches when the task threads extract; with extraction workers, one
    batch per worker and one fetched ahead: more would only wait, their HTML in memory.

    Measured over 2,000 pages with one extraction worker: 2 batches in flight
    peak 18 MB lower than 8, and take as long.
    """
    if processes:
        return processes + 1
    return max(1, settings.feeds.max_concurrency)


def _due(job: FeedJob, now: datetime, grace: timedelta) -> bool:
    state = job.state
    return state is None or state.next_poll_at is None or state.next_poll_at <= now + grace


@flow(name="monitor", log_prints=True)
def monitor(
    config_dir: str | None = None, backfill_seeds: bool = True, force_poll: bool = False
) -> dict[str, Any]:
    """One monitoring pass over every feed of the feeds file."""
    settings = load_settings(config_dir)
    try:
        with run_lock(settings.run.data_dir, wait_s=settings.run.lock_wait_s):
            return _monitor(settings, backfill_seeds=backfill_seeds, force_poll=force_poll)
    except RunInProgress as busy:
        get_run_logger().warning("%s; this run is skipped", busy)
        return {"kind": "monitor", "skipped": str(busy)}


def _monitor(settings: Settings, *, backfill_seeds: bool, force_poll: bool) -> dict[str, Any]:
    logger = get_run_logger()
    stage: dict[str, float] = {}
    started = time.perf_counter()
    summary: dict[str, Any] = {"kind": "monitor"}

    if backfill_seeds and settings.run.seeds_dir.is_dir():
        summary["seeds"] = _backfill(settings, [settings.run.seeds_dir], notify=False)["store"]

    run_id = new_run_id("monitor")
    summary["run_id"] = run_id
    feeds = load_feeds(settings.feeds_path)
    policy = fetch_policy(settings)
    states = (
        load_feed_state(
            settings.db_path, quote([f.url for f in feeds]), settings.warehouse.write_timeout_s
        )
        if settings.db_path.exists()
        else {}
    )

    now = utcnow()
    jobs = [FeedJob(url=f.url, name=f.name, state=states.get(f.url)) for f in feeds]
    pace = PollPace(
        unconditional_every_h=settings.feeds.unconditional_every_h,
        max_items=settings.feeds.max_items_per_feed,
        min_interval_min=settings.feeds.min_poll_interval_min,
        max_interval_min=settings.feeds.max_poll_interval_min,
    )
    due = [job for job in jobs if force_poll or _due(job, now, pace.grace)]
    t0 = time.perf_counter()
    futures = [
        poll_feeds_task.submit(due[i : i + FEEDS_PER_TASK], policy, pace)
        for i in range(0, len(due), FEEDS_PER_TASK)
    ]
    poll_results = [result for future in futures for result in future.result()]
    stage["poll"] = time.perf_counter() - t0

    failed = [
        r for r in poll_results if r.status in (FetchStatus.SOFT_ERROR, FetchStatus.HARD_ERROR)
    ]
    for result in failed:
        logger.warning("feed failed: %s (%s): %s", result.feed_name, result.feed_url, result.error)
    entries: list[FeedEntry] = [
        e for r in poll_results if r.status == FetchStatus.OK for e in r.entries
    ]
    t0 = time.perf_counter()
    new_entries = (
        filter_known_entries(settings.db_path, quote(entries), settings.warehouse.write_timeout_s)
        if settings.db_path.exists()
        else list(unique_entries(entries).values())
    )
    stage["dedup"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    new_count = len(new_entries)
    new_entries, aliases, refetched = pages_to_fetch(settings, policy, new_entries)
    stage["links"] = time.perf_counter() - t0

    items, spooled_files = _spooled_items(settings)
    watchlist = watchlist_for(settings)
    batch_size = max(1, settings.feeds.page_batch_size)
    batches = [new_entries[i : i + batch_size] for i in range(0, len(new_entries), batch_size)]
    t0 = time.perf_counter()
    processes, analysis_workers = _worker_processes(settings, len(batches))
    summary["workers"] = {"extract_processes": processes, "analysis_workers": analysis_workers}
    if processes:
        worker_pool(processes, "extraction")  # the workers import while pages are fetched
    if analysis_workers:
        worker_pool(analysis_workers)
    pages_done = 0
    try:
        for batch, (batch_items, seconds) in zip(
            batches,
            _fetch_and_analyse(
                batches,
                policy,
                watchlist,
                in_flight=_batches_in_flight(settings, processes),
                processes=processes,
                analysis_workers=analysis_workers,
            ),
            strict=True,
        ):
            items.extend(batch_items)
            pages_done += len(batch)
            report_progress("fetching and analysing pages", pages_done, len(new_entries))
            for name, value in seconds.items():
                stage[name] = stage.get(name, 0.0) + value
    finally:
        summary["hosts_left"] = fetcher_host_trips(policy)
        close_fetchers()
        close_worker_pools()
    stage["fetch_extract_analyse_wall"] = time.perf_counter() - t0

    items = list({article.article_id: (article, analysis) for article, analysis in items}.values())
    stored = _store_or_spool(
        settings,
        run_id=run_id,
        kind="monitor",
        poll_results=poll_results,
        items=items,
        baseline=False,
        aliases=aliases,
    )
    if "busy" not in stored:
        for path in spooled_files:
            path.unlink(missing_ok=True)
        stage["store"] = stored["store_s"]
    summary["store"] = _describe_store(stored)
    summary["feeds"] = {
        "configured": len(feeds),
        "polled": len(due),
        "ok": sum(r.status == FetchStatus.OK for r in poll_results),
        "not_modified": sum(r.status == FetchStatus.NOT_MODIFIED for r in poll_results),
        "failed": [{"name": r.feed_name, "url": r.feed_url, "error": r.error} for r in failed],
    }
    summary["entries"] = {"seen": len(entries), "new": new_count, "fetched_again": refetched}
    summary["fallbacks"] = sum(a.extraction != "trafilatura" for a, _ in items)

    if "busy" not in stored:
        t0 = time.perf_counter()
        summary["delivery"] = _deliver(settings)
        stage["notify"] = time.perf_counter() - t0
    summary["stages_s"] = {k: round(v, 3) for k, v in stage.items()}
    summary["seconds"] = round(time.perf_counter() - started, 3)
    if "busy" not in stored:
        finish_run_task(
            settings.db_path, run_id, "completed", summary, settings.warehouse.write_timeout_s
        )
    return summary


def with_task_runner(flow_obj: Any, settings: Settings) -> Any:
    """The flow with the configured task runner: local threads, or a Dask cluster."""
    if settings.run.task_runner == "dask":
        from prefect_dask import DaskTaskRunner

        if settings.run.dask_address:
            runner = DaskTaskRunner(address=settings.run.dask_address)
        else:
            runner = DaskTaskRunner(
                cluster_kwargs={"n_workers": settings.run.dask_workers, "threads_per_worker": 2}
            )
        return flow_obj.with_options(task_runner=runner)
    return flow_obj.with_options(
        task_runner=ThreadPoolTaskRunner(max_workers=max(4, settings.feeds.max_concurrency))
    )
