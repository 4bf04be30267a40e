"""From fetched HTML to an Article, with the feed entry as the fallback.

The canonical URL (and so the article id) comes from the URL the feed gave, not
from where redirects ended or what the page claims as canonical: the run checks
"already stored?" with the feed's URL before fetching, and the two must agree.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any

import trafilatura

from extractors.records import Article, FeedEntry, FetchStatus, Origin, PageFetch
from extractors.signals import with_text_signals
from extractors.urls import article_id_for, canonical_url, domain_of

log = logging.getLogger(__name__)

# trafilatura's cost grows with the tree; a real article page is well under this.
MAX_HTML_BYTES = 10_000_000
# Text shorter than this is a cookie wall or an empty shell, not an article.
MIN_TEXT_CHARS = 40
# A page with this share of NUL/control bytes in its first KB is binary, whatever its header says.
BINARY_SHARE = 0.05
HTML_TYPES = frozenset(
    {"text/html", "application/xhtml+xml", "application/xml", "text/xml", "text/plain"}
)


def looks_binary(body: bytes) -> bool:
    head = body[:1024]
    if not head:
        return False
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls / len(head) > BINARY_SHARE


def _date(value: Any) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _source(sitename: str | None, url: str) -> str:
    """The outlet's name; trafilatura falls back to the host (with port), which domain_of does better."""
    name = (sitename or "").strip()
    if (
        not name
        or "://" in name
        or name.lower().split(":", 1)[0] in (domain_of(url), f"www.{domain_of(url)}")
    ):
        return domain_of(url)
    return name


def article_from_html(
    html: bytes,
    *,
    url: str,
    fetched_at: datetime,
    origin: Origin = "feed",
    final_url: str | None = None,
    feed_url: str | None = None,
    text_signals: bool = True,
) -> Article | None:
    """The article trafilatura finds in a page, or None when nothing usable is there.

    Without ``text_signals`` its language and fingerprint are left empty, for
    ``with_text_signals`` to fill in where the article is analysed.
    """
    if not html or len(html) > MAX_HTML_BYTES or looks_binary(html):
        return None
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=final_url or url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
        )
    except Exception as exc:  # trafilatura/lxml on hostile markup; the caller falls back
        log.info("extraction failed for %s: %s", url, exc)
        return None
    if doc is None:
        return None
    data = doc if isinstance(doc, dict) else doc.as_dict()
    text = (data.get("text") or "").strip()
    if len(text) < MIN_TEXT_CHARS:
        return None
    canonical = canonical_url(url)
    article = Article(
        article_id=article_id_for(canonical),
        url=url,
        canonical_url=canonical,
        source=_source(data.get("sitename"), final_url or url),
        title=(data.get("title") or "").strip() or None,
        author=(data.get("author") or "").strip() or None,
        published=_date(data.get("date")),
        fetched_at=fetched_at,
        text=text,
        language=None,
        fingerprint=(),
        origin=origin,
        extraction="trafilatura",
        feed_url=feed_url,
    )
    return with_text_signals(article) if text_signals else article


def _why_not_extracted(page: PageFetch) -> str | None:
    """The reason the page itself cannot give the article, or None if it may."""
    if page.status is not FetchStatus.OK:
        if page.error:
            return page.error
        return f"HTTP {page.http_status}" if page.http_status else f"fetch {page.status.value}"
    if not page.body:
        return "empty page"
    if len(page.body) > MAX_HTML_BYTES:
        return f"page larger than {MAX_HTML_BYTES} bytes"
    if page.content_type and page.content_type not in HTML_TYPES:
        return f"not html ({page.content_type})"
    if looks_binary(page.body):
        return "not html (binary content)"
    return None


def summary_article(
    entry: FeedEntry, *, fetched_at: datetime, note: str, text_signals: bool = True
) -> Article:
    """The feed's own title and summary, standing in for a page that gave nothing."""
    canonical = canonical_url(entry.url)
    parts = [p for p in (entry.title.strip(), entry.summary.strip()) if p]
    text = "\n\n".join(parts)
    published = entry.published.astimezone(UTC).date() if entry.published else None
    article = Article(
        article_id=article_id_for(canonical),
        url=entry.url,
        canonical_url=canonical,
        source=domain_of(entry.url),
        title=entry.title.strip() or None,
        author=None,
        published=published,
        fetched_at=fetched_at,
        text=text,
        language=None,
        fingerprint=(),
        origin="feed",
        extraction="feed_summary",
        extraction_note=note,
        feed_url=entry.feed_url,
    )
    return with_text_signals(article) if text_signals else article


def article_from_page(
    page: PageFetch, entry: FeedEntry, *, fetched_at: datetime, text_signals: bool = True
) -> Article:
    """Always an Article: the extracted page, or the feed entry with the reason it was used."""
    reason = _why_not_extracted(page)
    if reason is None:
        article = article_from_html(
            page.body,
            url=entry.url,
            fetched_at=fetched_at,
            final_url=page.final_url,
            feed_url=entry.feed_url,
            text_signals=text_signals,
        )
        if article is not None:
            if article.published is None and entry.published is not None:
                article = replace(article, published=entry.published.astimezone(UTC).date())
            if article.title is None and entry.title:
                article = replace(article, title=entry.title)
            return article
        reason = "nothing extracted"
    return summary_article(entry, fetched_at=fetched_at, note=reason, text_signals=text_signals)
