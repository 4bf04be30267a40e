"""Bad items in one real `monitor` run: each fails itself, never the run.

A feed whose items hold a lone surrogate, an out-of-range character reference,
a link with a port past 65535 and URLs the standard library cannot parse sits
beside a good feed on 127.0.0.1. Before, each of these crashed the run before
anything was stored. Now the run completes, every good article is stored, each
bad item is stored with the reason in its note or recorded in the feed's health.
"""

from __future__ import annotations

from html import escape

import pytest

from tests.support.config import write_config
from tests.support.reads import query
from tests.support.site import NewsSite, Story, publish
from tests.support.stories import PAGES, build_site

pytestmark = [
    pytest.mark.usefixtures("prefect_harness"),
    pytest.mark.timeout(240),
    pytest.mark.slow,
]

DEAL = (
    "Meta agreed to invest $14.3 billion in Scale AI for a 49% stake, and Scale AI chief "
    "executive Alexandr Wang will join Meta to lead a new superintelligence group."
)
PUBLISHED = "Fri, 20 Jun 2025 09:00:00 GMT"


def _item(title_xml: str, link: str) -> str:
    """An RSS item whose title is raw XML (character references and all)."""
    return (
        f"<item><title>{title_xml}</title><link>{escape(link)}</link><guid>{escape(link)}</guid>"
        f"<description>{escape(DEAL)}</description><pubDate>{PUBLISHED}</pubDate></item>"
    )


def _guid_only_item(title: str, guid: str) -> str:
    """An item known only by a guid that is no permalink: it becomes the entry's URL."""
    return (
        f"<item><title>{escape(title)}</title><guid isPermaLink='false'>{escape(guid)}</guid>"
        f"<description>{escape(DEAL)}</description><pubDate>{PUBLISHED}</pubDate></item>"
    )


def bad_items_feed(site: NewsSite) -> tuple[str, dict[str, str]]:
    """The Wire: its bad items beside one good one; returns its URL and each case's URL."""
    pages = {
        "surrogate title": "/wire/surrogate",
        "out-of-range reference": "/wire/out-of-range",
        "good item": "/wire/fine",
    }
    publish(
        site,
        [
            Story(path, "The Wire", f"The Wire on {case}", (DEAL,) * 3)
            for case, path in pages.items()
        ],
        feed_path="/wire-pages.xml",
    )
    urls = {case: site.url(path) for case, path in pages.items()}
    urls["port out of range"] = "http://127.0.0.1:99999/wire/port"
    urls["unparseable guid"] = "http://[::1/wire/guid"
    urls["unparseable link"] = "http://[::1/wire/link"
    items = [
        _item("Scale AI founder joins Meta &#xD800;", urls["surrogate title"]),
        _item("Meta&#x110000;s stake in Scale AI", urls["out-of-range reference"]),
        _item("Meta and Scale AI, the terms", urls["good item"]),
        _item("Meta hires the Scale AI chief", urls["port out of range"]),
        _guid_only_item("Scale AI and Meta, by guid", urls["unparseable guid"]),
        _item("Scale AI and Meta, by link", urls["unparseable link"]),
    ]
    body = (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        "<title>The Wire</title><link>http://example.invalid/</link><description>bad items</description>"
        f"{''.join(items)}</channel></rss>"
    )
    url = site.route("/wire.xml", body, content_type="application/rss+xml; charset=utf-8")
    return url, urls


def test_bad_items_fail_alone_and_every_good_article_is_stored(tmp_path):
    from flows.pipeline import monitor

    with NewsSite() as site:
        ledger = build_site(site)
        wire, urls = bad_items_feed(site)
        config = write_config(
            tmp_path / "config", feeds=[("The Ledger", ledger), ("The Wire", wire)]
        )
        warehouse = config / "data" / "dealwatch.duckdb"

        summary = monitor(config_dir=str(config), backfill_seeds=False)

        assert summary["feeds"]["failed"] == []
        articles = {
            url: (extraction, note)
            for url, extraction, note in query(
                warehouse, "SELECT url, extraction, extraction_note FROM store.articles"
            )
        }
        # Every good article: the good feed's, and the good item beside the bad ones.
        assert {site.url(path) for path in PAGES} <= set(articles)
        assert articles[urls["good item"]] == ("trafilatura", None)
        # A character that cannot be is replaced; the item and its page are whole.
        for case in ("surrogate title", "out-of-range reference"):
            assert articles[urls[case]] == ("trafilatura", None), case
        titles = dict(query(warehouse, "SELECT canonical_url, title FROM store.feed_items"))
        assert titles[urls["surrogate title"]] == "Scale AI founder joins Meta \ufffd"
        assert titles[urls["out-of-range reference"]] == "Meta\ufffds stake in Scale AI"
        # A link that cannot be fetched: the feed's summary stands in, the note says why.
        extraction, note = articles[urls["port out of range"]]
        assert extraction == "feed_summary" and "Port out of range 0-65535" in note
        extraction, note = articles[urls["unparseable guid"]]
        assert extraction == "feed_summary" and "Invalid IPv6 URL" in note
        # An item left with neither link nor id: skipped, and said so in the feed's health.
        assert urls["unparseable link"] not in articles
        [(status, failures, bozo)] = query(
            warehouse,
            "SELECT last_status, consecutive_failures, last_bozo FROM feed_health WHERE name = 'The Wire'",
        )
        assert (status, failures) == ("ok", 0)
        assert "1 item skipped" in bozo and "'Scale AI and Meta, by link'" in bozo


