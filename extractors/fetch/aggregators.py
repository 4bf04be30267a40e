"""Aggregators' links to the publisher's page: unwrapped when the URL carries it, decoded when not.

Two kinds of aggregator link reach a feed reader:

* **wrappers** carry the publisher's URL in a query parameter (Bing News'
  ``apiclick.aspx?...&url=``, Google's ``/url?q=``, Facebook's ``l.php?u=``):
  unwrapped here, without a request (``unwrap``);
* **Google News** links (``https://news.google.com/rss/articles/CBMi...``) carry an
  opaque id. Old ids hold the URL in a small protobuf and decode offline; the
  ones Google has issued since 2024 (``AU_yqL...`` inside) do not redirect
  without JavaScript and must be decoded by Google: the article's page under
  ``/rss/articles/<id>`` gives a signature and a timestamp (``data-n-a-sg``,
  ``data-n-a-ts``), and a POST to ``/_/DotsSplashUi/data/batchexecute`` (the
  ``Fbv4je`` call, ``garturlreq``) answers ``["garturlres", "<url>", ...]``. This
  is the call the ``googlenewsdecoder`` package makes; it is made here through
  the run's guarded client (address guard, deadlines, the per-host pace) with
  a configurable base URL, which the package's own httpx client (its own
  redirects, proxies, HTTP/2, a fixed host) cannot be.

Parsing is pure (``article_id_of``, ``url_in_article_id``, ``decoding_params``,
``batchexecute_body``, ``urls_from_batchexecute``); ``resolve_google_news`` and
``resolve_entries`` make the requests and never raise for what the network or
Google does: a link that cannot be resolved comes back with the reason.
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from urllib.parse import parse_qs, quote, urlencode, urlsplit

import lxml.html

from extractors.fetch.client import Fetcher, map_in_threads
from extractors.records import FeedEntry

log = logging.getLogger(__name__)

GOOGLE_NEWS_HOST = "news.google.com"
DEFAULT_GOOGLE_NEWS_URL = "https://news.google.com"
# The article paths of Google News links: /rss/articles/<id>, /articles/<id>, /read/<id>.
_GOOGLE_NEWS_PATH = re.compile(r"^(?:/rss)?/(?:articles|read)/([A-Za-z0-9_-]{8,})/?$")
BATCHEXECUTE_PATH = "/_/DotsSplashUi/data/batchexecute"
DECODE_RPC = "Fbv4je"
# The request context Google's own page sends with ``garturlreq``; only its shape matters.
_GARTURLREQ_CONTEXT: list[object] = [
    ["X", "X", ["X", "X"], None, None, 1, 1, "US:en", None, 1, None, None, None, None, None, 0, 1],
    "X",
    "X",
    1,
    [1, 1, 1],
    1,
    1,
    None,
    0,
    0,
    None,
    0,
]
# An old id is a protobuf: field 1 = 19, field 4 (0x22) = the URL, sometimes field 26 = its AMP URL.
_OLD_ID_PREFIX = b"\x08\x13\x22"
# Ids Google decodes itself start, inside, with this marker.
_NEW_ID_MARKER = b"AU_yqL"
_SIGNATURE = re.compile(r'data-n-a-sg="([^"]+)"')
_TIMESTAMP = re.compile(r'data-n-a-ts="([^"]+)"')
# batchexecute answers start with this line, against JSON hijacking.
_XSSI_PREFIX = ")]}'"
# Links decoded in one batchexecute POST: Google's page sends them one by one; a few together
# keep the requests down without one refused batch costing many links.
DECODE_BATCH = 10

# Wrappers that carry the target in a parameter: (host or a parent domain, path, parameters).
WRAPPERS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("bing.com", "/news/apiclick.aspx", ("url",)),
    ("bing.com", "/ck/a", ("u",)),  # base64 "a1"-prefixed targets are not unwrapped (see unwrap)
    ("google.com", "/url", ("url", "q")),
    ("facebook.com", "/l.php", ("u",)),
    ("duckduckgo.com", "/l/", ("uddg",)),
    ("safelinks.protection.outlook.com", "/", ("url",)),
)
# A wrapper in a wrapper is unwrapped this many times at most.
MAX_UNWRAP = 3


def _is_web_url(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


def _host_matches(host: str, domain: str) -> bool:
    return host == domain or host.endswith("." + domain)


def unwrap(url: str) -> str | None:
    """The publisher's URL a wrapper link carries (Bing News' ``apiclick.aspx``), or None.

    No request is made: the target is read from the link's query. A target that
    is not an absolute http(s) URL is not taken.
    """
    current, found = url, None
    for _ in range(MAX_UNWRAP):
        try:
            parts = urlsplit(current)
        except ValueError:
            break
        host = (parts.hostname or "").lower()
        target = None
        for domain, path, names in WRAPPERS:
            if _host_matches(host, domain) and parts.path.lower().startswith(path):
                query = parse_qs(parts.query)
                target = next((query[n][0] for n in names if query.get(n)), None)
                break
        if target is None or not _is_web_url(target):
            break
        current = found = target.strip()
    return found


def article_id_of(url: str, base_url: str = DEFAULT_GOOGLE_NEWS_URL) -> str | None:
    """The id of a Google News article link (on news.google.com or at ``base_url``), or None."""
    try:
        parts = urlsplit(url)
        base = urlsplit(base_url)
        port, base_port = parts.port, base.port
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    at_base = host == (base.hostname or "").lower() and port == base_port
    if host != GOOGLE_NEWS_HOST and not at_base:
        return None
    match = _GOOGLE_NEWS_PATH.match(parts.path)
    return match.group(1) if match else None


def _b64(article_id: str) -> bytes | None:
    try:
        return base64.urlsafe_b64decode(article_id + "=" * (-len(article_id) % 4))
    except (binascii.Error, ValueError):
        return None


def url_in_article_id(article_id: str) -> str | None:
    """The publisher's URL an old Google News id holds, decoded offline; None for the new ids."""
    raw = _b64(article_id)
    if raw is None or not raw.startswith(_OLD_ID_PREFIX):
        return None
    position, length, shift = len(_OLD_ID_PREFIX), 0, 0
    while position < len(raw):  # the URL's length, a protobuf varint
        byte = raw[position]
        position += 1
        length |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            break
    payload = raw[position : position + length]
    if payload.startswith(_NEW_ID_MARKER):
        return None
    try:
        text = payload.decode("ascii")
    except UnicodeDecodeError:
        return None
    return text if _is_web_url(text) else None


