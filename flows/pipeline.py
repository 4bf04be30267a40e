"""The two flows: ``backfill`` (files in, e.g. the seeds) and ``monitor`` (one pass over the feeds).

One run is one pass down DESIGN.md's line: poll → new entries → fetch → extract →
analyse → store → reconcile → notify. The warehouse is read in a shared window
before the network work and written in one window after it, so a reader holding
the file only delays the store step.

Nothing a run analysed is lost to the warehouse: the batch is written to the
spool (flows.spool) before the store step and leaves it only once committed, so
a warehouse that is busy past ``write_timeout_s``, not a DuckDB file, in a
read-only folder or on a full disk costs a line saying why and an exit status,
and the next run (or backfill) of that warehouse stores the batch, a backfill's
still as a baseline. A warehouse that cannot even be read makes the run poll
every feed in full and fetch what is not already spooled. Once the store
committed, nothing that follows (delivery, the run's end) can make the run a
failure or send anything again. SIGTERM and SIGINT stop a run at its next
check point, with what it analysed spooled (flows.runtime.StopRequest). A run
takes its warehouse's lock (flows.locking): another run of the same warehouse
is skipped, one of another warehouse proceeds.

The whole-run arguments of the tasks the flow calls directly (every entry, every
analysed article) go in ``quote``: Prefect otherwise walks each element of each
argument looking for futures. Submitted tasks take their batch and the watchlist in
``opaque`` on the thread runner (resolved, not walked: the watchlist's walk grows with
its remembered lookups), plain on Dask: an annotated argument reaches a Dask worker
still wrapped.
"""

from __future__ import annotations

import threading
import time
import uuid
import zlib
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger
from prefect.futures import PrefectFuture
from prefect.task_runners import ThreadPoolTaskRunner
from prefect.utilities.annotations import opaque, quote

