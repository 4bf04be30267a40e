"""The fast reading of plain RSS gives what feedparser gives, or stands aside."""

from __future__ import annotations

import random
from pathlib import Path

import feedparser
import pytest

from benchmarks.corpus import corpus_specs, rss_feed
from extractors.fetch.feeds import _prepare, feed_entries, feedparser_reading, parse_feed
from extractors.fetch.plain_rss import UnreadDate, feed_date, plain_rss_items
from tests.support.paths import SHARED

FEEDS = SHARED / "fixtures" / "feeds"
REAL = sorted(p for p in FEEDS.iterdir() if p.is_file() and p.name != "SOURCES.tsv")
FEED_URL = "https://news.example.com/feeds/main.xml"
HEADERS = [
    {"content-type": "application/xml"},
    {"content-type": "application/rss+xml; charset=UTF-8"},
    {"content-type": "application/rss+xml; charset=iso-8859-1"},
    {"content-type": "text/xml"},
    {"content-type": "text/xml; charset=utf-8"},
    {"content-type": "text/html; charset=utf-8"},
    {"content-type": "application/xml", "content-location": "https://cdn.example.net/a/b/feed"},
    {"content-type": "application/xml", "content-location": "http://news.example.com/plain-http"},
    {"content-type": "application/xml", "content-location": "http://[broken/feed"},
]
NAMESPACES = (
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
    'xmlns:media="http://search.yahoo.com/mrss/" '
    'xmlns:atom="http://www.w3.org/2005/Atom" '
    'xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"'
)
# Item elements, the ones the fast reading takes and the ones it must leave to feedparser.
PARTS = [
    "<title>A &amp; B</title>",
    "<title><![CDATA[Café <b>bold</b> move]]></title>",
    "<title>  spaced\n  out </title>",
    "<title/>",
    "<title>Ã©tÃ© mojibake</title>",
    "<title>&#147;quoted&#148; &#128;5</title>",
    '<title type="html">typed</title>',
    "<link>https://x.example/a?x=1&amp;y=2</link>",
    "<link>/relative/path?q=1#frag</link>",
    "<link></link>",
    "<link> http:////x.example//b </link>",
    "<link>https://x.example/c?a=1&amp;amp;b=2&amp;lt;</link>",
    "<link>javascript:alert(1)</link>",
    "<link>HTTPS://X.example/Upper</link>",
    "<link>https://x.example/empty?</link>",
    "<link>https://x.example/a;</link>",
    "<link>https://x.example/p;q/r;s?t=1#u</link>",
    "<link>https://x.example/./a/../b</link>",
    "<link>http://x.example:8080//double//slash#f#g</link>",
    "<link>https://x.example/caf\u00e9?q=\u00e9</link>",
    "<link>https://x.example/a\tb</link>",
    "<link>//x.example/scheme-relative</link>",
    "<guid>https://x.example/g</guid>",
    '<guid isPermaLink="false">tag:x.example,2020:1</guid>',
    '<guid isPermaLink="true">/rel/guid</guid>',
    '<guid isPermaLink="True">odd-case</guid>',
    "<guid></guid>",
    "<description>&lt;p&gt;Hi &lt;a href='/x'&gt;there&lt;/a&gt;&lt;/p&gt;</description>",
    "<description></description>",
    "<description><![CDATA[<p>para &amp; more</p>]]></description>",
    "<content:encoded><![CDATA[<p>full text</p>]]></content:encoded>",
    "<pubDate>Fri, 13 Jun 2025 09:30:00 +0200</pubDate>",
    "<pubDate>2025-06-13T09:30:00Z</pubDate>",
    "<pubDate>not a date</pubDate>",
    "<pubDate></pubDate>",
    "<dc:date>2025-06-12</dc:date>",
    '<category domain="d">c</category>',
    "<author>a@x.example (A)</author>",
    '<enclosure url="/e.mp3" type="audio/mpeg" length="1"/>',
    '<source url="https://s.example/rss">Source</source>',
    "<dc:creator>Me</dc:creator>",
    '<media:content url="/m.jpg"><media:credit>C</media:credit></media:content>',
    '<media:thumbnail url="/t.jpg"/>',
    "<comments>/c</comments>",
    "<media:title>media title</media:title>",
    '<atom:link href="/alt" rel="alternate"/>',
    "<itunes:summary>podcast summary</itunes:summary>",
    "<Title>capital</Title>",
]


