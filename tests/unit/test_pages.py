"""From page bytes to an Article, and the feed-summary fallback with its reason."""

from __future__ import annotations

from datetime import UTC, date, datetime

from extractors.fetch.pages import article_from_html, article_from_page
from extractors.records import FeedEntry, FetchStatus, PageFetch
from extractors.urls import article_id_for, canonical_url

NOW = datetime(2025, 6, 14, 12, tzinfo=UTC)
URL = "https://www.news.example.com/2025/06/meta-scale?utm_source=rss"
PAGE = b"""<html><head><title>Meta takes 49% of Scale AI | Example News</title>
<meta property="og:site_name" content="Example News">
<meta name="author" content="Jane Reporter">
<meta property="article:published_time" content="2025-06-12T10:00:00Z"></head>
<body><nav>Home | World | Tech</nav><article><h1>Meta takes 49% of Scale AI</h1>
<p>Meta Platforms will invest $14.3 billion in Scale AI for a 49% stake, the companies said on Thursday.</p>
<p>Scale's chief executive Alexandr Wang will join Meta to lead a new superintelligence effort, while
remaining on Scale's board. The deal values the data-labelling start-up at more than $29 billion.</p>
</article><footer>Copyright Example News</footer></body></html>"""
ENTRY = FeedEntry(
    feed_url="https://news.example.com/feed.xml",
    entry_id="guid-1",
    url=URL,
    title="Meta takes 49% of Scale AI",
    summary="Meta invests $14.3 billion in Scale AI; Alexandr Wang joins Meta.",
    published=datetime(2025, 6, 12, 23, 30, tzinfo=UTC),
)


def page(status: FetchStatus = FetchStatus.OK, body: bytes = PAGE, **kwargs: object) -> PageFetch:
    values: dict[str, object] = {"content_type": "text/html", "http_status": 200}
    values.update(kwargs)
    return PageFetch(url=URL, final_url=URL, status=status, body=body, **values)  # type: ignore[arg-type]


def test_article_from_html_takes_text_and_metadata() -> None:
    article = article_from_html(PAGE, url=URL, fetched_at=NOW, feed_url=ENTRY.feed_url)
    assert article is not None
    assert "$14.3 billion" in article.text and "Alexandr Wang" in article.text
    assert "Copyright" not in article.text and "Home | World" not in article.text
    assert article.source == "Example News"
    assert article.author == "Jane Reporter"
    assert article.published == date(2025, 6, 12)
    assert (
        article.canonical_url == canonical_url(URL) == "https://news.example.com/2025/06/meta-scale"
    )
    assert article.article_id == article_id_for(article.canonical_url)
    assert (
        article.language == "en"
        and article.extraction == "trafilatura"
        and article.origin == "feed"
    )
    assert len(article.fingerprint) > 1 and article.feed_url == ENTRY.feed_url


def test_source_falls_back_to_the_registered_domain() -> None:
    """A page that names no outlet is stored under its registered domain (issue 17), not its host."""
    bare = (
        b"<html><body><article><p>"
        + b"Meta invests in Scale AI and hires its chief executive. " * 5
        + b"</p></article></body></html>"
    )
    article = article_from_html(bare, url="https://www.tech.example.org/x", fetched_at=NOW)
    assert article is not None and article.source == "example.org"
    bbc = article_from_html(bare, url="https://www.bbc.co.uk/news/x", fetched_at=NOW)
    assert bbc is not None and bbc.source == "bbc.co.uk"


def test_nothing_usable_gives_none() -> None:
    assert article_from_html(b"", url=URL, fetched_at=NOW) is None
    assert article_from_html(b"<html><body></body></html>", url=URL, fetched_at=NOW) is None
    assert article_from_html(bytes(range(256)) * 10, url=URL, fetched_at=NOW) is None


def test_page_article_keeps_the_feed_url_for_its_id_after_redirects() -> None:
    redirected = PageFetch(
        url=URL,
        final_url="https://amp.example.net/story/1",
        status=FetchStatus.OK,
        content_type="text/html",
        body=PAGE,
    )
    article = article_from_page(redirected, ENTRY, fetched_at=NOW)
    assert article.extraction == "trafilatura" and article.url == URL
    assert article.article_id == article_id_for(canonical_url(URL))


def _fallback(p: PageFetch) -> tuple[str, str | None, str]:
    article = article_from_page(p, ENTRY, fetched_at=NOW)
    return article.extraction, article.extraction_note, article.text


def test_fallbacks_say_why() -> None:
    cases = {
        "HTTP 404": page(FetchStatus.HARD_ERROR, b"", http_status=404, error="HTTP 404"),
        "timed out after 20.0 s": page(
            FetchStatus.SOFT_ERROR, b"", http_status=None, error="timed out after 20.0 s"
        ),
        "robots disallow: x": page(
            FetchStatus.HARD_ERROR, b"", http_status=None, error="robots disallow: x"
        ),
        "refused: 10.0.0.1 is private": page(
            FetchStatus.HARD_ERROR, b"", error="refused: 10.0.0.1 is private"
        ),
        "not html (application/pdf)": page(content_type="application/pdf", body=b"%PDF-1.7"),
        "not html (binary content)": page(body=bytes(range(256)) * 10),
        "empty page": page(body=b""),
        "nothing extracted": page(body=b"<html><body><div>Subscribe</div></body></html>"),
    }
    for note, fetched in cases.items():
        extraction, got, text = _fallback(fetched)
        assert (extraction, got) == ("feed_summary", note)
        assert text == f"{ENTRY.title}\n\n{ENTRY.summary}"


def test_fallback_article_is_complete() -> None:
    article = article_from_page(
        page(FetchStatus.HARD_ERROR, b"", error="HTTP 410"), ENTRY, fetched_at=NOW
    )
    assert article.url == URL and article.canonical_url == canonical_url(URL)
    assert article.source == "example.com" and article.title == ENTRY.title  # registered domain
    assert article.published == date(2025, 6, 12) and article.feed_url == ENTRY.feed_url
    assert article.fingerprint and article.extraction_note == "HTTP 410"


def test_page_without_a_date_takes_the_feed_entry_date() -> None:
    undated = PAGE.replace(
        b'<meta property="article:published_time" content="2025-06-12T10:00:00Z">', b""
    )
    article = article_from_page(page(body=undated), ENTRY, fetched_at=NOW)
    assert article.extraction == "trafilatura"
    assert article.published is not None
