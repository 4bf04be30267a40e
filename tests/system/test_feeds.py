"""parse_feed on the 45 real publisher feeds and on hostile documents; pacing; pages in order."""

from __future__ import annotations

import gzip
import re
import tracemalloc
from datetime import UTC, datetime, timedelta

import feedparser
import pytest

from extractors.fetch.client import Fetcher
from extractors.fetch.feeds import (
    FeedParseError,
    fetch_pages,
    next_poll_interval,
    parse_feed,
    poll_feed,
)
from extractors.records import FeedState, FetchStatus
from tests.support.hostile import BILLION_LAUGHS, LATIN1_AS_UTF8, hostile_server, test_policy
from tests.support.paths import SHARED

FEEDS = SHARED / "fixtures" / "feeds"
REAL = sorted(p.name for p in FEEDS.iterdir() if p.is_file() and p.name != "SOURCES.tsv")
# Feeds in the parsers' suites that are deliberately bare (no entry, or no entry with a link or id).
BARE = {"node-feedparser__codeGoogle.atom", "node-feedparser__plasmasturm01.atom"}
# Its posts quote escaped XML and HTML as code samples: markup there is the text.
CODE_SAMPLES = {"rss-parser__feedburner.atom"}
BASE = "https://news.example.com/feeds/main.xml"
MARKUP = re.compile(
    r"<(p|div|a|br|img|span|b|i|strong|em|table|ul|li)\b|<!--|&lt;|&amp;|&#\d+;", re.IGNORECASE
)


def test_there_are_45_real_feeds() -> None:
    assert len(REAL) == 45


@pytest.mark.parametrize("name", REAL)
def test_every_real_feed_parses(name: str) -> None:
    entries, _bozo = parse_feed((FEEDS / name).read_bytes(), feed_url=BASE)
    if name in BARE:
        assert entries == []
        return
    assert entries, name
    for entry in entries:
        assert entry.url.startswith(("http://", "https://")), entry.url
        assert entry.entry_id and entry.feed_url == BASE
        if name not in CODE_SAMPLES:
            assert MARKUP.search(entry.summary) is None, entry.summary[:200]
        assert entry.published is None or entry.published.tzinfo is not None


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("node-feedparser__iconv.xml", "В Бузулуке"),  # windows-1251
        ("rss-parser__encoding-gb2312.xml", "世纪华通"),  # GB2312
        ("rss-parser__encoding.rss", "Reações"),  # ISO-8859-1
        ("rss-parser__heise.atom", "Java-Anwendungsserver"),
    ],
)
def test_encodings_give_readable_titles(name: str, expected: str) -> None:
    entries, _ = parse_feed((FEEDS / name).read_bytes(), feed_url=BASE)
    assert any(expected in e.title for e in entries)


def test_gzip_stored_feed_equals_its_decompressed_twin() -> None:
    zipped, _ = parse_feed(
        (FEEDS / "node-feedparser__invalid-characters-gzipped.xml.gz").read_bytes(), feed_url=BASE
    )
    plain, _ = parse_feed(
        (FEEDS / "node-feedparser__invalid-characters-gzipped.xml.decompressed.xml").read_bytes(),
        feed_url=BASE,
    )
    assert zipped == plain and len(zipped) == 25


def test_relative_links_resolve_against_the_feed_url() -> None:
    entries, _ = parse_feed(
        (FEEDS / "node-feedparser__rss-with-relative-urls.xml").read_bytes(), feed_url=BASE
    )
    assert entries[0].url.startswith("https://news.example.com/en/games/neverwinter/news/detail/")