def document(items: list[list[str]], channel_extra: str = "", version: str = "2.0") -> str:
    body = "".join(f"<item>{''.join(parts)}</item>" for parts in items)
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="{version}" {NAMESPACES}><channel>'
        f"<title>t</title><link>https://x.example/</link>{channel_extra}{body}</channel></rss>"
    )


def generated_documents() -> list[bytes]:
    rng = random.Random(2026)
    docs = []
    for _ in range(300):
        items = [rng.sample(PARTS, rng.randint(0, 6)) for _ in range(rng.randint(1, 3))]
        docs.append(document(items).encode())
    simple = [["<title>Crème</title>", "<link>/a</link>", "<description>d</description>"]]
    docs += [
        b"\xef\xbb\xbf" + document(simple).encode(),
        document(simple).encode("utf-8").replace(b'encoding="utf-8"', b'encoding="ISO-8859-1"'),
        document(simple).replace('encoding="utf-8"', 'encoding="ISO-8859-1"').encode("latin-1"),
        document(simple).replace('<?xml version="1.0" encoding="utf-8"?>', "").encode(),
        document(simple, channel_extra="<image><title>i</title><url>/i.png</url></image>").encode(),
        document(simple, channel_extra="<content:encoded>c</content:encoded>").encode(),
        document(simple, version="0.91").encode(),
        document(simple).replace("<channel>", '<channel xml:base="https://b.example/">').encode(),
        document(simple).replace("</channel>", "</channel><item><link>/x</link></item>").encode(),
        document(simple).replace("<title>t</title>", "<entry><link>/y</link></entry>").encode(),
    ]
    return docs


def both_readings(data: bytes, headers: dict[str, str]):
    headers = {"content-location": FEED_URL, **headers}
    plain = plain_rss_items(data, headers)
    raws, bozo, _ = feedparser_reading(data, headers)
    fast = None if plain is None else feed_entries(plain, FEED_URL)
    return fast, feed_entries(raws, FEED_URL), bozo


def test_generated_documents_read_alike_or_go_to_feedparser() -> None:
    taken = 0
    for data in generated_documents():
        for headers in HEADERS:
            fast, reference, bozo = both_readings(data, headers)
            if fast is not None:
                taken += 1
                assert bozo is None, (data, headers)
                assert fast == reference, (data, headers)
    assert taken > 300  # the fast reading does take documents it can read


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.name)
def test_real_feeds_read_alike_or_go_to_feedparser(path: Path) -> None:
    data = _prepare(path.read_bytes())
    for headers in HEADERS:
        fast, reference, bozo = both_readings(data, headers)
        if fast is not None:
            assert bozo is None and fast == reference


def test_the_feeds_it_takes() -> None:
    taken = {p.name for p in REAL if plain_rss_items(_prepare(p.read_bytes()), HEADERS[0])}
    assert {"rss-parser__guardian.rss", "rss-parser__encoding-gb2312.xml"} <= taken
    specs = list(corpus_specs(1, 40))
    assert plain_rss_items(rss_feed(0, specs, "http://127.0.0.1:8000"), HEADERS[0]) is not None


def test_what_it_leaves_to_feedparser() -> None:
    declared_latin1_but_utf8 = document([["<title>Café</title>", "<link>/a</link>"]]).encode()
    wrong_charset = {"content-type": "application/rss+xml; charset=us-ascii"}
    assert plain_rss_items(declared_latin1_but_utf8, wrong_charset) is None
    entries, bozo = parse_feed(declared_latin1_but_utf8, feed_url=FEED_URL, headers=wrong_charset)
    assert bozo is not None and entries[0].url == "https://news.example.com/a"
    not_xml_type = {"content-type": "text/html"}
    assert plain_rss_items(declared_latin1_but_utf8, not_xml_type) is None
    atom = b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>x</id></entry></feed>'
    assert plain_rss_items(atom, HEADERS[0]) is None


def feedparser_dates(data: bytes) -> list[tuple[str, object]]:
    """Every (text, parsed) date feedparser's public ``parse`` gives for the entries of ``data``."""
    parsed = feedparser.parse(data, response_headers={**HEADERS[0], "content-location": FEED_URL})
    return [
        (entry[field], dict.get(entry, f"{field}_parsed"))
        for entry in parsed.entries
        for field in ("published", "updated")
        if field in entry
    ]


