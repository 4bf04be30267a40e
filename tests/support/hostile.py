"""A hostile web server on 127.0.0.1 for fault tests, beside well-behaved routes.

    from tests.support.hostile import hostile_server, FEED_CASES

    with hostile_server() as site:          # threaded, on 127.0.0.1:<free port>
        site.url("good")                     # a good RSS feed (3 items, pages on the same server)
        site.url("http_404")                 # every named route: see ROUTES below
        site.base + "/paced/7.xml"           # any number of feeds answering after 50 ms
        site.hits("http_404")                # how many requests that route received
        site.fixture_url("rss-parser__guardian.rss")   # a real publisher feed from ../shared

or as a pytest fixture: ``from tests.support.hostile import hostile  # noqa: F401`` in
a conftest, then take ``hostile`` as an argument (module-scoped).

Fetchers used against it must allow loopback:
``FetchPolicy(allowed_private_networks=("127.0.0.0/8",), ...)``; see
``test_policy()`` for the small timeouts the fault suite uses.

Every route is named (``ROUTES`` maps name -> path) so flow-level tests can put
the same cases in a feeds file; ``FEED_CASES`` says what the client must make of
each feed route. Nothing here leaves the machine: the redirects to
169.254.169.254 and 10.0.0.1 must be refused by the client before it connects.
"""

from __future__ import annotations

import contextlib
import gzip
import socket
import struct
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from functools import lru_cache
from http.server import BaseHTTPRequestHandler
from typing import Any

import pytest

from extractors.records import FetchStatus
from tests.support.local_server import LocalServer, QuietHandler
from tests.support.paths import SHARED

FIXTURE_FEEDS = SHARED / "fixtures" / "feeds"

# The hang outlasts any client timeout used in tests, and ends when the server stops.
HANG_S = 30.0
BIG_BODY_BYTES = 12_000_000  # past the default 10 MB limit
PAGE_50MB_BYTES = 50_000_000
BOMB_BYTES = 1_000_000_000  # 1 GB of zeros, about 1 MB gzipped
MANY_ITEMS = 5000
CHUNK = 64 * 1024
# The slow routes send one byte this often: well inside any read timeout the suite uses, so
# only a deadline over the whole request can stop them (``HostileSite.trickle_interval_s``).
TRICKLE_INTERVAL_S = 0.25
PACED_DELAY_S = 0.05  # each /paced/ feed answers after this long
HOP_DELAY_S = 0.7  # each /hop/ redirect answers after this long
HOPS = 4

ROUTES: dict[str, str] = {
    "good": "/good.xml",
    "good_atom": "/good.atom",
    "http_404": "/gone-404.xml",
    "http_410": "/gone-410.xml",
    "http_429": "/busy-429.xml",
    "http_500": "/broken-500.xml",
    "hang": "/hang.xml",
    "reset": "/reset.xml",
    "too_big": "/too-big.xml",
    "gzip_bomb": "/bomb.xml",
    "redirect_loop": "/loop.xml",
    "redirect_metadata": "/to-metadata.xml",
    "redirect_private": "/to-private.xml",
    "redirect_file": "/to-file.xml",
    "redirect_ftp": "/to-ftp.xml",
    "malformed": "/malformed.xml",
    "truncated": "/truncated.xml",
    "billion_laughs": "/laughs.xml",
    "latin1_as_utf8": "/latin1.xml",
    "empty_feed": "/empty.xml",
    "empty_body": "/empty-body.xml",
    "stale_304": "/stale-etag.xml",
    "many_items": "/many.xml",
    "not_a_feed": "/not-a-feed.html",
    "gzip_file": "/feed.xml.gz",
    "blank_line_prolog": "/blank-line.xml",
    "page_good": "/article/good",
    "page_empty": "/article/empty",
    "page_binary": "/article/binary",
    "page_50mb": "/article/huge",
    "page_404": "/article/missing",
    "page_private": "/private/secret",
    "retry_then_ok": "/flaky.xml",
    "slow_headers": "/slow-headers.xml",
    "slow_body": "/slow-body.xml",
    "slow_hops": "/hop/0",
}
FILE_URL = "file:///etc/passwd"
FTP_URL = "ftp://127.0.0.1/feed.xml"
METADATA_URL = "http://169.254.169.254/latest/meta-data/"
PRIVATE_URL = "http://10.0.0.1/feed.xml"
ROBOTS_TXT = b"User-agent: *\nDisallow: /private/\n"

