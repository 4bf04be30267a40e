"""Feed health: what each poll did to its feed's row, the alerts a change of state raises.

``record_feed_polls`` writes a run's polls in a handful of statements (one UPDATE a
round of polls, one MERGE of the entries seen); a feed failing ``failing_after`` runs
in a row raises ``feed_failing`` once per streak, and ``feed_recovered`` when it works again.

Also the hosts a run stopped asking (``record_host_trips``, issue 19): one row per host
and run in ``store.host_trips``, which the ``host_health`` view reads.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import duckdb

from extractors.fetch.feeds import unique_entries
from extractors.records import (
    Analysis,
    Article,
    FeedPollResult,
    FeedState,
    FetchStatus,
    unreachable_reason,
)
from extractors.urls import host_of
from warehouse import outbox
from warehouse.db import transaction
from warehouse.records import AlertRecord
from warehouse.rows import DECISIONS, Table, alert_id, decision_row, one_of, utc
from warehouse.write_refetch import has_aliases


def known_urls(con: duckdb.DuckDBPyConnection, canonical_urls: Sequence[str]) -> set[str]:
    """The URLs (canonical) stored as an article's, or as another link to one (an aggregator's)."""
    if not canonical_urls:
        return set()
    with one_of(con, sorted(set(canonical_urls))) as (among, params):
        rows = con.execute(
            f"SELECT DISTINCT canonical_url FROM store.articles WHERE canonical_url {among}",  # noqa: S608 - placeholders
            params,
        ).fetchall()
        known = {r[0] for r in rows}
        if has_aliases(con):
            known |= {
                r[0]
                for r in con.execute(
                    f"SELECT alias_url FROM store.url_aliases WHERE alias_url {among}",  # noqa: S608 - placeholders
                    params,
                ).fetchall()
            }
    return known


def feed_states(con: duckdb.DuckDBPyConnection, feed_urls: Sequence[str]) -> dict[str, FeedState]:
    if not feed_urls:
        return {}
    with one_of(con, sorted(set(feed_urls))) as (among, params):
        rows = con.execute(
            "SELECT url, etag, last_modified, body_hash, last_polled_at, last_unconditional_at, "  # noqa: S608 - placeholders
            "consecutive_failures, poll_interval_s, next_poll_at, validators_dropped "
            f"FROM store.feeds WHERE url {among}",
            params,
        ).fetchall()
    return {
        row[0]: FeedState(
            feed_url=row[0],
            etag=row[1],
            last_modified=row[2],
            body_hash=row[3],
            last_polled_at=row[4],
            last_unconditional_at=row[5],
            consecutive_failures=int(row[6] or 0),
            poll_interval_s=row[7],
            next_poll_at=row[8],
            validators_dropped=bool(row[9]),
        )
        for row in rows
    }


def _feed_alert(
    kind: str, result: FeedPollResult, now: datetime, failures: int, streak_started: str
) -> AlertRecord:
    dedup_key = f"{kind}|{result.feed_url}|{streak_started}"
    if kind == "feed_failing":
        reason = f"failed {failures} runs in a row"
        detail = result.error or result.status.value
    else:
        reason = "works again after failing"
        detail = f"HTTP {result.http_status}" if result.http_status else result.status.value
    return AlertRecord(
        alert_id=alert_id(dedup_key),
        dedup_key=dedup_key,
        kind=kind,  # type: ignore[arg-type]
        created_at=now,
        reason=reason,
        feed_url=result.feed_url,
        feed_name=result.feed_name,
        detail=detail,
    )


@dataclass(frozen=True, slots=True)
class _FeedHealth:
    failures: int
    alerted: bool
    last_success: datetime | None
    last_unconditional: datetime | None


_NEW_FEED = _FeedHealth(failures=0, alerted=False, last_success=None, last_unconditional=None)


def _feed_health(con: duckdb.DuckDBPyConnection, urls: Sequence[str]) -> dict[str, _FeedHealth]:
    if not urls:
        return {}
    with one_of(con, sorted(set(urls))) as (among, params):
        rows = con.execute(
            "SELECT url, consecutive_failures, failing_alerted, last_success_at, "  # noqa: S608 - placeholders
            f"last_unconditional_at FROM store.feeds WHERE url {among}",
            params,
        ).fetchall()
    return {row[0]: _FeedHealth(*row[1:]) for row in rows}


def _after_poll(
    result: FeedPollResult, before: _FeedHealth, *, failing_after: int, run_id: str, now: datetime
) -> tuple[_FeedHealth, AlertRecord | None]:
    """A feed's health once this poll is counted, and the alert its change of state raises."""
    ok = result.status in (FetchStatus.OK, FetchStatus.NOT_MODIFIED)
    failures = 0 if ok else before.failures + 1
    last_success, last_unconditional = before.last_success, before.last_unconditional
    if ok:
        last_success = result.fetched_at
        if result.status is FetchStatus.OK and not result.conditional:
            last_unconditional = result.fetched_at
    if result.unconditional_at is not None:
        last_unconditional = result.unconditional_at
    alert: AlertRecord | None = None
    alerted = before.alerted
    if not ok and failures >= failing_after and not alerted:
        alert = _feed_alert("feed_failing", result, now, failures, run_id)
        alerted = True
    elif ok and alerted:
        alert = _feed_alert("feed_recovered", result, now, before.failures, run_id)
        alerted = False
    return _FeedHealth(failures, alerted, last_success, last_unconditional), alert


