"""A user's first real week (issue 17), through the real `monitor` flow on 127.0.0.1.

Google News items (links to ``news.google.com/rss/articles/CBMi...`` with a
``<source>``), a Bing News item (``apiclick.aspx?...&url=``), a GDELT document,
the publisher's own feed, a consent interstitial, a paywall stub and a wire copy.

Before: every Google News item was stored from its one-line summary under
"news.google.com" with no figures; the Bing item under bing.com; the consent and
paywall pages were stored (and analysed) as if they were the articles; the same
story from Google News and from the publisher's feed were two articles.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from html import escape
from urllib.parse import quote

import pytest

from tests.support.config import write_config
from tests.support.gnews import GoogleNews, Item
from tests.support.reads import query
from tests.support.site import NewsSite, Story, article_page, publish, rss_feed
from tests.support.wall_pages import GOOGLE_CONSENT, paywall_stub

pytestmark = [
    pytest.mark.usefixtures("prefect_harness"),
    pytest.mark.timeout(300),
    pytest.mark.slow,
]

DEAL = Story(
    "/news/meta-scale",
    "The Ledger",
    "Meta takes a 49% stake in Scale AI",
    (
        "Meta will pay $14.3 billion for a 49% stake in Scale AI, and Scale AI chief executive "
        "Alexandr Wang will join Meta to lead a new superintelligence group, the companies said.",
        "The investment values Scale AI at more than $29 billion, people familiar with the terms "
        "said. Scale AI will remain an independent company after the deal.",
        "Wang founded Scale AI in 2016. Meta has been hiring researchers for its new group for "
        "months, offering pay packages worth tens of millions of dollars.",
    )
    * 2,
)
BING_STORY = Story(
    "/news/inflection",
    "The Ledger",
    "Microsoft hires Inflection's founders",
    (
        "Microsoft agreed to pay Inflection AI $650 million to license its models and hired its "
        "co-founders Mustafa Suleyman and Karen Simonyan, people familiar with the deal said.",
        "Most of Inflection's staff will join a new consumer AI unit at Microsoft led by Suleyman.",
    )
    * 3,
)
GDELT_STORY = Story(
    "/news/character",
    "The Ledger",
    "Google licenses Character.AI's models",
    (
        "Google will pay Character.AI a licence fee for its models and hire its founders Noam "
        "Shazeer and Daniel De Freitas, the startup said on Friday.",
        "Shazeer and De Freitas will join Google DeepMind with some of the startup's researchers.",
    )
    * 3,
)
WIRE_COPY = (
    "/syndicated/amazon-adept",
    "SAN FRANCISCO (Reuters) - Amazon hired the chief executive of AI startup Adept, David Luan, "
    "and several of his co-founders, and will license Adept's technology, the companies said.",
)


def gdelt_feed(items: list[tuple[str, str]]) -> str:
    """The DOC API's article list as RSS (``mode=artlist&format=rss``): direct publisher links."""
    entries = "".join(
        f"<item><title>{escape(title)}</title><link>{escape(link)}</link>"
        f"<guid>{escape(link)}</guid><pubDate>Fri, 20 Jun 2025 09:15:00 +0000</pubDate>"
        f"<description>{escape(title)}</description></item>"
        for title, link in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        "<title>GDELT Project DOC API: acquihire</title>"
        "<link>https://api.gdeltproject.org/api/v2/doc/doc?query=acquihire&amp;mode=artlist</link>"
        "<description>GDELT DOC API article list</description>"
        f"{entries}</channel></rss>"
    )


def bing_feed(items: list[tuple[str, str, str]]) -> str:
    """Bing News search RSS: each link wraps the publisher's URL; the outlet in News:Source."""
    entries = "".join(
        "<item>"
        f"<title>{escape(title)}</title>"
        "<link>"
        + escape(
            "http://www.bing.com/news/apiclick.aspx?ref=FexRss&aid=&tid=6850A1B2C3&url="
            + quote(link, safe="")
            + "&c=1529&mkt=en-us"
        )
        + "</link>"
        f"<description>{escape(title)}</description>"
        "<pubDate>Fri, 20 Jun 2025 08:00:00 GMT</pubDate>"
        f"<News:Source>{escape(outlet)}</News:Source></item>"
        for title, link, outlet in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8" ?><rss version="2.0" '
        'xmlns:News="https://www.bing.com:443/news/search?q=acquihire&amp;format=rss">'
        "<channel><title>acquihire - BingNews</title>"
        "<link>https://www.bing.com:443/news/search?q=acquihire&amp;format=rss</link>"
        f"<description>Search results</description>{entries}</channel></rss>"
    )


