"""Hostile XML: entity expansion and external entities are refused or stay inert.

Every reader of feed XML is tried: ``parse_feed`` (the refusal in ``_prepare``, then the
fast reading or feedparser), the fast reading alone, the hardened lxml parser the fast
reading uses (handed the DOCTYPE it would otherwise stand aside from), and feedparser.
The external entities point at a local HTTP server that records every request: none
may reach it. Each document is also sent disguised as UTF-7 (``<+ACE-DOCTYPE`` is
``<!DOCTYPE``), which no byte-level check sees.
"""

from __future__ import annotations

import tracemalloc

import pytest
from lxml import etree

from extractors.fetch import plain_rss
from extractors.fetch.feeds import FeedParseError, parse_feed
from tests.support.receivers import WebhookReceiver

FEED_URL = "https://news.example.com/feeds/main.xml"
HEADERS = {"content-type": "application/xml", "content-location": FEED_URL}
UTF7_HEADERS = {"content-type": "application/rss+xml; charset=utf-7"}
LAUGHS = "".join(
    f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10)
)  # lol9 is 10^9 "lol"s
ITEM = "<item><title>{title}</title><link>https://x.example/1</link></item>"


def documents(port: int) -> dict[str, str]:
    """Hostile feeds by name; the http:// ones name the local receiver."""
    outside = f"http://127.0.0.1:{port}"

    def feed(doctype: str, title: str) -> str:
        return (
            f'<?xml version="1.0" encoding="utf-8"?>{doctype}<rss version="2.0"><channel>'
            f"<title>t</title>{ITEM.format(title=title)}</channel></rss>"
        )

    return {
        "billion laughs": feed(f'<!DOCTYPE rss [<!ENTITY lol0 "lol">{LAUGHS}]>', "&lol9;"),
        "file entity": feed('<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>', "&x;"),
        "http entity": feed(f'<!DOCTYPE rss [<!ENTITY x SYSTEM "{outside}/entity">]>', "&x;"),
        "http parameter entity": feed(
            f'<!DOCTYPE rss [<!ENTITY % p SYSTEM "{outside}/parameter"> %p;]>', "&y;"
        ),
        "http external DTD": feed(f'<!DOCTYPE rss SYSTEM "{outside}/dtd">', "&y;"),
    }


def as_utf7(document: str) -> bytes:
    """The same document declared as UTF-7, its ``<!`` written so no byte check finds it."""
    disguised = document.replace('encoding="utf-8"', 'encoding="utf-7"').replace("<!", "<+ACE-")
    assert disguised.encode().decode("utf-7") == document.replace("utf-8", "utf-7")
    return disguised.encode()


def is_inert(text: str) -> bool:
    return "root:" not in text and "lollol" not in text and len(text) < 1_000


@pytest.fixture(scope="module")
def outside():
    with WebhookReceiver() as receiver:
        yield receiver
        assert receiver.requests == [], [r.path for r in receiver.requests]


def hostile_cases(port: int) -> list[tuple[str, bytes]]:
    return [
        (f"{name}, {form}", data)
        for name, document in documents(port).items()
        for form, data in (("utf-8", document.encode()), ("utf-7", as_utf7(document)))
    ]


def test_parse_feed_refuses_entity_declarations_even_disguised(outside: WebhookReceiver) -> None:
    """Refused before any parser runs: feedparser alone spends seconds and 50 MB on this
    billion laughs before expat's amplification limit stops it."""
    for case, data in hostile_cases(outside.port):
        if "external DTD" in case:
            continue  # no entity declared in the document: see the next test
        with pytest.raises(FeedParseError, match="refused XML entity declarations"):
            parse_feed(data, feed_url=FEED_URL)
        charset_only = data.replace(b'encoding="utf-7"', b"")  # the charset named by the header
        if charset_only != data:
            with pytest.raises(FeedParseError, match="refused XML entity declarations"):
                parse_feed(charset_only, feed_url=FEED_URL, headers=UTF7_HEADERS)


def test_every_reader_leaves_what_it_accepts_inert(outside: WebhookReceiver) -> None:
    for case, data in hostile_cases(outside.port):
        tracemalloc.start()
        try:
            try:
                entries, _ = parse_feed(data, feed_url=FEED_URL)
            except FeedParseError:
                entries = []
            assert plain_rss.plain_rss_items(data, HEADERS) is None, case
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert peak < 20_000_000, (case, peak)
        for entry in entries:
            assert is_inert(entry.title) and is_inert(entry.summary), case
    assert outside.requests == []


def test_the_fast_readings_parser_leaves_a_doctype_unexpanded(outside: WebhookReceiver) -> None:
    """The parser itself, handed what the fast reading otherwise leaves to feedparser."""
    for name, document in documents(outside.port).items():
        try:
            root = etree.fromstring(document.encode(), plain_rss._parser())
        except etree.XMLSyntaxError:
            continue  # refused: an undefined entity, or a DTD it will not load
        assert is_inert("".join(root.itertext())), name
        title = root.find("channel/item/title")
        assert title is not None and title.text is None, name  # an Entity node, unexpanded
    assert outside.requests == []
