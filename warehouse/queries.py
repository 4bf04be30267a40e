"""Read-side questions: what a run prints, and arbitrary read-only SQL."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import duckdb

from extractors.records import Article

Rows = list[dict[str, Any]]


@dataclass(frozen=True, slots=True)
class RunSummary:
    deals: Rows = field(default_factory=list)
    figures: Rows = field(default_factory=list)
    contradictions: Rows = field(default_factory=list)
    alerts: Rows = field(default_factory=list)
    failing_feeds: Rows = field(default_factory=list)


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> Rows:
    cursor = con.execute(sql, params or [])
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def run_summary(con: duckdb.DuckDBPyConnection) -> RunSummary:
    """Deals with their accepted figures and source counts, contradictions, alerts by status, failing feeds."""
    return RunSummary(
        deals=_rows(
            con,
            "SELECT deal_id, acquirer, target, kind, people, articles, sources FROM deals "
            "ORDER BY subject_articles DESC, sources DESC, deal_id",
        ),
        figures=_rows(
            con,
            "SELECT deal_id, subject, metric, low, high, independent_sources, sources, dissenting_sources "
            "FROM accepted_figures ORDER BY deal_id, metric, subject",
        ),
        contradictions=_rows(
            con,
            "SELECT deal_id, subject, metric, a_stated, a_sources, b_stated, b_sources FROM contradictions "
            "ORDER BY detected_at",
        ),
        alerts=_rows(
            con,
            "SELECT kind, status, count(*) AS n FROM alert_log GROUP BY ALL ORDER BY kind, status",
        ),
        failing_feeds=_rows(
            con,
            "SELECT name, url, last_error, consecutive_failures FROM feed_health "
            "WHERE consecutive_failures > 0 ORDER BY name",
        ),
    )


def sql_query(con: duckdb.DuckDBPyConnection, sql: str) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Run one statement on a (read-only) connection; returns column names and rows."""
    cursor = con.execute(sql)
    if cursor.description is None:
        return [], []
    return [d[0] for d in cursor.description], cursor.fetchall()


def feed_health(con: duckdb.DuckDBPyConnection) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Every feed, failing ones first: what `dealwatch feeds` prints."""
    return sql_query(con, "SELECT * FROM feed_health ORDER BY consecutive_failures DESC, name")


def host_health(con: duckdb.DuckDBPyConnection) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Hosts a run stopped asking, unreachable ones first (what `dealwatch feeds` adds below its
    feeds); none from a warehouse older than the view."""
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'host_health'"
    ).fetchone()
    if not exists or not exists[0]:
        return [], []
    return sql_query(
        con,
        "SELECT * FROM host_health ORDER BY status = 'unreachable' DESC, pages_waiting DESC, host",
    )


_STORED_ARTICLE = (
    "SELECT article_id, url, canonical_url, source, title, author, published, fetched_at, text, language, "
    "origin, extraction, extraction_note, feed_url FROM store.articles WHERE article_id = ?"
)


def stored_article(con: duckdb.DuckDBPyConnection, article_id: str) -> Article | None:
    """A stored article as the analysis takes it (``dealwatch explain``), or None."""
    row = con.execute(_STORED_ARTICLE, [article_id]).fetchone()
    if row is None:
        return None
    (aid, url, canonical, source, title, author, published, fetched_at, text, language, origin, extraction,
     note, feed_url) = row  # fmt: skip
    return Article(
        article_id=aid,
        url=url,
        canonical_url=canonical,
        source=source,
        title=title,
        author=author,
        published=published,
        fetched_at=fetched_at,
        text=text,
        language=language,
        fingerprint=(),
        origin=origin,
        extraction=extraction,
        extraction_note=note,
        feed_url=feed_url,
    )


@dataclass(frozen=True, slots=True)
class ReportRows:
    """What the static report shows, read from the public views only (so an export serves too)."""

    deals: Rows = field(default_factory=list)
    mentions: Rows = field(default_factory=list)
    articles: Rows = field(default_factory=list)
    figures: Rows = field(default_factory=list)
    accepted: Rows = field(default_factory=list)
    contradictions: Rows = field(default_factory=list)
    alerts: Rows = field(default_factory=list)
    decisions: Rows = field(default_factory=list)
    feeds: Rows = field(default_factory=list)


def report_rows(con: duckdb.DuckDBPyConnection, deal_ids: list[str] | None = None) -> ReportRows:
    """Every deal (for the index) and, for ``deal_ids`` (default: all), what their pages show."""
    deals = _rows(
        con,
        "SELECT deal_id, acquirer, target, kind, people, first_seen, articles, sources, announced, "
        "subject_articles, confidence FROM deals ORDER BY deal_id",
    )
    chosen = [d["deal_id"] for d in deals] if deal_ids is None else list(deal_ids)
    # Mentions and articles of every deal, contradictions and accepted values of every key: the
    # index charts each deal's coverage over time and counts its open contradictions.
    mentions = _rows(
        con,
        "SELECT article_id, deal_id, role, kind, people, score FROM deal_mentions "
        "ORDER BY deal_id, article_id",
    )
    articles = _rows(
        con,
        "SELECT article_id, url, source, title, published, relevance, duplicate_of, story_id, "
        "fetched_at, stored_at FROM articles "
        "WHERE article_id IN (SELECT article_id FROM deal_mentions) ORDER BY article_id",
    )
    figures = _rows(
        con,
        "SELECT deal_id, subject, metric, low, high, stated, qualifier, article_id, source, url, "
        "published, quote, claim_id, unit, as_of, duplicate_of, story_id, confidence FROM figures "
        "WHERE list_contains(?, deal_id) ORDER BY deal_id, subject, metric, claim_id",
        [chosen],
    )
    accepted = _rows(
        con,
        "SELECT deal_id, subject, metric, low, high, sources, independent_sources, "
        "dissenting_sources FROM accepted_figures ORDER BY deal_id, subject, metric",
    )
    contradictions = _rows(
        con,
        "SELECT deal_id, subject, metric, a_claim_id, b_claim_id, detected_at "
        "FROM contradiction_claims ORDER BY deal_id, detected_at, subject, metric",
    )
    alerts = _rows(
        con,
        "SELECT alert_id, kind, deal_id, subject, metric, status, reason, created_at, sent_at, "
        "dedup_key, channels_sent FROM alert_log WHERE list_contains(?, deal_id) "
        "ORDER BY created_at, alert_id",
        [chosen],
    )
    decisions = _rows(
        con,
        "SELECT dedup_key, alert_id, kind, decision, reason, deal_id, subject, metric, claim_id, "
        "article_id, decided_at FROM alert_decisions WHERE list_contains(?, deal_id) "
        "ORDER BY decided_at, dedup_key",
        [chosen],
    )
    feeds = _rows(
        con,
        "SELECT name, url, last_success, last_error, consecutive_failures, items_seen, "
        "avg_latency_ms, last_polled_at FROM feed_health ORDER BY consecutive_failures DESC, name",
    )
    return ReportRows(
        deals=deals,
        mentions=mentions,
        articles=articles,
        figures=figures,
        accepted=accepted,
        contradictions=contradictions,
        alerts=alerts,
        decisions=decisions,
        feeds=feeds,
    )
