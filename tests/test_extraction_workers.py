"""Extraction and analysis in a worker process give what the task's own thread gives."""

from __future__ import annotations

from datetime import UTC, datetime

from benchmarks.corpus import corpus_specs, page_html
from extractors.records import FeedEntry, FetchStatus, PageFetch
from extractors.watchlist import load_watchlist
from flows.extraction import close_worker_pools, extract_and_analyse_batch, worker_pool
from tests.conftest import REPO


def test_worker_process_and_thread_agree_on_articles_and_claims() -> None:
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
