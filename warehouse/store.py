"""Writing a run's results: feed health, articles, deals, claims, and the alerts they raise.

Every function takes an open write connection and does its work in one
transaction: all of a batch is written, or none of it. Writes are keyed on
natural keys (article id, claim id, deal id, dedup key), so storing the same
batch twice changes nothing and raises nothing twice.

Alert policy (the audit trail in ``store.alert_decisions`` records each choice):

- ``new_deal`` once per deal, when an article is about it or states a figure of
  it; a deal only named in passing gets its row, and a decision saying why it
  stayed quiet, until then;
- ``new_figure`` and ``contradiction`` per :mod:`warehouse.reconcile`;
- a backfill records its alerts as the baseline (suppressed, not sent) unless
  asked to notify; muted deals and metrics are recorded as suppressed too.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any, NamedTuple

import duckdb
import numpy as np

from extractors.fetch.feeds import unique_entries
from extractors.fingerprint import NUM_PERM, lsh_keys, same_story_mask
from extractors.records import (
    Analysis,
    Article,
    Claim,
    DealMention,
    FeedEntry,
    FeedPollResult,
    FeedState,
    FetchStatus,
    unreachable_reason,
)
from extractors.urls import canonical_url, host_of
from warehouse import outbox, reconcile
from warehouse.db import transaction
from warehouse.records import AlertRecord, FigureSide, LinkAlias, StoreResult


@dataclass(frozen=True, slots=True)
class ReconcilePolicy:
    baseline: bool = False  # a backfill: record alerts as the known baseline, do not send them
    mute_deals: frozenset[str] = field(default_factory=frozenset)
    mute_metrics: frozenset[str] = field(default_factory=frozenset)
    realert_on_new_source: bool = False
    same_moment_days: int = 30
    # Claims and deal mentions below this confidence are stored and shown, but raise no alert and
    # take no part in accepted values or contradictions (their decision row says "below confidence").
    min_confidence: float = 0.0

    def confident(self, confidence: float | None) -> bool:
        return confidence is None or confidence >= self.min_confidence


def _alert_id(dedup_key: str) -> str:
    return hashlib.sha256(dedup_key.encode()).hexdigest()[:16]


def _utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


# --- runs -------------------------------------------------------------------


def start_run(
    con: duckdb.DuckDBPyConnection, kind: str, now: datetime, *, run_id: str | None = None
) -> str:
    run_id = run_id or f"{now:%Y%m%dT%H%M%SZ}-{kind}"
    # Keyed writes check their key themselves: a DuckLake has no constraints to conflict on.
    con.execute(
        "INSERT INTO store.runs (run_id, kind, started_at) SELECT ?, ?, ? "
        "WHERE NOT EXISTS (SELECT 1 FROM store.runs WHERE run_id = ?)",
        [run_id, kind, now, run_id],
    )
    return run_id


def finish_run(
    con: duckdb.DuckDBPyConnection,
    run_id: str,
    *,
    status: str,
    summary: Mapping[str, Any],
    now: datetime,
) -> None:
    """Record a run's end once: a second call for the same run (an end kept for later and
    recorded by the next run, then recorded again after a crash) changes nothing."""
    con.execute(
        "INSERT INTO store.run_ends (run_id, status, finished_at, summary) "
        "SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM store.run_ends WHERE run_id = ?)",
        [run_id, status, now, json.dumps(summary, default=str), run_id],
    )


# --- feeds ------------------------------------------------------------------


def known_urls(con: duckdb.DuckDBPyConnection, canonical_urls: Sequence[str]) -> set[str]:
    """The URLs (canonical) stored as an article's, or as another link to one (an aggregator's)."""
    if not canonical_urls:
        return set()
    rows = con.execute(
        "SELECT DISTINCT canonical_url FROM store.articles WHERE canonical_url IN (SELECT unnest(?))",
        [list(canonical_urls)],
    ).fetchall()
    known = {r[0] for r in rows}
    if _has_aliases(con):
        known |= {
            r[0]
            for r in con.execute(
                "SELECT alias_url FROM store.url_aliases WHERE alias_url IN (SELECT unnest(?))",
                [list(canonical_urls)],
            ).fetchall()
        }
    return known


def _has_aliases(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the warehouse has the aliases table yet: a reader may open a file a run of older
    code wrote (read connections do not migrate)."""
    row = con.execute(
        "SELECT count(*) FROM information_schema.tables "
        "WHERE table_schema = 'store' AND table_name = 'url_aliases'"
    ).fetchone()
    return bool(row and row[0])


