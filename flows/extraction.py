"""Extraction of fetched pages, with or without their analysis, importable without Prefect.

A task calls these in its own thread, or hands ``extract_and_analyse_batch`` to
the ``run.extract_processes`` worker processes (``flows.workers``).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator, Sequence
from datetime import datetime

from extractors.fetch.pages import article_from_page, summary_article
from extractors.records import Analysis, Article, FeedEntry, PageFetch
from extractors.watchlist import Watchlist
from flows.workers import analyse_or_note

log = logging.getLogger(__name__)


def extract_one(
    entry: FeedEntry, page: PageFetch, fetched_at: datetime, *, text_signals: bool = True
) -> Article:
    """The page's article, or the feed summary's; if extraction fails on it, the summary's with why."""
    try:
        return article_from_page(page, entry, fetched_at=fetched_at, text_signals=text_signals)
    except Exception as exc:  # one hostile page met a bug in extraction: that item falls back alone
        log.exception("extraction failed for %s", entry.url)
        return summary_article(
            entry,
            fetched_at=fetched_at,
            note=f"extraction failed: {type(exc).__name__}: {exc}",
            text_signals=text_signals,
        )


def extract_each(
    entries: Sequence[FeedEntry],
    pages: Sequence[PageFetch],
    fetched_at: datetime,
    *,
    text_signals: bool = True,
) -> Iterator[Article]:
    """One article per entry (the page's, or the feed summary's), as each is extracted."""
    for entry, page in zip(entries, pages, strict=True):
        yield extract_one(entry, page, fetched_at, text_signals=text_signals)


def extract_batch(
    entries: Sequence[FeedEntry],
    pages: Sequence[PageFetch],
    fetched_at: datetime,
    *,
    text_signals: bool = True,
) -> tuple[list[Article], float]:
    """Every article of the batch and the seconds spent."""
    started = time.perf_counter()
    articles = list(extract_each(entries, pages, fetched_at, text_signals=text_signals))
    return articles, time.perf_counter() - started


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
        article = extract_one(entry, page, fetched_at)
        extracted = time.perf_counter()
        items.append((article, analyse_or_note(article, watchlist)))
        extract_seconds += extracted - started
        analyse_seconds += time.perf_counter() - extracted
    return items, {"extract": extract_seconds, "analyse": analyse_seconds}
