"""Google News on 127.0.0.1, in its real formats: search feeds, article pages, the decode call.

    with GoogleNews() as gnews:
        link = gnews.article_link("http://127.0.0.1:5000/news/x")        # a new-format id
        old = gnews.article_link("http://...", offline=True)               # an id holding its URL
        feed = gnews.search_feed("acqui-hire", [Item(link, "Title", "Reuters", "https://www.reuters.com")])
        gnews.base                                                         # [feeds] google_news_url

Links are ``https://news.google.com/rss/articles/<id>?oc=5``, as in Google's
feeds: what the decoder must know is that the id, not the host, is Google's.
The fake answers at its own address as Google does at news.google.com:

* ``GET /rss/articles/<id>`` -> an HTML page whose ``c-wiz > div[jscontroller]``
  carries ``data-n-a-sg`` (a signature) and ``data-n-a-ts`` (a timestamp);
* ``POST /_/DotsSplashUi/data/batchexecute`` with ``f.req`` -> ``)]}'`` then the
  envelopes, one ``["wrb.fr","Fbv4je","[\\"garturlres\\",\\"<url>\\",1]",null,null,null,"<key>"]``
  per request whose signature and timestamp match its id (a wrong one gets a
  null payload, as Google answers), then ``["di",..]`` and ``["af.httprm",..]``.

Every request is counted in ``requests`` as (method, path).
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from html import escape
from typing import Any
from urllib.parse import parse_qs, urlsplit

from tests.support.local_server import LocalServer, QuietHandler

TIMESTAMP = "1750000000"


def _varint(n: int) -> bytes:
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        out.append(byte | (0x80 if n else 0))
        if not n:
            return bytes(out)


def _article_id(payload: bytes) -> str:
    raw = b"\x08\x13\x22" + _varint(len(payload)) + payload + b"\xd2\x01\x00"
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


@dataclass(frozen=True)
class Item:
    link: str
    title: str
    outlet: str
    outlet_url: str
    published: datetime = datetime(2025, 6, 13, 12, 0, tzinfo=UTC)


class GoogleNews(LocalServer):
    def __init__(self) -> None:
        self.targets: dict[str, str] = {}  # id -> publisher URL
        self.feeds: dict[str, bytes] = {}
        self.requests: list[tuple[str, str]] = []
        self.refuse_decoding = False  # answer the decode call with HTTP 429, as Google may
        news = self

        class Handler(QuietHandler):
            def do_GET(self) -> None:  # noqa: N802 - the http.server hook name
                news.requests.append(("GET", self.path))
                path = urlsplit(self.path).path
                if path in news.feeds:
                    self.answer(200, news.feeds[path], "application/xml; charset=utf-8")
                    return
                article_id = path.removeprefix("/rss/articles/")
                if article_id in news.targets:
                    self.answer(200, _article_page(article_id).encode(), "text/html; charset=utf-8")
                    return
                self.answer(404, b"Not found", "text/html")

            def do_POST(self) -> None:  # noqa: N802 - the http.server hook name
                news.requests.append(("POST", self.path))
                length = int(self.headers.get("Content-Length") or 0)
                form = parse_qs(self.rfile.read(length).decode("ascii"))
                if urlsplit(self.path).path != "/_/DotsSplashUi/data/batchexecute":
                    self.answer(404, b"Not found", "text/html")
                elif news.refuse_decoding:
                    self.answer(429, b"Too Many Requests", "text/html")
                else:
                    body = news.batchexecute_answer(form.get("f.req", ["[]"])[0])
                    self.answer(200, body.encode(), "application/json; charset=utf-8")

        super().__init__(Handler)

    def article_link(self, target: str, *, offline: bool = False) -> str:
        """A Google News link to ``target``: a new-format id Google must decode, or (``offline``)
        an old one that holds the URL itself."""
        if offline:
            article_id = _article_id(target.encode("ascii"))
        else:
            token = hashlib.sha256(target.encode()).hexdigest()[:40]
            article_id = _article_id(b"AU_yqL" + token.encode("ascii"))
        self.targets[article_id] = target
        return f"https://news.google.com/rss/articles/{article_id}?oc=5"

    def search_feed(self, query: str, items: list[Item]) -> str:
        path = f"/rss/search/{hashlib.sha256(query.encode()).hexdigest()[:8]}.xml"
        self.feeds[path] = search_feed(query, items).encode("utf-8")
        return self.base + path

    def decode_calls(self) -> int:
        return sum(1 for method, _ in self.requests if method == "POST")

    def batchexecute_answer(self, freq: str) -> str:
        envelopes = json.loads(freq)[0]
        rows: list[list[Any]] = []
        for rpc, inner_json, _none, key in envelopes:
            inner = json.loads(inner_json)
            article_id, timestamp, signature = inner[2], str(inner[3]), inner[4]
            good = (
                rpc == "Fbv4je"
                and inner[0] == "garturlreq"
                and article_id in self.targets
                and signature == _signature(article_id)
                and timestamp == TIMESTAMP
            )
            payload = (
                json.dumps(["garturlres", self.targets[article_id], 1], separators=(",", ":"))
                if good
                else None
            )
            rows.append(["wrb.fr", "Fbv4je", payload, None, None, None if good else [3], key])
        rows += [["di", 42], ["af.httprm", 41, "-6231385497893433016", 14]]
        return ")]}'\n\n" + json.dumps(rows, separators=(",", ":"))


def _signature(article_id: str) -> str:
    return "AU_yqL" + hashlib.sha256(("sig" + article_id).encode()).hexdigest()[:24]


def _article_page(article_id: str) -> str:
    """Google News' article page as a client without JavaScript gets it (abridged)."""
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Google News</title>'
        '<script nonce="x">window.WIZ_global_data = {};</script></head><body>'
        '<c-wiz jsrenderer="zWZj7d" class="zQTmif SSPGKf" jsdata="deferred-i1" data-p="%.@.]">'
        f'<div jscontroller="aLI87" data-n-a-sg="{_signature(article_id)}" '
        f'data-n-a-ts="{TIMESTAMP}" data-n-a-id="{article_id}" jsaction="rcuQ6b:npT2md"></div>'
        "</c-wiz><noscript>Opening the article requires JavaScript.</noscript></body></html>"
    )


