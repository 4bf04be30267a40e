"""Every hostile feed and page in one real `monitor` run, beside good feeds.

The run completes; the good feeds' articles are all stored; each bad feed is in
`feed_health` with its reason; each bad page leaves its article stored from the
feed's summary, with the reason in `extraction_note`.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.support.config import write_config
from tests.support.hostile import FEED_CASES, hostile_server
from tests.support.reads import query
from tests.support.site import NewsSite, rss_feed
from tests.support.stories import PAGES, build_site

pytestmark = [
    pytest.mark.usefixtures("prefect_harness"),
    pytest.mark.timeout(240),
    pytest.mark.slow,
]

PAGE_CASES = {
    "page_50mb": "body larger than",
    "page_binary": "binary",
    "page_empty": "empty",
    "page_404": "HTTP 404",
    "redirect_metadata": "169.254.169.254",
}


def test_one_run_over_every_hostile_case_stores_the_good_and_records_the_bad(tmp_path):
    from flows.pipeline import monitor

    with hostile_server() as hostile, NewsSite() as site:
        pages_feed = site.route(
            "/hostile-pages.xml",
            rss_feed(
                "Hostile pages",
                [
                    {
                        "title": f"Page case {name}",
                        "link": hostile.url(name),
                        "description": f"The summary of {name}.",
                    }
                    for name in PAGE_CASES
                ],
                updated=datetime(2025, 6, 20, tzinfo=UTC),
            ),
            content_type="application/rss+xml",
        )
        feeds = [("The Ledger", build_site(site)), ("Hostile pages", pages_feed)]
        feeds += [(f"case {c.name}", c.url or hostile.url(c.name)) for c in FEED_CASES]
        config = write_config(
            tmp_path / "config",
            feeds=feeds,
            extra="\n[alerts]\ndigest_threshold = 1000\n",
        )
        text = (config / "dealwatch.toml").read_text()
        # Every hostile case is a path of one host, standing for a publisher of its own: without
        # the breaker, each gives its own outcome (three in a row would leave the host).
        text = text.replace(
            "[feeds]\n", "[feeds]\nmax_body_bytes = 10_000_000\nhost_failures_to_trip = 0\n", 1
        )
        (config / "dealwatch.toml").write_text(text)
        warehouse = config / "data" / "dealwatch.duckdb"

        summary = monitor(config_dir=str(config), backfill_seeds=False)

        assert summary["feeds"]["polled"] == len(feeds)
        stored = {url for (url,) in query(warehouse, "SELECT url FROM articles")}
        ledger = {site.url(path) for path in PAGES}
        assert ledger <= stored
        assert {
            hostile.url("good").rsplit("/", 1)[0] + f"/article/{n}" for n in (1, 2, 3)
        } <= stored
        assert sum(url.startswith(hostile.base + "/article/item-") for url in stored) == 200

        health = {
            name: (error, failures)
            for name, error, failures in query(
                warehouse, "SELECT name, last_error, consecutive_failures FROM feed_health"
            )
        }
        for case in FEED_CASES:
            error, failures = health[f"case {case.name}"]
            if case.status.value == "ok":
                assert failures == 0, (case.name, error)
            else:
                reason = "timed out after" if case.name == "hang" else case.reason
                assert failures == 1 and error and reason in error, (case.name, error)

        notes = dict(
            query(
                warehouse,
                "SELECT url, extraction_note FROM store.articles WHERE url IN (SELECT unnest(?))",
                [[hostile.url(name) for name in PAGE_CASES]],
            )
        )
        for name, reason in PAGE_CASES.items():
            note = notes.get(hostile.url(name))
            assert note and reason in note, (name, note)
