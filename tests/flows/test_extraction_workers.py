"""Extraction and analysis in a worker process give what the task's own thread gives."""

from __future__ import annotations

import gc
import os
import pickle
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from benchmarks.corpus import corpus_specs, page_html
from extractors.records import FeedEntry, FetchStatus, PageFetch
from extractors.watchlist import load_watchlist
from flows.extraction import extract_and_analyse_batch, extract_batch
from flows.workers import ANALYSIS_NICENESS, analyse_batch, close_worker_pools, worker_pool
from tests.support.config import run_with_configured_runner, write_config
from tests.support.paths import REPO
from tests.support.reads import snapshot
from tests.support.site import NewsSite, publish
from tests.support.stories import INFLECTION, WANG_21, WANG_28, ledger_and_newsroom


def _corpus_batch() -> tuple[list[FeedEntry], list[PageFetch]]:
    """Three deal pages and two others from the benchmark corpus, as fetched."""
    specs = [s for s in corpus_specs(6, 20) if s.is_deal][:3] + list(corpus_specs(1, 2))
    base = "http://127.0.0.1:8000"
    entries = [
        FeedEntry(f"{base}/feed.xml", s.path, base + s.path, s.title, "", s.published)
        for s in specs
    ]
    pages = [
        PageFetch(
            url=base + s.path,
            final_url=base + s.path,
            status=FetchStatus.OK,
            http_status=200,
            content_type="text/html",
            body=page_html(s),
        )
        for s in specs
    ]
    return entries, pages


def test_worker_process_and_thread_agree_on_articles_and_claims() -> None:
    entries, pages = _corpus_batch()
    watchlist = load_watchlist(REPO / "config" / "watchlist.toml")
    fetched_at = datetime(2026, 3, 2, tzinfo=UTC)
    in_thread, _ = extract_and_analyse_batch(entries, pages, watchlist, fetched_at)
    try:
        in_worker, seconds = (
            worker_pool(1)
            .submit(extract_and_analyse_batch, entries, pages, watchlist, fetched_at)
            .result(timeout=120)
        )
    finally:
        close_worker_pools()
    assert in_worker == in_thread
    assert any(analysis.deals for _, analysis in in_worker)
    assert any(analysis.claims for _, analysis in in_worker)
    assert set(seconds) == {"extract", "analyse"}


def test_analysis_worker_completes_what_the_thread_extracted() -> None:
    """Extraction without language and fingerprint, then the analysis worker: the same items."""
    entries, pages = _corpus_batch()
    watchlist = load_watchlist(REPO / "config" / "watchlist.toml")
    fetched_at = datetime(2026, 3, 2, tzinfo=UTC)
    in_thread, _ = extract_and_analyse_batch(entries, pages, watchlist, fetched_at)
    bare, _ = extract_batch(entries, pages, fetched_at, text_signals=False)
    assert all(a.fingerprint == () and a.language is None for a in bare)
    try:
        in_worker, seconds = (
            worker_pool(1).submit(analyse_batch, bare, watchlist).result(timeout=120)
        )
    finally:
        close_worker_pools()
    assert in_worker == in_thread
    assert all(a.language == "en" and len(a.fingerprint) == 65 for a, _ in in_worker)
    assert seconds > 0


@pytest.mark.skipif(not Path("/proc/self/maps").exists(), reason="reads /proc/PID/maps")
def test_analysis_worker_loads_neither_trafilatura_nor_prefect() -> None:
    """The worker's memory is the analysis core's: lxml (trafilatura's parser) is not mapped."""
    entries, pages = _corpus_batch()
    bare, _ = extract_batch(entries, pages, datetime(2026, 3, 2, tzinfo=UTC), text_signals=False)
    try:
        pool = worker_pool(1)
        pool.submit(analyse_batch, bare, None).result(timeout=120)
        pid = pool.submit(os.getpid).result(timeout=60)
        maps = Path(f"/proc/{pid}/maps").read_text(encoding="utf-8")
    finally:
        close_worker_pools()
    assert "etree" not in maps
    assert "_pydantic_core" not in maps


def test_analysis_worker_yields_the_processor_to_extraction() -> None:
    """Extraction is the run's longest chain: the analysis worker runs at a lower priority."""
    try:
        analysis = worker_pool(1).submit(os.nice, 0).result(timeout=60)
        extraction = worker_pool(1, "extraction").submit(os.nice, 0).result(timeout=60)
    finally:
        close_worker_pools()
    assert extraction == os.nice(0)
    assert analysis == min(19, extraction + ANALYSIS_NICENESS)


