"""Pages fetched again, and other links to stored pages (issues 17, 19).

A page whose host could not be reached, or whose aggregator link could not be
resolved yet, is stored from its feed summary and queued in ``store.refetch``. Each
run fetches the queue again (``refetch_entries``); a page that gives its text
replaces its summary in place, same article id (``replace_summaries``), one that
gives its summary again waits for the next run or, when what failed will not change,
leaves the queue; pages queued too long are given up. Every page that leaves the
queue gets a row in ``store.refetch_done`` saying what became of it.

``store.url_aliases`` holds aggregator links (Google News, Bing) known as other links
to a stored article, so that an aggregator's item is known without being resolved again.

Keyed writes check their key themselves (``Table.insert_new``): a DuckLake has no
constraints to conflict on.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import duckdb

from extractors.records import Analysis, Article, FeedEntry
from extractors.urls import canonical_url, host_of
from warehouse.records import LinkAlias
from warehouse.rows import Table, one_of, present
from warehouse.write_articles import ARTICLES, article_row, band_keys, insert_bands, stories_of

REFETCH = Table(
    "store.refetch",
    ("article_id", "url", "host", "reason", "first_failed_at", "last_tried_at", "attempts"),
    {"article_id": "VARCHAR", "url": "VARCHAR", "host": "VARCHAR", "reason": "VARCHAR",
     "first_failed_at": "TIMESTAMPTZ", "last_tried_at": "TIMESTAMPTZ", "attempts": "INTEGER"},
)  # fmt: skip

URL_ALIASES = Table(
    "store.url_aliases",
    ("alias_url", "article_id", "created_at"),
    {"alias_url": "VARCHAR", "article_id": "VARCHAR", "created_at": "TIMESTAMPTZ"},
)

_OUTCOMES = Table(
    "outcomes",  # not a table: what became of each page leaving the queue, joined to its row
    ("article_id", "outcome", "detail"),
    {"article_id": "VARCHAR", "outcome": "VARCHAR", "detail": "VARCHAR"},
)
_RECORD_DONE = (
    "INSERT INTO store.refetch_done (article_id, url, host, outcome, detail, first_failed_at, "  # noqa: S608 - column names of _OUTCOMES
    "attempts, done_at, run_id) SELECT r.article_id, r.url, r.host, o.outcome, o.detail, "
    "r.first_failed_at, r.attempts, ?, ? FROM store.refetch r JOIN ({rows}) o USING (article_id)"
)
_LEAVE_QUEUE = "DELETE FROM store.refetch WHERE article_id IN (SELECT article_id FROM ({rows}))"  # noqa: S608 - column name of _OUTCOMES


def has_aliases(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the warehouse has the aliases table yet: a reader may open a file a run of older
    code wrote (read connections do not migrate)."""
    row = con.execute(
        "SELECT count(*) FROM information_schema.tables "
        "WHERE table_schema = 'store' AND table_name = 'url_aliases'"
    ).fetchone()
    return bool(row and row[0])


# --- the queue ---------------------------------------------------------------


def refetch_entries(con: duckdb.DuckDBPyConnection, *, limit: int) -> list[FeedEntry]:
    """The queued pages a run fetches again, host by host, as feed entries.

    Each entry carries what the stored summary holds (title, summary, date, outlet) and
    ``stored_as``, the id its page will replace.
    """
    if limit <= 0 or not has_aliases(con):
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


def queued_ids(con: duckdb.DuckDBPyConnection, article_ids: Sequence[str]) -> set[str]:
    """Which of ``article_ids`` wait in the queue."""
    return present(con, "store.refetch", "article_id", article_ids)


def finish_refetches(
    con: duckdb.DuckDBPyConnection,
    outcomes: Mapping[str, tuple[str, str | None]],
    *,
    run_id: str,
    now: datetime,
) -> None:
    """Queued pages leave the queue, with what became of them: ``{article_id: (outcome, detail)}``."""
    if not outcomes:
        return
    rows = [
        {"article_id": i, "outcome": outcome, "detail": detail}
        for i, (outcome, detail) in outcomes.items()
    ]
    with _OUTCOMES.batch(con, rows) as (done, params):
        con.execute(_RECORD_DONE.format(rows=done), [now, run_id, *params])
        con.execute(_LEAVE_QUEUE.format(rows=done), params)


def queue_refetches(
    con: duckdb.DuckDBPyConnection, articles: Sequence[Article], *, now: datetime
) -> int:
    """New summary articles whose page a later run should fetch again join the queue."""
    queued: dict[str, dict[str, Any]] = {
        a.article_id: {
            "article_id": a.article_id,
            "url": a.url,
            "host": host_of(a.url),
            "reason": a.fetch_again,
            "first_failed_at": now,
            "last_tried_at": now,
            "attempts": 1,
        }
        for a in articles
        if a.fetch_again and not a.refetched
    }
    REFETCH.insert_new(con, list(queued.values()), key=("article_id",))
    return len(queued)


def retried_in_vain(
    con: duckdb.DuckDBPyConnection,
    articles: Sequence[Article],
    *,
    run_id: str,
    now: datetime,
) -> int:
    """Queued pages that gave their summary again: they wait for the next run, or, when what
    failed will not change (a 404, a wall), leave the queue; returns how many left it."""
    for article in articles:
        if article.fetch_again:
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
    finish_refetches(con, gone, run_id=run_id, now=now)
    return len(gone)


def expire_refetches(
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
    finish_refetches(con, {i: ("gave up", detail) for i in ids}, run_id=run_id, now=now)
    return len(ids)


# --- summaries replaced by their pages ------------------------------------------

# Every column of an article but its id and when it was first stored, from one article_row.
_REPLACED = tuple(c for c in ARTICLES.columns if c not in ("article_id", "stored_at"))
_REPLACE_ARTICLE = (
    "UPDATE store.articles SET "  # noqa: S608 - column names of ARTICLES
    + ", ".join(f"{c} = ?::{ARTICLES.types[c]}" for c in _REPLACED)
    + " WHERE article_id = ?"
)


def replace_summaries(
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
    article's story and outlet, as ``write_articles.insert_articles`` does.
    """
    if not items:
        return {}
    ids = [article.article_id for article, _ in items]
    with one_of(con, ids) as (among, params):
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
    keys_of = [band_keys(article) for article in articles]
    copies = stories_of(con, articles, keys_of, now)
    stories: dict[str, tuple[str, str]] = {}
    for article, analysis in items:
        duplicate_of = None if article.article_id in copied else copies[article.article_id]
        row = article_row(article, analysis, duplicate_of, run_id=run_id, now=now)
        con.execute(_REPLACE_ARTICLE, [*(row[c] for c in _REPLACED), article.article_id])
        stories[article.article_id] = (row["story_id"], article.source)
    insert_bands(con, articles, keys_of)
    finish_refetches(con, {i: ("upgraded", None) for i in ids}, run_id=run_id, now=now)
    return stories


# --- other links to stored pages ---------------------------------------------


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


def record_aliases(
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
    URL_ALIASES.insert_new(
        con,
        [
            {"alias_url": alias, "article_id": article_id, "created_at": now}
            for alias, article_id in pairs.items()
        ],
        key=("alias_url",),
    )
    finish_refetches(con, duplicates, run_id=run_id, now=now)
