"""robots.txt for pages, cached per host (RFC 9309).

Feeds are meant to be polled, so only pages are checked. How a robots.txt that
could not be read is taken: a 4xx means "no rules" (allow), a 5xx means the site
is unwell and asks to be left alone (disallow everything for a while), and a
robots.txt that cannot be reached at all (timeout, reset) is taken as allow, so
one slow host does not stop a whole outlet being read.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

# RFC 9309 §2.5: crawlers must parse at least 500 KiB; more is ignored.
ROBOTS_MAX_BYTES = 500 * 1024
# RFC 9309 §2.4: a cached robots.txt should not be used for more than 24 hours.
ROBOTS_TTL_S = 24 * 3600.0
# A 5xx robots.txt blocks the host; ask again after an hour rather than a day.
ROBOTS_ERROR_TTL_S = 3600.0


@dataclass(frozen=True)
class RobotsAnswer:
    """What one robots.txt fetch gave: its text, or how it failed."""

    http_status: int | None
    text: str | None
    reachable: bool


@dataclass(frozen=True)
class RobotsRules:
    parser: RobotFileParser | None  # None: decided for the whole host
    allow_all: bool
    reason: str
    fetched_at: float

    def allows(self, url: str, agent: str) -> bool:
        if self.parser is None:
            return self.allow_all
        return self.parser.can_fetch(agent, url)


def robots_url(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), "/robots.txt", "", ""))


def agent_token(user_agent: str) -> str:
    """``dealwatch/0.1 (...)`` -> ``dealwatch``: the product token robots.txt groups name."""
    return user_agent.split("/", 1)[0].split()[0].strip().lower() or "*"


def rules_from_answer(answer: RobotsAnswer, now: float) -> RobotsRules:
    if not answer.reachable:
        return RobotsRules(None, True, "robots.txt unreachable", now)
    status = answer.http_status or 0
    if 200 <= status < 300 and answer.text is not None:
        parser = RobotFileParser()
        parser.parse(answer.text.splitlines())
        return RobotsRules(parser, True, "robots.txt", now)
    if 400 <= status < 500:
        return RobotsRules(None, True, f"robots.txt HTTP {status}", now)
    return RobotsRules(None, False, f"robots.txt HTTP {status}", now)


class RobotsCache:
    """Per-host robots rules; thread-safe, one fetch per host however many threads ask."""

    def __init__(self, fetch: Callable[[str], RobotsAnswer], user_agent: str) -> None:
        self._fetch = fetch
        self._agent = agent_token(user_agent)
        self._rules: dict[str, RobotsRules] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()

    def _host_lock(self, key: str) -> threading.Lock:
        with self._lock:
            return self._locks.setdefault(key, threading.Lock())

    def refusal(self, url: str) -> str | None:
        """None when ``url`` may be fetched, else the reason it may not."""
        key = robots_url(url)
        with self._host_lock(key):
            rules = self._rules.get(key)
            now = time.monotonic()
            ttl = ROBOTS_TTL_S if rules is None or rules.allow_all else ROBOTS_ERROR_TTL_S
            if rules is None or now - rules.fetched_at > ttl:
                rules = rules_from_answer(self._fetch(key), now)
                self._rules[key] = rules
        if rules.allows(url, self._agent):
            return None
        if rules.parser is None:
            return f"robots disallow: {rules.reason}, host treated as off limits"
        return f"robots disallow: {key} forbids {urlsplit(url).path or '/'}"