ARTICLE_TEXT = (
    "Meta Platforms agreed to invest about $14.3 billion in Scale AI for a 49% stake, "
    "and Scale's chief executive Alexandr Wang will join Meta to work on superintelligence. "
    "The deal values Scale AI at more than $29 billion, people familiar with the matter said. "
)


def rss(
    items: list[tuple[str, str, str, datetime]],
    *,
    title: str = "Hostile test feed",
    encoding: str = "utf-8",
) -> str:
    """An RSS 2.0 document: items are (title, link, description, published)."""
    parts = [
        f'<?xml version="1.0" encoding="{encoding}"?>',
        '<rss version="2.0"><channel>',
        f"<title>{title}</title><link>http://example.invalid/</link><description>test</description>",
    ]
    for item_title, link, description, published in items:
        parts.append(
            f"<item><title>{item_title}</title><link>{link}</link><guid>{link}</guid>"
            f"<description>{description}</description><pubDate>{format_datetime(published, usegmt=True)}</pubDate></item>"
        )
    parts.append("</channel></rss>")
    return "\n".join(parts)


BASE_TIME = datetime(2025, 6, 13, 12, 0, tzinfo=UTC)


def good_feed() -> bytes:
    items = [
        (
            f"Good story {n}",
            f"/article/{n}",
            f"Summary of good story {n}",
            BASE_TIME - timedelta(hours=n),
        )
        for n in (1, 2, 3)
    ]
    return rss(items, title="Good feed").encode()


def good_atom() -> bytes:
    return (
        b'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        b"<title>Good atom</title><id>urn:good</id><updated>2025-06-13T12:00:00Z</updated>"
        b'<entry><title>Atom story</title><id>urn:atom:1</id><link href="/article/4"/>'
        b"<updated>2025-06-13T11:00:00Z</updated><summary>Atom summary</summary></entry></feed>"
    )


def article_page(n: str) -> bytes:
    return (
        f"<html><head><title>Story {n}</title><meta name='author' content='A. Writer'></head><body>"
        f"<article><h1>Story {n}</h1>" + f"<p>{ARTICLE_TEXT}</p>" * 4 + "</article></body></html>"
    ).encode()


@lru_cache(maxsize=1)
def many_items_feed() -> bytes:
    items = [
        (f"Item {n}", f"/article/item-{n}", f"Item {n} summary", BASE_TIME - timedelta(minutes=n))
        for n in range(MANY_ITEMS)
    ]
    return rss(items, title="Five thousand").encode()


@lru_cache(maxsize=1)
def gzip_bomb() -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros = b"\0" * (1 << 20)
    parts = [compressor.compress(zeros) for _ in range(BOMB_BYTES >> 20)]
    parts.append(compressor.flush())
    return b"".join(parts)


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>&lol9;</title>
<item><title>&lol9;</title><link>http://example.invalid/laugh</link></item></channel></rss>
"""

MALFORMED = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</title>
<item><title>Unclosed <b>tag</title><link>/article/m1</link><description>x & y</description></item>
<item><title>Second</title><link>/article/m2</link></channel></rss>"""

LATIN1_AS_UTF8 = rss(
    [
        (
            "Caf\u00e9 na\u00efve r\u00e9sum\u00e9",
            "/article/latin",
            "Se\u00f1or Gar\u00e7\u00e3o",
            BASE_TIME,
        )
    ],
    title="Latin-1 feed",
).encode("latin-1")

EMPTY_FEED = rss([], title="Nothing yet").encode()


