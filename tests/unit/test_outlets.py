"""Every source has a name (issue 17): the page's, the feed's, or the registered domain, in that
order; a wire copy keeps the wire's name where the page says so.

Before: a page without og:site_name was stored under its host ("edition.cnn.com"), a summary
under the aggregator's host ("news.google.com", "bing.com"), a wire copy under the syndicator.
"""

from __future__ import annotations

from datetime import UTC, datetime

from extractors.fetch.feeds import parse_feed
from extractors.fetch.outlets import outlet_name, registered_domain, wire_of
from extractors.fetch.pages import article_from_html
from tests.support.site import article_page

NOW = datetime(2025, 6, 20, tzinfo=UTC)
BODY = [
    f"Amazon hired the chief executive of Adept and licensed its models, part {n} of the story."
    for n in range(6)
]


def test_the_page_then_the_feed_then_the_registered_domain() -> None:
    url = "https://edition.cnn.com/2025/06/13/tech/x"
    assert outlet_name(url, site_name="CNN", feed_outlet="Google says CNN") == "CNN"
    assert outlet_name(url, site_name="edition.cnn.com", feed_outlet="CNN Business") == (
        "CNN Business"
    )
    assert outlet_name(url) == "cnn.com"
    assert registered_domain("https://news.bbc.co.uk/x") == "bbc.co.uk"
    assert registered_domain("http://127.0.0.1:8080/x") == "127.0.0.1"
    assert registered_domain("https://blog.example.blogspot.com/x") == "example.blogspot.com"


def test_a_wire_copy_names_the_wire_where_the_page_says_so() -> None:
    assert wire_of("SAN FRANCISCO (Reuters) - Amazon hired...") == "Reuters"
    assert wire_of("WASHINGTON, June 13 (AP) — The deal...") == "Associated Press"
    assert wire_of("(Bloomberg) -- Nvidia paid...") == "Bloomberg"
    assert wire_of("Amazon hired... Reuters reported on Friday (Reuters) - later") is None
    assert wire_of("A story.", author="By The Associated Press") == "Associated Press"
    assert wire_of("A story.", author="Jane Reporter") is None
    page = article_page(
        title="Amazon hires Adept's founders",
        author="Staff",
        published="2025-06-13T09:00:00Z",
        outlet="Yahoo Finance",
        paragraphs=["SEATTLE (Reuters) - " + BODY[0], *BODY[1:]],
    )
    article = article_from_html(
        page.encode(), url="https://finance.yahoo.com/news/x", fetched_at=NOW
    )
    assert article is not None and article.source == "Reuters"
    own = article_page(
        title="Amazon hires Adept's founders",
        author="Staff",
        published="2025-06-13T09:00:00Z",
        outlet="Yahoo Finance",
        paragraphs=BODY,
    )
    article = article_from_html(
        own.encode(), url="https://finance.yahoo.com/news/y", fetched_at=NOW
    )
    assert article is not None and article.source == "Yahoo Finance"


def test_a_feed_names_its_items_outlet_from_its_own_channel_on_its_own_site() -> None:
    doc = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>The Ledger</title>'
        b"<link>https://www.ledger.example/</link>"
        b"<item><title>A</title><link>https://www.ledger.example/a</link></item>"
        b"<item><title>B</title><link>https://elsewhere.example/b</link></item>"
        b"</channel></rss>"
    )
    on_site, elsewhere = parse_feed(doc, feed_url="https://www.ledger.example/feed.xml")[0]
    assert on_site.outlet == "The Ledger" and elsewhere.outlet is None
