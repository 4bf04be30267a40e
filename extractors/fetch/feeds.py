"""Polling feeds: conditional GET that cannot freeze, parsing from bytes, page fetching.

feedparser is only ever handed bytes already fetched (wrapped in a BytesIO, so
it can neither fetch a URL nor open a file named by the body) together with the
response headers, which tell it the declared encoding and the base URL.
"""

from __future__ import annotations

import calendar
import codecs
import functools
import hashlib
import html
import io
import logging
import re
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urljoin

import feedparser

from extractors.fetch.aggregators import unwrap
from extractors.fetch.client import (
    GZIP_MAGIC,
    BodyTooLarge,
    Fetcher,
    FetchResponse,
    gunzip_limited,
    map_in_threads,
)
from extractors.fetch.outlets import clean_name, same_site
from extractors.fetch.plain_rss import PLAIN_ABSOLUTE_URL, content_type, plain_rss_reading
from extractors.records import FeedEntry, FeedPollResult, FeedState, FetchStatus, PageFetch
from extractors.urls import canonical_url, storable_text

log = logging.getLogger(__name__)

# Defaults equal flows/settings.py FeedSettings (min/max_poll_interval_min).
MIN_POLL_INTERVAL = timedelta(minutes=15)
MAX_POLL_INTERVAL = timedelta(minutes=360)
# A gzip-stored feed file may expand this far; real feeds are a few MB at most.
MAX_FEED_BYTES = 50_000_000
# Gaps between the newest entries only: a feed's pace today, not in 2015.
RECENT_GAPS = 20
# Poll a few times per typical gap between posts, so a new one waits about a third of it.
POLLS_PER_GAP = 3

# A tag starts with a letter, "/" or "!": "a < b" and diff lines are text, not markup.
_TAGS = re.compile(r"<!--.*?-->|<[/!?]?[A-Za-z][^<>]*>", re.DOTALL)
_SPACE = re.compile(r"\s+")
# An entity declaration inside the DOCTYPE whose value refers to other entities or to
# an outside resource: the shape of billion-laughs and XXE. Plain-text entities are fine.
_DANGEROUS_ENTITY = re.compile(
    rb"<!ENTITY\s+%?\s*[\w.:-]+\s+(?:SYSTEM|PUBLIC|\"[^\"]*&|'[^']*&)", re.IGNORECASE
)
_DOCTYPE_SUBSET = re.compile(rb"<!DOCTYPE[^>\[]*\[", re.IGNORECASE)
# The encodings a document may be read in, named where the check above could look at it:
# its XML declaration, the Content-Type charset, or feedparser's sniffing of EBCDIC. In one
# that need not write "<!ENTITY" as ASCII does (UTF-7 may write "<+ACE-ENTITY") the bytes hide
# the declarations, so the check reads the document decoded.
_DECLARED_ENCODING = re.compile(rb'^<\?xml[^>]*?encoding=[\'"]([A-Za-z0-9._-]{1,40})[\'"]')
_EBCDIC_XML = b"\x4c\x6f\xa7\x94"  # "<?xm" in cp037, as feedparser sniffs it
# A numeric character reference. One to a character XML does not allow (a lone surrogate
# "&#xD800;", past U+10FFFF "&#x110000;", a control) makes expat refuse the whole document,
# and feedparser's fallback parser raise (chr() or UTF-8 fails): one bad item took its feed,
# and the run, down. Such a reference is rewritten to U+FFFD before either parser reads it.
_CHAR_REFERENCE = re.compile(rb"&#(?:[xX]([0-9A-Fa-f]{1,16})|([0-9]{1,20}));")
_CHAR_REFERENCE_TEXT = re.compile(r"&#(?:[xX]([0-9A-Fa-f]{1,16})|([0-9]{1,20}));")
_REPLACEMENT_REFERENCE = "&#xFFFD;"
# Encodings in which "&#" is not ASCII, told by their first bytes (XML 1.0 appendix F);
# UTF-32 first, whose little-endian mark begins with UTF-16's.
_WIDE_ENCODINGS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"<\x00\x00\x00", "utf-32-le"),
    (b"\x00\x00\x00<", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
    (b"<\x00", "utf-16-le"),
    (b"\x00<", "utf-16-be"),
)
# Reasons for skipped items kept in the feed's health: enough to find them, not a list of all.
SKIPPED_REASONS_KEPT = 3