def _config(tmp_path, gnews: GoogleNews, feeds: list[tuple[str, str]]):
    config = write_config(tmp_path / "config", feeds=feeds)
    path = config / "dealwatch.toml"
    path.write_text(
        path.read_text().replace(
            "[feeds]\n", f'[feeds]\ngoogle_news_url = "{gnews.base}"\nrefetch_per_run = 50\n', 1
        )
    )
    return config


def test_aggregators_lead_to_the_publishers_pages_and_walls_are_not_articles(tmp_path):
    from flows.pipeline import monitor

    with NewsSite() as site, GoogleNews() as gnews:
        own_feed = publish(site, [DEAL], feed_path="/ledger.xml", feed_title="The Ledger")
        for story in (BING_STORY, GDELT_STORY):
            publish(site, [story], feed_path=f"/unused{story.path}.xml")
        site.route("/news/consent-wall", GOOGLE_CONSENT)
        site.route(
            "/news/paywalled",
            paywall_stub(
                "Nvidia hires Enfabrica's chief executive",
                "Nvidia paid more than $900 million to hire Enfabrica's chief executive.",
            ),
        )
        path, opening = WIRE_COPY
        site.route(
            path,
            article_page(
                title="Amazon hires Adept's founders",
                author="Staff",
                published="2025-06-20T09:00:00Z",
                outlet="Yahoo Finance",
                paragraphs=[
                    opening,
                    "Adept's remaining employees will continue to build AI agents for customers.",
                    "Amazon said the agreement gives it a non-exclusive licence to Adept's models.",
                ]
                * 2,
            ),
        )
        google = gnews.search_feed(
            "acqui-hire",
            [
                Item(gnews.article_link(site.url(DEAL.path)), DEAL.title, "The Ledger", site.base),
                Item(
                    gnews.article_link(site.url("/news/consent-wall"), offline=True),
                    "Big tech's new way to buy AI startups",
                    "The Ledger",
                    site.base,
                ),
            ],
        )
        bing = site.route(
            "/bing.xml",
            bing_feed([(BING_STORY.title, site.url(BING_STORY.path), "The Ledger")]),
            content_type="application/rss+xml",
        )
        gdelt = site.route(
            "/gdelt.xml",
            gdelt_feed([(GDELT_STORY.title, site.url(GDELT_STORY.path)), ("Wire", site.url(path))]),
            content_type="application/rss+xml",
        )
        paywalled = site.route(
            "/paywalled.xml",
            rss_feed(
                "The Ledger: premium",
                [
                    {
                        "title": "Nvidia hires Enfabrica's chief executive",
                        "link": site.url("/news/paywalled"),
                        "description": "Nvidia hired Enfabrica's chief executive and staff.",
                    }
                ],
                updated=datetime(2025, 6, 20, tzinfo=UTC),
            ),
            content_type="application/rss+xml",
        )
        config = _config(
            tmp_path,
            gnews,
            [
                ("Google News: acqui-hire", google),
                ("The Ledger", own_feed),
                ("Bing News: acquihire", bing),
                ("GDELT: acquihire", gdelt),
                ("The Ledger: premium", paywalled),
            ],
        )
        warehouse = config / "data" / "dealwatch.duckdb"

        summary = monitor(config_dir=str(config), backfill_seeds=False)
        assert summary["feeds"]["failed"] == []
        articles = {
            url: (source, extraction, note, text)
            for url, source, extraction, note, text in query(
                warehouse,
                "SELECT url, source, extraction, extraction_note, text FROM store.articles",
            )
        }

        # The Google News item and the publisher's own item are one article: the publisher's
        # page, its text and its name; the Google link is known as another link to it.
        deal = articles[site.url(DEAL.path)]
        assert deal[0] == "The Ledger" and deal[1] == "trafilatura"
        assert "$29 billion" in deal[3]
        assert not [u for u in articles if "news.google.com" in u]
        aliases = {a for (a,) in query(warehouse, "SELECT alias_url FROM store.url_aliases")}
        assert len(aliases) == 3  # two Google News links and the Bing wrapper
        assert (
            len([a for a in aliases if a.startswith("https://news.google.com/rss/articles/")]) == 2
        )
        # One article page (its signature) and one decode call for the new-format id; the old id
        # held its URL and cost nothing.
        assert sorted(m for m, _ in gnews.requests if m == "POST") == ["POST"]
        assert sum(p.startswith("/rss/articles/") for _, p in gnews.requests) == 1

        # Bing's wrapper is unwrapped without a request to Bing; GDELT links are the publisher's.
        for story in (BING_STORY, GDELT_STORY):
            source, extraction, _, text = articles[site.url(story.path)]
            assert (source, extraction) == ("The Ledger", "trafilatura")
            assert story.paragraphs[0][:40] in text

        # Walls: stored from the feed's summary with the wall named, never analysed as the text.
        consent = articles[site.url("/news/consent-wall")]
        assert consent[1] == "feed_summary" and consent[2].startswith("wall: consent interstitial")
        assert consent[0] == "The Ledger" and "cookies" not in consent[3]
        paywall = articles[site.url("/news/paywalled")]
        assert paywall[1] == "feed_summary" and paywall[2].startswith("wall: paywall stub")
        assert "Subscribe" not in paywall[3]
        assert query(
            warehouse,
            "SELECT count(*) FROM store.refetch",  # walls do not change by asking again
        ) == [(0,)]

        # Every source has a name; a wire copy keeps the wire's.
        assert articles[site.url(path)][0] == "Reuters"
        assert not [s for s, *_ in articles.values() if s in ("", "unknown", "news.google.com")]

        # The next run finds every item known: nothing is resolved or fetched again.
        before = len(gnews.requests), len(site.requests)
        again = monitor(config_dir=str(config), backfill_seeds=False, force_poll=True)
        assert again["entries"]["new"] == 0 and again["store"]["articles_new"] == 0
        google_polls = len(gnews.requests) - before[0]
        assert google_polls == 1, gnews.requests[before[0] :]  # the feed itself, nothing else


