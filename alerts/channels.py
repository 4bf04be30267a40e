"""Alert channels: an apprise URL kept secret, the alert kinds it takes, and its format.

``DEALWATCH_NOTIFY`` entries follow apprise's tag syntax: ``url`` takes every
kind, ``kind,kind=url`` only those. A channel's name never carries the URL
(``slack#1``, ``mailto#2``): names end up in logs, the warehouse and reports.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal, get_args
from urllib.parse import parse_qsl, unquote, urlsplit

import apprise
from pydantic import SecretStr

from warehouse.records import AlertKind

log = logging.getLogger(__name__)

ChannelFormat = Literal["slack", "email", "json", "text"]
ALL_KINDS: frozenset[str] = frozenset(get_args(AlertKind))

# "new_deal,contradiction=slack://..." — the prefix before the first "=" holds no "://".
_KINDS_PREFIX = re.compile(r"^\s*(?P<kinds>[a-z_]+(?:\s*,\s*[a-z_]+)*)\s*=\s*(?P<url>\S.*)$")
_SCHEME = re.compile(r"^\s*(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*)://")
# Query values that are settings, not secrets; everything else in a URL may be one.
_HARMLESS_VALUES = frozenset(
    {
        "yes",
        "no",
        "true",
        "false",
        "on",
        "off",
        "insecure",
        "ssl",
        "starttls",
        "html",
        "text",
        "markdown",
    }
)
# Secrets shorter than this are too common to scrub without mangling the message.
_MIN_SECRET_LEN = 3
_SCRUBBED = "***"
# Anything URL-shaped in an error keeps its scheme and host only.
_URL_IN_TEXT = re.compile(r"(?P<head>[A-Za-z][A-Za-z0-9+.-]*://)(?P<rest>[^\s'\"<>]+)")

_FORMAT_BY_SCHEME: dict[str, ChannelFormat] = {
    "slack": "slack",
    "mailto": "email",
    "mailtos": "email",
    "json": "json",
    "jsons": "json",
}
_SLACK_HOSTS = ("hooks.slack.com", "hooks.slack-gov.com")


def scheme_of(url: str) -> str:
    match = _SCHEME.match(url)
    return match.group("scheme").lower() if match else "unknown"


def format_for(url: str) -> ChannelFormat:
    scheme = scheme_of(url)
    if scheme in ("http", "https") and (urlsplit(url.strip()).hostname or "") in _SLACK_HOSTS:
        return "slack"
    return _FORMAT_BY_SCHEME.get(scheme, "text")


@dataclass(frozen=True)
class Channel:
    name: str
    url: SecretStr = field(repr=False)
    kinds: frozenset[str] = ALL_KINDS
    format: ChannelFormat | None = None  # None: derived from the URL's scheme

    def __post_init__(self) -> None:
        if isinstance(self.url, str):
            object.__setattr__(self, "url", SecretStr(self.url))
        object.__setattr__(self, "kinds", frozenset(self.kinds))
        if self.format is None:
            object.__setattr__(self, "format", format_for(self.url.get_secret_value()))

    def __str__(self) -> str:
        return f"{self.name} ({self.format})"

    def takes(self, kind: str) -> bool:
        return kind in self.kinds


def _split_entry(entry: str) -> tuple[frozenset[str] | None, str]:
    if "://" in entry.split("=", 1)[0]:
        return None, entry.strip()
    match = _KINDS_PREFIX.match(entry)
    if match is None:
        return None, entry.strip()
    kinds = frozenset(k.strip() for k in match.group("kinds").split(","))
    return kinds, match.group("url").strip()


def channels_from_urls(
    urls: Sequence[str], *, default_kinds: frozenset[str] = ALL_KINDS
) -> list[Channel]:
    """One channel per entry; an unknown kind is an error naming the kinds, never the URL."""
    channels: list[Channel] = []
    for position, entry in enumerate(urls, start=1):
        if not entry or not entry.strip():
            continue
        kinds, url = _split_entry(entry)
        if kinds is not None:
            unknown = kinds - ALL_KINDS
            if unknown:
                raise ValueError(
                    f"notify entry #{position}: unknown alert kinds {sorted(unknown)}; known: {sorted(ALL_KINDS)}"
                )
        fmt = format_for(url)
        scheme = "slack" if fmt == "slack" else scheme_of(url)
        channels.append(
            Channel(
                name=f"{scheme}#{position}",
                url=SecretStr(url),
                kinds=kinds or frozenset(default_kinds),
                format=fmt,
            )
        )
    return channels


def secrets_in(url: str) -> list[str]:
    """The parts of an apprise URL that may be secret: credentials, path segments, query values."""
    parts: list[str] = [url.strip()]
    rest = url.strip().split("://", 1)[-1]
    userinfo, _, after = rest.rpartition("@") if "@" in rest.split("/", 1)[0] else ("", "", rest)
    if userinfo:
        parts.extend(unquote(p) for p in userinfo.split(":"))
        parts.append(userinfo)
    path_query = after.split("/", 1)[1] if "/" in after else ""
    path, _, query = path_query.partition("?")
    parts.extend(unquote(s) for s in path.split("/"))
    parts.append(path)
    for _key, value in parse_qsl(query, keep_blank_values=False):
        if value.lower() not in _HARMLESS_VALUES:
            parts.append(value)
    if "?" in after.split("/", 1)[0]:
        for _key, value in parse_qsl(after.split("?", 1)[1]):
            if value.lower() not in _HARMLESS_VALUES:
                parts.append(value)
    host = after.split("/", 1)[0].split("?", 1)[0].rsplit(":", 1)[0].lower()
    return sorted(
        {p for p in parts if len(p) >= _MIN_SECRET_LEN and p.lower() != host}, key=len, reverse=True
    )


def scrub(text: str, url: str | SecretStr) -> str:
    """``text`` without the URL, its secret-looking parts, or any URL path or query."""
    raw = url.get_secret_value() if isinstance(url, SecretStr) else url
    for secret in secrets_in(raw):
        text = text.replace(secret, _SCRUBBED)
    return _URL_IN_TEXT.sub(
        lambda m: m.group("head") + m.group("rest").split("/", 1)[0].rsplit("@", 1)[-1], text
    )


def apprise_for(channel: Channel) -> tuple[apprise.Apprise | None, str | None]:
    """An Apprise object holding the channel's one URL, or the reason it could not be added."""
    app = apprise.Apprise()
    with apprise.LogCapture(level=logging.WARNING, fmt="%(message)s") as captured:
        added = app.add(channel.url.get_secret_value())
    if added and len(app) == 1:
        return app, None
    logged = " ".join(line.strip() for line in captured.getvalue().splitlines() if line.strip())
    reason = f"not a usable apprise URL (scheme {scheme_of(channel.url.get_secret_value())}://)"
    if logged:
        reason += f": {scrub(logged, channel.url)}"
    return None, reason


def validate_channel(channel: Channel) -> str | None:
    _app, problem = apprise_for(channel)
    return problem