class FeedParseError(ValueError):
    """The bytes are not a feed; ``str()`` starts with ``not a feed:``."""


def body_hash(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def strip_html(text: str) -> str:
    """Plain text from a summary; twice, because some feeds escape their HTML twice."""
    text = text or ""
    if "<" not in text and "&" not in text:
        return _SPACE.sub(" ", text).strip()
    once = html.unescape(_TAGS.sub(" ", text))
    return _SPACE.sub(" ", html.unescape(_TAGS.sub(" ", once))).strip()


def is_xml_character(code: int) -> bool:
    """XML 1.0's Char production: what a character reference may name."""
    return (
        code in (0x9, 0xA, 0xD)
        or 0x20 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or 0x10000 <= code <= 0x10FFFF
    )


def _is_valid_reference(hex_digits: str | bytes | None, digits: str | bytes | None) -> bool:
    code = int(hex_digits, 16) if hex_digits is not None else int(digits or 0)
    return is_xml_character(code)


def _byte_reference(match: re.Match[bytes]) -> bytes:
    if _is_valid_reference(*match.groups()):
        return match.group(0)
    return _REPLACEMENT_REFERENCE.encode("ascii")


def _text_reference(match: re.Match[str]) -> str:
    return match.group(0) if _is_valid_reference(*match.groups()) else _REPLACEMENT_REFERENCE


def _wide_encoding(data: bytes) -> str | None:
    return next((codec for mark, codec in _WIDE_ENCODINGS if data.startswith(mark)), None)


def replace_invalid_references(data: bytes) -> bytes:
    """The document with every reference to a character XML does not allow made U+FFFD.

    In an ASCII-compatible encoding (UTF-8, Latin-1, ...) a reference is ASCII
    and is replaced in the bytes; a UTF-16 or UTF-32 document is decoded,
    mended and encoded back. Bytes that do not decode as their first bytes say
    are left to the parser (a crash there fails that feed alone).
    """
    codec = _wide_encoding(data)
    if codec is None:
        return _CHAR_REFERENCE.sub(_byte_reference, data) if b"&#" in data else data
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return data
    if "&#" not in text:
        return data
    return _CHAR_REFERENCE_TEXT.sub(_text_reference, text).encode(codec)


def _is_hiding(encoding: str) -> bool:
    """Whether text in ``encoding`` may hold "<!ENTITY" in other bytes than ASCII's: UTF-7
    (which may spell any character in base64), or one that reads ASCII's bytes otherwise."""
    try:
        codec = codecs.lookup(encoding).name
        return codec == "utf-7" or b"<!ENTITY".decode(codec) != "<!ENTITY"
    except (LookupError, UnicodeError):  # unknown to Python: feedparser cannot read in it either
        return False


def _decoded_views(data: bytes, charset: str | None) -> list[bytes]:
    """``data`` as its readers may decode it, in each encoding that hides markup from bytes."""
    names = {charset} if charset else set()
    declared = _DECLARED_ENCODING.match(data)
    if declared:
        names.add(declared.group(1).decode("ascii"))
    if data.startswith(_EBCDIC_XML):
        names.add("cp037")
    return [
        data.decode(name, "replace").encode("utf-8") for name in sorted(names) if _is_hiding(name)
    ]


def _prepare(body: bytes, charset: str | None = None) -> bytes:
    """The body decompressed and checked; ``charset`` is the Content-Type's, if any."""
    data = body
    if data[:2] == GZIP_MAGIC:
        try:
            data = gunzip_limited(data, MAX_FEED_BYTES)
        except BodyTooLarge as exc:
            raise FeedParseError(f"not a feed: {exc}") from exc
        except Exception as exc:  # zlib.error, EOFError
            raise FeedParseError(f"not a feed: corrupt gzip body ({exc})") from exc
    data = data.lstrip(b" \t\r\n")
    if not data:
        raise FeedParseError("not a feed: empty body")
    probe = data.replace(b"\0", b"") if b"\0" in data[:1024] else data  # UTF-16 prologs
    for view in (probe, *_decoded_views(data, charset)):
        subset = _DOCTYPE_SUBSET.search(view)
        if not subset:
            continue
        end = view.find(b"]>", subset.end())
        declarations = view[subset.end() : end if end >= 0 else len(view)]
        if _DANGEROUS_ENTITY.search(declarations):
            raise FeedParseError(
                "not a feed: refused XML entity declarations (entity expansion or external entity)"
            )
    return replace_invalid_references(data)


def _aware(struct: Any) -> datetime | None:
    if not struct:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(struct), tz=UTC)
    except (OverflowError, ValueError, TypeError):
        return None


