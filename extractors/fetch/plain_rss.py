"""The common RSS 2.0 document, read as feedparser would read it, in a fraction of its time.

feedparser walks a document element by element in Python (some 35 µs an element,
10 ms for a feed of 40 items), which made parsing the bulk of a warm poll. Most
feeds are plain RSS 2.0 whose items hold a handful of well-known elements; for
those, lxml (libxml2 building the tree in C, entities unresolved) and the few rules of
feedparser that touch an entry's link, id, title, summary and dates give the same
entries, about seven times faster end to end.

Anything this module is not sure feedparser would read the same way gets
``None``, and the caller hands the document to feedparser: another root, a
DOCTYPE, ``xml:base``, bytes that do not decode as declared, a content type
feedparser would complain about, an item element outside the lists below, a
field element given twice (feedparser's choice then depends on order), a date
in a shape outside the two below. The lists hold elements whose handling was
read in feedparser 6.0.14's source; ``tests/unit/test_plain_rss.py`` holds both readings equal on every fixture feed and
on generated documents.

Dates are read by the standard library, not by feedparser's private
``_parse_date``: RFC 822 by ``email.utils.parsedate_to_datetime``, RFC 3339 by
``datetime.fromisoformat``, each only in the shapes where feedparser's reading
was checked to be the same (``tests/unit/test_plain_rss.py`` compares every date of
the fixture feeds and generated ones); any other shape sends the document to
feedparser.
"""

from __future__ import annotations

import contextlib
import email.utils
import functools
import re
import threading
import time
import urllib.parse
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from feedparser.urls import make_safe_absolute_uri
from lxml import etree

# The document is parsed by lxml with what could reach outside it or blow up switched off:
# no entity is resolved (billion laughs, file:// and http:// external entities stay
# unexpanded, and an undefined one is an error), no DTD is loaded, nothing is fetched from
# the network, and libxml2's limits on depth (256) and text node size (10 MB) hold. A
# document they refuse goes to feedparser. Comments and processing instructions are dropped
# as ElementTree dropped them. lxml is faster than ElementTree here (1.26 s against 1.85 s
# for 48 documents, 80k items) where defusedxml, with its Python-level expat callbacks, is
# slower (0.72 s against 0.37 s for the parse alone). One parser per thread, as lxml advises.
_PARSER_OPTIONS = {
    "resolve_entities": False,
    "no_network": True,
    "huge_tree": False,
    "load_dtd": False,
    "remove_comments": True,
    "remove_pis": True,
}
_parsers = threading.local()


def _parser() -> etree.XMLParser:
    parser = getattr(_parsers, "parser", None)
    if parser is None:
        parser = _parsers.parser = etree.XMLParser(**_PARSER_OPTIONS)
    return parser


_DC = "{http://purl.org/dc/elements/1.1/}"
_MEDIA = "{http://search.yahoo.com/mrss/}"
_CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"

# Item elements whose text becomes a field, each at most once, without attributes or children.
_FIELDS = {
    "title": "title",
    "link": "link",
    "description": "summary",
    "pubDate": "published",
    _DC + "date": "updated",
    _CONTENT: "content",
}
# Item elements feedparser keeps apart from those fields (tags, authors, enclosures, media):
# any number, any attributes, no children. (``source`` is not one: it names the item's outlet,
# which feedparser's reading gives; an item with one is left to it.)
_IGNORED = frozenset(
    {
        "category",
        "comments",
        "author",
        "enclosure",
        _DC + "creator",
        _MEDIA + "thumbnail",
        _MEDIA + "credit",
    }
)
_MEDIA_CONTENT = _MEDIA + "content"  # may hold thumbnails and credits, nothing else

# RFC 3023 as feedparser applies it: these types take the charset from the header, then the
# XML declaration; text/xml only from the header, defaulting to US-ASCII.
_APPLICATION_XML = (
    "application/xml",
    "application/xml-dtd",
    "application/xml-external-parsed-entity",
)
_TEXT_XML = ("text/xml", "text/xml-external-parsed-entity")
_XML_DECLARED_ENCODING = re.compile(rb'^<\?.*encoding=[\'"](.*?)[\'"].*\?>')
_XML_DECLARATION = re.compile(r"^<\?xml[^>]*?>")
_UTF8_DECLARATION = "<?xml version='1.0' encoding='utf-8'?>"
_UTF8_BOM = b"\xef\xbb\xbf"

# feedparser's own clean-ups of every text it keeps (feedparser.mixin, feedparser.urls).
_URI_FIXER = re.compile(r"^([A-Za-z][A-Za-z0-9+-.]*://)(/*)(.*?)")
_ENTITY_IN_LINK = re.compile(r"&([A-Za-z0-9_]+);")
# A URL that joining to any base gives back unchanged: lower-case http(s), a host, no dot
# segment, no empty "?", "#" or ";" (which urljoin would drop), nothing it would strip.
PLAIN_ABSOLUTE_URL = re.compile(
    r"https?://[A-Za-z0-9.-]+(?::\d+)?(?:/(?!\.\.?(?:/|\Z|[?#]))[^/?#;\s]*)*"
    r"(?:\?[^#\s]+)?(?:#\S+)?\Z",
    re.ASCII,
)
_CP1252 = {
    code: bytes([code]).decode("cp1252")
    for code in range(128, 160)
    if code not in (129, 141, 143, 144, 157)
}


