"""No feed item and no URL raises out of parsing, canonicalisation, dedup or fetching.

Property-based (Hypothesis): feed documents whose items hold any text, any
numeric character reference (lone surrogates, past U+10FFFF, controls), any
date and URLs the standard library refuses (ports past 65535, unbalanced
brackets, surrogates, bad IDNA labels). What may come out of ``parse_feed`` is
its entries or ``FeedParseError`` (the feed's failure, recorded in its health);
a good item beside bad ones is always among the entries; every text that comes
out can be stored (UTF-8), and every URL has a canonical form and an id.
"""

from __future__ import annotations

import string
from collections.abc import Iterator
from datetime import UTC, datetime
from email.utils import format_datetime
from xml.sax.saxutils import escape

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from extractors.fetch.client import Fetcher
from extractors.fetch.feeds import FeedParseError, parse_feed, unique_entries
from extractors.fetch.netguard import check_url
from extractors.records import FeedEntry, FetchStatus
from extractors.urls import article_id_for, canonical_url, domain_of
from tests.support.hostile import test_policy
from tests.support.site import NewsSite

FEED_URL = "https://news.example.com/feed.xml"
GOOD_TITLE = "Meta and Scale AI, the terms"
GOOD_LINK = "https://news.example.com/2025/06/meta-scale-ai"
PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Hypothesis warns when the global random state moves while it draws an example. No strategy here
# uses it, and run alone this module never warns; in the whole suite it sometimes does, most likely
# from other tests' server or worker threads still running at that moment, which the check cannot
# tell from a strategy (it is known to warn spuriously where threads run: HypothesisWorks/
# hypothesis#4451).
pytestmark = pytest.mark.filterwarnings(
    "ignore:Do not use the `random` module inside strategies"
    ":hypothesis.errors.HypothesisDeprecationWarning"
)

# Any character a Python str can hold, lone surrogates included.
any_character = st.characters(exclude_categories=())
any_text = st.text(any_character, max_size=40)

SCHEMES = ["http", "https", "HTTP", "ftp", "javascript", "file", "", "h\u00e9"]
HOSTS = [
    "example.com",
    "WWW.Example.COM",
    "www.www.example.com",
    "127.0.0.1",
    "[::1]",
    "[::1",
    "::1]",
    "[fe80::1%25eth0]",
    "xn--",
    "xn--a.com",
    "caf\u00e9.example",
    "\ud800.example",
    "exa mple.com",
    "a..b",
    "",
]
PORTS = st.one_of(
    st.none(),
    st.integers(min_value=-10, max_value=200_000).map(str),
    st.sampled_from(["", "abc", "8O", "\u0661\u0662"]),
)


@st.composite
def urls(draw: st.DrawFn) -> str:
    """URLs, well formed or not: known hostile parts, then any text in path, query and fragment."""
    scheme = draw(st.one_of(st.sampled_from(SCHEMES), any_text))
    host = draw(st.one_of(st.sampled_from(HOSTS), any_text))
    port = draw(PORTS)
    netloc = host if port is None else f"{host}:{port}"
    path = draw(st.one_of(st.just(""), any_text.map(lambda p: "/" + p)))
    query = draw(
        st.one_of(
            st.just(""),
            st.lists(
                st.tuples(st.sampled_from(["utm_source", "id", "ref", "q", ""]), any_text),
                max_size=3,
            ).map(lambda pairs: "?" + "&".join(f"{k}={v}" for k, v in pairs)),
        )
    )
    fragment = draw(st.one_of(st.just(""), any_text.map(lambda f: "#" + f)))
    return draw(
        st.one_of(st.just(f"{scheme}://{netloc}{path}{query}{fragment}"), any_text, st.just(""))
    )


def _is_storable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


# The cases that crashed a run, kept as named examples beside the generated ones.
CRASHED_RUNS = [
    "http://example.com:99999/story",  # port out of range
    "http://[::1/story",  # urllib: Invalid IPv6 URL
    "http://example.com/\ud800",  # a lone surrogate
    "http://example.com/?q=\ud800",
]


@PROPERTY
@given(urls())
@example(CRASHED_RUNS[0])
@example(CRASHED_RUNS[1])
@example(CRASHED_RUNS[2])
@example(CRASHED_RUNS[3])
def test_every_url_has_a_storable_canonical_form_and_an_id(url: str) -> None:
    canonical = canonical_url(url)
    assert _is_storable(canonical)
    assert len(article_id_for(canonical)) == 16
    assert _is_storable(domain_of(url))
    reason = check_url(url)
    assert reason is None or reason.startswith("refused")


