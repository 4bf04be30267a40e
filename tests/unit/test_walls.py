"""Walls are not articles (issue 17): consent interstitials, cookie walls, paywall stubs,
"enable JavaScript" shells and bot checks are recognised from the page and stand aside for the
feed's summary, with the wall named; a real article whose page carries banners is still read.

Before: every one of these pages was stored, and analysed, as the article (the paywall stub's
lede even raised a figure).
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from extractors.fetch.pages import article_from_page
from extractors.fetch.walls import wall_of
from extractors.records import FeedEntry, FetchStatus, PageFetch
from tests.support.wall_pages import (
    CLOUDFLARE_CHALLENGE,
    COOKIE_WALL,
    GOOGLE_CONSENT,
    JAVASCRIPT_SHELL,
    YAHOO_CONSENT,
    article_with_banners,
    paywall_stub,
)

NOW = datetime(2025, 6, 20, 12, 0, tzinfo=UTC)
ENTRY = FeedEntry(
    feed_url="https://www.ledger.example/feed.xml",
    entry_id="x",
    url="https://www.ledger.example/news/meta-scale",
    title="Meta takes a 49% stake in Scale AI",
    summary="Meta will pay $14.3 billion for 49% of Scale AI; its chief executive joins Meta.",
    published=datetime(2025, 6, 13, tzinfo=UTC),
    outlet="The Ledger",
)
PARAGRAPHS = [
    f"Paragraph {n}: Meta agreed to invest $14.3 billion in Scale AI for a 49% stake, and the "
    f"startup's chief executive will join Meta to lead a new group, the companies said on day {n}."
    for n in range(12)
]
WALLS = {
    "google consent": (GOOGLE_CONSENT, "consent interstitial"),
    "yahoo consent": (YAHOO_CONSENT, "consent interstitial"),
    "cookie wall": (COOKIE_WALL, "cookie wall"),
    "paywall stub": (
        paywall_stub(
            "Nvidia hires Enfabrica's chief executive",
            "Nvidia paid more than $900 million to hire Enfabrica's chief executive and staff.",
        ),
        "paywall stub",
    ),
    "javascript shell": (JAVASCRIPT_SHELL, "JavaScript required"),
    "cloudflare challenge": (CLOUDFLARE_CHALLENGE, "bot check"),
}


def _page(html: str) -> PageFetch:
    return PageFetch(ENTRY.url, ENTRY.url, FetchStatus.OK, 200, "text/html", html.encode("utf-8"))


@pytest.mark.parametrize("name", WALLS)
def test_a_wall_stands_aside_for_the_feeds_summary(name: str) -> None:
    html, wall = WALLS[name]
    article = article_from_page(_page(html), ENTRY, fetched_at=NOW)
    assert article.extraction == "feed_summary"
    assert article.extraction_note.startswith(f"wall: {wall} (")
    assert article.text == f"{ENTRY.title}\n\n{ENTRY.summary}"  # never the wall's words
    assert article.source == "The Ledger" and article.fetch_again is None


def test_a_real_article_with_banners_is_the_article() -> None:
    article = article_from_page(
        _page(article_with_banners("Meta takes a 49% stake in Scale AI", PARAGRAPHS)),
        ENTRY,
        fetched_at=NOW,
    )
    assert article.extraction == "trafilatura" and "Paragraph 11" in article.text
    assert article.source == "The Daily Ledger"


def test_a_short_article_on_a_real_page_is_not_a_wall() -> None:
    """A brief is short too; its page carries navigation, related stories and a footer."""
    nav = "".join(f'<li><a href="/s/{n}">Section {n} of the Ledger</a></li>' for n in range(30))
    related = "".join(f"<li>Related story number {n} about markets</li>" for n in range(30))
    html = (
        article_with_banners("Meta takes a stake", PARAGRAPHS[:3])
        .replace("<main>", f"<nav><ul>{nav}</ul></nav><main>")
        .replace("</main>", f"</main><aside><ul>{related}</ul></aside>")
    )
    article = article_from_page(_page(html), ENTRY, fetched_at=NOW)
    assert article.extraction == "trafilatura" and "Paragraph 2" in article.text


def test_cues_count_only_on_a_short_page() -> None:
    long_text = " ".join(PARAGRAPHS)
    assert wall_of(GOOGLE_CONSENT, long_text) is None
    assert wall_of(GOOGLE_CONSENT, "").kind == "consent"
    assert wall_of("<html><body>An ordinary short note.</body></html>", "note") is None
