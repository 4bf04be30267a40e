"""The records that pass between rooms (DESIGN.md: "Records").

Every record is a frozen dataclass: once data has a type it is not mutated,
only replaced (``dataclasses.replace``). Intervals use ``None`` for an open
end: ``low=None`` is minus infinity, ``high=None`` is plus infinity.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

Origin = Literal["feed", "seed", "file"]
Relevance = Literal["subject", "mentioned", "unrelated"]
Role = Literal["subject", "mentioned"]
# which model read an article as about a talent deal by its words
ChanceFrom = Literal["article", "named deals"]

DEAL_KINDS: tuple[str, ...] = (
    "investment_and_hire",  # money for a stake while founders/staff join the payer (Meta–Scale AI)
    "licence_and_hire",  # a licence fee for the technology plus the team (Microsoft–Inflection)
    "acquihire",  # the team is the point; the company is bought or wound down
    "talent_deal",  # hiring plus some payment whose form the text does not state
)


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One item of a feed, typed the moment feedparser hands it over."""

    feed_url: str
    entry_id: str
    url: (
        str  # the page to fetch: the item's link, unwrapped or resolved when it was an aggregator's
    )
    title: str
    summary: str
    published: datetime | None
    outlet: str | None = None  # the outlet the feed names for the item (<source>, its own channel)
    via: str | None = None  # the aggregator link ``url`` was reached through (Google News, Bing)
    unresolved: str | None = None  # why the aggregator link could not be resolved: not fetched
    stored_as: str | None = None  # a page fetched again: the id of its stored summary article


class FetchStatus(enum.StrEnum):
    """How a fetch ended; decides what is stored and how the source backs off."""

    OK = "ok"
    NOT_MODIFIED = "not_modified"
    SOFT_ERROR = "soft_error"  # worth trying again next run: timeout, 429, 5xx, reset
    HARD_ERROR = "hard_error"  # will not get better by itself: 404, 410, refused address, bad XML


# A fetch's error when the run's breaker has left its host for the rest of the run
# (extractors.fetch.client.HostBreaker): ``host unreachable: <why>``, and for each request not sent
# because of it, `` (not requested: ...)`` after.
UNREACHABLE = "host unreachable: "
NOT_REQUESTED = "not requested: the host failed earlier in this run"
_NOT_REQUESTED_NOTE = re.compile(r" \(" + re.escape(NOT_REQUESTED) + r"\)$")


def unreachable_reason(error: str | None) -> str | None:
    """``connection refused (...)`` from a ``host unreachable: ...`` error, else None."""
    if not error or not error.startswith(UNREACHABLE):
        return None
    return _NOT_REQUESTED_NOTE.sub("", error[len(UNREACHABLE) :])


@dataclass(frozen=True, slots=True)
class FeedState:
    """What the warehouse remembers about a feed between polls (conditional GET, pacing)."""

    feed_url: str
    etag: str | None = None
    last_modified: str | None = None
    body_hash: str | None = None
    last_polled_at: datetime | None = None
    last_unconditional_at: datetime | None = None
    consecutive_failures: int = 0
    poll_interval_s: float | None = None  # adapted to how often the feed really publishes
    next_poll_at: datetime | None = None
    validators_dropped: bool = False  # its ETag/Last-Modified were caught lying


@dataclass(frozen=True, slots=True)
class FeedPollResult:
    """What one poll of one feed produced, success or not."""

    feed_url: str
    feed_name: str
    status: FetchStatus
    fetched_at: datetime
    http_status: int | None = None
    etag: str | None = None
    last_modified: str | None = None
    body_hash: str | None = None
    entries: tuple[FeedEntry, ...] = ()
    error: str | None = None
    bozo: str | None = None  # feedparser's complaint, when it parsed the feed anyway
    latency_ms: float | None = None
    conditional: bool = False  # the request carried If-None-Match / If-Modified-Since
    unconditional_at: datetime | None = None  # this poll fetched without validators and got a body
    validators_dropped: bool = False  # this feed's validators were caught lying; stop sending them
    poll_interval_s: float | None = None  # adapted to how often the feed really publishes
    next_poll_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class PageFetch:
    """The outcome of fetching one article page."""

    url: str
    final_url: str
    status: FetchStatus
    http_status: int | None = None
    content_type: str | None = None
    body: bytes = b""
    error: str | None = None
    latency_ms: float | None = None