def decoding_params(html: str) -> tuple[str, str] | None:
    """The signature and timestamp Google's article page gives for the decode call, or None."""
    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        tree = None
    if tree is not None:
        for node in tree.xpath("//c-wiz/div[@jscontroller][@data-n-a-sg][@data-n-a-ts]"):
            return node.get("data-n-a-sg"), node.get("data-n-a-ts")
    signature, timestamp = _SIGNATURE.search(html), _TIMESTAMP.search(html)
    if signature and timestamp:
        return signature.group(1), timestamp.group(1)
    return None


@dataclass(frozen=True, slots=True)
class DecodeRequest:
    """One id to decode, with what its page gave; ``key`` matches the answer to the request."""

    key: str
    article_id: str
    signature: str
    timestamp: str


def batchexecute_body(requests: Sequence[DecodeRequest]) -> bytes:
    """The form body of one batchexecute POST decoding ``requests`` (``f.req=...``)."""
    envelopes = []
    for request in requests:
        timestamp: int | str = (
            int(request.timestamp) if request.timestamp.isdigit() else request.timestamp
        )
        inner = [
            "garturlreq",
            _GARTURLREQ_CONTEXT,
            request.article_id,
            timestamp,
            request.signature,
        ]
        envelopes.append([DECODE_RPC, json.dumps(inner, separators=(",", ":")), None, request.key])
    return urlencode({"f.req": json.dumps([envelopes], separators=(",", ":"))}).encode("ascii")