def _join(base: str, link: str) -> str:
    return link if PLAIN_ABSOLUTE_URL.match(link) else urljoin(base, link)


def _item_outlet(raw: Mapping[str, Any], link: str, channel: Mapping[str, str]) -> str | None:
    """The outlet the feed names for an item: its ``<source>`` (Google News), Bing's
    ``News:Source``, or the channel's title when the item is on the channel's own site."""
    source = raw.get("source")
    named = source.get("title") if isinstance(source, Mapping) else None
    if not named and isinstance(raw.get("news_source"), str):
        named = raw["news_source"]
    if not named and channel.get("title") and channel.get("link") and link:
        named = channel["title"] if same_site(link, channel["link"]) else None
    return clean_name(strip_html(named)) if isinstance(named, str) else None


def _without_outlet(title: str, outlet: str | None) -> str:
    """Google News appends the outlet to each title ("Meta invests - Reuters"): taken off."""
    suffix = f" - {outlet}" if outlet else ""
    return title[: -len(suffix)].rstrip() if suffix and title.endswith(suffix) else title


def _entry(
    raw: Mapping[str, Any], base: str, feed_url: str, channel: Mapping[str, str] | None = None
) -> FeedEntry | None:
    link = raw.get("link") or ""
    if not link:
        for candidate in raw.get("links") or ():
            if candidate.get("href") and candidate.get("rel", "alternate") == "alternate":
                link = candidate["href"]
                break
    link = _join(base, link.strip()) if link else ""
    entry_id = (raw.get("id") or raw.get("guid") or link or "").strip()
    if not link and not entry_id:
        return None
    summary = raw.get("summary") or ""
    if not summary and raw.get("content"):
        summary = raw["content"][0].get("value", "")
    target = unwrap(link) if link else None  # a wrapper's publisher URL, read without a request
    url = target or link or entry_id
    outlet = _item_outlet(raw, url, channel or {})
    title = strip_html(raw.get("title") or "")
    return FeedEntry(
        feed_url=feed_url,
        entry_id=storable_text(entry_id),
        url=storable_text(url),
        title=storable_text(_without_outlet(title, outlet)),
        summary=storable_text(strip_html(summary)),
        published=_aware(_own(raw, "published_parsed") or _own(raw, "updated_parsed")),
        outlet=storable_text(outlet) if outlet else None,
        via=storable_text(link) if target else None,
    )


def _own(raw: Mapping[str, Any], key: str) -> Any:
    """A field's own value: FeedParserDict's lookup maps updated->published, with a
    DeprecationWarning, unless asked as a plain dict."""
    return dict.get(raw, key) if isinstance(raw, dict) else raw.get(key)


# A run asks for the canonical form of each entry's URL twice (dedup, then feed_items), and
# a feed repeats its entries run after run.
_canonical = functools.lru_cache(maxsize=1 << 16)(canonical_url)


def unique_entries(entries: Sequence[FeedEntry]) -> dict[str, FeedEntry]:
    """One entry per canonical URL (the first seen), keyed by that URL."""
    unique: dict[str, FeedEntry] = {}
    for entry in entries:
        unique.setdefault(_canonical(entry.url), entry)
    return unique


def parse_feed(
    body: bytes,
    *,
    feed_url: str,
    headers: Mapping[str, str] | None = None,
    max_items: int = 200,
) -> tuple[list[FeedEntry], str | None]:
    """Entries (newest first, at most ``max_items``) and feedparser's bozo message."""
    entries, bozo, _ = read_feed(body, feed_url=feed_url, headers=headers, max_items=max_items)
    return entries, bozo