def feed_states(con: duckdb.DuckDBPyConnection, feed_urls: Sequence[str]) -> dict[str, FeedState]:
    if not feed_urls:
        return {}
    rows = con.execute(
        "SELECT url, etag, last_modified, body_hash, last_polled_at, last_unconditional_at, consecutive_failures, "
        "poll_interval_s, next_poll_at, validators_dropped FROM store.feeds WHERE url IN (SELECT unnest(?))",
        [list(feed_urls)],
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
        alert_id=_alert_id(dedup_key),
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
    rows = con.execute(
        "SELECT url, consecutive_failures, failing_alerted, last_success_at, last_unconditional_at "
        "FROM store.feeds WHERE url IN (SELECT unnest(?::VARCHAR[]))",
        [list(urls)],
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


# What one poll adds to its feed's row, one column per value of _poll_row: the counters add up
# in SQL, so a feed polled twice in one batch goes into two statements.
_UPDATE_FEEDS = (
    "UPDATE store.feeds AS f SET name = v.name, "
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
    "FROM (SELECT unnest(?::VARCHAR[]) AS url, unnest(?::VARCHAR[]) AS name, unnest(?::BOOLEAN[]) AS keep_validators, "
    "unnest(?::VARCHAR[]) AS etag, unnest(?::VARCHAR[]) AS last_modified, unnest(?::VARCHAR[]) AS body_hash, "
    "unnest(?::TIMESTAMPTZ[]) AS polled_at, unnest(?::TIMESTAMPTZ[]) AS last_unconditional, unnest(?::TIMESTAMPTZ[]) AS last_success, "
    "unnest(?::VARCHAR[]) AS status, unnest(?::INTEGER[]) AS http_status, unnest(?::BOOLEAN[]) AS ok, "
    "unnest(?::VARCHAR[]) AS error, unnest(?::VARCHAR[]) AS bozo, unnest(?::INTEGER[]) AS failures, "
    "unnest(?::BIGINT[]) AS items, unnest(?::DOUBLE[]) AS latency_ms, unnest(?::DOUBLE[]) AS poll_interval_s, "
    "unnest(?::TIMESTAMPTZ[]) AS next_poll_at, unnest(?::BOOLEAN[]) AS validators_dropped, unnest(?::BOOLEAN[]) AS alerted"
    ") AS v WHERE f.url = v.url"
)
_POLL_ROW_WIDTH = 21


def _poll_row(result: FeedPollResult, health: _FeedHealth) -> tuple[Any, ...]:
    next_poll = result.next_poll_at
    if next_poll is None and result.poll_interval_s:
        next_poll = result.fetched_at + timedelta(seconds=result.poll_interval_s)
    return (
        result.feed_url,
        result.feed_name,
        result.status is FetchStatus.OK,
        result.etag,
        result.last_modified,
        result.body_hash,
        result.fetched_at,
        _utc(health.last_unconditional),
        _utc(health.last_success),
        result.status.value,
        result.http_status,
        result.status in (FetchStatus.OK, FetchStatus.NOT_MODIFIED),
        result.error,
        result.bozo,
        health.failures,
        len(result.entries),
        result.latency_ms,
        result.poll_interval_s,
        next_poll,
        result.validators_dropped,
        health.alerted,
    )


def _columns(rows: Sequence[Sequence[Any]], width: int) -> list[list[Any]]:
    return [list(column) for column in zip(*rows, strict=True)] if rows else [[]] * width


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
        if new_feeds:
            con.execute(
                "INSERT INTO store.feeds (url, name) SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[])",
                [list(new_feeds), list(new_feeds.values())],
            )
        rounds: list[list[tuple[Any, ...]]] = []
        seen: dict[str, int] = {}
        alerts: list[AlertRecord] = []
        items: list[tuple[str, str, str | None, str | None]] = []
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
                (result.feed_url, url, e.entry_id, e.title)
                for url, e in unique_entries(result.entries).items()
            )
        for rows in rounds:
            con.execute(_UPDATE_FEEDS, _columns(rows, _POLL_ROW_WIDTH))
        for alert in alerts:
            if outbox.insert_alert(con, alert, run_id=run_id):
                decision = _decision_row(alert, "fired", alert.reason, run_id=run_id, now=now)
                _insert_rows(con, _DECISIONS, _DECISION_ROW, [decision])
                raised.append(alert.alert_id)
        if items:
            first: dict[tuple[str, str], tuple[str, str, str | None, str | None]] = {}
            for item in items:  # a feed polled twice in a batch lists its entries twice
                first.setdefault((item[0], item[1]), item)
            con.execute(
                "MERGE INTO store.feed_items AS f USING (SELECT unnest(?) AS feed_url, unnest(?) AS "
                "canonical_url, unnest(?) AS entry_id, unnest(?) AS title) AS n "
                "ON f.feed_url = n.feed_url AND f.canonical_url = n.canonical_url "
                "WHEN NOT MATCHED THEN INSERT (feed_url, canonical_url, entry_id, title, first_seen_at) "
                "VALUES (n.feed_url, n.canonical_url, n.entry_id, n.title, ?)",
                [*_columns(list(first.values()), 4), now],
            )
    return raised


# --- articles, deals, claims -------------------------------------------------


@dataclass(frozen=True, slots=True)
class _StoryCandidate:
    stored_at: datetime
    article_id: str
    story_id: str
    fingerprint: tuple[int, ...]


def _stored_candidates(
    con: duckdb.DuckDBPyConnection, band_keys: set[int]
) -> tuple[dict[int, set[str]], dict[str, _StoryCandidate]]:
    """Stored articles sharing an LSH band with the batch: who is in each band, and their prints."""
    if not band_keys:
        return {}, {}
    if len(band_keys) <= _BAND_LOOKUPS:
        # Integer literals rather than a parameter list: DuckDB looks a constant IN list up in the
        # band index, and scans the whole table for a list parameter.
        literals = ", ".join(str(int(key)) for key in sorted(band_keys))
        rows = con.execute(
            f"SELECT band_key, article_id FROM store.article_lsh WHERE band_key IN ({literals})"  # noqa: S608 - integers
        ).fetchall()
    else:
        rows = con.execute(
            "SELECT band_key, article_id FROM store.article_lsh WHERE band_key IN (SELECT unnest(?))",
            [sorted(band_keys)],
        ).fetchall()
    members: dict[int, set[str]] = {}
    for band_key, article_id in rows:
        members.setdefault(band_key, set()).add(article_id)
    ids = sorted({article_id for _, article_id in rows})
    if not ids:
        return members, {}
    among, params = _one_of(ids)
    candidates = {
        r[0]: _StoryCandidate(
            stored_at=r[3], article_id=r[0], story_id=r[1] or r[0], fingerprint=tuple(r[2] or ())
        )
        for r in con.execute(
            f"SELECT article_id, story_id, fingerprint, stored_at FROM store.articles WHERE article_id {among}",  # noqa: S608 - placeholders
            params,
        ).fetchall()
    }
    return members, candidates


def _band_keys(article: Article) -> list[int]:
    return lsh_keys(article.fingerprint) if article.fingerprint else []


def _stories_of(
    con: duckdb.DuckDBPyConnection,
    articles: Sequence[Article],
    keys_of: Sequence[Sequence[int]],
    now: datetime,
) -> dict[str, str | None]:
    """For each new article in order, the story it copies (its syndication group's first), if any.

    Candidates are the stored articles sharing an LSH band, and the batch's earlier
    articles, tried oldest first (stored time, then id) as if each article had been
    stored before the next was looked up; two queries for the whole batch.

    Stored candidates and the batch form one pool ranked once by (stored time, id); an
    article's candidates are the pool entries of its bands that come before it (every
    stored one, the batch's earlier ones), compared at once, and the lowest-ranked
    match wins: the first match of the candidates tried in order.
    """
    members, stored = _stored_candidates(con, {k for keys in keys_of for k in keys})
    pool = [*stored.values()]
    position = {c.article_id: p for p, c in enumerate(pool)}
    first_new = len(pool)
    pool.extend(
        _StoryCandidate(now, a.article_id, a.article_id, tuple(a.fingerprint or ()))
        for a in articles
    )
    in_band: dict[int, list[int]] = {
        key: [position[i] for i in ids if i in position] for key, ids in members.items()
    }
    for offset, keys in enumerate(keys_of):
        for key in keys:
            in_band.setdefault(key, []).append(first_new + offset)
    bands = {key: np.asarray(found, dtype=np.int64) for key, found in in_band.items()}
    ranked = sorted(range(len(pool)), key=lambda p: (pool[p].stored_at, pool[p].article_id))
    rank = np.empty(len(pool), dtype=np.int64)
    rank[ranked] = np.arange(len(pool))
    comparable = np.array([len(c.fingerprint) == NUM_PERM + 1 for c in pool], dtype=bool)
    prints = np.zeros((len(pool), NUM_PERM + 1), dtype=np.uint64)
    for p, candidate in enumerate(pool):
        if comparable[p]:
            prints[p] = candidate.fingerprint
    story = [c.story_id for c in pool]
    seen = np.zeros(len(pool), dtype=bool)
    copies: dict[str, str | None] = {}
    for offset, article in enumerate(articles):
        me = first_new + offset
        found: str | None = None
        if keys_of[offset]:
            hits = np.concatenate([bands[key] for key in keys_of[offset]])
            seen[hits] = True
            before = np.flatnonzero(seen[:me])
            seen[hits] = False
            tried = before[comparable[before]]
            matches = tried[same_story_mask(prints[tried], article.fingerprint)]
            if len(matches):
                found = story[int(matches[np.argmin(rank[matches])])]
        copies[article.article_id] = found
        story[me] = found or article.article_id
    return copies


# Band keys looked up one literal each up to this many; beyond, one scan of the band table.
_BAND_LOOKUPS = 512


# Up to this many article ids, string literals: looked up in the primary key (measured faster than
# a scan up to ~300 ids at 100k articles).
_LITERAL_LOOKUPS = 256
# Up to this many keys, one placeholder each: DuckDB looks each up in the index. Beyond, one
# list parameter, which it joins against with a scan: cheaper than thousands of lookups.
_LOOKUPS = 64


def _marks(values: Sequence[Any]) -> str:
    return ", ".join("?" * len(values))


def _one_of(values: Sequence[Any]) -> tuple[str, list[Any]]:
    """``IN (...)`` and its parameters for matching a column against ``values``."""
    if len(values) <= _LOOKUPS:
        return f"IN ({_marks(values)})", list(values)
    return "IN (SELECT unnest(?))", [list(values)]


def _insert_rows(
    con: duckdb.DuckDBPyConnection, insert: str, row: str, rows: Sequence[Sequence[Any]]
) -> None:
    """``insert`` (``INSERT INTO t (cols) VALUES``) with every row in one statement, not one statement a row."""
    if rows:
        con.execute(
            f"{insert} {', '.join([row] * len(rows))}", [value for r in rows for value in r]
        )


_ARTICLE_COLUMNS = (
    ("article_id", "VARCHAR"), ("url", "VARCHAR"), ("canonical_url", "VARCHAR"), ("source", "VARCHAR"),
    ("title", "VARCHAR"), ("author", "VARCHAR"), ("published", "DATE"), ("fetched_at", "TIMESTAMPTZ"),
    ("text", "VARCHAR"), ("language", "VARCHAR"), ("fingerprint", "UBIGINT[]"), ("origin", "VARCHAR"),
    ("extraction", "VARCHAR"), ("extraction_note", "VARCHAR"), ("feed_url", "VARCHAR"), ("relevance", "VARCHAR"),
    ("score", "DOUBLE"), ("evidence", "VARCHAR"), ("notes", "VARCHAR[]"), ("duplicate_of", "VARCHAR"),
    ("story_id", "VARCHAR"),
)  # fmt: skip
# One list parameter a column (typed, so that an empty or all-NULL column binds), run and time once:
# a multi-row VALUES statement binds one parameter per cell and costs several times more.
_ARTICLES = (
    f"INSERT INTO store.articles ({', '.join(name for name, _ in _ARTICLE_COLUMNS)}, run_id, stored_at) "
    f"SELECT {', '.join(f'unnest(?::{kind}[])' for _, kind in _ARTICLE_COLUMNS)}, ?, ?"
)


# A statement's rows are converted at once: 2,000 articles in one took 90 MB more than in ten, at
# the same speed (measured on the benchmark's corpus).
_ARTICLES_A_STATEMENT = 200


def _article_row(article: Article, analysis: Analysis, duplicate_of: str | None) -> tuple[Any, ...]:
    return (
        article.article_id,
        article.url,
        article.canonical_url,
        article.source,
        article.title,
        article.author,
        article.published,
        _utc(article.fetched_at),
        article.text,
        article.language,
        list(article.fingerprint),
        article.origin,
        article.extraction,
        article.extraction_note,
        article.feed_url,
        analysis.relevance,
        analysis.score,
        analysis.evidence,
        list(analysis.notes),
        duplicate_of,
        duplicate_of or article.article_id,
    )


def _insert_articles(
    con: duckdb.DuckDBPyConnection,
    items: Sequence[tuple[Article, Analysis]],
    *,
    run_id: str,
    now: datetime,
) -> dict[str, tuple[str, str]]:
    """The batch's new articles and their LSH bands; returns each article's story and outlet."""
    if not items:
        return {}
    articles = [article for article, _ in items]
    keys_of = [_band_keys(article) for article in articles]
    copies = _stories_of(con, articles, keys_of, now)
    for start in range(0, len(items), _ARTICLES_A_STATEMENT):
        rows = [
            _article_row(article, analysis, copies[article.article_id])
            for article, analysis in items[start : start + _ARTICLES_A_STATEMENT]
        ]
        con.execute(_ARTICLES, [*(list(column) for column in zip(*rows, strict=True)), run_id, now])
    bands = [
        (key, article.article_id)
        for article, keys in zip(articles, keys_of, strict=True)
        for key in sorted(set(keys))
    ]
    if bands:
        con.execute(
            "INSERT INTO store.article_lsh (band_key, article_id) SELECT unnest(?), unnest(?)",
            [[key for key, _ in bands], [article_id for _, article_id in bands]],
        )
    return {a.article_id: (copies[a.article_id] or a.article_id, a.source) for a in articles}


Key = tuple[str, str, str]  # (deal_id, subject, metric)

_DECISIONS = (
    "INSERT INTO store.alert_decisions (dedup_key, alert_id, kind, decision, reason, deal_id, subject, metric, "
    "claim_id, article_id, run_id, decided_at) VALUES"
)
_DECISION_ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
_ACCEPTED = (
    "INSERT INTO store.accepted (deal_id, subject, metric, low, high, claim_id, independent_sources, updated_at, "
    "sources, agreeing_stories, dissenting, dissenting_stories) VALUES"
)
_ACCEPTED_ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::STRUCT(stated VARCHAR, low DOUBLE, high DOUBLE, source VARCHAR)[], ?)"