@dataclass(frozen=True, slots=True)
class Article:
    article_id: str  # article_id_for(canonical_url) of the URL it was first stored under
    url: str
    canonical_url: str
    source: str  # outlet name when known, else the domain
    title: str | None
    author: str | None
    published: date | None
    fetched_at: datetime
    text: str
    language: str | None
    fingerprint: tuple[int, ...]  # MinHash signature, see extractors.fingerprint
    origin: Origin
    extraction: str = "trafilatura"  # trafilatura | feed_summary | file
    extraction_note: str | None = None  # why a fallback was used
    feed_url: str | None = None
    # Why a later run should fetch the page again (its host was unreachable, the aggregator link
    # was not resolved): a summary stored for now, not for ever. None when the text is final.
    fetch_again: str | None = None
    via: str | None = None  # the aggregator link the page was reached through, known as an alias
    # This is a page fetched again: the full text replacing the stored summary of the same id
    # (``article_id`` is then the id it was first stored under, even if its URL has changed).
    refetched: bool = False


@dataclass(frozen=True, slots=True)
class DealMention:
    deal_id: str  # deal_id_for(acquirer, target), e.g. "meta--scale-ai"
    acquirer: str
    target: str
    people: tuple[str, ...]
    kind: str  # one of DEAL_KINDS
    role: Role
    score: float
    evidence: str  # the sentence that shows the deal
    announced: date | None = None
    reasons: tuple[str, ...] = ()  # how the analysis concluded it (dealwatch explain)
    rules_role: Role | None = None  # the rules' role, before the subject model (not stored)


@dataclass(frozen=True, slots=True)
class Claim:
    """One stated figure: its interval, what it is about, and where it was said."""

    claim_id: str
    article_id: str
    deal_id: str
    subject: str  # see extractors.metrics: the deal id, the target, or a person
    metric: str  # a key of extractors.metrics.METRICS
    low: float | None
    high: float | None
    unit: str
    stated: str  # the figure as written, e.g. "over $29 billion"
    qualifier: str | None  # over, about, nearly, up to, ...
    quote: str  # the sentence that states it
    start: int  # character offsets of `stated` in Article.text
    end: int
    as_of: date | None
    confidence: float = 1.0  # 0-1: the chance deal, metric and interval are right (learnt)
    evidence: str = ""  # why this metric (the cue that decided it)
    confidence_basis: str = ""  # how the confidence was reached (dealwatch explain; not stored)
    reading_confidence: float | None = (
        None  # the attribution's own, before calibration (not stored)
    )


@dataclass(frozen=True, slots=True)
class LeftOut:
    """A figure the analysis read and did not claim, and why (``dealwatch explain``)."""

    stated: str
    start: int
    end: int
    reason: str
    deal_id: str | None = None


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything analysis concluded about one article."""

    article_id: str
    relevance: Relevance
    score: float
    evidence: str
    deals: tuple[DealMention, ...] = ()
    claims: tuple[Claim, ...] = ()
    notes: tuple[str, ...] = field(default=())
    left_out: tuple[LeftOut, ...] = ()
    # the article model's chance that it is about a talent deal, where the rules named no deal,
    # or the named-deals model's that it is about one of the deals they named
    # (extractors/analysis/article_model.py); shown by ``dealwatch explain``, not stored
    article_chance: float | None = None
    # which model gave it: "article" (the rules named no deal) or "named deals"
    chance_from: ChanceFrom | None = None