def read_feed(
    body: bytes,
    *,
    feed_url: str,
    headers: Mapping[str, str] | None = None,
    max_items: int = 200,
) -> tuple[list[FeedEntry], str | None, str | None]:
    """``parse_feed``'s entries and complaint, and the feed's own title (None when it has none)."""
    response_headers = {k.lower(): v for k, v in (headers or {}).items()}
    data = _prepare(body, content_type(response_headers)[1] or None)
    response_headers.setdefault("content-location", feed_url)
    # Bytes from disk carry no headers; without this every such feed is "bozo" for it.
    response_headers.setdefault("content-type", "application/xml")
    response_headers.pop("content-encoding", None)  # already decompressed
    if data is not body and response_headers.get("content-type", "").lower().startswith(
        ("application/gzip", "application/x-gzip")
    ):
        response_headers["content-type"] = "application/xml"
    plain = plain_rss_reading(data, response_headers)
    if plain is not None:
        (raws, channel), bozo, has_root = plain, None, True
    else:
        raws, bozo, has_root, channel = feedparser_document(data, response_headers)
    if not has_root and not raws:
        raise FeedParseError(f"not a feed: {bozo or 'no RSS or Atom root element'}")
    entries, skipped = typed_entries(raws, feed_url, channel)
    if bozo and not entries:
        # A broken document that yields nothing is a failing feed, not an empty one.
        raise FeedParseError(f"malformed feed with no usable entry: {bozo}")
    oldest = datetime.min.replace(tzinfo=UTC)
    ordered = sorted(
        enumerate(entries), key=lambda pair: (pair[1].published or oldest, -pair[0]), reverse=True
    )
    complaints = [text for text in (bozo, skipped_note(skipped)) if text]
    title = storable_text(strip_html(channel.get("title") or "")) or None
    return (
        [entry for _, entry in ordered[: max(0, max_items)]],
        "; ".join(complaints) or None,
        title,
    )


def skipped_note(reasons: Sequence[str]) -> str | None:
    """One line for the feed's health: how many items were skipped, and why (the first few)."""
    if not reasons:
        return None
    shown = "; ".join(reasons[:SKIPPED_REASONS_KEPT])
    more = (
        f"; and {len(reasons) - SKIPPED_REASONS_KEPT} more"
        if len(reasons) > SKIPPED_REASONS_KEPT
        else ""
    )
    return f"{len(reasons)} item{'s' if len(reasons) > 1 else ''} skipped: {shown}{more}"


def feedparser_reading(
    data: bytes, response_headers: Mapping[str, str]
) -> tuple[list[Any], str | None, bool]:
    """feedparser's entries, its complaint (bozo) if any, and whether it saw an RSS or Atom root."""
    return feedparser_document(data, response_headers)[:3]


def feedparser_document(
    data: bytes, response_headers: Mapping[str, str]
) -> tuple[list[Any], str | None, bool, dict[str, str]]:
    """``feedparser_reading``'s three, and the channel's ``title`` and ``link``."""
    # resolve_relative_uris=False: summaries become plain text, the links inside them go anyway.
    try:
        parsed = feedparser.parse(
            io.BytesIO(data),
            response_headers=dict(response_headers),
            sanitize_html=False,
            resolve_relative_uris=False,
        )
    except (
        Exception
    ) as crash:  # feedparser's own crash on a hostile document: this feed fails alone
        raise FeedParseError(
            f"not a feed: the parser failed on it ({type(crash).__name__}: {crash})"
        ) from crash
    bozo = None
    if parsed.get("bozo"):
        exc = parsed.get("bozo_exception")
        bozo = f"{type(exc).__name__}: {exc}" if exc is not None else "malformed feed"
    feed = parsed.get("feed") or {}
    channel = {k: v for k in ("title", "link") if isinstance(v := feed.get(k), str) and v}
    return parsed.entries, bozo, bool(parsed.get("version")), channel


def feed_entries(raws: Sequence[Mapping[str, Any]], feed_url: str) -> list[FeedEntry]:
    """Typed entries from feedparser's (or ``plain_rss_items``'s), those with a link or an id."""
    return typed_entries(raws, feed_url)[0]


def typed_entries(
    raws: Sequence[Mapping[str, Any]], feed_url: str, channel: Mapping[str, str] | None = None
) -> tuple[list[FeedEntry], list[str]]:
    """The entries that could be typed, and for each item that could not, why."""
    entries: list[FeedEntry] = []
    skipped: list[str] = []
    for position, raw in enumerate(raws, start=1):
        try:
            entry = _entry(raw, feed_url, feed_url, channel)
        except (
            Exception
        ) as exc:  # feedparser's dicts are untyped: one odd item must not cost the rest
            skipped.append(f"item {position}: {type(exc).__name__}: {exc}")
            continue
        if entry is None:
            skipped.append(f"item {position} {_item_name(raw)}has no usable link or id")
        else:
            entries.append(entry)
    return entries, skipped