def _rows(text: str) -> list[object]:
    """The envelopes of a batchexecute answer, in either of its two framings."""
    body = text.lstrip()
    if body.startswith(_XSSI_PREFIX):
        body = body[len(_XSSI_PREFIX) :]
    try:
        whole = json.loads(body)
        return whole if isinstance(whole, list) else []
    except json.JSONDecodeError:
        pass
    rows: list[object] = []  # rt=c: a length line, then a JSON array of envelopes, repeated
    for line in body.splitlines():
        if line.lstrip().startswith("["):
            try:
                chunk = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(chunk, list):
                rows.extend(chunk)
    return rows


def urls_from_batchexecute(text: str) -> dict[str | None, str]:
    """Each decoded URL of a batchexecute answer by its request's key (None when Google gave none).

    An envelope is ``["wrb.fr", "Fbv4je", "[\\"garturlres\\",\\"<url>\\",1]", null, null, null,
    "<key>"]``; an envelope whose payload is null (Google's refusal) decodes nothing.
    """
    found: dict[str | None, str] = {}
    for row in _rows(text):
        if not (isinstance(row, list) and len(row) >= 3 and row[0] == "wrb.fr"):
            continue
        if row[1] != DECODE_RPC or not isinstance(row[2], str):
            continue
        try:
            payload = json.loads(row[2])
        except json.JSONDecodeError:
            continue
        if not (isinstance(payload, list) and len(payload) >= 2 and payload[0] == "garturlres"):
            continue
        url = payload[1]
        key = next((str(cell) for cell in reversed(row[3:]) if cell is not None), None)
        if isinstance(url, str) and _is_web_url(url):
            found[key] = url
    return found


@dataclass(frozen=True, slots=True)
class Resolution:
    """What became of one aggregator link: the publisher's URL, or why there is none."""

    link: str
    url: str | None = None
    error: str | None = None


def _locale(link: str) -> dict[str, str]:
    """The hl/gl/ceid of a Google News link, which its article page wants back."""
    try:
        query = parse_qs(urlsplit(link).query)
    except ValueError:
        query = {}
    defaults = {"hl": "en-US", "gl": "US", "ceid": "US:en"}
    return {key: (query.get(key) or [value])[0] for key, value in defaults.items()}


def _params_request(
    fetcher: Fetcher, link: str, article_id: str, base_url: str, key: str
) -> DecodeRequest | Resolution:
    page = f"{base_url.rstrip('/')}/rss/articles/{quote(article_id)}?{urlencode(_locale(link))}"
    response = fetcher.get(page, kind="feed")
    if not response.ok:
        return Resolution(link, error=f"Google News article page: {response.error}")
    params = decoding_params(response.body.decode("utf-8", "replace"))
    if params is None:
        return Resolution(link, error="Google News article page gave no decoding parameters")
    return DecodeRequest(key, article_id, params[0], params[1])


def _decode(
    fetcher: Fetcher, requests: Sequence[DecodeRequest], links: Mapping[str, str], base_url: str
) -> list[Resolution]:
    response = fetcher.post(
        base_url.rstrip("/") + BATCHEXECUTE_PATH,
        batchexecute_body(requests),
        headers={
            "Content-Type": "application/x-www-form-urlencoded;charset=UTF-8",
            "Referer": base_url.rstrip("/") + "/",
        },
    )
    if not response.ok:
        error = f"Google News decode call: {response.error}"
        return [Resolution(links[r.key], error=error) for r in requests]
    found = urls_from_batchexecute(response.body.decode("utf-8", "replace"))
    if len(requests) == 1 and requests[0].key not in found and len(found) == 1:
        found = {requests[0].key: next(iter(found.values()))}  # a single answer keyed "generic"
    return [
        Resolution(links[r.key], url=found[r.key])
        if r.key in found
        else Resolution(links[r.key], error="Google News decode call gave no URL for this link")
        for r in requests
    ]