def _entry(url: str, n: int = 0) -> FeedEntry:
    return FeedEntry(
        feed_url=FEED_URL, entry_id=f"id-{n}", url=url, title="t", summary="s", published=None
    )


@PROPERTY
@given(st.lists(urls(), max_size=12))
@example(CRASHED_RUNS + ["http://example.com/story", "http://EXAMPLE.com/story?utm_source=x"])
def test_dedup_keeps_one_entry_per_canonical_url_whatever_the_urls(links: list[str]) -> None:
    entries = [_entry(url, n) for n, url in enumerate(links)]
    unique = unique_entries(entries)
    assert set(unique) == {canonical_url(url) for url in links}
    for canonical, entry in unique.items():  # the first entry seen under that URL is kept
        assert entry is next(e for e in entries if canonical_url(e.url) == canonical)


# --- documents -------------------------------------------------------------------------------


def _reference(code: int, hexadecimal: bool) -> str:
    return f"&#x{code:X};" if hexadecimal else f"&#{code};"


# A numeric character reference to anything: valid characters, lone surrogates, controls,
# U+FFFE, and numbers far past U+10FFFF.
references = st.builds(
    _reference,
    st.one_of(
        st.integers(min_value=0, max_value=0x10FFFF),
        st.integers(min_value=0xD800, max_value=0xDFFF),
        st.integers(min_value=0x110000, max_value=10**15),
        st.sampled_from([0, 1, 8, 0xB, 0x1F, 0xFFFE, 0xFFFF]),
    ),
    st.booleans(),
)
# Item text: escaped text (any character but surrogates, which no byte encoding holds) mixed
# with raw references.
item_text = st.lists(st.one_of(st.text(max_size=12).map(escape), references), max_size=5).map(
    "".join
)
dates = st.one_of(
    st.datetimes(
        min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30), timezones=st.just(UTC)
    ).map(lambda d: format_datetime(d, usegmt=True)),
    st.text(max_size=30).map(escape),
)


@st.composite
def rss_items(draw: st.DrawFn) -> str:
    parts = [
        f"<title>{draw(item_text)}</title>",
        f"<link>{escape(draw(urls().filter(_is_storable)))}</link>",
        f"<description>{draw(item_text)}</description>",
        f"<pubDate>{draw(dates)}</pubDate>",
    ]
    if draw(st.booleans()):
        permalink = draw(st.sampled_from(["true", "false"]))
        guid = escape(draw(urls().filter(_is_storable)), {'"': "&quot;"})
        parts.append(f'<guid isPermaLink="{permalink}">{guid}</guid>')
    chosen = draw(st.permutations(parts))
    return "<item>" + "".join(chosen[: draw(st.integers(1, len(chosen)))]) + "</item>"


@st.composite
def atom_entries(draw: st.DrawFn) -> str:
    href = escape(draw(urls().filter(_is_storable)), {'"': "&quot;"})
    return (
        f"<entry><title>{draw(item_text)}</title><id>{escape(draw(urls().filter(_is_storable)))}</id>"
        f'<link href="{href}"/><updated>{draw(dates)}</updated>'
        f"<summary>{draw(item_text)}</summary></entry>"
    )


GOOD_RSS_ITEM = (
    f"<item><title>{GOOD_TITLE}</title><link>{GOOD_LINK}</link>"
    "<pubDate>Fri, 20 Jun 2025 09:00:00 GMT</pubDate></item>"
)
GOOD_ATOM_ENTRY = (
    f'<entry><title>{GOOD_TITLE}</title><id>{GOOD_LINK}</id><link href="{GOOD_LINK}"/>'
    "<updated>2025-06-20T09:00:00Z</updated></entry>"
)


def _rss(items: list[str], encoding: str) -> str:
    return (
        f'<?xml version="1.0" encoding="{encoding}"?><rss version="2.0"><channel><title>t</title>'
        f"<link>https://news.example.com/</link>{''.join(items)}</channel></rss>"
    )


def _atom(entries: list[str], encoding: str) -> str:
    return (
        f'<?xml version="1.0" encoding="{encoding}"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>t</title><id>urn:t</id><updated>2025-06-20T09:00:00Z</updated>{''.join(entries)}</feed>"
    )