@dataclass(frozen=True, slots=True)
class _Raised:
    """An alert for the outbox, written (or found to repeat a known fact) when the batch is flushed."""

    alert: AlertRecord  # as written: with its suppressed status, if any
    asked: AlertRecord  # as raised
    suppressed_because: str | None
    claim_id: str | None
    article_id: str | None


@dataclass(slots=True)
class _Deal:
    """A deal as the batch sees it: its row, kept up to date in memory and written with the batch."""

    acquirer: str
    target: str
    kind: str
    announced: Any
    people: tuple[str, ...]  # sorted, distinct: every name its mentions give
    first_seen: datetime | None = None  # set for a deal this batch creates
    first_article_id: str | None = None
    dated: bool = False  # the batch gave a known deal its date
    named: bool = False  # the batch added names


@dataclass
class _Batch:
    """What a store has counted, and the rows it writes once for the whole batch rather than once per
    claim: nothing reads accepted values, decisions or alerts back while a batch is stored, except
    whether an alert's dedup key is taken (:meth:`has_alert`)."""

    run_id: str
    now: datetime
    deals_new: int = 0
    claims_new: int = 0
    alerts_new: int = 0
    alerts_suppressed: int = 0
    alert_ids: list[str] = field(default_factory=list)
    # audit rows in order; an int stands for the decision about ``raised[int]``
    decisions: list[tuple[Any, ...] | int] = field(default_factory=list)
    raised: list[_Raised] = field(default_factory=list)
    raised_keys: set[str] = field(default_factory=set)
    stored_keys: set[str] = field(default_factory=set)  # dedup keys looked up before the batch
    accepted: dict[Key, tuple[Any, ...]] = field(default_factory=dict)
    article_accepted: dict[Key, tuple[Any, ...]] = field(default_factory=dict)
    deals: dict[str, _Deal] = field(
        default_factory=dict
    )  # every deal the batch mentions, once known
    mentions: list[tuple[Any, ...]] = field(default_factory=list)

    def has_alert(self, dedup_key: str) -> bool:
        """Whether the outbox holds ``dedup_key`` (for keys looked up into ``stored_keys`` first)."""
        return dedup_key in self.raised_keys or dedup_key in self.stored_keys

    def accept(self, key: Key, row: tuple[Any, ...]) -> None:
        self.article_accepted[key] = row

    def end_article(self) -> None:
        """The keys this article touched move last, in the order they were first touched: the
        accepted rows land in the order an article-by-article write leaves them."""
        for key, row in self.article_accepted.items():
            self.accepted.pop(key, None)
            self.accepted[key] = row
        self.article_accepted.clear()

    def flush(self, con: duckdb.DuckDBPyConnection) -> None:
        self.end_article()
        _write_deals(con, self.deals)
        if self.mentions:
            con.execute(
                # Only new articles have mentions here, and an article's mentions are written with it, so
                # none is stored yet: no ON CONFLICT clause, which would also shuffle the rows' order.
                f"INSERT INTO store.deal_mentions VALUES {', '.join([_MENTION_ROW] * len(self.mentions))}",  # noqa: S608 - placeholders
                [value for row in self.mentions for value in row],
            )
        if self.accepted:
            deals = sorted({key[0] for key in self.accepted})
            con.execute(
                f"DELETE FROM store.accepted WHERE deal_id IN ({_marks(deals)}) "  # noqa: S608 - placeholders
                "AND list_contains(?, [deal_id, subject, metric])",
                [*deals, [list(key) for key in self.accepted]],
            )
            _insert_rows(con, _ACCEPTED, _ACCEPTED_ROW, list(self.accepted.values()))
        written = self._write_alerts(con)
        rows = [
            self._decision(self.raised[entry], written[entry]) if isinstance(entry, int) else entry
            for entry in self.decisions
        ]
        _insert_rows(con, _DECISIONS, _DECISION_ROW, rows)
        self.accepted.clear()
        self.decisions.clear()
        self.raised.clear()
        self.raised_keys.clear()
        self.mentions.clear()
        for deal in self.deals.values():
            deal.first_seen, deal.dated, deal.named = None, False, False

    def _write_alerts(self, con: duckdb.DuckDBPyConnection) -> list[bool]:
        """Each raised alert in order, unless its dedup key is taken (by then); which were written."""
        taken = outbox.known_dedup_keys(con, [r.alert.dedup_key for r in self.raised])
        written = []
        for raised in self.raised:
            fresh = raised.alert.dedup_key not in taken
            taken.add(raised.alert.dedup_key)
            written.append(fresh)
            if not fresh:
                continue
            if raised.suppressed_because:
                self.alerts_suppressed += 1
            else:
                self.alerts_new += 1
                self.alert_ids.append(raised.alert.alert_id)
        outbox.insert_new_alerts(
            con,
            [r.alert for r, ok in zip(self.raised, written, strict=True) if ok],
            run_id=self.run_id,
        )
        return written

    def _decision(self, raised: _Raised, written: bool) -> tuple[Any, ...]:
        if not written:
            return _decision_row(
                raised.asked,
                "suppressed",
                "duplicate of a known fact: alerted before",
                run_id=self.run_id,
                now=self.now,
                claim_id=raised.claim_id,
                article_id=raised.article_id,
                in_outbox=False,
            )
        return _decision_row(
            raised.alert,
            "suppressed" if raised.suppressed_because else "fired",
            raised.alert.reason,
            run_id=self.run_id,
            now=self.now,
            claim_id=raised.claim_id,
            article_id=raised.article_id,
        )


