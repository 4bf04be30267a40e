"""From fetched HTML to an Article, with the feed entry as the fallback.

The canonical URL (and so the article id) comes from the URL the feed gave (an
aggregator's link unwrapped or resolved), not from where redirects ended or what
the page claims as canonical: the run checks "already stored?" with that URL
before fetching, and the two must agree. A page fetched again keeps the id it
was first stored under (``FeedEntry.stored_as``).

A page that is a wall (consent, cookies, paywall stub, "enable JavaScript", bot
check: ``extractors.fetch.walls``) is not the article: the feed's summary stands in,
with the wall named in ``extraction_note``. A summary that stands in for a page
the run could not reach for now (a ``SOFT_ERROR``: the host unreachable, a
timeout, a 5xx, an aggregator link not resolved) says so in ``fetch_again``,
and a later run fetches the page again.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any

import trafilatura

from extractors.fetch.outlets import outlet_name
from extractors.fetch.walls import Wall, longest_wall_text, wall_of
from extractors.records import Article, FeedEntry, FetchStatus, Origin, PageFetch
from extractors.signals import with_text_signals
from extractors.urls import article_id_for, canonical_url

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


def article_from_html(
    html: bytes,
    *,
    url: str,
    fetched_at: datetime,
    origin: Origin = "feed",
    final_url: str | None = None,
    feed_url: str | None = None,
    text_signals: bool = True,
    feed_outlet: str | None = None,
    article_id: str | None = None,
) -> Article | None:
    """The article trafilatura finds in a page, or None when nothing usable is there.

    Without ``text_signals`` its language and fingerprint are left empty, for
    ``with_text_signals`` to fill in where the article is analysed.
    """
    found = _extracted(html, url=url, final_url=final_url)
    if not isinstance(found, dict):
        return None
    return _article(
        found,
        url=url,
        fetched_at=fetched_at,
        origin=origin,
        final_url=final_url,
        feed_url=feed_url,
        text_signals=text_signals,
        feed_outlet=feed_outlet,
        article_id=article_id,
    )


def _extracted(html: bytes, *, url: str, final_url: str | None) -> dict[str, Any] | Wall | None:
    """trafilatura's reading of the page (its text at least ``MIN_TEXT_CHARS``), the wall the
    page is, or None when it gives nothing usable."""
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
    data: dict[str, Any] = {}
    if doc is not None:
        data = doc if isinstance(doc, dict) else doc.as_dict()
    text = (data.get("text") or "").strip()
    if len(text) <= longest_wall_text():
        page = html.decode("utf-8", "replace")
        wall = wall_of(page, text, _visible_text(page))
        if wall is not None:
            return wall
    if len(text) < MIN_TEXT_CHARS:
        return None
    return data


def _visible_text(page: str) -> str:
    """Every word a reader sees on a page (a wall's few words, its buttons included)."""
    try:
        return trafilatura.html2txt(page) or ""
    except Exception:  # trafilatura/lxml on hostile markup: no text, so no wall is named
        return ""


def _article(
    data: dict[str, Any],
    *,
    url: str,
    fetched_at: datetime,
    origin: Origin,
    final_url: str | None,
    feed_url: str | None,
    text_signals: bool,
    feed_outlet: str | None,
    article_id: str | None,
) -> Article:
    text = (data.get("text") or "").strip()
    canonical = canonical_url(url)
    author = (data.get("author") or "").strip() or None
    article = Article(
        article_id=article_id or article_id_for(canonical),
        url=url,
        canonical_url=canonical,
        source=outlet_name(
            final_url or url,
            site_name=data.get("sitename"),
            feed_outlet=feed_outlet,
            text=text,
            author=author,
        ),
        title=(data.get("title") or "").strip() or None,
        author=author,
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
    entry: FeedEntry,
    *,
    fetched_at: datetime,
    note: str,
    text_signals: bool = True,
    fetch_again: str | None = None,
) -> Article:
    """The feed's own title and summary, standing in for a page that gave nothing.

    ``fetch_again``: why a later run should fetch the page again, when it may
    give more then (the host was down, the aggregator link unresolved).
    """
    canonical = canonical_url(entry.url)
    parts = [p for p in (entry.title.strip(), entry.summary.strip()) if p]
    text = "\n\n".join(parts)
    published = entry.published.astimezone(UTC).date() if entry.published else None
    article = Article(
        article_id=entry.stored_as or article_id_for(canonical),
        url=entry.url,
        canonical_url=canonical,
        source=outlet_name(entry.url, feed_outlet=entry.outlet),
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
        fetch_again=fetch_again,
        via=entry.via,
        refetched=entry.stored_as is not None,
    )
    return with_text_signals(article) if text_signals else article


def article_from_page(
    page: PageFetch, entry: FeedEntry, *, fetched_at: datetime, text_signals: bool = True
) -> Article:
    """Always an Article: the extracted page, or the feed entry with the reason it was used."""
    reason = _why_not_extracted(page)
    if reason is None:
        found = _extracted(page.body, url=entry.url, final_url=page.final_url)
        if isinstance(found, Wall):
            reason = found.note
        elif found is not None:
            article = _article(
                found,
                url=entry.url,
                fetched_at=fetched_at,
                origin="feed",
                final_url=page.final_url,
                feed_url=entry.feed_url,
                text_signals=text_signals,
                feed_outlet=entry.outlet,
                article_id=entry.stored_as,
            )
            if article.published is None and entry.published is not None:
                article = replace(article, published=entry.published.astimezone(UTC).date())
            if article.title is None and entry.title:
                article = replace(article, title=entry.title)
            return replace(article, via=entry.via, refetched=entry.stored_as is not None)
        else:
            reason = "nothing extracted"
    # Worth another try on a later run: what failed can change (a host down, a timeout, a 5xx).
    transient = page.status is FetchStatus.SOFT_ERROR
    return summary_article(
        entry,
        fetched_at=fetched_at,
        note=reason,
        text_signals=text_signals,
        fetch_again=reason if transient else None,
    )