@pytest.mark.slow
@pytest.mark.usefixtures("prefect_harness")
def test_a_run_with_worker_processes_stores_what_one_without_stores(tmp_path, monkeypatch):
    """The monitor flow, several batches: extraction in one worker process and analysis in
    another (the default); analysis in a worker process or in the task threads; or both
    steps in one extraction worker."""
    monkeypatch.delenv("DEALWATCH_NOTIFY", raising=False)
    monkeypatch.setenv("DEALWATCH_PAGE_BATCH_SIZE", "2")
    with NewsSite() as site:
        feeds = ledger_and_newsroom(site)
        # write_config ends with the [run] table: the line lands in it.
        worker = write_config(
            tmp_path / "worker", feeds=feeds, extra="extract_processes = 0\nanalysis_workers = 1\n"
        )
        threads = write_config(
            tmp_path / "threads", feeds=feeds, extra="extract_processes = 0\nanalysis_workers = 0\n"
        )
        split = write_config(tmp_path / "split", feeds=feeds)
        by_worker = run_with_configured_runner(worker)
        by_threads = run_with_configured_runner(threads)
        together = write_config(
            tmp_path / "together",
            feeds=feeds,
            extra="extract_processes = 1\nanalysis_workers = 0\n",
        )
        by_split = run_with_configured_runner(split)
        by_together = run_with_configured_runner(together)

    assert by_worker["workers"] == {"extract_processes": 0, "analysis_workers": 1}
    assert by_threads["workers"] == {"extract_processes": 0, "analysis_workers": 0}
    assert by_split["workers"] == {"extract_processes": 1, "analysis_workers": 1}
    assert by_worker["store"]["articles_new"] == by_threads["store"]["articles_new"] == 7
    assert by_together["workers"] == {"extract_processes": 1, "analysis_workers": 0}
    assert by_split["store"]["articles_new"] == by_together["store"]["articles_new"] == 7
    expected = snapshot(threads / "data" / "dealwatch.duckdb")
    assert len(expected["deals"]) == 2 and len(expected["contradictions"]) == 2
    assert snapshot(worker / "data" / "dealwatch.duckdb") == expected
    assert snapshot(split / "data" / "dealwatch.duckdb") == expected
    assert snapshot(together / "data" / "dealwatch.duckdb") == expected


@pytest.mark.usefixtures("prefect_harness")
def test_a_run_of_one_batch_starts_no_worker(tmp_path, monkeypatch):
    """The usual scheduled run finds a few new pages: the task thread does it all."""
    monkeypatch.delenv("DEALWATCH_NOTIFY", raising=False)
    with NewsSite() as site:
        feed = publish(site, [WANG_28, WANG_21, INFLECTION], feed_path="/newsroom.xml")
        summary = run_with_configured_runner(write_config(tmp_path, feeds=[("Newsroom", feed)]))
    assert summary["workers"] == {"extract_processes": 0, "analysis_workers": 0}
    assert summary["store"]["articles_new"] == 3


@pytest.mark.slow
@pytest.mark.usefixtures("prefect_harness")
@pytest.mark.parametrize("extract_processes", [0, 1])
def test_fetched_pages_are_let_go_without_the_garbage_collector(
    tmp_path, monkeypatch, extract_processes
):
    """A batch's HTML is freed when its task returns, not when a full collection finds it.

    A finished Prefect future sits in a reference cycle, so pages a task returned
    lived until the collector's next full pass: the whole run's HTML, 149 MB over
    2,000 pages. With the collector off for the run, no fetched page may survive it.
    """
    monkeypatch.delenv("DEALWATCH_NOTIFY", raising=False)
    monkeypatch.setenv("DEALWATCH_PAGE_BATCH_SIZE", "2")
    with NewsSite() as site:
        feeds = ledger_and_newsroom(site)
        config = write_config(
            tmp_path, feeds=feeds, extra=f"extract_processes = {extract_processes}\n"
        )
        gc.collect()
        gc.disable()
        try:
            summary = run_with_configured_runner(config)
            surviving = sum(isinstance(o, PageFetch) for o in gc.get_objects())
        finally:
            gc.enable()
    assert summary["store"]["articles_new"] == 7
    assert summary["workers"]["extract_processes"] == extract_processes
    assert surviving == 0


def test_a_worker_reads_each_batch_copy_of_the_watchlist_as_the_one_it_has() -> None:
    """Every batch reaches a worker with its own pickled copy of the watchlist; unpickled, a copy
    is the watchlist the process already holds (whose lookups and cached lists are warm), and a
    new one only when the list itself changed."""
    shipped = load_watchlist(REPO / "config" / "watchlist.toml")
    watchlist = replace(shipped, people=shipped.people[1:])  # a list no other test unpickled
    first, later = (pickle.loads(pickle.dumps(watchlist)) for _ in range(2))
    entries, pages = _corpus_batch()
    [article] = extract_batch(entries[:1], pages[:1], datetime(2026, 3, 2, tzinfo=UTC))[0]
    [(_, with_first)] = analyse_batch([article], first)[0]
    assert later is first
    [(_, with_later)] = analyse_batch([article], later)[0]
    assert with_later == with_first
    changed = pickle.loads(pickle.dumps(replace(watchlist, acquirers=watchlist.acquirers[1:])))
    assert changed is not first and changed == replace(watchlist, acquirers=watchlist.acquirers[1:])