def _decision_row(
    alert: AlertRecord,
    decision: str,
    reason: str,
    *,
    run_id: str,
    now: datetime,
    claim_id: str | None = None,
    article_id: str | None = None,
    in_outbox: bool = True,
) -> tuple[Any, ...]:
    return (
        alert.dedup_key,
        alert.alert_id if in_outbox else None,
        alert.kind,
        decision,
        reason,
        alert.deal_id,
        alert.subject,
        alert.metric,
        claim_id,
        article_id,
        run_id,
        now,
    )


def _raise(
    alert: AlertRecord,
    policy: ReconcilePolicy,
    batch: _Batch,
    *,
    claim_id: str | None = None,
    article_id: str | None = None,
) -> None:
    """Queue an alert for the outbox (or a record of why it stays quiet), with its decision row."""
    suppressed_because = None
    if alert.deal_id in policy.mute_deals:
        suppressed_because = f"muted deal {alert.deal_id}"
    elif alert.metric is not None and alert.metric in policy.mute_metrics:
        suppressed_because = f"muted metric {alert.metric}"
    elif policy.baseline:
        suppressed_because = "backfill baseline: recorded, not sent"
    written = (
        _replace_status(alert, "suppressed", suppressed_because) if suppressed_because else alert
    )
    batch.decisions.append(len(batch.raised))
    batch.raised.append(_Raised(written, alert, suppressed_because, claim_id, article_id))
    batch.raised_keys.add(alert.dedup_key)


def _replace_status(alert: AlertRecord, status: str, reason: str) -> AlertRecord:
    return replace(alert, status=status, reason=f"{reason} ({alert.reason})")  # type: ignore[arg-type]


_MENTION_ROW = "(?, ?, ?, ?, ?::VARCHAR[], ?, ?, ?)"
_NEW_DEAL_ROW = "(?, ?, ?, ?, ?, ?, ?)"


def _stored_deals(con: duckdb.DuckDBPyConnection, deal_ids: Sequence[str]) -> dict[str, _Deal]:
    ids = sorted(set(deal_ids))
    if not ids:
        return {}
    return {
        r[0]: _Deal(acquirer=r[1], target=r[2], kind=r[3], announced=r[4], people=tuple(r[5] or ()))
        for r in con.execute(
            "SELECT d.deal_id, d.acquirer, d.target, d.kind, d.announced, p.people FROM store.deals d "  # noqa: S608 - placeholders
            f"LEFT JOIN store.deal_people p ON p.deal_id = d.deal_id WHERE d.deal_id IN ({_marks(ids)})",
            ids,
        ).fetchall()
    }


def _write_deals(con: duckdb.DuckDBPyConnection, deals: Mapping[str, _Deal]) -> None:
    """The batch's new deals, the dates it gave known ones, and every deal's names it added to."""
    _insert_rows(
        con,
        "INSERT INTO store.deals (deal_id, acquirer, target, kind, announced, first_seen, first_article_id) "
        "VALUES",
        _NEW_DEAL_ROW,
        [
            (deal_id, d.acquirer, d.target, d.kind, d.announced, d.first_seen, d.first_article_id)
            for deal_id, d in deals.items()
            if d.first_seen is not None
        ],
    )
    dated = [(deal_id, d.announced) for deal_id, d in deals.items() if d.dated]
    if dated:
        con.execute(
            "UPDATE store.deals AS d SET announced = u.announced FROM (SELECT unnest(?::VARCHAR[]) AS deal_id, "
            "unnest(?::DATE[]) AS announced) u WHERE d.deal_id = u.deal_id AND d.announced IS NULL",
            [[deal_id for deal_id, _ in dated], [announced for _, announced in dated]],
        )
    named = [(deal_id, list(d.people)) for deal_id, d in deals.items() if d.named]
    if named:
        con.execute(
            "MERGE INTO store.deal_people AS d USING (SELECT unnest(?::VARCHAR[]) AS deal_id, "
            "unnest(?::VARCHAR[][]) AS people) AS u ON d.deal_id = u.deal_id "
            "WHEN MATCHED THEN UPDATE SET people = u.people "
            "WHEN NOT MATCHED THEN INSERT (deal_id, people) VALUES (u.deal_id, u.people)",
            [[deal_id for deal_id, _ in named], [people for _, people in named]],
        )


def _ensure_deal(mention: DealMention, article: Article, batch: _Batch, *, now: datetime) -> bool:
    """The mention's deal known to the batch (created if new), with the mention's date and names."""
    deal = batch.deals.get(mention.deal_id)
    created = deal is None
    if deal is None:
        deal = _Deal(
            acquirer=mention.acquirer,
            target=mention.target,
            kind=mention.kind,
            announced=mention.announced,
            people=(),
            first_seen=now,
            first_article_id=article.article_id,
        )
        batch.deals[mention.deal_id] = deal
        batch.deals_new += 1
    elif mention.announced is not None and deal.announced is None:
        deal.announced = mention.announced
        deal.dated = True
    people = tuple(sorted({*deal.people, *mention.people}))
    if people != deal.people:
        deal.people = people
        deal.named = True
    return created


DealRow = tuple[
    str | None, str | None, str | None, tuple[str, ...]
]  # acquirer, target, kind, people


def _deal_row(batch: _Batch, deal_id: str) -> DealRow:
    deal = batch.deals.get(deal_id)
    if deal is None:
        return (None, None, None, ())
    return (deal.acquirer, deal.target, deal.kind, deal.people)


_KEY_CLAIMS = (
    "SELECT deal_id, subject, metric, claim_id, low, high, as_of, stated, article_id, confidence FROM store.claims "
    "WHERE deal_id IN ({deals}) AND list_contains(?, [deal_id, subject, metric]) ORDER BY stored_at, rowid"
)


class _KeyClaim(NamedTuple):  # thousands are built per article: a tuple is the cheapest record
    """A claim as reconciliation weighs it; what an alert shows of it (:class:`_Shown`) is read when needed."""

    known: reconcile.KnownClaim
    stated: str
    article_id: str
    source: str


@dataclass(frozen=True, slots=True)
class _Shown:
    unit: str
    quote: str
    url: str
    title: str | None
    published: Any


def _key_claims(
    con: duckdb.DuckDBPyConnection,
    keys: Sequence[Key],
    stories: dict[str, tuple[str, str]],
    min_confidence: float = 0.0,
) -> dict[Key, list[_KeyClaim]]:
    """Every claim of each key that is confident enough to weigh, oldest first: one query for all the
    keys of an article, and one for the stories and outlets of their articles not in ``stories`` yet
    (which it adds them to)."""
    found: dict[Key, list[_KeyClaim]] = {key: [] for key in keys}
    if not found:
        return found
    deals = sorted({key[0] for key in found})
    rows = con.execute(
        _KEY_CLAIMS.format(deals=_marks(deals)), [*deals, [list(key) for key in found]]
    ).fetchall()
    # Joining the articles in SQL scans every article.
    stories.update(_stories_and_sources(con, [r[8] for r in rows if r[8] not in stories]))
    for (
        deal_id,
        subject,
        metric,
        claim_id,
        low,
        high,
        as_of,
        stated,
        article_id,
        confidence,
    ) in rows:
        if confidence is not None and confidence < min_confidence:
            continue  # stored and shown, never weighed: below the alert threshold
        story_id, source = stories[article_id]
        claims = found[(deal_id, subject, metric)]
        known = reconcile.KnownClaim(claim_id, low, high, as_of, story_id, len(claims))
        claims.append(_KeyClaim(known, stated, article_id, source))
    return found