@st.composite
def documents_with_one_good_item(draw: st.DrawFn) -> bytes:
    """An RSS or Atom document: generated items, and the good one somewhere among them."""
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-16", "iso-8859-1"]))
    if draw(st.booleans()):
        items = draw(st.lists(rss_items(), max_size=6))
        items.insert(draw(st.integers(0, len(items))), GOOD_RSS_ITEM)
        text = _rss(items, encoding)
    else:
        items = draw(st.lists(atom_entries(), max_size=6))
        items.insert(draw(st.integers(0, len(items))), GOOD_ATOM_ENTRY)
        text = _atom(items, encoding)
    # Characters the encoding lacks become references, as a publisher's software writes them.
    return text.encode(encoding, "xmlcharrefreplace")


def _assert_storable(entries: list[FeedEntry]) -> None:
    for entry in entries:
        for text in (entry.entry_id, entry.url, entry.title, entry.summary):
            assert _is_storable(text), entry
        assert len(article_id_for(canonical_url(entry.url))) == 16


@PROPERTY
@given(documents_with_one_good_item())
@example(
    _rss(
        ["<item><title>Bad &#xD800;</title><link>https://e.com/a</link></item>", GOOD_RSS_ITEM],
        "utf-8",
    ).encode()
)
@example(
    _rss(
        ["<item><title>Bad &#x110000;</title><link>https://e.com/b</link></item>", GOOD_RSS_ITEM],
        "utf-8",
    ).encode()
)
@example(
    _atom(
        [GOOD_ATOM_ENTRY, "<entry><title>&#99999999999;</title><id>urn:c</id></entry>"], "utf-16"
    ).encode("utf-16")
)
def test_bad_items_never_cost_the_good_one(document: bytes) -> None:
    entries, _ = parse_feed(document, feed_url=FEED_URL, max_items=1000)
    assert any(e.url == GOOD_LINK and e.title == GOOD_TITLE for e in entries)
    _assert_storable(entries)
    unique_entries(entries)


@st.composite
def damaged_documents(draw: st.DrawFn) -> bytes:
    """A generated document with bytes inserted, deleted or replaced anywhere."""
    document = bytearray(draw(documents_with_one_good_item()))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(document)))
        action = draw(st.sampled_from(["insert", "delete", "replace"]))
        junk = draw(
            st.one_of(
                st.binary(max_size=8),
                st.sampled_from([b"<", b"&", b"]]>", b"<!DOCTYPE x [", b"\x00", b"\xff\xfe"]),
            )
        )
        if action == "insert":
            document[at:at] = junk
        elif action == "delete":
            del document[at : at + len(junk) + 1]
        else:
            document[at : at + len(junk)] = junk
    return bytes(document)


@PROPERTY
@given(st.one_of(damaged_documents(), st.binary(max_size=300)))
def test_any_bytes_give_entries_or_the_feeds_failure(document: bytes) -> None:
    try:
        entries, _ = parse_feed(document, feed_url=FEED_URL)
    except FeedParseError as exc:
        assert str(exc)
        return
    _assert_storable(entries)
    unique_entries(entries)


# --- fetching --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def local_fetcher() -> Iterator[tuple[NewsSite, Fetcher]]:
    with NewsSite() as site, Fetcher(test_policy(max_retries=0)) as fetcher:
        site.route("/robots.txt", b"", content_type="text/plain")
        yield site, fetcher


SITE_PORT = "<the test site's port>"


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    port=st.one_of(st.just(SITE_PORT), PORTS.filter(lambda p: p is not None)),
    host=st.sampled_from(["127.0.0.1", "xn--", "[::1", "\ud800"]),
    rest=st.text(any_character | st.sampled_from(string.punctuation), max_size=30),
)
@example(port=SITE_PORT, host="127.0.0.1", rest="\ud800")
@example(port="99999", host="127.0.0.1", rest="story")
@example(port=SITE_PORT, host="xn--", rest="")
@example(port=SITE_PORT, host="[::1", rest="")
def test_the_fetcher_answers_every_url_with_a_status(
    local_fetcher: tuple[NewsSite, Fetcher], port: str, host: str, rest: str
) -> None:
    """URLs on the test site, or names that fail before any lookup: nothing leaves the machine."""
    site, fetcher = local_fetcher
    port = site.base.rsplit(":", 1)[1] if port == SITE_PORT else port
    url = f"http://{host}:{port}/{rest}"
    for kind in ("feed", "page"):
        response = fetcher.get(url, kind=kind)  # type: ignore[arg-type]
        assert isinstance(response.status, FetchStatus)
        assert response.ok or response.error