def content_type(headers: Mapping[str, str]) -> tuple[str, str]:
    mime, *params = headers.get("content-type", "").split(";")
    charset = ""
    for param in params:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip("\"'")
    return mime.strip(), charset


def _encoding(data: bytes, headers: Mapping[str, str]) -> str | None:
    """The encoding feedparser reads ``data`` in, or None where it would complain of the type."""
    mime, charset = content_type(headers)
    declared = _XML_DECLARED_ENCODING.match(data)
    in_declaration = declared.group(1).decode("utf-8", "replace").lower() if declared else ""
    if mime in _APPLICATION_XML or (mime.startswith("application/") and mime.endswith("+xml")):
        encoding = charset or in_declaration or "utf-8"
    elif mime in _TEXT_XML or (mime.startswith("text/") and mime.endswith("+xml")):
        encoding = charset or "us-ascii"
    else:
        return None
    return "gb18030" if encoding.lower() == "gb2312" else encoding


def _as_utf8(data: bytes, encoding: str) -> bytes | None:
    """The document re-encoded as feedparser hands it to expat, or None where it would have to
    guess another encoding (and flag the feed)."""
    try:
        text = data.decode(encoding)
    except (ValueError, LookupError):  # undecodable bytes; an unknown or malformed encoding name
        return None
    if _XML_DECLARATION.search(text):
        text = _XML_DECLARATION.sub(_UTF8_DECLARATION, text)
    else:
        text = _UTF8_DECLARATION + "\n" + text
    return text.encode("utf-8")


def _feedparser_urljoin(base: str, uri: str) -> str:
    if PLAIN_ABSOLUTE_URL.match(uri):
        return uri
    try:
        return urllib.parse.urljoin(base, _URI_FIXER.sub(r"\1\3", uri))
    except ValueError:
        return ""


def _kept(text: str | None, base: str | None = None) -> str:
    """A text as feedparser stores it: stripped, resolved against ``base`` when it is a URI,
    UTF-8 read as Latin-1 repaired, C1 controls read as CP1252."""
    output = (text or "").strip()
    if base is not None and output:
        output = _feedparser_urljoin(base, output)
    if output.isascii():
        return output
    with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
        output = output.encode("iso-8859-1").decode("utf-8")
    return output.translate(_CP1252)


# The date shapes read here, each where feedparser 6.0.14 reads it the same way. RFC 822:
# an optional day name, a 4-digit year (or a 2-digit one up to 68, which both read as 20xx;
# feedparser reads 69-89 as 20xx too, the e-mail module as 19xx), seconds optional, a
# numeric offset or a zone name both know with the same offset (feedparser reads a name it
# does not know as UTC, the e-mail module hands it back unzoned, which is read as UTC here).
_RFC822 = re.compile(
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun),?\s+)?\d{1,2}\s+"
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\s+(?:\d{4}|[0-5]\d|6[0-8])\s+"
    r"\d{2}:\d{2}(?::\d{2})?\s+(?:[+-]\d{4}|gmt|ut|utc|z|[ecmp][sd]t|a[sd]t)",
    re.ASCII | re.IGNORECASE,
)
# RFC 3339 (W3C-DTF): a full date, or a time with seconds, optional fraction, and Z or
# +hh:mm (feedparser 6 reads "+0530" as +05:00, so an offset without its colon is left to it).
_RFC3339 = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?(?:Z|[+-]\d{2}:\d{2})?)?",
    re.ASCII,
)


class UnreadDate(ValueError):
    """A date in a shape this module does not read; the document goes to feedparser."""


@functools.lru_cache(maxsize=1 << 14)  # the same dates come back feed after feed, run after run
def feed_date(text: str) -> time.struct_time | None:
    """``text`` as feedparser's ``published_parsed`` holds it (a UTC struct_time), None for
    no date; raises ``UnreadDate`` for a shape left to feedparser."""
    if not text:
        return None
    try:
        if _RFC3339.fullmatch(text):
            stamp = datetime.fromisoformat(text)
        elif rfc822 := _RFC822.fullmatch(text):
            start, end = rfc822.span("month")
            stamp = email.utils.parsedate_to_datetime(
                text[:start] + text[start : start + 3] + text[end:]
            )
        else:
            raise UnreadDate(text)
        if stamp.tzinfo is None:  # no zone given, or "-0000": UTC, as feedparser has it
            stamp = stamp.replace(tzinfo=UTC)
        return stamp.astimezone(UTC).utctimetuple()
    except (ValueError, OverflowError) as exc:  # 31 June, hour 25, year 1 less an offset
        raise UnreadDate(text) from exc


def _local(tag: str) -> str:
    return tag.rpartition("}")[2].lower()