def _shown(con: duckdb.DuckDBPyConnection, claim_id: str) -> _Shown:
    row = con.execute(
        "SELECT unit, quote, article_id FROM store.claims WHERE claim_id = ?", [claim_id]
    ).fetchone()
    assert row is not None
    unit, quote, article_id = row
    page = con.execute(
        "SELECT url, title, published FROM store.articles WHERE article_id = ?", [article_id]
    ).fetchone()
    assert page is not None
    return _Shown(unit=unit, quote=quote, url=page[0], title=page[1], published=page[2])


def _side(claim: _KeyClaim, shown: _Shown, backers: Sequence[_KeyClaim]) -> FigureSide:
    return FigureSide(
        stated=claim.stated,
        low=claim.known.low,
        high=claim.known.high,
        unit=shown.unit,
        quote=shown.quote,
        article_id=claim.article_id,
        source=claim.source,
        url=shown.url,
        title=shown.title,
        published=shown.published,
        sources=tuple(sorted({b.source for b in backers})),
        independent_sources=len({b.known.story_id for b in backers}) or 1,
    )


def _contradiction_dedup_key(
    contradiction_key: str, sides: tuple[Sequence[_KeyClaim], Sequence[_KeyClaim]] | None
) -> str:
    """One alert per contradiction; with ``sides`` (``realert_on_new_source``), one per
    count of independent stories behind its two sides, so a new source re-alerts once."""
    if sides is None:
        return f"contradiction|{contradiction_key}"
    low, high = sorted(len({c.known.story_id for c in side}) for side in sides)
    return f"contradiction|{contradiction_key}|sources={low},{high}"


def _backers(claims: Sequence[_KeyClaim], low: float | None, high: float | None) -> list[_KeyClaim]:
    return [c for c in claims if reconcile.overlaps(c.known.low, c.known.high, low, high)]


def _accepted_row(
    key: Key, after: reconcile.Accepted, everything: Sequence[_KeyClaim], now: datetime
) -> tuple[Any, ...]:
    """The accepted value, with what ``accepted_figures`` shows of it: who agrees and who dissents (any date)."""
    agrees = [
        reconcile.overlaps(c.known.low, c.known.high, after.low, after.high) for c in everything
    ]
    agreeing = [c for c, ok in zip(everything, agrees, strict=True) if ok]
    dissenting = sorted(
        (c for c, ok in zip(everything, agrees, strict=True) if not ok), key=lambda c: c.source
    )
    return (
        *key,
        after.low,
        after.high,
        after.claim_id,
        after.independent_sources,
        now,
        sorted({c.source for c in agreeing}) or None,
        len({c.known.story_id for c in agreeing}),
        [
            {"stated": c.stated, "low": c.known.low, "high": c.known.high, "source": c.source}
            for c in dissenting
        ]
        or None,
        len({c.known.story_id for c in dissenting}),
    )


def _reconcile_article(
    con: duckdb.DuckDBPyConnection,
    article: Article,
    claims: Sequence[Claim],
    policy: ReconcilePolicy,
    batch: _Batch,
    *,
    run_id: str,
    now: datetime,
) -> None:
    """Judge each new claim of one article; the claims of its keys and its deals are read once."""
    if not claims:
        return
    claims_of = _key_claims(
        con,
        list(dict.fromkeys((c.deal_id, c.subject, c.metric) for c in claims)),
        batch.stories,
        policy.min_confidence,
    )
    for claim in claims:
        if not policy.confident(claim.confidence):
            _below_confidence(
                claim, _deal_row(batch, claim.deal_id), policy, batch, run_id=run_id, now=now
            )
            continue
        _reconcile_claim(
            con,
            claim,
            article,
            claims_of[(claim.deal_id, claim.subject, claim.metric)],
            _deal_row(batch, claim.deal_id),
            policy,
            batch,
            run_id=run_id,
            now=now,
        )


def _below_confidence(
    claim: Claim,
    deal: DealRow,
    policy: ReconcilePolicy,
    batch: _Batch,
    *,
    run_id: str,
    now: datetime,
) -> None:
    """A claim too uncertain to alert on: stored, and its audit row says why nothing was sent."""
    acquirer, target, deal_kind, people = deal
    key = f"{claim.deal_id}|{claim.subject}|{claim.metric}"
    reason = f"below confidence: {claim.confidence:.2f} < {policy.min_confidence:.2f} ({claim.evidence or 'no cue'})"
    quiet = AlertRecord(
        alert_id="",
        dedup_key=f"new_figure|{key}|{reconcile.interval_key(claim.low, claim.high)}",
        kind="new_figure",
        reason=reason,
        created_at=now,
        deal_id=claim.deal_id,
        acquirer=acquirer,
        target=target,
        people=people,
        deal_kind=deal_kind,
        subject=claim.subject,
        metric=claim.metric,
    )
    batch.decisions.append(
        _decision_row(
            quiet,
            "suppressed",
            reason,
            run_id=run_id,
            now=now,
            claim_id=claim.claim_id,
            article_id=claim.article_id,
            in_outbox=False,
        )
    )


def _reconcile_claim(
    con: duckdb.DuckDBPyConnection,
    claim: Claim,
    article: Article,
    everything: Sequence[_KeyClaim],
    deal: DealRow,
    policy: ReconcilePolicy,
    batch: _Batch,
    *,
    run_id: str,
    now: datetime,
) -> None:
    mine = next((c for c in everything if c.known.claim_id == claim.claim_id), None)
    if mine is None:
        return
    mine_shown = (
        _Shown(claim.unit, claim.quote, article.url, article.title, article.published)
        if claim.article_id == article.article_id
        else _shown(con, claim.claim_id)
    )
    # An article repeating its own figure is no second voice: judge against other articles only.
    others = [c for c in everything if c.article_id != claim.article_id]
    judgement = reconcile.judge(
        mine.known,
        [c.known for c in others],
        claim.metric,
        same_moment_days=policy.same_moment_days,
    )
    after = judgement.accepted_after
    claim_key = (claim.deal_id, claim.subject, claim.metric)
    batch.accept(claim_key, _accepted_row(claim_key, after, everything, now))
    acquirer, target, deal_kind, people = deal
    base = {
        "created_at": now,
        "deal_id": claim.deal_id,
        "acquirer": acquirer,
        "target": target,
        "people": people,
        "deal_kind": deal_kind,
        "subject": claim.subject,
        "metric": claim.metric,
    }
    key = f"{claim.deal_id}|{claim.subject}|{claim.metric}"
    verdict = judgement.verdict
    if verdict in ("first", "more_precise"):
        dedup_key = f"new_figure|{key}|{reconcile.interval_key(claim.low, claim.high)}"
        reason = (
            "first figure for this deal and metric"
            if verdict == "first"
            else (
                "more precise than the accepted value "
                f"{reconcile.interval_key(judgement.accepted_before.low, judgement.accepted_before.high)}"
                if judgement.accepted_before
                else "more precise than the accepted value"
            )
        )
        alert = AlertRecord(
            alert_id=_alert_id(dedup_key),
            dedup_key=dedup_key,
            kind="new_figure",
            reason=reason,
            figure=_side(mine, mine_shown, _backers(everything, claim.low, claim.high)),
            **base,
        )
        _raise(alert, policy, batch, claim_id=claim.claim_id, article_id=claim.article_id)
    elif verdict == "contradicts":
        before = judgement.accepted_before
        assert before is not None
        accepted_claim = next(c for c in others if c.known.claim_id == before.claim_id)
        accepted_backers = _backers(others, before.low, before.high)
        new_backers = _backers(everything, claim.low, claim.high)
        sides = sorted(
            [
                reconcile.interval_key(before.low, before.high),
                reconcile.interval_key(claim.low, claim.high),
            ]
        )
        contradiction_key = f"{key}|{sides[0]}|{sides[1]}"
        con.execute(
            "INSERT INTO store.contradictions SELECT ?, ?, ?, ?, ?, ?, ? "
            "WHERE NOT EXISTS (SELECT 1 FROM store.contradictions WHERE contradiction_key = ?)",
            [
                contradiction_key,
                claim.deal_id,
                claim.subject,
                claim.metric,
                before.claim_id,
                claim.claim_id,
                now,
                contradiction_key,
            ],
        )
        dedup_key = _contradiction_dedup_key(
            contradiction_key,
            (accepted_backers, new_backers) if policy.realert_on_new_source else None,
        )
        alert = AlertRecord(
            alert_id=_alert_id(dedup_key),
            dedup_key=dedup_key,
            kind="contradiction",
            reason=(
                f"{claim.stated!r} {reconcile.interval_key(claim.low, claim.high)} is disjoint from the accepted "
                f"value {reconcile.interval_key(before.low, before.high)}"
            ),
            figure=_side(mine, mine_shown, new_backers),
            other=_side(
                accepted_claim, _shown(con, accepted_claim.known.claim_id), accepted_backers
            ),
            **base,
        )
        _raise(alert, policy, batch, claim_id=claim.claim_id, article_id=claim.article_id)
    elif (
        verdict == "agrees"
        and policy.realert_on_new_source
        and _realert_known_contradiction(
            con,
            mine,
            mine_shown,
            everything,
            judgement,
            base,
            policy,
            batch,
        )
    ):
        return
    else:
        dedup_key = f"new_figure|{key}|{reconcile.interval_key(claim.low, claim.high)}"
        reason = (
            "backed only by a copy of a wire story already counted"
            if verdict == "same_story"
            else "agrees with the accepted value "
            f"{reconcile.interval_key(after.low, after.high)}: a known fact"
        )
        quiet = AlertRecord(
            alert_id="", dedup_key=dedup_key, kind="new_figure", reason=reason, **base
        )
        batch.decisions.append(
            _decision_row(
                quiet,
                "suppressed",
                reason,
                run_id=run_id,
                now=now,
                claim_id=claim.claim_id,
                article_id=claim.article_id,
                in_outbox=False,
            )
        )


