"""Records the warehouse tests store: an article, a deal mention and a stated figure, with the
defaults they share."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import duckdb

from extractors.records import Article, Claim, DealMention, Role

NOW = datetime(2025, 6, 14, 12, 0, tzinfo=UTC)


def article(
    aid: str,
    text: str,
    source: str,
    *,
    published: date | None = date(2025, 6, 13),
    title: str | None = None,
    fingerprint: tuple[int, ...] = (),
    url: str | None = None,
) -> Article:
    url = url or f"https://news.example/{aid}"
    return Article(
        article_id=aid,
        url=url,
        canonical_url=url,
        source=source,
        title=title,
        author=None,
        published=published,
        fetched_at=NOW,
        text=text,
        language="en",
        fingerprint=fingerprint,
        origin="feed",
    )


def mention(
    evidence: str,
    *,
    deal_id: str = "meta--scale-ai",
    acquirer: str = "Meta",
    target: str = "Scale AI",
    people: tuple[str, ...] = ("Alexandr Wang",),
    kind: str = "investment_and_hire",
    role: Role = "subject",
    score: float = 0.9,
) -> DealMention:
    """A mention of Meta–Scale AI, ``evidence`` the sentence that shows it, unless told otherwise."""
    return DealMention(deal_id, acquirer, target, people, kind, role, score, evidence)


def claim(
    aid: str,
    metric: str,
    stated: str,
    low: float | None,
    high: float | None,
    text: str,
    subject: str = "meta--scale-ai",
) -> Claim:
    """``stated`` as ``text`` (the quote) states it, about Meta–Scale AI."""
    start = text.index(stated)
    return Claim(
        claim_id=f"{aid}-{metric}-{start}",
        article_id=aid,
        deal_id="meta--scale-ai",
        subject=subject,
        metric=metric,
        low=low,
        high=high,
        unit="USD",
        stated=stated,
        qualifier=None,
        quote=text,
        start=start,
        end=start + len(stated),
        as_of=date(2025, 6, 13),
    )


def copy_stored_rows(con: duckdb.DuckDBPyConnection, current: Path) -> None:
    """Articles, deals, mentions and claims of the ``current`` warehouse copied into ``con``, a
    warehouse migrated only so far; ``current`` stays attached as ``current``."""
    con.execute(f"ATTACH '{current}' AS current (READ_ONLY)")
    for table in ("articles", "deals", "deal_mentions", "claims"):
        # only the columns the older schema has: later migrations add columns (005: confidence)
        columns = [
            r[0]
            for r in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_catalog = current_database() "
                "AND table_schema = 'store' AND table_name = ? ORDER BY ordinal_position",
                [table],
            ).fetchall()
        ]
        listed = ", ".join(columns)
        con.execute(
            f"INSERT INTO store.{table} ({listed}) SELECT {listed} FROM current.store.{table}"
        )