# What one poll adds to its feed's row (a row of _poll_row, by these names): the counters add up
# in SQL, so a feed polled twice in one batch goes into two statements.
_POLLS = Table(
    "polls",  # not a table: the rows the UPDATE of store.feeds reads
    ("url", "name", "keep_validators", "etag", "last_modified", "body_hash", "polled_at",
     "last_unconditional", "last_success", "status", "http_status", "ok", "error", "bozo",
     "failures", "items", "latency_ms", "poll_interval_s", "next_poll_at", "validators_dropped",
     "alerted"),
    {"url": "VARCHAR", "name": "VARCHAR", "keep_validators": "BOOLEAN", "etag": "VARCHAR",
     "last_modified": "VARCHAR", "body_hash": "VARCHAR", "polled_at": "TIMESTAMPTZ",
     "last_unconditional": "TIMESTAMPTZ", "last_success": "TIMESTAMPTZ", "status": "VARCHAR",
     "http_status": "INTEGER", "ok": "BOOLEAN", "error": "VARCHAR", "bozo": "VARCHAR",
     "failures": "INTEGER", "items": "BIGINT", "latency_ms": "DOUBLE", "poll_interval_s": "DOUBLE",
     "next_poll_at": "TIMESTAMPTZ", "validators_dropped": "BOOLEAN", "alerted": "BOOLEAN"},
)  # fmt: skip
_UPDATE_FEEDS = (
    "UPDATE store.feeds AS f SET name = v.name, "  # noqa: S608 - column names of _POLLS
    "etag = CASE WHEN v.keep_validators THEN v.etag ELSE f.etag END, "
    "last_modified = CASE WHEN v.keep_validators THEN v.last_modified ELSE f.last_modified END, "
    "body_hash = coalesce(v.body_hash, f.body_hash), last_polled_at = v.polled_at, "
    "last_unconditional_at = v.last_unconditional, last_success_at = v.last_success, "
    "last_status = v.status, last_http_status = v.http_status, "
    "last_error = CASE WHEN v.ok THEN f.last_error ELSE v.error END, last_bozo = v.bozo, "
    "consecutive_failures = v.failures, polls = f.polls + 1, items_seen = f.items_seen + v.items, "
    "latency_ms_total = f.latency_ms_total + coalesce(v.latency_ms, 0), "
    "latency_samples = f.latency_samples + CASE WHEN v.latency_ms IS NULL THEN 0 ELSE 1 END, "
    "poll_interval_s = coalesce(v.poll_interval_s, f.poll_interval_s), next_poll_at = v.next_poll_at, "
    "validators_dropped = f.validators_dropped OR v.validators_dropped, failing_alerted = v.alerted "
    "FROM ({rows}) AS v WHERE f.url = v.url"
)


def _poll_row(result: FeedPollResult, health: _FeedHealth) -> dict[str, Any]:
    next_poll = result.next_poll_at
    if next_poll is None and result.poll_interval_s:
        next_poll = result.fetched_at + timedelta(seconds=result.poll_interval_s)
    return {
        "url": result.feed_url,
        "name": result.feed_name,
        "keep_validators": result.status is FetchStatus.OK,
        "etag": result.etag,
        "last_modified": result.last_modified,
        "body_hash": result.body_hash,
        "polled_at": result.fetched_at,
        "last_unconditional": utc(health.last_unconditional),
        "last_success": utc(health.last_success),
        "status": result.status.value,
        "http_status": result.http_status,
        "ok": result.status in (FetchStatus.OK, FetchStatus.NOT_MODIFIED),
        "error": result.error,
        "bozo": result.bozo,
        "failures": health.failures,
        "items": len(result.entries),
        "latency_ms": result.latency_ms,
        "poll_interval_s": result.poll_interval_s,
        "next_poll_at": next_poll,
        "validators_dropped": result.validators_dropped,
        "alerted": health.alerted,
    }


