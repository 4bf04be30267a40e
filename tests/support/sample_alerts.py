"""One alert of each kind, from the seeds' case, and the same with hostile article text:
what the render snapshots and the delivery tests send."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime
from typing import Any

from warehouse.records import AlertKind, AlertRecord, FigureSide

CREATED = datetime(2025, 6, 20, 8, 30, tzinfo=UTC)


VCPOST_AGE = FigureSide(
    stated="Now 28",
    low=28,
    high=28,
    unit="years",
    quote="Now 28, Wang founded Scale at just 19 years old after leaving MIT to pursue the venture.",
    article_id="a-003",
    source="VCPOST",
    url="seed:003_0d9514028022957a.txt",
    title="Meta Makes Major AI Move With $14.3 Billion Stake in Scale, Hires CEO",
    published=None,
    sources=("VCPOST",),
    independent_sources=1,
    confidence=0.78,
)


SEED_004_AGE = FigureSide(
    stated="21 years old",
    low=21,
    high=21,
    unit="years",
    quote="“It has grown to more than 1500 people ...,” said Wang, who has become 21 years old, "
    "is known to be the youngest billionaire in the world.",
    article_id="a-004",
    source="",
    url="seed:004_bbfa629a4113e10e.txt",
    title="Meta invests $14 billion in Scale to catch up in the AI race",
    published=date(2025, 6, 13),
    sources=(),
    independent_sources=1,
    confidence=0.64,
)


AP_VALUATION = FigureSide(
    stated="over $29 billion",
    low=29e9,
    high=None,
    unit="USD",
    quote="The deal values Scale at over $29 billion, according to the companies.",
    article_id="a-000",
    source="Associated Press",
    url="https://apnews.com/article/meta-scale-ai-wang",
    title="Meta invests $14.3B in AI firm Scale and recruits its CEO for 'superintelligence' team",
    published=date(2025, 6, 13),
    sources=("Associated Press", "example-syndicate.com"),
    independent_sources=1,
)


DEAL = dict(
    deal_id="meta--scale-ai",
    acquirer="Meta",
    target="Scale AI",
    people=("Alexandr Wang",),
    deal_kind="investment and hire",
)


def _alert(kind: AlertKind, key: str, reason: str, **fields: Any) -> AlertRecord:
    """An alert of ``kind`` created at CREATED, its id and dedup key made from the kind and ``key``."""
    return AlertRecord(
        alert_id=f"al-{kind.replace('_', '-')}",
        dedup_key=f"{kind}:{key}",
        kind=kind,
        created_at=CREATED,
        reason=reason,
        **fields,
    )


def sample_alerts() -> dict[str, AlertRecord]:
    """One alert of each kind the snapshots cover, from the seeds' case."""
    return {
        "new_deal": _alert(
            "new_deal",
            "meta--scale-ai",
            "first article naming this deal",
            detail="Meta will invest $14.3 billion in Scale AI and hire its CEO Alexandr Wang.",
            source="Associated Press",
            url=AP_VALUATION.url,
            title=AP_VALUATION.title,
            **DEAL,
        ),
        "new_figure": _alert(
            "new_figure",
            "meta--scale-ai:target_valuation_usd",
            "first figure for this metric",
            subject="Scale AI",
            metric="target_valuation_usd",
            figure=AP_VALUATION,
            **DEAL,
        ),
        "contradiction": _alert(
            "contradiction",
            "meta--scale-ai:person_age:Alexandr Wang",
            "intervals [28, 28] and [21, 21] do not overlap",
            subject="Alexandr Wang",
            metric="person_age",
            figure=VCPOST_AGE,
            other=SEED_004_AGE,
            **DEAL,
        ),
        "feed_failing": _alert(
            "feed_failing",
            "https://ledger.example/rss",
            "3 failed runs in a row",
            feed_url="https://ledger.example/rss?section=ai&format=rss",
            feed_name="The Ledger",
            detail="HTTP 503 Service Unavailable",
        ),
    }


def with_hostile_text(alert: AlertRecord) -> AlertRecord:
    """The alert with article text that tries to format, mention, link and inject headers."""
    evil = "<b>bold</b> *bold* _it_ ~del~ `code` <!channel> <!here> <@U123> <http://evil.example|click>\nBcc: x@evil.example"
    side = dataclasses.replace(VCPOST_AGE, title=evil, quote=evil, source=evil, stated=evil)
    return dataclasses.replace(
        alert,
        title=evil,
        detail=evil,
        source=evil,
        figure=side,
        other=side,
        feed_name=evil,
        subject=evil,
    )