class _Unsure(Exception):
    """The item holds something feedparser might read otherwise: it reads the document."""


def _item(item: etree._Element, base: str) -> dict[str, Any] | None:
    """One item as the fields of feedparser's entry that ``feeds._entry`` reads."""
    if item.attrib:
        return None
    try:
        texts, guid = _item_fields(item, base)
        return _entry_fields(texts, guid)
    except (_Unsure, UnreadDate):
        return None


def _item_fields(item: etree._Element, base: str) -> tuple[dict[str, str], tuple[str, bool] | None]:
    """The item's field texts and its guid (text, is a permalink); :class:`_Unsure` on any
    element this module does not read as feedparser would."""
    texts: dict[str, str] = {}
    guid: tuple[str, bool] | None = None
    for child in item:
        tag = child.tag
        if tag in _IGNORED:
            _expect_no_children(child)
        elif tag == _MEDIA_CONTENT:
            if any(grandchild.tag not in _IGNORED or len(grandchild) for grandchild in child):
                raise _Unsure
        elif len(child):
            raise _Unsure
        elif tag in _FIELDS:
            field = _FIELDS[tag]
            if child.attrib or field in texts:
                raise _Unsure
            texts[field] = _kept(child.text, base if field == "link" else None)
        elif tag == "guid":
            if guid is not None or any(key != "isPermaLink" for key in child.attrib):
                raise _Unsure
            permalink = child.attrib.get("isPermaLink", "true") == "true"
            guid = (_kept(child.text, base if permalink else None), permalink)
        else:
            raise _Unsure
    return texts, guid


def _expect_no_children(element: etree._Element) -> None:
    if len(element):
        raise _Unsure


def _entry_fields(texts: dict[str, str], guid: tuple[str, bool] | None) -> dict[str, Any]:
    """feedparser's entry fields from the item's texts; :class:`UnreadDate` for a date shape
    not read here."""
    raw: dict[str, Any] = {}
    if "title" in texts:
        raw["title"] = texts["title"]
    if "summary" in texts:
        raw["summary"] = texts["summary"]
    if "content" in texts:
        raw["content"] = [{"value": texts["content"]}]
        raw.setdefault("summary", texts["content"])
    if guid is not None:
        raw["id"], permalink = guid
        if permalink:
            raw["link"] = raw["id"]
    if "link" in texts:  # the element wins over a permalink, before or after it
        raw["link"] = _ENTITY_IN_LINK.sub(r"&\g<1>", texts["link"].replace("&amp;", "&"))
    for field in ("published", "updated"):
        if field in texts:
            raw[f"{field}_parsed"] = feed_date(texts[field])
    return raw


def plain_rss_items(data: bytes, headers: Mapping[str, str]) -> list[dict[str, Any]] | None:
    """feedparser's entries of a plain RSS 2.0 document (the fields ``feeds._entry`` reads), or None.

    ``headers`` as handed to feedparser: lower-case names, with ``content-type`` and
    ``content-location`` (the base URI) set.
    """
    reading = plain_rss_reading(data, headers)
    return None if reading is None else reading[0]


def plain_rss_reading(
    data: bytes, headers: Mapping[str, str]
) -> tuple[list[dict[str, Any]], dict[str, str]] | None:
    """``plain_rss_items``' entries and the channel's ``title`` and ``link``, or None."""
    body = data[len(_UTF8_BOM) :] if data.startswith(_UTF8_BOM) else data
    if not body.startswith(b"<") or b"\0" in body[:4]:
        return None  # UTF-16 or UTF-32, which feedparser sniffs
    if b"<!DOCTYPE" in body or b"xml:base" in body:
        return None
    encoding = _encoding(body, headers)
    utf8 = _as_utf8(body, encoding) if encoding else None
    if utf8 is None:
        return None
    try:
        root = etree.fromstring(utf8, _parser())
    except etree.XMLSyntaxError:
        return None
    if root.getroottree().docinfo.doctype:
        return None  # a DOCTYPE the byte check above did not see (an encoding that hides it)
    channels = list(root)
    if root.tag != "rss" or len(channels) != 1 or channels[0].tag != "channel":
        return None
    items = channels[0].findall("item")
    tags = {el.tag for el in root.iter()}
    if any(_local(tag) in ("item", "entry") for tag in tags - {"item"}):
        return None  # an entry feedparser would find under another name
    if sum(1 for _ in root.iter("item")) != len(items):
        return None  # or somewhere else
    location = headers.get("content-location", "")
    base = make_safe_absolute_uri(location, location) or location  # as feedparser at each element
    try:
        urllib.parse.urlsplit(base)
    except ValueError:
        return None  # feedparser's joins against it come out empty
    entries = []
    for item in items:
        raw = _item(item, base)
        if raw is None:
            return None
        entries.append(raw)
    channel = {
        key: _kept(element.text, base if key == "link" else None)
        for key in ("title", "link")
        if (element := channels[0].find(key)) is not None and element.text
    }
    return entries, channel