class HostileSite:
    """The running server: ``url(name)``, ``hits(name)``, and ``state`` for the stateful routes."""

    def __init__(self) -> None:
        self._hits: dict[str, int] = {}
        self._lock = threading.Lock()
        self.stop = threading.Event()
        self.stale_version = 1  # bump to change the stale-ETag feed's content
        self.flaky_failures = 1  # /flaky.xml answers 503 this many times, then 200
        self.trickle_interval_s = TRICKLE_INTERVAL_S
        self.requests: list[tuple[str, dict[str, str]]] = []
        site = self

        class Handler(QuietHandler):
            def do_GET(self) -> None:  # noqa: N802 - the http.server hook name
                path = self.path.split("?", 1)[0]
                with site._lock:
                    site._hits[path] = site._hits.get(path, 0) + 1
                    site.requests.append((path, dict(self.headers)))
                with contextlib.suppress(
                    BrokenPipeError, ConnectionResetError, ConnectionAbortedError
                ):
                    site._serve(self, path)

        self.server = LocalServer(Handler)

    def __enter__(self) -> HostileSite:
        gzip_bomb()  # built once per process, before any client starts its timeout
        many_items_feed()
        self.server.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.server.__exit__(*exc)

    @property
    def base(self) -> str:
        return self.server.base

    def url(self, name: str) -> str:
        return self.base + ROUTES[name]

    def fixture_url(self, filename: str) -> str:
        return f"{self.base}/fixtures/{filename}"

    def hits(self, name_or_path: str) -> int:
        path = ROUTES.get(name_or_path, name_or_path)
        with self._lock:
            return self._hits.get(path, 0)

    # --- responses -------------------------------------------------------------------------

    def _send(
        self,
        h: BaseHTTPRequestHandler,
        status: int,
        body: bytes = b"",
        ctype: str = "application/rss+xml",
        headers: dict[str, str] | None = None,
    ) -> None:
        h.send_response(status)
        h.send_header("Content-Type", ctype)
        h.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            h.send_header(key, value)
        h.end_headers()
        h.wfile.write(body)

    def _redirect(self, h: BaseHTTPRequestHandler, location: str) -> None:
        self._send(h, 302, b"", "text/plain", {"Location": location})

    def _stream(self, h: BaseHTTPRequestHandler, total: int, ctype: str, head: bytes = b"") -> None:
        """``total`` bytes without Content-Length, so only the client's own cap stops it."""
        h.send_response(200)
        h.send_header("Content-Type", ctype)
        h.end_headers()
        h.wfile.write(head)
        sent = len(head)
        filler = b"<p>" + b"filler " * (CHUNK // 7) + b"</p>\n"
        while sent < total and not self.stop.is_set():
            h.wfile.write(filler)
            sent += len(filler)

    def _serve(self, h: BaseHTTPRequestHandler, path: str) -> None:  # noqa: C901 - a route table
        handler = _HANDLERS.get(path)
        if handler is not None:
            handler(self, h)
            return
        if path == "/robots.txt":
            self._send(h, 200, ROBOTS_TXT, "text/plain")
        elif path.startswith("/fixtures/"):
            self._fixture(h, path.removeprefix("/fixtures/"))
        elif path.startswith("/article/"):
            self._send(h, 200, article_page(path.rsplit("/", 1)[1]), "text/html; charset=utf-8")
        elif path.startswith("/paced/"):
            if not self.stop.wait(PACED_DELAY_S):
                self._send(h, 200, EMPTY_FEED)
        elif path.startswith("/hop/"):
            _hop(self, h, int(path.removeprefix("/hop/") or 0))
        else:
            self._send(h, 404, b"not here", "text/plain")

    def _fixture(self, h: BaseHTTPRequestHandler, name: str) -> None:
        path = FIXTURE_FEEDS / name
        if "/" in name or ".." in name or not path.is_file():
            self._send(h, 404, b"", "text/plain")
            return
        if name.endswith(".gz"):
            ctype = "application/gzip"
        elif name.endswith(".atom"):
            ctype = "application/atom+xml"
        else:
            ctype = "application/rss+xml"
        self._send(h, 200, path.read_bytes(), ctype)


def _reset(site: HostileSite, h: BaseHTTPRequestHandler) -> None:
    """Close with RST (SO_LINGER 0) after reading the request: a "connection reset by peer"."""
    h.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    h.connection.close()
    h.close_connection = True


def _hang(site: HostileSite, h: BaseHTTPRequestHandler) -> None:
    site.stop.wait(HANG_S)


def _trickle(site: HostileSite, h: BaseHTTPRequestHandler, data: bytes) -> None:
    """``data`` a byte every ``TRICKLE_INTERVAL_S``: no read waits long, the whole takes minutes."""
    for i in range(len(data)):
        if site.stop.wait(site.trickle_interval_s):
            return
        h.wfile.write(data[i : i + 1])
        h.wfile.flush()


def _slow_headers(site: HostileSite, h: BaseHTTPRequestHandler) -> None:
    """The status line and headers a byte at a time (a minute of them at 0.25 s), then a feed."""
    body = good_feed()
    head = (
        b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n"
        + b"X-Padding: "
        + b"x" * 160
        + b"\r\n"
        + b"Content-Length: %d\r\n\r\n" % len(body)
    )
    _trickle(site, h, head)
    if not site.stop.is_set():
        h.wfile.write(body)
    h.close_connection = True


def _slow_body(site: HostileSite, h: BaseHTTPRequestHandler) -> None:
    """Prompt headers, then the feed a byte at a time (minutes of it)."""
    body = good_feed()
    h.send_response(200)
    h.send_header("Content-Type", "application/rss+xml")
    h.send_header("Content-Length", str(len(body)))
    h.end_headers()
    _trickle(site, h, body)
    h.close_connection = True


def _hop(site: HostileSite, h: BaseHTTPRequestHandler, n: int) -> None:
    """A chain of ``HOPS`` redirects, each answering after ``HOP_DELAY_S``, ending at the good feed."""
    if site.stop.wait(HOP_DELAY_S):
        return
    if n < HOPS:
        site._redirect(h, f"/hop/{n + 1}")
    else:
        site._send(h, 200, good_feed())


def _stale_304(site: HostileSite, h: BaseHTTPRequestHandler) -> None:
    """Always the same ETag; 304 whenever one is offered, though the content has changed."""
    headers = {"ETag": '"stale-v1"', "Last-Modified": "Fri, 13 Jun 2025 12:00:00 GMT"}
    if h.headers.get("If-None-Match") or h.headers.get("If-Modified-Since"):
        h.send_response(304)
        for key, value in headers.items():
            h.send_header(key, value)
        h.end_headers()
        return
    version = site.stale_version
    items = [
        (f"Stale story {n}", f"/article/stale-{n}", f"v{version}", BASE_TIME + timedelta(hours=n))
        for n in range(1, version + 2)
    ]
    site._send(h, 200, rss(items, title="Stale ETag").encode(), headers=headers)


def _flaky(site: HostileSite, h: BaseHTTPRequestHandler) -> None:
    if site.flaky_failures > 0:
        site.flaky_failures -= 1
        site._send(h, 503, b"try later", "text/plain", {"Retry-After": "0"})
    else:
        site._send(h, 200, good_feed())


_HANDLERS: dict[str, Callable[[HostileSite, BaseHTTPRequestHandler], None]] = {
    ROUTES["good"]: lambda s, h: s._send(h, 200, good_feed()),
    ROUTES["good_atom"]: lambda s, h: s._send(h, 200, good_atom(), "application/atom+xml"),
    ROUTES["http_404"]: lambda s, h: s._send(h, 404, b"no such feed", "text/plain"),
    ROUTES["http_410"]: lambda s, h: s._send(h, 410, b"gone for good", "text/plain"),
    ROUTES["http_429"]: lambda s, h: s._send(
        h, 429, b"slow down", "text/plain", {"Retry-After": "1"}
    ),
    ROUTES["http_500"]: lambda s, h: s._send(h, 500, b"oops", "text/plain"),
    ROUTES["hang"]: _hang,
    ROUTES["reset"]: _reset,
    ROUTES["too_big"]: lambda s, h: s._stream(
        h, BIG_BODY_BYTES, "application/rss+xml", b"<?xml version='1.0'?><rss>"
    ),
    ROUTES["gzip_bomb"]: lambda s, h: s._send(
        h, 200, gzip_bomb(), "application/rss+xml", {"Content-Encoding": "gzip"}
    ),
    ROUTES["redirect_loop"]: lambda s, h: s._redirect(h, ROUTES["redirect_loop"] + "?again"),
    ROUTES["redirect_metadata"]: lambda s, h: s._redirect(h, METADATA_URL),
    ROUTES["redirect_private"]: lambda s, h: s._redirect(h, PRIVATE_URL),
    ROUTES["redirect_file"]: lambda s, h: s._redirect(h, FILE_URL),
    ROUTES["redirect_ftp"]: lambda s, h: s._redirect(h, FTP_URL),
    ROUTES["malformed"]: lambda s, h: s._send(h, 200, MALFORMED),
    ROUTES["truncated"]: lambda s, h: s._send(h, 200, good_feed()[: len(good_feed()) * 2 // 3]),
    ROUTES["billion_laughs"]: lambda s, h: s._send(h, 200, BILLION_LAUGHS),
    ROUTES["latin1_as_utf8"]: lambda s, h: s._send(
        h, 200, LATIN1_AS_UTF8, "application/rss+xml; charset=utf-8"
    ),
    ROUTES["empty_feed"]: lambda s, h: s._send(h, 200, EMPTY_FEED),
    ROUTES["empty_body"]: lambda s, h: s._send(h, 200, b""),
    ROUTES["stale_304"]: _stale_304,
    ROUTES["many_items"]: lambda s, h: s._send(h, 200, many_items_feed()),
    ROUTES["not_a_feed"]: lambda s, h: s._send(
        h, 200, b"<html><body><p>Welcome to our homepage</p></body></html>", "text/html"
    ),
    ROUTES["gzip_file"]: lambda s, h: s._send(
        h, 200, gzip.compress(good_feed()), "application/gzip"
    ),
    ROUTES["blank_line_prolog"]: lambda s, h: s._send(h, 200, b"\n\n" + good_feed()),
    ROUTES["page_good"]: lambda s, h: s._send(
        h, 200, article_page("good"), "text/html; charset=utf-8"
    ),
    ROUTES["page_empty"]: lambda s, h: s._send(h, 200, b"", "text/html"),
    ROUTES["page_binary"]: lambda s, h: s._send(
        h,
        200,
        bytes(range(256)) * 400,
        "text/html",  # lies about its type
    ),
    ROUTES["page_50mb"]: lambda s, h: s._stream(h, PAGE_50MB_BYTES, "text/html", b"<html><body>"),
    ROUTES["page_404"]: lambda s, h: s._send(h, 404, b"", "text/html"),
    ROUTES["page_private"]: lambda s, h: s._send(h, 200, article_page("private"), "text/html"),
    ROUTES["retry_then_ok"]: _flaky,
    ROUTES["slow_headers"]: _slow_headers,
    ROUTES["slow_body"]: _slow_body,
}


@contextlib.contextmanager
def hostile_server() -> Iterator[HostileSite]:
    """Start the hostile site on 127.0.0.1:0; stops (releasing hung requests) on exit."""
    with HostileSite() as site:
        yield site


@pytest.fixture(scope="module")
def hostile() -> Iterator[HostileSite]:
    with hostile_server() as site:
        yield site


def test_policy(**overrides: Any) -> Any:
    """The FetchPolicy the fault suite uses: loopback allowed, short timeouts, tiny backoff."""
    from extractors.fetch.client import FetchPolicy

    values: dict[str, Any] = {
        "timeout_s": 1.0,
        "connect_timeout_s": 1.0,
        "max_retries": 1,
        "retry_backoff_s": 0.05,
        "max_retry_after_s": 1.0,
        "per_host_interval_s": 0.0,
        "per_host_concurrency": 8,
        "allowed_private_networks": ("127.0.0.0/8",),
    }
    values.update(overrides)
    return FetchPolicy(**values)


test_policy.__test__ = False  # type: ignore[attr-defined]  # not a test, despite its name


def fixture_feed_names() -> list[str]:
    return sorted(
        p.name for p in FIXTURE_FEEDS.iterdir() if p.is_file() and p.name != "SOURCES.tsv"
    )


def wait_until(predicate: Callable[[], bool], timeout_s: float = 5.0) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.01)
    return predicate()


@dataclass(frozen=True)
class FeedCase:
    name: str
    status: FetchStatus
    reason: str | None = None  # a fragment of the error (or bozo) text
    entries: int | None = None
    url: str | None = None  # for cases that are not server routes


FEED_CASES = [
    FeedCase("good", FetchStatus.OK, entries=3),
    FeedCase("good_atom", FetchStatus.OK, entries=1),
    FeedCase("http_404", FetchStatus.HARD_ERROR, "HTTP 404"),
    FeedCase("http_410", FetchStatus.HARD_ERROR, "HTTP 410"),
    FeedCase("http_429", FetchStatus.SOFT_ERROR, "HTTP 429"),
    FeedCase("http_500", FetchStatus.SOFT_ERROR, "HTTP 500"),
    FeedCase("hang", FetchStatus.SOFT_ERROR, "timed out after 1.0 s"),
    FeedCase("slow_headers", FetchStatus.SOFT_ERROR, "transfer took longer than"),
    FeedCase("slow_body", FetchStatus.SOFT_ERROR, "transfer took longer than"),
    FeedCase("reset", FetchStatus.SOFT_ERROR, "connection"),
    FeedCase("too_big", FetchStatus.HARD_ERROR, "body larger than 10000000 bytes"),
    FeedCase("gzip_bomb", FetchStatus.HARD_ERROR, "decompressed body larger than"),
    FeedCase("redirect_loop", FetchStatus.HARD_ERROR, "too many redirects"),
    FeedCase("redirect_metadata", FetchStatus.HARD_ERROR, "refused: 169.254.169.254 is link-local"),
    FeedCase("redirect_private", FetchStatus.HARD_ERROR, "refused: 10.0.0.1 is private"),
    FeedCase("redirect_file", FetchStatus.HARD_ERROR, "refused: scheme 'file'"),
    FeedCase("redirect_ftp", FetchStatus.HARD_ERROR, "refused: scheme 'ftp'"),
    FeedCase("file_url", FetchStatus.HARD_ERROR, "refused: scheme 'file'", url=FILE_URL),
    FeedCase("ftp_url", FetchStatus.HARD_ERROR, "refused: scheme 'ftp'", url=FTP_URL),
    FeedCase(
        "metadata_url", FetchStatus.HARD_ERROR, "link-local", url="http://169.254.169.254/latest/"
    ),
    FeedCase("malformed", FetchStatus.OK, "SAXParseException", entries=2),
    FeedCase("truncated", FetchStatus.OK, "SAXParseException", entries=2),
    FeedCase("billion_laughs", FetchStatus.HARD_ERROR, "refused XML entity declarations"),
    FeedCase("latin1_as_utf8", FetchStatus.OK, entries=1),
    FeedCase("empty_feed", FetchStatus.OK, entries=0),
    FeedCase("empty_body", FetchStatus.HARD_ERROR, "not a feed: empty body"),
    FeedCase("not_a_feed", FetchStatus.HARD_ERROR, "not a feed"),
    FeedCase("many_items", FetchStatus.OK, entries=200),
    FeedCase("gzip_file", FetchStatus.OK, entries=3),
    FeedCase("blank_line_prolog", FetchStatus.OK, entries=3),
]