def test_summaries_are_plain_text_and_dates_are_utc() -> None:
    body = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
    <item><title>A &amp; B</title><link>https://x.example/a</link>
    <description>&lt;p&gt;Meta pays &lt;b&gt;$14.3B&lt;/b&gt;&amp;nbsp;now&lt;/p&gt;</description>
    <pubDate>Fri, 13 Jun 2025 09:30:00 +0200</pubDate></item></channel></rss>"""
    [entry], bozo = parse_feed(body, feed_url=BASE)
    assert entry.title == "A & B"
    assert entry.summary == "Meta pays $14.3B now"
    assert entry.published == datetime(2025, 6, 13, 7, 30, tzinfo=UTC)
    assert entry.entry_id == "https://x.example/a" and bozo is None


def test_blank_line_before_declaration_and_gzip_body() -> None:
    body = b"<?xml version='1.0'?><rss version='2.0'><channel><title>t</title><item><link>https://x.example/1</link></item></channel></rss>"
    assert len(parse_feed(b"\n\n  " + body, feed_url=BASE)[0]) == 1
    assert (
        len(
            parse_feed(
                gzip.compress(body), feed_url=BASE, headers={"Content-Type": "application/gzip"}
            )[0]
        )
        == 1
    )


def test_latin1_declared_utf8_still_gives_entries() -> None:
    entries, bozo = parse_feed(
        LATIN1_AS_UTF8,
        feed_url=BASE,
        headers={"content-type": "application/rss+xml; charset=utf-8"},
    )
    assert entries[0].title == "Café naïve résumé"
    assert bozo is not None  # feedparser says it had to override the declared encoding


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"", "not a feed: empty body"),
        (b"   \n", "not a feed: empty body"),
        (b"<html><body><p>Hello</p></body></html>", "not a feed"),
        (b"\x89PNG\r\n\x1a\n" + bytes(200), "not a feed"),
        (BILLION_LAUGHS, "not a feed: refused XML entity declarations"),
        (
            b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss><channel><title>&x;</title></channel></rss>',
            "refused XML entity declarations",
        ),
    ],
)
def test_documents_that_are_not_feeds_say_why(body: bytes, reason: str) -> None:
    with pytest.raises(FeedParseError, match=reason):
        parse_feed(body, feed_url=BASE)


def test_plain_entities_in_a_doctype_are_accepted() -> None:
    body = b"""<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY brand "Dealwatch">]>
    <rss version="2.0"><channel><title>&brand;</title><item><title>&brand; news</title><link>https://x.example/1</link></item></channel></rss>"""
    [entry], _ = parse_feed(body, feed_url=BASE)
    assert entry.title == "Dealwatch news"


def test_feedparser_itself_does_not_expand_billion_laughs() -> None:
    """Our pre-check refuses the document; feedparser alone must also stay small (defence in depth)."""
    import io

    tracemalloc.start()
    try:
        parsed = feedparser.parse(io.BytesIO(BILLION_LAUGHS))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 20 * 1024 * 1024, f"feedparser peaked at {peak / 1e6:.1f} MB"
    assert len(parsed.feed.get("title", "")) < 10_000


ITEM = "<item><title>{title}</title><link>{link}</link></item>"


@pytest.mark.parametrize(
    ("reference", "title"),
    [
        ("&#xD800;", "Bad \ufffd title"),  # a lone surrogate: feedparser raised, the run failed
        ("&#x110000;", "Bad \ufffd title"),  # past U+10FFFF: chr() raised
        ("&#99999999999999999999;", "Bad \ufffd title"),
        ("&#1;", "Bad \ufffd title"),  # a control XML does not allow: expat refused the document
        ("&#xE9;", "Bad \u00e9 title"),  # a good reference is kept
    ],
)
@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_a_reference_to_no_character_costs_one_character(
    reference: str, title: str, encoding: str
) -> None:
    items = ITEM.format(title=f"Bad {reference} title", link="https://x.example/bad")
    items += ITEM.format(title="Good title", link="https://x.example/good")
    body = (
        f'<?xml version="1.0" encoding="{encoding}"?>'
        f'<rss version="2.0"><channel><title>t</title>{items}</channel></rss>'
    ).encode(encoding)
    entries, _ = parse_feed(body, feed_url=BASE)
    assert [(e.title, e.url) for e in entries] == [
        (title, "https://x.example/bad"),
        ("Good title", "https://x.example/good"),
    ]


def test_an_item_without_link_or_id_is_skipped_and_said_so() -> None:
    items = ITEM.format(title="Lost", link="http://[::1/no-host") + ITEM.format(
        title="Kept", link="https://x.example/kept"
    )
    body = f"<rss version='2.0'><channel><title>t</title>{items}</channel></rss>".encode()
    [entry], bozo = parse_feed(body, feed_url=BASE)
    assert entry.title == "Kept"
    assert bozo == "1 item skipped: item 1 ('Lost') has no usable link or id"