def _realert_known_contradiction(
    con: duckdb.DuckDBPyConnection,
    mine: _KeyClaim,
    mine_shown: _Shown,
    everything: Sequence[_KeyClaim],
    judgement: reconcile.Judgement,
    base: dict[str, Any],
    policy: ReconcilePolicy,
    batch: _Batch,
) -> bool:
    """``realert_on_new_source`` for a claim that joins the accepted side of a known contradiction.

    The dissenting side gaining a source arrives as a contradicting claim; this is
    the other case. The dedup key counts each side's independent sources, as for a
    contradicting claim, so a copy of a wire story already counted re-alerts nothing.
    True when the claim belongs to such a contradiction (and an alert or its
    suppression is recorded).
    """
    before = judgement.accepted_before
    if before is None:
        return False
    my_side = _backers(everything, before.low, before.high)
    mine_ids = {c.known.claim_id for c in my_side}
    by_id = {c.known.claim_id: c for c in everything}
    known = con.execute(
        "SELECT contradiction_key, a_claim_id, b_claim_id FROM store.contradictions "
        "WHERE deal_id = ? AND subject = ? AND metric = ? ORDER BY detected_at, contradiction_key",
        [base["deal_id"], base["subject"], base["metric"]],
    ).fetchall()
    for contradiction_key, a_id, b_id in known:
        if a_id in mine_ids and b_id not in mine_ids:
            dissent = by_id.get(b_id)
        elif b_id in mine_ids and a_id not in mine_ids:
            dissent = by_id.get(a_id)
        else:
            continue
        if dissent is None or not reconcile.comparable(
            base["metric"],
            dissent.known.as_of,
            mine.known.as_of,
            same_moment_days=policy.same_moment_days,
        ):
            continue
        their_side = _backers(everything, dissent.known.low, dissent.known.high)
        dedup_key = _contradiction_dedup_key(contradiction_key, (my_side, their_side))
        alert = AlertRecord(
            alert_id=_alert_id(dedup_key),
            dedup_key=dedup_key,
            kind="contradiction",
            reason=(
                f"{mine.stated!r} adds a source to the accepted value "
                f"{reconcile.interval_key(before.low, before.high)}, which "
                f"{dissent.stated!r} {reconcile.interval_key(dissent.known.low, dissent.known.high)} contradicts"
            ),
            figure=_side(mine, mine_shown, my_side),
            other=_side(dissent, _shown(con, dissent.known.claim_id), their_side),
            **base,
        )
        _raise(alert, policy, batch, claim_id=mine.known.claim_id, article_id=mine.article_id)
        return True
    return False


_CLAIMS = (
    "INSERT INTO store.claims (claim_id, article_id, deal_id, subject, metric, low, high, unit, stated, qualifier, "
    "quote, start_offset, end_offset, as_of, stored_at, confidence, evidence) VALUES"
)
_CLAIM_ROW = "(" + ", ".join("?" * 17) + ")"


def _stored_claim_ids(con: duckdb.DuckDBPyConnection, claims: Sequence[Claim]) -> set[str]:
    ids = sorted({c.claim_id for c in claims})
    if not ids:
        return set()
    among, params = _one_of(ids)
    return {
        r[0]
        for r in con.execute(
            f"SELECT claim_id FROM store.claims WHERE claim_id {among}",  # noqa: S608 - placeholders
            params,
        ).fetchall()
    }


def _stories_and_sources(
    con: duckdb.DuckDBPyConnection, article_ids: Sequence[str]
) -> dict[str, tuple[str, str]]:
    """Story and outlet of each article. Up to a few hundred ids, as string literals: DuckDB looks a
    constant IN list up in the primary key, where placeholders beyond 64 become a scan of articles."""
    ids = sorted(set(article_ids))
    if not ids:
        return {}
    if len(ids) <= _LITERAL_LOOKUPS:
        among, params = f"IN ({', '.join(_quoted(i) for i in ids)})", []
    else:
        among, params = _one_of(ids)
    return {
        r[0]: (r[1], r[2])
        for r in con.execute(
            f"SELECT article_id, story_id, source FROM store.articles WHERE article_id {among}",  # noqa: S608 - quoted literals or placeholders
            params,
        ).fetchall()
    }


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _insert_claims(
    con: duckdb.DuckDBPyConnection, claims: Sequence[Claim], stored: set[str], now: datetime
) -> list[Claim]:
    """Insert the claims not in ``stored`` (the claim ids stored so far, updated); returns those that
    are new."""
    fresh = list({c.claim_id: c for c in claims if c.claim_id not in stored}.values())
    stored.update(c.claim_id for c in fresh)
    _insert_rows(
        con,
        _CLAIMS,
        _CLAIM_ROW,
        [
            (
                c.claim_id,
                c.article_id,
                c.deal_id,
                c.subject,
                c.metric,
                c.low,
                c.high,
                c.unit,
                c.stated,
                c.qualifier,
                c.quote,
                c.start,
                c.end,
                c.as_of,
                now,
                c.confidence,
                c.evidence or None,
            )
            for c in fresh
        ],
    )
    return fresh


def _stored_article_ids(con: duckdb.DuckDBPyConnection, article_ids: Sequence[str]) -> set[str]:
    if not article_ids:
        return set()
    among, params = _one_of(sorted(set(article_ids)))
    return {
        r[0]
        for r in con.execute(
            f"SELECT article_id FROM store.articles WHERE article_id {among}",  # noqa: S608 - placeholders
            params,
        ).fetchall()
    }


# --- pages fetched again (issues 17, 19) -----------------------------------------


def refetch_entries(con: duckdb.DuckDBPyConnection, *, limit: int) -> list[FeedEntry]:
    """The queued pages a run fetches again, host by host, as feed entries.

    Each entry carries what the stored summary holds (title, summary, date, outlet) and
    ``stored_as``, the id its page will replace.
    """
    if limit <= 0 or not _has_aliases(con):
        return []
    # Host by host in turn (each host's first page, then each one's second...): a host that has
    # come back gets its pages going at once, and one still down costs one request.
    rows = con.execute(
        "WITH turns AS (SELECT article_id, url, host, last_tried_at, row_number() OVER "
        "(PARTITION BY host ORDER BY last_tried_at, article_id) AS turn FROM store.refetch) "
        "SELECT r.article_id, r.url, a.title, a.text, a.published, a.source, a.feed_url "
        "FROM turns r JOIN store.articles a USING (article_id) "
        "ORDER BY r.turn, r.last_tried_at, r.host, r.article_id LIMIT ?",
        [limit],
    ).fetchall()
    entries = []
    for article_id, url, title, text, published, source, feed_url in rows:
        title = title or ""
        summary = text[len(title) :].lstrip("\n") if title and text.startswith(title) else text
        entries.append(
            FeedEntry(
                feed_url=feed_url or "",
                entry_id=url,
                url=url,
                title=title,
                summary=summary,
                published=datetime(published.year, published.month, published.day, tzinfo=UTC)
                if published
                else None,
                outlet=source,
                stored_as=article_id,
            )
        )
    return entries


