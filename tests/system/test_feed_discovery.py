"""`dealwatch feeds add URL`: a site's home page or a feed's URL, found, checked, appended (issue 17).

Before: no such command; a user edited config/feeds.toml by hand and learnt at
the next run whether the URL was a feed.
"""

from __future__ import annotations

import tomllib
from datetime import UTC, datetime

import pytest

from extractors.fetch.client import Fetcher, FetchPolicy
from extractors.fetch.discovery import DiscoveryError, discover_feed, feed_links
from flows.settings import append_feed, load_feeds
from tests.support.cli_process import run_piped
from tests.support.config import write_config
from tests.support.site import NewsSite, rss_feed

POLICY = FetchPolicy(
    allowed_private_networks=("127.0.0.0/8",), per_host_interval_s=0, timeout_s=2, max_retries=0
)
HOME = """<!doctype html><html><head><title>The Ledger</title>
<link rel="alternate" type="application/rss+xml; charset=UTF-8" title="The Ledger" href="/feeds/all.xml">
</head><body><h1>The Ledger</h1><a href="/news/1">A story</a></body></html>"""
BARE_HOME = "<!doctype html><html><head><title>Quiet</title></head><body><p>Hello</p></body></html>"


def _feed(title: str = "The Ledger: all stories") -> str:
    return rss_feed(
        title,
        [{"title": "A story", "link": "http://127.0.0.1/news/1", "description": "d"}],
        updated=datetime(2025, 6, 20, tzinfo=UTC),
    )


def test_a_home_page_leads_to_the_feed_it_declares() -> None:
    with NewsSite() as site, Fetcher(POLICY) as fetcher:
        home = site.route("/", HOME)
        feed = site.route("/feeds/all.xml", _feed(), content_type="application/rss+xml")
        assert feed_links(HOME, home) == [feed]
        found = discover_feed(fetcher, home)
        assert (found.url, found.title, found.entries) == (feed, "The Ledger: all stories", 1)
        assert discover_feed(fetcher, feed).url == feed  # a feed's URL is taken as it is


def test_a_page_that_declares_none_is_tried_where_feeds_usually_are() -> None:
    with NewsSite() as site, Fetcher(POLICY) as fetcher:
        home = site.route("/", BARE_HOME)
        feed = site.route("/rss.xml", _feed(), content_type="application/rss+xml")
        assert discover_feed(fetcher, home).url == feed


def test_no_feed_is_one_clear_reason() -> None:
    with NewsSite() as site, Fetcher(POLICY) as fetcher:
        home = site.route("/", BARE_HOME)
        with pytest.raises(DiscoveryError, match="is not a feed and leads to none"):
            discover_feed(fetcher, home)
        with pytest.raises(DiscoveryError, match="HTTP 404"):
            discover_feed(fetcher, site.url("/missing"))


def test_append_keeps_the_file_and_escapes_what_it_writes(tmp_path) -> None:
    path = tmp_path / "feeds.toml"
    path.write_text('# my feeds\n[[feed]]\nname = "Mine"\nurl = "https://a.example/feed"\n')
    hostile = 'The "Ledger" \\ \x1b[31mred\x1b[0m'
    added = append_feed(path, name=hostile, url="https://b.example/rss", tags=("outlet",))
    assert added.name == hostile and added.tags == ("outlet",)
    assert path.read_text().startswith('# my feeds\n[[feed]]\nname = "Mine"')
    assert [f.url for f in load_feeds(path)] == ["https://a.example/feed", "https://b.example/rss"]
    tomllib.loads(path.read_text())


@pytest.mark.usefixtures("prefect_harness")
def test_feeds_add_from_the_command_line(tmp_path) -> None:
    with NewsSite() as site:
        home = site.route("/", HOME)
        feed = site.route("/feeds/all.xml", _feed(), content_type="application/rss+xml")
        bare = site.route("/quiet", BARE_HOME)
        config = write_config(tmp_path / "config", feeds=[("Existing", "https://a.example/feed")])
        args = ["feeds", "add", "--config", str(config)]

        added = run_piped([*args, home, "--tag", "outlet"], cwd=tmp_path)
        assert added.status == 0, added.stderr
        assert "added The Ledger: all stories" in added.stdout and feed in added.stdout
        feeds = load_feeds(config / "feeds.toml")
        assert [(f.name, f.url, f.tags) for f in feeds] == [
            ("Existing", "https://a.example/feed", ()),
            ("The Ledger: all stories", feed, ("outlet",)),
        ]

        again = run_piped([*args, feed], cwd=tmp_path)
        assert again.status == 2 and again.stderr.count("\n") == 1
        assert "listed already" in again.stderr

        none = run_piped([*args, bare, "--name", "Quiet"], cwd=tmp_path)
        assert none.status == 2 and none.stderr.count("\n") == 1
        assert "is not a feed and leads to none" in none.stderr
        assert len(load_feeds(config / "feeds.toml")) == 2
