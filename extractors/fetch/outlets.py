"""Every article's outlet has a name: the page's, the feed's, or its registered domain.

In that order (``outlet_name``):

1. the page: ``og:site_name`` or the JSON-LD publisher (trafilatura's sitename;
   what trafilatura derives from the URL or a title fragment such as
   ``example.com`` is not a name and is passed over);
2. the feed: the item's ``<source>`` (Google News), Bing's ``News:Source``, or
   the channel's title when the item is on the channel's own site;
3. the registered domain of the page's URL (``edition.cnn.com`` -> ``cnn.com``),
   from the public suffix list bundled with ``courlan`` (no download), or the
   host itself for an address or a name with no public suffix.

A wire copy keeps naming the wire where the page says so: a page whose text
opens with an agency's dateline (``SAN FRANCISCO (Reuters) -``) or whose author
is the agency is stored under the agency's name (``extractors/fetch/data/wires.toml``),
so that its copies read as the one story they are.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from courlan import extract_domain

from extractors.urls import domain_of

WIRES_FILE = Path(__file__).resolve().parent / "data" / "wires.toml"
# A dateline opens a story: in its first characters, on one of its first lines (a byline may
# come before it).
DATELINE_CHARS = 250
DATELINE_LINES = 3
# A name that is a host, as trafilatura falls back to: "example.com", "news.example.co.uk:8080".
_HOSTLIKE = re.compile(r"^(?:https?://)?[\w-]+(?:\.[\w-]+)+(?::\d+)?/?$", re.IGNORECASE)
_BYLINE = re.compile(r"^\s*by\s+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Wire:
    name: str
    aliases: tuple[str, ...]


@lru_cache(maxsize=1)
def wires() -> tuple[Wire, ...]:
    with WIRES_FILE.open("rb") as fh:
        data = tomllib.load(fh)
    return tuple(Wire(w["name"], tuple(w["aliases"])) for w in data["wire"])


@lru_cache(maxsize=1)
def _dateline() -> re.Pattern[str]:
    names = sorted({a for w in wires() for a in w.aliases}, key=len, reverse=True)
    # A place and a date before it, with no sentence ended yet: "WASHINGTON, June 13 (AP) —".
    return re.compile(
        r"^\W*[^\n.()]{0,80}?\(\s*("
        + "|".join(re.escape(n) for n in names)
        + r")\s*\)\s*(?:-|–|—|:)"
    )


def _wire_named(name: str) -> str | None:
    wanted = name.strip().lower()
    return next((w.name for w in wires() if any(a.lower() == wanted for a in w.aliases)), None)


def wire_of(text: str, author: str | None = None) -> str | None:
    """The news agency the page says the story is from (its dateline or author), or None."""
    for opening in text[:DATELINE_CHARS].splitlines()[:DATELINE_LINES]:
        match = _dateline().match(opening)
        if match:
            return _wire_named(match.group(1))
    if author:
        return _wire_named(_BYLINE.sub("", author))
    return None


def registered_domain(url: str) -> str:
    """``https://edition.cnn.com/x`` -> ``cnn.com``; an address or a bare host as it is."""
    host = domain_of(url)
    return _registered(host) if host else ""


@lru_cache(maxsize=1 << 14)
def _registered(host: str) -> str:
    """A host's registered domain (every item of a feed is on a handful of hosts: cached)."""
    try:
        found = extract_domain(f"http://{host}/")
    except (ValueError, AttributeError):  # courlan's parse of a malformed host
        found = None
    return found or host


def is_hostlike(name: str) -> bool:
    return bool(_HOSTLIKE.match(name.strip()))


def clean_name(name: str | None) -> str | None:
    """An outlet's name as given, or None when there is none (empty, or only a host)."""
    text = " ".join((name or "").split())
    return text if text and not is_hostlike(text) else None


def outlet_name(
    url: str,
    *,
    site_name: str | None = None,
    feed_outlet: str | None = None,
    text: str = "",
    author: str | None = None,
) -> str:
    """The outlet to store an article under; for a web page never empty, and never one word for
    every unknown outlet (a file's URL names none: ``extractors.documents`` names those)."""
    wire = wire_of(text, author) if text or author else None
    return wire or clean_name(site_name) or clean_name(feed_outlet) or registered_domain(url)


def same_site(url: str, other: str) -> bool:
    """Whether two URLs are on one registered domain (an item on its channel's own site)."""
    mine, theirs = registered_domain(url), registered_domain(other)
    return bool(mine) and mine == theirs