def _finish_refetches(
    con: duckdb.DuckDBPyConnection,
    outcomes: Mapping[str, tuple[str, str | None]],
    *,
    run_id: str,
    now: datetime,
) -> None:
    """Queued pages leave the queue, with what became of them: ``{article_id: (outcome, detail)}``."""
    if not outcomes:
        return
    ids = list(outcomes)
    con.execute(
        "INSERT INTO store.refetch_done (article_id, url, host, outcome, detail, first_failed_at, attempts, "
        "done_at, run_id) SELECT r.article_id, r.url, r.host, o.outcome, o.detail, r.first_failed_at, "
        "r.attempts, ?, ? FROM store.refetch r JOIN (SELECT unnest(?::VARCHAR[]) AS article_id, "
        "unnest(?::VARCHAR[]) AS outcome, unnest(?::VARCHAR[]) AS detail) o USING (article_id)",
        [now, run_id, ids, [outcomes[i][0] for i in ids], [outcomes[i][1] for i in ids]],
    )
    con.execute("DELETE FROM store.refetch WHERE article_id IN (SELECT unnest(?))", [ids])


def _queue_refetches(
    con: duckdb.DuckDBPyConnection, articles: Sequence[Article], *, now: datetime
) -> int:
    """New summary articles whose page a later run should fetch again join the queue."""
    queued = {
        a.article_id: (a.article_id, a.url, host_of(a.url), a.fetch_again, now, now, 1)
        for a in articles
        if a.fetch_again and not a.refetched
    }
    rows = list(queued.values())
    if rows:
        # Keyed writes check their key themselves: a DuckLake has no constraints to conflict on.
        con.execute(
            "INSERT INTO store.refetch (article_id, url, host, reason, first_failed_at, last_tried_at, attempts) "
            "SELECT * FROM (SELECT unnest(?::VARCHAR[]) AS article_id, unnest(?::VARCHAR[]), "
            "unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::TIMESTAMPTZ[]), "
            "unnest(?::TIMESTAMPTZ[]), unnest(?::INTEGER[])) n "
            "WHERE NOT EXISTS (SELECT 1 FROM store.refetch r WHERE r.article_id = n.article_id)",
            _columns(rows, 7),
        )
    return len(rows)


def _retried_in_vain(
    con: duckdb.DuckDBPyConnection,
    articles: Sequence[Article],
    *,
    run_id: str,
    now: datetime,
) -> int:
    """Queued pages that gave their summary again: they wait for the next run, or, when what
    failed will not change (a 404, a wall), leave the queue; returns how many left it."""
    waiting = [a for a in articles if a.fetch_again]
    for article in waiting:
        con.execute(
            "UPDATE store.refetch SET attempts = attempts + 1, last_tried_at = ?, reason = ? "
            "WHERE article_id = ?",
            [now, article.fetch_again, article.article_id],
        )
    gone = {
        a.article_id: ("gave up", a.extraction_note or "the page gave no text")
        for a in articles
        if not a.fetch_again
    }
    _finish_refetches(con, gone, run_id=run_id, now=now)
    return len(gone)


def _expire_refetches(
    con: duckdb.DuckDBPyConnection, give_up_after: timedelta | None, *, run_id: str, now: datetime
) -> int:
    """Pages queued longer than ``give_up_after`` stay as their summaries."""
    if give_up_after is None:
        return 0
    ids = [
        r[0]
        for r in con.execute(
            "SELECT article_id FROM store.refetch WHERE first_failed_at < ?", [now - give_up_after]
        ).fetchall()
    ]
    hours = give_up_after.total_seconds() / 3600
    detail = f"still not fetched after {hours:g} h; the summary stays"
    _finish_refetches(con, {i: ("gave up", detail) for i in ids}, run_id=run_id, now=now)
    return len(ids)


def _article_of(con: duckdb.DuckDBPyConnection, canonical: str) -> str | None:
    row = con.execute(
        "SELECT article_id FROM store.articles WHERE canonical_url = ? ORDER BY stored_at LIMIT 1",
        [canonical],
    ).fetchone()
    if row is None:
        row = con.execute(
            "SELECT article_id FROM store.url_aliases WHERE alias_url = ?", [canonical]
        ).fetchone()
    return row[0] if row else None


def _record_aliases(
    con: duckdb.DuckDBPyConnection,
    aliases: Sequence[LinkAlias],
    articles: Sequence[Article],
    *,
    run_id: str,
    now: datetime,
) -> None:
    """Aggregator links known as other links to stored articles; a summary stored from an
    unresolved link whose page is stored already becomes a duplicate of that page."""
    pairs: dict[str, str] = {}
    for article in articles:
        if article.via and canonical_url(article.via) != article.canonical_url:
            pairs[canonical_url(article.via)] = article.article_id
    duplicates: dict[str, tuple[str, str | None]] = {}
    for alias in aliases:
        target = _article_of(con, canonical_url(alias.target))
        if target is None:
            continue
        pairs.setdefault(canonical_url(alias.alias), target)
        if alias.summary_id and alias.summary_id != target:
            story = con.execute(
                "SELECT story_id FROM store.articles WHERE article_id = ?", [target]
            ).fetchone()
            con.execute(
                "UPDATE store.articles SET duplicate_of = ?, story_id = ? WHERE article_id = ?",
                [target, story[0] if story else target, alias.summary_id],
            )
            duplicates[alias.summary_id] = ("duplicate", target)
    if pairs:
        con.execute(
            "INSERT INTO store.url_aliases (alias_url, article_id, created_at) "
            "SELECT *, ? FROM (SELECT unnest(?::VARCHAR[]) AS alias_url, unnest(?::VARCHAR[])) n "
            "WHERE NOT EXISTS (SELECT 1 FROM store.url_aliases u WHERE u.alias_url = n.alias_url)",
            [now, list(pairs), list(pairs.values())],
        )
    _finish_refetches(con, duplicates, run_id=run_id, now=now)


# Every column of an article but its id (and when it was first stored), from one _article_row.
_REPLACE_ARTICLE = (
    "UPDATE store.articles SET "  # noqa: S608 - column names from _ARTICLE_COLUMNS
    + ", ".join(f"{name} = ?" for name, _ in _ARTICLE_COLUMNS[1:])
    + ", run_id = ? WHERE article_id = ?"
)