def resolve_google_news(
    fetcher: Fetcher, links: Sequence[str], *, base_url: str = DEFAULT_GOOGLE_NEWS_URL
) -> dict[str, Resolution]:
    """Each Google News link's publisher URL, or why it has none; every request is ``fetcher``'s.

    Old ids decode without a request; the others cost one GET each (their
    signature) and one POST per ``DECODE_BATCH`` of them.
    """
    resolved: dict[str, Resolution] = {}
    pending: list[tuple[str, str, str]] = []  # key, link, id
    for link in dict.fromkeys(links):
        article_id = article_id_of(link, base_url)
        if article_id is None:
            resolved[link] = Resolution(link, error="not a Google News article link")
            continue
        direct = url_in_article_id(article_id)
        if direct is not None:
            resolved[link] = Resolution(link, url=direct)
        else:
            pending.append((str(len(pending) + 1), link, article_id))
    if not pending:
        return resolved
    workers = max(1, min(fetcher.policy.per_host_concurrency, len(pending)))
    answers = map_in_threads(
        lambda p: _params_request(fetcher, p[1], p[2], base_url, p[0]),
        pending,
        workers=workers,
        name="gnews",
    )
    link_of = {key: link for key, link, _ in pending}
    ready: list[DecodeRequest] = []
    for answer in answers:
        if isinstance(answer, Resolution):
            resolved[answer.link] = answer
        else:
            ready.append(answer)
    for start in range(0, len(ready), DECODE_BATCH):
        for resolution in _decode(fetcher, ready[start : start + DECODE_BATCH], link_of, base_url):
            resolved[resolution.link] = resolution
    return resolved


def is_google_news_link(url: str, base_url: str = DEFAULT_GOOGLE_NEWS_URL) -> bool:
    return article_id_of(url, base_url) is not None


def resolve_entries(
    fetcher: Fetcher,
    entries: Iterable[FeedEntry],
    *,
    base_url: str = DEFAULT_GOOGLE_NEWS_URL,
    budget: int = 50,
) -> list[FeedEntry]:
    """The entries with their Google News links resolved to the publisher's page.

    A resolved entry's ``url`` is the publisher's and ``via`` the Google link; an
    entry that could not be resolved keeps its link and says why in
    ``unresolved`` (its page is not fetched: Google's is an interstitial). At most
    ``budget`` links are decoded per call; the rest wait, unresolved, for a
    later run. Other entries come back as they were.
    """
    entries = list(entries)
    links = [e.url for e in entries if is_google_news_link(e.url, base_url)]
    allowed = list(dict.fromkeys(links))[: max(0, budget)]
    try:
        resolved = resolve_google_news(fetcher, allowed, base_url=base_url)
    except Exception as exc:  # a bug met by one hostile answer: these links wait, the run goes on
        log.exception("resolving Google News links failed")
        resolved = {
            link: Resolution(link, error=f"resolution failed: {type(exc).__name__}: {exc}")
            for link in allowed
        }
    out: list[FeedEntry] = []
    for entry in entries:
        if not is_google_news_link(entry.url, base_url):
            out.append(entry)
            continue
        resolution = resolved.get(entry.url)
        if resolution is None:
            reason = f"not resolved yet: this run's budget of {budget} Google News links is spent"
            out.append(replace(entry, unresolved=f"aggregator link {reason}"))
        elif resolution.url is None:
            out.append(
                replace(entry, unresolved=f"aggregator link not resolved: {resolution.error}")
            )
        else:
            out.append(replace(entry, url=resolution.url, via=entry.url, unresolved=None))
    return out