def test_an_unresolved_google_news_item_waits_then_becomes_the_article_once(tmp_path):
    from flows.pipeline import monitor

    with NewsSite() as site, GoogleNews() as gnews:
        publish(site, [DEAL], feed_path="/unused.xml")
        link = gnews.article_link(site.url(DEAL.path))
        google = gnews.search_feed(
            "stake",
            [
                Item(
                    link,
                    "Meta to invest $14 billion in Scale AI, hire its CEO",
                    "The Ledger",
                    site.base,
                    published=datetime(2025, 6, 13, 6, 0, tzinfo=UTC),
                )
            ],
        )
        config = _config(tmp_path, gnews, [("Google News: stake", google)])
        warehouse = config / "data" / "dealwatch.duckdb"

        gnews.refuse_decoding = True
        first = monitor(config_dir=str(config), backfill_seeds=False)
        assert first["store"]["articles_new"] == 1 and first["store"]["pages_waiting"] == 1
        ((article_id, url, source, extraction, note),) = query(
            warehouse, "SELECT article_id, url, source, extraction, extraction_note FROM articles"
        )
        assert url == link and source == "The Ledger" and extraction == "feed_summary"
        assert note.startswith("aggregator link not resolved: Google News decode call: HTTP 429")
        assert query(warehouse, "SELECT article_id, host FROM waiting_pages") == [
            (article_id, "news.google.com")
        ]
        page_hits = sum(p == DEAL.path for _, p, _ in site.requests)
        assert page_hits == 0  # Google's interstitial is not fetched as if it were the article

        gnews.refuse_decoding = False
        second = monitor(config_dir=str(config), backfill_seeds=False, force_poll=True)
        assert second["entries"] == {"seen": 1, "new": 0, "fetched_again": 1}
        assert second["store"]["articles_upgraded"] == 1
        ((same_id, url, extraction, published, text),) = query(
            warehouse, "SELECT article_id, url, extraction, published, text FROM store.articles"
        )
        assert same_id == article_id and url == site.url(DEAL.path)
        assert extraction == "trafilatura" and "$29 billion" in text
        assert published == date(2025, 6, 20)  # the page's own date, not the day it was recovered
        figures = query(
            warehouse,
            "SELECT metric, published, as_of FROM figures WHERE article_id = ? ORDER BY metric",
            [article_id],
        )
        assert ("target_valuation_usd", date(2025, 6, 20), date(2025, 6, 20)) in figures
        run_id = second["run_id"]
        raised = query(
            warehouse, "SELECT kind, metric FROM alert_log WHERE run_id = ? ORDER BY kind", [run_id]
        )
        assert ("new_figure", "target_valuation_usd") in raised
        assert query(warehouse, "SELECT outcome FROM store.refetch_done") == [("upgraded",)]
        assert query(warehouse, "SELECT count(*) FROM waiting_pages") == [(0,)]

        third = monitor(config_dir=str(config), backfill_seeds=False, force_poll=True)
        assert third["entries"] == {"seen": 1, "new": 0, "fetched_again": 0}
        assert sum(p == DEAL.path for _, p, _ in site.requests) == 1  # upgraded once