def search_feed(query: str, items: list[Item]) -> str:
    """A Google News search feed as Google serves it: outlet after each title, <source>."""
    entries = []
    for item in items:
        article_id = urlsplit(item.link).path.rsplit("/", 1)[-1]
        description = (
            f'<a href="{item.link}" target="_blank">{escape(item.title)}</a>'
            f'&nbsp;&nbsp;<font color="#6f6f6f">{escape(item.outlet)}</font>'
        )
        entries.append(
            f"<item><title>{escape(item.title)} - {escape(item.outlet)}</title>"
            f"<link>{escape(item.link)}</link>"
            f'<guid isPermaLink="false">{article_id}</guid>'
            f"<pubDate>{format_datetime(item.published, usegmt=True)}</pubDate>"
            f"<description>{escape(description)}</description>"
            f'<source url="{escape(item.outlet_url)}">{escape(item.outlet)}</source></item>'
        )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel>'
        "<generator>NFE/5.0</generator>"
        f"<title>&quot;{escape(query)}&quot; - Google News</title>"
        f"<link>https://news.google.com/search?q={escape(query)}&amp;hl=en-US&amp;gl=US&amp;ceid=US:en</link>"
        "<language>en-US</language><webMaster>news-webmaster@google.com</webMaster>"
        "<copyright>Copyright © 2025 Google. All rights reserved.</copyright>"
        "<description>Google News</description>"
        f"<lastBuildDate>{format_datetime(datetime(2025, 6, 13, 13, 0, tzinfo=UTC), usegmt=True)}</lastBuildDate>"
        + "".join(entries)
        + "</channel></rss>"
    )
