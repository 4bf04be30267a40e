"""A small news site on 127.0.0.1 for tests: feeds and article pages the test defines.

    with NewsSite() as site:
        site.route("/feed.xml", rss_feed(...), content_type="application/rss+xml")
        site.route("/slow.xml", b"...", delay_s=5)          # answers after a delay
        site.route("/broken.xml", b"oops", status=500)
        url = site.url("/feed.xml")

Routes can be changed while the server runs; every request is recorded in
``site.requests`` as (method, path, headers). ``NewsSite(port=N)`` serves on a
given port (a host that was down coming back at its address).
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from html import escape
from typing import Any

from tests.support.local_server import LocalServer, QuietHandler


@dataclass
class Route:
    body: bytes
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    delay_s: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)


class NewsSite(LocalServer):
    def __init__(self, port: int = 0) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, str, dict[str, str]]] = []
        site = self

        class Handler(QuietHandler):
            def do_GET(self) -> None:  # noqa: N802 - the http.server hook name
                site.requests.append(("GET", self.path, dict(self.headers)))
                route = site.routes.get(self.path.split("?")[0])
                if route is None:
                    self.answer(404, b"", "text/plain")
                    return
                if route.delay_s:
                    time.sleep(route.delay_s)
                self.answer(route.status, route.body, route.content_type, route.headers.items())

        super().__init__(Handler, port)

    def url(self, path: str) -> str:
        return f"{self.base}{path}"

    def route(self, path: str, body: bytes | str, **kwargs: Any) -> str:
        self.routes[path] = Route(body=body.encode() if isinstance(body, str) else body, **kwargs)
        return self.url(path)


def rss_feed(title: str, items: list[dict[str, str]], *, updated: datetime) -> str:
    """An RSS 2.0 document; each item has title, link, description and optionally guid."""
    entries = "".join(
        f"<item><title>{escape(i['title'])}</title><link>{escape(i['link'])}</link>"
        f"<guid>{escape(i.get('guid', i['link']))}</guid>"
        f"<description>{escape(i.get('description', ''))}</description>"
        f"<pubDate>{format_datetime(updated)}</pubDate></item>"
        for i in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>http://example.invalid/</link><description>test</description>"
        f"{entries}</channel></rss>"
    )


def article_page(
    *, title: str, author: str, published: str, outlet: str, paragraphs: list[str]
) -> str:
    """A whole news page: navigation, the article, related links and a footer around it."""
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    nav = "".join(
        f'<li><a href="/section/{n}">{n.title()}</a></li>'
        for n in ("world", "business", "tech", "ai")
    )
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{escape(title)} | {escape(outlet)}</title>
<meta property="og:title" content="{escape(title)}">
<meta property="og:site_name" content="{escape(outlet)}">
<meta name="author" content="{escape(author)}">
<meta property="article:published_time" content="{escape(published)}">
</head><body>
<header><nav><ul>{nav}</ul></nav></header>
<main><article><h1>{escape(title)}</h1><p class="byline">By {escape(author)}</p>{body}</article></main>
<aside><h2>Related</h2><ul><li><a href="/r/1">Markets close higher</a></li></ul></aside>
<footer><p>Copyright {escape(outlet)}. All rights reserved.</p></footer>
</body></html>"""


FEED_UPDATED = datetime(2025, 6, 20, 9, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Story:
    """One article of a test site: its page, and its item (first paragraph) in the site's feed."""

    path: str
    outlet: str
    title: str
    paragraphs: tuple[str, ...]
    author: str = "Staff"


def publish(
    site: NewsSite,
    stories: Iterable[Story],
    *,
    feed_path: str = "/feed.xml",
    feed_title: str = "Newsroom",
) -> str:
    """Every story as a page, and one feed listing them all; returns the feed's URL."""
    stories = list(stories)
    for story in stories:
        site.route(
            story.path,
            article_page(
                title=story.title,
                author=story.author,
                published="2025-06-20T09:00:00Z",
                outlet=story.outlet,
                paragraphs=list(story.paragraphs),
            ),
        )
    items = [
        {"title": s.title, "link": site.url(s.path), "description": s.paragraphs[0]}
        for s in stories
    ]
    return site.route(
        feed_path,
        rss_feed(feed_title, items, updated=FEED_UPDATED),
        content_type="application/rss+xml; charset=utf-8",
    )