def _item_name(raw: Mapping[str, Any]) -> str:
    title = raw.get("title")
    return (
        f"({storable_text(strip_html(title))[:60]!r}) " if isinstance(title, str) and title else ""
    )


def next_poll_interval(
    entries_published: Sequence[datetime],
    *,
    min_interval: timedelta = MIN_POLL_INTERVAL,
    max_interval: timedelta = MAX_POLL_INTERVAL,
    previous: timedelta | None = None,
    changed: bool = True,
) -> timedelta:
    """How long to wait before the next poll, from how often the feed really publishes.

    With dated posts: the median gap between the newest ones, divided by
    ``POLLS_PER_GAP``. Without (many feeds carry no dates): the fastest pace
    while the body keeps changing, doubling the wait each time it comes back
    unchanged, so an undated feed is never left six hours behind a story.
    Always held within the bounds.
    """
    stamps = sorted(
        {d.astimezone(UTC) if d.tzinfo else d.replace(tzinfo=UTC) for d in entries_published},
        reverse=True,
    )
    stamps = stamps[: RECENT_GAPS + 1]
    if len(stamps) >= 2:
        gaps = [(a - b).total_seconds() for a, b in zip(stamps, stamps[1:], strict=False)]
        wanted = timedelta(seconds=statistics.median(gaps) / POLLS_PER_GAP)
    elif changed or previous is None:
        wanted = min_interval
    else:
        wanted = previous * 2
    return max(min_interval, min(max_interval, wanted))


def _conditional_headers(
    state: FeedState | None, now: datetime, unconditional_every: timedelta
) -> dict[str, str]:
    if state is None or state.validators_dropped:
        return {}
    last = state.last_unconditional_at
    if last is None or now - last >= unconditional_every:
        return {}
    headers: dict[str, str] = {}
    if state.etag:
        headers["If-None-Match"] = state.etag
    if state.last_modified:
        headers["If-Modified-Since"] = state.last_modified
    return headers


def _validators_lie(state: FeedState | None, response: FetchResponse, new_hash: str) -> bool:
    """An unconditional body changed while the validators the server gives did not."""
    if state is None or state.body_hash is None or state.body_hash == new_hash:
        return False
    etag = response.headers.get("etag")
    modified = response.headers.get("last-modified")
    same_etag = bool(state.etag) and etag == state.etag
    same_modified = bool(state.last_modified) and modified == state.last_modified and not etag
    return same_etag or same_modified


def _previous_interval(state: FeedState | None) -> timedelta | None:
    if state is None or not state.poll_interval_s:
        return None
    return timedelta(seconds=state.poll_interval_s)


def poll_feed(
    fetcher: Fetcher,
    feed_url: str,
    feed_name: str,
    state: FeedState | None,
    now: datetime,
    *,
    unconditional_every: timedelta,
    max_items: int,
    min_interval: timedelta = MIN_POLL_INTERVAL,
    max_interval: timedelta = MAX_POLL_INTERVAL,
) -> FeedPollResult:
    """One poll of one feed; every failure comes back as a status with a reason."""
    headers = _conditional_headers(state, now, unconditional_every)
    response = fetcher.get(feed_url, headers=headers, kind="feed")
    base = FeedPollResult(
        feed_url=feed_url,
        feed_name=feed_name,
        status=response.status,
        fetched_at=now,
        http_status=response.http_status,
        latency_ms=response.latency_ms,
        conditional=bool(headers),
        validators_dropped=bool(state and state.validators_dropped),
        error=response.error,
    )
    if response.status is FetchStatus.NOT_MODIFIED:
        if not headers or state is None:
            return replace(
                base,
                status=FetchStatus.SOFT_ERROR,
                error="HTTP 304 to a request without validators",
            )
        seconds = next_poll_interval(
            [],
            min_interval=min_interval,
            max_interval=max_interval,
            previous=_previous_interval(state),
            changed=False,
        ).total_seconds()
        return replace(
            base,
            etag=state.etag,
            last_modified=state.last_modified,
            body_hash=state.body_hash,
            poll_interval_s=seconds,
            next_poll_at=now + timedelta(seconds=seconds),
        )
    if response.status is not FetchStatus.OK:
        return base
    digest = body_hash(response.body)
    try:
        entries, bozo = parse_feed(
            response.body,
            feed_url=response.final_url,
            headers=response.headers,
            max_items=max_items,
        )
    except FeedParseError as exc:
        return replace(base, status=FetchStatus.HARD_ERROR, error=str(exc))
    dropped = base.validators_dropped
    if not headers and _validators_lie(state, response, digest):
        log.warning(
            "%s: body changed while its validators did not; no longer sending them", feed_url
        )
        dropped = True
    interval = next_poll_interval(
        [e.published for e in entries if e.published],
        min_interval=min_interval,
        max_interval=max_interval,
        previous=_previous_interval(state),
        changed=state is None or state.body_hash != digest,
    )
    return replace(
        base,
        etag=None if dropped else response.headers.get("etag"),
        last_modified=None if dropped else response.headers.get("last-modified"),
        body_hash=digest,
        entries=tuple(entries),
        bozo=bozo,
        unconditional_at=None if headers else now,
        validators_dropped=dropped,
        poll_interval_s=interval.total_seconds(),
        next_poll_at=now + interval,
    )


