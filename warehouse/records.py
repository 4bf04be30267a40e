"""Records the warehouse hands out: alerts from the outbox, and what a store did.

``alerts/`` renders and delivers ``AlertRecord``s; it never reads tables itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

AlertKind = Literal["new_deal", "new_figure", "contradiction", "feed_failing", "feed_recovered"]
AlertStatus = Literal["pending", "sent", "failed", "suppressed"]


@dataclass(frozen=True, slots=True)
class FigureSide:
    """One side of a figure: what was stated, by whom, and how many stand behind it."""

    stated: str
    low: float | None
    high: float | None
    unit: str
    quote: str
    article_id: str
    source: str
    url: str
    title: str | None
    published: date | None
    sources: tuple[str, ...] = ()  # every outlet stating a figure on this side
    independent_sources: int = 1  # syndicated copies of one story count once
    confidence: float | None = None  # the chance this claim is right (None: not recorded)


@dataclass(frozen=True, slots=True)
class AlertRecord:
    alert_id: str
    dedup_key: str
    kind: AlertKind
    created_at: datetime
    status: AlertStatus = "pending"
    reason: str = ""
    deal_id: str | None = None
    acquirer: str | None = None
    target: str | None = None
    people: tuple[str, ...] = ()
    deal_kind: str | None = None
    subject: str | None = None
    metric: str | None = None
    figure: FigureSide | None = None  # new_figure: the figure; contradiction: the new side
    other: FigureSide | None = None  # contradiction: the accepted side it disagrees with
    feed_url: str | None = None  # feed_failing / feed_recovered
    feed_name: str | None = None
    detail: str | None = None  # feed error, or why a deal is one (its evidence sentence)
    source: str | None = None  # new_deal: the outlet of the article that raised it
    url: str | None = None  # new_deal: that article's URL
    title: str | None = None  # new_deal: that article's title
    sent_at: datetime | None = None
    attempts: int = 0
    last_error: str | None = None
    channels_sent: tuple[str, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class StoreResult:
    """What one store transaction wrote."""

    articles_new: int = 0
    articles_skipped: int = 0
    deals_new: int = 0
    claims_new: int = 0
    alerts_new: int = 0
    alerts_suppressed: int = 0
    alert_ids: tuple[str, ...] = ()
    articles_upgraded: int = 0  # summaries replaced by their page's text, fetched again
    pages_waiting: int = 0  # summaries queued this time for a later run to fetch again
    pages_given_up: int = 0  # queued pages no longer fetched again (too long, or gone for good)


@dataclass(frozen=True, slots=True)
class LinkAlias:
    """An aggregator's link to a page already stored under the publisher's URL.

    ``summary_id``: a summary article stored from that link while it was not resolved, which
    the stored page now stands for (it becomes a duplicate of it).
    """

    alias: str  # the aggregator link
    target: str  # the publisher's URL it resolved to
    summary_id: str | None = None


@dataclass(frozen=True, slots=True)
class DeliveryOutcome:
    """One attempt to deliver one alert (or a digest holding it) to one channel."""

    alert_id: str
    channel: str
    ok: bool
    at: datetime
    error: str | None = None  # never holds the channel's URL: it may carry a secret
    digest: bool = False


@dataclass(frozen=True, slots=True)
class DeliveryReport:
    outcomes: tuple[DeliveryOutcome, ...] = ()
    completed: tuple[str, ...] = ()  # alert ids now delivered to every channel routed to them
