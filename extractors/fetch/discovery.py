"""Finding a site's feed from its home page, or checking a feed URL (``dealwatch feeds add``).

A URL that is a feed is taken as it is. Otherwise the page is read for the feeds
it declares (``<link rel="alternate" type="application/rss+xml">``, and links that
look like feeds, by trafilatura's feed finder, which is given the page and never
fetches anything itself), then the places feeds usually are (``/feed``,
``/rss.xml``...). Every request goes through the run's guarded client; the first
candidate that parses as a feed is the answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from trafilatura.feeds import FeedParameters, determine_feed

from extractors.fetch.client import Fetcher
from extractors.fetch.feeds import FeedParseError, read_feed
from extractors.urls import domain_of

# Where sites keep their feed when their pages do not say (WordPress, Blogger, static sites).
COMMON_FEED_PATHS = (
    "/feed",
    "/rss",
    "/feed.xml",
    "/rss.xml",
    "/atom.xml",
    "/index.xml",
    "/feeds/posts/default",
)
# Candidates tried at most: a page declaring a hundred "feeds" does not cost a hundred requests.
MAX_CANDIDATES = 12


class DiscoveryError(ValueError):
    """No feed could be found or read at the URL; ``str()`` says why, in one line."""


@dataclass(frozen=True, slots=True)
class DiscoveredFeed:
    url: str  # the feed's own URL (where redirects ended)
    title: str | None  # the feed's title, as it gives it
    entries: int  # how many items it holds now


def feed_links(html: str, page_url: str) -> list[str]:
    """The feeds a page declares or links to, absolute, in the page's order."""
    parts = urlsplit(page_url)
    base = f"{parts.scheme}://{parts.netloc}"
    params = FeedParameters(base, domain_of(page_url), page_url)
    return [urljoin(page_url, link) for link in determine_feed(html, params)]


def _as_feed(fetcher: Fetcher, url: str) -> DiscoveredFeed | str:
    """The feed at ``url``, or why it is none."""
    response = fetcher.get(url, kind="feed")
    if not response.ok:
        return f"{url}: {response.error}"
    try:
        entries, _, title = read_feed(
            response.body, feed_url=response.final_url, headers=response.headers
        )
    except FeedParseError as exc:
        return f"{url}: {exc}"
    return DiscoveredFeed(response.final_url, title, len(entries))


def discover_feed(fetcher: Fetcher, url: str) -> DiscoveredFeed:
    """The feed ``url`` is, or the one its page leads to; raises ``DiscoveryError``."""
    response = fetcher.get(url, kind="feed")
    if not response.ok:
        raise DiscoveryError(f"{url} cannot be read: {response.error}")
    try:
        entries, _, title = read_feed(
            response.body, feed_url=response.final_url, headers=response.headers
        )
        return DiscoveredFeed(response.final_url, title, len(entries))
    except FeedParseError:
        pass
    page = response.body.decode("utf-8", "replace")
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(response.final_url))
    candidates = list(
        dict.fromkeys(
            [
                *feed_links(page, response.final_url),
                *(origin + path for path in COMMON_FEED_PATHS),
            ]
        )
    )[:MAX_CANDIDATES]
    reasons = []
    for candidate in candidates:
        found = _as_feed(fetcher, candidate)
        if isinstance(found, DiscoveredFeed):
            return found
        reasons.append(found)
    raise DiscoveryError(
        f"{url} is not a feed and leads to none (tried {len(candidates)}: {reasons[0]}"
        + (f"; and {len(reasons) - 1} more" if len(reasons) > 1 else "")
        + ")"
    )