def _replace_summaries(
    con: duckdb.DuckDBPyConnection,
    items: Sequence[tuple[Article, Analysis]],
    *,
    run_id: str,
    now: datetime,
) -> dict[str, tuple[str, str]]:
    """Stored summaries replaced by their pages' text, in place (same article ids).

    What the summary's analysis left goes with it: its deal mentions, its LSH bands,
    and its claims, except those an accepted value or a contradiction holds (they are
    the record behind an alert already sent). Its story is found again from the new
    text, unless other articles already count as copies of it. Returns each
    article's story and outlet, as ``_insert_articles`` does.
    """
    if not items:
        return {}
    ids = [article.article_id for article, _ in items]
    among, params = _one_of(ids)
    con.execute(f"DELETE FROM store.deal_mentions WHERE article_id {among}", params)  # noqa: S608 - placeholders
    con.execute(f"DELETE FROM store.article_lsh WHERE article_id {among}", params)  # noqa: S608 - placeholders
    con.execute(
        f"DELETE FROM store.claims WHERE article_id {among} "  # noqa: S608 - placeholders
        "AND claim_id NOT IN (SELECT claim_id FROM store.accepted) "
        "AND claim_id NOT IN (SELECT a_claim_id FROM store.contradictions) "
        "AND claim_id NOT IN (SELECT b_claim_id FROM store.contradictions)",
        params,
    )
    copied = {
        r[0]
        for r in con.execute(
            f"SELECT DISTINCT story_id FROM store.articles WHERE story_id {among} "  # noqa: S608 - placeholders
            "AND story_id <> article_id",
            params,
        ).fetchall()
    }
    articles = [article for article, _ in items]
    keys_of = [_band_keys(article) for article in articles]
    copies = _stories_of(con, articles, keys_of, now)
    stories: dict[str, tuple[str, str]] = {}
    for article, analysis in items:
        row = _article_row(
            article, analysis, None if article.article_id in copied else copies[article.article_id]
        )
        con.execute(_REPLACE_ARTICLE, [*row[1:], run_id, article.article_id])
        stories[article.article_id] = (row[-1], article.source)
    bands = [
        (key, article.article_id)
        for article, keys in zip(articles, keys_of, strict=True)
        for key in sorted(set(keys))
    ]
    if bands:
        con.execute(
            "INSERT INTO store.article_lsh (band_key, article_id) SELECT unnest(?), unnest(?)",
            [[key for key, _ in bands], [article_id for _, article_id in bands]],
        )
    _finish_refetches(con, {i: ("upgraded", None) for i in ids}, run_id=run_id, now=now)
    return stories


def store_analyses(
    con: duckdb.DuckDBPyConnection,
    items: Sequence[tuple[Article, Analysis]],
    *,
    run_id: str,
    policy: ReconcilePolicy,
    now: datetime,
    aliases: Sequence[LinkAlias] = (),
    give_up_after: timedelta | None = None,
) -> StoreResult:
    """One transaction: articles, syndication groups, deals, mentions, claims, reconciliation, outbox.

    Pages fetched again (``Article.refetched``) replace their stored summaries when
    they gave their text, and are analysed, reconciled and alerted on as new
    articles are; when they gave their summary again they stay queued. New
    summaries that say ``fetch_again`` are queued; ``aliases`` records aggregator
    links to stored pages; pages queued longer than ``give_up_after`` leave the queue.
    """
    batch = _Batch(run_id=run_id, now=now)
    with transaction(con):
        stored = _stored_article_ids(con, [article.article_id for article, _ in items])
        queued = _queued_ids(con, [a.article_id for a, _ in items if a.refetched])
        fresh_items: list[tuple[Article, Analysis]] = []
        upgrades: list[tuple[Article, Analysis]] = []
        in_vain: list[Article] = []
        for article, analysis in items:
            if article.refetched:
                if article.article_id not in queued:
                    continue  # done already (a spooled batch stored twice)
                queued.discard(article.article_id)
                if article.extraction == "feed_summary":
                    in_vain.append(article)
                else:
                    upgrades.append((article, analysis))
            elif article.article_id not in stored:
                stored.add(article.article_id)
                fresh_items.append((article, analysis))
        skipped = len(items) - len(fresh_items) - len(upgrades) - len(in_vain)
        new_articles = len(fresh_items)
        given_up = _retried_in_vain(con, in_vain, run_id=run_id, now=now)
        given_up += _expire_refetches(con, give_up_after, run_id=run_id, now=now)
        batch.stories = _insert_articles(con, fresh_items, run_id=run_id, now=now)
        batch.stories.update(_replace_summaries(con, upgrades, run_id=run_id, now=now))
        waiting = _queue_refetches(con, [a for a, _ in fresh_items], now=now)
        _record_aliases(
            con, aliases, [a for a, _ in [*fresh_items, *upgrades]], run_id=run_id, now=now
        )
        fresh_items = [*fresh_items, *upgrades]
        claim_ids = _stored_claim_ids(
            con, [c for _, analysis in fresh_items for c in analysis.claims]
        )
        mentioned = [m.deal_id for _, analysis in fresh_items for m in analysis.deals]
        batch.stored_keys = outbox.known_dedup_keys(con, [f"new_deal|{d}" for d in mentioned])
        batch.deals = _stored_deals(con, mentioned)
        for article, analysis in fresh_items:
            if not analysis.deals:
                continue
            mentions = {m.deal_id: m for m in analysis.deals}
            deals_with_claims = {c.deal_id for c in analysis.claims}
            for mention in mentions.values():
                _ensure_deal(mention, article, batch, now=now)
                batch.mentions.append(
                    (
                        article.article_id,
                        mention.deal_id,
                        mention.role,
                        mention.kind,
                        list(mention.people),
                        mention.score,
                        mention.evidence,
                        mention.announced,
                    )
                )
                _consider_new_deal(
                    mention,
                    article,
                    policy,
                    batch,
                    run_id=run_id,
                    now=now,
                    has_claims=mention.deal_id in deals_with_claims,
                )
            claims = [c for c in analysis.claims if c.deal_id in mentions]
            fresh = _insert_claims(con, claims, claim_ids, now)
            batch.claims_new += len(fresh)
            _reconcile_article(con, article, fresh, policy, batch, run_id=run_id, now=now)
            batch.end_article()
        batch.flush(con)
    return StoreResult(
        articles_new=new_articles,
        articles_skipped=skipped,
        deals_new=batch.deals_new,
        claims_new=batch.claims_new,
        alerts_new=batch.alerts_new,
        alerts_suppressed=batch.alerts_suppressed,
        alert_ids=tuple(batch.alert_ids),
        articles_upgraded=len(upgrades),
        pages_waiting=waiting,
        pages_given_up=given_up,
    )


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
    if rows:
        con.execute(
            "INSERT INTO store.host_trips (host, run_id, reason, pages, feeds, tripped_at) "
            "SELECT host, ?, reason, pages, feeds, ? FROM (SELECT unnest(?::VARCHAR[]) AS host, "
            "unnest(?::VARCHAR[]) AS reason, unnest(?::INTEGER[]) AS pages, "
            "unnest(?::INTEGER[]) AS feeds) n WHERE NOT EXISTS "
            "(SELECT 1 FROM store.host_trips t WHERE t.host = n.host AND t.run_id = ?)",
            [run_id, now, [r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows],
             [r[3] for r in rows], run_id],
        )  # fmt: skip
    return rows


def _queued_ids(con: duckdb.DuckDBPyConnection, article_ids: Sequence[str]) -> set[str]:
    if not article_ids:
        return set()
    among, params = _one_of(sorted(set(article_ids)))
    return {
        r[0]
        for r in con.execute(
            f"SELECT article_id FROM store.refetch WHERE article_id {among}",  # noqa: S608 - placeholders
            params,
        ).fetchall()
    }


def _consider_new_deal(
    mention: DealMention,
    article: Article,
    policy: ReconcilePolicy,
    batch: _Batch,
    *,
    run_id: str,
    now: datetime,
    has_claims: bool,
) -> None:
    dedup_key = f"new_deal|{mention.deal_id}"
    if batch.has_alert(dedup_key):
        return
    acquirer, target, deal_kind, people = _deal_row(batch, mention.deal_id)
    alert = AlertRecord(
        alert_id=_alert_id(dedup_key),
        dedup_key=dedup_key,
        kind="new_deal",
        created_at=now,
        reason="first article about this deal"
        if mention.role == "subject"
        else "first figure stated for this deal",
        deal_id=mention.deal_id,
        acquirer=acquirer,
        target=target,
        people=people,
        deal_kind=deal_kind,
        detail=mention.evidence,
        source=article.source,
        url=article.url,
        title=article.title,
    )
    quiet_because = None
    if not policy.confident(mention.score):
        quiet_because = f"below confidence: {mention.score:.2f} < {policy.min_confidence:.2f}; alerts once an article is surer"
    elif mention.role != "subject" and not has_claims:
        quiet_because = "named in passing only; alerts once an article is about it"
    if quiet_because is not None:
        batch.decisions.append(
            _decision_row(
                alert,
                "suppressed",
                quiet_because,
                run_id=run_id,
                now=now,
                article_id=article.article_id,
                in_outbox=False,
            )
        )
        return
    _raise(alert, policy, batch, article_id=article.article_id)