def test_max_items_keeps_the_newest() -> None:
    start = datetime(2025, 1, 1, tzinfo=UTC)
    items = "".join(
        f"<item><title>n{n}</title><link>https://x.example/{n}</link>"
        f"<pubDate>{(start + timedelta(hours=n)).strftime('%a, %d %b %Y %H:%M:%S +0000')}</pubDate></item>"
        for n in range(300)
    )
    body = f"<rss version='2.0'><channel><title>t</title>{items}</channel></rss>".encode()
    entries, _ = parse_feed(body, feed_url=BASE, max_items=5)
    assert [e.title for e in entries] == ["n299", "n298", "n297", "n296", "n295"]


def test_next_poll_interval_follows_the_publishing_pace() -> None:
    lo, hi = timedelta(minutes=15), timedelta(hours=6)
    now = datetime(2025, 6, 1, tzinfo=UTC)
    hourly = [now - timedelta(hours=n) for n in range(10)]
    assert next_poll_interval(hourly, min_interval=lo, max_interval=hi) == timedelta(minutes=20)
    every_minute = [now - timedelta(minutes=n) for n in range(30)]
    assert next_poll_interval(every_minute, min_interval=lo, max_interval=hi) == lo
    weekly = [now - timedelta(days=7 * n) for n in range(5)]
    assert next_poll_interval(weekly, min_interval=lo, max_interval=hi) == hi


def test_an_undated_feed_is_polled_fast_while_it_changes_and_backs_off_while_it_does_not() -> None:
    lo, hi = timedelta(minutes=15), timedelta(hours=6)
    now = datetime(2025, 6, 1, tzinfo=UTC)
    assert next_poll_interval([], min_interval=lo, max_interval=hi) == lo  # first poll
    assert next_poll_interval([now, now], min_interval=lo, max_interval=hi) == lo  # one date
    waits = []
    previous = lo
    for _ in range(6):
        previous = next_poll_interval(
            [], min_interval=lo, max_interval=hi, previous=previous, changed=False
        )
        waits.append(previous)
    assert waits == [lo * 2, lo * 4, lo * 8, lo * 16, hi, hi]
    assert next_poll_interval([], min_interval=lo, max_interval=hi, previous=hi, changed=True) == lo


def test_poll_sends_validators_and_records_what_to_store() -> None:
    now = datetime(2025, 6, 14, 12, tzinfo=UTC)
    with hostile_server() as site, Fetcher(test_policy()) as fetcher:
        url = site.url("stale_304")
        first = poll_feed(
            fetcher, url, "stale", None, now, unconditional_every=timedelta(hours=24), max_items=50
        )
        state = FeedState(
            feed_url=url,
            etag=first.etag,
            last_modified=first.last_modified,
            body_hash=first.body_hash,
            last_unconditional_at=now,
        )
        second = poll_feed(
            fetcher,
            url,
            "stale",
            state,
            now + timedelta(hours=1),
            unconditional_every=timedelta(hours=24),
            max_items=50,
        )
        sent = [h for p, h in site.requests if p == "/stale-etag.xml"]
    assert first.status is FetchStatus.OK and first.etag == '"stale-v1"' and first.body_hash
    assert first.poll_interval_s is not None and first.next_poll_at == now + timedelta(
        seconds=first.poll_interval_s
    )
    assert "If-None-Match" not in sent[0]
    assert sent[1]["If-None-Match"] == '"stale-v1"' and sent[1]["If-Modified-Since"].startswith(
        "Fri, 13 Jun 2025"
    )
    assert (
        second.status is FetchStatus.NOT_MODIFIED
        and second.conditional
        and second.unconditional_at is None
    )


def test_fetch_pages_keeps_order_and_reports_each() -> None:
    with hostile_server() as site, Fetcher(test_policy(max_concurrency=4)) as fetcher:
        urls = [
            site.url("page_good"),
            site.url("page_404"),
            "file:///etc/passwd",
            site.base + "/article/7",
        ]
        pages = fetch_pages(fetcher, urls)
    assert [p.url for p in pages] == urls
    assert [p.status for p in pages] == [
        FetchStatus.OK,
        FetchStatus.HARD_ERROR,
        FetchStatus.HARD_ERROR,
        FetchStatus.OK,
    ]
    assert pages[0].content_type == "text/html" and b"Alexandr Wang" in pages[0].body
    assert fetch_pages(fetcher, []) == []