_FEED_ITEMS = Table(
    "items",  # not a table: the rows the MERGE into store.feed_items reads
    ("feed_url", "canonical_url", "entry_id", "title"),
    {"feed_url": "VARCHAR", "canonical_url": "VARCHAR", "entry_id": "VARCHAR", "title": "VARCHAR"},
)
_MERGE_FEED_ITEMS = (
    "MERGE INTO store.feed_items AS f USING ({rows}) AS n "  # noqa: S608 - column names of _FEED_ITEMS
    "ON f.feed_url = n.feed_url AND f.canonical_url = n.canonical_url "
    "WHEN NOT MATCHED THEN INSERT (feed_url, canonical_url, entry_id, title, first_seen_at) "
    "VALUES (n.feed_url, n.canonical_url, n.entry_id, n.title, ?)"
)

FEEDS = Table("store.feeds", ("url", "name"), {"url": "VARCHAR", "name": "VARCHAR"})


def record_feed_polls(
    con: duckdb.DuckDBPyConnection,
    results: Sequence[FeedPollResult],
    *,
    run_id: str,
    failing_after: int,
    now: datetime,
) -> list[str]:
    """Feed state and health after a run's polls; returns the ids of feed alerts raised.

    A handful of statements for the whole batch, whatever its size.
    """
    raised: list[str] = []
    with transaction(con):
        health = _feed_health(con, list({r.feed_url for r in results}))
        new_feeds = {r.feed_url: r.feed_name for r in results if r.feed_url not in health}
        FEEDS.insert(con, [{"url": url, "name": name} for url, name in new_feeds.items()])
        rounds: list[list[dict[str, Any]]] = []
        seen: dict[str, int] = {}
        alerts: list[AlertRecord] = []
        items: list[dict[str, Any]] = []
        for result in results:
            after, alert = _after_poll(
                result,
                health.get(result.feed_url, _NEW_FEED),
                failing_after=failing_after,
                run_id=run_id,
                now=now,
            )
            health[result.feed_url] = after
            turn = seen.get(result.feed_url, 0)
            seen[result.feed_url] = turn + 1
            if turn == len(rounds):
                rounds.append([])
            rounds[turn].append(_poll_row(result, after))
            if alert is not None:
                alerts.append(alert)
            items.extend(
                {
                    "feed_url": result.feed_url,
                    "canonical_url": url,
                    "entry_id": e.entry_id,
                    "title": e.title,
                }
                for url, e in unique_entries(result.entries).items()
            )
        for rows in rounds:
            with _POLLS.batch(con, rows) as (polls, params):
                con.execute(_UPDATE_FEEDS.format(rows=polls), params)
        for alert in alerts:
            if outbox.insert_alert(con, alert, run_id=run_id):
                decision = decision_row(alert, "fired", alert.reason, run_id=run_id, now=now)
                DECISIONS.insert(con, [decision])
                raised.append(alert.alert_id)
        if items:
            first: dict[tuple[str, str], dict[str, Any]] = {}
            for item in items:  # a feed polled twice in a batch lists its entries twice
                first.setdefault((item["feed_url"], item["canonical_url"]), item)
            with _FEED_ITEMS.batch(con, list(first.values())) as (fresh, params):
                con.execute(_MERGE_FEED_ITEMS.format(rows=fresh), [*params, now])
    return raised


# --- hosts a run stopped asking (issue 19) -----------------------------------

HOST_TRIPS = Table(
    "store.host_trips",
    ("host", "run_id", "reason", "pages", "feeds", "tripped_at"),
    {"host": "VARCHAR", "run_id": "VARCHAR", "reason": "VARCHAR", "pages": "INTEGER",
     "feeds": "INTEGER", "tripped_at": "TIMESTAMPTZ"},
)  # fmt: skip


def record_host_trips(
    con: duckdb.DuckDBPyConnection,
    items: Sequence[tuple[Article, Analysis]],
    poll_results: Sequence[FeedPollResult],
    *,
    run_id: str,
    now: datetime,
) -> list[tuple[str, str, int, int]]:
    """The hosts this run left unreachable, from what their pages and feeds say (``host
    unreachable: ...``), under any task runner; returns (host, reason, pages, feeds) of each."""
    found: dict[str, list[Any]] = {}
    for article, _ in items:
        reason = unreachable_reason(article.fetch_again)
        if reason is not None and article.extraction == "feed_summary":
            found.setdefault(host_of(article.url), [reason, 0, 0])[1] += 1
    for result in poll_results:
        reason = unreachable_reason(result.error)
        if reason is not None:
            found.setdefault(host_of(result.feed_url), [reason, 0, 0])[2] += 1
    rows = [(host, reason, pages, feeds) for host, (reason, pages, feeds) in found.items()]
    HOST_TRIPS.insert_new(
        con,
        [
            {"host": host, "run_id": run_id, "reason": reason, "pages": pages, "feeds": feeds,
             "tripped_at": now}
            for host, reason, pages, feeds in rows
        ],
        key=("host", "run_id"),
    )  # fmt: skip
    return rows
