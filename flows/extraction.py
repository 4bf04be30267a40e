"""Extraction of fetched pages, with or without their analysis, importable without Prefect.

A task calls these in its own thread, or hands ``extract_and_analyse_batch`` to
the ``run.extract_processes`` worker processes (``flows.workers``).
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from datetime import datetime

from extractors.analysis import analyse
from extractors.pages import article_from_page
from extractors.records import Analysis, Article, FeedEntry, PageFetch
from extractors.watchlist import Watchlist


def extract_each(
    entries: Sequence[FeedEntry],
    pages: Sequence[PageFetch],
    fetched_at: datetime,
    *,
    text_signals: bool = True,
) -> Iterator[Article]:
    """One article per entry (the page's, or the feed summary's), as each is extracted."""
    for entry, page in zip(entries, pages, strict=True):
        yield article_from_page(page, entry, fetched_at=fetched_at, text_signals=text_signals)


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
        article = article_from_page(page, entry, fetched_at=fetched_at)
        extracted = time.perf_counter()
        items.append((article, analyse(article, watchlist)))
        extract_seconds += extracted - started
        analyse_seconds += time.perf_counter() - extracted
    return items, {"extract": extract_seconds, "analyse": analyse_seconds}
