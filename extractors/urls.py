"""URL canonicalisation and the stable ids derived from names and URLs.

Why not courlan (1.4.0, installed with trafilatura): measured on 2,786 distinct URLs (every
link, guid and id of the 45 real feeds in shared/fixtures/feeds, the URLs in tests/ and the
cases of tests/unit/test_urls.py, at 28add7d; issue 16 item 4), ``courlan.normalize_url``
followed by our own rules as data (no ``www.``, no fragment, no trailing slash,
``TRACKING_PARAMS``) still gave another canonical URL for 216 of them, and ``normalize_url`` or
``clean_url`` alone for 1,475 and 1,490. Its query cleaning is what we cannot keep: it drops
keys with a blank value (``parse_qs``), so 130 podcast enclosures
(``redirect.mp3?http://host/episode-n.mp3``) became one URL, one article id; it sorts the keys
(some sites route by their order); its tracker pattern drops real parameters (``source``,
anything starting ``ref``). It also rewrites paths (``//`` collapsed, ``*`` escaped,
``*http://`` becoming ``*http:/``) and raises on 8 malformed URLs that are their own canonical
form here. Those article ids would change, 153 of them merged into 10, which no migration can
undo. (What it does better, reading a feed's ``&amp;`` in a query as ``&`` and keeping an IPv6
host's brackets, concerns 19 of those URLs: 16 and 3.)
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "msclkid",
        "mc_cid",
        "mc_eid",
        "igshid",
        "ocid",
        "cmpid",
        "ref",
        "ref_src",
        "guccounter",
        "taid",
        "smid",
        "sr_share",
        "cid",
    }
)
TRACKING_PREFIXES = ("utm_", "at_", "itm_", "pk_", "mkt_", "__twitter")
DEFAULT_PORTS = {"http": 80, "https": 443}
_SLUG_JUNK = re.compile(r"[^a-z0-9]+")
_SLUG_JUNK_ANY_SCRIPT = re.compile(r"[\W_]+")
# Lone surrogates: a str may hold them (a feed's "&#xD800;"), UTF-8 and so the warehouse cannot.
_SURROGATES = re.compile("[\ud800-\udfff]")
REPLACEMENT_CHARACTER = "\ufffd"


def storable_text(text: str) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD: what UTF-8 (and DuckDB) can hold."""
    return text if text.isascii() else _SURROGATES.sub(REPLACEMENT_CHARACTER, text)


def _is_tracking(key: str) -> bool:
    lowered = key.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES)


def canonical_url(url: str) -> str:
    """The form of a URL under which one page is stored once; defined for every string.

    Lower-cases scheme and host, drops default ports, fragments, tracking
    parameters and a trailing slash on a non-root path. Query order is kept:
    some sites route by parameter order, and reordering could merge two pages.

    A URL the standard library refuses to take apart (a port past 65535, an
    unclosed ``[``) is its own canonical form: its item is still deduplicated
    and stored, and the fetch refuses it with the reason, which becomes the
    article's note. Lone surrogates become U+FFFD, so the result can be hashed
    and stored.
    """
    text = storable_text(url.strip())
    try:
        return _canonical_parts(text)
    except ValueError:  # urllib's refusal of a malformed URL (bad port, unbalanced bracket)
        return text


def _canonical_parts(url: str) -> str:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    if host.startswith("www."):
        host = host[4:]
    port = parts.port
    netloc = host if port is None or DEFAULT_PORTS.get(scheme) == port else f"{host}:{port}"
    path = parts.path or "/"
    if len(path) > 1 and path.endswith("/"):
        path = path.rstrip("/") or "/"
    query = urlencode(
        [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k)]
    )
    return urlunsplit((scheme, netloc, path, query, ""))


def article_id_for(canonical: str) -> str:
    """16 hex digits of the SHA-256 of a canonical URL: stable across runs and machines.

    ``surrogatepass``: any string hashes; a valid one hashes as plain UTF-8.
    """
    return hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def domain_of(url: str) -> str:
    """The host without ``www.``; empty for a URL that names none or cannot be parsed."""
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:  # urllib's refusal of a malformed URL: it names no domain we can use
        return ""
    return storable_text(host[4:] if host.startswith("www.") else host)


def host_of(url: str) -> str:
    """The host a request to ``url`` goes to, with its port when not the scheme's default:
    ``example.com``, ``127.0.0.1:8080``; empty for a URL that names none."""
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        port = parts.port
    except ValueError:  # urllib's refusal of a malformed URL
        return ""
    if not host:
        return ""
    shown = f"[{host}]" if ":" in host else host
    default = DEFAULT_PORTS.get(parts.scheme.lower())
    return storable_text(shown if port is None or port == default else f"{shown}:{port}")


def slug(name: str) -> str:
    """``Character.AI`` -> ``character-ai``; ``Scale AI`` -> ``scale-ai``; a name with no Latin
    letter or digit keeps its own letters (``컨보고`` -> ``컨보고``, ``黑帕云`` -> ``黑帕云``)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    latin = _SLUG_JUNK.sub("-", ascii_name.lower()).strip("-")
    if latin:
        return latin
    return _SLUG_JUNK_ANY_SCRIPT.sub("-", unicodedata.normalize("NFKC", name).casefold()).strip("-")


def deal_id_for(acquirer: str, target: str) -> str:
    """The stable id of a deal: ``meta--scale-ai``."""
    return f"{slug(acquirer)}--{slug(target)}"