def test_every_date_of_the_real_feeds_reads_as_feedparser_reads_it() -> None:
    dates = [pair for path in REAL for pair in feedparser_dates(_prepare(path.read_bytes()))]
    unread = []
    for text, reference in dates:
        try:
            assert feed_date(text.strip()) == reference, text
        except UnreadDate:
            unread.append((text, reference))
    assert len(dates) == 1736
    # Left to feedparser: only dates it cannot read either ("Seg, 24 Set 2018", Portuguese).
    assert len(unread) == 15 and all(reference is None for _, reference in unread)


DATE_SHAPES = [
    "{dn}, {d} {mon} {y} {hh}:{mm}:{ss} {tz}",
    "{dn} {d} {mon} {y} {hh}:{mm} {tz}",
    "{d} {mon} {y} {hh}:{mm}:{ss} {tz}",
    "{dn}, {d} {mon} {yy} {hh}:{mm}:{ss} {tz}",
    "{y}-{m}-{d2}T{hh}:{mm}:{ss}{iso_tz}",
    "{y}-{m}-{d2}T{hh}:{mm}:{ss}.{frac}{iso_tz}",
    "{y}-{m}-{d2} {hh}:{mm}:{ss}{iso_tz}",
    "{y}-{m}-{d2}",
    "{y}-{m}",
    "{y}-{m}-{d2}T{hh}:{mm}{iso_tz}",
    "{dn}, {d} {mon} {y}",
    "{mon} {d} {y} {hh}:{mm}:{ss} {tz}",
]


def generated_dates(count: int) -> list[str]:
    rng = random.Random(16)
    months = [
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "May",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Oct",
        "Nov",
        "Dec",
        "JUN",
        "juin",
        "June",
        "Sept",
        "September",
    ]
    zones = [
        "GMT",
        "UT",
        "UTC",
        "Z",
        "EST",
        "EDT",
        "CST",
        "CDT",
        "MST",
        "MDT",
        "PST",
        "PDT",
        "AST",
        "ADT",
        "MET",
        "CEST",
        "BST",
        "A",
        "N",
        "+0000",
        "-0000",
        "+0530",
        "-0800",
        "+05:30",
        "GMT+2",
        "Etc/GMT",
    ]
    iso_zones = ["", "Z", "z", "+02:00", "-07:30", "+0530", "-0800", "+00:00", "-00:00"]
    dates = []
    for _ in range(count):
        fields = {
            "dn": rng.choice(["Mon", "Fri", "sat", "Thursday", "Xyz"]),
            "d": str(rng.choice([1, 7, 13, 28, 29, 30, 31, 32, 0])),
            "d2": f"{rng.choice([1, 13, 29, 30, 31, 32]):02d}",
            "mon": rng.choice(months),
            "m": f"{rng.choice([1, 2, 6, 12, 13]):02d}",
            "y": str(rng.choice([2025, 2024, 1999, 1970, 9999, 1, 2100])),
            "yy": f"{rng.choice([0, 17, 25, 68, 69, 75, 89, 90, 99]):02d}",
            "hh": f"{rng.choice([0, 9, 23, 24]):02d}",
            "mm": f"{rng.choice([0, 30, 59, 60]):02d}",
            "ss": f"{rng.choice([0, 5, 59, 60]):02d}",
            "frac": rng.choice(["1", "123", "123456", "1234567"]),
            "tz": rng.choice(zones),
            "iso_tz": rng.choice(iso_zones),
        }
        dates.append(rng.choice(DATE_SHAPES).format(**fields))
    return dates


def test_generated_dates_read_as_feedparser_reads_them_or_go_to_feedparser() -> None:
    items = "".join(f"<item><pubDate>{text}</pubDate></item>" for text in generated_dates(3000))
    data = document([]).replace("</channel>", items + "</channel>").encode()
    read = 0
    for text, reference in feedparser_dates(data):
        try:
            assert feed_date(text) == reference, text
            read += 1
        except UnreadDate:
            pass
    assert read > 250  # of 3,000: most carry some deliberately odd field