def poll_feeds(
    fetcher: Fetcher,
    feeds: Sequence[tuple[str, str, FeedState | None]],
    now: datetime,
    *,
    unconditional_every: timedelta,
    max_items: int,
    min_interval: timedelta = MIN_POLL_INTERVAL,
    max_interval: timedelta = MAX_POLL_INTERVAL,
) -> list[FeedPollResult]:
    """``poll_feed`` for each (url, name, state), ``max_concurrency`` at a time, in the order given."""
    if not feeds:
        return []

    def poll(feed: tuple[str, str, FeedState | None]) -> FeedPollResult:
        url, name, state = feed
        try:
            return poll_feed(
                fetcher,
                url,
                name,
                state,
                now,
                unconditional_every=unconditional_every,
                max_items=max_items,
                min_interval=min_interval,
                max_interval=max_interval,
            )
        except (
            Exception
        ) as exc:  # a bug met by one hostile feed: that feed fails, the others are polled
            log.exception("polling %s failed", url)
            return FeedPollResult(
                feed_url=url,
                feed_name=name,
                status=FetchStatus.HARD_ERROR,
                fetched_at=now,
                error=f"poll failed: {type(exc).__name__}: {exc}",
            )

    workers = max(1, min(fetcher.policy.max_concurrency, len(feeds)))
    return map_in_threads(poll, feeds, workers=workers, name="poll-feed")


def page_from_response(response: FetchResponse) -> PageFetch:
    return PageFetch(
        url=response.url,
        final_url=response.final_url,
        status=response.status,
        http_status=response.http_status,
        content_type=response.content_type,
        body=response.body,
        error=response.error,
        latency_ms=response.latency_ms,
    )


def fetch_page(fetcher: Fetcher, url: str) -> PageFetch:
    """One page; whatever goes wrong comes back as a failed fetch with its reason."""
    try:
        return page_from_response(fetcher.get(url, kind="page"))
    except Exception as exc:  # a bug met by one hostile link: that page fails, the batch goes on
        log.exception("fetching %s failed", url)
        return PageFetch(
            url=url,
            final_url=url,
            status=FetchStatus.HARD_ERROR,
            error=f"fetch failed: {type(exc).__name__}: {exc}",
        )


def fetch_entry_pages(fetcher: Fetcher, entries: Sequence[FeedEntry]) -> list[PageFetch]:
    """Each entry's page, in order; an entry whose aggregator link is unresolved is not fetched
    (the aggregator's own page is no article) and comes back failed with the reason, to be
    tried again on a later run."""
    wanted = [e.url for e in entries if not e.unresolved]
    fetched = iter(fetch_pages(fetcher, wanted))
    return [
        PageFetch(url=e.url, final_url=e.url, status=FetchStatus.SOFT_ERROR, error=e.unresolved)
        if e.unresolved
        else next(fetched)
        for e in entries
    ]


def fetch_pages(fetcher: Fetcher, urls: Sequence[str]) -> list[PageFetch]:
    """Pages in the order asked, fetched ``max_concurrency`` at a time (per-host caps in the Fetcher)."""
    if not urls:
        return []
    workers = max(1, min(fetcher.policy.max_concurrency, len(urls)))
    return map_in_threads(
        lambda url: fetch_page(fetcher, url), urls, workers=workers, name="fetch-page"
    )