from extractors.documents import DocumentError, article_files, articles_from_path
from extractors.fetch.client import FetchPolicy
from extractors.fetch.feeds import unique_entries
from extractors.records import Analysis, Article, FeedEntry, FeedPollResult, FetchStatus
from extractors.signals import with_text_signals
from extractors.urls import canonical_url
from extractors.watchlist import Watchlist
from flows import spool
from flows.links import pages_to_fetch
from flows.locking import RunInProgress, run_lock
from flows.progress import report_progress
from flows.runtime import STOP_POLL_S, StopRequest, stop_on_signals
from flows.settings import Settings, load_feeds, load_settings
from flows.tasks import (
    FeedJob,
    PollPace,
    StoreBatch,
    StoreOutcome,
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
# Articles analysed by one task of a backfill (~14 ms each): a stop waits for one chunk at most.
ANALYSIS_CHUNK = 50


def new_run_id(kind: str) -> str:
    return f"{utcnow():%Y%m%dT%H%M%SZ}-{kind}-{uuid.uuid4().hex[:6]}"


def _deliver(settings: Settings) -> dict[str, Any]:
    alerts = settings.alerts
    delivery: dict[str, Any] = deliver_alerts_task(
        settings.db_path,
        alert_channels(settings),
        digest_threshold=alerts.digest_threshold,
        send_timeout_s=alerts.send_timeout_s,
        slack_min_interval_s=alerts.slack_min_interval_s,
        timeout_s=settings.warehouse.write_timeout_s,
        report_base_url=settings.report.base_url,
    )
    if "error" in delivery:
        get_run_logger().warning(
            "delivery stopped: %s; what was stored stays stored, and alerts still pending "
            "(or whose delivery could not be recorded) go out with the next run",
            delivery["error"],
        )
    return delivery


def _finish_run(settings: Settings, run_id: str, status: str, summary: dict[str, Any]) -> None:
    """Record the run's end, with any an earlier run could not record.

    If it cannot be recorded, the run says so and goes on: its work is stored. The end
    is kept in the spool folder, and the next run records it.
    """
    folder = _spool_folder(settings)
    end = spool.RunEnd(run_id=run_id, status=status, finished_at=utcnow(), summary=summary)
    problem = finish_run_task(
        settings.db_path,
        quote([*spool.pending_run_ends(folder), end]),
        settings.warehouse.write_timeout_s,
    )
    if problem is None:
        return
    summary["run_end_not_recorded"] = problem
    try:
        spool.write_run_end(folder, end)
        kept = "; the next run records it"
    except OSError as exc:  # the run's end is a note; its work is stored all the same
        kept = f"; it cannot be kept for later either ({exc})"
    get_run_logger().warning(
        "the run's end could not be recorded (%s); what the run stored stays stored%s",
        problem,
        kept,
    )


# --- the spool and the store step ---------------------------------------------------


def _spool_folder(settings: Settings) -> Path:
    return spool.spool_dir(settings.run.data_dir, settings.db_path)


# What a spool file that cannot be read raises: gzip and OS errors, a cut-off stream,
# JSON that does not parse or records whose fields do not fit.
UNREADABLE_SPOOL = (OSError, EOFError, zlib.error, ValueError, KeyError, TypeError)


def _pending_batches(settings: Settings) -> list[spool.SpooledBatch]:
    """This warehouse's spooled batches, oldest first; an unreadable file is set aside, kept.

    Batches spooled for another warehouse file (the path was changed since) are named in a
    line: they wait for a run of that warehouse.
    """
    folder = _spool_folder(settings)
    for other in spool.other_spools(folder):
        get_run_logger().warning(
            "%s holds batches spooled for another warehouse file; a run of that warehouse "
            "stores them",
            other,
        )
    batches = []
    for path in spool.spooled_files(folder):
        try:
            batches.append(spool.read_batch(path))
        except UNREADABLE_SPOOL as exc:
            aside = path.with_name(path.name + ".unreadable")
            path.rename(aside)
            get_run_logger().warning(
                "spool file %s cannot be read (%s); kept as %s, not stored", path, exc, aside
            )
    return batches


def _spooled_ids(pending: Sequence[spool.SpooledBatch]) -> set[str]:
    return {article.article_id for batch in pending for article, _ in batch.items}


def _spool(
    settings: Settings,
    stop: StopRequest,
    header: spool.BatchHeader,
    items: Sequence[tuple[Article, Analysis]],
) -> tuple[Path | None, str | None]:
    """Write the batch to the spool; (its file, None), or (None, why it could not be written)."""
    folder = _spool_folder(settings)
    try:
        with stop.critical():
            return spool.write_spool(folder, header, items), None
    except OSError as exc:
        why = db.first_line(exc)
        get_run_logger().warning(
            "cannot write the spool in %s (%s): the %d analysed articles are kept only if "
            "the store succeeds",
            folder,
            why,
            len(items),
        )
        return None, why


@dataclass(frozen=True)
class Stored:
    """The store step committed every batch: what they added, as the run's summary says it."""

    outcome: StoreOutcome
    run_id: str

    def summary(self) -> dict[str, Any]:
        outcome = self.outcome
        results = [result for _, result in outcome.stored]
        described: dict[str, Any] = {
            name: sum(getattr(r, name) for r in results) for name in _STORE_COUNTS
        }
        described |= {
            "hosts_unreachable": list(outcome.hosts_unreachable),
            "feed_alerts": outcome.feed_alerts,
            "write_wait_s": round(outcome.wait_s, 3),
            "store_s": round(outcome.store_s, 3),
        }
        earlier = [(by, r) for by, r in outcome.stored if by != self.run_id]
        if earlier:
            described["from_spool"] = [
                {"analysed_by": by, "articles_new": r.articles_new, "alerts_new": r.alerts_new}
                for by, r in earlier
            ]
        return described


_STORE_COUNTS = (
    "articles_new",
    "deals_new",
    "claims_new",
    "alerts_new",
    "alerts_suppressed",
    "articles_upgraded",
    "pages_waiting",
    "pages_given_up",
)


@dataclass(frozen=True)
class Spooled:
    """The warehouse could not be written: why, and what waits in the spool for the next run."""

    why: str
    busy: bool
    kept: int  # analysed articles in the spool
    folder: Path
    lost: int = 0  # analysed articles that could not be spooled either
    lost_why: str | None = None

    def summary(self) -> dict[str, Any]:
        described: dict[str, Any] = {
            "not_stored": self.why,
            "spooled": self.kept,
            "spool": str(self.folder),
        }
        if self.busy:
            described["busy"] = self.why
        if self.lost:
            described["not_kept"] = {"articles": self.lost, "why": self.lost_why}
        return described


def _spool_and_store(
    settings: Settings,
    stop: StopRequest,
    *,
    header: spool.BatchHeader,
    items: list[tuple[Article, Analysis]],
    pending: Sequence[spool.SpooledBatch],
    poll_results: Sequence[Any],
    aliases: Sequence[LinkAlias] = (),
) -> Stored | Spooled:
    """The store step: this run's batch spooled first, then every pending batch and it stored.

    Each spooled batch is stored with its own alert policy (a backfill's alerts stay a
    baseline), oldest first, and leaves the spool once committed.
    """
    path, spool_error = _spool(settings, stop, header, items) if items else (None, None)
    batches = [
        StoreBatch(
            items=batch.items,
            policy=reconcile_policy(settings, baseline=batch.header.baseline),
            spooled_at=batch.path,
            analysed_by=batch.header.run_id,
        )
        for batch in pending
    ]
    if items or aliases or header.kind == "monitor":  # a monitor run's batch, even an empty
        # one, carries its links' aliases and expires pages queued too long
        batches.append(
            StoreBatch(
                items=items,
                policy=reconcile_policy(settings, baseline=header.baseline),
                spooled_at=path,
                analysed_by=header.run_id,
            )
        )
    outcome = store_task(
        settings.db_path,
        run_id=header.run_id,
        kind=header.kind,
        poll_results=quote(poll_results),
        batches=quote(batches),
        failing_after=settings.alerts.feed_failing_after,
        timeout_s=settings.warehouse.write_timeout_s,
        give_up=lambda: stop.requested,
        aliases=quote(aliases),
        give_up_after_h=settings.feeds.refetch_for_h if header.kind == "monitor" else None,
    )
    if outcome.not_stored is None:
        return Stored(outcome, header.run_id)
    spooled = Spooled(
        why=outcome.not_stored,
        busy=outcome.busy,
        kept=sum(len(b.items) for b in batches[len(outcome.stored) :] if b.spooled_at),
        folder=_spool_folder(settings),
        lost=len(items) if items and path is None else 0,
        lost_why=spool_error,
    )
    get_run_logger().warning(
        "not stored: %s; %d analysed articles kept in %s for the next run%s",
        spooled.why,
        spooled.kept,
        spooled.folder,
        f"; {spooled.lost} could not be kept ({spooled.lost_why})" if spooled.lost else "",
    )
    return spooled


def _stopped(
    settings: Settings,
    stop: StopRequest,
    summary: dict[str, Any],
    header: spool.BatchHeader | None = None,
    items: Sequence[tuple[Article, Analysis]] = (),
    *,
    spooled: int = 0,
) -> dict[str, Any]:
    """Spool what was analysed and not stored yet, and end the run here.

    ``spooled``: articles the store step already left in the spool (it stopped waiting).
    """
    kept, lost = spooled, 0
    if header is not None and items:
        path, why = _spool(settings, stop, header, items)
        kept, lost = (kept + len(items), 0) if path is not None else (kept, len(items))
    stop.mark_safe()
    logger = get_run_logger()
    if lost:
        logger.warning(
            "stopped by %s: %d analysed articles could not be kept (%s)",
            stop.signal_name,
            lost,
            why,
        )
    elif kept:
        logger.warning(
            "stopped by %s: %d analysed articles kept in %s; the next run stores them",
            stop.signal_name,
            kept,
            _spool_folder(settings),
        )
    else:
        logger.warning("stopped by %s: nothing analysed is left unstored", stop.signal_name)
    summary["stopped"] = {"signal": stop.signum, "name": stop.signal_name, "spooled": kept}
    return summary


def _finished(future: PrefectFuture[Any], stop: StopRequest) -> bool:
    """Wait until the task is done (True) or the run is asked to stop (False)."""
    done = threading.Event()
    future.add_done_callback(lambda _: done.set())
    while not done.wait(STOP_POLL_S):
        if stop.requested:
            return False
    return True


# --- reading the warehouse before the network work ------------------------------------


def _unreadable_because(settings: Settings) -> str | None:
    """Why the warehouse cannot be read now, or None; a run goes on without what it would say.

    Without it a run knows no feed's validators and no stored URL: it polls every feed
    in full and fetches what is not spooled, and its store step says what is wrong.
    """
    if not db.exists(settings.db_path):
        return None
    try:
        with db.read_connection(settings.db_path, timeout_s=settings.warehouse.write_timeout_s):
            return None
    except db.WarehouseError as exc:
        why = db.first_line(exc)
        get_run_logger().warning(
            "cannot read the warehouse (%s): going on without its feed state and stored URLs", why
        )
        return why


def _known_article_ids(settings: Settings, articles: Sequence[Article]) -> set[str]:
    if not db.exists(settings.db_path) or _unreadable_because(settings):
        return set()
    with db.read_connection(settings.db_path, timeout_s=settings.warehouse.write_timeout_s) as con:
        known = store.known_urls(con, [a.canonical_url for a in articles])
    return {a.article_id for a in articles if a.canonical_url in known}


# --- backfill -----------------------------------------------------------------------


def _read_documents(paths: Sequence[Path], fetched_at: datetime) -> tuple[list[Article], list[str]]:
    """Every article the files and folders hold; a file that cannot be one is skipped, named.

    A folder is read file by file, so an empty, binary or unreadable file costs only
    itself: one line naming it and why.
    """
    logger = get_run_logger()
    articles: list[Article] = []
    skipped: list[str] = []
    for target in paths:
        try:
            files = article_files(target) if target.is_dir() else [target]
        except OSError as exc:  # a folder that cannot be listed is skipped like a bad file
            files = []
            skipped.append(f"{target}: cannot list the folder: {exc.strerror or exc}")
        for path in files:
            try:
                articles.extend(articles_from_path(path, fetched_at=fetched_at, text_signals=False))
            except DocumentError as exc:
                skipped.append(f"{path}: {str(exc).removeprefix(path.name + ': ')}")
    for line in skipped:
        logger.warning("skipped %s", line)
    return articles, skipped


def _analyse(
    articles: Sequence[Article], watchlist: Watchlist | None, stop: StopRequest
) -> list[tuple[Article, Analysis]]:
    """Articles analysed a chunk at a time, up to a stop request: what was analysed by then."""
    items: list[tuple[Article, Analysis]] = []
    for start in range(0, len(articles), ANALYSIS_CHUNK):
        if stop.requested:
            break
        chunk = [with_text_signals(a) for a in articles[start : start + ANALYSIS_CHUNK]]
        items.extend(analyse_articles_task(quote(chunk), quote(watchlist)))
    return items


def _backfill(
    settings: Settings, paths: Sequence[Path], *, notify: bool, stop: StopRequest
) -> dict[str, Any]:
    logger = get_run_logger()
    started = time.perf_counter()
    run_id = new_run_id("backfill")
    articles, skipped = _read_documents(paths, utcnow())
    pending = _pending_batches(settings)
    known = _known_article_ids(settings, articles) | _spooled_ids(pending)
    fresh = [a for a in articles if a.article_id not in known]
    logger.info(
        "backfill: %d articles read, %d already stored or spooled, %d files skipped",
        len(articles),
        len(articles) - len(fresh),
        len(skipped),
    )
    summary: dict[str, Any] = {"run_id": run_id, "kind": "backfill", "articles_read": len(articles)}
    if skipped:
        summary["files_skipped"] = skipped
        summary["nothing_read"] = not articles
    header = spool.BatchHeader(run_id=run_id, kind="backfill", baseline=not notify)
    items = _analyse(fresh, watchlist_for(settings), stop)
    if stop.requested:
        summary["store"] = {"articles_new": 0}
        return _stopped(settings, stop, summary, header, items)
    if not items and not pending:
        summary["store"] = {"articles_new": 0}
        return summary
    step = _spool_and_store(
        settings, stop, header=header, items=items, pending=pending, poll_results=[]
    )
    summary["store"] = step.summary()
    if isinstance(step, Spooled):
        if stop.requested:  # it stopped waiting for the write window: all is in the spool
            return _stopped(settings, stop, summary, spooled=step.kept)
        return summary
    if notify and not stop.requested:
        summary["delivery"] = _deliver(settings)
    summary["seconds"] = round(time.perf_counter() - started, 3)
    _finish_run(settings, run_id, "stopped" if stop.requested else "completed", summary)
    if stop.requested:
        return _stopped(settings, stop, summary)
    return summary


@flow(name="backfill", log_prints=True)
def backfill(
    paths: list[str] | None = None, notify: bool = False, config_dir: str | None = None
) -> dict[str, Any]:
    """Files or folders of articles (text, HTML, Markdown) → analysis → warehouse.

    Alerts are recorded as the baseline (not sent) unless ``notify``. A file that
    cannot be an article (empty, binary, unreadable) is skipped with a line naming it.
    """
    settings = load_settings(config_dir)
    targets = [Path(p) for p in paths] if paths else [settings.run.seeds_dir]
    with stop_on_signals() as stop:
        try:
            with _run_lock(settings):
                return _backfill(settings, targets, notify=notify, stop=stop)
        except RunInProgress as locked:
            get_run_logger().warning("%s; nothing done", locked)
            return {"kind": "backfill", "skipped": str(locked)}


def _run_lock(settings: Settings) -> Any:
    return run_lock(settings.db_path, settings.run.data_dir, wait_s=settings.run.lock_wait_s)


# --- monitor ------------------------------------------------------------------------


def _fetch_and_analyse(
    batches: Sequence[Sequence[FeedEntry]],
    policy: FetchPolicy,
    watchlist: Watchlist | None,
    stop: StopRequest,
    *,
    in_flight: int,
    processes: int,
    analysis_workers: int,
    walked: bool = False,
) -> Iterator[tuple[list[tuple[Article, Analysis]], dict[str, float]]]:
    """Each batch fetched, then extracted and analysed; at most ``in_flight`` batches at once.

    The window bounds memory: at most ``in_flight`` batches of HTML are held. A stop
    request ends it after the batches already done: the rest are left to the runner.
    ``walked``: the runner needs the arguments plain (Dask), so Prefect walks them.
    """
    hide: Callable[[Any], Any] = (lambda value: value) if walked else opaque
    window: deque[Any] = deque()
    for batch in batches:
        if stop.requested:
            return
        window.append(
            fetch_extract_analyse_task.submit(
                hide(batch), policy, hide(watchlist), processes, analysis_workers
            )
        )
        if len(window) >= in_flight:
            if not _finished(window[0], stop):
                yield from _done_batches(window)
                return
            yield window.popleft().result()
    while window:
        if not _finished(window[0], stop):
            yield from _done_batches(window)
            return
        yield window.popleft().result()


def _done_batches(
    window: deque[Any],
) -> Iterator[tuple[list[tuple[Article, Analysis]], dict[str, float]]]:
    """The batches of the window that are done by now (a stop keeps what they analysed)."""
    for future in window:
        done = threading.Event()
        future.add_done_callback(lambda _, done=done: done.set())
        if done.wait(STOP_POLL_S):
            yield future.result()


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
    with stop_on_signals() as stop:
        try:
            with _run_lock(settings):
                return _monitor(
                    settings, stop, backfill_seeds=backfill_seeds, force_poll=force_poll
                )
        except RunInProgress as locked:
            get_run_logger().warning("%s; this run is skipped", locked)
            return {"kind": "monitor", "skipped": str(locked)}


def _poll(
    due: Sequence[FeedJob], policy: FetchPolicy, pace: PollPace, stop: StopRequest
) -> list[Any]:
    """Every due feed polled, a task per ``FEEDS_PER_TASK``; up to a stop request."""
    futures = [
        poll_feeds_task.submit(due[i : i + FEEDS_PER_TASK], policy, pace)
        for i in range(0, len(due), FEEDS_PER_TASK)
    ]
    results = []
    for future in futures:
        if not _finished(future, stop):
            break
        results.extend(future.result())
    return results


def _new_entries(
    settings: Settings, entries: list[FeedEntry], unreadable: str | None, spooled: set[str]
) -> list[FeedEntry]:
    """Entries not stored yet (as far as the warehouse can tell) and not waiting in the spool."""
    if db.exists(settings.db_path) and unreadable is None:
        candidates = filter_known_entries(
            settings.db_path, quote(entries), settings.warehouse.write_timeout_s
        )
    else:
        candidates = list(unique_entries(entries).values())
    return [e for e in candidates if canonical_url(e.url) not in spooled]


class StageClock:
    """Seconds spent in each stage of a run, as the summary's ``stages_s`` reports them."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextmanager
    def timed(self, stage: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.add(stage, time.perf_counter() - started)

    def add(self, stage: str, seconds: float) -> None:
        self.seconds[stage] = self.seconds.get(stage, 0.0) + seconds

    def rounded(self) -> dict[str, float]:
        return {stage: round(value, 3) for stage, value in self.seconds.items()}


@dataclass(frozen=True)
class Polled:
    """What the feeds said this run: how many are configured, which were due, each answer."""

    configured: int
    due: int
    results: list[FeedPollResult]

    @property
    def failed(self) -> list[FeedPollResult]:
        return [
            r for r in self.results if r.status in (FetchStatus.SOFT_ERROR, FetchStatus.HARD_ERROR)
        ]

    @property
    def entries(self) -> list[FeedEntry]:
        return [e for r in self.results if r.status == FetchStatus.OK for e in r.entries]

    def summary(self) -> dict[str, Any]:
        return {
            "configured": self.configured,
            "polled": self.due,
            "ok": sum(r.status == FetchStatus.OK for r in self.results),
            "not_modified": sum(r.status == FetchStatus.NOT_MODIFIED for r in self.results),
            "failed": [
                {"name": r.feed_name, "url": r.feed_url, "error": r.error} for r in self.failed
            ],
        }


@dataclass(frozen=True)
class NewPages:
    """The pages this run fetches: entries neither stored nor spooled, and pages queued again."""

    entries: list[FeedEntry]
    aliases: list[LinkAlias]  # aggregator links that lead to pages already stored
    new: int  # new entries, before aggregator links were resolved and queued pages added
    fetched_again: int


def _poll_due_feeds(
    settings: Settings,
    policy: FetchPolicy,
    stop: StopRequest,
    unreadable: str | None,
    *,
    force_poll: bool,
) -> Polled:
    """Every feed that is due (all of them with ``force_poll``), polled; up to a stop request."""
    feeds = load_feeds(settings.feeds_path)
    states = (
        load_feed_state(
            settings.db_path, quote([f.url for f in feeds]), settings.warehouse.write_timeout_s
        )
        if db.exists(settings.db_path) and unreadable is None
        else {}
    )
    pace = PollPace(
        unconditional_every_h=settings.feeds.unconditional_every_h,
        max_items=settings.feeds.max_items_per_feed,
        min_interval_min=settings.feeds.min_poll_interval_min,
        max_interval_min=settings.feeds.max_poll_interval_min,
    )
    now = utcnow()
    jobs = [FeedJob(url=f.url, name=f.name, state=states.get(f.url)) for f in feeds]
    due = [job for job in jobs if force_poll or _due(job, now, pace.grace)]
    polled = Polled(configured=len(feeds), due=len(due), results=_poll(due, policy, pace, stop))
    for result in polled.failed:
        get_run_logger().warning(
            "feed failed: %s (%s): %s", result.feed_name, result.feed_url, result.error
        )
    return polled


def _pages_to_fetch(
    settings: Settings,
    policy: FetchPolicy,
    polled: Polled,
    pending: Sequence[spool.SpooledBatch],
    unreadable: str | None,
    clock: StageClock,
) -> NewPages:
    """Dedup: the entries not stored and not spooled, then aggregator links and queued pages."""
    spooled_urls = {a.canonical_url for batch in pending for a, _ in batch.items}
    with clock.timed("dedup"):
        new_entries = _new_entries(settings, polled.entries, unreadable, spooled_urls)
    with clock.timed("links"):
        entries, aliases, fetched_again = pages_to_fetch(
            settings, policy, new_entries, warehouse_readable=unreadable is None
        )
    return NewPages(entries, aliases, new=len(new_entries), fetched_again=fetched_again)


def _process(
    settings: Settings,
    policy: FetchPolicy,
    pages: NewPages,
    stop: StopRequest,
    clock: StageClock,
    summary: dict[str, Any],
) -> list[tuple[Article, Analysis]]:
    """Fetch, extract and analyse the pages in batches; each article once, up to a stop request.

    Records in ``summary`` the workers it used and the hosts it stopped asking.
    """
    watchlist = watchlist_for(settings)
    size = max(1, settings.feeds.page_batch_size)
    batches = [pages.entries[i : i + size] for i in range(0, len(pages.entries), size)]
    processes, analysis_workers = _worker_processes(settings, len(batches))
    summary["workers"] = {"extract_processes": processes, "analysis_workers": analysis_workers}
    if processes:
        worker_pool(processes, "extraction")  # the workers import while pages are fetched
    if analysis_workers:
        worker_pool(analysis_workers)
    items: list[tuple[Article, Analysis]] = []
    with clock.timed("fetch_extract_analyse_wall"):
        try:
            analysed = _fetch_and_analyse(
                batches,
                policy,
                watchlist,
                stop,
                in_flight=_batches_in_flight(settings, processes),
                processes=processes,
                analysis_workers=analysis_workers,
                walked=settings.run.task_runner == "dask",
            )
            for batch_items, seconds in analysed:
                items.extend(batch_items)
                report_progress("fetching and analysing pages", len(items), len(pages.entries))
                for stage, value in seconds.items():
                    clock.add(stage, value)
        finally:
            summary["hosts_left"] = fetcher_host_trips(policy)
            close_fetchers()
            close_worker_pools(wait=not stop.requested)
    return list({article.article_id: (article, analysis) for article, analysis in items}.values())


def _monitor(
    settings: Settings, stop: StopRequest, *, backfill_seeds: bool, force_poll: bool
) -> dict[str, Any]:
    """One pass: poll → dedup → process (fetch, extract, analyse) → store → notify."""
    started = time.perf_counter()
    clock = StageClock()
    summary: dict[str, Any] = {"kind": "monitor"}
    if backfill_seeds and settings.run.seeds_dir.is_dir():
        seeds = _backfill(settings, [settings.run.seeds_dir], notify=False, stop=stop)
        summary["seeds"] = seeds["store"]
        if "stopped" in seeds:
            summary["stopped"] = seeds["stopped"]
            return summary
    header = spool.BatchHeader(run_id=new_run_id("monitor"), kind="monitor", baseline=False)
    summary["run_id"] = header.run_id
    policy = fetch_policy(settings)
    unreadable = _unreadable_because(settings)

    with clock.timed("poll"):
        polled = _poll_due_feeds(settings, policy, stop, unreadable, force_poll=force_poll)
    if stop.requested:
        return _stopped(settings, stop, summary)
    pending = _pending_batches(settings)
    pages = _pages_to_fetch(settings, policy, polled, pending, unreadable, clock)
    items = _process(settings, policy, pages, stop, clock, summary)
    summary["feeds"] = polled.summary()
    summary["entries"] = {
        "seen": len(polled.entries),
        "new": pages.new,
        "fetched_again": pages.fetched_again,
    }
    summary["fallbacks"] = sum(a.extraction != "trafilatura" for a, _ in items)
    if stop.requested:
        return _stopped(settings, stop, summary, header, items)

    step = _spool_and_store(
        settings,
        stop,
        header=header,
        items=items,
        pending=pending,
        poll_results=polled.results,
        aliases=pages.aliases,
    )
    summary["store"] = step.summary()
    if isinstance(step, Spooled):
        if stop.requested:  # it stopped waiting for the write window: all is in the spool
            return _stopped(settings, stop, summary, spooled=step.kept)
        return summary
    clock.add("store", step.outcome.store_s)

    if not stop.requested:
        with clock.timed("notify"):
            summary["delivery"] = _deliver(settings)
    summary["stages_s"] = clock.rounded()
    summary["seconds"] = round(time.perf_counter() - started, 3)
    _finish_run(settings, header.run_id, "stopped" if stop.requested else "completed", summary)
    if stop.requested:
        return _stopped(settings, stop, summary)
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