class InjectedFault(RuntimeError):
    """A bug we do not know of yet, raised on purpose in one item's step."""


def test_a_step_that_raises_on_one_item_fails_that_item_alone(tmp_path, monkeypatch):
    """Unknown bugs, injected: parsing one feed, fetching one page, extracting one, analysing one.

    The real steps run for everything else; each failure is recorded where a user looks
    (the feed's health, the article's note, the analysis's notes) and the run completes.
    """
    import extractors.fetch.feeds
    import flows.extraction
    import flows.workers
    from extractors.fetch.client import Fetcher
    from flows.pipeline import monitor

    with NewsSite() as site:
        ledger = build_site(site)
        stories = {
            name: Story(f"/other/{name}", "The Other", f"The Other on {name}", (DEAL,) * 3)
            for name in ("fetch", "extract", "analyse", "fine")
        }
        other = publish(site, stories.values(), feed_path="/other.xml", feed_title="The Other")
        broken = site.route("/broken-parser.xml", site.routes["/other.xml"].body)
        url = {name: site.url(story.path) for name, story in stories.items()}

        def fail_for(real, matches):
            def step(*args, **kwargs):
                if matches(*args, **kwargs):
                    raise InjectedFault("injected")
                return real(*args, **kwargs)

            return step

        monkeypatch.setattr(
            extractors.fetch.feeds,
            "parse_feed",
            fail_for(
                extractors.fetch.feeds.parse_feed, lambda body, **kw: kw["feed_url"] == broken
            ),
        )
        monkeypatch.setattr(
            Fetcher, "get", fail_for(Fetcher.get, lambda self, u, **kw: u == url["fetch"])
        )
        monkeypatch.setattr(
            flows.extraction,
            "article_from_page",
            fail_for(
                flows.extraction.article_from_page,
                lambda page, entry, **kw: entry.url == url["extract"],
            ),
        )
        monkeypatch.setattr(
            flows.workers,
            "analyse",
            fail_for(flows.workers.analyse, lambda article, wl: article.url == url["analyse"]),
        )
        config = write_config(
            tmp_path / "config",
            feeds=[("The Ledger", ledger), ("The Other", other), ("Broken parser", broken)],
        )
        warehouse = config / "data" / "dealwatch.duckdb"

        summary = monitor(config_dir=str(config), backfill_seeds=False)

        failed = {f["name"]: f["error"] for f in summary["feeds"]["failed"]}
        assert failed == {"Broken parser": "poll failed: InjectedFault: injected"}
        rows = {
            u: (extraction, note, notes, relevance)
            for u, extraction, note, notes, relevance in query(
                warehouse,
                "SELECT url, extraction, extraction_note, notes, relevance FROM store.articles",
            )
        }
        assert {site.url(path) for path in PAGES} <= set(rows)
        assert rows[url["fine"]][:2] == ("trafilatura", None)
        assert rows[url["fine"]][3] != "unrelated"
        assert rows[url["fetch"]][:2] == ("feed_summary", "fetch failed: InjectedFault: injected")
        assert rows[url["extract"]][:2] == (
            "feed_summary",
            "extraction failed: InjectedFault: injected",
        )
        extraction, _, notes, relevance = rows[url["analyse"]]
        assert extraction == "trafilatura" and relevance == "unrelated"
        assert "analysis failed: InjectedFault: injected" in notes
        [(failures, error)] = query(
            warehouse,
            "SELECT consecutive_failures, last_error FROM feed_health WHERE name = 'Broken parser'",
        )
        assert failures == 1 and error == "poll failed: InjectedFault: injected"
